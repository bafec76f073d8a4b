"""Proximity: "on the Algerian border with Libya", "near the Turkish border", "near the border".

Measured as the geodesic from the subject's point to the nearest point of the border line
("the border" unqualified: the nearest land border of the subject's country). "On", "at" and
"along" allow 5 %, "near" 15 %, of the square root of the countries' mean area, capped at 50
and 150 km (words.toml, [proximity_cap_km]); "a few kilometres from the border" allows the
most its words mean.
"""

from __future__ import annotations

import re

from geo import admin_areas, base_layers
from geo.claim_types.grammar import (
    BORDER,
    LIST,
    LOCATION_VERB,
    PLACE_NOUN,
    PROXIMITY,
    PROXIMITY_AFTER_VERB,
    SLOT,
    UNNAMED_BORDER,
    LazyPattern,
    named_slot,
)
from geo.claims import (
    DEFAULT_PROXIMITY_WORD,
    PROXIMITY_CAP_KM,
    PROXIMITY_WORDS,
    Claim,
    Relation,
    Tolerance,
)
from geo.measure import Measurement, from_subject
from geo.resolve import CREDIBLE_NAME_POPULATION, SETTLED_CONFIDENCE
from geo.targets import (
    AdminBorderTarget,
    CountryBordersTarget,
    StateBorderTarget,
    StateLinesTarget,
    Target,
    UnlocatedTarget,
    scale_km,
    target_for,
)
from geo.verdicts import Verdict, within

RELATION = Relation.PROXIMITY
PATTERN = LazyPattern(rf"\b(?P<word>{PROXIMITY})\s+(?P<ref>{BORDER}|{UNNAMED_BORDER})",
                     re.IGNORECASE)
# "Kilis lies just across the border from Syria".
LOCATED_PATTERN = LazyPattern(
    rf"\b(?:{LOCATION_VERB})\s+(?:just\s+)?(?P<word>{PROXIMITY_AFTER_VERB})\s+"
    rf"(?P<ref>{BORDER}|{UNNAMED_BORDER})", re.IGNORECASE)
# "Tijuana, a border town", "Khost is a border city", "Kilis, a Turkish border town",
# "Desaguadero, the frontier town", "Ciudad Juárez, the sprawling border city": near the
# nearest land border of the place's country. Only right after the place: "left Madrid for a
# border town" says nothing of Madrid.
BORDER_PLACE_PATTERN = LazyPattern(
    rf"(?<=\x02)\s*,?\s*(?:(?:is|was)\s+)?(?:a|the)\s+(?:(?-i:[a-z]+)\s+)?(?:{SLOT}\s+)?"
    rf"(?P<ref>border|frontier)\s+{PLACE_NOUN}\b", re.IGNORECASE)
# "KILIS, Turkey - Rockets struck this Turkish border town", "this border village": the same of
# the town the report is filed from (Finder.town_meant).
THIS_BORDER_PLACE_PATTERN = LazyPattern(
    rf"\bthis\s+(?:(?-i:[a-z]+)\s+)?(?:{SLOT}\s+)?(?P<ref>border|frontier)\s+{PLACE_NOUN}\b",
    re.IGNORECASE)
# "the border town of Kailahun", "the Turkish border city of Kilis": the same, the place after.
BORDER_PLACE_OF_PATTERN = LazyPattern(
    rf"\b(?:the|a)\s+(?:{SLOT}\s+)?(?P<ref>border)\s+{PLACE_NOUN}\s+(?:of\s+)?"
    rf"{named_slot('subject')}", re.IGNORECASE)
# "Basra, close to the borders with both Kuwait and Iran", "an area near the border with
# Georgia and Azerbaijan", "Cizre, near Turkey's borders with Syria and Iraq", "West
# Yellowstone, near the Wyoming and Idaho lines": a claim for each border of the subject's
# country (or US state).
BORDERS_PATTERN = LazyPattern(
    rf"\b(?P<word>{PROXIMITY})\s+(?:the|its|{SLOT}['\u2019]s)\s+(?:borders|frontiers)\s+with\s+"
    rf"(?:both\s+)?(?P<members>{LIST})"
    rf"|\b(?P<word_before>{PROXIMITY})\s+(?:both\s+)?the\s+(?P<named>{LIST})\s+"
    rf"(?P<plural>borders|frontiers|(?:state\s+)?lines)\b"
    rf"|\b(?P<word_one>{PROXIMITY})\s+(?:the|its)\s+(?:border|frontier)\s+with\s+"
    rf"(?P<pair>{SLOT}(?:\s*,\s*{SLOT})*\s*,?\s+and\s+{SLOT})(?!['\u2019]s)", re.IGNORECASE)
# "Cincinnati, across the Ohio River from Kentucky", "Council Bluffs, which sits on the Missouri
# River across from Nebraska": a river that is the border, between the subject's state or
# country and the one named.
ACROSS_A_RIVER_PATTERN = LazyPattern(
    rf"\b(?:on|along)\s+the\s+(?:(?:[\w.'\u2019-]+|{SLOT})\s+){{1,3}}river\s+across\s+from\s+"
    rf"(?:the\s+)?{named_slot('ref')}"
    rf"|\b(?:just\s+)?across\s+the\s+(?:(?:(?:[\w.'\u2019-]+|{SLOT})\s+){{0,3}}river"
    rf"|{named_slot('river')})\s+from\s+(?:the\s+)?{named_slot('river_ref')}", re.IGNORECASE)
# "Tijuana, across the border from San Diego": the border between the two towns' countries.
ACROSS_FROM_A_TOWN_PATTERN = LazyPattern(
    rf"\b(?:just\s+)?across\s+the\s+(?:border|frontier)\s+from\s+(?:the\s+)?"
    rf"{named_slot('town')}", re.IGNORECASE)
# "Foz do Iguaçu, where the borders of Brazil, Paraguay and Argentina meet": on the border of
# the subject's country with each of the others.
WHERE_BORDERS_MEET_PATTERN = LazyPattern(
    rf"\bwhere\s+the\s+(?:borders|frontiers)\s+of\s+(?P<named>{LIST})\s+"
    rf"(?:meet|converge|come\s+together)\b"
    # "Mandera, at the point where Kenya meets Somalia and Ethiopia", "close to where Guinea
    # meets Sierra Leone and Liberia"
    rf"|\b(?:(?P<near>near|close\s+to)\s+|at\s+the\s+(?:point|spot)\s+)?where\s+"
    rf"(?P<one>{LIST})\s+meets\s+(?P<others>{LIST})", re.IGNORECASE)
TRIGGER = re.compile(r"border|frontier|\bline|river\s+(?:across\s+)?from|meet|converge"
                     r"|come\s+together")


def find(view, finder) -> None:
    for pattern in (PATTERN, LOCATED_PATTERN):
        for match in pattern.finditer(view.text):
            if _from_a_town(view, match):
                continue  # ACROSS_FROM_A_TOWN_PATTERN's
            _near(view, finder, match, " ".join(match["word"].lower().split()))
    for match in BORDER_PLACE_PATTERN.finditer(view.text):
        _near(view, finder, match, DEFAULT_PROXIMITY_WORD, doubts=[_WHICH_BORDER])
    for match in THIS_BORDER_PLACE_PATTERN.finditer(view.text):
        here = finder.town_meant(this=True)
        subject = finder.located(here) if here is not None and here.place.kind == "city" else None
        reference = finder.reference(view, match, subject) if subject is not None else None
        if reference is not None:
            finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                       qualifier=DEFAULT_PROXIMITY_WORD, doubts=[_WHICH_BORDER])
    for match in BORDER_PLACE_OF_PATTERN.finditer(view.text):
        subject = finder.located(view.mention(match["subject"]))
        reference = finder.reference(view, match, subject) if subject is not None else None
        if reference is not None:
            finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                       qualifier=DEFAULT_PROXIMITY_WORD, doubts=[_WHICH_BORDER])
    for match in ACROSS_A_RIVER_PATTERN.finditer(view.text):
        if match["river"] and not view.mention(match["river"]).mention.text.lower().endswith(
                " river"):
            continue  # "across the Red River": a place's name may hold the river's
        subject = _subject_next_to(view, finder, match, outlines=True)
        if subject is None:
            continue
        other = view.mention(match["ref"] or match["river_ref"])
        if finder.area_key(other) is None:
            # "Ciudad Juárez, across the Rio Grande from El Paso": the countries' border;
            # "Camden, across the Delaware River from Philadelphia": no line at all
            _across_from_a_town(view, finder, match, subject, other)
            continue
        reference = finder.border_with(other, subject)
        if reference is not None:
            # read as another town of its name, the subject is across its own state's line
            finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                       qualifier="across",
                       reference_for=lambda place, other=other: _border_from(finder, other, place))
    for match in ACROSS_FROM_A_TOWN_PATTERN.finditer(view.text):
        subject = _subject_next_to(view, finder, match)
        if subject is not None:
            _across_from_a_town(view, finder, match, subject, view.mention(match["town"]))
    for match in WHERE_BORDERS_MEET_PATTERN.finditer(view.text):
        subject = _subject_next_to(view, finder, match)
        if subject is None:
            continue
        # "close to where Guinea meets Sierra Leone and Liberia": near, not on
        word = ("near" if match.groupdict().get("near")
                or _NEAR_WHERE.search(view.text, 0, match.start()) else "on")
        for slot in re.findall(SLOT, match["named"] or f"{match['one']} {match['others']}"):
            mention = view.mention(slot)
            if finder.country_code(mention) in subject.country_codes:
                continue  # the subject's own country: the others' borders are its own
            reference = finder.border_with(mention, subject)
            if reference is not None:
                finder.add(view, match, subject=subject, relation=RELATION,
                           reference=reference, qualifier=word)
    for match in BORDERS_PATTERN.finditer(view.text):
        subject = _subject_next_to(view, finder, match, outlines=True)
        if subject is None:
            continue
        word = " ".join((match["word"] or match["word_one"] or match["word_before"])
                        .lower().split())
        lines = (match["plural"] or "").endswith("lines")
        for slot in re.findall(SLOT, match["members"] or match["pair"] or match["named"]):
            mention = view.mention(slot)
            if lines and not admin_areas.is_state(finder.area_key(mention) or ""):
                continue
            reference = finder.border_with(mention, subject)
            if reference is not None:
                finder.add(view, match, subject=subject, relation=RELATION,
                           reference=reference, qualifier=word)


# "the border city of Texarkana" lies on the Texas-Arkansas line, "Berwick" on England's with
# Scotland: a border town's border may be one inside its country, which geo has no line of.
_WHICH_BORDER = "a border town: on its country's border, or on one inside it?"


_BORDER_FROM = re.compile(rf"(?:the\s+)?(?:border|frontier)\s+from\s+{SLOT}\Z", re.IGNORECASE)


_NEAR_WHERE = re.compile(r"\b(?:near|close\s+to|not\s+far\s+from)\s+\Z", re.IGNORECASE)


def _from_a_town(view, match: re.Match) -> bool:
    """"across the border from Foz do Iguaçu": a town has no border; the words mean its
    country's."""
    named = _BORDER_FROM.match(match["ref"])
    return named is not None and view.mention(named[1]).place.kind == "city"


def _near(view, finder, match: re.Match, word: str, doubts=()) -> None:
    # "the Cuvette-Ouest region near the Gabon border": a region is its point, uncertain by a
    # region's reach, which only widens the tolerance; a US state is its outline.
    subject = _subject_next_to(view, finder, match, outlines=True)
    if subject is None:
        return
    reference = finder.reference(view, match, subject)
    if reference is not None:
        finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                   qualifier=word, doubts=[*doubts, *_across_its_own_border(
                       view, finder, match, subject, reference)])


def _across_its_own_border(view, finder, match: re.Match, subject, reference) -> list[str]:
    """The doubt of "Emerson, on the U.S. border" read as a town of the United States, on its
    own country's border, when a town of the name lies in another country: the words may put
    it across the border (Emerson, Manitoba)."""
    named = [view.mention(slot) for slot in re.findall(SLOT, match["ref"])]
    if not isinstance(reference, CountryBordersTarget) or len(named) != 1 \
            or finder.country_code(named[0]) not in subject.country_codes:
        return []
    mentions = view.mentions_of(subject)
    if not mentions:
        return []
    place = mentions[0].place
    across = next((c for c in mentions[0].mention.candidates if c.kind == "city"
                   and c.country_code not in (None, place.country_code)
                   and _neighbours(c.country_code, place.country_code)), None)
    if across is None:
        small = (place.population or 0) < CREDIBLE_NAME_POPULATION
        if small and max(m.confidence for m in mentions) < SETTLED_CONFIDENCE:
            # "The town of Emerson, on the U.S. border": Emerson, Manitoba, which the
            # gazetteer lacks, rather than one of the small Emersons of the United States
            return [f"{mentions[0].mention.text}: a small town taken on little evidence, on "
                    "its own country's border, or one across it that geo does not know?"]
        return []
    try:
        where = f"{across.name}, {base_layers.country(across.country_code).name}"
    except base_layers.UnknownCountry:
        where = across.name
    return [f"{mentions[0].mention.text}: a town on its own country's border, or {where}, "
            "across it?"]


def _neighbours(a: str, b: str) -> bool:
    """Whether two countries (ISO codes) share a land border."""
    try:
        return base_layers.shared_border_km(a, b) > 0
    except base_layers.UnknownCountry:
        return False


def _subject_next_to(view, finder, match: re.Match, outlines: bool = False):
    """The place the words are about (Finder.subject_before), when nothing but an apposition
    stands between it and them (Finder.next_to_its_words); else None."""
    subject = finder.subject_before(view, match.start(), outlines=outlines)
    if subject is None or not finder.next_to_its_words(view, subject, match.start()):
        return None
    return subject


def _across_from_a_town(view, finder, match: re.Match, subject, town) -> None:
    """"Tijuana, across the border from San Diego": on the border of the two countries."""
    reference = finder.border_across_from(town, subject)
    if reference is not None:
        finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                   qualifier="across")


def _border_from(finder, other, place) -> Target:
    """The border between the place's country (or US state) and the one `other` names."""
    point = target_for(place)
    border = finder.border_with(other, point) if point is not None else None
    return border or UnlocatedTarget(other.mention.text, f"no border of {place.name} with "
                                                         f"{other.mention.text}")


def describe(claim: Claim) -> str:
    if claim.quantity is not None:
        return (f"{claim.subject.describe()} is {claim.quantity.describe()} from "
                f"{claim.reference.describe()}")
    return (f"{claim.subject.describe()} is {claim.qualifier or DEFAULT_PROXIMITY_WORD} "
            f"{claim.reference.describe()}")


def measure(claim: Claim) -> Measurement:
    return from_subject(claim)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    if claim.quantity is not None:
        limit = claim.quantity.km + claim.quantity.tolerance().above_km
        why = f"within {claim.quantity.describe()}"
    else:
        word = claim.qualifier or DEFAULT_PROXIMITY_WORD
        share = PROXIMITY_WORDS[word]
        limit = share * scale_km(claim.reference)
        in_the_us = AdminBorderTarget | StateBorderTarget | StateLinesTarget
        whose = "US states" if isinstance(claim.reference, in_the_us) else "countries"
        why = (f'"{word}" allows {share:.0%} of the scale of the {whose} involved, '
               f"{limit:,.0f} km")
        if limit > PROXIMITY_CAP_KM[share]:
            limit = PROXIMITY_CAP_KM[share]
            why = f'"{word}" allows {limit:,.0f} km at most'
    return within(claim, measurement, Tolerance(0.0, limit + ends_km), why)
