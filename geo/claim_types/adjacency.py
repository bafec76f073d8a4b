"""Adjacency: "neighbouring Mali", "Algeria's neighbour Libya", and the neighbours that "the
Algerian border with Mali" takes for granted.

Measured as the length of land border the two countries share in Natural Earth's 1:10m
countries; consistent when there is any.
"""

from __future__ import annotations

import bisect
import math
import re

from geo import base_layers
from geo.claim_types.grammar import BORDER, LIST, SLOT, named_slot
from geo.claims import Claim, Relation
from geo.measure import Measurement
from geo.targets import CountryTarget
from geo.verdicts import Verdict, status_of

RELATION = Relation.ADJACENCY
BORDER_PATTERN = re.compile(BORDER, re.IGNORECASE)
NEIGHBOUR_PATTERN = re.compile(
    rf"\b(?:neighbou?ring|bordering)\s+(?:country\s+(?:of\s+)?)?{SLOT}"
    rf"|{SLOT}(?:'s)?\s+neighbou?r(?:ing country)?,?\s+{SLOT}", re.IGNORECASE)


# "the neighbouring countries of Benin, Ghana and Niger", "neighbouring countries such as
# Rwanda and Zambia": each member neighbours the country the article is about.
NEIGHBOURS_LIST_PATTERN = re.compile(
    rf"\bneighbou?ring\s+(?:countries|nations|states)\s*,?\s*"
    rf"(?:(?:of|such\s+as|including|like)\s+)?(?P<members>{LIST})", re.IGNORECASE)
# "countries neighbouring Turkey, specifically Armenia, Georgia and Iran".
NEIGHBOURS_OF_PATTERN = re.compile(
    rf"\b(?:countries|nations|states)\s+(?:neighbou?ring|bordering)\s+{named_slot('ref')}"
    rf"[^\x01.;]{{0,40}}?(?P<members>{LIST})", re.IGNORECASE)
# "South Africa, which is Zimbabwe's neighbour to the south", "Chad, which shares part of its
# eastern border with Sudan", "Mozambique and South Africa that border Zimbabwe", "Iraq
# borders Turkey": the words after a place; the places before them are found by
# `_list_before` (a pattern that began with the list would retry it from every member).
NAMED_NEIGHBOUR_PATTERN = re.compile(
    rf"(?<=\x02)\s*,?\s*(?:"
    rf"(?:which\s+is\s+)?{named_slot('owner')}['\u2019]s\s+neighbou?r\s+to\s+the\s+\w+"
    rf"|(?:which\s+|that\s+)?shares?\s+(?:part\s+of\s+)?(?:its|their|a)\s+(?:\w+\s+)?"
    rf"border\s+with\s+{named_slot('partner')}"
    rf"|(?:which\s+|that\s+)?borders?\s+{named_slot('bordered')})", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:and|or)\s+", re.IGNORECASE)


def find(view, finder) -> None:
    for match in BORDER_PATTERN.finditer(view.text):
        _from_a_border(view, finder, match)
    for match in NEIGHBOUR_PATTERN.finditer(view.text):
        _from_neighbours(view, finder, match)
    for match in NEIGHBOURS_LIST_PATTERN.finditer(view.text):
        if finder.home_country:
            _each_member(view, finder, match, finder.home_country, "")
    for match in NEIGHBOURS_OF_PATTERN.finditer(view.text):
        _each_member(view, finder, match, *_country(view, finder, match["ref"]))
    slot_spans = [(m.start(), m.end(), m[1]) for m in re.finditer(SLOT, view.text)]
    for match in NAMED_NEIGHBOUR_PATTERN.finditer(view.text):
        other = match["owner"] or match["partner"] or match["bordered"]
        members = _list_before(view.text, slot_spans, match.start())
        _each_member(view, finder, match, *_country(view, finder, other), members)


def _list_before(text: str, slot_spans, end: int) -> list[str]:
    """The slots of the list of places that ends at `end` ("Botswana, Mozambique, and South
    Africa"), read backwards from it: linear in the list's length."""
    members, position = [], end
    before = bisect.bisect_right([stop for _, stop, _ in slot_spans], end)
    for start, stop, slot in reversed(slot_spans[:before]):
        joined = stop == position if not members else _LIST_GAP.fullmatch(text, stop, position)
        if not joined:
            break
        members.append(slot)
        position = start
    return members[::-1]


def _country(view, finder, slot: str) -> tuple[str | None, str]:
    mention = view.mention(slot)
    return finder.country_code(mention), mention.place.name


def _each_member(view, finder, match: re.Match, code: str | None, name: str,
                 members: list[str] | None = None) -> None:
    """One claim per country of the list (`members`, or the slots of group "members"): it
    neighbours `code`."""
    if code is None:
        return
    for slot in members if members is not None else re.findall(SLOT, match["members"]):
        member = view.mentions[int(slot)]
        member_code = finder.country_code(member)
        if member_code is not None and member_code != code:
            finder.add(view, match, subject=CountryTarget(member_code, member.place.name),
                       relation=RELATION, reference=CountryTarget(code, name))


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
