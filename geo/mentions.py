"""Text -> mentions: the spans of an article that name places, with every place they may mean.

Gazetteer-driven: runs of capitalised words (with the connectors place names contain, "Rio de
Janeiro", "Bosnia and Herzegovina") are looked up as normalised names, longest first. What a
statistical tagger would learn, a few rules say instead, each for a reason a reader can check:
a name inside a longer run of capitalised words is part of some other name ("Leon Panetta",
"Masked Brigade"); a capitalised everyday word is a place only if it names a big one ("Nice",
not "March"); "Hague" without "the" is a surname; "Washington said" is a government.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from geo import units
from geo.gazetteer import Candidate, Gazetteer, normalize

MAX_WORDS = 6
CANDIDATE_CACHE_KEYS = 200_000
# Only spaces and hyphens may join the words of one name; other punctuation ends it.
_JOIN = re.compile(r"[ \t\u00a0\-\u2010\u2011]+")
_SPACE = re.compile(r"[ \t\u00a0]+")
_APOSTROPHES = ("'", "\u2019")
# A hyphen joins two words into one ("Wal-Mart", "Dallas-Fort Worth"); with spaces about it,
# it parts them ("DECORAH - Winneshiek County supervisors").
_HYPHEN = re.compile(r"[\-\u2010\u2011]")
_TOKEN = re.compile(r"[A-Z][a-z]?\.(?:[A-Z][a-z]?\.)+|[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

# Places a capital or an institution's seat stands for, when it acts ("Washington said").
SEATS_OF_GOVERNMENT = {"downing street": "GB", "whitehall": "GB", "white house": "US",
                       "pentagon": "US", "kremlin": "RU", "elysee": "FR", "elysee palace": "FR",
                       "quai d orsay": "FR", "zhongnanhai": "CN", "foggy bottom": "US"}
ACTION_AFTER = re.compile(
    r"^\s*(?:has\s+|had\s+|have\s+|is\s+|was\s+|will\s+|would\s+|could\s+|also\s+)?"
    r"(?:said|says|say|announced|announces|confirmed|confirms|denied|denies|offered|offers|"
    r"warned|warns|insisted|insists|claimed|claims|accused|accuses|called|calls|urged|urges|"
    r"decided|refused|rejected|agreed|supported|condemned|responded|replied|declared|"
    r"take|taken|took|sent|sends|send|help|helped|wants|wanted|believes|believed|added)\b",
    re.IGNORECASE)
# A dateline: a town in capitals, perhaps its state, perhaps the agency, then a dash: "ATLANTA
# -", "HUDSON --", "CORSICANA, Texas (AP) —"; or a colon near the start of the text, where a
# report opens ("MIEH MIEH/BEIRUT:"), not a speaker's name in a transcript further on.
# Whatever the word, it is the place.
_DATELINE_TOWN_TAIL = (r"^(?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"  # ", Texas", ", Ga."
                       r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?"  # ", May 15", ", Oct. 5"
                       r"(?:\s*\([\w .]{1,20}\))?")  # "(AP)"
DATELINE_AFTER = re.compile(_DATELINE_TOWN_TAIL + r"\s*(?:--|[\u2014\u2013-])\s")
DATELINE_TAIL_REACH = 40  # how far after a dateline's town its dash may be
DATELINE_COLON_AFTER = re.compile(_DATELINE_TOWN_TAIL + r":\s")
# "COLOMBO, July 10 (Xinhua) --": what stands in brackets before a dateline's dash is the
# agency, whatever town shares its name.
AGENCY_AFTER = re.compile(r"\)\s*(?:--|[\u2014\u2013-])\s")
DATELINE_COLON_REACH = 200
# A person says things; a town does not, unless it is a capital speaking for its government.
SPEECH_AFTER = re.compile(r"^\s*(?:said|says|told|added|declared|insisted|warned)\b", re.I)
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister",
              "secretary", "senator", "sen", "rep", "gov", "governor", "mayor", "judge",
              "general", "gen", "col", "capt", "sgt", "king", "queen", "prince", "princess",
              "pope", "saint", "st", "father", "sheikh", "chancellor", "spokesman",
              "spokeswoman", "officer", "detective", "coach", "professor", "prof"}

# A big place may share its name with an everyday word ("Nice", "Reading", "Mobile"); a small
# one that does ("March", "Police", "Center") is almost never meant.
# After these, a word names where something is: "a bank in Gainesville" is the town even in
# an article where "Rodeo Gainesville" made Gainesville look like a surname.
LOCATIVE_BEFORE = {"in", "at", "from", "near", "outside", "around", "to", "of"}
MEASURED_FROM_REACH = 60
_WORDS = tomllib.loads(resources.files("geo").joinpath("mention_words.toml").read_text("utf-8"))
FEATURE_AFTER = frozenset(_WORDS["feature_after"])  # "Memphis Street", "Neches River"
DIRECTION_ALONE = frozenset(_WORDS["direction_alone"])  # "North", "Central"
STORM_WORDS = frozenset(_WORDS["storm_words"])  # "Tropical Storm Irene"
UNIT_TYPES_AFTER = frozenset(_WORDS["unit_types_after"])  # "Donetsk oblast"
KIND_OF_BEFORE: dict[str, str] = _WORDS["kind_of_before"]  # "the city of": "city"
UNIT_KINDS = ("admin1", "admin2")
CONNECTORS = frozenset(_WORDS["connectors"])  # "Rio de Janeiro", "Republic of the Congo"
HYPHENED_ARTICLES = frozenset(_WORDS["hyphened_articles"])  # "Deir ez-Zor"
FUNCTION_WORD_FIRST_NAMES = frozenset(_WORDS["function_word_first_names"])  # "In", "Will"
UNIT_LIST_NOUNS: dict[str, str] = _WORDS["unit_lists"]  # "counties": "County"
UNIT_SUFFIX_NOUNS = {suffix.lower(): suffix for suffix in UNIT_LIST_NOUNS.values()}  # "County"
UNIT_LIST_WORDS = 3  # the longest member: "Prince George's", "Otter Tail", "San Luis Obispo"
# What introduces a list right after its noun: "the counties of A, B and C", "counties such as
# A and B".
UNIT_LIST_OPENER = re.compile(
    r"[ \t]*:?[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                                   for w in _WORDS["unit_list_openers"])
    + r")[ \t]*:?[ \t]+")
# "the counties bordering Lancaster — Chester and Berks", "Counties next to Polk, such as
# Marshall and Story": the unit a list's units neighbour, and what opens the list after it.
UNIT_HUB = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                          for w in _WORDS["unit_hub_words"]) + r")[ \t]+")
_OPENER_WORDS = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                        for w in _WORDS["unit_list_openers"])
# "Finney County and the counties around it, including Kearny and Ford": the hub said again
# as "it" between the noun and its list.
UNIT_HUB_IT = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                          for w in _WORDS["unit_hub_words"]) + r")[ \t]+(?:it|them)\b[ \t]*,?")
# "Tippecanoe County and its neighbors, Clinton, Carroll and Cass": a unit's neighbours named
# bare after it are units of its kind.
_ITS_NEIGHBOURS = re.compile(
    r"[ \t]+and[ \t]+its[ \t]+neighbou?rs[ \t]*(?:[,:\u2014\u2013]|[ \t]-)?[ \t]*")
# a dash or colon, perhaps with an opener; a comma only with one ("Of the state's 254
# counties, Houston and Dallas" is no list of counties)
_HUB_LIST_OPENER = re.compile(
    rf"[ \t]*(?:[:\u2014\u2013]|[ \t]-)[ \t]*(?:(?:{_OPENER_WORDS})[ \t]+)?"
    rf"|[ \t]*,[ \t]*(?:{_OPENER_WORDS})[ \t]+")
# "Clarke County ... Madison and Greene counties, which border Clarke", "Quitman County, on
# Lafayette's western border": a county named in full may be named again without its noun where
# the words around say the name is an area with borders.
_BARE_UNIT_BEFORE = re.compile(
    r"\b(?:borders?|bordering|surround(?:s|ing)?|adjoin(?:s|ing)?|abut(?:s|ting)?"
    r"|(?:border|line)[ \t]+with)[ \t]+\Z", re.IGNORECASE)
# "Wilkin County, just north of Clay": the same after a compass point, where no town of some
# size has the name ("about 20 miles north of Tulsa" is the city).
_BARE_UNIT_AFTER_A_COMPASS = re.compile(
    r"\b(?:north|south|east|west)(?:east|west)?[ \t]+of[ \t]+\Z", re.IGNORECASE)
_BARE_UNIT_AFTER = re.compile(
    r"['\u2019]s[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:border|line|boundary|neighbou?r|edge|flank)s?\b")


def _with_units_said_bare(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with each bare name of a county (or parish) named in full before it, where
    _BARE_UNIT_BEFORE or _BARE_UNIT_AFTER say it is that area, read as that area in place of
    what else its word was taken for."""
    said_bare = []
    for mention in found:
        name, _, noun = mention.text.rpartition(" ")
        if noun.lower() not in UNIT_SUFFIX_NOUNS or not name:
            continue
        units = tuple(c for c in mention.candidates if c.kind == "admin2")
        for match in re.finditer(rf"\b{re.escape(name)}\b(?![ \t]+{noun}\b)", text[mention.end:]):
            start, end = mention.end + match.start(), mention.end + match.end()
            bordering = (_BARE_UNIT_BEFORE.search(text, max(0, start - 20), start)
                         or _BARE_UNIT_AFTER.match(text, end))
            beside = (_BARE_UNIT_AFTER_A_COMPASS.search(text, max(0, start - 12), start)
                      and not any(m.start < end and start < m.end
                                  and m.candidates[0].kind == "city"
                                  and (m.candidates[0].population or 0)
                                  >= TOWN_BEFORE_A_LIST_POPULATION for m in found))
            if units and (bordering or beside):
                said_bare.append(Mention(start, end, name, "name", units, kind_said="unit"))
    if not said_bare:
        return found
    # "Utah County ... Utah's neighbors, Nevada and Idaho": a state or country keeps its words
    # (not a people's word: "which border Dane")
    said_bare = [b for b in said_bare if not any(
        m.start < b.end and b.start < m.end and m.how != "demonym"
        and m.candidates[0].kind in ("country", "admin1") for m in found)]
    if not said_bare:
        return found
    kept = [m for m in found
            if not any(b.start < m.end and m.start < b.end for b in said_bare)]
    return sorted(kept + list({(m.start, m.end): m for m in said_bare}.values()),
                  key=lambda m: m.start)


def _without_run_ons(found: list[Mention], text: str) -> list[Mention]:
    """`found` less the names that run on into another with only a space between, neither of
    them a big place nor the second one's country or first-level unit: pieces of a name geo
    does not know ("Butte La Rose", a Louisiana hamlet, is not Butte, Montana and Larose)."""
    drop = set()
    for a, b in itertools.pairwise(found):
        if text[a.end:b.start] != " ":
            continue
        second = b.candidates[0]
        if second.kind in ("country", "admin1"):
            continue  # "Nairobi Kenya", "Austin Texas"
        if not any(_big(m.candidates[0]) for m in (a, b)):
            drop.update((id(a), id(b)))
    return [m for m in found if id(m) not in drop]


def _big(place: Candidate) -> bool:
    return place.kind in ("country", "admin1", "continent", "region") or (
        (place.population or 0) >= BIG_PLACE_POPULATION)


def _states_of(members: list) -> set:
    """The first-level units a list's (first word, last word, candidates) may lie in."""
    return {c.admin1 for _, _, candidates in members for c in candidates}


_LIST_SEPARATORS = {"and", "or"}
_POSSESSIVE_GAP = re.compile(r"['\u2019]s[ \t]+")
LIST_QUALIFIERS = frozenset(_WORDS["list_qualifiers"])  # "Wake and neighboring Durham"
# A name this big a town's, before "and neighboring" counties, is the town, with its own
# county in doubt (geo.claim_types.adjacency): "Jackson and neighboring Rankin County".
TOWN_BEFORE_A_LIST_POPULATION = 10_000
_QUALIFIED_GAP = re.compile(r"\s*,?\s+(?:and|or)\s+[a-z]+\s+")
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:and|or)\s+")  # between two members of a list
BIG_PLACE_POPULATION = 100_000
HUGE_PLACE_POPULATION = 1_000_000  # what a capitalised common word must name to open a sentence


@dataclass(frozen=True)
class Mention:
    """A span naming a place. `how`: "name", "alias", "code", "demonym" ("Algerian") or
    "metonym" ("Washington said" for the US government); `candidates` best first;
    `dateline`: the town a report is filed from ("BEIRUT:")."""

    start: int
    end: int
    text: str
    how: str
    candidates: tuple[Candidate, ...] = field(repr=False)
    dateline: bool = False
    # "unit" or "city" where the words around the name say which it is ("Donetsk oblast",
    # "the city of Durango"); the candidates are then of that kind only.
    kind_said: str | None = None


_POSSESSIVE_ENDINGS = {"'s", "'S", "\u2019s", "\u2019S"}


def tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """The words of a text, as three lists: where each starts, where it ends, and how it is
    spelled; a possessive's "'s" is not part of its word ("Algeria's" is "Algeria")."""
    matches = list(_TOKEN.finditer(text))
    starts = [match.start() for match in matches]
    ends = [match.end() for match in matches]
    words = [match.group() for match in matches]
    for k, word in enumerate(words):
        if word[-2:] in _POSSESSIVE_ENDINGS and len(word) > 2:
            ends[k] -= 2
            words[k] = word[:-2]
    return starts, ends, words


# A word opens a sentence when the last character before it, other than spaces, quotes and
# brackets, ends one, or when there is none within 12 characters. The positions where such
# openings can start are found in one search: after an ending (or the text's start) and the
# spaces, quotes and brackets that follow it, or after 12 or more of those.
_OPENING = re.compile("(?:^|[.!?\n:;\u2014\u2013])[ \t\"'\u201c\u2018(]*"
                      "|[ \t\"'\u201c\u2018(]{12,}")


def _sentence_initial(text: str, starts: list[int]) -> list[bool]:
    """For each word start, whether the word opens a sentence."""
    openings = {match.end() for match in _OPENING.finditer(text)}
    return [start in openings for start in starts]


# A dateline's spaced hyphen, right before a word: "COLOMBO - In Jaffna" opens a sentence for
# the word "In" (no first name), though not for "Reading" ("PHILADELPHIA (AP) - Reading got 10
# inches": an everyday word there is read as mid-sentence, as before).
_AFTER_A_DATELINE_DASH = re.compile(r"(?<=[A-Z).])[ \t]--?[ \t]+\Z")  # "Tenn. - In"

_AFTER_AN_HONORIFIC = re.compile(r"\.?[ \t\u00a0]+")

# Abbreviations that start a place name and keep their dot: "St. Petersburg", "Mt. Airy".
NAME_ABBREVIATIONS = {"st", "ste", "mt", "ft", "pt"}


@cache  # compiled at the first candidate place, not at start-up
def _disease_name() -> re.Pattern[str]:
    """"Lassa fever", "Japanese encephalitis": a disease named after a place, from the place's
    name on."""
    names = sorted(_WORDS["disease_names"], key=len, reverse=True)
    return re.compile("|".join(re.escape(n).replace(r"\ ", r"\s+") + r"\b" for n in names),
                      re.IGNORECASE)


@cache  # compiled at the first everyday word that may be a place, not at start-up
def _measured_from() -> re.Pattern[str]:
    """"186 miles southeast of Alliance": the far end of a measured distance is a place,
    whatever its word means elsewhere. A number, a unit (geo.units' spellings), perhaps a
    compass point, then "of" or "from" just before the word."""
    spelled = sorted(units.spellings(), key=len, reverse=True)
    return re.compile(
        r"\d\s*-?\s*(?:" + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in spelled)
        + r")\s+(?:(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}\s+"
        r"|(?-i:[NS]?[NS]?[EW]?)\s+)?(?:of|from)\s+\Z", re.IGNORECASE)


@cache
def _measured_after() -> re.Pattern[str]:
    """"Tyler, about 90 miles west of Dallas", "near Moore, or 8 miles NNW of Norman": what a
    distance is measured to is a place too, even a first name opening its sentence. A comma,
    perhaps "or" (a weather bulletin's), perhaps a hedge ("about", "some"), a
    number in figures or one word, a unit or a time ("90 minutes"), perhaps the same in other
    units in brackets ("7 miles (11 km)"), perhaps a compass point, then "of", "from" or
    "outside"; or "to the" and a compass point, a compass point that ends the clause, or
    "away", where the far end is the place the text is about ("Miami, about 130 miles to the
    northeast", "Buffalo, about 80 miles northeast, was spared"). A clause is no measure
    ("Austin, who drove 30 miles from Houston")."""
    spelled = sorted(units.spellings(), key=len, reverse=True)
    hedges = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS["measure_hedges"])
    return re.compile(
        rf"\s*,\s*(?:or\s+)?(?:(?:{hedges})\s+)?(?:an?\s+)?(?:\d[\d,.]*|[a-z]+)\s*-?\s*(?:"
        + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in spelled)
        + r"|(?:hours?|minutes?)(?:['\u2019]s)?(?:\s+drive)?)(?:\s*\([^()]{1,30}\))?"
        r"\s+(?:(?:(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}\s+"
        r"|(?-i:[NS]{1,2}[EW]?|[EW])\s+)?(?:of|from|outside)\b"
        r"|(?:to\s+the\s+)?(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}"
        r"(?=\s*[,.;:)])|to\s+the\s+(?:north|south|east|west)|away\b)", re.IGNORECASE)


# "Moore, a suburb just south of Oklahoma City", "Superior, a town of 13,000": an apposition that
# says the name is a kind of place.
_A_KIND_OF_PLACE_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:the[ \t]+(?:county[ \t]+)?seat\b|an?[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}?(?:"
    + "|".join(re.escape(w) for w in _WORDS["place_kinds"])
    # the noun ends the phrase: not "Hope, a community organiser", "a city council member"
    + r")(?=[ \t]*[,.;:]|[ \t]+(?:of|in|on|near|just|about|some|roughly|nearly|north|south"
    r"|east|west|where|that|with|between|across|along|outside)\b))")


# "Columbus, which lies near the Alabama line", "Page, near the Utah line": a place said to lie
# by a state line.
_BY_A_BORDER_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:(?:which|that)[ \t]+(?:lies|sits|is)[ \t]+)?(?:just[ \t]+)?"
    r"(?:near|on|along|close[ \t]+to)[ \t]+the[ \t]+(?:[A-Z][\w.]*[ \t]+){1,2}"
    r"(?:state[ \t]+)?line\b")  # a state line: "Snow, along the Canadian border" is weather


# A first-level unit's name right after a town's: "Gary, Indiana", "Normal, Illinois"; or
# its county's: "Spencer, in Clay County", "Chelsea, in western Washtenaw County".
_UNIT_AFTER = re.compile(r"[ \t]*,[ \t]*(?:in[ \t]+(?:(?:north|south|east|west)[a-z-]*[ \t]+)?)?"
                         r"([A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2})")


def _in_the_unit_named_after(text: str, mention: Mention,
                             lookup: Callable[[str], Sequence[Candidate]]) -> bool:
    """Whether the words after the mention name the first-level unit one of its towns is in,
    or its county: "Gary, Indiana", "Buffalo, N.Y." (`lookup` reads abbreviations) and
    "Spencer, in Clay County" are the towns whatever else "Gary", "Buffalo" and "Spencer"
    are."""
    after = _UNIT_AFTER.match(text, mention.end)
    if after is None:
        return False
    words = after[1].rstrip(".").casefold()  # "Chelsea, in western Washtenaw County."
    units = {words} | {c.name.casefold() for c in lookup(_key(after[1])) if c.kind == "admin1"}
    return any(c.kind == "city" and (
        (c.admin1 and any(unit == c.admin1.casefold()
                          or unit.startswith(c.admin1.casefold() + " ") for unit in units))
        or (c.admin2 and c.admin2.casefold() != c.name.casefold()
            and words == c.admin2.casefold()))
        for c in mention.candidates)


def _dateline(reading: _Reading, i: int, j: int) -> bool:
    """Words i..j are a dateline's town: "GAZA CITY --"."""
    surface = reading.surface(i, j)
    end = reading.ends[j]
    if not (surface.isupper() and len(surface) > 2):
        return False
    after = reading.text[end:end + DATELINE_TAIL_REACH]
    return bool(DATELINE_AFTER.match(after)
                or (end < DATELINE_COLON_REACH and DATELINE_COLON_AFTER.match(after)))


class _Reading:
    """One text being read: its words (as parallel lists, indexed by word number), and the
    people it has named so far."""

    def __init__(self, text: str):
        self.text = text
        self.starts, self.ends, self.words = tokens(text)
        self.lowers = [word.lower() for word in self.words]
        self.capitalised = [word[:1].isupper() for word in self.words]
        # Surnames of the people named so far: "Bob Flores" makes a later "Flores" him too.
        self.people: set[str] = set()
        self.sentence_initial = _sentence_initial(text, self.starts)
        self._sentence_starts = [k for k, initial in enumerate(self.sentence_initial)
                                 if initial or k == 0]
        self._title_case: dict[int, bool] = {}

    def joined(self, a: int, b: int) -> bool:
        """Words a and b belong to one name as far as the characters between them go."""
        gap = self.text[self.ends[a]:self.starts[b]]
        if gap == " ":
            return True
        if self.lowers[a] in NAME_ABBREVIATIONS and gap.startswith("."):
            gap = gap[1:]
        elif gap[:2] in _POSSESSIVE_ENDINGS:  # "Cox's Bazar", "Martha's Vineyard"
            gap = gap[2:]
        return bool(_JOIN.fullmatch(gap))

    def _headline(self, start: int, end: int) -> bool:
        """Headlines capitalise every word, so capitalisation says nothing there."""
        counted = [k for k in range(start, end)
                   if self.lowers[k] not in CONNECTORS and len(self.words[k]) > 3]
        return (len(counted) >= 4
                and sum(self.capitalised[k] for k in counted) / len(counted) >= 0.85)

    def in_title_case(self, i: int) -> bool:
        """Word i is in a sentence whose words are capitalised like a headline's (worked out
        once per sentence: a long sentence has many candidates)."""
        first = bisect.bisect_right(self._sentence_starts, i) - 1
        start = self._sentence_starts[first]
        if start not in self._title_case:
            end = (self._sentence_starts[first + 1] if first + 1 < len(self._sentence_starts)
                   else len(self.words))
            self._title_case[start] = self._headline(start, end)
        return self._title_case[start]

    def surface(self, i: int, j: int) -> str:
        return self.text[self.starts[i]:self.ends[j]]

    def spaced(self, a: int, b: int) -> bool:
        """Words a and b are next to each other with only spaces between them."""
        return bool(_SPACE.fullmatch(self.text[self.ends[a]:self.starts[b]]))

    def hyphened(self, a: int, b: int) -> bool:
        return bool(_HYPHEN.fullmatch(self.text, self.ends[a], self.starts[b]))


def _elided(word: str) -> bool:
    """"d'Alene" in "Coeur d'Alene": a capitalised word after an elided article, inside a
    name."""
    return word[1:2] in _APOSTROPHES and word[2:3].isupper()


def _key(surface: str) -> str:
    """The gazetteer key of words as written: a single plain word is its lower case, which is
    what normalize makes of it, without normalize's work (most candidate spans are one word)."""
    return surface.lower() if surface.isascii() and surface.isalpha() else normalize(surface)


class Recogniser:
    """Finds place mentions in text with a Gazetteer. Reuse one for many texts."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.words = gazetteer.word_lists()
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def candidates(self, key: str) -> tuple[Candidate, ...]:
        found = self._cache.get(key)
        if found is None:
            # Bounded: an archive brings new names for ever. Emptied when full rather than
            # kept in order of use, which would cost every lookup for a rare refill.
            if len(self._cache) >= CANDIDATE_CACHE_KEYS:
                self._cache.clear()
            found = self._cache[key] = tuple(self.gazetteer.lookup(key, limit=25, fuzzy=False))
        return found

    def mentions(self, text: str) -> list[Mention]:
        reading = _Reading(text)
        found: list[Mention] = []
        i = 0  # the first word not yet read; a name starts with a capitalised word
        for k in [k for k, capital in enumerate(reading.capitalised) if capital]:
            if k < i:
                continue
            mention, used = self._longest_at(reading, k)
            if mention is not None:
                found.append(mention)
            i = k + (used or 1)
        return _with_units_said_bare(
            text, self._with_unit_lists(reading, _without_run_ons(found, reading.text)))

    def _with_unit_lists(self, reading: _Reading, found: list[Mention]) -> list[Mention]:
        """`found` with the members of every list of units ("Harvey, Harper and Kingman
        counties") read as those units, in place of what else their words were taken for."""
        nouns = [k for k, word in enumerate(reading.lowers) if word in UNIT_LIST_NOUNS]
        members = [m for k in nouns for m in (
            *(self._unit_list(reading, k) if k > 0 and reading.spaced(k - 1, k) else ()),
            *self._unit_list_after(reading, k), *self._unit_hub_and_list(reading, k))]
        members += [m for k, word in enumerate(reading.lowers)
                    if word in UNIT_SUFFIX_NOUNS and reading.capitalised[k]
                    for m in self._its_neighbours(reading, k)]
        # a list may be read twice ("Harris County and its neighbors Fort Bend and Montgomery
        # counties"): once each
        members = sorted({m.start: m for m in reversed(members)}.values(), key=lambda m: m.start)
        if not members:
            return found
        # The members' spans, in text order and apart: a mention overlaps one only if it
        # overlaps the last that starts before it ends.
        starts, ends = [m.start for m in members], [m.end for m in members]
        kept = [m for m in found
                if (i := bisect.bisect_left(starts, m.end) - 1) < 0 or ends[i] <= m.start]
        return sorted(kept + members, key=lambda m: m.start)

    def _unit_list(self, reading: _Reading, noun: int) -> list[Mention]:
        """The members of the list that ends before word `noun`, read backwards while each is
        a unit of the noun's kind. A list has two members at least; when one state holds a
        unit of each name for most of them ("Camden and Charlton counties": Georgia's), each
        is that state's, or one of those states' when several do."""
        suffix = UNIT_LIST_NOUNS[reading.lowers[noun]]
        members, last, qualified = [], noun - 1, False
        while last >= 0 and reading.capitalised[last]:
            member = self._unit_named(reading, last, suffix)
            if member is None:
                break
            first, candidates = member
            if qualified and self._names_a_town_or_state(reading, first, last,
                                                         {c.admin1 for c in candidates}):
                break  # "Jackson and neighboring Rankin and Madison counties": the city
            members.append((first, last, candidates))
            qualified = first > 0 and reading.lowers[first - 1] in LIST_QUALIFIERS
            last = self._member_before(reading, first)
        return self._list_members(reading, members[::-1])

    def _unit_list_after(self, reading: _Reading, noun: int) -> list[Mention]:
        """The members of the list right after word `noun` and a UNIT_LIST_OPENER: "the
        adjacent counties of Fort Bend, Montgomery and Galveston", "counties such as Cobb and
        Gwinnett"."""
        after = reading.ends[noun]
        said_again = UNIT_HUB_IT.match(reading.text, after)
        if said_again:
            after = said_again.end()
        opener = (UNIT_LIST_OPENER.match(reading.text, after)
                  or _HUB_LIST_OPENER.match(reading.text, after))
        if opener is not None:
            after = opener.end()
        elif not (said_again and said_again.group().endswith(",")):
            return []  # "two of the counties bordering it, Burleson and Robertson" opens one
        suffix = UNIT_LIST_NOUNS[reading.lowers[noun]]
        members = self._units_from(reading, after, suffix)
        if len(members) >= 2:
            hub = self._unit_before_qualified_noun(reading, noun, suffix)
            if hub is not None and not self._names_a_town_or_state(
                    reading, hub[0], hub[1], _states_of(members), suffix):
                members.insert(0, hub)
        return self._list_members(reading, members)

    def _its_neighbours(self, reading: _Reading, noun: int) -> list[Mention]:
        """The members of the list after "<unit> and its neighbors" where word `noun` ends the
        unit's name ("Tippecanoe County and its neighbors, Clinton, Carroll and Cass"), each a
        unit of its kind."""
        opener = _ITS_NEIGHBOURS.match(reading.text, reading.ends[noun])
        if opener is None:
            return []
        return self._list_members(reading, self._units_from(
            reading, opener.end(), UNIT_SUFFIX_NOUNS[reading.lowers[noun]]))

    def _unit_before_qualified_noun(self, reading: _Reading, noun: int, suffix: str):
        """(first word, last word, candidates) of the unit whose neighbours a list after word
        `noun` names, said before it: "Wake's neighboring counties — Durham and Johnston",
        "Lane and the adjacent counties of Douglas and Linn"; None if no unit is."""
        q = noun - 1
        if q < 1 or reading.lowers[q] not in LIST_QUALIFIERS:
            return None
        if _POSSESSIVE_GAP.fullmatch(reading.text, reading.ends[q - 1], reading.starts[q]):
            last = q - 1
        elif (q >= 3 and reading.lowers[q - 1] == "the" and reading.lowers[q - 2] == "and"
              and reading.spaced(q - 3, q - 2)):
            last = q - 3
        else:
            return None
        for first in range(max(0, last - UNIT_LIST_WORDS + 1), last + 1):
            if all(reading.capitalised[first:last + 1]) and all(
                    reading.joined(k, k + 1) for k in range(first, last)):
                named = self._unit_named_from(reading, first, suffix)
                if named is not None and named[0] == last:
                    return first, last, named[1]
        return None

    def _unit_hub_and_list(self, reading: _Reading, noun: int) -> list[Mention]:
        """The unit after word `noun` and a hub word, and the members of the list after it:
        "the counties bordering Lancaster — Chester and Berks", "The parishes encircling
        Ouachita: Union, Morehouse and Richland", each a unit of the noun's kind."""
        hub = UNIT_HUB.match(reading.text, reading.ends[noun])
        if hub is None:
            return []
        suffix = UNIT_LIST_NOUNS[reading.lowers[noun]]
        first = bisect.bisect_left(reading.starts, hub.end())
        named = (self._unit_named_from(reading, first, suffix)
                 if first < len(reading.lowers) and reading.capitalised[first] else None)
        if named is None:
            return []
        last, candidates = named
        opener = _HUB_LIST_OPENER.match(reading.text, reading.ends[last])
        if opener is None or opener.end() == reading.ends[last]:
            return []
        hub = (first, last, candidates)
        members = self._units_from(reading, opener.end(), suffix)
        if len(members) < 2:
            return []
        if self._names_a_town_or_state(reading, hub[0], hub[1], _states_of(members), suffix):
            return self._list_members(reading, members)  # "surrounding Houston": the city
        return self._list_members(reading, [hub, *members])

    def _units_from(self, reading: _Reading, start: int, suffix: str) -> list:
        """(first word, last word, candidates) of each unit with `suffix` of the list that
        begins at character `start`, as far as its members name such units."""
        first = bisect.bisect_left(reading.starts, start)
        members = []
        while first < len(reading.lowers) and reading.capitalised[first]:
            member = self._unit_named_from(reading, first, suffix)
            if member is None:
                break
            last, candidates = member
            members.append((first, last, candidates))
            first = self._member_after(reading, last)
        return members

    def _list_members(self, reading: _Reading, members: list) -> list[Mention]:
        """The mentions of a list's (first word, last word, candidates) in text order: two
        members at least."""
        if len(members) < 2:
            return []
        states = Counter(state for _, _, candidates in members
                         for state in {c.admin1 for c in candidates})
        most = max(states.values())
        # Several states may hold every name ("Douglas and Cass counties"): the article's
        # context chooses among them (geo.resolve).
        likely = {state for state, count in states.items() if count == most}
        mentions = []
        for first, last, candidates in members:
            if most > len(members) / 2:
                candidates = tuple(c for c in candidates if c.admin1 in likely) or candidates
            # a sense of its own: "Kaufman County borders Dallas, Rockwall and Tarrant counties"
            # leaves "30 miles southeast of Dallas" the city
            mentions.append(dataclasses.replace(
                self._mention(reading, first, last, "name", candidates), kind_said="unit"))
        return mentions

    def _names_a_town_or_state(self, reading: _Reading, first: int, last: int,
                               states: set, suffix: str | None = None) -> bool:
        """Whether words first..last are the name of a town of some size in one of `states`,
        or of a first-level unit or country ("Larimer County, Colorado, and neighboring");
        with `suffix`, a town that lies in a unit of its name and the suffix is no such town
        (Lancaster, Pennsylvania is in Lancaster County; Houston, Texas is not in Houston
        County)."""
        name = reading.surface(first, last)
        return any((c.kind == "city" and c.admin1 in states
                    and (c.population or 0) >= TOWN_BEFORE_A_LIST_POPULATION
                    and (suffix is None or _key(c.admin2 or "") != _key(f"{name} {suffix}")))
                   or c.kind in ("admin1", "country")
                   for c in self.candidates(_key(name))
                   if c.match == "name")

    def _unit_named(self, reading: _Reading, last: int, suffix: str):
        """(first word, candidates) of the longest run of capitalised words ending at word
        `last` that names a unit with `suffix` ("Otter Tail" County); None if none does."""
        first = last
        while (first > 0 and last - first + 1 < UNIT_LIST_WORDS and reading.capitalised[first - 1]
               and reading.joined(first - 1, first)):
            first -= 1
        for start in range(first, last + 1):
            key = _key(f"{reading.surface(start, last)} {suffix}")
            candidates = tuple(c for c in self.candidates(key) if c.kind == "admin2")
            if candidates:
                return start, candidates
        return None

    def _unit_named_from(self, reading: _Reading, first: int, suffix: str):
        """(last word, candidates) of the longest run of capitalised words starting at word
        `first` that names a unit with `suffix`; None if none does."""
        last = first
        while (last + 1 < len(reading.lowers) and last - first + 1 < UNIT_LIST_WORDS
               and reading.capitalised[last + 1] and reading.joined(last, last + 1)):
            last += 1
        for end in range(last, first - 1, -1):
            key = _key(f"{reading.surface(first, end)} {suffix}")
            candidates = tuple(c for c in self.candidates(key) if c.kind == "admin2")
            if candidates:
                return end, candidates
        return None

    @staticmethod
    def _member_after(reading: _Reading, last: int) -> int:
        """The first word of the list member after the one ending at word `last`, or the
        number of words: after ", ", " and ", ", and ", ", or "."""
        k = last + 1
        if k < len(reading.lowers) and not reading.capitalised[k]:
            if reading.lowers[k] not in _LIST_SEPARATORS:
                return len(reading.lowers)
            k += 1
        if k >= len(reading.lowers) or not reading.capitalised[k]:
            return len(reading.lowers)
        # the gap from the member to the next, separator and all
        gap = reading.text[reading.ends[last]:reading.starts[k]]
        return k if _LIST_GAP.fullmatch(gap) else len(reading.lowers)

    @staticmethod
    def _member_before(reading: _Reading, first: int) -> int:
        """The last word of the list member before the one starting at word `first`, or -1:
        after ", ", " and ", ", and ", ", or ", " and neighboring "."""
        k = first - 1
        qualified = k >= 0 and reading.lowers[k] in LIST_QUALIFIERS
        if qualified:
            k -= 1
        if k >= 0 and reading.lowers[k] in _LIST_SEPARATORS and not reading.capitalised[k]:
            k -= 1
        if k < 0 or not reading.capitalised[k]:
            return -1
        gap = reading.text[reading.ends[k]:reading.starts[first]]
        return k if (_QUALIFIED_GAP if qualified else _LIST_GAP).fullmatch(gap) else -1

    def _spans_from(self, reading: _Reading, i: int):
        """Candidate spans starting at word i, longest first: (last word index, key). A span
        never starts with "the": "the US" is a mention of "US"."""
        capitalised, lowers = reading.capitalised, reading.lowers
        if not capitalised[i] or lowers[i] == "the":
            return ()
        last = i
        spans = []
        while last < len(lowers) and last - i < MAX_WORDS:
            if last > i and not reading.joined(last - 1, last):
                break
            if capitalised[last] or (last > i and _elided(reading.words[last])):
                spans.append(last)
            elif lowers[last] not in CONNECTORS and not (
                    lowers[last] in HYPHENED_ARTICLES and last + 1 < len(lowers)
                    and reading.hyphened(last, last + 1)):
                break
            last += 1
        return ((j, _key(reading.surface(i, j))) for j in reversed(spans))

    def _longest_at(self, reading: _Reading, i: int):
        for j, key in self._spans_from(reading, i):
            seat = SEATS_OF_GOVERNMENT.get(key)
            if seat:
                country = self.gazetteer.lookup(seat, kind="country", country=seat, fuzzy=False)
                if country:
                    return self._mention(reading, i, j, "metonym", country), j - i + 1
            candidates = self._fitting(reading, i, j, self.candidates(key))
            kind_said = None
            if candidates:
                candidates, kind_said = self._kind_said(reading, i, j, candidates)
            if not candidates and key.endswith("s"):  # "Algerians", "Norwegians"
                candidates = tuple(c for c in self.candidates(key[:-1]) if c.match == "demonym")
            if candidates:
                mention = self._mention(reading, i, j, candidates[0].match, candidates)
                if kind_said:
                    mention = dataclasses.replace(mention, kind_said=kind_said)
                if self._plausible(reading, i, j, mention):
                    return self._as_metonym(reading.text, mention), j - i + 1
                return None, j - i + 1
        return None, 0

    def _kind_said(self, reading: _Reading, i: int, j: int,
                   candidates: tuple[Candidate, ...]) -> tuple[tuple[Candidate, ...], str | None]:
        """The candidates of the kind the words around the name say it is, and that kind:
        "Donetsk oblast" and "Kandahar province" are units, "the city of Durango" a town. All
        the candidates, and None, when the words say nothing or none is of that kind."""
        kind, named = None, ()
        after = j + 1
        if (after < len(reading.words) and reading.words[after] in UNIT_TYPES_AFTER
                and reading.spaced(j, after) and candidates[0].kind != "country"):
            # not "Mexico state oil company", "Lebanon state news agency"
            kind = "unit"
            named = self.candidates(_key(f"{reading.surface(i, j)} {reading.lowers[after]}"))
        elif (i >= 3 and reading.lowers[i - 3] == "the" and reading.spaced(i - 3, i - 2)
              and reading.spaced(i - 2, i - 1)):
            kind = KIND_OF_BEFORE.get(f"{reading.lowers[i - 2]} {reading.lowers[i - 1]}")
        if kind is None:
            return candidates, None
        of_kind = tuple({c.id: c for c in (*named, *candidates)
                         if (c.kind in UNIT_KINDS if kind == "unit" else c.kind == kind)}.values())
        return (of_kind, kind) if of_kind else (candidates, None)

    @staticmethod
    def _mention(reading: _Reading, i: int, j: int, how: str, candidates) -> Mention:
        start, end = reading.starts[i], reading.ends[j]
        # "Ind.", "Calif.": an abbreviation's own dot is part of the name as written.
        if (reading.text[end:end + 1] == "." and candidates[0].matched_name.endswith(".")):
            end += 1
        return Mention(start, end, reading.text[start:end], how, tuple(candidates),
                       _dateline(reading, i, j))

    @staticmethod
    def _fitting(reading: _Reading, i: int, j: int,
                 candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
        """The candidates the words as written can mean."""
        surface = reading.surface(i, j)
        after_the = i > 0 and reading.lowers[i - 1] == "the"
        acronym = surface.isupper() and len(surface) <= 5 and not _dateline(reading, i, j)
        return tuple(
            c for c in candidates
            # Codes ("TV" for Tuvalu, "IN" for Indiana) are words far more often than places;
            # a first-level unit's code of three capitals is how news writes it ("NSW", "KZN"),
            # where the article names its country (geo.resolve).
            if (c.match != "code" or (c.kind == "admin1" and acronym and len(surface) >= 3
                                      and surface.isalpha()))
            # "Hague" alone is a surname; "the Hague" is the city.
            and (after_the or not c.matched_name.lower().startswith("the "))
            # An acronym ("APS", "BBC") names a place only where it is spelled so ("UAE").
            and (not acronym or c.matched_name.isupper()))

    def _plausible(self, reading: _Reading, i: int, j: int, mention: Mention) -> bool:
        best = mention.candidates[0]
        lowers, capitalised, text = reading.lowers, reading.capitalised, reading.text
        single = i == j
        surface = mention.text
        big = _big(best)
        # "Mr. Columbus", "president Lincoln"; not a dateline's state ("STARKVILLE, Miss. -
        # Columbus") nor the end of a sentence ("arrested the mayor. Deming")
        if i > 0 and lowers[i - 1].rstrip(".") in HONORIFICS and (
                reading.spaced(i - 1, i) or (capitalised[i - 1] and _AFTER_AN_HONORIFIC.fullmatch(
                    text, reading.ends[i - 1], reading.starts[i]))):
            return False
        # "Tropical Storm Irene", "Cyclone Nargis": a storm's title, capitalised, and its name
        if (i > 0 and capitalised[i - 1] and lowers[i - 1] in STORM_WORDS
                and reading.spaced(i - 1, i)) or (
                lowers[j] in STORM_WORDS and j + 1 < len(lowers) and capitalised[j + 1]
                and reading.spaced(j, j + 1)):
            return False
        if normalize(surface) in DIRECTION_ALONE:
            return False
        if _dateline(reading, i, j):
            return True
        if text[mention.start - 1:mention.start] == "(" and AGENCY_AFTER.match(
                text, mention.end) and best.kind not in ("country", "admin1"):
            return False  # but "SAN JOSE (Costa Rica) -" names the country
        if _disease_name().match(text, mention.start):
            return False
        if (j + 1 < len(lowers) and capitalised[j + 1] and reading.spaced(j, j + 1)
                and lowers[j + 1].rstrip(".") in FEATURE_AFTER):
            return False
        if (single and surface.lower() in reading.people
                and not (i > 0 and lowers[i - 1] in LOCATIVE_BEFORE)):
            return False
        if (single and best.kind not in ("country", "admin1") and best.match != "demonym"
                and SPEECH_AFTER.match(text[mention.end:mention.end + 20])
                and not best.capital):
            return False
        # "Wal-Mart": the halves of a hyphenated word are places only if notable ones
        # ("the Algeria-Niger border", "Dallas-Fort Worth").
        hyphened = ((i > 0 and reading.hyphened(i - 1, i))
                    or (j + 1 < len(lowers) and reading.hyphened(j, j + 1)))
        if hyphened and not big:
            return False
        if not reading.in_title_case(i) and self._in_a_person(
                reading, i, j, notable=big and best.match != "alias",
                unit=best.kind in ("country", "admin1")):
            return False
        # (after the person test, which marks a surname for the rest of the text: "Espen Barth
        # Eide")
        if single and not big and self._ends_an_unknown_name(reading, i, mention.candidates):
            return False
        # "Hunters who could not find rooms": an everyday word's plural opening a sentence too
        everyday = self.words.is_common_word(surface) or (
            reading.sentence_initial[i] and surface.endswith("s")
            and self.words.is_common_word(surface[:-1]))
        if single and everyday and best.match != "demonym":
            if best.kind == "country" or best.capital or _measured_from().search(
                    text, max(0, mention.start - MEASURED_FROM_REACH), mention.start) \
                    or _measured_after().match(text, mention.end):
                return True
            if best.match == "alias":  # "We" is an alternate name of Hue; nobody means that
                return False
            if best.kind in ("admin1", "continent", "region"):
                return True
            if (_in_the_unit_named_after(text, mention, self.candidates)
                    or _A_KIND_OF_PLACE_AFTER.match(text, mention.end)
                    or _BY_A_BORDER_AFTER.match(text, mention.end)):
                return True
            needed = (HUGE_PLACE_POPULATION if reading.sentence_initial[i]
                      else BIG_PLACE_POPULATION)
            return (best.population or 0) >= needed
        return True

    def _in_a_person(self, reading: _Reading, i: int, j: int, notable: bool, unit: bool
                     ) -> bool:
        """A place name that is part of a person's name: after a first name ("Bob Flores",
        "Mary Washington"), or, one word long as a first name is, before a capitalised word
        that is no everyday word ("Leon Panetta"; not "DeKalb County Sheriff" or "Santa Ana
        Unified"), unless it is a `notable` place by its own name (a country, a first-level
        unit, a city of 100,000) that is no first name ("Texas Comptroller"); nor is a
        country or first-level `unit` after a first name that opens a sentence ("Tiny
        Luxembourg"). Before an everyday word it is part of an organisation's or region's name
        and still names the place ("Texas Department of Health", "Paris Police"); after a word
        that is no first name, too ("North Texas", "Six Flags Over Texas")."""
        lowers, capitalised = reading.lowers, reading.capitalised
        after = j + 1 if j + 1 < len(lowers) else None
        before = i - 1 if i > 0 else None
        person = None
        if (before is not None and capitalised[before] and reading.spaced(before, i)
                and self._first_name_at(reading, before)
                # opening a sentence, a word may be an adjective that happens to be a name too,
                # before a country or state, which is no surname ("Tiny Luxembourg", "Major
                # Ohio cities", "India Pakistan tensions"; still "Peter Kimberley said")
                and not (unit and reading.sentence_initial[before])):
            person = lowers[j]
        elif (i == j and after is not None and capitalised[after] and reading.spaced(j, after)
              and not self.words.is_common_word(lowers[after])):
            first_name = self._first_name_at(reading, i)
            if notable and not first_name:
                return False  # "Texas Comptroller", "Sudanese Red Crescent"
            if self.words.is_common_word(lowers[i]) and not first_name:
                # "Given Tunisia's challenges", "SOS Children's Village Malakal": part of some
                # name, but no first name, so the next word is no surname for the rest of the
                # article.
                return True
            person = lowers[after]
        if person is None:
            return False
        reading.people.add(person)
        return True

    def _ends_an_unknown_name(self, reading: _Reading, i: int,
                              candidates: Sequence[Candidate]) -> bool:
        """Whether word i ends a name geo does not know, after a capitalised word in the middle
        of a sentence that is no place, no everyday word and no first name: "the Okavango
        Delta" (not Delta State, Nigeria), "the Akwesasne Mohawk territory" (not Mohawk, New
        York), "Condoleezza Rice"; unless the word is in the name of a place the candidates
        are ("Dogu Beyazit": Dogubayazit). (Not asked of a notable place: "told Reuters Moscow",
        "Anglophone Cameroon".)"""
        k = i - 1
        if k < 0 or not reading.capitalised[k] or not reading.spaced(k, i) \
                or reading.sentence_initial[k] or reading.in_title_case(i):
            return False
        word = reading.words[k]
        return (word.isalpha() and not word.isupper() and not self.words.is_common_word(word)
                and not self.words.is_first_name(word)
                and reading.lowers[k] not in DIRECTION_ALONE
                and not self.candidates(_key(word))
                and not any(normalize(word) in normalize(c.name) for c in candidates))

    def _first_name_at(self, reading: _Reading, k: int) -> bool:
        """Whether word k reads as a first name: opening a sentence, "In" and "Will" are the
        words, not the names."""
        return (self.words.is_first_name(reading.words[k])
                and not ((reading.sentence_initial[k] or _AFTER_A_DATELINE_DASH.search(
                    reading.text, 0, reading.starts[k])) and reading.lowers[k]
                         in FUNCTION_WORD_FIRST_NAMES))

    def _as_metonym(self, text: str, mention: Mention) -> Mention:
        """A capital that acts is its country's government: "Washington said"."""
        best = mention.candidates[0]
        if best.kind != "city" or mention.how == "demonym":
            return mention
        if not ACTION_AFTER.match(text[mention.end:mention.end + 40]):
            return mention
        capitals = [c for c in mention.candidates if c.kind == "city" and c.capital]
        if not capitals:
            return mention
        country = self.gazetteer.lookup(capitals[0].country_code, kind="country",
                                        country=capitals[0].country_code, fuzzy=False)
        if not country:
            return mention
        return Mention(mention.start, mention.end, mention.text, "metonym", tuple(country))
