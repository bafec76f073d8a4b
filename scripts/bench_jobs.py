"""Benchmark `geo parse --jobs N` and `geo parse --scheduler`: the whole process on a corpus.

Prints the wall time of `geo parse --jobs 1` and `--jobs N` (default: the cores) on the same
corpus, alternating the two over several rounds so that both see the same machine, their
median ratio (target, issue 14: at least 1.8 on 2 cores for the LGL corpus), and whether the
outputs are the same bytes. Then the same corpus sent to a Dask LocalCluster of N worker
processes (`--scheduler`; the cluster is started once, before the rounds, and each worker opens
its gazetteer at its first task), as a ratio to `--jobs 1` and with the same check of the bytes:
the issue's cluster check. Also the baseline of the same run: `python -c pass`.

Run: python scripts/bench_jobs.py [CORPUS.jsonl] [--jobs N] [--rounds R]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from pathlib import Path

from geo.batch import default_jobs

REPO = Path(__file__).resolve().parents[1]


def timed(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode not in (0, 2):  # 2: a record the corpus holds badly; still timed
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return time.perf_counter() - start, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=REPO.parent / "shared" / "eval" / "lgl.jsonl")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    geo = [sys.executable, "-m", "geo", "parse", str(args.corpus), "-q"]
    empty, _ = timed([sys.executable, "-c", "pass"])
    with contextlib.ExitStack() as stack:
        scheduler = stack.enter_context(_cluster(args.jobs))
        one, many, cluster, same, same_on_cluster = [], [], [], True, True
        for _ in range(args.rounds):
            seconds, single = timed([*geo, "--jobs", "1"])
            one.append(seconds)
            seconds, several = timed([*geo, "--jobs", str(args.jobs)])
            many.append(seconds)
            same &= single == several
            if scheduler:
                seconds, sent = timed([*geo, "--scheduler", scheduler])
                cluster.append(seconds)
                same_on_cluster &= single == sent
    records = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
    first, last = statistics.median(one), statistics.median(many)
    print(f"{args.corpus.name}: {records} records, median of {args.rounds} alternating rounds")
    print(f"  baseline python -c pass: {empty:.2f} s")
    print(f"  geo parse --jobs 1:      {first:.2f} s ({records / first:,.0f} records/s)")
    print(f"  geo parse --jobs {args.jobs}:      {last:.2f} s ({records / last:,.0f} records/s)")
    print(f"  speed-up: {first / last:.2f}x on {args.jobs} processes (target 1.8x on 2 cores)")
    print(f"  outputs identical: {'yes' if same else 'NO'}")
    if not scheduler:
        print("  Dask cluster: not measured (Dask is not installed: pip install 'geo[cluster]')")
        return 0 if same else 1
    on_cluster = statistics.median(cluster)
    print(f"  geo parse --scheduler (LocalCluster of {args.jobs} worker processes): "
          f"{on_cluster:.2f} s ({records / on_cluster:,.0f} records/s), "
          f"{first / on_cluster:.2f}x --jobs 1")
    print(f"  outputs identical on the cluster: {'yes' if same_on_cluster else 'NO'}")
    return 0 if same and same_on_cluster else 1


@contextlib.contextmanager
def _cluster(workers: int):
    """The address of a LocalCluster of `workers` processes of one thread, or None without
    Dask."""
    try:
        from dask.distributed import LocalCluster
    except ImportError:
        yield None
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


if __name__ == "__main__":
    raise SystemExit(main())
