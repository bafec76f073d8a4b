"""Fuzz geo's article pipeline: N generated inputs, in parallel, each timed and bounded.

    .venv/bin/python scripts/fuzz.py [--count 100000] [--seed 0] [--jobs N] [--timeout 10]
                                     [--layers-every 10] [--max-long 60000] [--save DIR]
    .venv/bin/python scripts/fuzz.py --replay DIR_OR_FILE...

Each input is an article's bytes from tests/fuzz_inputs.py (random Unicode and bytes, mutated
news sentences about places, numbers, units, compass words and borders; see its docstring).
Input number i of a run is rebuilt from the seed and i alone, so a worker makes its own
inputs and any of them can be made again. Each goes through what `geo run` does before
writing files: `read_article` (a `SourceError` is a fair refusal, anything else a crash),
`Pipeline.analyse`, `report_dict`, `to_json` and `to_markdown`, and for every
`--layers-every`-th input `build_layers`; then the offsets of every mention, claim and region
must lie within the text (tests/fuzz_inputs.py: `offset_problems`).

Workers are processes (one per core by default), each with its own gazetteer. An input that
takes longer than `--timeout` seconds is counted as a hang: its worker is killed and replaced.
The summary gives the crashes grouped by exception type and innermost frame inside the geo
package, with a count and the shortest example of each; the hangs; the inputs over 1 s (the
ten slowest); and the inputs per second. `--save DIR` writes crashing and hanging inputs there
as `.bin` files (the bytes as read: `geo run FILE` or `--replay` replays them).

Exit status: 0 when there was no crash, no hang and no input over 2 s; 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import geo  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.incident_layers import build_layers  # noqa: E402
from geo.pipeline import Pipeline  # noqa: E402
from geo.report import report_dict, to_json, to_markdown  # noqa: E402
from geo.source import SourceError, read_article  # noqa: E402
from tests.fuzz_inputs import DEFAULT_MAX_LONG, fuzz_input_for, offset_problems  # noqa: E402

GEO_DIR = Path(geo.__file__).resolve().parent
SLOW_SECONDS = 1.0    # reported
LIMIT_SECONDS = 2.0   # the bar: no input over it
REPR_CHARS = 300
SAVED_PER_LOCATION = 10
WARM_UP = b"In Amenas is about 700 miles from the Algerian border with Mali, in northern Mali."


class InvariantError(AssertionError):
    """The pipeline ran, but what it produced breaks a stated property."""


def _reject_constant(name: str):
    raise InvariantError(f"report.json holds {name}, which is not JSON")


def check(pipeline: Pipeline, data: bytes, with_layers: bool) -> str:
    """Run one input through the pipeline: "ok", "refused" (a SourceError), or an exception."""
    try:
        article = read_article(data, "fuzz")
    except SourceError:
        return "refused"
    analysis = pipeline.analyse(article)
    report = report_dict(analysis, "fuzz")
    json.loads(to_json(report), parse_constant=_reject_constant)
    to_markdown(report)
    problems = offset_problems(analysis, report)
    if problems:
        raise InvariantError(problems[0])
    if with_layers:
        build_layers(analysis)
    return "ok"


def location(error: BaseException) -> str:
    """Exception type and the innermost frame inside the geo package ("file:line function")."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if Path(f.filename).resolve().is_relative_to(GEO_DIR)]
    if isinstance(error, InvariantError):
        # Group by the property broken, not by the article's words in the message.
        where = "invariant: " + re.sub(r"'.*'|\(.*\)|\d+", "…", str(error))[:80]
    elif inside:
        frame = inside[-1]
        path = Path(frame.filename).resolve().relative_to(GEO_DIR.parent)
        where = f"{path}:{frame.lineno} {frame.name}"
    elif frames:
        frame = frames[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} {frame.name} (outside geo)"
    else:
        where = "?"
    return f"{type(error).__name__} at {where}"


# --- Workers ----------------------------------------------------------------------------------


def _worker(conn: Connection, seed: int, max_long: int, layers_every: int,
            timeout: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops us
    pipeline = Pipeline(Gazetteer.open())
    while True:
        task = conn.recv()
        if task is None:
            return
        key = task
        data = (Path(key).read_bytes() if isinstance(key, str)
                else fuzz_input_for(seed, key, max_long))
        with_layers = layers_every > 0 and (isinstance(key, str) or key % layers_every == 0)
        started = time.perf_counter()
        try:
            status, detail = check(pipeline, data, with_layers), None
        except Exception as error:  # every crash is what we are looking for
            message = f"{type(error).__name__}: {error}"
            status = "crash"
            detail = {"location": location(error), "message": message[:500],
                      "traceback": "".join(traceback.format_exception(error))[-4000:]}
        seconds = time.perf_counter() - started
        if SLOW_SECONDS < seconds < timeout / 2 and status != "crash":
            # Again, warm: is the time the input's own, or a first use of something that is
            # then cached for the process (a region's cut, the unit registry)? Only when both
            # runs fit in the parent's timeout.
            again = time.perf_counter()
            check(pipeline, data, with_layers)
            detail = {"warm_seconds": time.perf_counter() - again}
        conn.send((key, status, seconds, len(data), detail))


@dataclass
class Worker:
    process: multiprocessing.Process
    conn: Connection
    task: object = None
    sent_at: float = 0.0


class Pool:
    def __init__(self, jobs: int, seed: int, max_long: int, layers_every: int, timeout: float):
        self.context = multiprocessing.get_context("fork")
        self.args = (seed, max_long, layers_every, timeout)
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, *self.args), daemon=True)
        process.start()
        child.close()
        return Worker(process, parent)

    def replace(self, worker: Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


# --- The run ----------------------------------------------------------------------------------


@dataclass
class Crash:
    count: int = 0
    shortest: tuple[int, object] | None = None  # (length, key)
    message: str = ""
    traceback: str = ""
    saved: set = field(default_factory=set)  # keys of the inputs written to --save


@dataclass
class Results:
    run: int = 0
    refused: int = 0
    crashes: dict[str, Crash] = field(default_factory=dict)
    hangs: list[object] = field(default_factory=list)
    # (seconds, seconds when run again at once, length, key) of the inputs over SLOW_SECONDS
    times: list[tuple[float, float | None, int, object]] = field(default_factory=list)
    slowest: float = 0.0
    elapsed: float = 0.0
    stopped: bool = False


def run(keys: list, args: argparse.Namespace) -> Results:
    results = Results()
    save = Path(args.save) if args.save else None
    if save:
        save.mkdir(parents=True, exist_ok=True)
    pool = Pool(args.jobs, args.seed, args.max_long, args.layers_every, args.timeout)
    pending = list(reversed(keys))
    started = last_progress = time.monotonic()

    def input_bytes(key) -> bytes:
        if isinstance(key, str):
            return Path(key).read_bytes()
        return fuzz_input_for(args.seed, key, args.max_long)

    def saved_name(kind: str, key) -> str:
        return f"{kind}-{Path(key).stem if isinstance(key, str) else key}.bin"

    def give_work(worker: Worker) -> None:
        if pending:
            worker.task = pending.pop()
            worker.sent_at = time.monotonic()
            worker.conn.send(worker.task)
        else:
            worker.task = None

    def record(key, status: str, seconds: float, length: int, detail: dict | None) -> None:
        results.run += 1
        results.slowest = max(results.slowest, seconds)
        if seconds > SLOW_SECONDS:
            warm = detail.get("warm_seconds") if detail else None
            results.times.append((seconds, warm, length, key))
        if status == "refused":
            results.refused += 1
        elif status == "crash":
            crash = results.crashes.setdefault(detail["location"], Crash())
            crash.count += 1
            if crash.shortest is None or length < crash.shortest[0]:
                crash.shortest = (length, key)
                crash.message, crash.traceback = detail["message"], detail["traceback"]
            if save and (len(crash.saved) < SAVED_PER_LOCATION or crash.shortest[1] == key):
                save_crash(detail["location"], crash, key)

    def save_crash(where: str, crash: Crash, key) -> None:
        slug = re.sub(r"[^A-Za-z0-9]+", "_", where)[:60]
        (save / saved_name(f"crash-{slug}", key)).write_bytes(input_bytes(key))
        crash.saved.add(key)

    for worker in pool.workers:
        give_work(worker)
    try:
        while any(worker.task is not None for worker in pool.workers):
            busy = [w for w in pool.workers if w.task is not None]
            now = time.monotonic()
            deadline = min(w.sent_at for w in busy) + args.timeout
            ready = wait([w.conn for w in busy], timeout=max(0.0, deadline - now))
            for worker in busy:
                if worker.conn in ready:
                    try:
                        key, status, seconds, length, detail = worker.conn.recv()
                    except (EOFError, OSError):  # the worker died: a crash of its own kind
                        dead, key = worker, worker.task
                        worker = _replace(pool, dead)
                        record(key, "crash", time.monotonic() - dead.sent_at,
                               len(input_bytes(key)),
                               {"location": f"worker died (exit code {dead.process.exitcode})",
                                "message": "", "traceback": ""})
                    else:
                        record(key, status, seconds, length, detail)
                    give_work(worker)
                elif time.monotonic() - worker.sent_at > args.timeout:
                    key = worker.task
                    results.run += 1
                    results.hangs.append(key)
                    if save:
                        (save / saved_name("hang", key)).write_bytes(input_bytes(key))
                    new = _replace(pool, worker)
                    give_work(new)
            if time.monotonic() - last_progress > args.progress:
                last_progress = time.monotonic()
                elapsed = last_progress - started
                print(f"  {results.run:,}/{len(keys):,} inputs, "
                      f"{sum(c.count for c in results.crashes.values()):,} crashes, "
                      f"{len(results.hangs)} hangs, {results.run / elapsed:,.0f}/s",
                      file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        results.stopped = True
        print("  interrupted: the summary covers the inputs run so far", file=sys.stderr)
    finally:
        pool.close()
    results.elapsed = time.monotonic() - started
    return results


def _replace(pool: Pool, worker: Worker) -> Worker:
    index = pool.workers.index(worker)
    pool.replace(worker)
    return pool.workers[index]


def _shown(data: bytes) -> str:
    text = repr(data)
    return text if len(text) <= REPR_CHARS else text[:REPR_CHARS] + f"... ({len(data):,} bytes)"


def summary(results: Results, args: argparse.Namespace, keys: list) -> int:
    def input_bytes(key) -> bytes:
        if isinstance(key, str):
            return Path(key).read_bytes()
        return fuzz_input_for(args.seed, key, args.max_long)

    def name(key) -> str:
        return key if isinstance(key, str) else f"#{key}"

    crashes = sum(c.count for c in results.crashes.values())
    over_limit = sum(1 for seconds, *_ in results.times if seconds > LIMIT_SECONDS)
    warm_slow = sum(1 for _, warm, *_ in results.times if warm is not None and warm > SLOW_SECONDS)
    print(f"\ngeo fuzz: seed {args.seed}, {results.run:,} inputs run of {len(keys):,} "
          f"({results.refused:,} refused as unreadable, a fair answer) in "
          f"{results.elapsed:,.1f} s with {args.jobs} workers: "
          f"{results.run / results.elapsed:,.1f} inputs/s")

    print(f"\nCrashes: {crashes:,} at {len(results.crashes)} location(s)")
    for where, crash in sorted(results.crashes.items(), key=lambda item: -item[1].count):
        length, key = crash.shortest
        print(f"\n  {crash.count:,} x {where}")
        if crash.message:
            print(f"    {crash.message[:300]}")
        print(f"    shortest: input {name(key)} ({length:,} bytes): "
              f"{_shown(input_bytes(key))}")
    print(f"\nHangs (over {args.timeout:g} s, worker replaced): {len(results.hangs)}")
    for key in results.hangs[:10]:
        data = input_bytes(key)
        print(f"  input {name(key)} ({len(data):,} bytes): {_shown(data)}")

    print(f"\nInputs over {SLOW_SECONDS:g} s: {len(results.times):,} "
          f"({over_limit:,} over {LIMIT_SECONDS:g} s); slowest {results.slowest:.2f} s. Run again "
          f"at once in the same worker, {warm_slow:,} still take over {SLOW_SECONDS:g} s (the "
          "rest paid for a first use that the process then caches, as every `geo run` does)")
    for seconds, warm, length, key in sorted(results.times, key=lambda t: -t[0])[:10]:
        again = "" if warm is None else f" (again: {warm:.2f} s)"
        print(f"  {seconds:6.2f} s{again}  input {name(key)} ({length:,} bytes): "
              f"{_shown(input_bytes(key))}")
    warm_slowest = sorted((t for t in results.times if t[1] is not None and t[1] > SLOW_SECONDS),
                          key=lambda t: -t[1])[:5]
    if warm_slowest:
        print(f"  Still over {SLOW_SECONDS:g} s when run again:")
    for seconds, warm, length, key in warm_slowest:
        print(f"  {warm:6.2f} s again ({seconds:.2f} s first)  input {name(key)} "
              f"({length:,} bytes): {_shown(input_bytes(key))}")
    if args.save:
        print(f"\nCrashing and hanging inputs saved in {args.save}/ "
              f"(replay: scripts/fuzz.py --replay {args.save})")
    failed = bool(crashes or results.hangs or over_limit)
    print(f"\n{'FAIL' if failed else 'PASS'}: {crashes:,} crashes, {len(results.hangs)} hangs, "
          f"{over_limit:,} inputs over {LIMIT_SECONDS:g} s")
    if args.tracebacks:
        for where, crash in results.crashes.items():
            print(f"\n--- {where}\n{crash.traceback}")
    return 1 if failed else 0


def warm_up() -> None:
    """Load the base layers in this process, so that every worker forked from it has them."""
    with Gazetteer.open() as gazetteer:
        analysis = Pipeline(gazetteer).analyse(read_article(WARM_UP))
        build_layers(analysis)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to run (100,000)")
    parser.add_argument("--seed", type=int, default=0, help="which inputs (0)")
    parser.add_argument("--start", type=int, default=0, help="index of the first input (0)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (one per core)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds after which an input is a hang (10)")
    parser.add_argument("--layers-every", type=int, default=10,
                        help="build the GIS layers for every Nth input (10; 0: never)")
    parser.add_argument("--max-long", type=int, default=DEFAULT_MAX_LONG,
                        help=f"characters in the longest inputs ({DEFAULT_MAX_LONG:,})")
    parser.add_argument("--save", metavar="DIR", help="write crashing and hanging inputs here")
    parser.add_argument("--replay", nargs="+", metavar="PATH",
                        help="run these files (or every .bin file in these folders) instead")
    parser.add_argument("--progress", type=float, default=30.0,
                        help="seconds between progress lines on stderr (30)")
    parser.add_argument("--tracebacks", action="store_true",
                        help="print the traceback of each crash location's shortest input")
    args = parser.parse_args(argv)
    if args.replay:
        keys = []
        for path in map(Path, args.replay):
            keys += sorted(map(str, path.glob("*.bin"))) if path.is_dir() else [str(path)]
    else:
        keys = list(range(args.start, args.start + args.count))
    warm_up()
    results = run(keys, args)
    return summary(results, args, keys)


if __name__ == "__main__":
    sys.exit(main())
