"""Geographic claims as data: who, what relation, to what, and how much was claimed.

A claimed number carries its own tolerance: the rounding the number implies ("700" is given to
the nearest hundred) widened by the hedge word ("about 700"), or made one-sided by it ("more
than 700"). A range ("20 to 30 km") claims a length between its two numbers, each widened by
its own rounding and by the hedge. A number written in words ("seventy", "a dozen") is read as
its digits, which give its rounding. The uncertainty of where the two ends are is added when
the claim is judged.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from geo.sphere import COMPASS_16
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
# The cap on the distance each share of PROXIMITY_WORDS allows, in km.
PROXIMITY_CAP_KM: dict[float, float] = {float(share): km
                                        for share, km in _WORDS["proximity_cap_km"].items()}
# What a place is called before its name ("the northern town of Calais").
PLACE_NOUNS: tuple[str, ...] = tuple(_WORDS["place_nouns"]["singular"])
# Words that make a distance one along a way ("a 45-km drive", "by road"), and the means of
# travel after "by".
ROUTE_NOUNS: tuple[str, ...] = tuple(_WORDS["route"]["nouns"])
ROUTE_MEANS: tuple[str, ...] = tuple(_WORDS["route"]["by"])
ROUTE_WAYS: tuple[str, ...] = tuple(_WORDS["route"]["ways"])
NUMBERED_WAYS: tuple[str, ...] = tuple(_WORDS["route"]["numbered_ways"])
# What a text calls the place it is about without naming it: "this small town", "the city".
ANAPHOR_NOUNS: tuple[str, ...] = tuple(_WORDS["anaphors"]["nouns"])
DEFAULT_PROXIMITY_WORD = "near"
# Words the phrasings are made of besides the places: location verbs, naming words, list
# openers, border area nouns, calendar words (words.toml, [phrasing]).
PHRASING_WORDS: dict[str, list[str]] = _WORDS["phrasing"]

# Numbers in words, by kind: "ones", "teens", "tens", "scales" (hundred, thousand), "counts"
# (dozen), "articles" ("a" as one) and "fractions" ("and a half"); see numbers.toml.
NUMBER_WORDS: dict[str, dict[str, float]] = tomllib.loads(
    resources.files("geo").joinpath("claim_types", "numbers.toml").read_text(encoding="utf-8"))

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


def _under_hundred(words: list[str]) -> tuple[float | None, list[str]]:
    """A number under a hundred at the start of `words` ("twenty five", "twelve"), and the
    words after it; None if they start with none."""
    ones, tens = NUMBER_WORDS["ones"], NUMBER_WORDS["tens"]
    first = words[0] if words else None
    if first in tens:
        if len(words) > 1 and words[1] in ones:
            return tens[first] + ones[words[1]], words[2:]
        return tens[first], words[1:]
    if first in ones or first in NUMBER_WORDS["teens"]:
        return (ones | NUMBER_WORDS["teens"])[first], words[1:]
    return None, words


def _under_scale(words: list[str], scales: list[tuple[str, float]]
                 ) -> tuple[float | None, list[str]]:
    """A number at the start of `words` that is under a thousand times the first of `scales`
    (place-value words, largest first): a count of that scale ("two hundred", "a thousand"),
    then "and" and a smaller number or a smaller number alone ("two hundred and five",
    "fifteen hundred"); with the words after it."""
    if not scales:
        return _under_hundred(words)
    (scale, size), smaller = scales[0], scales[1:]
    count, rest = _under_scale(words, smaller)
    if count is None and words and words[0] in NUMBER_WORDS["articles"]:
        count, rest = NUMBER_WORDS["articles"][words[0]], words[1:]
    if count is None or rest[:1] != [scale]:
        return _under_scale(words, smaller)
    rest = rest[1:]
    tail, after = _under_scale(rest[1:] if rest[:1] == ["and"] else rest, smaller)
    return (count * size, rest) if tail is None else (count * size + tail, after)


def number_in_words(text: str) -> float:
    """The value of a number written in English words: "seventy" 70, "twenty-five" 25, "a
    dozen" 12, "two hundred and fifty" 250, "one and a half" 1.5, "a" (as in "a mile") 1.
    ValueError if the words are no number (the words are in numbers.toml)."""
    words = re.split(r"[\s\-]+", text.strip().lower())
    ones, articles = NUMBER_WORDS["ones"], NUMBER_WORDS["articles"]
    counts, value, rest = NUMBER_WORDS["counts"], None, words
    if len(words) == 1 and words[0] in articles:  # "a mile"
        value, rest = articles[words[0]], []
    elif len(words) == 2 and words[1] in counts and words[0] in (ones | articles):
        value, rest = (ones | articles)[words[0]] * counts[words[1]], []
    else:
        for phrase, share in NUMBER_WORDS["fractions"].items():
            tail = phrase.split()
            if len(words) > len(tail) and words[-len(tail):] == tail:
                value, rest = _under_hundred(words[:-len(tail)])
                value = None if value is None else value + share
                break
        else:
            scales = sorted(NUMBER_WORDS["scales"].items(), key=lambda item: -item[1])
            value, rest = _under_scale(words, scales)
    if value is None or rest:
        raise ValueError(f"not a number: {text!r}")
    return float(value)


def in_digits(number: str) -> str:
    """A number as digits: "seventy" as "70", "one and a half" and "1 1/2" as "1.5"; digits
    stay as they are written ("1,100")."""
    if "/" in number:  # "1/2", "24 1/2": a fraction under one, after its whole number
        whole, _, fraction = number.rpartition(" ")
        numerator, denominator = map(int, fraction.split("/"))
        if not 0 < numerator < denominator:
            raise ValueError(f"not a number: {number!r}")
        return repr(round(int(whole or 0) + numerator / denominator, 2))
    if not re.search(r"[a-z]", number, re.IGNORECASE):
        return number
    value = number_in_words(number)
    return str(int(value)) if value.is_integer() else repr(value)


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
    """A claimed length as written: "about 700 miles" is Quantity("700", "miles", "about"),
    "20 to 30 km" is Quantity("20", "km", upper="30"): a range, whose value is its middle.
    The numbers are digits; `Quantity.written` reads numbers in words too."""

    text: str
    unit: str
    hedge: str | None = None
    upper: str | None = None
    is_vague: bool = False  # "a few km": a range of words, not of numbers (numbers.toml)

    def __post_init__(self):
        object.__setattr__(self, "hedge", normalise_hedge(self.hedge))
        if self.hedge is not None and self.hedge not in KNOWN_HEDGES:
            raise ValueError(f"unknown hedge {self.hedge!r}")
        for number in (self.text, self.upper):
            if number is None:
                continue
            value = _number(number)
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"a distance must be a non-negative number, not {number!r}")
            if to_km(value, self.unit) > MAX_CLAIMED_KM:  # UnknownUnit first, if it is one
                raise ValueError(f"{number} {self.unit} is no distance on Earth")
        if self.upper is not None and _number(self.upper) < _number(self.text):
            raise ValueError(f"a range from {self.text} down to {self.upper} is no range")

    @classmethod
    def written(cls, text: str, unit: str, hedge: str | None = None,
                upper: str | None = None) -> Quantity:
        """A quantity as a text writes it, numbers in words too ("some twenty to thirty
        miles"): a number in words is read as its digits ("twenty" as "20"), so its rounding is
        theirs."""
        return cls(in_digits(text), unit, hedge, None if upper is None else in_digits(upper))

    @classmethod
    def vague(cls, words: str, unit: str, hedge: str | None = None) -> Quantity:
        """"a few kilometres" as the range numbers.toml gives it (2 to 5 km)."""
        low, high = NUMBER_WORDS["vague"][" ".join(words.lower().split())]
        return cls(str(low), unit, hedge, str(high), is_vague=True)

    @classmethod
    def matched(cls, match) -> Quantity | None:
        """The quantity of a match of geo.claim_types.grammar.QUANTITY; None when it has no
        number; ValueError when its words are no quantity ("30 to 20 km")."""
        if match["vague"]:
            return cls.vague(match["vague"], match["unit"], match["hedge"])
        if match["number"]:
            return cls.written(match["number"], match["unit"], match["hedge"], match["upper"])
        return None

    @property
    def low(self) -> float:
        """The number, or a range's lower end, in the quantity's unit."""
        return _number(self.text)

    @property
    def high(self) -> float:
        """A range's upper end, or the number, in the quantity's unit."""
        return self.low if self.upper is None else _number(self.upper)

    @property
    def value(self) -> float:
        """The claimed value in the quantity's unit: the number, or the middle of a range."""
        return self.low if self.upper is None else (self.low + self.high) / 2

    @property
    def km(self) -> float:
        return to_km(self.value, self.unit)

    @property
    def rounding(self) -> float:
        """Half the step the number is given to, in its own unit: 700 -> 50, 7.5 -> 0.05 (a
        range's lower end; its upper end's is `upper_rounding`)."""
        return _rounding(self.text)

    @property
    def upper_rounding(self) -> float | None:
        """Half the step a range's upper end is given to; None for a single number."""
        return None if self.upper is None else _rounding(self.upper)

    def tolerance(self) -> Tolerance:
        """The range the claim allows, in km, before any location uncertainty is added: below
        and above `km`. A range allows from its lower end less what that end's rounding and the
        hedge allow below it, to its upper end plus what they allow above it."""
        low_km = to_km(self.low, self.unit)
        low = _allowed(low_km, to_km(self.rounding, self.unit), self.hedge)
        if self.upper is None:
            return low
        high_km = to_km(self.high, self.unit)
        high = _allowed(high_km, to_km(self.upper_rounding, self.unit), self.hedge)
        return Tolerance(self.km - low_km + low.below_km, high_km - self.km + high.above_km)

    def describe(self) -> str:
        hedge = f"{self.hedge} " if self.hedge else ""
        upper = f" to {self.upper}" if self.upper is not None else ""
        return f"{hedge}{self.text}{upper} {canonical_unit(self.unit)}"

    def to_dict(self) -> dict:
        found = {"value": self.value, "unit": canonical_unit(self.unit), "hedge": self.hedge,
                 "km": round(self.km, 3), "text": self.describe()}
        if self.upper is not None:
            found["range"] = [self.low, self.high]
        return found


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None


def _rounding(text: str) -> float:
    """Half the step a number as written is given to: 700 -> 50, 7.5 -> 0.05; at most
    MAX_ROUNDING_SHARE of it."""
    value = _number(text)
    digits = text.replace(",", "").replace("_", "").strip().lstrip("+")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".", 1)[1])
    else:
        significant = digits.rstrip("0")
        step = 10.0 ** (len(digits) - len(significant)) if significant else 1.0
    return min(step / 2, MAX_ROUNDING_SHARE * value) if value else step / 2


def _allowed(km: float, rounding_km: float, hedge: str | None) -> Tolerance:
    """What a claimed number of `km`, given to `rounding_km`, allows under the hedge."""
    if hedge in APPROXIMATE:
        spread = max(rounding_km, APPROXIMATE[hedge] * km)
        return Tolerance(spread, spread)
    if hedge in JUST_UNDER:
        return Tolerance(max(rounding_km, JUST_UNDER[hedge] * km), 0.0)
    if hedge in AT_LEAST:
        return Tolerance(0.0, math.inf)
    if hedge in AT_MOST:
        return Tolerance(km, 0.0)
    return Tolerance(rounding_km, rounding_km)


@dataclass(frozen=True)
class Claim:
    """One geographic claim. `direction` is a compass point ("SW") for direction claims;
    `qualifier` is the proximity word ("on", "near"), for a distance the way it is
    travelled ("drive", "by road"), for a place in a country the word that named the country
    ("Tajik" in "the Tajik town of"); `source` is the text it came from."""

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
    roughly northward (+/-45), and so does "NE" north-eastward, from north to east, as reports
    use it for anything between its two neighbours (Garissa, at 74 deg from Nairobi, is "about
    350 km northeast" of it); "NNE", chosen over NE for its precision, one of sixteen winds
    (+/-22.5)."""
    return 45.0 if len(direction) <= 2 else 22.5


def direction_bearing(direction: str) -> float:
    return COMPASS_16.index(direction) * 22.5
