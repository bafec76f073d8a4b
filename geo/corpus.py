"""The evaluation corpora's format (../shared/eval/*.jsonl): one article per line with its
gold toponyms. Read where they lie; never copied into the repo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

FEATURE_TYPES = ("country", "admin1", "admin2", "city", "other", "unknown")


def read_articles(path: Path, limit: int | None = None) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as lines:
        for count, line in enumerate((line for line in lines if line.strip()), start=1):
            yield json.loads(line)
            if limit and count >= limit:
                return


def feature_type(fcode: str | None) -> str:
    """The kind of place a GeoNames feature code names, as accuracy is broken down by."""
    if not fcode:
        return "unknown"
    if fcode.startswith("PCL"):
        return "country"
    if fcode in ("ADM1", "ADM2"):
        return fcode.lower().replace("adm", "admin")
    if fcode.startswith("PPL"):
        return "city"
    return "other"
