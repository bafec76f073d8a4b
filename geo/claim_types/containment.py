"""Containment: "Timbuktu in northern Mali", and "the airport in Amenas".

A region ("northern Mali") is cut from the country's 1:10m polygon at the parallel or meridian
that halves its area (geo.regions); the claim allows the region's vagueness (10 % of the
country's scale) beyond the cut. A town is a point here, and "in" a town reaches its outskirts
and the airport serving it: 10 km, or three times the town's own radius if that is larger.
"""

from __future__ import annotations

import re

from geo.claim_types.grammar import PART, SLOT
from geo.claims import Claim, Relation, Tolerance
from geo.measure import Measurement, distance_to
from geo.regions import parse_part
from geo.targets import AREAS, PointTarget, RegionTarget, UnlocatedTarget
from geo.verdicts import Verdict, within

RELATION = Relation.CONTAINMENT
TOWN_REACH_KM = 10.0
IN_REGION_PATTERN = re.compile(rf"\bin\s+{PART}\s+{SLOT}", re.IGNORECASE)
AIRPORT_PATTERN = re.compile(
    rf"\bairport\s+(?:in|at|of|near|outside|serving)\s+{SLOT}|{SLOT}(?:'s)?\s+airport\b",
    re.IGNORECASE)


def find(view, finder) -> None:
    for match in IN_REGION_PATTERN.finditer(view.text):
        subject = finder.subject_before(view, match.start())
        code = finder.country_code(view.mention(match.group(2)))
        if subject is not None and code is not None:
            finder.add(view, match, subject=subject, relation=RELATION,
                       reference=RegionTarget(code, parse_part(match["part"])))
    for match in AIRPORT_PATTERN.finditer(view.text):
        _airport_in_a_town(view, finder, match)


def _airport_in_a_town(view, finder, match: re.Match) -> None:
    """"the airport in Amenas": the airport serving the town lies in its surroundings."""
    town_mention = view.mention(next(s for s in match.groups() if s is not None))
    town = finder.point_target(town_mention)
    if town is None or town_mention.place.kind != "city" or finder.airport_of is None:
        return
    airport = finder.airport_of(town_mention.place) or UnlocatedTarget(
        f"the airport of {town.label}", f"the gazetteer knows no airport serving {town.label}")
    finder.add(view, match, subject=airport, relation=RELATION, reference=town)


def describe(claim: Claim) -> str:
    return f"{claim.subject.describe()} is in {claim.reference.describe()}"


def measure(claim: Claim) -> Measurement:
    if claim.subject.point is None:
        return Measurement(problem="containment is measured for a point")
    if not isinstance(claim.reference, (*AREAS, PointTarget)):
        return Measurement(problem="containment needs a place, country or region")
    return distance_to(claim.subject.point, claim.reference)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    if isinstance(claim.reference, PointTarget):
        town = claim.reference.uncertainty_km
        reach = max(TOWN_REACH_KM, 3 * town)
        reason = (f"{measurement.km:,.1f} km from the town's point; its surroundings reach "
                  f"{reach:,.0f} km")
        return within(claim, measurement, Tolerance(0.0, reach + claim.subject.uncertainty_km),
                      reason)
    reason = "inside" if measurement.inside else f"{measurement.km:,.1f} km outside"
    return within(claim, measurement, Tolerance(0.0, ends_km), reason)
