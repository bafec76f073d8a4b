"""Benchmark the article pipeline on one core: start-up, articles per second by stage, time per MB.

Prints, each next to a baseline measured the same way in the same run (issue 14's targets):

1. Start-up: the whole process of a one-article `geo parse` (wall time and peak memory, median
   of several runs), as a ratio to `python -c pass`; once for an article that makes no claim
   and once for one whose claim is measured (the ellipsoid's libraries load then). Target: under
   0.4 s and 100 MiB.
2. Throughput: articles per second on one core, with recognition, resolution and claims on, in
   CPU time, and the share of each stage. "First pass" reads the corpus once with a new
   pipeline (every name looked up in the store for the first time); "warm" reads it again, as a
   long run over an archive mostly does. Baseline: geotext on the same texts (names found by a
   dictionary, nothing resolved, no claims). Target: 1,000 articles/s warm.
3. `geo run` (every output) on articles of 10 kB, 100 kB, 1 MB and 10 MB made of the corpus's
   texts, in seconds per MB and as a ratio to reading the same file (decoding and cleaning it);
   the target is that the 10 MB article, the largest geo accepts, runs in under a minute.
4. Memory, peak resident size of whole processes, as a ratio to `python -c pass`: `geo parse
   --jobs 1` of the whole corpus (target: under 200 MiB), `geo run` of the 10 MB article
   (target: under 1 GiB); and a stream of 1,000 records read in one process, its resident size
   after 100 and after 1,000 (target: no growth).

Run: python scripts/bench_pipeline.py [CORPUS.jsonl] (default ../shared/eval/lgl.jsonl)
Needs geotext (pip install -e '.[eval]').
"""

from __future__ import annotations

import os

# One core: keep numpy's BLAS from spreading the geodesy's matrix products over more.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import contextlib  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FOUNDING = REPO.parent / "shared" / "seed" / "ain_amenas_2013.txt"
RUNS = 7
STAGES = ("read", "mentions", "resolve", "focus", "claims", "verify", "regions")


# Runs a command and prints its wall seconds, peak resident kB and exit code. Linux keeps a
# process's peak across fork and exec, so a child of this script, which has geo loaded, would
# start from this script's peak; a grandchild of a fresh small interpreter starts from that's.
_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
child.returncode = 0  # reaped above; Popen must not wait for it again
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def whole_process(command: list[str], stdin: bytes = b"", runs: int = RUNS
                  ) -> tuple[float, float]:
    """Median wall seconds and median peak MiB of `command` in a new process."""
    seconds, mebibytes = [], []
    for _ in range(runs):
        launched = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], input=stdin,
                                  capture_output=True, check=True)
        wall, peak_kb, code = launched.stdout.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"{command} failed")
        seconds.append(float(wall))
        mebibytes.append(int(peak_kb) / 1024)  # kB on Linux
    return statistics.median(seconds), statistics.median(mebibytes)


def start_up(corpus_first: str) -> None:
    empty, empty_mib = whole_process([sys.executable, "-c", "pass"])
    print(f"python -c pass: {empty:.3f} s, {empty_mib:.0f} MiB")
    founding_opening = FOUNDING.read_text(encoding="utf-8").split("\n\n")[0]
    for label, text in (("an article without claims (the corpus's first)", corpus_first),
                        ("the founding article's opening (a measured claim)", founding_opening)):
        record = json.dumps({"id": "one", "text": text}).encode() + b"\n"
        seconds, mib = whole_process([sys.executable, "-m", "geo", "parse", "-q", "-"], record)
        print(f"one-article geo parse, {label}: {seconds:.3f} s (ratio {seconds / empty:.1f}), "
              f"{mib:.0f} MiB (ratio {mib / empty_mib:.1f}); target < 0.4 s and < 100 MiB")


def stage_seconds(pipeline, texts: list[str]) -> dict[str, float]:
    """CPU seconds per stage of reading `texts`, the stages as geo.pipeline runs them."""
    from geo.extract_claims import extract_claims, regions_named
    from geo.focus import focus
    from geo.pipeline import ArticleContext, home_country, home_state
    from geo.resolve import places, resolve
    from geo.source import read_article
    from geo.verdicts import verify

    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for text in texts:
        t0 = clock()
        article_text = read_article(text.encode()).text
        t1 = clock()
        found = pipeline.recogniser.mentions(article_text)
        t2 = clock()
        mentions = resolve(found, article_text)
        named = places(mentions)
        t3 = clock()
        where = focus(named, article_text)
        context = ArticleContext(home_country(named, where), home_state(named, where),
                                 where.mentions[0] if where is not None else None)
        t4 = clock()
        claims = extract_claims(article_text, mentions, context, pipeline)
        t5 = clock()
        for claim in claims:
            verify(claim.claim, claim.readings)
        t6 = clock()
        regions_named(article_text, mentions)
        t7 = clock()
        for stage, (begin, end) in zip(STAGES, [(t0, t1), (t1, t2), (t2, t3), (t3, t4),
                                                (t4, t5), (t5, t6), (t6, t7)], strict=True):
            spent[stage] += end - begin
    return spent


def throughput(texts: list[str], corpus_name: str) -> None:
    from geotext import GeoText

    from geo.gazetteer import Gazetteer
    from geo.pipeline import Pipeline

    # The libraries each stage loads on first use, loaded before the clock starts.
    warm_up = Pipeline(Gazetteer.open())
    for text in (FOUNDING.read_text(encoding="utf-8"), *texts[:5]):
        warm_up.analyse(text)
    pipeline = Pipeline(Gazetteer.open())
    for label, passes in (("first pass", 1), ("warm", 3)):
        rounds = [stage_seconds(pipeline, texts) for _ in range(passes)]
        spent = min(rounds, key=lambda r: sum(r.values()))
        total = sum(spent.values())
        shares = ", ".join(f"{stage} {100 * seconds / total:.0f} %"
                           for stage, seconds in spent.items())
        print(f"{corpus_name}, {len(texts)} articles, {label}: {len(texts) / total:,.0f} "
              f"articles/s per core ({shares})")
    start = time.process_time()
    for text in texts:
        GeoText(text)
    floor = len(texts) / (time.process_time() - start)
    print(f"geotext on the same texts: {floor:,.0f} articles/s; geo warm / geotext ratio "
          f"{len(texts) / total / floor:.3f}; target for geo warm: >= 1,000 articles/s")


def time_per_megabyte(corpus: Path) -> None:
    from geo.cli import main as geo
    from geo.source import MAX_ARTICLE_BYTES, read_article_file

    with corpus.open(encoding="utf-8") as lines:
        text = "\n\n".join(json.loads(line)["text"] for line in lines)
    with tempfile.TemporaryDirectory() as folder:
        for size in (10_000, 100_000, 1_000_000, MAX_ARTICLE_BYTES - 100_000):
            article = Path(folder) / f"{size}.txt"
            body = (text * (size // len(text) + 1)).encode()[:size]
            article.write_bytes(body.decode(errors="ignore").encode())
            start = time.perf_counter()
            read_article_file(article)
            reading = time.perf_counter() - start
            start = time.perf_counter()
            with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
                geo(["run", str(article), "--out", str(Path(folder) / f"out-{size}")])
            running = time.perf_counter() - start
            megabytes = article.stat().st_size / 1e6
            print(f"geo run, {megabytes:,.2f} MB article: {running:,.1f} s, "
                  f"{running / megabytes:,.1f} s/MB; reading it {reading:,.2f} s; "
                  f"ratio {running / reading:,.0f}")


GROWTH_RECORDS = (100, 1_000)


def memory(corpus: Path, texts: list[str]) -> None:
    from geo.source import MAX_ARTICLE_BYTES

    _, empty = whole_process([sys.executable, "-c", "pass"])
    _, parsing = whole_process([sys.executable, "-m", "geo", "parse", "-q", "--jobs", "1",
                                str(corpus)], runs=3)
    print(f"peak memory, geo parse --jobs 1 of {corpus.name}: {parsing:.0f} MiB (ratio "
          f"{parsing / empty:.1f} to python -c pass, {empty:.0f} MiB); target < 200 MiB")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "big.txt"
        text = "\n\n".join(texts)
        size = MAX_ARTICLE_BYTES - 100_000
        article.write_bytes((text * (size // len(text) + 1)).encode()[:size]
                            .decode(errors="ignore").encode())
        _, running = whole_process([sys.executable, "-m", "geo", "run", str(article), "--out",
                                    str(Path(folder) / "out"), "-q"], runs=1)
    print(f"peak memory, geo run of a {size / 1e6:.1f} MB article: {running:.0f} MiB (ratio "
          f"{running / empty:.1f}; {running * 2**20 / size:.0f} bytes per input byte); "
          "target < 1,024 MiB")
    grown = subprocess.run([sys.executable, __file__, "--growth", str(corpus)],
                           capture_output=True, text=True, check=True).stdout.split()
    after = dict(zip(GROWTH_RECORDS, map(float, grown), strict=True))
    first, last = GROWTH_RECORDS
    print(f"resident memory of a stream: {after[first]:.0f} MiB after {first} records, "
          f"{after[last]:.0f} MiB after {last:,} (growth {after[last] / after[first] - 1:+.1%});"
          " target: no growth")


def growth(corpus: Path) -> None:
    """Print this process's resident MiB after each count of GROWTH_RECORDS records of the
    corpus (repeated as needed), read as `geo parse` reads them."""
    import geo
    from geo.parse import parse_numbered

    with corpus.open("rb") as lines:
        records = [line.rstrip(b"\n") for line in lines if line.strip()]
    stream = itertools.islice(itertools.cycle(records), GROWTH_RECORDS[-1])
    geo._default_pipeline()
    for number, record in enumerate(stream, 1):
        parse_numbered((number, record))
        if number in GROWTH_RECORDS:
            with open("/proc/self/status", encoding="ascii") as status:
                kib = next(int(line.split()[1]) for line in status
                           if line.startswith("VmRSS:"))
            print(kib / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=REPO.parent / "shared" / "eval" / "lgl.jsonl")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skip-megabytes", action="store_true",
                        help="leave out the geo run of 10 kB to 10 MB articles")
    parser.add_argument("--growth", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.growth:  # the stream of section 4, in a process of its own
        growth(args.corpus)
        return
    with args.corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in itertools.islice(lines, args.articles)]
    print(f"machine: {os.cpu_count()} cores; measured on one")
    start_up(texts[0])
    throughput(texts, args.corpus.name)
    if not args.skip_megabytes:
        time_per_megabyte(args.corpus)
    memory(args.corpus, texts)


if __name__ == "__main__":
    main()
