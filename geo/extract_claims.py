"""Places -> claims: the geographic claims an article's sentences make about its places.

Each sentence is read with its resolved place mentions replaced by slots ("is about 700 miles
from the <1> border with <2>"), so phrasings are written over slots and words, and a slot is
bound back to its place. Each claim type (geo/claim_types/) finds its own phrasings in a
`SentenceView` and hands what it finds to a `Finder`, which knows the article: which place a
slot stands for, the subject before the claim's words, the border a phrase names. A small
grammar, not a statistical parser: every claim it finds can be traced to the words that made
it, and the words it does not know it leaves alone.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Protocol

from geo import admin_areas, base_layers
from geo.claim_types import CLAIM_TYPES
from geo.claim_types.grammar import (
    A_PLACE_CALLED,
    BORDER,
    HEDGE,
    LOCATION_VERB,
    MEASURED_FROM,
    PART,
    PART_WORD,
    PART_WORDS,
    PLACE_NOUN,
    SLOT,
    SUBJECT_GAP,
    UNIT,
    UNIT_NOUN,
    LazyPattern,
    alternatives,
)
from geo.claims import ANAPHOR_NOUNS, PHRASING_WORDS, Claim, Quantity, Relation
from geo.mentions import DATELINE_AFTER, DATELINE_TAIL_REACH
from geo.regions import parse_part
from geo.resolve import (
    CREDIBLE_ALIAS_POPULATION,
    CREDIBLE_NAME_POPULATION,
    POINT_KINDS,
    SETTLED_CONFIDENCE,
)
from geo.sphere import great_circle_km
from geo.targets import (
    AdminAreaTarget,
    AdminBorderTarget,
    AdminUnitTarget,
    BorderTarget,
    CountryBordersTarget,
    CountryTarget,
    PointTarget,
    RegionTarget,
    StateBorderTarget,
    StateLinesTarget,
    Target,
    UnlocatedTarget,
    alike,
    area_of,
    country_of,
    point_of_area,
    target_for,
    unit_target,
    units_holding,
)
from geo.units import to_km


class PlaceLookups(Protocol):
    """What claims need to look up in the gazetteer beyond the article's own places
    (geo.pipeline.Pipeline has these)."""

    def airport_of(self, town) -> PointTarget | None:
        """The airport serving a town: "the airport in Amenas"."""

    def capital_of(self, country_code: str) -> PointTarget | None:
        """A country's capital (ISO alpha-2 code): "the capital" the text leaves unnamed."""

    def towns_of(self, unit) -> tuple[tuple[float, float], ...]:
        """The points (lat, lon) of the towns of a first-level unit (a gazetteer place)."""


BORDER_PATTERN = LazyPattern(BORDER, re.IGNORECASE)
REGION_PATTERN = LazyPattern(rf"\b{PART}\s+{SLOT}", re.IGNORECASE)
_PART_WORD = re.compile(PART_WORD)
# A sentence in which no claim type's TRIGGER finds anything holds no claim.
_ANY_TRIGGER = re.compile("|".join(f"(?:{claim_type.TRIGGER.pattern})"
                                   for claim_type in CLAIM_TYPES))
# "this small town about 60 miles southwest of Raleigh", "the town lies some 80 km from": a
# place the sentence does not name, so the one the article is about. Up to two words before
# the noun, and a few of the words that say where a place is after it.
ANAPHOR_BEFORE = LazyPattern(
    rf"\b(?P<anaphor>(?:this|the)\s+(?:(?:[\w-]+|{SLOT})\s+){{0,2}}?"
    rf"(?:{alternatives(ANAPHOR_NOUNS)}))"
    # "this Lyon County town of 230, about 40 miles from"
    r"(?:\s+of\s+(?:about\s+|some\s+)?[\d,.]+(?:\s+(?:million|thousand))?"
    r"(?:\s+(?:people|residents))?)?"
    # "this town in north-western Bosnia, a few kilometres from"
    rf"(?:\s+in\s+(?:(?:far|the)\s+)?(?:[\w-]+\s+)?{SLOT}(?:\s*,\s*(?=an?\s))?)?"
    # "The garrison town, home to Pakistan's military academy, lies about 35 miles north of"
    rf"(?:\s*,\s*(?:(?:[\w'\u2019-]+|{SLOT}(?:['\u2019]s)?)\s+){{0,7}}[\w'\u2019-]+\s*,"
    rf"(?=\s*(?:{LOCATION_VERB})\b))?"
    rf"(?:\s*,?\s+(?:{LOCATION_VERB}|which|that)){{0,3}}"
    r"(?:\s+(?:just|only|right))?\s*,?\s*\Z", re.IGNORECASE)
ANAPHOR_REACH = 120  # "The garrison town, home to Pakistan's military academy, lies about"
# "near the village Dvani, which is seven kilometers south-west of": a name geo did not take
# for a place, told to be one by the noun before it, is the subject; the claim is reported
# unverifiable instead of being given a place named earlier in the sentence or dropped.
_NAME_WORD = r"[A-Z][^\W\d_]*(?:['\u2019][^\W\d_]+)*"
# What may stand between a subject and the claim's words, to the claim: ", which lies".
_SAYING_WHERE = rf"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:{LOCATION_VERB})\s+){{0,2}}\Z"
UNKNOWN_PLACE_BEFORE = LazyPattern(
    rf"{A_PLACE_CALLED}(?!(?:{alternatives(PHRASING_WORDS['calendar'])})\b)"
    rf"(?-i:(?P<name>{_NAME_WORD}(?:[\s-]{_NAME_WORD}){{0,2}})){_SAYING_WHERE}", re.IGNORECASE)
UNKNOWN_PLACE_REACH = 80
# "Gao, the city about 320 km east of Timbuktu": the noun is in apposition to the place.
_APPOSITION_END = re.compile(r"\x02\s*,?\s*\Z")
# "winds reached 90 mph at a prairie research site about five miles south of Manhattan",
# "County Road 35, which is north of Alexandria", "Hodeidah, the Red Sea port some 150 km
# south-west of Sanaa" (with Hodeidah unknown): the subject is a thing the sentence does not
# name as a place, so the claim is unverifiable rather than given to a place named before it.
# The thing's last word is a common noun: a capitalised one may be a name (UNKNOWN_PLACE_BEFORE)
# or a day ("the city Monday").
_WORD = r"[^\W\d_][\w'\u2019-]*"
_DETERMINER = r"\b(?:an?|the)"  # the last one before the claim: "the wreck on a hillside"
_BOUND = r"(?:north|south|east|west)bound"  # "Highway 10 eastbound, 2 miles east of Perham"
UNNAMED_BEFORE = LazyPattern(
    rf"(?:\b(?P<thing>{_DETERMINER}\s+(?:(?!{_DETERMINER}\s){_WORD}\s+){{0,3}}?"
    rf"(?:{SLOT}\s+(?={PLACE_NOUN}\b))?"
    rf"(?-i:[a-z])[\w'\u2019-]*)"
    rf"|(?P<way>(?-i:[A-Z][\w.]*\s+){{0,2}}(?:{alternatives(PHRASING_WORDS['way_nouns'])})"
    rf"\s+\d+\w*(?:\s+{_BOUND}(?:\s+and\s+{_BOUND})?)?)){_SAYING_WHERE}", re.IGNORECASE)
UNNAMED_REACH = 80
# "Kidal, a town about 300 km from Gao", "Kidal is a town", "Kidal, which lies in a desert":
# the thing is, or holds, the place named just before it; "Jajarkot, in the west of the
# country about 320 km from": the thing only says where that place is.
_NAMED_BEFORE_THING = re.compile(
    r"\x02(?:\s*,\s*in\s+the\s+(?:(?:far|extreme)\s+)?(?:north|south|east|west)[\w-]*\s+of\s+\Z"
    rf"|\s*,\s*(?:(?:which|that)\s+)?(?:(?:{LOCATION_VERB}|are|were|remains)\s+){{0,2}}"
    rf"|\s+(?:(?:{LOCATION_VERB}|are|were|remains)\s+){{1,2}})(?:(?:in|on|at)\s+)?\Z",
    re.IGNORECASE)
# "East Ridge, on Interstate 75 a few miles from": the road passes the place before it.
_NAMED_BEFORE_WAY = re.compile(
    rf"\x02\s*,?\s*(?:(?:which|that)\s+(?:{LOCATION_VERB})\s+)?(?:on|along|off|at|near)\s+\Z",
    re.IGNORECASE)
# "Paradise, a Butte County town of about 26,000 people some 10 miles east of Chico",
# "Fallujah, in Iraq's western Anbar province some 40 miles west of Baghdad": the subject is
# the head of the apposition, whatever places the apposition names. An apposition is a noun
# phrase or a place: no comma inside it (but in a number), nor a word that opens or makes a
# clause.
APPOSITION_HEAD = LazyPattern(
    r"\x01(?P<head>\d+)\x02\s*,\s*(?P<inside>(?:an?|the|in)\s"
    r"(?:[^\x01,;:!?]|(?<=\d),(?=\d{3})|\x01\d+\x02)*?)"
    r"\s*,?\s*\Z", re.IGNORECASE)
APPOSITION_REACH = 150
# "Some 115 miles north of Milwaukee, Green Bay officials braced", "About 70 km west of
# Edinburgh, in Glasgow, police said": a claim that opens its sentence is about the place named
# just after it.
SUBJECT_AFTER_OPENING = re.compile(r"\s*,\s*(?:(?:in|at)\s+)?\x01(?P<subject>\d+)\x02")
_OPENERS = " \t\"'\u201c\u2018("
_CLAUSE_WORD = re.compile(rf"\b(?:{alternatives(PHRASING_WORDS['clause_words'])})\b",
                          re.IGNORECASE)
_LIST_COMMA = re.compile(r"\s*,\s*")
# A dateline, its dash and up to three words: the place a report is filed from is what its
# first words say is somewhere ("HUDSON -- Officials in central Illinois"), not what a clause
# after them says ("ARLINGTON -- She was born in western Iran").
_AFTER_DATELINE = re.compile(r"\s*(?:--|[-\u2013\u2014:,])?\s*(?:[\w'\u2019-]+\s+){0,3}")
# "Dalton, roughly 80 miles northwest of Atlanta near the Tennessee line": the place after a
# measured phrase is where it is measured from; what the sentence goes on to say is of the
# place before.
_MEASURED_FROM = re.compile(MEASURED_FROM, re.IGNORECASE)
# "Zaatari, a camp in the desert 55 km northeast of Amman and only a few kilometres from the
# Syrian border": the place a measure ends at, with "and" a second measure, is neither's
# subject.
_MEASURED_TO = re.compile(rf"(?:{UNIT})\s+(?:(?:to\s+the\s+)?{PART_WORDS}\s+)?(?:of|from)\s+"
                          rf"(?:the\s+)?\Z", re.IGNORECASE)
_MEASURED_TO_REACH = 40
_AND_MORE = re.compile(rf"\s*,?\s+and\s+(?:(?:{HEDGE}|just|only)\s+)?", re.IGNORECASE)
# "Scottsbluff, in western Nebraska, is about a 170-mile drive from", "Kassala, in eastern
# Sudan near the Eritrean border", "Chibok, in Borno state, is about 130 km south of": a place
# in an apposition says where the one before it is.
_IN_APPOSITION = re.compile(rf"\s*,\s*in\s+(?:{PART_WORDS}\s+)?", re.IGNORECASE)
_CLOSING_COMMA = re.compile(rf"(?:\s+(?:{UNIT_NOUN}))?\s*,", re.IGNORECASE)
# "the Puno region of Peru on the border": the noun after a name says it is the unit, when the
# name was read as a town.
_UNIT_NOUN_AFTER = re.compile(rf"\s+(?P<noun>{UNIT_NOUN})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n+")


_ABBREVIATION_END = re.compile(
    rf"\b(?:{alternatives(PHRASING_WORDS['abbreviations'])})\.\Z", re.IGNORECASE)


# The claims and the regions of an article read its sentences one after the other.
@lru_cache(maxsize=2)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their offsets; a line break always ends one (news text is one paragraph
    per line)."""
    return tuple(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """`sentences`, one at a time: the first few of a long text cost no more than they do."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION_END.search(text, max(0, match.start() - 6), match.start()):
            continue
        if text[start:match.start()].strip():
            yield _trimmed(text, start, match.start())
        start = match.end()
    if text[start:].strip():
        yield _trimmed(text, start, len(text))


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """`text` with its ASCII letters in lower case and every offset kept, which the triggers
    search: re has no fast scan for a case-blind alternation, and a case-blind search of a news
    article takes six times as long."""
    lower = text.lower()
    # Only a few letters grow when lowered ("İ"): their text is lowered letter by letter.
    return lower if len(lower) == len(text) else "".join(
        letter.lower() if letter.isascii() else letter for letter in text)


# A place a sentence names by what it is, not by its name: "The town lies near the border",
# "this border village".
_ANAPHOR_WORDS = re.compile(rf"\b(?:this|the)\s+(?:[\w-]+\s+){{0,2}}?"
                            rf"(?:{alternatives(ANAPHOR_NOUNS)})\b")


def _sentences_with(pattern: re.Pattern[str], text: str, starts: Sequence[int]
                    ) -> Iterator[Sentence]:
    """The sentences of `text` that hold a mention (one of `starts`), or a place called by what
    it is ("this border town"), and in which `pattern` finds something in the lowered text: the
    others hold no claim and name no part of a country, and the search skips them (about half
    of a news article's text)."""
    lower = lowered(text)
    for sentence in sentences(text):
        at = bisect.bisect_left(starts, sentence.start)
        if ((at < len(starts) and starts[at] < sentence.end)
                or _ANAPHOR_WORDS.search(lower, sentence.start, sentence.end)) \
                and pattern.search(lower, sentence.start, sentence.end):
            yield sentence


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


@dataclass(frozen=True)
class FoundClaim:
    """A claim and where in the text it was made: the sentence and the words themselves.
    `readings` are the same claim with an end read as another place its name may mean, when
    the article leaves that end in doubt, each with a description ("Saida (Saida, Algeria or
    Sidon, Lebanon?)"): a claim that one of them would make consistent is never called
    inconsistent (geo.verdicts.verify); a reading of None is a doubt with no other place to
    try (a town abroad taken on little evidence), which also keeps the claim from being called
    inconsistent. `repeated_at` are the (start, end) of the words that
    make the same claim again later in the article: one claim, checked once."""

    claim: Claim
    sentence: Sentence
    start: int
    end: int
    readings: tuple[tuple[str, Claim], ...] = ()
    repeated_at: tuple[tuple[int, int], ...] = ()


class SentenceView:
    """A sentence with its mentions replaced by numbered slots, and the way back."""

    def __init__(self, sentence: Sentence, mentions: Sequence, starts: Sequence[int]):
        """`mentions` sorted by start, `starts` their starts (found by bisection, so a long
        article's sentences do not each scan every mention)."""
        self.sentence = sentence
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        self.mentions = [_as_named_unit(m, sentence) for m in mentions[first:last]
                         if m.end <= sentence.end]
        pieces, self._offsets, cursor = [], [], sentence.start
        for i, mention in enumerate(self.mentions):
            pieces.append(sentence.text[cursor - sentence.start:mention.start - sentence.start])
            pieces.append(f"\x01{i}\x02")
            cursor = mention.end
        pieces.append(sentence.text[cursor - sentence.start:])
        self.text = "".join(pieces)
        slots = list(re.finditer(SLOT, self.text))  # slot i stands for mention i
        self.slot_positions = [slot.start() for slot in slots]
        self.slot_ends = [slot.end() for slot in slots]
        self._made_from: dict | None = None
        self._slot_of: dict[int, int] | None = None
        self._units: dict | None = None
        self._countries: Counter | None = None
        self.other_readings: dict = {}  # an end's other readings (_other_readings)

    def slots_of(self, target: Target) -> list[int]:
        """The slots (indices in `mentions`) of the mentions the target was made from, in text
        order."""
        if self._slot_of is None:
            self._slot_of = {id(mention): i for i, mention in enumerate(self.mentions)}
        return [self._slot_of[id(mention)] for mention in self.mentions_of(target)]

    def mentions_of(self, target: Target) -> list:
        """The mentions of the sentence the target was made from, in text order: one lookup,
        as a sentence that is a long list makes a claim per member."""
        if self._made_from is None:
            self._made_from = {}
            for mention in self.mentions:
                for key in (("point", mention.place.lat, mention.place.lon),
                            ("area", area_key(mention))):
                    self._made_from.setdefault(key, []).append(mention)
        if isinstance(target, PointTarget):
            return self._made_from.get(("point", *target.point), [])
        if isinstance(target, AdminUnitTarget):
            if self._units is None:
                self._units = {}
                for mention in self.mentions:
                    keys = {unit.key for unit in map(unit_target, mention.mention.candidates)
                            if unit is not None}
                    for key in keys:
                        self._units.setdefault(key, []).append(mention)
            return self._units.get(target.key, [])
        match target:
            case CountryTarget() | AdminAreaTarget() | RegionTarget():
                keys = (target.area,)
            case AdminBorderTarget():
                keys = (target.a_key, target.b_key)
            case StateBorderTarget():
                keys = (target.state, target.adm0_a3)
            case _:
                keys = target.country_codes
        found = [m for key in dict.fromkeys(keys) for m in self._made_from.get(("area", key), [])]
        return sorted(found, key=lambda m: m.start) if len(keys) > 1 else found

    def original_offset(self, view_offset: int) -> int:
        """Offset in the article of a position in the view (found by bisection: a sentence
        that is a long list makes a claim per member)."""
        i = bisect.bisect_right(self.slot_positions, view_offset) - 1
        if i < 0:
            return view_offset + self.sentence.start
        slot_end = self.slot_ends[i]
        mention = self.mentions[i]
        return mention.start if view_offset < slot_end else view_offset + mention.end - slot_end

    def countries_named(self) -> Counter:
        """How many of the sentence's mentions lie in each country (gazetteer codes)."""
        if self._countries is None:
            self._countries = Counter(m.place.country_code for m in self.mentions)
        return self._countries

    def mention(self, slot: str | None):
        return None if slot is None else self.mentions[int(slot)]


_A_LINE = re.compile(r"\bline\b", re.IGNORECASE)


def lines_between_us_areas(words: str, mentions) -> bool:
    """Whether a border said as a line ("the Tennessee line", "the county line between Hall and
    Jackson") is one between US states (or, for a county line, counties): any other line is a
    railway's, a bus route's, a supply line."""
    if not _A_LINE.search(words):
        return True
    keys = [_area_reading(m) or "" for m in mentions]
    if re.search(r"\b(?:county|parish|counties|parishes)\b", words, re.IGNORECASE):
        return all(admin_areas.is_key(key) and not admin_areas.is_state(key) for key in keys)
    return all(admin_areas.is_state(key) for key in keys)


def country_code(mention) -> str | None:
    """The Natural Earth code of a mention that names a country (or its people)."""
    return country_of(mention.place) if mention.place.kind == "country" else None


def _country_of_a_province(mention, subject: Target | None) -> str | None:
    """"This village on the Quebec border", "the Montana-Alberta border": a first-level unit
    of a country other than the United States (which geo has no outline of) stands for its
    country's stretch of the border, measured as the whole border with that country; not in
    the subject's own country, where it is a line geo has no outline of ("Noida, on the Delhi
    border")."""
    province = next((c for c in (mention.place, *mention.mention.candidates)
                     if c.kind == "admin1"), None)  # "the Quebec border": not Quebec City
    if subject is None or province is None \
            or province.country_code in (None, admin_areas.COUNTRY_ISO2):
        return None
    country = country_of(province)
    return None if country in subject.country_codes else country


def area_key(mention) -> str | None:
    """The key of the area a mention names that geo has an outline for: a country's ADM0_A3,
    or a US state's or county's key (geo.admin_areas)."""
    return country_code(mention) or admin_areas.key_for(mention.place)


def _state_border(state: str, adm0_a3: str, words: str, subject: Target | None,
                  well_known: bool) -> Target:
    """"The Texas-Mexico border": the state's stretch of the US border with the country. A
    town on it lies in one or the other: one read elsewhere is another town of its name
    ("Blaine, on the Washington-British Columbia border", read as Blaine, Minnesota), unless
    it is `well_known` ("Tucson, near the Texas-Mexico border" is the writer's slip)."""
    if admin_areas.border_along(state, adm0_a3).is_empty:
        return UnlocatedTarget(words, f"{admin_areas.area(state).name} does not reach "
                                      f"{base_layers.country(adm0_a3).name}")
    if isinstance(subject, PointTarget) and not well_known:
        in_state = admin_areas.state_at(*subject.point)
        across = base_layers.country_at(*subject.point)
        if in_state != state and (across is None or across.adm0_a3 != adm0_a3):
            return UnlocatedTarget(words, f"{subject.describe()}, as geo reads it, lies on "
                                          "neither side: another place of its name?")
    return StateBorderTarget(state, adm0_a3)


def _area_reading(mention) -> str | None:
    """A US state or county a mention names, or may name: a border is an area's, so "the New
    York border" means New York State, whatever the name means elsewhere in the sentence."""
    key = admin_areas.key_for(mention.place)
    if key is None and mention.place.kind != "country":
        key = next((k for k in map(admin_areas.key_for, mention.mention.candidates)
                    if k and admin_areas.is_state(k)), None)
    return key


def area_target(mention) -> CountryTarget | AdminAreaTarget | None:
    """A mention of a country or a US state or county as its outline."""
    code = country_code(mention)
    if code:
        return CountryTarget(code, mention.place.name)
    key = admin_areas.key_for(mention.place)
    return AdminAreaTarget(key, mention.place.name) if key else None


def point_target(mention) -> PointTarget | None:
    target = target_for(mention.place)
    return target if isinstance(target, PointTarget) else None


def located(mention) -> PointTarget | None:
    """A mention as a point: a town's or a site's, or an admin unit's with its reach."""
    return point_target(mention) or point_of_area(mention.place)


@dataclass(frozen=True)
class ArticleContext:
    """What the whole article says that a sentence may leave unsaid: the country it is about
    (a Natural Earth code: "neighbouring Mali", "the Libyan border"), the US state and county
    (keys of geo.admin_areas: "neighboring Massachusetts"), and the mention of the place where the
    incident happened ("this small town about 60 miles southwest of Raleigh")."""

    home_country: str | None = None
    home_state: str | None = None
    focus: object | None = None
    home_county: str | None = None


def _outline_or_point(mention) -> Target | None:
    key = admin_areas.key_for(mention.place)
    return AdminAreaTarget(key, mention.place.name) if key else located(mention)


# A name in title case that is no place geo knows and no day or month: "Mayon Volcano".
_UNKNOWN_NAME = LazyPattern(
    rf"(?<![.!?:]\s)(?<!\A)\b(?!(?:{alternatives(PHRASING_WORDS['calendar'])})\b)"
    r"(?-i:[A-Z][a-z][\w'\u2019-]*(?:\s+[A-Z][a-z][\w'\u2019-]*)*)", re.IGNORECASE)


def _name_between(view: SentenceView, match: re.Match, subject: Target | None) -> list[str]:
    """The doubt of a measured claim's subject taken from the place named before it when a
    name geo does not know stands between ("Legazpi City, a 10-hour bus ride from Manila, as
    Mayon Volcano, about 15 km north-west of the city": Mayon Volcano, not Manila)."""
    last = bisect.bisect_right(view.slot_ends, match.start()) - 1
    if last < 0 or subject is None or view.mentions[last] not in view.mentions_of(subject):
        return []
    name = _UNKNOWN_NAME.search(view.text, view.slot_ends[last], match.start())
    if name is None:
        return []
    return [f"the subject: {view.mentions[last].mention.text}, or {name.group()}, which geo "
            "does not know?"]


def _may_name_the_country_of(mention, place) -> bool:
    """Whether the words of a country's mention may name `place`'s country ("Congo": either)."""
    if mention.place.country_code == place.country_code:
        return True
    try:
        own = base_layers.adm0_a3(place.country_code or "")
    except base_layers.UnknownCountry:
        return True
    return any(code == own for code, _ in _countries_named(mention.mention.text))


def _placed_in_another_unit(view: SentenceView, subject: Target, reference: Target
                            ) -> str | None:
    """The doubt of a subject read as a place outside the unit the words between it and the
    claim's far end put it in ("La Gloria, a village near Perote in Veracruz state, about 200
    km east of Mexico City": a La Gloria of another state, where the gazetteer lacks
    Veracruz's)."""
    towns, ends = view.mentions_of(subject), view.mentions_of(reference)
    if not towns or not ends:
        return None
    town = towns[0]
    at = view.mentions.index(town)
    end = next((k for k, mention in enumerate(view.mentions) if k > at and mention in ends),
               at)
    for unit in view.mentions[at + 1:min(end, at + 1 + UNITS_AFTER_A_SUBJECT)]:
        if unit.mention.how == "demonym":
            continue  # "Goma, a city on the Rwandan border": no unit holding it
        place = _as_named_unit(unit, view.sentence).place  # "in Veracruz state"
        inside = (_may_name_the_country_of(unit, town.place) if place.kind == "country"
                  else town.place.admin1 == place.name if place.kind == "admin1"
                  else town.place.admin2 == place.name if place.kind == "admin2" else True)
        if not inside:
            return (f"{town.mention.text} ({_where(town.place)}), though the words put it in "
                    f"{unit.mention.text}: another place of the name?")
    return None


def _which_border(view: SentenceView, border: BorderTarget) -> list[str]:
    """The doubt of a border named by words that name another country with a border with the
    same neighbour: "Bangui lies on the border with Congo": the Central African Republic
    borders both Congos."""
    sides = {border.a_adm0_a3, border.b_adm0_a3}
    for mention in view.mentions:
        try:
            named = base_layers.adm0_a3(mention.place.country_code or "")
        except base_layers.UnknownCountry:
            continue
        if mention.place.kind != "country" or named not in sides:
            continue
        (other,) = sides - {named}
        for code, name in _countries_bordering(mention.mention.text, other):
            if code not in sides:
                return [f"{mention.mention.text}: {_where(mention.place)} or {name}?"]
    return []


def _unit_holding(view: SentenceView, subject: Target, reference: Target) -> str | None:
    """The doubt of an admin unit measured from a place inside it, by the gazetteer's codes:
    "Dingri county in Xigaze, southwest China's Xizang Autonomous Region, about 400 km from
    Lhasa" measures a place in Xizang, not Xizang's point."""
    units, places = view.mentions_of(subject), view.mentions_of(reference)
    if not units or not places:
        return None
    unit, place = units[0].place, places[0].place
    if unit.kind not in ("admin1", "admin2") or unit.country_code != place.country_code \
            or unit.name not in (place.admin1, place.admin2):
        return None
    return (f"{units[0].mention.text} holds {places[0].mention.text}: the claim may be about "
            "a place in it")


def _bordering_reading(mention, own: str) -> str | None:
    """The one other country the words of `mention` may name that shares a land border with
    `own` (an ADM0_A3): "Bwera, near the border with Congo", in Uganda, is on the Democratic
    Republic's border, as the Republic of the Congo's is nowhere near."""
    found = {code for code, _ in _countries_bordering(mention.mention.text, own)}
    return found.pop() if len(found) == 1 else None


def _countries_bordering(words: str, own: str) -> list[tuple[str, str]]:
    """(ADM0_A3, name) of the countries `words` may name (_countries_named) that share a land
    border with `own`."""
    found = []
    for code, name in _countries_named(words):
        try:
            base_layers.border(own, code)
        except base_layers.NoSharedBorder:
            continue
        found.append((code, name))
    return found


_STATE_LINE = re.compile(r"\bstate\s+line\b", re.IGNORECASE)


def _each_state_line(reference: Target) -> list[tuple[str, Target]]:
    """"Dothan is about 15 miles from the state line": measured to the nearest of Alabama's
    lines, but the words may mean another (the Mississippi line, farther), so each is another
    reading of the far end."""
    if not isinstance(reference, StateLinesTarget):
        return []
    return [(f"the state line: which one ({admin_areas.area(other).name}'s?)",
             AdminBorderTarget(reference.state, other))
            for other in admin_areas.neighbouring_states(reference.state)]


def _state_of_target(target: Target | None) -> str | None:
    """The key of the US state a town's point or a county lies in, or of a state itself."""
    if isinstance(target, AdminAreaTarget):
        return admin_areas.state_key_of(target.area)
    if isinstance(target, PointTarget) and target.country_codes == (admin_areas.COUNTRY,):
        return admin_areas.state_at(*target.point)
    return None


def _state_outline_or_point(mention) -> Target | None:
    """A US state as its outline, anything else (a county too) as a point: a bearing from a
    county's point is a fair one; from a state's, not ("Joplin, near the Kansas and Oklahoma
    lines and about 70 miles west of Springfield" must not measure Oklahoma's middle)."""
    key = admin_areas.key_for(mention.place)
    return (AdminAreaTarget(key, mention.place.name) if key and admin_areas.is_state(key)
            else located(mention))


# How a subject's mention becomes a target, by the `outlines` of Finder.subject_before.
_SUBJECT_TARGET = {False: located, True: _outline_or_point, "states": _state_outline_or_point}


def _unnamed_subject(view: SentenceView, view_offset: int) -> UnlocatedTarget | None:
    """The thing a measured claim places when the words just before it name no place ("at a
    prairie research site about five miles south of"); it cannot be located."""
    unnamed = UNNAMED_BEFORE.search(view.text, max(0, view_offset - UNNAMED_REACH),
                                    view_offset)
    if unnamed is None:
        return None
    named_before = _NAMED_BEFORE_WAY if unnamed["way"] else _NAMED_BEFORE_THING
    if named_before.search(view.text, 0, unnamed.start()):
        return None
    group = "thing" if unnamed["thing"] else "way"
    start, end = (view.original_offset(at) - view.sentence.start for at in unnamed.span(group))
    thing = " ".join(view.sentence.text[start:end].split())
    return UnlocatedTarget(thing, f"the subject is {thing}, which geo cannot locate")


def _as_named_unit(mention, sentence: Sentence):
    """The mention as the unit the noun after it says it is ("Kano state", "the Puno region of
    Peru"), or as it is."""
    noun = _UNIT_NOUN_AFTER.match(sentence.text, mention.end - sentence.start)
    return (_unit_reading(mention, noun["noun"]) if noun else None) or mention


def _unit_reading(mention, noun: str):
    """The mention as the admin unit of its name in the same country, when it was read as
    something else and the noun after it ("region", "county") says it is a unit: a first-level
    unit after a first-level noun, else either level."""
    place = mention.place
    if place.kind in ("admin1", "admin2", "country"):
        return None
    levels = (("admin1",) if noun.lower() in PHRASING_WORDS["first_level_unit_nouns"]
              else ("admin1", "admin2"))
    unit = next((c for c in mention.mention.candidates
                 if c.kind in levels and c.country_code == place.country_code), None)
    return None if unit is None else dataclasses.replace(mention, place=unit)


def qualifies(before, mention) -> bool:
    """Whether `mention` only says where the place `before` it is: "Arlington, Virginia",
    "Carroll County, Tennessee", "Peshawar, Khyber Pakhtunkhwa", "Kidal, Mali", "Gallup, in
    McKinley County"."""
    place, previous = mention.place, before.place
    if place.kind == previous.kind or place.country_code != previous.country_code:
        return False
    return (place.kind == "country" or (place.kind == "admin1" and previous.admin1 == place.name)
            or (place.kind == "admin2" and previous.admin1 == place.admin1
                and previous.admin2 == place.name))


@lru_cache(maxsize=4096)  # an article repeats its names; a corpus has a few thousand
def _countries_named(words: str) -> tuple[tuple[str, str], ...]:
    """(ADM0_A3, name) of the countries whose names hold `words` as whole words."""
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE)
    return tuple((adm0, name) for adm0, name, long_name in _country_names()
                 if pattern.search(name) or pattern.search(long_name))


@cache
def _country_names() -> list[tuple[str, str, str]]:
    columns = base_layers.attributes("countries_10m")
    return list(zip(columns["adm0_a3"], columns["name"], columns["name_long"], strict=True))


def _far_outside(claim: Claim) -> bool:
    """Whether the claim's subject lies farther than MISPLACED_KM from every country it is
    said to be in: "PEMBA, Mozambique - ... Palma, a gas town in Mozambique's far north-east",
    read as Palma de Mallorca, 6,500 km away, is a town the gazetteer lacks, not a writer's
    slip, however well known the city read."""
    from geo.measure import distance_to

    return all(distance_to(claim.subject.point, CountryTarget(code)).km > MISPLACED_KM
               for code in claim.reference.country_codes)


class Finder:
    """What the claim types need to know of the article while they read its sentences, and
    where they put the claims they find."""

    def __init__(self, text: str, mentions: Sequence, context: ArticleContext,
                 lookups: PlaceLookups | None = None):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.home_country = context.home_country
        self.home_state = context.home_state
        self.home_county = context.home_county
        self.focus = context.focus
        self.lookups = lookups
        self.found: list[FoundClaim] = []
        # "EMERSON, Manitoba - ... this prairie hamlet": a dateline whose town geo does not know
        opening = _OPENING_WORDS.match(text)
        self.unknown_dateline = (
            opening["town"] if opening is not None and opening["town"].isupper()
            and DATELINE_AFTER.match(text[opening.end():opening.end() + DATELINE_TAIL_REACH])
            and not any(m.mention.dateline for m in self.mentions) else None)

    def run(self) -> list[FoundClaim]:
        starts = [m.start for m in self.mentions]
        lower = lowered(self.text)
        for sentence in _sentences_with(_ANY_TRIGGER, self.text, starts):
            view = SentenceView(sentence, self.mentions, starts)
            if view.mentions or self.focus is not None:
                for claim_type in CLAIM_TYPES:
                    if claim_type.TRIGGER.search(lower, sentence.start, sentence.end):
                        claim_type.find(view, self)
        return _deduplicated(self.found)

    country_code = staticmethod(country_code)
    countries_named = staticmethod(_countries_named)
    lines_between_us_areas = staticmethod(lines_between_us_areas)
    qualifies = staticmethod(qualifies)
    area_key = staticmethod(area_key)
    area_target = staticmethod(area_target)
    point_target = staticmethod(point_target)

    @staticmethod
    def the_one_alike_before(view: SentenceView, at: int):
        """The mention "its" stands for before mention `at` ("Webb County wants Zapata County, its
        neighbor to the north"): the one area of the sentence before it of its kind, None when
        there are none or several ("China urged North Korea to stop provoking South Korea, its
        southern neighbour": China's or North Korea's?)."""
        member = area_target(view.mentions[at])
        if member is None:
            return None
        alike_before = {area.area: m for m in view.mentions[:at]
                        if (area := area_target(m)) is not None and alike(area, member)
                        and area.area != member.area}
        return next(iter(alike_before.values())) if len(alike_before) == 1 else None
    located = staticmethod(located)

    @staticmethod
    def next_to_its_words(view: SentenceView, subject: Target, start: int) -> bool:
        """Whether the subject's last mention before `start` (if it has one) stands right
        before the claim's words, with no clause between (SUBJECT_GAP)."""
        slots = [i for i in view.slots_of(subject) if view.slot_ends[i] <= start]
        if not slots:
            return True  # "this town lies near the border": the article's place
        end = view.slot_ends[max(slots)]
        if view.mentions[max(slots)].mention.dateline:  # "HUDSON -- Officials in central
            # Illinois"; "FORT SMITH, Ark. - This city on the Oklahoma line": the dateline's
            # town by its anaphor
            return (_AFTER_DATELINE.fullmatch(view.text, end, start) is not None
                    or ANAPHOR_BEFORE.search(view.text, max(end, start - ANAPHOR_REACH),
                                             start) is not None)
        return SUBJECT_GAP.fullmatch(view.text, end, start) is not None

    def home_of(self, key: str) -> str | None:
        """The area the article is about, of the kind `key` is: its country for a country,
        its US state for a state ("neighbouring Massachusetts"), its county for a county."""
        if not admin_areas.is_key(key):
            return self.home_country
        return self.home_state if admin_areas.is_state(key) else self.home_county

    def add(self, view: SentenceView, match: re.Match,
            reference_for: Callable[[object], Target] | None = None,
            doubts: Sequence[str] = (),
            other_references: Sequence[tuple[str, Target | None]] = (), covering=None,
            other_ends: Sequence[tuple[str, Target, Target]] = (), **claim_fields) -> None:
        """Add a claim. `reference_for(place)` is the reference the claim's words name when
        its subject is another place its name may mean ("Jackson, in Madison County": the
        county of that name in the other Jackson's state), so such a reading changes both
        ends at once. `doubts` tell why an end may be another that geo cannot name
        ("neighbouring Turkey": Syria's, or the article's country's?): such a claim is never
        called inconsistent. `other_references` are other places the words may measure from,
        each with its doubt ("measured from Fargo (named last) or Moorhead?"): such a claim is
        inconsistent only when it is from each of them; `other_ends` the same with both ends
        other points (doubt, subject, reference). The claim's words are the match's,
        and those up to the mention `covering` where that is named outside them ("Chenango and
        Tompkins counties, which border Broome": Chenango's claim)."""
        start, end = view.original_offset(match.start()), view.original_offset(match.end())
        if covering is not None:
            start, end = min(start, covering.start), max(end, covering.end)
        claim = Claim(source=self.text[start:end], **claim_fields)
        readings = list(_readings(view, claim))
        readings += [(doubt, None if other is None else dataclasses.replace(claim, reference=other))
                     for doubt, other in other_references]
        readings += [(doubt, dataclasses.replace(claim, subject=subject, reference=reference))
                     for doubt, subject, reference in other_ends]
        readings += [(doubt, None) for doubt in doubts]
        readings += [(doubt, None) for doubt in self._doubts(view, claim)]
        readings += [(doubt, None) for doubt in self._anaphor_doubts(view, match, claim)]
        if reference_for is not None:
            readings += [(doubt, dataclasses.replace(claim, subject=other,
                                                     reference=reference_for(place)))
                         for doubt, other, place in _other_readings(view, claim.subject)
                         if place is not None]
        self.found.append(FoundClaim(claim, view.sentence, start, end, tuple(readings)))

    def _doubts(self, view: SentenceView, claim: Claim) -> list[str]:
        """The doubts of ends taken on little evidence: of a containment claim's subject, as
        `_placed_elsewhere` tells; of a claim with a number, the ends that put the two ends
        MISREAD_FACTOR times further apart than the number says, resolved with less than
        resolve.SETTLED_CONFIDENCE: towns in a country that is not the article's and that no
        other place of the sentence is in ("Palma ... between 200 and 250 km north of Pemba",
        Mozambique, read as Mallorca, 7,000 km away: the gazetteer lacks Mozambique's Palma),
        and small towns anywhere. A report may be wrong by half, hardly tenfold; a misread end
        is, and cannot make the claim false."""
        if claim.relation is Relation.CONTAINMENT:
            return self._placed_elsewhere(view, claim)
        ends = (claim.subject, claim.reference)
        holding = _unit_holding(view, *ends)
        if holding:
            return [holding]
        if _THE_CAPITAL.search(claim.source) and isinstance(claim.reference, PointTarget) \
                and not any((m.place.lat, m.place.lon) == claim.reference.point
                            for m in self.mentions):
            # a country's capital by the registries, which news may not mean: Sucre or La
            # Paz, Yamoussoukro or Abidjan
            return [f"the capital: {claim.reference.label}, as the registries mark it, the "
                    "text naming none"]
        if isinstance(claim.reference, BorderTarget):
            return _which_border(view, claim.reference)
        placed = (_placed_in_another_unit(view, claim.subject, claim.reference)
                  if claim.relation in (Relation.DISTANCE, Relation.DIRECTION) else None)
        if placed:
            return [placed]
        if claim.quantity is None or not all(isinstance(end, PointTarget) for end in ends):
            return []
        apart = great_circle_km(*claim.subject.point, *claim.reference.point)
        if apart <= MISREAD_FACTOR * to_km(claim.quantity.high, claim.quantity.unit):
            return []
        doubts = []
        for end in ends:
            mentions = view.mentions_of(end)
            if not mentions or max(m.confidence for m in mentions) >= SETTLED_CONFIDENCE:
                continue
            place = mentions[0].place
            own = sum(m.place.country_code == place.country_code for m in mentions)
            if view.countries_named()[place.country_code] > own or self._at_home(place):
                # another place of the sentence is in that country: only a small town may be
                # another of its name ("Ferndale, about 16 miles south-southwest of Eureka",
                # California, read as Ferndale, Michigan)
                if (place.population or 0) < WELL_KNOWN_POPULATION:
                    doubts.append(f"{mentions[0].mention.text} ({_where(place)}, taken on "
                                  "little evidence: another town of the name?)")
                continue
            doubts.append(f"{mentions[0].mention.text} ({_where(place)}, taken on little "
                          "evidence in a sentence about elsewhere?)")
        return doubts

    def _anaphor_doubts(self, view: SentenceView, match: re.Match, claim: Claim) -> list[str]:
        """The doubt of "the city" taken for the article's focus when the sentence before, or
        this one, named another town: "FREETOWN - ... around Kenema, about 240 km from
        Freetown. The city lies in the east of the country": Kenema, not the dateline's town.
        The subject ("the city lies") or the reference ("80 km west of the city") may be the
        one."""
        if self.focus is None:
            return []
        anaphor = ANAPHOR_BEFORE.search(view.text, max(0, match.start() - ANAPHOR_REACH),
                                        match.start())
        if anaphor is not None and not view.mentions_of(claim.subject):
            words, other_end = anaphor["anaphor"], claim.reference
        elif _says_here(match):
            return []  # the dateline's town, which the reporter names
        elif match.groupdict().get("anaphor_ref"):
            words, other_end = match["anaphor_ref"], claim.subject
        else:
            return []
        return self.focus_doubts(view, match.start(), words, other_end)

    def focus_doubts(self, view: SentenceView, view_offset: int, words: str,
                     other_end: Target | None = None) -> list[str]:
        """The doubts of `words` ("the city", "this Louisa County town") before `view_offset`
        taken for the article's focus (_anaphor_doubts); `other_end` is the claim's other end,
        which the words do not mean."""
        if self.focus is None:
            return []
        starts = [sentence.start for sentence in self._sentences]
        at = bisect.bisect_left(starts, view.sentence.start)
        since = starts[at - 1] if at else view.sentence.start
        claim_start = view.original_offset(view_offset)
        towns = [m.place.name for m in self.mentions
                 if since <= m.start < claim_start and m.place.kind == "city"
                 and m.place.id != self.focus.place.id
                 and m.place.country_code == self.focus.place.country_code
                 and (m.place.lat, m.place.lon) != getattr(other_end, "point", None)]
        words = " ".join(words.split())
        if not towns and not any(m.place.id == self.focus.place.id and not m.mention.dateline
                                 for m in self.mentions) and not words.lower().startswith("this"):
            # "NAIROBI - Gunmen attacked a bus in the northeast. The town lies near the Somali
            # border": a dateline says where the reporter is, not which town the story is in
            # (though "this town" is where the reporter is, with no other town named before)
            return [f"{words}: {self.focus.place.name} (the dateline) or another town?"]
        if not towns:
            return []
        return [f"{words}: {self.focus.place.name} (where the article is) or {towns[-1]} (named "
                "just before)?"]

    @cached_property
    def _sentences(self) -> list[Sentence]:
        return sentences(self.text)

    def starts_naming(self, area: str) -> frozenset[int]:
        """Where the article names the area of key `area` (geo.extract_claims.area_key)."""
        return self._starts_by_area.get(area, frozenset())

    @cached_property
    def _starts_by_area(self) -> dict[str, frozenset[int]]:
        found: dict[str, set[int]] = {}
        for mention in self.mentions:
            key = area_key(mention)
            if key is not None:
                found.setdefault(key, set()).add(mention.start)
        return {key: frozenset(starts) for key, starts in found.items()}

    def _placed_elsewhere(self, view: SentenceView, claim: Claim) -> list[str]:
        """The doubt of a town said to lie in a country it is not in, read in a country the
        article names nowhere else: "Foya, a town in northern Liberia", read as the only Foya
        the gazetteer has, in China. A writer who puts a small town in the wrong country is
        rarer than a gazetteer that lacks the town; a city's country is well known ("Kano, in
        southern Niger" is false)."""
        mentions = view.mentions_of(claim.subject)
        if not isinstance(claim.subject, PointTarget) or not mentions:
            return []
        place = mentions[0].place
        country = country_of(place)
        if country is None or country in claim.reference.country_codes or self._at_home(place):
            return []
        if (place.population or 0) >= WELL_KNOWN_POPULATION and not _far_outside(claim):
            return []
        # another place of that country, not the subject named again ("the assault on Palma")
        if any(country_of(m.place) == country and m.place.id != place.id
               for m in self.mentions):
            return []
        return [f"{mentions[0].mention.text} ({_where(place)}, in a country the article "
                "names nowhere else?)"]


    def _at_home(self, place) -> bool:
        return country_of(place) == self.home_country

    def dateline_town(self):
        """The town the report is filed from, as its dateline names it; None without one."""
        return next((m for m in self.mentions if m.mention.dateline and m.place.kind == "city"),
                    None)

    def town_meant(self, before: int | None = None, this: bool = False):
        """The place "this city", "the town" stands for: the article's focus, or where that is
        no town, the last town named before the words (at `before` in the text, else the
        dateline's): "FORT SMITH, Ark. - This city on the Oklahoma line has asked Sequoyah
        County", "KYIV - Russian forces shelled Vovchansk. The town lies about 5 km from".
        "This" (`this`) is the dateline's town where there is one ("KIDAL - ... this desert
        town"), and none after a dateline whose town geo does not know ("EMERSON, Manitoba -
        ... this prairie hamlet"), not another named later."""
        if this and self.unknown_dateline:
            return None
        here = self.dateline_town() if this else None
        if here is not None:  # "KIDAL - ... in this desert town": where the reporter is
            return here
        if self.focus is None or self.focus.place.kind == "city":
            return self.focus
        towns = [m for m in self.mentions if m.place.kind == "city"
                 and (m.start < before if before is not None else m.mention.dateline)]
        return towns[-1] if towns else self.focus

    def subject_before(self, view: SentenceView, view_offset: int,
                       outlines: bool | str = False, unnamed: bool = False) -> Target | None:
        """The nearest place mentioned before the claim's words, as a point (an admin unit's
        with its reach), passing over a place that only says where the one before it is
        ("Arlington, Virginia, about 5 miles from"); or, when the words just before the claim
        are "this small town", "the city" and the like with no place named just before them,
        the place the article is about (its focus). With `outlines`, a US state or county is
        its outline, not a point: "Tennessee is near the Virginia border" is about an area
        that a point at its middle would misrepresent, so the claim is measured as an area's,
        or reported unverifiable; with `outlines` "states", only a state is. With `unnamed`,
        a thing the words just before the claim name
        and that is no place ("at a research site about five miles south of") is the subject,
        and cannot be located: a measured claim is about what stands just before its number."""
        as_target = _SUBJECT_TARGET[outlines]
        unknown = UNKNOWN_PLACE_BEFORE.search(
            view.text, max(0, view_offset - UNKNOWN_PLACE_REACH), view_offset)
        if unknown:
            return UnlocatedTarget(unknown["name"],
                                   f"{unknown['name']} is no place geo recognises")
        anaphor = ANAPHOR_BEFORE.search(view.text, max(0, view_offset - ANAPHOR_REACH),
                                        view_offset)
        if anaphor and not _APPOSITION_END.search(view.text, 0, anaphor.start()):
            this = anaphor["anaphor"].lower().startswith("this")
            if this and self.unknown_dateline:
                return UnlocatedTarget(anaphor["anaphor"], (
                    f"the town of the dateline, {self.unknown_dateline.title()}, is not in "
                    "geo's gazetteer"))
            town = self.town_meant(view.original_offset(anaphor.start()), this=this)
            return as_target(town) if town is not None else None
        thing = _unnamed_subject(view, view_offset) if unnamed else None
        if thing is not None:
            return thing
        head = APPOSITION_HEAD.search(view.text, max(0, view_offset - APPOSITION_REACH),
                                      view_offset)
        if head and not _CLAUSE_WORD.search(head["inside"]):
            mention = view.mentions[int(head["head"])]
            # "Officials in Ontario, in the city of Barrie about 90 km north of Toronto": a
            # province or country before the comma holds the town the claim is about.
            target = as_target(mention) if mention.place.kind in POINT_KINDS else None
            if target is not None:
                return target
        starts, ends = view.slot_positions, view.slot_ends
        last = bisect.bisect_right(ends, view_offset) - 1
        for i in range(last, -1, -1):
            mention = view.mentions[i]
            if i and _LIST_COMMA.fullmatch(view.text, ends[i - 1], starts[i]) \
                    and qualifies(view.mentions[i - 1], mention):
                continue
            if i and i == last and _MEASURED_FROM.fullmatch(view.text, ends[i - 1], starts[i]):
                continue
            if i == last and _AND_MORE.fullmatch(view.text, ends[i], view_offset) \
                    and _MEASURED_TO.search(view.text, max(0, starts[i] - _MEASURED_TO_REACH),
                                            starts[i]):
                continue
            if i and i == last and _IN_APPOSITION.fullmatch(view.text, ends[i - 1], starts[i]) \
                    and qualifies(view.mentions[i - 1], mention) \
                    and (_CLOSING_COMMA.match(view.text, ends[i])
                         or not view.text[ends[i]:view_offset].strip()):
                continue
            if mention.mention.dateline and not _AFTER_DATELINE.fullmatch(view.text, ends[i],
                                                                          view_offset):
                # "AMMAN (Reuters) - Zaatari, the sprawling camp in northern Jordan, lies about
                # 12 km from": the dateline says where the reporter is, not what the words are
                # about
                return None
            target = as_target(mention)
            if target is not None:
                return target
            if mention.place.kind == "country" and _LIST_COMMA.fullmatch(view.text, ends[i],
                                                                         view_offset):
                # "cases have since appeared in Tonga, some 900 km from Apia": a country has no
                # point to measure from, and the place named before it is not what the words
                # are about
                return None
        return None

    def measured_from_the_town_before(self, view: SentenceView, match: re.Match) -> dict | None:
        """The fields of a claim about the place a match opens with ("Kidal, about 300 km
        away"), measured from the town named before it (`town_named_before`), with the doubt of
        that; None when an end is missing or the words are no quantity."""
        at = int(re.match(SLOT, match.group())[1])
        mention = view.mentions[at]
        if at and qualifies(view.mentions[at - 1], mention) and _LIST_COMMA.fullmatch(
                view.text, view.slot_ends[at - 1], view.slot_positions[at]):
            mention = view.mentions[at - 1]  # "Cheyenne, Wyoming, about 100 miles away"
        if (match.groupdict().get("verb_far") or match.groupdict().get("gapped")) \
                and mention.place.kind != "city":
            return None  # "Niger lies about 80 km to the north": a country, seen from a town
        if match.groupdict().get("gapped") and not _AFTER_AND.search(
                view.text, 0, view.slot_positions[at]):
            return None  # "Police in Gao 20 km to the north": no measure of Gao's
        if mention.place.kind in ("admin1", "country") and _AFTER_AN_UNKNOWN_TOWN.search(
                view.text, 0, view.slot_positions[at]):
            return None  # "Tonawanda, N.Y., about 10 miles north": the town's, unknown to geo
        # "Minnesota, less than 15 miles away": a state or country from its nearest edge
        subject = (area_target(mention) if mention.place.kind in ("admin1", "country") else None
                   ) or located(mention)
        # "CAIRO - Alexandria is about 180 km to the north-west, and Port Said some 170 km to
        # the north-east": from where the first measure is, before its subject
        measured_before = view.slot_positions[at - 1] if match.groupdict().get("gapped") and at \
            else match.start()
        far_end, other_far_ends = self.town_named_before(view, measured_before,
                                                         besides=mention.place)
        if subject is None or far_end is None or far_end == subject:
            return None
        try:
            quantity = Quantity.matched(match)
        except ValueError:
            return None
        middle = located(mention)
        return {"subject": subject, "reference": far_end, "quantity": quantity,
                "other_references": other_far_ends,
                "other_ends": [] if middle is None or middle == subject else [
                    (f"{mention.place.name}: from its nearest edge, or from its middle?", middle,
                     far_end)]}

    def town_named_before(self, view: SentenceView, view_offset: int, besides
                          ) -> tuple[PointTarget | None, list[tuple[str, Target | None]]]:
        """The far end of a measure the text leaves unsaid ("Kidal, about 300 km away"): the
        last town other than `besides` (a place) named before the words, in the article, or
        else the town the article is about; with the other towns the text named just before
        it, its dateline's and the place it is about, each with the doubt of it ("Gao and Timbuktu
        fell; Kidal, about 300 km away": from which? "DALLAS - Tornadoes hit Tyler. Denton,
        about 40 miles north": from Tyler or Dallas?)."""
        start = view.original_offset(view_offset)
        towns: dict[str, object] = {}
        for mention in self.mentions:
            if mention.start >= start:
                break
            if _A_RIVER.search(self.text, max(0, mention.start - 4), mention.end):
                continue  # "a tank on the Elk River": the river, whatever town bears its name
            if mention.place.kind == "city" and mention.place.id != besides.id:
                towns.pop(mention.place.id, None)
                towns[mention.place.id] = mention
        named = list(towns.values())
        unknown_here = (f"the town of the dateline, {self.unknown_dateline.title()}, which is not "
                        "in geo's gazetteer" if self.unknown_dateline else None)
        if not named:
            if unknown_here:  # "TORKHAM - ... Peshawar is about 45 km to the east"
                return UnlocatedTarget(self.unknown_dateline.title(), unknown_here), []
            focus = self.focus if (self.focus is not None and self.focus.place.kind == "city"
                                   and self.focus.place.id != besides.id) else None
            return (located(focus) if focus is not None else None), []
        last, others = named[-1], named[-3:-1]
        if unknown_here:
            return located(last), [(f"measured from {last.place.name} (named last) or from "
                                    f"{unknown_here}?", None)]
        where = [m for m in self.mentions if m.mention.dateline]
        for told in (*where[:1], *([self.focus] if self.focus is not None else [])):
            if told.place.kind != "country" and told.place.id not in {
                    besides.id, last.place.id, *(m.place.id for m in others)}:
                others.append(told)  # the dateline's town, the town the article is about
        if not others:
            return located(last), []
        doubt = (f"measured from {last.place.name} (named last) or "
                 f"{' or '.join(m.place.name for m in others)}?")
        return located(last), [(doubt, located(m)) for m in others]

    def measured(self, view: SentenceView, match: re.Match, outlines: bool | str = True
                 ) -> dict | None:
        """The fields of a claim with a number ("about 700 miles from <1>"): its subject (the
        place named before the words), its reference (match group "ref") and its quantity;
        None when either end is missing, both are the same place or the words are no
        quantity (a range whose upper end is below its lower end). The subject may be an admin
        unit ("Matara district some 160km south of Colombo"), as its point, uncertain by the
        reach of such a unit; with `outlines`, a US state or county as its outline (as
        `subject_before` reads it)."""
        subject = self.subject_before(view, match.start(), outlines=outlines, unnamed=True)
        opening = SUBJECT_AFTER_OPENING.match(view.text, match.end())
        if subject is None and opening and not view.text[:match.start()].strip(_OPENERS):
            subject = _SUBJECT_TARGET[outlines](view.mention(opening["subject"]))
        if subject is None:
            return None
        reference = self.reference(view, match, subject)
        doubts: list[str] = _name_between(view, match, subject)
        if reference is not None and reference == subject:
            # "QUETTA - ... at Chaman. The town lies 100 km north-west of Quetta": "the town"
            # is not the place the article is about when that is the far end, but the town
            # named before; with none, a thing geo cannot locate ("GOMA - The village lies 40
            # km north of Goma")
            subject, doubts = self._anaphor_besides_the_focus(view, match)
        if reference is None or subject is None:
            return None
        if match["number"] is None and match["vague"] is None \
                and isinstance(subject, UnlocatedTarget):
            return None  # "crossed the coast south of Cairns": nothing to check, nor a number
        try:
            quantity = Quantity.matched(match)
        except ValueError:  # "30 to 20 km" is no range, so no claim
            return None
        return {"subject": subject, "reference": reference, "quantity": quantity,
                "doubts": doubts, "other_references": _each_state_line(reference)}

    def _anaphor_besides_the_focus(self, view: SentenceView, match: re.Match
                                   ) -> tuple[Target | None, list[str]]:
        anaphor = ANAPHOR_BEFORE.search(view.text, max(0, match.start() - ANAPHOR_REACH),
                                        match.start())
        if anaphor is not None and self.focus is not None:
            town, _ = self.town_named_before(view, match.start(), besides=self.focus.place)
            if town is not None:
                # the town may be one geo did not recognise, named after it ("Rebels seized
                # Rutshuru. Later they advanced on Kibumba. The town lies ...")
                words = " ".join(anaphor["anaphor"].split())
                return town, [f"{words}: {town.label} (the last town geo recognised before) "
                              "or another?"]
        return _unnamed_subject(view, match.start()), []

    def border(self, view: SentenceView, match: re.Match, subject: Target | None,
               words: str) -> Target | None:
        """The border a BORDER match (`words` as written) names; an UnlocatedTarget when it
        names none that geo can draw; None when the words are no border claim at all."""
        slots = [s for s in match.groups() if s is not None]
        mentions = [view.mentions[int(s)] for s in slots[-2:]]
        if not lines_between_us_areas(words, mentions):
            return None  # "the London line", "the Kansas City line": a railway, a bus route
        return self._border_of(mentions, subject, words)

    def border_with(self, mention, subject: Target | None) -> Target | None:
        """The border of the subject's country (or US state) with the one `mention` names."""
        return self._border_of([mention], subject, f"the border with {mention.mention.text}")

    @staticmethod
    def border_across_from(town, subject: Target | None) -> Target | None:
        """"Tijuana, across the border from San Diego": the border between the subject's
        country and the country of the town across it; within the United States, the line
        between the two towns' states ("Jeffersonville, across the river from Louisville");
        None when they are in one country, or one state."""
        own = subject.country_codes if subject is not None else ()
        other = country_of(town.place)
        if not own or other is None:
            return None
        if own[0] == other:
            states = (admin_areas.state_at(*subject.point) if subject.point is not None else None,
                      admin_areas.state_of(town.place))
            if None in states or states[0] == states[1] \
                    or admin_areas.shared_boundary(*states).is_empty:
                return None
            return AdminBorderTarget(*states)
        try:
            row = base_layers.border(own[0], other)
        except base_layers.NoSharedBorder as err:
            return UnlocatedTarget(f"the border with {town.mention.text}", str(err))
        return BorderTarget(row.a_adm0_a3, row.b_adm0_a3)

    def _border_of(self, mentions: list, subject: Target | None, words: str) -> Target | None:
        codes = [country_code(m) or _country_of_a_province(m, subject) for m in mentions]
        admin_keys = [_area_reading(m) for m in mentions]
        if any(admin_keys) and not any(codes):
            return self._admin_border(admin_keys, subject, words)
        states = [key for key in admin_keys if key and admin_areas.is_state(key)]
        if len(mentions) == 2 and len(states) == 1 and sum(map(bool, codes)) == 1:
            well_known = any((m.place.population or 0) >= WELL_KNOWN_POPULATION
                             for m in self.mentions if isinstance(subject, PointTarget)
                             and (m.place.lat, m.place.lon) == subject.point)
            return _state_border(states[0], next(filter(None, codes)), words, subject,
                                 well_known)
        if None in codes:
            names = [m.place.name for m, code in zip(mentions, codes, strict=True) if not code]
            return UnlocatedTarget(words, f"{names[0]} is not a country, so it has no border")
        if len(codes) == 1:  # "the Libyan border": the subject's own country's border
            own = subject.country_codes if subject is not None else ()
            own = own or ((self.home_country,) if self.home_country else ())
            if not own:
                return UnlocatedTarget(words, "the text does not say whose border it is")
            if own[0] == codes[0]:  # "Nogales, Sonora, on the Mexican border": its nearest
                return self._unnamed_border(subject, words)
            codes = [own[0], codes[0]]
        if codes[0] == codes[1]:
            return None
        try:
            row = base_layers.border(*codes)
        except base_layers.NoSharedBorder as err:
            other = _bordering_reading(mentions[-1], codes[0])
            if other is None:
                return UnlocatedTarget(words, str(err))
            row = base_layers.border(codes[0], other)
        return BorderTarget(row.a_adm0_a3, row.b_adm0_a3)

    def _admin_border(self, keys: list[str | None], subject: Target | None,
                      words: str) -> Target | None:
        """"Near the New York border", "the Indiana-Illinois border": a line between US states
        (or counties); with one named, the other is the subject's own state."""
        if None in keys:
            return UnlocatedTarget(words, "geo has no line between these areas")
        if len(keys) == 1:
            if isinstance(subject, AdminAreaTarget):
                # "Sangamon County, on the Missouri line": the line of the county's state
                own = (admin_areas.state_key_of(subject.area) if admin_areas.is_state(keys[0])
                       else subject.area)
            elif subject is not None and subject.point is not None:
                own = admin_areas.state_at(*subject.point)
                if own is None:
                    return UnlocatedTarget(words, f"{subject.describe()} is in no US state")
            else:
                own = self.home_state
            if own is None:
                return UnlocatedTarget(words, "the text does not say whose border it is")
            if own == keys[0]:
                return None
            keys = [own, keys[0]]
        if keys[0] == keys[1]:
            return None
        if admin_areas.shared_boundary(keys[0], keys[1]).is_empty:
            a, b = (admin_areas.area(key).describe() for key in keys)
            return UnlocatedTarget(words, f"{a} and {b} share no border")
        return AdminBorderTarget(keys[0], keys[1])

    def _capital_of(self, view: SentenceView, subject: Target | None) -> Target | None:
        """"Ramadi, about 110 km west of the capital, Baghdad": the capital of the subject's
        country, named in the same sentence, or outside the US earlier in the article
        ("ADDIS ABABA - ... Bahir Dar, some 320 km from the capital"). In the US "the capital"
        is a state's as often ("Folsom, about 20 miles east of the capital" is Sacramento, not
        Washington): no claim to check."""
        own = subject.country_codes if subject is not None else ()
        if not own:
            return None
        named = [m for m in view.mentions if m.place.capital and country_of(m.place) == own[0]]
        if not named and own[0] != admin_areas.COUNTRY:
            start = view.sentence.start
            named = [m for m in self.mentions if m.start < start and m.place.capital
                     and country_of(m.place) == own[0]]
            if not named and self.lookups is not None:
                # "Jacmel, about 40 km south of the capital" with the capital unnamed: the
                # registries' (in doubt: _doubts)
                code = base_layers.country(own[0]).iso_a2
                return self.lookups.capital_of(code) if code else None
        return located(named[0]) if named else None

    @staticmethod
    def _unnamed_border(subject: Target | None, words: str) -> Target:
        if _STATE_LINE.search(words):  # "Dothan is about 15 miles from the state line"
            state = _state_of_target(subject)
            return (StateLinesTarget(state) if state is not None else UnlocatedTarget(
                words, "the text does not say which state's line"))
        own = subject.country_codes if subject is not None else ()
        if not own:
            return UnlocatedTarget(words, "the text does not say which border")
        if base_layers.land_borders(own[0]).is_empty:
            name = base_layers.country(own[0]).name
            return UnlocatedTarget(words, f"{name} has no land border")
        return CountryBordersTarget(own[0])

    def reference(self, view: SentenceView, match: re.Match, subject) -> Target | None:
        """The target of match group "ref": a border, "the border" (the subject's country's
        nearest), a country's or US state's outline, a place's point, or an admin unit's point
        with its reach; for group "capital", the capital of the subject's country."""
        if match.groupdict().get("capital"):
            return self._capital_of(view, subject)
        if _says_here(match):
            here = self.dateline_town()
            return located(here) if here is not None else None
        if match.groupdict().get("anaphor_ref"):  # "80 km west of the city": the article's town
            meant = self.town_meant(this=match["anaphor_ref"].lower().startswith("this"))
            town = located(meant) if meant is not None else None
            if town is not None and town == subject:
                # "CHRISTCHURCH - ... a quake centred near Lyttelton, about ten kilometres
                # south-east of the city": the event made Lyttelton the focus; the city is
                # the one the report is filed from
                here = self.dateline_town()
                town = located(here) if here is not None else None
            return town
        ref_text = match.group("ref")
        words = self.text[view.original_offset(match.start("ref")):
                          view.original_offset(match.end("ref"))]
        border = BORDER_PATTERN.fullmatch(ref_text)
        if border:
            return self.border(view, border, subject, words)
        slot = re.fullmatch(SLOT, ref_text)
        if slot is None:  # "near the border": the nearest border of the subject's country
            return self._unnamed_border(subject, words)
        mention = view.mention(slot[1])
        return area_target(mention) or located(mention) or UnlocatedTarget(
            mention.place.name, f"a {mention.place.kind} has no point or outline to measure to")



# The words opening a text, up to its first comma or bracket: a dateline's town when they are in
# capitals and geo.mentions.DATELINE_AFTER follows ("EMERSON, Manitoba -", "PRZEWODÓW, Poland
# (AP) -").
_OPENING_WORDS = re.compile(
    r"\A\s*(?P<town>[^\W\d_][\w.'\u2019-]*(?:[ \t][^\W\d_][\w.'\u2019-]*)*)")


_A_RIVER = re.compile(r"\bthe\s+\S.*\s(?:River|Creek)\Z")
# "..., and Jalalabad some 70 km to the south-east": a second measure whose verb is the first's.
_AFTER_AND = re.compile(r"(?:,\s*|\s)and\s+\Z")
# A capitalised word that is no place just before a comma: "Tonawanda, " before "N.Y.".
_AFTER_AN_UNKNOWN_TOWN = re.compile(r"(?<![\x01\x02\w])(?-i:[A-Z])[\w.'\u2019-]*\s*,\s*\Z")


def _says_here(match: re.Match) -> bool:
    """Whether the claim's far end is "here" ("40 miles south of here"): the dateline's town."""
    return (match.groupdict().get("anaphor_ref") or "").lower() == "here"


_THE_CAPITAL = re.compile(r"\bthe\s+capital\b", re.IGNORECASE)
# A town this big is known to be where it is: no writer's slip, no gazetteer's gap.
WELL_KNOWN_POPULATION = 100_000
# A writer who puts a town in the wrong country puts it next door ("Kano, in southern Niger",
# 100 km from it); this far from the country named, the reading is another town's.
MISPLACED_KM = 1_000.0
# How many names after a subject may say which unit holds it ("La Gloria, a village near
# Perote in Veracruz state"): the first few, before the words go on to other places.
UNITS_AFTER_A_SUBJECT = 2
# A claimed distance this many times shorter than its ends lie apart says an end was misread.
MISREAD_FACTOR = 10.0
# The other readings of each end tried together: the likeliest few (the gazetteer's order),
# since every pair is measured when a claim would be inconsistent.
BOTH_ENDS_READINGS = 5
# Two readings of a name this close are one place for a claim (the field's Acc@161 radius):
# Blida the town and Blida the province.
SAME_PLACE_KM = 161.0


def _readings(view: SentenceView, claim: Claim):
    """The claim with one end, or both, read as other places their words may mean, with the
    doubt described. A subject read elsewhere takes along a country the sentence only implies
    as its own ("the southern coastal city of Saida": southern Algeria, or southern Lebanon).
    Both ends are read elsewhere at once for two towns that share their names with others:
    "Bangor, about 110 miles northeast of Portland" holds in Maine, not between Northern
    Ireland and Oregon; the subject then also as a small town of its name ("Blue Ridge, a
    mountain town in north Georgia": the US state, and its town of 1,300)."""
    references = _other_readings(view, claim.reference)
    for doubt, other, place in _other_readings(view, claim.subject):
        reference = claim.reference
        implied = not view.mentions_of(reference)
        if implied and place is not None and isinstance(reference, CountryTarget | RegionTarget):
            reference = _in_country(place, reference) or reference
        yield doubt, dataclasses.replace(claim, subject=other, reference=reference)
    both = _other_readings(view, claim.subject, small=True) if references else []
    for doubt, other, _ in both[:BOTH_ENDS_READINGS]:
        for other_doubt, other_reference, _ in references[:BOTH_ENDS_READINGS]:
            yield (f"{doubt}; {other_doubt}",
                   dataclasses.replace(claim, subject=other, reference=other_reference))
    for doubt, other, _ in references:
        yield doubt, dataclasses.replace(claim, reference=other)


def _other_readings(view: SentenceView, target: Target, small: bool = False
                    ) -> list[tuple[str, Target, object]]:
    """`_find_other_readings`, once per end and sentence: a sentence that is a long list makes
    the same end's claims again and again."""
    found = view.other_readings.get((target, small))
    if found is None:
        found = view.other_readings[(target, small)] = _find_other_readings(view, target, small)
    return found


def _find_other_readings(view: SentenceView, target: Target, small: bool = False
                         ) -> list[tuple[str, Target, object]]:
    """The other places an end may be, when the sentence leaves it in doubt: the mentions it
    was made from were all resolved with less confidence than settles a place
    (resolve.SETTLED_CONFIDENCE), and their words have readings in another country or over
    SAME_PLACE_KM away: the name's other places, and for a country the countries whose
    names hold the words ("Congo": the Democratic Republic of the Congo too). Each reading is
    (the doubt described, the other target, the gazetteer place it stands for or None). An end
    the text only implies has no mention to doubt. With `small`, places too small to be
    credible alone count too, where their own name is the words."""
    mentions = view.mentions_of(target)
    if not mentions or max(m.confidence for m in mentions) >= SETTLED_CONFIDENCE:
        return []
    mention, chosen = mentions[0], mentions[0].place
    # whether the sentence names the first-level unit the chosen place is in
    unit_named = any(m.place.kind == "admin1" and m.place.country_code == chosen.country_code
                     and m.place.name == chosen.admin1 for m in view.mentions)
    readings = []
    for candidate in mention.mention.candidates:
        credible = (_elsewhere(candidate, chosen) and (
            _credible(candidate) or (small and candidate.match == "name"))) or _a_twin(
            candidate, chosen, unit_named)
        other = _as_target(candidate, target) if credible else None
        if other is not None:
            readings.append((f"{mention.mention.text} ({_where(chosen, candidate)} or "
                             f"{_where(candidate, chosen)}?)", other, candidate))
    if chosen.kind == "country":
        for adm0, name in _countries_named(mention.mention.text):
            other = _in_country_code(adm0, target)
            if other is not None and other != target:
                readings.append((f"{mention.mention.text} ({_where(chosen)} or {name}?)",
                                 other, None))
    return readings


# How far apart two villages of one name in one first-level unit must be to be two readings.
TWIN_APART_KM = 25.0


def _a_twin(candidate, chosen, unit_named: bool) -> bool:
    """Whether `candidate` is a village of the chosen one's name, as big or nearly, in its
    country, and in its first-level unit where the sentence names that (`unit_named`): what
    says which unit or country a village is in cannot tell the two apart ("LA GLORIA, Mexico
    - this hamlet in the mountains of Veracruz state": two La Glorias of Veracruz, 100 km
    apart; "La Gloria, a hamlet in eastern Mexico": a dozen)."""
    if not (candidate.kind == chosen.kind == "city" and candidate.match == chosen.match == "name"
            and candidate.id != chosen.id and candidate.country_code == chosen.country_code
            and (candidate.admin1 == chosen.admin1 or not unit_named)
            and (chosen.population or 0) < CREDIBLE_NAME_POPULATION):
        return False
    if 2 * (candidate.population or 0) < (chosen.population or 0):
        return False
    return great_circle_km(candidate.lat, candidate.lon, chosen.lat, chosen.lon) > TWIN_APART_KM


def _credible(candidate) -> bool:
    """Whether a reading is one a writer could mean, by the rule resolution uses for a small
    place abroad: a country or first-level unit, or a place big enough for its kind of match
    (a village that has the name as an alias is no reading of "Marseille"). A US county
    called by its own name is one: its population is the sum of its towns', which misses
    those who live outside any (Forsyth County, Georgia: 5,718 of some 250,000)."""
    if candidate.kind in ("country", "admin1") or (
            candidate.match == "name" and admin_areas.key_for(candidate) is not None):
        return True
    needed = (CREDIBLE_ALIAS_POPULATION if candidate.match == "alias"
              else CREDIBLE_NAME_POPULATION)
    return (candidate.population or 0) >= needed


def _as_target(place, like: Target) -> Target | None:
    """The target `place` makes in the role `like` plays."""
    if isinstance(like, PointTarget):
        if place.kind == "country":
            return None
        point = target_for(place) or point_of_area(place)
        return None if point is None else dataclasses.replace(point, within=units_holding(place))
    if isinstance(like, AdminUnitTarget):
        return unit_target(place)
    key = admin_areas.key_for(place)
    if isinstance(like, AdminAreaTarget):
        return AdminAreaTarget(key, place.name) if key else None
    if key and admin_areas.is_state(key):  # "southern Georgia": the state, or the country?
        if isinstance(like, CountryTarget):
            return AdminAreaTarget(key, place.name)
        if isinstance(like, RegionTarget):
            return RegionTarget(key, like.part)
    return _in_country(place, like) if place.kind == "country" else None


def _in_country(place, like: Target) -> Target | None:
    """`like` (a country or a part of one) moved to the country `place` is in."""
    try:
        adm0 = base_layers.adm0_a3(place.country_code)
    except base_layers.UnknownCountry:
        return None
    return _in_country_code(adm0, like)


def _in_country_code(adm0: str, like: Target) -> Target | None:
    if isinstance(like, CountryTarget):
        return CountryTarget(adm0)
    if isinstance(like, RegionTarget):
        return RegionTarget(adm0, like.part)
    return None


def _elsewhere(candidate, chosen) -> bool:
    if candidate.id == chosen.id:
        return False
    if candidate.country_code != chosen.country_code:
        return True
    if candidate.kind == chosen.kind == "admin2" and candidate.admin1 != chosen.admin1:
        return True  # Tioga County, New York, and its namesake over the line: two areas
    if None in (candidate.lat, chosen.lat):
        return False
    return great_circle_km(candidate.lat, candidate.lon, chosen.lat, chosen.lon) > SAME_PLACE_KM


def _where(place, other=None) -> str:
    """The place with what tells it from `other`: its first-level unit when both are in the
    same country ("Benton County, Arkansas"), else its country."""
    if (other is not None and place.country_code == other.country_code and place.admin1
            and place.kind != "country"):
        if place.admin1 == other.admin1 and place.admin2:  # two of one name in one unit
            return f"{place.name}, {place.admin2}, {place.admin1}"
        return f"{place.name}, {place.admin1}"
    try:
        country = base_layers.country(place.country_code).name
    except base_layers.UnknownCountry:
        return place.name
    return place.name if place.kind == "country" else f"{place.name}, {country}"


def _deduplicated(found: list[FoundClaim]) -> list[FoundClaim]:
    """One claim per relation, subject and reference, at the first place the text makes it,
    with the places it is made again."""
    first: dict[tuple, FoundClaim] = {}
    repeats: dict[tuple, list[tuple[int, int]]] = {}
    for item in sorted(found, key=lambda f: f.start):
        claim = item.claim
        key = (claim.relation, claim.subject, claim.reference, claim.quantity, claim.direction)
        if claim.relation is Relation.ADJACENCY:  # either way round; a length is a claim more
            key = (claim.relation, frozenset(map(area_of, (claim.subject, claim.reference))),
                   claim.quantity)
        if key not in first:
            first[key], repeats[key] = item, []
        elif (item.start, item.end) != (first[key].start, first[key].end):
            repeats[key].append((item.start, item.end))
    return [dataclasses.replace(item, repeated_at=tuple(dict.fromkeys(repeats[key])))
            if repeats[key] else item for key, item in first.items()]


def extract_claims(text: str, mentions: Sequence, context: ArticleContext | None = None,
                   lookups: PlaceLookups | None = None) -> list[FoundClaim]:
    """Claims in `text` about its resolved `mentions` (objects with start, end and place).
    `context` is what the article establishes beyond a sentence (ArticleContext); `lookups`
    finds airports, capitals and a unit's towns in the gazetteer (without, claims that need
    them are not made)."""
    return Finder(text, mentions, context or ArticleContext(), lookups).run()


def regions_named(text: str, mentions: Sequence) -> list[tuple[RegionTarget, int, int]]:
    """Every "northern Mali" in the text, whether or not a claim is made about it."""
    found = []
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for sentence in _sentences_with(_PART_WORD, text, starts):
        view = SentenceView(sentence, mentions, starts)
        for match in REGION_PATTERN.finditer(view.text):
            code = area_key(view.mention(match.group(2)))
            if code:
                found.append((RegionTarget(code, parse_part(match["part"])),
                              view.original_offset(match.start()),
                              view.original_offset(match.end())))
    return found
