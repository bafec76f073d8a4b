"""Distance: "In Amenas is about 700 miles from the Algerian border with Mali".

Measured as the geodesic from the subject's point to the nearest point of the reference (a
point, a border line, a country's outline, 0 inside it), never to a centroid. Judged against
the claimed number, whose tolerance is its rounding widened by its hedge, plus the
uncertainty of where the two ends are. A distance along a way ("a 45-km drive from", "300 km
by road from") is no straight line: it is reported unverifiable, with the way as the reason.
"""

from __future__ import annotations

import re

from geo.claim_types.grammar import (
    BORDER,
    PLACE_CALLED,
    QUANTITY,
    ROUTE,
    SLOT,
    UNIT,
    LazyPattern,
)
from geo.claims import Claim, Relation
from geo.measure import Measurement, from_subject_point
from geo.verdicts import Verdict, number_checked

RELATION = Relation.DISTANCE
PATTERN = LazyPattern(
    rf"{QUANTITY}(?:\s+{ROUTE})?(?:\s+away)?\s+(?:from|of)\s+(?:{PLACE_CALLED}(?=\x01))?"
    rf"(?P<ref>{BORDER}|{SLOT}|the\s+border\b)",
    re.IGNORECASE)
# A quantity's unit follows its number's last digit, or a space or hyphen after the number (a
# number in words ends at a word boundary), and ends a word; in the sentence as written, a
# place's name may follow without a space, and a name starts with a capital.
TRIGGER = re.compile(rf"(?:\d|[\s-])(?:{UNIT})(?:\b|(?-i:(?![a-z])[^\W\d_]))", re.IGNORECASE)


def find(view, finder) -> None:
    for match in PATTERN.finditer(view.text):
        fields = finder.measured(view, match)
        if fields is not None:
            route = " ".join(match["route"].lower().split()) if match["route"] else None
            finder.add(view, match, relation=RELATION, qualifier=route, **fields)


def describe(claim: Claim) -> str:
    way = f" ({claim.qualifier})" if claim.qualifier else ""
    return (f"{claim.subject.describe()} is {claim.quantity.describe()}{way} from "
            f"{claim.reference.describe()}")


def measure(claim: Claim) -> Measurement:
    if claim.qualifier is not None:  # a distance's only qualifier is the way it is travelled
        return Measurement(problem=f'a route distance ("{claim.qualifier}"), not a straight '
                                   "line: geo measures geodesics")
    return from_subject_point(claim)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    return number_checked(claim, measurement, ends_km)
