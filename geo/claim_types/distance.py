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
    FAR_END_UNSAID,
    HEDGE,
    PLACE_CALLED,
    QUANTITY,
    REFERENCE_ANAPHOR,
    ROUTE,
    ROUTE_AFTER,
    SLOT,
    UNIT,
    UNNAMED_BORDER,
    LazyPattern,
    alternatives,
    named_slot,
)
from geo.claims import ROUTE_MEANS, ROUTE_NOUNS, Claim, Quantity, Relation
from geo.measure import Measurement, from_subject_point
from geo.targets import BORDERS
from geo.verdicts import Verdict, number_checked

RELATION = Relation.DISTANCE
_FROM = r"(?:from|of|outside(?:\s+of)?)\s+(?:(?:downtown|central)\s+)?"
PATTERN = LazyPattern(
    rf"{QUANTITY}(?:\s+{ROUTE})?(?:\s+away)?\s+{_FROM}(?:{PLACE_CALLED}(?=\x01))?"
    rf"(?P<ref>{BORDER}|{SLOT}|{UNNAMED_BORDER}|(?P<capital>the\s+capital)\b(?!\s*,?\s*\x01)"
    rf"|{REFERENCE_ANAPHOR})",
    re.IGNORECASE)
# "Rebels took Gao; Kidal, about 300 km away, fell next": from the place named before.
AWAY_PATTERN = LazyPattern(rf"{FAR_END_UNSAID}{QUANTITY}\s+away\b(?!\s+(?:from|of)\b)",
                           re.IGNORECASE, needs=("away",))
# "Aleppo lies 50 km south of the Turkish border": the compass word says which side of the line
# the place is, the number how far; the number is checked.
SIDE_OF_A_BORDER_PATTERN = LazyPattern(
    rf"{QUANTITY}\s+(?:to\s+the\s+)?(?:north|south)?(?:[\s-]?(?:east|west))?(?:ern)?\s+of\s+"
    rf"(?P<ref>{BORDER}|{UNNAMED_BORDER})", re.IGNORECASE, needs=("border", "frontier", "line"))
# "about an hour's drive from Baton Rouge", "90 minutes from Memphis", "a two-and-a-half-hour
# drive from Anchorage": a way travelled in a time, no straight line at all: reported
# unverifiable, the time as written (geo measures no roads).
TRAVEL_TIME_PATTERN = LazyPattern(
    rf"(?P<time>(?:(?:{HEDGE})\s+)?(?:an?\s+)?(?:(?<![\w.])[\w.]{{1,20}}[\s-]+)?"
    rf"(?:and[\s-]+a[\s-]+half[\s-]+)?(?:hours?|minutes?)(?:['\u2019]s?)?"
    rf"(?:\s+(?:{alternatives(ROUTE_MEANS)}))?(?:\s+(?:{alternatives(ROUTE_NOUNS)}))?"
    rf"(?:\s+by\s+(?:{alternatives(ROUTE_MEANS)}))?)(?:\s+away)?"
    rf"\s+{_FROM}{named_slot('ref')}", re.IGNORECASE)
# "Denver, 100 miles down Interstate 25", "Raleigh, about an hour and a half away", "San Antonio
# is a two-and-a-half-hour drive up Interstate 35": a way or a time from the place named
# before, left unsaid; reported unverifiable as TRAVEL_TIME_PATTERN's and a route's are.
WAY_UNSAID_PATTERN = LazyPattern(
    rf"{FAR_END_UNSAID}(?:{QUANTITY}\s+{ROUTE}|(?P<time>(?:(?:{HEDGE})\s+)?(?:an?\s+)?"
    rf"(?:(?<![\w.])[\w.-]{{1,24}}[\s-]+)?(?:and[\s-]+a[\s-]+half[\s-]+)?(?:hours?|minutes?)"
    rf"(?:[\s-]+and[\s-]+a[\s-]+half)?(?:['\u2019]s?)?"
    rf"(?:\s+(?P<way>{alternatives(ROUTE_NOUNS)}))?)"
    # "two hours, said" is no way; "a two-hour drive." is
    rf"(?:\s+away\b|\s+(?:up|down|along)\b|(?(way)(?=\s*[,.;:)])|(?!))))", re.IGNORECASE)
# "Kisumu and Nairobi are 265 km apart", "Savannah and Charleston, S.C., about 100 miles apart",
# "the distance between Kano and Lagos is about 830 km":
# the first place from the second.
APART_PATTERNS = (
    LazyPattern(rf"{named_slot('first')}\s+and\s+(?:the\s+)?{named_slot('second')}"
                rf"(?:\s*,\s*{SLOT})?(?:\s*,\s*|\s+(?:are|lie|sit|stand|were|lay)\s+)"
                rf"(?:(?:only|just)\s+)?{QUANTITY}\s+apart\b", re.IGNORECASE, needs=("apart",)),
    LazyPattern(rf"\bdistance\s+between\s+(?:the\s+)?{named_slot('first')}\s+and\s+"
                rf"(?:the\s+)?{named_slot('second')}\s+(?:is|was)\s+(?:(?:only|just)\s+)?"
                rf"{QUANTITY}", re.IGNORECASE, needs=("distance",)))
# A quantity's unit follows its number's last digit, or a space or hyphen after the number (a
# number in words ends at a word boundary), and ends a word; or a time travelled.
TRIGGER = re.compile(rf"(?:\d|[\s-])(?:{UNIT})\b|(?:hour|minute)s?(?:\s+and\s+a\s+half)?"
                     rf"(?:['\u2019]s?)?\s+(?:"
                     rf"{alternatives([*ROUTE_MEANS, *ROUTE_NOUNS])}|by|away|from|outside|up"
                     rf"|down|along)\b|(?:hour|minute)s?(?:['\u2019]s?)?\s*[,.;:)]")


# "the stage covered 109 miles from Paredes de Nava to Baltanas": the length of a way between
# the two places, whatever the sentence named before them.
FROM_TO = re.compile(rf"\s+to\s+(?:the\s+)?{named_slot('to')}")
ALONG_A_WAY = "along the way"


def find(view, finder) -> None:
    for match in (*PATTERN.finditer(view.text), *SIDE_OF_A_BORDER_PATTERN.finditer(view.text)):
        route = match.groupdict().get("route")
        route = " ".join(route.lower().split()) if route else None
        start = re.fullmatch(SLOT, match["ref"])
        to = FROM_TO.match(view.text, match.end()) if start else None
        if to:
            fields = _from_to(view, finder, match, start[1], to["to"])
            route = route or ALONG_A_WAY
        else:
            fields = finder.measured(view, match)
        if fields is not None:
            # "a few kilometres from the border" says the place is near it, by so much
            near = match["vague"] and isinstance(fields["reference"], BORDERS)
            finder.add(view, match, relation=Relation.PROXIMITY if near else RELATION,
                       qualifier=route, **fields)
    for match in AWAY_PATTERN.finditer(view.text):
        fields = finder.measured_from_the_town_before(view, match)
        if fields is not None:
            finder.add(view, match, relation=RELATION, qualifier=_route_after(view, match),
                       **fields)
    for match in (m for pattern in APART_PATTERNS for m in pattern.finditer(view.text)):
        fields = _from_to(view, finder, match, match["first"], match["second"])
        if fields is not None:
            finder.add(view, match, relation=RELATION, qualifier=_route_after(view, match),
                       **fields)
    for match in WAY_UNSAID_PATTERN.finditer(view.text):
        _a_way_from_the_town_before(view, finder, match)
    for match in TRAVEL_TIME_PATTERN.finditer(view.text):
        subject = finder.subject_before(view, match.start(), unnamed=True)
        reference = finder.located(view.mention(match["ref"]))
        if subject is not None and reference is not None and subject != reference:
            finder.add(view, match, relation=RELATION, subject=subject, reference=reference,
                       qualifier=" ".join(match["time"].split()))


def _a_way_from_the_town_before(view, finder, match: re.Match) -> None:
    if match["time"] is None:
        fields = finder.measured_from_the_town_before(view, match)
        if fields is not None:
            finder.add(view, match, relation=RELATION,
                       qualifier=" ".join(match["route"].lower().split()), **fields)
        return
    mention = view.mentions[int(re.match(SLOT, match.group())[1])]
    subject = finder.located(mention)
    far_end, _ = finder.town_named_before(view, match.start(), besides=mention.place)
    if subject is not None and far_end is not None and far_end != subject:
        finder.add(view, match, relation=RELATION, subject=subject, reference=far_end,
                   qualifier=" ".join(match["time"].split()))


def _route_after(view, match: re.Match) -> str | None:
    """The way a distance is travelled when the words after it say it ("by road")."""
    way = ROUTE_AFTER.match(view.text, match.end())
    return " ".join(way["route"].lower().split()) if way else None


def _from_to(view, finder, match: re.Match, start: str, end: str) -> dict | None:
    ends = [finder.located(view.mention(slot)) for slot in (start, end)]
    if None in ends or ends[0] == ends[1]:
        return None
    try:
        quantity = Quantity.matched(match)
    except ValueError:
        return None
    return {"subject": ends[0], "reference": ends[1], "quantity": quantity}


def describe(claim: Claim) -> str:
    if claim.quantity is None:  # a time travelled
        return f"{claim.subject.describe()} is {claim.qualifier} from {claim.reference.describe()}"
    way = f" ({claim.qualifier})" if claim.qualifier else ""
    return (f"{claim.subject.describe()} is {claim.quantity.describe()}{way} from "
            f"{claim.reference.describe()}")


def measure(claim: Claim) -> Measurement:
    if claim.quantity is None:
        return Measurement(problem=f'a travel time ("{claim.qualifier}"), not a distance: geo '
                                   "measures geodesics, not roads")
    if claim.qualifier is not None:  # a distance's only qualifier is the way it is travelled
        return Measurement(problem=f'a route distance ("{claim.qualifier}"), not a straight '
                                   "line: geo measures geodesics")
    return from_subject_point(claim)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    return number_checked(claim, measurement, ends_km)
