"""Geographic claims as data: who, what relation, to what, and how much was claimed.

A claimed number carries its own tolerance: the rounding the number implies ("700" is given to
the nearest hundred) widened by the hedge word ("about 700"), or made one-sided by it ("more
than 700"). The uncertainty of where the two ends are is added when the claim is judged.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from geo.geodesy import COMPASS_16
from geo.targets import Target
from geo.units import canonical_unit, to_km


class Relation(StrEnum):
    DISTANCE = "distance"
    DIRECTION = "direction"
    PROXIMITY = "proximity"
    ADJACENCY = "adjacency"
    CONTAINMENT = "containment"


_WORDS = tomllib.loads(resources.files("geo").joinpath("claim_types", "words.toml").read_text(
    encoding="utf-8"))
# Hedges that make a number approximate, and by how much (a share of the value).
APPROXIMATE: dict[str, float] = _WORDS["approximate"]
# "nearly 700": a little under 700. The share is how far under still counts as "nearly".
JUST_UNDER: dict[str, float] = _WORDS["just_under"]
AT_LEAST = frozenset(_WORDS["one_sided"]["at_least"])
AT_MOST = frozenset(_WORDS["one_sided"]["at_most"])
KNOWN_HEDGES = (set(APPROXIMATE) | set(JUST_UNDER) | AT_LEAST | AT_MOST
                | set(_WORDS["one_sided"]["exact"]))

# Words that qualify a proximity claim, and the share of the map scale they allow.
PROXIMITY_WORDS: dict[str, float] = _WORDS["proximity"]
# What a place is called before its name ("the northern town of Calais").
PLACE_NOUNS: tuple[str, ...] = tuple(_WORDS["place_nouns"]["singular"])
DEFAULT_PROXIMITY_WORD = "near"

# A round number stands for a range, but "1,000 km" is not claimed to +/-500.
MAX_ROUNDING_SHARE = 0.25
# Fifty times round the Earth: no distance between two places comes near it, so a larger claimed
# number is a mistake to report, and arithmetic on it stays far from overflow.
MAX_CLAIMED_KM = 2_000_000.0


def normalise_hedge(hedge: str | None) -> str | None:
    if hedge is None:
        return None
    words = re.sub(r"\s+", " ", hedge.strip().lower())
    return words or None


@dataclass(frozen=True)
class Tolerance:
    """How far under and over the claimed value a measurement may fall and still agree, km."""

    below_km: float
    above_km: float

    def widened(self, km: float) -> Tolerance:
        return Tolerance(self.below_km + km, self.above_km + km)

    def to_dict(self) -> dict:
        def finite(v):
            return None if math.isinf(v) else round(v, 3)
        return {"below_km": finite(self.below_km), "above_km": finite(self.above_km)}


@dataclass(frozen=True)
class Quantity:
    """A claimed length as written: "about 700 miles" is Quantity("700", "miles", "about")."""

    text: str
    unit: str
    hedge: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "hedge", normalise_hedge(self.hedge))
        if self.hedge is not None and self.hedge not in KNOWN_HEDGES:
            raise ValueError(f"unknown hedge {self.hedge!r}")
        if not math.isfinite(self.value) or self.value < 0:
            raise ValueError(f"a distance must be a non-negative number, not {self.text!r}")
        if to_km(self.value, self.unit) > MAX_CLAIMED_KM:  # UnknownUnit first, if it is one
            raise ValueError(f"{self.text} {self.unit} is no distance on Earth")

    @property
    def value(self) -> float:
        try:
            return float(self.text.replace(",", "").replace("_", ""))
        except ValueError:
            raise ValueError(f"not a number: {self.text!r}") from None

    @property
    def km(self) -> float:
        return to_km(self.value, self.unit)

    @property
    def rounding(self) -> float:
        """Half the step the number is given to, in its own unit: 700 -> 50, 7.5 -> 0.05."""
        digits = self.text.replace(",", "").replace("_", "").strip().lstrip("+")
        if "." in digits:
            step = 10.0 ** -len(digits.split(".", 1)[1])
        else:
            significant = digits.rstrip("0")
            step = 10.0 ** (len(digits) - len(significant)) if significant else 1.0
        return min(step / 2, MAX_ROUNDING_SHARE * self.value) if self.value else step / 2

    def tolerance(self) -> Tolerance:
        """The range the claim allows, in km, before any location uncertainty is added."""
        value, rounding = self.km, to_km(self.rounding, self.unit)
        hedge = self.hedge
        if hedge in APPROXIMATE:
            spread = max(rounding, APPROXIMATE[hedge] * value)
            return Tolerance(spread, spread)
        if hedge in JUST_UNDER:
            return Tolerance(max(rounding, JUST_UNDER[hedge] * value), 0.0)
        if hedge in AT_LEAST:
            return Tolerance(0.0, math.inf)
        if hedge in AT_MOST:
            return Tolerance(value, 0.0)
        return Tolerance(rounding, rounding)

    def describe(self) -> str:
        hedge = f"{self.hedge} " if self.hedge else ""
        return f"{hedge}{self.text} {canonical_unit(self.unit)}"

    def to_dict(self) -> dict:
        return {"value": self.value, "unit": canonical_unit(self.unit), "hedge": self.hedge,
                "km": round(self.km, 3), "text": self.describe()}


@dataclass(frozen=True)
class Claim:
    """One geographic claim. `direction` is a compass point ("SW") for direction claims;
    `qualifier` is the proximity word ("on", "near"); `source` is the text it came from."""

    subject: Target
    relation: Relation
    reference: Target
    quantity: Quantity | None = None
    direction: str | None = None
    qualifier: str | None = None
    source: str = ""
    line: int | None = None

    def describe(self) -> str:
        from geo.claim_types import claim_type

        return claim_type(self.relation).describe(self)


_COMPASS_WORD = re.compile(r"north|south|east|west|[nsew]")


def parse_direction(text: str) -> str:
    """A compass point from "south-west", "SW", "southwest" or "north-north-east"."""
    cleaned = re.sub(r"[\s\-]", "", text.strip().lower())
    words = _COMPASS_WORD.findall(cleaned)
    point = "".join(word[0].upper() for word in words)
    if not cleaned or "".join(words) != cleaned or point not in COMPASS_16:
        raise ValueError(f"not a compass direction: {text!r}")
    return point


def direction_half_width(direction: str) -> float:
    """How many degrees either side of its centre a compass direction covers: "N" means
    roughly northward (+/-45), "NW" one of eight winds (+/-22.5), "NNW" one of sixteen."""
    return 90.0 / 2 ** len(direction)


def direction_bearing(direction: str) -> float:
    return COMPASS_16.index(direction) * 22.5
