"""Places -> claims: the geographic claims an article's sentences make about its places.

Each sentence is read with its resolved place mentions replaced by slots ("is about 700 miles
from the <1> border with <2>"), so the grammar below is written over slots and words, and a
slot is bound back to its place. A small grammar, not a statistical parser: every claim it
finds can be traced to the words that made it, and the words it does not know it leaves alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from geo import base_layers
from geo.claims import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    COMPASS_16,
    JUST_UNDER,
    PROXIMITY_WORDS,
    Claim,
    Quantity,
    Relation,
    parse_direction,
)
from geo.regions import parse_part
from geo.targets import (
    BorderTarget,
    CountryBordersTarget,
    CountryTarget,
    PointTarget,
    RegionTarget,
    Target,
    UnlocatedTarget,
    target_for,
)

SLOT = r"\x01(\d+)\x02"
AirportFinder = Callable[[object], "PointTarget | None"]


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                          reverse=True))


HEDGE = _alternatives(set(APPROXIMATE) - {"~"} | set(JUST_UNDER) | AT_LEAST | AT_MOST)
# No distance on Earth needs more than six digits before the point or four after; bounding
# the runs keeps the search linear over long runs of digits, and a longer number is no claim
# (999,999 nautical miles is still under claims.MAX_CLAIMED_KM).
NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})?|\d{1,6})(?:\.\d{1,4})?(?!\d|[.,]\d)"
UNIT = (r"nautical\s+miles?|kilomet(?:re|er)s?|km|kms|miles?|mi|metres?|meters?|m|nm|nmi|"
        r"feet|ft|yards?")
QUANTITY = (rf"(?:(?P<hedge>{HEDGE})\s+)?(?P<number>{NUMBER})[\s-]*(?P<unit>{UNIT})\b"
            r"(?:\s*\([^)]*\))?")
# The sixteen compass points, spelt out ("north-north-east", "northeast", "south west").
_COMPASS_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}
DIRECTION = "(?P<direction>" + "|".join(
    r"[\s-]?".join(_COMPASS_WORDS[letter] for letter in point)
    for point in sorted(COMPASS_16, key=len, reverse=True)) + ")"
# "the Algerian border with Mali", "the border between Algeria and Mali", "the Algeria-Mali
# border", "Algeria's border with Mali", "the Libyan border", "the border with Libya"
BORDER = (rf"(?:the\s+)?(?:{SLOT}(?:'s)?\s+border\s+with\s+{SLOT}"
          rf"|border\s+between\s+{SLOT}\s+and\s+{SLOT}"
          rf"|{SLOT}\s*[-\u2013/]\s*{SLOT}\s+border"
          rf"|{SLOT}\s+border"
          rf"|border\s+with\s+{SLOT})")
PROXIMITY = _alternatives(PROXIMITY_WORDS)
PART = (r"(?P<part>(?:north|south)[\s-]?(?:east|west)ern|northern|southern|eastern|western|"
        r"central)")

DISTANCE_PATTERN = re.compile(
    rf"{QUANTITY}(?:\s+away)?\s+(?:from|of)\s+(?P<ref>{BORDER}|{SLOT}|the\s+border\b)",
    re.IGNORECASE)
# Not the second half of a garbled "north south-west of": which of the two was meant is unsaid.
_AFTER_COMPASS_WORD = "".join(rf"(?<!{word}[\s-])" for word in _COMPASS_WORDS.values())
DIRECTION_PATTERN = re.compile(
    rf"(?:{QUANTITY}\s+)?{_AFTER_COMPASS_WORD}{DIRECTION}\s+of\s+(?P<ref>{SLOT})",
    re.IGNORECASE)
PROXIMITY_PATTERN = re.compile(
    rf"\b(?P<word>{PROXIMITY})\s+(?P<ref>{BORDER}|the\s+border\b)", re.IGNORECASE)
BORDER_PATTERN = re.compile(BORDER, re.IGNORECASE)
NEIGHBOUR_PATTERN = re.compile(
    rf"\b(?:neighbou?ring|bordering)\s+(?:country\s+(?:of\s+)?)?{SLOT}"
    rf"|{SLOT}(?:'s)?\s+neighbou?r(?:ing country)?,?\s+{SLOT}", re.IGNORECASE)
AIRPORT_PATTERN = re.compile(
    rf"\bairport\s+(?:in|at|of|near|outside|serving)\s+{SLOT}|{SLOT}(?:'s)?\s+airport\b",
    re.IGNORECASE)
REGION_PATTERN = re.compile(rf"\b{PART}\s+{SLOT}", re.IGNORECASE)
IN_REGION_PATTERN = re.compile(rf"\bin\s+{PART}\s+{SLOT}", re.IGNORECASE)



@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n+")


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a line break always ends one (news text is one paragraph
    per line)."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            found.append(_trimmed(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        found.append(_trimmed(text, start, len(text)))
    return found


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


@dataclass(frozen=True)
class FoundClaim:
    """A claim and where in the text it was made: the sentence and the words themselves."""

    claim: Claim
    sentence: Sentence
    start: int
    end: int


class _SentenceView:
    """A sentence with its mentions replaced by numbered slots, and the way back."""

    def __init__(self, sentence: Sentence, mentions: Sequence, starts: Sequence[int]):
        """`mentions` sorted by start, `starts` their starts (found by bisection, so a long
        article's sentences do not each scan every mention)."""
        self.sentence = sentence
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        self.mentions = [m for m in mentions[first:last] if m.end <= sentence.end]
        pieces, self._offsets, cursor = [], [], sentence.start
        for i, mention in enumerate(self.mentions):
            pieces.append(sentence.text[cursor - sentence.start:mention.start - sentence.start])
            pieces.append(f"\x01{i}\x02")
            cursor = mention.end
        pieces.append(sentence.text[cursor - sentence.start:])
        self.text = "".join(pieces)
        self._slot_positions = [m.start() for m in re.finditer(SLOT, self.text)]

    def original_offset(self, view_offset: int) -> int:
        """Offset in the article of a position in the view."""
        shift = self.sentence.start
        for i, slot_at in enumerate(self._slot_positions):
            slot_len = len(f"\x01{i}\x02")
            if view_offset < slot_at:
                break
            mention = self.mentions[i]
            if view_offset < slot_at + slot_len:
                return mention.start
            shift = mention.end - (slot_at + slot_len)
        return view_offset + shift

    def mention(self, slot: str | None):
        return None if slot is None else self.mentions[int(slot)]


def _country_code(mention) -> str | None:
    """The Natural Earth code of a mention that names a country (or its people)."""
    place = mention.place
    if place.kind != "country" or not place.country_code:
        return None
    try:
        return base_layers.country(place.country_code).adm0_a3
    except base_layers.UnknownCountry:
        return None


def point_target(mention) -> PointTarget | None:
    target = target_for(mention.place)
    return target if isinstance(target, PointTarget) else None


class _Extractor:
    def __init__(self, text: str, mentions: Sequence, home_country: str | None,
                 airport_of: AirportFinder | None):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.home_country = home_country
        self.airport_of = airport_of
        self.found: list[FoundClaim] = []

    def run(self) -> list[FoundClaim]:
        starts = [m.start for m in self.mentions]
        for sentence in sentences(self.text):
            view = _SentenceView(sentence, self.mentions, starts)
            if view.mentions:
                self._sentence(view)
        return _deduplicated(self.found)

    def _add(self, view: _SentenceView, match: re.Match, claim_fields: dict) -> None:
        start, end = view.original_offset(match.start()), view.original_offset(match.end())
        claim = Claim(source=self.text[start:end], **claim_fields)
        self.found.append(FoundClaim(claim, view.sentence, start, end))

    def _subject_before(self, view: _SentenceView, view_offset: int) -> PointTarget | None:
        """The nearest place mentioned before the claim's words that is a point."""
        before = [int(m[1]) for m in re.finditer(SLOT, view.text[:view_offset])]
        for slot in reversed(before):
            target = point_target(view.mentions[slot])
            if target is not None:
                return target
        return None

    def _border(self, view: _SentenceView, match: re.Match, subject: Target | None,
                words: str):
        """The border a BORDER match (`words` as written) names; an UnlocatedTarget when it
        names none that geo can draw; None when the words are no border claim at all."""
        slots = [s for s in match.groups() if s is not None]
        mentions = [view.mentions[int(s)] for s in slots[-2:]]
        codes = [_country_code(m) for m in mentions]
        if None in codes:
            names = [m.place.name for m, code in zip(mentions, codes, strict=True) if not code]
            return UnlocatedTarget(words, f"{names[0]} is not a country, so it has no border")
        if len(codes) == 1:  # "the Libyan border": the subject's own country's border
            own = subject.country_codes if subject is not None else ()
            own = own or ((self.home_country,) if self.home_country else ())
            if not own:
                return UnlocatedTarget(words, "the text does not say whose border it is")
            if own[0] == codes[0]:
                return None
            codes = [own[0], codes[0]]
        if codes[0] == codes[1]:
            return None
        try:
            row = base_layers.border(*codes)
        except base_layers.NoSharedBorder as err:
            return UnlocatedTarget(words, str(err))
        return BorderTarget(row.a_adm0_a3, row.b_adm0_a3)

    @staticmethod
    def _unnamed_border(subject: Target | None, words: str) -> Target:
        own = subject.country_codes if subject is not None else ()
        if not own:
            return UnlocatedTarget(words, "the text does not say which border")
        if base_layers.land_borders(own[0]).is_empty:
            name = base_layers.country(own[0])["name"]
            return UnlocatedTarget(words, f"{name} has no land border")
        return CountryBordersTarget(own[0])

    def _reference(self, view: _SentenceView, match: re.Match, subject) -> Target | None:
        ref_text = match.group("ref")
        words = self.text[view.original_offset(match.start("ref")):
                          view.original_offset(match.end("ref"))]
        border = BORDER_PATTERN.fullmatch(ref_text)
        if border:
            return self._border(view, border, subject, words)
        slot = re.fullmatch(SLOT, ref_text)
        if slot is None:  # "near the border": the nearest border of the subject's country
            return self._unnamed_border(subject, words)
        mention = view.mention(slot[1])
        code = _country_code(mention)
        if code:
            return CountryTarget(code, mention.place.name)
        return point_target(mention) or UnlocatedTarget(
            mention.place.name, f"a {mention.place.kind} has no point or outline to measure to")

    def _sentence(self, view: _SentenceView) -> None:
        for match in DISTANCE_PATTERN.finditer(view.text):
            self._measured_claim(view, match, Relation.DISTANCE)
        for match in DIRECTION_PATTERN.finditer(view.text):
            self._measured_claim(view, match, Relation.DIRECTION)
        for match in PROXIMITY_PATTERN.finditer(view.text):
            subject = self._subject_before(view, match.start())
            reference = self._reference(view, match, subject)
            if subject is not None and reference is not None:
                self._add(view, match, {"subject": subject, "relation": Relation.PROXIMITY,
                                        "reference": reference,
                                        "qualifier": " ".join(match["word"].lower().split())})
        for match in BORDER_PATTERN.finditer(view.text):
            self._adjacency_from_border(view, match)
        for match in NEIGHBOUR_PATTERN.finditer(view.text):
            self._adjacency(view, match)
        for match in IN_REGION_PATTERN.finditer(view.text):
            self._containment_in_region(view, match)
        for match in AIRPORT_PATTERN.finditer(view.text):
            self._airport(view, match)

    def _measured_claim(self, view, match: re.Match, relation: Relation) -> None:
        subject = self._subject_before(view, match.start())
        if subject is None:
            return
        reference = self._reference(view, match, subject)
        if reference is None or reference == subject:
            return
        quantity = None
        if match["number"]:
            quantity = Quantity(match["number"], match["unit"], match["hedge"])
        direction = None
        if relation is Relation.DIRECTION:
            direction = parse_direction(match["direction"])
            if not isinstance(reference, PointTarget):
                return
        self._add(view, match, {"subject": subject, "relation": relation,
                                "reference": reference, "quantity": quantity,
                                "direction": direction})

    def _adjacency_from_border(self, view, match: re.Match) -> None:
        """"the Algerian border with Mali" says Algeria and Mali are neighbours."""
        slots = [s for s in match.groups() if s is not None]
        if len(slots) != 2:
            return
        codes = [_country_code(view.mentions[int(s)]) for s in slots]
        if None not in codes and codes[0] != codes[1]:
            self._add(view, match, {
                "subject": CountryTarget(codes[0], view.mentions[int(slots[0])].place.name),
                "relation": Relation.ADJACENCY,
                "reference": CountryTarget(codes[1], view.mentions[int(slots[1])].place.name)})

    def _adjacency(self, view, match: re.Match) -> None:
        slots = [s for s in match.groups() if s is not None]
        mentions = [view.mentions[int(s)] for s in slots]
        codes = [_country_code(m) for m in mentions]
        if len(codes) == 1:
            if not self.home_country:
                return
            codes.insert(0, self.home_country)
            mentions.insert(0, None)
        if None in codes or codes[0] == codes[1]:
            return
        subject_name = mentions[0].place.name if mentions[0] else ""
        self._add(view, match, {"subject": CountryTarget(codes[0], subject_name),
                                "relation": Relation.ADJACENCY,
                                "reference": CountryTarget(codes[1], mentions[1].place.name)})

    def _airport(self, view, match: re.Match) -> None:
        """"the airport in Amenas": the airport serving the town lies in its surroundings."""
        town_mention = view.mention(next(s for s in match.groups() if s is not None))
        town = point_target(town_mention)
        if town is None or town_mention.place.kind != "city" or self.airport_of is None:
            return
        airport = self.airport_of(town_mention.place) or UnlocatedTarget(
            f"the airport of {town.label}", f"the gazetteer knows no airport serving {town.label}")
        self._add(view, match, {"subject": airport, "relation": Relation.CONTAINMENT,
                                "reference": town})

    def _containment_in_region(self, view, match: re.Match) -> None:
        subject = self._subject_before(view, match.start())
        code = _country_code(view.mention(match.group(2)))
        if subject is None or code is None:
            return
        region = RegionTarget(code, parse_part(match["part"]))
        self._add(view, match, {"subject": subject, "relation": Relation.CONTAINMENT,
                                "reference": region})


def _deduplicated(found: list[FoundClaim]) -> list[FoundClaim]:
    """One claim per relation, subject and reference: the first place the text makes it."""
    seen, kept = set(), []
    for item in sorted(found, key=lambda f: f.start):
        claim = item.claim
        key = (claim.relation, claim.subject, claim.reference, claim.quantity, claim.direction)
        if claim.relation is Relation.ADJACENCY:
            key = (claim.relation, frozenset((claim.subject.adm0_a3,
                                              claim.reference.adm0_a3)))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def extract_claims(text: str, mentions: Sequence, home_country: str | None = None,
                   airport_of: AirportFinder | None = None) -> list[FoundClaim]:
    """Claims in `text` about its resolved `mentions` (objects with start, end and place).
    `home_country` (Natural Earth code) is the country the article is about: the one meant by
    "neighbouring Mali" or "the Libyan border" when the sentence names no other.
    `airport_of(place)` finds the airport serving a town, for "the airport in Amenas"."""
    return _Extractor(text, mentions, home_country, airport_of).run()


def regions_named(text: str, mentions: Sequence) -> list[tuple[RegionTarget, int, int]]:
    """Every "northern Mali" in the text, whether or not a claim is made about it."""
    found = []
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for sentence in sentences(text):
        view = _SentenceView(sentence, mentions, starts)
        for match in REGION_PATTERN.finditer(view.text):
            code = _country_code(view.mention(match.group(2)))
            if code:
                found.append((RegionTarget(code, parse_part(match["part"])),
                              view.original_offset(match.start()),
                              view.original_offset(match.end())))
    return found
