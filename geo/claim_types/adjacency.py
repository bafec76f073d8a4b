"""Adjacency: "neighbouring Mali", "Algeria's neighbour Libya", and the neighbours that "the
Algerian border with Mali" takes for granted.

Measured as the length of land border the two countries share in Natural Earth's 1:10m
countries; consistent when there is any.
"""

from __future__ import annotations

import math
import re

from geo import base_layers
from geo.claim_types.grammar import BORDER, SLOT
from geo.claims import Claim, Relation
from geo.measure import Measurement
from geo.targets import CountryTarget
from geo.verdicts import Verdict, status_of

RELATION = Relation.ADJACENCY
BORDER_PATTERN = re.compile(BORDER, re.IGNORECASE)
NEIGHBOUR_PATTERN = re.compile(
    rf"\b(?:neighbou?ring|bordering)\s+(?:country\s+(?:of\s+)?)?{SLOT}"
    rf"|{SLOT}(?:'s)?\s+neighbou?r(?:ing country)?,?\s+{SLOT}", re.IGNORECASE)


def find(view, finder) -> None:
    for match in BORDER_PATTERN.finditer(view.text):
        _from_a_border(view, finder, match)
    for match in NEIGHBOUR_PATTERN.finditer(view.text):
        _from_neighbours(view, finder, match)


def _from_a_border(view, finder, match: re.Match) -> None:
    """"the Algerian border with Mali" says Algeria and Mali are neighbours."""
    slots = [s for s in match.groups() if s is not None]
    if len(slots) != 2:
        return
    mentions = [view.mentions[int(s)] for s in slots]
    codes = [finder.country_code(m) for m in mentions]
    if None not in codes and codes[0] != codes[1]:
        finder.add(view, match, subject=CountryTarget(codes[0], mentions[0].place.name),
                   relation=RELATION, reference=CountryTarget(codes[1], mentions[1].place.name))


def _from_neighbours(view, finder, match: re.Match) -> None:
    """"neighbouring Mali": a neighbour of the country the article is about, when the
    sentence names no other."""
    mentions = [view.mentions[int(s)] for s in match.groups() if s is not None]
    codes = [finder.country_code(m) for m in mentions]
    if len(codes) == 1:
        if not finder.home_country:
            return
        codes.insert(0, finder.home_country)
        mentions.insert(0, None)
    if None in codes or codes[0] == codes[1]:
        return
    subject_name = mentions[0].place.name if mentions[0] else ""
    finder.add(view, match, subject=CountryTarget(codes[0], subject_name), relation=RELATION,
               reference=CountryTarget(codes[1], mentions[1].place.name))


def describe(claim: Claim) -> str:
    return f"{claim.subject.describe()} neighbours {claim.reference.describe()}"


def measure(claim: Claim) -> Measurement:
    subject, reference = claim.subject, claim.reference
    if not (isinstance(subject, CountryTarget) and isinstance(reference, CountryTarget)):
        return Measurement(problem="adjacency is between two countries")
    return Measurement(km=base_layers.shared_border_km(subject.adm0_a3, reference.adm0_a3))


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    shares = measurement.km > 0
    reason = (f"they share {measurement.km:,.0f} km of land border" if shares
              else "they share no land border")
    return Verdict(claim, measurement, status_of(0.0 if shares else math.inf), reason=reason)
