"""Lengths as written in text or a claims file, converted with pint."""

from __future__ import annotations

import re
from functools import cache, lru_cache


class UnknownUnit(ValueError):
    pass


@cache
def _registry():
    # pint is imported, and its registry built, at the first unit read (about 0.5 s): an
    # article without a distance, or `geo parse` before its first one, never waits for it.
    import pint

    return pint.UnitRegistry()


# pint reads "miles", "kilometres", "nmi"; these are spellings it does not know, and "nm",
# which pint reads as nanometres but which means nautical miles wherever distances are reported.
_SPELLINGS = {"kms": "km", "statute_mile": "mile", "statute_miles": "mile", "nm": "nmi",
              "mtrs": "m", "yds": "yard"}


# The units distances on Earth are given in; pint would also accept parsecs and furlongs.
UNITS_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "nmi": 1.852, "ft": 0.0003048,
            "yd": 0.0009144}


def _pint_km(unit: str) -> float:
    key = re.sub(r"[\s\-]+", "_", unit.strip().lower().replace(".", ""))
    key = _SPELLINGS.get(key, key)
    registry = _registry()
    from pint.errors import DimensionalityError, UndefinedUnitError  # loaded by _registry

    try:
        quantity = registry.Quantity(1.0, key)
        return float(quantity.to("kilometer").magnitude)
    except (UndefinedUnitError, DimensionalityError, AttributeError, TypeError,
            ValueError) as err:
        raise UnknownUnit(f"unknown unit {unit!r}") from err


@lru_cache(maxsize=256)  # a claims file may spell units any way: the cache stays bounded
def canonical_unit(unit: str) -> str:
    """The short name ("km", "mi", "nmi", "m", "ft", "yd") of a unit as written."""
    km = _pint_km(unit)
    for name, factor in UNITS_KM.items():
        if abs(factor - km) < 1e-12 * factor:
            return name
    raise UnknownUnit(f"{unit!r} is not a unit for distances on Earth "
                      f"(use one of {', '.join(UNITS_KM)})")


def to_km(value: float, unit: str) -> float:
    """`value` in `unit` ("km", "miles", "nautical miles", "m"...) as kilometres."""
    return value * UNITS_KM[canonical_unit(unit)]
