"""Direction: "Swanton is about 20 miles west of Toledo", "north-northeast of Kabul".

Measured as the initial geodesic bearing from the reference's point to the subject's. The
bearing must fall in the compass sector the words name (N or SW +/-45 deg, NNE +/-22.5),
widened by the angle the ends' uncertainty subtends; a number given with it is checked too.
"""

from __future__ import annotations

import dataclasses
import math
import re

from geo import admin_areas, base_layers
from geo.claim_types.grammar import (
    AFTER_NO_COMPASS_WORD,
    COMPASS_WORDS,
    DIRECTION,
    FAR_END_UNSAID,
    PLACE_CALLED,
    QUANTITY,
    REFERENCE_ANAPHOR,
    ROUTE_AFTER,
    SLOT,
    LazyPattern,
    named_slot,
)
from geo.claims import (
    Claim,
    Relation,
    direction_bearing,
    direction_half_width,
    parse_direction,
)
from geo.measure import Measurement, distance_to
from geo.sphere import COMPASS_16
from geo.targets import AdminAreaTarget, CountryTarget, PointTarget, alike, is_county
from geo.verdicts import Status, Verdict, number_checked, status_of

RELATION = Relation.DIRECTION
# "the river meanders 400 miles from northwest of Tyler": where something comes from, not where
# anything is; nor "in the east of England", a part of it ("to the east of" is a direction).
NOT_WHERE_FROM = r"(?<!\bfrom\s)(?:(?<=\bto\sthe\s)|(?<!\bthe\s))\b"
# "about 20 miles west of Toledo", "some 30 km to the south of Jerusalem", "60 km north of the
# capital", "some 120 km to Sydney's north".
PATTERN = LazyPattern(
    rf"(?:{QUANTITY}\s+(?:to\s+the\s+)?)?{AFTER_NO_COMPASS_WORD}{NOT_WHERE_FROM}{DIRECTION}"
    rf"\s+of\s+(?:{PLACE_CALLED}(?P<ref>{SLOT})|(?P<capital>the\s+capital)\b(?!\s*,?\s*\x01)"
    rf"|{REFERENCE_ANAPHOR})",
    re.IGNORECASE)
# "Colo, 8 mi. E of Nevada": a single capital letter for the compass point after a number, as
# weather bulletins write it.
LETTER_PATTERN = LazyPattern(
    rf"{QUANTITY}\s+(?P<direction>(?-i:[NSEW]))\s+of\s+{PLACE_CALLED}(?P<ref>{SLOT})",
    re.IGNORECASE)
# "a pastor from Butembo, about 200 km to the north": from the place named before.
TO_THE_PATTERN = LazyPattern(
    rf"{FAR_END_UNSAID}{QUANTITY}\s+to\s+the\s+{DIRECTION}\b(?!\s+of\b)", re.IGNORECASE,
    needs=("to the",))
# "Grand Forks, about 30 miles north, expects its crest": the same without "to the", where
# the clause ends at the compass word.
BARE_PATTERN = LazyPattern(
    rf"{FAR_END_UNSAID}{QUANTITY}\s+{DIRECTION}(?=\s*[,.;:)]|\s+(?:and|but)\b|\s*\Z)",
    re.IGNORECASE)
# "Natrona County commissioners want Converse County, to the east, to share the cost": a
# county's bearing, without a number, from the county named before it in the sentence, else
# from the one the article is about.
COUNTY_TO_THE_PATTERN = LazyPattern(
    rf"{named_slot('county')}(?P<qualified>\s*,\s*{SLOT})?\s*,\s*(?:just\s+|directly\s+)?to\s+the\s+"
    rf"{DIRECTION}\b(?!\s+of\b)(?=\s*[,.;:)]|\s+(?:and|but)\b|\s*\Z)", re.IGNORECASE,
    needs=("to the",))
# "Quitman County, on Lafayette's western border", "Menard County, which shares Sangamon's
# northern line": the side of a neighbour a county lies on, a bearing as above.
COUNTY_ON_A_SIDE_PATTERN = LazyPattern(
    rf"{named_slot('county')}(?:\s*,\s*{SLOT})?\s*,\s*(?:(?:which|that)\s+(?:lies|sits|is)\s+)?"
    rf"(?:just\s+)?(?:(?:on|along)\s+|(?:which|that)\s+shares\s+){named_slot('owner')}['\u2019]s\s+"
    rf"{DIRECTION}(?:ern)?\s+(?:border|line|boundary|edge|side|flank)\b", re.IGNORECASE,
    needs=("'s", "\u2019s"))
# "Lebanon, Israel's neighbour to the north", "Poland, Ukraine's western neighbour", "Uganda's
# neighbour to the south is Tanzania": the side of a neighbouring country (or US state or
# county) the other lies on, a bearing as above.
_COMPASS = DIRECTION.replace("(?P<direction>", "(?:")
_SIDE_NEIGHBOUR = (rf"(?:(?P<adjective>{_COMPASS})ern\s+neighbou?r"
                   rf"|neighbou?r\s+to\s+the\s+(?P<to_the>{_COMPASS}))\b")
NEIGHBOUR_SIDE_PATTERNS = tuple(LazyPattern(pattern, re.IGNORECASE, needs=("neighbo",))
                                for pattern in (
    rf"{named_slot('member')}\s*,\s*(?:which\s+is\s+)?(?:the\s+)?{named_slot('owner')}"
    rf"['\u2019]s?\s+{_SIDE_NEIGHBOUR}",  # "the United States' northern neighbour"
    rf"{named_slot('owner')}['\u2019]s?\s+{_SIDE_NEIGHBOUR}(?:\s*,|\s+is)?\s+(?:the\s+)?"
    rf"{named_slot('member')}",
    # "Webb County wants Zapata County, its neighbor to the north": the one area of its kind
    # named before (geo.extract_claims.Finder.the_one_alike_before)
    rf"{named_slot('member')}\s*,\s*its\s+{_SIDE_NEIGHBOUR}"))
# How uncertain a county's middle is as the place a bearing between neighbours is taken from:
# a share of its scale (the square root of its area), so that two counties 35 km apart, each
# some 30 km across, have a bearing known to within about 37 degrees: news places long
# counties by where they meet, not by their middles ("Adams County, to the north" of Denver,
# whose middle lies 75 degrees off, east-north-east).
COUNTY_MIDDLE_SHARE = 0.35
POSSESSIVE_PATTERN = LazyPattern(
    rf"{QUANTITY}\s+to\s+(?P<ref>{SLOT})['\u2019]s\s+{DIRECTION}\b", re.IGNORECASE)


# Every direction names a compass point; PATTERN's optional quantity is tried at every position.
# The trigger searches the lowered text, where an abbreviation in capitals ("40 km NE of") is
# in lower case.
_ABBREVIATIONS_LOWERED = "|".join(
    sorted((point.lower() for point in COMPASS_16 if len(point) > 1), key=len, reverse=True))
TRIGGER = re.compile("|".join([*COMPASS_WORDS.values(), rf"\b(?:{_ABBREVIATIONS_LOWERED})\b",
                               r"\.?\s[nsew]\sof\b"]))  # LETTER_PATTERN's


def find(view, finder) -> None:
    for match in (*PATTERN.finditer(view.text), *POSSESSIVE_PATTERN.finditer(view.text),
                  *LETTER_PATTERN.finditer(view.text)):
        # a bearing is between points: a county's will do, a state's not
        fields = finder.measured(view, match, outlines="states")
        if fields is not None and isinstance(fields["reference"], PointTarget):
            finder.add(view, match, relation=RELATION,
                       direction=parse_direction(match["direction"]), **fields)
        elif fields is not None and fields["quantity"] is None \
                and is_county(fields["reference"]):
            _a_county_of_a_county(view, finder, match, fields)


    matches = list(COUNTY_TO_THE_PATTERN.finditer(view.text))
    # "Weston County, to the east, has more, and Converse County, to the south": each from the
    # article's county, not the one from the other
    placed = {int(match["county"]) for match in matches}
    for match in matches:
        _a_county_to_the(view, finder, match, placed)
    for match in COUNTY_ON_A_SIDE_PATTERN.finditer(view.text):
        county = finder.area_target(view.mention(match["county"]))
        owner = finder.area_target(view.mention(match["owner"]))
        if is_county(county) and is_county(owner) and county != owner:
            _add_a_side(view, finder, match, county, owner, match["direction"])
    for pattern in NEIGHBOUR_SIDE_PATTERNS:
        for match in pattern.finditer(view.text):
            member = finder.area_target(view.mention(match["member"]))
            owner = (view.mention(match["owner"]) if match.groupdict().get("owner")
                     else finder.the_one_alike_before(view, int(match["member"])))
            owner = finder.area_target(owner) if owner is not None else None
            if alike(member, owner) and member != owner:
                _add_a_side(view, finder, match, member, owner,
                            match["adjective"] or match["to_the"])
    for match in (*TO_THE_PATTERN.finditer(view.text), *BARE_PATTERN.finditer(view.text)):
        if ROUTE_AFTER.match(view.text, match.end()):
            continue  # "about 200 km to the north by road": a way, not a bearing and a length
        fields = finder.measured_from_the_town_before(view, match)
        if fields is not None:
            finder.add(view, match, relation=RELATION,
                       direction=parse_direction(match["direction"]), **fields)


def _a_county_of_a_county(view, finder, match: re.Match, fields: dict) -> None:
    """"Williamson County, which lies just south of Davidson County", "Ascension Parish, just
    north of Livingston Parish": a county's side of another, as COUNTY_TO_THE_PATTERN's."""
    mentions = view.mentions_of(fields["subject"])
    county, reference = (finder.area_target(mentions[0]) if mentions else None,
                         fields["reference"])
    if is_county(county) and county != reference:
        _add_a_side(view, finder, match, county, reference, match["direction"],
                    doubts=fields["doubts"])


def _a_county_to_the(view, finder, match: re.Match, placed: set[int]) -> None:
    mention = view.mention(match["county"])
    county = finder.area_target(mention)
    if not is_county(county):
        return
    before = view.original_offset(match.start())
    named = [area for area in (finder.area_target(m) for k, m in enumerate(view.mentions)
                               if m.start < before and k not in placed)
             if is_county(area) and area != county]
    others = []
    if named:
        reference = named[-1]
    elif finder.home_county and finder.home_county != county.area:
        reference = AdminAreaTarget(finder.home_county)
        # "AMARILLO - ... Carson County, to the west": of the county, or of the town the
        # article is about, which must hold too for the claim to be inconsistent
        town = finder.town_meant()
        town = finder.located(town) if town is not None and town.place.kind == "city" else None
        others = [(f"to the {match['direction']} of {reference.describe()}, the county the "
                   f"article is about, or of {town.describe() if town else 'a town'}?", town)]
    else:
        return
    if admin_areas.state_key_of(county.area) != admin_areas.state_key_of(reference.area) \
            and not match["qualified"]:
        # "Franklin County commissioners asked Delaware County, to the north": Ohio's
        county = next((AdminAreaTarget(key, c.name) for c in mention.mention.candidates
                       if (key := admin_areas.key_for(c)) and not admin_areas.is_state(key)
                       and admin_areas.state_key_of(key)
                       == admin_areas.state_key_of(reference.area)), None)
        if county is None:
            return
    _add_a_side(view, finder, match, county, reference, match["direction"],
                other_references=others)


def _add_a_side(view, finder, match: re.Match, area, reference, direction: str,
                **fields) -> None:
    """The claim that `area` lies on the `direction` side of `reference`, its neighbour:
    measured from the reference's middle to where the two meet (_side), and also from where
    the reference comes nearest the area's middle to that middle, so that a long or sprawling
    reference does not make a true side false ("Georgia, Russia's southern neighbour", whose
    middle lies in Siberia; "Mississippi, Tennessee's southern neighbor"): inconsistent only
    if it is both ways ("Mexico, the United States' northern neighbour")."""
    middle = _middle(area)
    facing = _nearest(reference, middle)
    finder.add(view, match, relation=RELATION, subject=_side(area, reference),
               reference=_middle(reference), direction=parse_direction(direction),
               other_ends=[(f"the side of {reference.describe()}: from its middle, or where it "
                            f"faces {area.describe()}?", middle, facing)], **fields)


def _side(area: AdminAreaTarget | CountryTarget, reference: AdminAreaTarget | CountryTarget
          ) -> PointTarget:
    """Where an area lies from a neighbour, as a point: the middle of the line they share
    (Arapahoe County, long from west to east, lies south of Denver along Denver's southern
    edge, though its own middle lies east-south-east); where they share none, its point
    nearest the neighbour's middle (Malaysia's, across the strait from Singapore, is in
    Johor, not on Borneo)."""
    if isinstance(area, CountryTarget):
        try:
            shared = base_layers.border(area.area, reference.area).geometry
        except base_layers.NoSharedBorder:
            shared = None
    else:
        shared = admin_areas.shared_boundary(area.area, reference.area)
    if shared is None or shared.is_empty:
        return _nearest(area, _middle(reference))
    centre = shared.centroid
    return PointTarget(centre.y, centre.x, area.describe())


def _nearest(area: AdminAreaTarget | CountryTarget, point: PointTarget) -> PointTarget:
    """The point of an area's outline nearest to a point, as a point of that area."""
    import shapely
    from shapely.ops import nearest_points

    nearest = nearest_points(area.shape, shapely.Point(point.lon, point.lat))[0]
    return PointTarget(nearest.y, nearest.x, area.describe())


def _middle(area: AdminAreaTarget | CountryTarget) -> PointTarget:
    """An area as the point a bearing to a neighbour is taken from: the centroid of its largest
    part (the contiguous United States, mainland France), uncertain by a share of its scale."""
    import shapely

    largest = max(shapely.get_parts(area.shape), key=lambda part: part.area)
    area_km2 = (base_layers.country(area.area).area_km2 if isinstance(area, CountryTarget)
                else admin_areas.area(area.area).area_km2)
    centre = largest.centroid
    return PointTarget(centre.y, centre.x, area.describe(),
                       COUNTY_MIDDLE_SHARE * math.sqrt(area_km2))


def describe(claim: Claim) -> str:
    amount = f"{claim.quantity.describe()} " if claim.quantity else ""
    return (f"{claim.subject.describe()} is {amount}{claim.direction} of "
            f"{claim.reference.describe()}")


def measure(claim: Claim) -> Measurement:
    subject, reference = claim.subject, claim.reference
    if subject.point is None or reference.point is None:
        return Measurement(problem="a direction is measured between two points")
    from geo.geodesy import initial_bearing  # the ellipsoid's libraries load when measuring

    found = distance_to(subject.point, reference)
    return Measurement(km=found.km, origin=reference.point, nearest=subject.point,
                       bearing=initial_bearing(reference.point, subject.point))


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    centre = direction_bearing(claim.direction)
    off = abs((measurement.bearing - centre + 180) % 360 - 180)
    # the half-angle under which the ends' circle of uncertainty is seen; when the ends may be
    # closer than their uncertainty, one may lie on any side of the other
    spread = (math.degrees(math.asin(ends_km / measurement.km))
              if measurement.km > ends_km else 180.0)
    allowed = direction_half_width(claim.direction) + spread
    bearing_fit = off / allowed
    reason = f"bearing {measurement.bearing:.0f} deg, {off:.0f} deg off {claim.direction}"
    if spread == 180.0 and off > direction_half_width(claim.direction):
        # "Gimpo, about 20 km south of Seoul": 24 km apart, with Seoul's 25 km of extent the
        # bearing between their points says nothing either way; the number still does
        number = number_checked(claim, measurement, ends_km) if claim.quantity else None
        if number is not None and number.status is Status.INCONSISTENT:
            return dataclasses.replace(number, reason=reason, angle_off=off)
        return Verdict(claim, measurement, Status.UNVERIFIABLE, reason=(
            f"{reason}, but the ends lie closer ({measurement.km:.0f} km) than their size "
            f"({ends_km:.0f} km): the bearing cannot be checked"), angle_off=off)
    if claim.quantity is None:
        return Verdict(claim, measurement, status_of(bearing_fit), reason=reason,
                       fit=bearing_fit, angle_off=off)
    number = number_checked(claim, measurement, ends_km)
    both = max(bearing_fit, number.fit)
    return Verdict(claim, measurement, status_of(both), number.claimed_km, number.tolerance,
                   both, reason, off)

