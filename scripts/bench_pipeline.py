"""Benchmark the article pipeline: start-up, articles per second, and time per MB, one core.

Prints (targets from issues 4 and 9): import of geo plus opening the gazetteer in a fresh
process (target: at most 1 s), and articles per second after warm-up on one core (target: at
least 100), each next to a baseline measured the same way: importing geotext, and geotext's
own articles per second on the same texts. Then the whole of `geo run` (every output) on
articles of 10 kB, 100 kB, 1 MB and 10 MB made of the corpus's texts, in seconds per MB and
as a ratio to reading the same file (decoding and cleaning it); the target is that the 10 MB
article, the largest geo accepts, runs in under a minute.

Run: python scripts/bench_pipeline.py [CORPUS.jsonl] (default ../shared/eval/lgl.jsonl)
"""

from __future__ import annotations

import os

# One core: keep numpy's BLAS from spreading the geodesy's matrix products over more.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def fresh_process_seconds(code: str, repeat: int = 5) -> float:
    """Median wall time of `code` in a new interpreter, less an empty interpreter's start."""
    def run(source: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", source], check=True)
        return time.perf_counter() - start

    empty = statistics.median(run("pass") for _ in range(repeat))
    return statistics.median(run(code) for _ in range(repeat)) - empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=REPO.parent / "shared" / "eval" / "lgl.jsonl")
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()

    startup = fresh_process_seconds(
        "from geo.pipeline import Pipeline; p = Pipeline(); p.gazetteer; p.recogniser")
    geotext_import = fresh_process_seconds("import geotext")
    print(f"machine: {os.cpu_count()} cores; measured on one")
    print(f"import geo + open gazetteer: {startup:.2f} s (target <= 1 s); "
          f"import geotext: {geotext_import:.2f} s; ratio {startup / geotext_import:.2f}")

    from geotext import GeoText

    from geo.pipeline import Pipeline
    from geo.source import read_article

    texts = []
    with args.corpus.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.articles:
                break
    pipeline = Pipeline()
    for text in texts[:20]:  # warm-up: caches and lazily loaded word lists
        pipeline.analyse(read_article(text.encode()))
        GeoText(text)
    start = time.perf_counter()
    for text in texts:
        pipeline.analyse(read_article(text.encode()))
    ours = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts:
        GeoText(text)
    floor = len(texts) / (time.perf_counter() - start)
    print(f"{args.corpus.name}, {len(texts)} articles, warm: geo {ours:,.0f} articles/s "
          f"(target >= 100); geotext {floor:,.0f} articles/s; ratio {ours / floor:.3f}")
    time_per_megabyte(args.corpus)


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


if __name__ == "__main__":
    main()
