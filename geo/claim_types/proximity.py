"""Proximity: "on the Algerian border with Libya", "near the Turkish border", "near the border".

Measured as the geodesic from the subject's point to the nearest point of the border line
("the border" unqualified: the nearest land border of the subject's country). "On", "at" and
"along" allow 5 %, "near" 15 %, of the square root of the countries' mean area; "within 50 km"
allows what it says.
"""

from __future__ import annotations

import re

from geo import admin_areas
from geo.claim_types.grammar import (
    BORDER,
    LIST,
    LOCATION_VERB,
    MEASURED_FROM,
    NOT_IN_A_NOUN_PHRASE,
    PART_WORDS,
    PLACE_NOUN,
    PROXIMITY,
    PROXIMITY_AFTER_VERB,
    SLOT,
    UNIT_NOUN,
    UNNAMED_BORDER,
    LazyPattern,
    alternatives,
)
from geo.claims import (
    DEFAULT_PROXIMITY_WORD,
    PHRASING_WORDS,
    PROXIMITY_WORDS,
    Claim,
    Relation,
    Tolerance,
)
from geo.measure import Measurement, from_subject
from geo.targets import AdminBorderTarget, StateBorderTarget, scale_km
from geo.verdicts import Verdict, within

RELATION = Relation.PROXIMITY
PATTERN = LazyPattern(rf"\b(?P<word>{PROXIMITY})\s+(?P<ref>{BORDER}|{UNNAMED_BORDER})",
                     re.IGNORECASE)
# "Kilis lies just across the border from Syria".
LOCATED_PATTERN = LazyPattern(
    rf"\b(?:{LOCATION_VERB})\s+(?:just\s+)?(?P<word>{PROXIMITY_AFTER_VERB})\s+"
    rf"(?P<ref>{BORDER}|{UNNAMED_BORDER})", re.IGNORECASE)
# "Tijuana, a border town", "Khost is a border city", "Kilis, a Turkish border town": near the
# nearest land border of the place's country. Only right after the place: "left Madrid for a
# border town" says nothing of Madrid.
BORDER_PLACE_PATTERN = LazyPattern(
    rf"(?<=\x02)\s*,?\s*(?:(?:is|was)\s+)?(?:a|the)\s+(?:{SLOT}\s+)?(?P<ref>border)\s+"
    rf"{PLACE_NOUN}\b", re.IGNORECASE)
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
TRIGGER = re.compile(r"border|frontier|\bline")
# What may stand between a place and the words that say it is near a border: "Kilis, near",
# "Kilis lies near", "Kilis, a Turkish town near", "Pacaraima, on its border", "Fort Wayne,
# Indiana, lies near", "the Cuvette-Ouest region near", "the Puno region of Peru on", "the Ain
# Amenas gas field on". Not a clause: in "Moscow has massed troops on its border with
# Ukraine" or "the army said in Tel Aviv that rockets fell near the border", the words say
# where the troops or the rockets are.
_SITE = rf"(?:{PLACE_NOUN}|{alternatives(PHRASING_WORDS['site_nouns'])})"
_PHRASE_WORD = rf"(?:(?!(?:{NOT_IN_A_NOUN_PHRASE})\b)[\w'\u2019-]+|{SLOT})"
_DETERMINER = rf"(?:an?|the|{SLOT}['\u2019]s)"
_NOUN_PHRASE = rf"{_DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,3}}"
# "Lomé, the Togolese capital, lies", "Aqaba, Jordan's only port, sits": a noun phrase between
# commas; "Kassala, in eastern Sudan, near", "Arica, in Chile's far north near": where it is.
_APPOSITION = rf"\s*,\s*{_DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,3}}{_PHRASE_WORD}\s*,"
_WHERE = (rf"\s*,\s*in\s+(?:{PART_WORDS}\s+{SLOT}|{SLOT}['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?"
          rf"(?:north|south|east|west)[\w-]*)\s*,?")
SUBJECT_GAP = LazyPattern(
    rf"(?:\s+{_SITE}|\s+(?:{UNIT_NOUN})(?:\s+of\s+{SLOT})?)?(?:\s*,\s*{SLOT})*"
    rf"(?:{MEASURED_FROM}{SLOT})?(?:{_APPOSITION}|{_WHERE})?\s*,?\s*(?:{_NOUN_PHRASE})?"
    rf"(?:(?:which|that)\s+)?(?:(?:{LOCATION_VERB}|just|right|also|only)\s+)*",
    re.IGNORECASE)


def find(view, finder) -> None:
    for pattern in (PATTERN, LOCATED_PATTERN):
        for match in pattern.finditer(view.text):
            _near(view, finder, match, " ".join(match["word"].lower().split()))
    for match in BORDER_PLACE_PATTERN.finditer(view.text):
        _near(view, finder, match, DEFAULT_PROXIMITY_WORD)
    for match in BORDERS_PATTERN.finditer(view.text):
        subject = finder.subject_before(view, match.start(), outlines=True)
        if subject is None or not _next_to_its_words(view, subject, match.start()):
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


def _near(view, finder, match: re.Match, word: str) -> None:
    # "the Cuvette-Ouest region near the Gabon border": a region is its point, uncertain by a
    # region's reach, which only widens the tolerance; a US state is its outline.
    subject = finder.subject_before(view, match.start(), outlines=True)
    if subject is None or not _next_to_its_words(view, subject, match.start()):
        return
    reference = finder.reference(view, match, subject)
    if reference is not None:
        finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                   qualifier=word)


def _next_to_its_words(view, subject, start: int) -> bool:
    """Whether the subject's last mention before `start` (if it has one) stands right before
    the claim's words, with no clause between (SUBJECT_GAP)."""
    slots = [i for i in view.slots_of(subject) if view.slot_ends[i] <= start]
    if not slots:
        return True  # "this town lies near the border": the article's place
    return SUBJECT_GAP.fullmatch(view.text, view.slot_ends[max(slots)], start) is not None


def describe(claim: Claim) -> str:
    return (f"{claim.subject.describe()} is {claim.qualifier or DEFAULT_PROXIMITY_WORD} "
            f"{claim.reference.describe()}")


def measure(claim: Claim) -> Measurement:
    return from_subject(claim)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    if claim.quantity is not None:
        limit, why = claim.quantity.km, f"within {claim.quantity.describe()}"
    else:
        word = claim.qualifier or DEFAULT_PROXIMITY_WORD
        share = PROXIMITY_WORDS[word]
        limit = share * scale_km(claim.reference)
        whose = ("US states" if isinstance(claim.reference, AdminBorderTarget | StateBorderTarget)
                 else "countries")
        why = (f'"{word}" allows {share:.0%} of the scale of the {whose} involved, '
               f"{limit:,.0f} km")
    return within(claim, measurement, Tolerance(0.0, limit + ends_km), why)
