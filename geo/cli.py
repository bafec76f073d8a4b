"""The `geo` command: one subcommand per job, each a thin shell over the library.

Exit codes: 0 success, 1 a claim was found inconsistent, 2 bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_INCONSISTENT, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """Input the user can fix; reported in one line, without a traceback."""


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BadInput(f"no such file: {path}") from None
    except IsADirectoryError:
        raise BadInput(f"{path} is a directory, not a file") from None
    except PermissionError:
        raise BadInput(f"cannot read {path}: permission denied") from None


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
        rows.append((str(d["line"] or ""), d["claim"], claimed, measured, tolerance, verdict))
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


def cmd_verify(args) -> int:
    from geo.claims_csv import ClaimFileError, read_claims
    from geo.verdicts import Status, verify

    try:
        claims = read_claims(_read_input(args.claims))
    except ClaimFileError as err:
        raise BadInput(f"{args.claims}: {err}") from None
    verdicts = [verify(claim) for claim in claims]
    if args.json:
        print(json.dumps([v.to_dict() for v in verdicts], indent=2, ensure_ascii=False))
    else:
        print(_format_verdict_table(verdicts))
    inconsistent = any(v.status is Status.INCONSISTENT for v in verdicts)
    return EXIT_INCONSISTENT if inconsistent else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    verify = sub.add_parser("verify", help="check geographic claims written in a CSV file",
                            description="Check the claims in a CSV file (header "
                            "subject,relation,reference,value,unit,hedge) by geodesic "
                            "measurement. Exit 1 if any claim is inconsistent, 2 on bad input.")
    verify.add_argument("claims", help="the claims CSV, or - for standard input")
    verify.add_argument("--json", action="store_true", help="print a JSON array")
    verify.set_defaults(run=cmd_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BadInput as err:
        print(f"geo {args.command}: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
