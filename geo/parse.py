"""`geo parse` as functions: one corpus record (a JSON line) in, one JSON line out.

The functions a worker process runs live here rather than in geo.cli, because the CLI may be
run as `__main__` (python -m geo.cli), where a pool could not find them by name.
"""

from __future__ import annotations

import json

from geo.escape import terminal_json
from geo.internal_errors import log_internal_error

# A JSON line may escape every byte of an article (\u00e9 for é): room for that, and no more.
MAX_RECORD_BYTES = 60_000_000


def parse_record(pipeline, line: bytes | None, number: int | None) -> dict:
    """One corpus record in, its mentions and claims out; a record that cannot be read becomes
    an error line, and so does one geo fails on (logged), so the records after it go on.
    `number` is the record's line in its file, None where that is not known (geo.dask)."""
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
        article = read_article(data, name="a record" if number is None else f"line {number}")
    except SourceError as err:
        return {"line": number, "id": record.get("id"), "error": str(err)}
    try:
        analysis = pipeline.analyse(article)
        return {"id": record.get("id"), "mentions": mention_dicts(analysis),
                "claims": claim_dicts(analysis)}
    except Exception as err:  # one record's failure must not lose the others
        log = log_internal_error(err)
        return {"line": number, "id": record.get("id"),
                "error": f"internal error: {type(err).__name__} (details in {log})"}


def start_worker() -> None:
    """Build this process's pipeline (the one geo.read uses) before the first record: workers
    forked after it share it, a spawned worker (where fork is not available) builds its own."""
    import geo

    geo._default_pipeline().recogniser  # noqa: B018


def warm_up() -> None:
    """Read one claim with this process's pipeline, so that workers forked after it share what
    that loads (the claims' phrasings, compiled at their first use, and the geodesy
    libraries) rather than each loading it again: with two workers, a tenth of the CPU time of
    `geo parse` of LGL. Not worth its 0.2 s where no worker is forked."""
    import geo

    geo._default_pipeline().analyse(WARM_UP)


# Invented; it exercises recognition, resolution and a measured claim.
WARM_UP = "Kidal is about 1,200 km north-east of Bamako, near the Algerian border."


def parse_numbered(record: tuple[int | None, bytes | None]) -> tuple[str, int, str | None]:
    """A record's output line, its size in bytes, and its error's kind (None when read), with
    this process's pipeline (the one geo.read uses)."""
    import geo

    number, line = record
    result = parse_record(geo._default_pipeline(), line, number)
    error = result.get("error")
    kind = None if error is None else "internal" if error.startswith("internal") else "input"
    return terminal_json(result), len(line or b""), kind
