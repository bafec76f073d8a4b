"""Claims written down by a person, one per CSV row.

Header (any order): subject,relation,reference,value,unit,hedge. Optional columns: direction
(for direction claims), subject_label, reference_label, subject_uncertainty_km,
reference_uncertainty_km, note. For proximity claims the hedge column holds the word ("on",
"near") and value/unit, if given, a distance limit ("within 50 km").
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
from pathlib import Path

from geo.claims import (
    DEFAULT_PROXIMITY_WORD,
    PROXIMITY_WORDS,
    Claim,
    Quantity,
    Relation,
    normalise_hedge,
    parse_direction,
)
from geo.targets import PlaceResolver, TargetError, parse_target
from geo.units import UnknownUnit

REQUIRED_COLUMNS = ("subject", "relation", "reference", "value", "unit", "hedge")
MAX_BYTES = 20_000_000


class ClaimFileError(ValueError):
    """A claims file that cannot be read; the message names the line and the problem."""


def decode_text(data: bytes, what: str = "file") -> str:
    """UTF-8 text from bytes, or a ClaimFileError that says what is wrong with them."""
    if not data.strip():
        raise ClaimFileError(f"the {what} is empty")
    if len(data) > MAX_BYTES:
        raise ClaimFileError(f"the {what} is {len(data) / 1e6:.0f} MB; the limit is "
                             f"{MAX_BYTES / 1e6:.0f} MB")
    if b"\0" in data:
        raise ClaimFileError(f"the {what} is binary, not CSV text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ClaimFileError(f"the {what} is not UTF-8 text (byte {err.start})") from None


def read_claims(source: Path | bytes, resolve_place: PlaceResolver | None = None) -> list[Claim]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    reader = csv.DictReader(io.StringIO(decode_text(data), newline=""))
    with _csv_errors(reader):
        header = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise ClaimFileError(f"line 1: the header lacks {', '.join(missing)} "
                                 f"(expected {','.join(REQUIRED_COLUMNS)})")
        reader.fieldnames = header
        claims = []
        for row in reader:
            try:
                claims.append(_claim(row, reader.line_num, resolve_place))
            except (ValueError, TargetError, UnknownUnit) as err:
                raise ClaimFileError(f"line {reader.line_num}: {err}") from None
    if not claims:
        raise ClaimFileError("the file has a header but no claims")
    return claims


@contextlib.contextmanager
def _csv_errors(reader: csv.DictReader):
    """The csv module's own errors (a cell over its limit of 131,072 characters) as a
    ClaimFileError naming the line the record starts on."""
    try:
        yield
    except csv.Error as err:
        raise ClaimFileError(f"line {reader.line_num + 1}: {err}") from None


def _cell(row: dict, name: str) -> str:
    value = row.get(name)
    return value.strip() if isinstance(value, str) else ""


def _target(row: dict, role: str, resolve_place: PlaceResolver | None):
    text = _cell(row, role)
    if not text:
        raise ValueError(f"{role} is empty")
    target = parse_target(text, resolve_place)
    changes = {}
    if _cell(row, f"{role}_label"):
        changes["label"] = _cell(row, f"{role}_label")
    if _cell(row, f"{role}_uncertainty_km"):
        changes["uncertainty_km"] = _number(_cell(row, f"{role}_uncertainty_km"),
                                            f"{role}_uncertainty_km")
    try:
        return dataclasses.replace(target, **changes)
    except TypeError:
        raise ValueError(f"a {role} like {text!r} takes no {role}_uncertainty_km") from None


def _number(text: str, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{column} is not a number: {text!r}") from None
    if value < 0 or value != value:
        raise ValueError(f"{column} must be a non-negative number, not {text!r}")
    return value


def _claim(row: dict, line: int, resolve_place: PlaceResolver | None) -> Claim:
    if None in row:
        raise ValueError("more cells than the header has columns")
    relation_text = _cell(row, "relation").lower()
    try:
        relation = Relation(relation_text)
    except ValueError:
        raise ValueError(f"unknown relation {relation_text!r} (expected one of "
                         f"{', '.join(r.value for r in Relation)})") from None
    subject = _target(row, "subject", resolve_place)
    reference = _target(row, "reference", resolve_place)
    value, unit, hedge = _cell(row, "value"), _cell(row, "unit"), _cell(row, "hedge")

    qualifier = None
    if relation is Relation.PROXIMITY:
        qualifier = normalise_hedge(hedge) or DEFAULT_PROXIMITY_WORD
        if qualifier not in PROXIMITY_WORDS:
            raise ValueError(f"unknown proximity word {hedge!r} (expected one of "
                             f"{', '.join(sorted(PROXIMITY_WORDS))})")
        hedge = ""
    quantity = None
    if value or unit:
        if not (value and unit):
            raise ValueError("a value needs a unit and a unit needs a value")
        quantity = Quantity(value, unit, hedge or None)
    elif relation is Relation.DISTANCE:
        raise ValueError("a distance claim needs a value and a unit")

    direction = None
    if relation is Relation.DIRECTION:
        if not _cell(row, "direction"):
            raise ValueError("a direction claim needs a direction column (e.g. SW)")
        direction = parse_direction(_cell(row, "direction"))
    source = ",".join(_cell(row, name) for name in REQUIRED_COLUMNS)
    return Claim(subject, relation, reference, quantity, direction, qualifier, source, line)
