"""Lengths as written in text or a claims file, in kilometres.

The spellings are pint's, read from geo/unit_spellings.toml (made by
scripts/build_unit_spellings.py) rather than from pint itself: building pint's registry takes
most of a second, longer than reading a whole article.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


class UnknownUnit(ValueError):
    pass


@cache
def _table() -> dict:
    return tomllib.loads(resources.files("geo").joinpath("unit_spellings.toml").read_text(
        encoding="utf-8"))


def units_km() -> dict[str, float]:
    """The units of distances on Earth ("km", "m", "mi", "nmi", "ft", "yd") in kilometres."""
    return _table()["km_per_unit"]


def spellings() -> tuple[str, ...]:
    """Every spelling of a unit ("km", "kilometres", "nautical miles"), lower case."""
    return tuple(key.replace("_", " ") for key in _table()["spellings"])


def canonical_unit(unit: str) -> str:
    """The short name ("km", "mi", "nmi", "m", "ft", "yd") of a unit as written."""
    key = re.sub(r"[\s\-]+", "_", unit.strip().lower().replace(".", ""))
    try:
        return _table()["spellings"][key]
    except KeyError:
        raise UnknownUnit(f"{unit!r} is not a unit for distances on Earth "
                          f"(use one of {', '.join(units_km())})") from None


def to_km(value: float, unit: str) -> float:
    """`value` in `unit` ("km", "miles", "nautical miles", "m"...) as kilometres."""
    return value * units_km()[canonical_unit(unit)]
