"""Claims written down by a person, one per CSV row.

Header (any order): subject,relation,reference,value,unit,hedge. Optional columns: direction
(for direction claims), way (for a distance along a route: "by road"), subject_label,
reference_label, subject_uncertainty_km, reference_uncertainty_km, subject_within (the admin
units a point lies in, for "Jalalabad in Nangarhar province": AF/Nangarhār, several joined by
"|"), note; other columns are left alone. For proximity claims the hedge column holds the
word ("on", "near") and value/unit, if given, a distance limit ("within 50 km"). A range is
written "20 to 30".

`claim_row` writes a claim the way this module reads it: the claims.csv of `geo run` is
checked again by `geo verify claims.csv`, after a person has corrected it if need be.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import re
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
from geo.escape import from_spreadsheet_cell
from geo.targets import (
    AdminUnitTarget,
    PlaceResolver,
    TargetError,
    parse_target,
    target_text,
    unit_key_parts,
)
from geo.units import UnknownUnit

REQUIRED_COLUMNS = ("subject", "relation", "reference", "value", "unit", "hedge")
COLUMNS = ("subject", "subject_label", "subject_uncertainty_km", "relation", "reference",
           "reference_label", "reference_uncertainty_km", "value", "unit", "hedge", "direction",
           "way", "subject_within", "note")
_RANGE = re.compile(r"^(\S+)\s+to\s+(\S+)$", re.I)
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
    return from_spreadsheet_cell(value.strip()) if isinstance(value, str) else ""


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
    if role == "subject" and _cell(row, "subject_within"):
        keys = [key.strip() for key in _cell(row, "subject_within").split("|")]
        for key in keys:
            unit_key_parts(key)  # TargetError names a key that is no unit
        changes["within"] = tuple(keys)
    try:
        return dataclasses.replace(target, **changes)
    except TypeError:
        raise ValueError(f"a {role} like {text!r} takes none of "
                         f"{', '.join(f'{role}_{name}' for name in changes)}") from None


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
    if isinstance(subject, AdminUnitTarget) or (isinstance(reference, AdminUnitTarget)
                                                and relation is not Relation.CONTAINMENT):
        raise ValueError("a unit: end is read only as what a containment claim's subject "
                         "lies in")
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
        written_range = _RANGE.match(value)
        low, high = written_range.groups() if written_range else (value, None)
        quantity = Quantity(low, unit, hedge or None, upper=high)
    elif relation is Relation.DISTANCE:
        raise ValueError("a distance claim needs a value and a unit")
    if relation is Relation.DISTANCE and _cell(row, "way"):
        qualifier = _cell(row, "way")

    direction = None
    if relation is Relation.DIRECTION:
        if not _cell(row, "direction"):
            raise ValueError("a direction claim needs a direction column (e.g. SW)")
        direction = parse_direction(_cell(row, "direction"))
    source = ",".join(_cell(row, name) for name in REQUIRED_COLUMNS)
    return Claim(subject, relation, reference, quantity, direction, qualifier, source, line)


def claim_row(claim: Claim) -> dict[str, str]:
    """The cells of `claim` in the columns of COLUMNS (note left empty)."""
    row = {"relation": str(claim.relation), "direction": claim.direction or "", "note": ""}
    for role in ("subject", "reference"):
        target = getattr(claim, role)
        row[role] = target_text(target)
        row[f"{role}_label"] = getattr(target, "label", "")
        row[f"{role}_uncertainty_km"] = _own_uncertainty(target)
    row["subject_within"] = "|".join(getattr(claim.subject, "within", ()))
    quantity = claim.quantity
    row["value"] = "" if quantity is None else quantity.text + (
        f" to {quantity.upper}" if quantity.upper is not None else "")
    row["unit"] = "" if quantity is None else quantity.unit
    if claim.relation is Relation.PROXIMITY:
        row["hedge"], row["way"] = claim.qualifier or "", ""
    else:
        row["hedge"] = (quantity.hedge if quantity is not None else None) or ""
        row["way"] = claim.qualifier or ""
    return row


def _own_uncertainty(target) -> str:
    """A target's uncertainty if it is not what reading its text gives anyway."""
    field = next((f for f in dataclasses.fields(target) if f.name == "uncertainty_km"), None)
    if field is None or target.uncertainty_km == field.default:
        return ""
    return repr(target.uncertainty_km)
