"""Run the whole `geo run` path over every article of the shared corpora and report what broke.

Usage:
    python scripts/sweep.py [--corpus PATH ...] [--sample N] [--jobs N] [--timeout S]
    make sweep

Each article (JSON lines with "id" and "text", read where they lie, by default
../shared/eval/lgl.jsonl and ../shared/eval/geovirus.jsonl, never copied into the repo) is
written to a temporary file named after its id and run, exactly as the command line does
(`geo.cli.main(["run", FILE, "--out", DIR])`), in a worker process; one worker per core.
After each run every file `geo run` writes must exist and be non-empty.

An article fails in one of three ways:
- a crash: an exception, a non-zero exit status, or a worker that died. Crashes are grouped
  by kind: the exception type and the innermost frame inside the geo package;
- a hang: no result within --timeout seconds (default 60). Its worker is killed and replaced,
  so one hang never stalls the sweep;
- lost output: the run succeeded but an expected file is missing or empty.

At the end it prints the number of articles, the failures with up to three article ids per
kind, the ten slowest articles and the time per article. Exit status 0 when nothing failed,
1 otherwise.

--sample N takes N articles at evenly spaced positions of the corpora read one after another:
the article at position floor(i * total / N) for i = 0 .. N-1. The sample is the same on
every run and every corpus gets a share in proportion to its size.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
import traceback
from collections import defaultdict, deque
from dataclasses import asdict, dataclass
from pathlib import Path

import geo

# `geo run` imports these on its first call. Imported here, before the workers are forked,
# they are loaded once rather than once per worker (about 1.5 s each).
import geo.cli
import geo.incident_map
import geo.pipeline
import geo.report
from geo.corpus import read_articles
from geo.outputs import file_names

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = (REPO.parent / "shared" / "eval" / "lgl.jsonl",
                   REPO.parent / "shared" / "eval" / "geovirus.jsonl")
GEO_PACKAGE = Path(geo.__file__).resolve().parent
# Every file `geo run` writes, named from geo's own list so that a new layer is checked too.
EXPECTED_OUTPUTS = tuple(sorted(file_names()))

OK, CRASH, HANG, LOST_OUTPUT = "ok", "crash", "hang", "lost output"
IDS_SHOWN = 3
SLOWEST_SHOWN = 10


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    corpus: str

    @property
    def size(self) -> int:
        """Bytes of UTF-8, as the file geo reads."""
        return len(self.text.encode("utf-8", errors="surrogatepass"))


@dataclass
class Outcome:
    article_id: str
    size: int
    status: str
    seconds: float | None = None  # None for a hang: it never finished
    kind: str = ""  # what to group failures by
    detail: str = ""  # one example message for the kind


# Reading the corpora and choosing a sample

def read_corpora(paths: list[Path]) -> list[Article]:
    return [Article(id=str(record["id"]), text=record["text"], corpus=Path(path).name)
            for path in paths for record in read_articles(Path(path))]


def spread_sample(articles: list[Article], count: int) -> list[Article]:
    """`count` articles at evenly spaced positions (see the module docstring)."""
    if count >= len(articles):
        return list(articles)
    return [articles[i * len(articles) // count] for i in range(count)]


def count_by_corpus(articles: list[Article]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[article.corpus] += 1
    return dict(counts)


# One article, inside a worker process

def file_name_for(article_id: str) -> str:
    """The id made safe as a file name; ids are unique, so the names are too."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article_id)[:100] or "article"


def run_article(article_id: str, text: str, work_dir: Path) -> Outcome:
    """`geo run` one article from a file named after its id, check its outputs, clean up."""
    article_file = work_dir / f"{file_name_for(article_id)}.txt"
    out_dir = work_dir / file_name_for(article_id)
    article_file.write_text(text, encoding="utf-8", errors="surrogatepass")
    size = article_file.stat().st_size
    try:
        started = time.perf_counter()
        status, kind, detail = _run_cli(article_file, out_dir)
        seconds = time.perf_counter() - started
        if status == OK:
            missing = missing_outputs(out_dir)
            if missing:
                status, kind = LOST_OUTPUT, "missing or empty: " + ", ".join(missing)
        return Outcome(article_id, size, status, seconds, kind, detail)
    finally:
        # A map is about 2 MB: keeping 817 of them would fill a small disk.
        shutil.rmtree(out_dir, ignore_errors=True)
        article_file.unlink(missing_ok=True)


def _run_cli(article_file: Path, out_dir: Path) -> tuple[str, str, str]:
    """(status, kind, detail) of one `geo run`, its stdout and stderr kept off the terminal."""
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
            exit_status = geo.cli.main(["run", str(article_file), "--out", str(out_dir)])
    except SystemExit as stop:  # argparse, or a sys.exit deep inside
        exit_status = stop.code
    except Exception as error:
        return CRASH, crash_kind(error), f"{type(error).__name__}: {error}"[:200]
    if exit_status in (0, None):
        return OK, "", ""
    return CRASH, *exit_status_kind(exit_status, stderr.getvalue())


def missing_outputs(out_dir: Path) -> list[str]:
    return [name for name in EXPECTED_OUTPUTS
            if not (out_dir / name).is_file() or (out_dir / name).stat().st_size == 0]


def crash_kind(error: BaseException) -> str:
    """"AttributeError at geo/base_layers.py:120 country": the type and the innermost frame
    inside geo, where the fault most likely is (frames below it are in libraries)."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [frame for frame in frames if _in_geo(frame.filename)]
    where = _frame_text(inside[-1]) if inside else "outside geo"
    return f"{_exception_name(type(error))} at {where}"


def _in_geo(filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(GEO_PACKAGE)


def _frame_text(frame: traceback.FrameSummary) -> str:
    relative = Path(frame.filename).resolve().relative_to(GEO_PACKAGE.parent)
    return f"{relative}:{frame.lineno} {frame.name}"


def _exception_name(kind: type) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


TRACEBACK_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<name>\S+)')


def exit_status_kind(exit_status, stderr: str) -> tuple[str, str]:
    """(kind, detail) of a run that caught its own error and exited non-zero. Asked for it
    (GEO_DEBUG=1), geo prints the traceback: its last block gives the kind as an exception
    does. Without one, the exit status is the kind and the last line of stderr the detail."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    last_line = lines[-1][:200] if lines else ""
    block = stderr.rpartition("Traceback (most recent call last):")[2]
    frames = list(TRACEBACK_FRAME.finditer(block))
    if not frames:
        return f"exit status {exit_status}", last_line
    # The exception's own line is the first unindented one after the frames.
    after_frames = block[frames[-1].end():].splitlines()
    error_line = next((line for line in after_frames if line and not line[0].isspace()),
                      last_line)
    inside = [frame for frame in frames if _in_geo(frame["file"])]
    where = "outside geo"
    if inside:
        relative = Path(inside[-1]["file"]).resolve().relative_to(GEO_PACKAGE.parent)
        where = f"{relative}:{inside[-1]['line']} {inside[-1]['name']}"
    return f"{error_line.split(':', 1)[0]} at {where}", error_line[:200]


def worker_loop(connection, work_dir: Path) -> None:
    """Take (id, text) jobs until the parent hangs up; answer each with an Outcome as a dict
    (a dict, so the parent need not import this module under the worker's name)."""
    # Ask geo for the traceback where it would otherwise print one line: that gives the kind.
    os.environ["GEO_DEBUG"] = "1"
    # geo writes a log file per internal error into the temporary folder; this one is removed
    # at the end of the sweep, /tmp would keep them.
    tempfile.tempdir = str(work_dir)
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        if job is None:
            return
        connection.send(asdict(run_article(*job, work_dir)))


# The pool: one worker per core, each replaceable on its own

class Worker:
    """A process running `worker_loop`, and the article it is working on, if any."""

    def __init__(self, context, work_dir: Path):
        self.work_dir = work_dir
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=worker_loop, args=(child_end, work_dir),
                                       daemon=True)
        self.process.start()
        child_end.close()
        self.article: Article | None = None
        self.started = 0.0

    def give(self, article: Article) -> None:
        self.article, self.started = article, time.monotonic()
        self.connection.send((article.id, article.text))

    def overdue(self, timeout: float) -> bool:
        return time.monotonic() - self.started > timeout

    def collect(self) -> Outcome:
        """The outcome of the current article; a worker that died is a crash."""
        article, self.article = self.article, None
        try:
            return Outcome(**self.connection.recv())
        except (EOFError, OSError):
            self.process.join(timeout=5)
            return Outcome(article.id, article.size, CRASH, time.monotonic() - self.started,
                           f"worker died ({_exit_text(self.process.exitcode)})")

    def abandon(self) -> Article:
        """Kill the worker (after a hang) and remove the files it left behind."""
        article, self.article = self.article, None
        self.stop(at_once=True)
        name = file_name_for(article.id)
        shutil.rmtree(self.work_dir / name, ignore_errors=True)
        (self.work_dir / f"{name}.txt").unlink(missing_ok=True)
        return article

    def stop(self, at_once: bool = False) -> None:
        """Tell an idle worker to return; kill it if it is stuck or does not return."""
        if not at_once:
            # A message, not just closing the pipe: workers forked later hold copies of this
            # end, so the worker would never see the end of the stream.
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(timeout=5)
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _exit_text(exit_code: int | None) -> str:
    if exit_code is not None and exit_code < 0:
        return signal.Signals(-exit_code).name
    return f"exit code {exit_code}"


def run_sweep(articles: list[Article], jobs: int, timeout: float,
              on_outcome=lambda outcome: None) -> list[Outcome]:
    """Every article through `geo run` on `jobs` workers; one Outcome per article."""
    # fork: the workers start at once and inherit this process's imports; geo is Linux-only.
    context = multiprocessing.get_context("fork")
    # Longest first, so that a long article does not run last on one core while others idle.
    pending = deque(sorted(articles, key=lambda article: article.size, reverse=True))
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="geo-sweep-") as work_dir:
        workers = [Worker(context, Path(work_dir)) for _ in range(max(1, min(jobs, len(pending))))]
        try:
            while pending or any(worker.article for worker in workers):
                for worker in workers:
                    if worker.article is None and pending:
                        worker.give(pending.popleft())
                _wait_for_any(workers, timeout)
                for index, worker in enumerate(workers):
                    outcome = _finished(worker, timeout)
                    if outcome is None:
                        continue
                    if not worker.process.is_alive():
                        workers[index] = Worker(context, Path(work_dir))
                    outcomes.append(outcome)
                    on_outcome(outcome)
        finally:
            for worker in workers:
                worker.stop()
    return outcomes


def _wait_for_any(workers: list[Worker], timeout: float) -> None:
    """Until a busy worker answers or the earliest deadline passes."""
    busy = [worker for worker in workers if worker.article]
    first_deadline = min(worker.started + timeout for worker in busy)
    multiprocessing.connection.wait([worker.connection for worker in busy],
                                    timeout=max(0.0, first_deadline - time.monotonic()))


def _finished(worker: Worker, timeout: float) -> Outcome | None:
    """The worker's outcome if it answered, died or ran out of time; else None."""
    if worker.article is None:
        return None
    if worker.connection.poll():
        return worker.collect()
    if worker.overdue(timeout):
        article = worker.abandon()
        return Outcome(article.id, article.size, HANG, None, f"no result in {timeout:g} s")
    return None


# The summary

def summary(outcomes: list[Outcome], wall_seconds: float, corpora: dict[str, int]) -> str:
    corpus_text = ", ".join(f"{name} {count}" for name, count in corpora.items())
    by_status = defaultdict(list)
    for outcome in outcomes:
        by_status[outcome.status].append(outcome)
    lines = [f"{len(outcomes)} articles ({corpus_text})",
             f"ok {len(by_status[OK])}, crashes {len(by_status[CRASH])}, "
             f"hangs {len(by_status[HANG])}, lost outputs {len(by_status[LOST_OUTPUT])}", ""]
    lines += _failure_section("crashes by kind", by_status[CRASH])
    lines += _failure_section("hangs", by_status[HANG])
    lines += _failure_section("lost outputs", by_status[LOST_OUTPUT])
    lines += _slowest_section(outcomes)
    lines += _timing_lines(outcomes, wall_seconds)
    return "\n".join(lines)


def _failure_section(title: str, failures: list[Outcome]) -> list[str]:
    if not failures:
        return [f"{title}: none", ""]
    groups = defaultdict(list)
    for outcome in failures:
        groups[outcome.kind].append(outcome)
    lines = [f"{title}: {len(failures)}"]
    for kind, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        ids = ", ".join(outcome.article_id for outcome in sorted(
            group, key=lambda outcome: outcome.article_id)[:IDS_SHOWN])
        lines.append(f"  {len(group):4d}  {kind}")
        lines.append(f"        e.g. {ids}")
        if group[0].detail:
            lines.append(f"        {group[0].detail}")
    return [*lines, ""]


def _slowest_section(outcomes: list[Outcome]) -> list[str]:
    timed = sorted((o for o in outcomes if o.seconds is not None),
                   key=lambda outcome: outcome.seconds, reverse=True)
    lines = [f"{min(SLOWEST_SHOWN, len(timed))} slowest articles:"]
    lines += [f"  {o.seconds:7.2f} s  {o.size:7,d} bytes  {o.article_id}"
              + ("" if o.status == OK else f"  ({o.status})")
              for o in timed[:SLOWEST_SHOWN]]
    return [*lines, ""]


def _timing_lines(outcomes: list[Outcome], wall_seconds: float) -> list[str]:
    seconds = [o.seconds for o in outcomes if o.seconds is not None]
    if not seconds:
        return ["no article finished"]
    return [f"seconds per article: mean {statistics.mean(seconds):.2f}, "
            f"median {statistics.median(seconds):.2f} (one worker's time, hangs left out)",
            f"overall: {len(outcomes) / wall_seconds:.2f} articles/s "
            f"({len(outcomes)} in {wall_seconds:.1f} s)"]


# Progress and the command line

def progress_printer(total: int):
    """Counts on stderr: one line rewritten on a terminal, a line per 10% elsewhere (logs)."""
    counts = defaultdict(int)
    interactive = sys.stderr.isatty()
    step = max(1, total // 10)

    def show(outcome: Outcome) -> None:
        counts[outcome.status] += 1
        done = sum(counts.values())
        text = (f"{done}/{total} articles: {counts[CRASH]} crashes, {counts[HANG]} hangs, "
                f"{counts[LOST_OUTPUT]} lost outputs")
        if interactive:
            print(f"\r{text}", end="\n" if done == total else "", file=sys.stderr, flush=True)
        elif done % step == 0 or done == total:
            print(text, file=sys.stderr, flush=True)

    return show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="--sample N takes the articles at positions floor(i * total / N) of the corpora "
               "read one after another.")
    parser.add_argument("--corpus", action="append", type=Path,
                        help="a JSON lines corpus; repeatable (default: "
                             + ", ".join(str(p) for p in DEFAULT_CORPORA) + ")")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="a fixed sample of N articles spread over the corpora")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S",
                        help="seconds per article before it counts as a hang (default 60)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    corpora = args.corpus or list(DEFAULT_CORPORA)
    articles = read_corpora(corpora)
    if args.sample:
        articles = spread_sample(articles, args.sample)
    started = time.monotonic()
    outcomes = run_sweep(articles, args.jobs, args.timeout, progress_printer(len(articles)))
    print(summary(outcomes, time.monotonic() - started, count_by_corpus(articles)))
    return 0 if all(outcome.status == OK for outcome in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
