"""The words claims are made of, as regular expressions over a sentence view.

A sentence view (`geo.extract_claims.SentenceView`) has each resolved place mention replaced
by a numbered slot, "\x01N\x02", so a phrasing is written over slots and words: "is about 700
miles from the <1> border with <2>". These pieces are shared by the claim types' phrasings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from geo.claims import (
    ANAPHOR_NOUNS,
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    COMPASS_16,
    JUST_UNDER,
    NUMBER_WORDS,
    NUMBERED_WAYS,
    PHRASING_WORDS,
    PLACE_NOUNS,
    PROXIMITY_WORDS,
    ROUTE_MEANS,
    ROUTE_NOUNS,
    ROUTE_WAYS,
)

SLOT = r"\x01(\d+)\x02"


def named_slot(name: str) -> str:
    """A slot whose number is the match's group `name`."""
    return rf"\x01(?P<{name}>\d+)\x02"


def alternatives(words) -> str:
    """A regular expression matching any of `words`, longest first; a space in a word matches
    any run of white space."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+")
                    for word in sorted(words, key=len, reverse=True))


HEDGE = alternatives(set(APPROXIMATE) - {"~"} | set(JUST_UNDER) | AT_LEAST | AT_MOST)
# No distance on Earth needs more than six digits before the point or four after; bounding
# the runs keeps the search linear over long runs of digits, and a longer number is no claim
# (999,999 nautical miles is still under claims.MAX_CLAIMED_KM). The 2 of "1/2 mile" is a
# FRACTION's, not a number of its own.
NUMBER = r"(?<![\d.,/])(?:\d{1,3}(?:,\d{3})?|\d{1,6})(?:\.\d{1,4})?(?!\d|[.,]\d)"
# A number in words (geo/claim_types/numbers.toml), read by geo.claims.number_in_words: under a
# hundred ("seven", "twenty-five"), then each place value over the one below ("two hundred and
# fifty", "a thousand"), "a dozen", "one and a half", and "a" alone ("a mile"). Every part is a
# bounded number of words, so the search stays linear over a long run of number words.
_ARTICLE = alternatives(NUMBER_WORDS["articles"])
_ONES = alternatives(NUMBER_WORDS["ones"])
_UNDER_HUNDRED = (rf"(?:(?:{alternatives(NUMBER_WORDS['tens'])})(?:[\s-]+(?:{_ONES}))?"
                  rf"|{alternatives(NUMBER_WORDS['teens'].keys() | NUMBER_WORDS['ones'])})")
# A number in words starts with one of these letters: a cheap test before the alternatives.
_FIRST_LETTERS = "".join(sorted({word[0] for kind in ("ones", "teens", "tens", "articles")
                                 for word in NUMBER_WORDS[kind]}))


def _place_values(under: str, scales: dict[str, float]) -> str:
    """A number under a thousand times the largest of `scales`, from `under`, a number under
    the smallest: a count of a place value ("two hundred", "a thousand", "fifteen hundred"),
    optionally followed by ("and") a smaller number; or a smaller number alone."""
    for scale in sorted(scales, key=scales.get):
        under = (rf"(?:(?:{under}|{_ARTICLE})\s+{re.escape(scale)}"
                 rf"(?:\s+(?:and\s+)?{under})?|{under})")
    return under


NUMBER_IN_WORDS = (
    rf"(?<![\w-])(?=[{_FIRST_LETTERS}])"
    rf"(?:(?:{_ARTICLE}|{_ONES})\s+(?:{alternatives(NUMBER_WORDS['counts'])})"
    rf"|{_UNDER_HUNDRED}\s+(?:{alternatives(NUMBER_WORDS['fractions'])})"
    rf"|{_place_values(_UNDER_HUNDRED, NUMBER_WORDS['scales'])}"
    rf"|{_ARTICLE})\b")
# "1/2 mile", "24 1/2 miles": a fraction of one digit over at most sixteen, under one
# (geo.claims.in_digits); "30/40 km" is no quantity.
FRACTION = r"(?<![\d.,/])(?:\d{1,3}\s)?[1-9]/(?:1[0-6]|[2-9])(?![\d/])"
AMOUNT = rf"(?:{FRACTION}|{NUMBER}|{NUMBER_IN_WORDS})"
# A number, or a range: "20 to 30", "20-30" or with an en dash (between digits only:
# "twenty-five" is one number), "between 20 and 30", "from 20 to 30". "between" takes "and";
# after "between" or "from" the upper end is needed.
RANGE = (rf"(?:(?P<between>between)\s+|(?P<range_from>from)\s+)?(?P<number>{AMOUNT})"
         rf"(?:(?(between)\s+and\s+|(?:\s+to\s+|(?<=\d)\s*[-\u2013]\s*(?=\d)))"
         rf"(?P<upper>{AMOUNT}))?(?(between)(?(upper)|(?!)))(?(range_from)(?(upper)|(?!)))")
UNIT = (r"nautical\s+miles?|kilomet(?:re|er)s?|km|kms|miles?|mi|metres?|meters?|m|nm|nmi|"
        r"feet|ft|yards?")
# "a few kilometres", "several miles": a range (numbers.toml, [vague]).
VAGUE_AMOUNT = rf"(?<![\w-])(?:{alternatives(NUMBER_WORDS['vague'])})"
QUANTITY = (rf"(?:(?P<hedge>{HEDGE})\s+)?(?:(?P<vague>{VAGUE_AMOUNT})|{RANGE})[\s-]*"
            rf"(?P<unit>{UNIT})\b\.?"  # "8 mi. E of Nevada"
            r"(?:\s*\([^)]*\))?")

# The sixteen compass points, spelt out ("north-north-east", "northeast", "south west").
COMPASS_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}
# Or abbreviated in capitals ("40 km NE of Nairobi"); a single letter is too often no direction.
COMPASS_ABBREVIATION = ("(?-i:\\b(?:" + "|".join(
    point for point in sorted(COMPASS_16, key=len, reverse=True) if len(point) > 1) + ")\\b)")
DIRECTION = "(?P<direction>" + "|".join(
    r"[\s-]?".join(COMPASS_WORDS[letter] for letter in point)
    for point in sorted(COMPASS_16, key=len, reverse=True)) + f"|{COMPASS_ABBREVIATION})"
# Not the second half of a garbled "north south-west of": which of the two was meant is unsaid.
AFTER_NO_COMPASS_WORD = "".join(rf"(?<!{word}[\s-])" for word in COMPASS_WORDS.values())

# "the Algerian border with Mali", "the border (areas) between Algeria and Mali", "the
# Algeria-Mali border", "Algeria's border with Mali", "the Libyan border", "the border with
# Libya", "(across) the border from Syria", "the border of Peru and Bolivia", "in Peru on the
# border of Bolivia" (the border between Peru and Bolivia), "on its border with Venezuela"
# A border is also a frontier; between US states, a state line ("the Pennsylvania state
# line").
_BORDER_WORD = r"(?:border|frontier)"
# US news calls a state's border its line: "near the Tennessee line", "the Arkansas-Texas state
# line" (geo.extract_claims keeps a line only between US states).
_BORDER_WORD_OR_LINE = rf"(?:{_BORDER_WORD}|(?:state\s+)?line\b)"
# "the heavily fortified border with North Korea", "the long, porous border with": not "the
# maritime border with Japan".
_BORDER_ADJECTIVES = (rf"(?:(?!(?:{alternatives(PHRASING_WORDS['not_land_borders'])})\b)"
                      rf"(?-i:[a-z][\w-]*),?\s+){{0,2}}")
BORDER = (rf"(?:(?:the|its|their)\s+)?(?:{SLOT}(?:['\u2019]s\s+(?:(?-i:[a-z][\w-]*)\s+){{0,2}}|\s+)"
          rf"{_BORDER_WORD}\s+with\s+{SLOT}"
          rf"|{_BORDER_WORD}(?:\s+(?:{alternatives(PHRASING_WORDS['border_area_nouns'])}))?"
          rf"\s+(?:between|of)\s+{SLOT}\s+and\s+{SLOT}"
          rf"|(?:county|parish|state)\s+line\s+between\s+{SLOT}\s+and\s+{SLOT}"
          rf"|line\s+between\s+{SLOT}\s+and\s+{SLOT}\s+(?:counties|parishes)\b"
          rf"|{SLOT}\s*[-\u2013/]\s*{SLOT}\s+{_BORDER_WORD_OR_LINE}"
          rf"|{SLOT}\s+{_BORDER_WORD_OR_LINE}"
          rf"|{_BORDER_ADJECTIVES}{_BORDER_WORD}\s+(?:with|from|of)\s+{SLOT})")
# "near the border", "on the frontier": the nearest land border of the subject's country.
UNNAMED_BORDER = rf"the\s+(?:(?:international\s+)?{_BORDER_WORD}|state\s+line)\b"
PROXIMITY = alternatives(set(PROXIMITY_WORDS) - set(PHRASING_WORDS["after_location_verb"]))
# "Kilis lies just across the border": a proximity word that says where a place is only after
# a verb that does ("fled across the border" is a journey).
LOCATION_VERB = alternatives(PHRASING_WORDS["location_verbs"])
PROXIMITY_AFTER_VERB = alternatives(PHRASING_WORDS["after_location_verb"])
# "a 45-km drive", "300 km by road", "two hours on foot": a distance along a way.
ROUTE = (rf"(?P<route>(?:{alternatives(ROUTE_NOUNS)})\b|by\s+(?:{alternatives(ROUTE_MEANS)})\b"
         r"|on\s+foot\b"
         rf"|(?:up|down|along)\s+(?:the\s+)?(?:(?:{alternatives(ROUTE_WAYS)})(?:[\s-]*\d+)?"
         rf"|(?:{alternatives(NUMBERED_WAYS)})[\s-]*\d+)\b)")
# "Kidal, about 300 km away by road", "about 100 km apart by road": the way, after the words.
ROUTE_AFTER = re.compile(rf"\s*,?\s*{ROUTE}", re.IGNORECASE)
# A part of a country as an adjective: "northern", "north-eastern", and in news also "north",
# "northwest" ("in northwest China"), "far northern", "deep South", "north-central" (the
# northern half: geo.regions.parse_part).
PART_QUALIFIER = alternatives(PHRASING_WORDS["part_qualifiers"])
PART_WORDS = (rf"(?:(?:{PART_QUALIFIER})\s+)?(?:(?:north|south)[\s-]?(?:east|west)(?:ern)?"
              r"|(?:north|south|east|west)(?:ern)?(?:[\s-]central\b)?|central)")
PART = rf"(?P<part>{PART_WORDS})"
# A word every PART holds: a sentence without one names no part of a country.
PART_WORD = "north|south|east|west|central"
# What stands between a place and the place it is measured from: ", roughly 80 miles northwest
# of", ", 20 km from the": a hedge, a number (a word or figures, each bounded so that a long
# run of text costs no more than its length), a unit, perhaps a compass word. A clause is not
# one ("Knoxville, then a tornado touched down just north of Memphis").
MEASURED_FROM = (rf"(?:\s*,\s*|\s+(?:{LOCATION_VERB})\s+)(?:(?:{HEDGE}|just|only)\s+)?"
                 rf"(?:[\w.,/]{{1,20}}[\s-]+){{1,2}}?"
                 rf"(?:{UNIT})\s+(?:(?:to\s+the\s+)?{PART_WORDS}\s+)?(?:of|from)\s+(?:the\s+)?")
# The same as a noun: "in the north of France", "in the northern part of Congo", "in the
# southwestern corner of Tennessee".
PART_NOUN = (r"(?P<part_noun>(?:north|south)[\s-]?(?:east|west)|north|south|east|west|centre"
             r"|center)|(?P<part_adjective>(?:north|south)[\s-]?(?:east|west)ern|northern|southern"
             r"|eastern|western|central)\s+(?:part|corner)")
PLACE_NOUN = r"(?:" + alternatives(PLACE_NOUNS) + r")(?:s|es)?"
# What may stand before the place a claim measures from: "of the Sri Lankan capital Colombo",
# "north of the capital, Kabul", "the breakaway region's capital Tskhinvali", "from the city of
# Gao". At most three words or places before the noun, so the search stays short.
# A place before the noun qualifies it only without a comma after: in "east of the Kidal region,
# Gao said", Kidal is the place.
_CALLED = alternatives(PLACE_NOUNS)
PLACE_CALLED = (rf"(?:the\s+(?:(?:{SLOT}|[\w'\u2019-]+)\s+){{0,3}}?(?:{_CALLED})(?:\s+of)?\s+"
                rf"|the\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{_CALLED})(?:\s+of)?\s*,\s+)?"
                rf"(?:{SLOT}-(?:{alternatives(PHRASING_WORDS['held_by'])})\s+)?"
                r"(?:downtown\s+)?")  # "10 miles north of downtown Des Moines"
# A place named by what it is before its name: "the village Dvani", "a town called Låsby",
# "the city of Gao".
A_PLACE_CALLED = (rf"\b(?:the|a)\s+{PLACE_NOUN}\s+"
                  rf"(?:(?:{alternatives(PHRASING_WORDS['naming'])})\s+)?")
# Words that end a noun phrase set beside a place (they make a clause or put what follows on
# something else): words.toml, clause_words and apposition_stops.
NOT_IN_A_NOUN_PHRASE = alternatives(PHRASING_WORDS["clause_words"]
                                    + PHRASING_WORDS["apposition_stops"])
# What names an admin unit after its name ("Nangarhar province").
UNIT_NOUN = alternatives(PHRASING_WORDS["first_level_unit_nouns"]
                         + PHRASING_WORDS["second_level_unit_nouns"])
# What may stand between a place and the list of its neighbours ("include", "such as").
LIST_OPENER = alternatives(PHRASING_WORDS["list_openers"])
# A list of places: "Benin, Ghana, Guinea, Niger, and Senegal", "Chad, the Central African
# Republic and South Sudan", "Kenya to the east, South Sudan to the north", "mainland China";
# not "Nicaragua, Russia's ally".
_MEMBER = (rf"(?:the\s+)?(?:mainland\s+)?{SLOT}(?!['\u2019]s\b)"
           rf"(?:\s+to\s+(?:the|its)\s+(?:north|south|east|west)[\w-]*)?")
LIST = rf"{_MEMBER}(?:\s*,\s*{_MEMBER})*(?:\s*,?\s+(?:and|or)\s+{_MEMBER})?"


class LazyPattern:
    """A regular expression compiled at its first use. A phrasing with a quantity takes 5 to
    25 ms to compile, a tenth of geo's start-up, and most articles never need it (its type's
    TRIGGER fails on every sentence). With `needs`, words one of which the phrasing always
    holds, `finditer` finds nothing, and compiles nothing, in a text without any ("apart")."""

    def __init__(self, source: str, flags: int = 0, needs: tuple[str, ...] = ()):
        self._source, self._flags, self._needs = source, flags, needs

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self._source, self._flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._needs:
            lower = text.lower()
            if not any(word in lower for word in self._needs):
                return iter(())
        return self.compiled.finditer(text)

    def __getattr__(self, name: str):  # finditer, search, match, fullmatch, pattern...
        if name.startswith("_"):  # copy and pickle look for these before __init__ has run
            raise AttributeError(name)
        return getattr(self.compiled, name)


# What may stand between a place and the words that say it is near a border or in a part of a
# country (geo.extract_claims.Finder.next_to_its_words): "Kilis, near",
# "Kilis lies near", "Kilis, a Turkish town near", "Pacaraima, on its border", "Fort Wayne,
# Indiana, lies near", "the Cuvette-Ouest region near", "the Puno region of Peru on", "the Ain
# Amenas gas field on". Not a clause: in "Moscow has massed troops on its border with
# Ukraine" or "the army said in Tel Aviv that rockets fell near the border", the words say
# where the troops or the rockets are; in "Spokane, in eastern Washington, and Bend, in central
# Oregon", central Oregon is not Washington's part, nor Spokane's.
_SITE = rf"(?:{PLACE_NOUN}|{alternatives(PHRASING_WORDS['site_nouns'])})"
# A number with its separators is one word: "West Yellowstone, a town of 1,200 near".
# A place's possessive is one too: "Arsal, a town in Lebanon's north-east on".
_PHRASE_WORD = (rf"(?:(?!(?:{NOT_IN_A_NOUN_PHRASE})\b)(?:\d{{1,3}}(?:[,.]\d+)+|[\w'\u2019-]+)"
                rf"|{SLOT}(?:['\u2019]s)?)")
_DETERMINER = rf"(?:an?|the|{SLOT}['\u2019]s)"
# Up to eight words: "Goma, a lakeside city of about two million people on", "Benkelman, a
# town in Dundy County in the southwest corner of Nebraska near".
_NOUN_PHRASE = rf"{_DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,8}}"
# "Lomé, the Togolese capital, lies", "Aqaba, Jordan's only port, sits": a noun phrase between
# commas; "Kassala, in eastern Sudan, near", "Arica, in Chile's far north near", "Yuma, in
# Arizona's southwest corner near", "Memphis, in the southwestern corner of Tennessee on",
# "Gallup, in McKinley County near", "Isiro, in the north-east of the country near": where it
# is.
_APPOSITION = rf"\s*,\s*{_DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,3}}{_PHRASE_WORD}\s*,"
_EDGE_NOUN = r"(?:corner|part|tip|edge|end|region)"
_IN_WHERE = (rf"in\s+(?:{PART_WORDS}\s+{SLOT}|{SLOT}['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?"
             rf"(?:north|south|east|west)[\w-]*(?:\s+{_EDGE_NOUN})?"
             rf"|the\s+(?:[\w-]+\s+){{0,2}}?(?:north|south|east|west|central)[\w-]*\s+{_EDGE_NOUN}"
             rf"\s+of\s+{SLOT}|{SLOT}(?:\s+(?:{UNIT_NOUN}))?"
             # "in the north-east of the country", "in the far south of Malawi"
             rf"|the\s+(?:(?:far|extreme)\s+)?(?:north|south|east|west)[\w-]*\s+of\s+"
             rf"(?:{SLOT}|the\s+(?:state|country))"
             rf"|the\s+(?:state|country)['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?(?:north|south|east|west)[\w-]*"
             rf"(?:\s+{_EDGE_NOUN})?)\s*,?")
_WHERE = rf"\s*,\s*{_IN_WHERE}"
# An apposition, or where the place is, between a place and what is said of it: "Caddo Parish,
# in the state's northwest corner, borders".
APPOSITION_OR_WHERE = rf"(?:{_APPOSITION}|{_WHERE})"
# "Kidal, about 300 km away", "Boa Vista, the state capital, about 190 km to the south",
# "Auckland, which lies about 2,900 km to the southwest", "Boise is more than 200 miles
# west": a measure whose far end the text
# leaves to the place it named before.
FAR_END_UNSAID = (rf"{SLOT}(?:\s*,\s*(?:(?:the|an?|(?:(?-i:[A-Z])[\w.-]*|{SLOT})['\u2019]s)\s+"
                  rf"(?:{_PHRASE_WORD}\s+){{0,4}}?"
                  # "Marfa, the county seat, is about 55 miles north", "Gori, Stalin's
                  # birthplace, is about 40 miles to the north-west"
                  rf"(?:[\w'\u2019-]+)\s*,?\s+(?:(?:{LOCATION_VERB})\s+)?)?"
                  rf"(?:(?:which|that)\s+(?:{LOCATION_VERB})\s+)?"
                  # "Boise is more than 200 miles west.", "Las Cruces, N.M., is about 40 miles
                  # to the north-northwest" (a town: geo.extract_claims)
                  rf"|(?P<verb_far>\s*,?\s+(?:{LOCATION_VERB})\s+)"
                  # "Peshawar is about 45 km to the east, and Jalalabad some 70 km to the
                  # south-east": the verb left out after "and" (geo.extract_claims)
                  rf"|(?P<gapped>\s+))")
# "Erbil, some 80 km west of the city": the town the article is about, unnamed.
# "Beatrice, about 40 miles south of here": the dateline's town.
# "about 10 miles south of downtown": the town's.
REFERENCE_ANAPHOR = (rf"(?P<anaphor_ref>(?:the|this)\s+(?:{alternatives(ANAPHOR_NOUNS)})|here"
                     rf"|downtown(?!\s+(?:\x01|(?-i:[A-Z]))))\b"
                     r"(?!\s*,?\s*\x01)")
_SAYING_VERBS = rf"(?:(?:which|that)\s+)?(?:(?:{LOCATION_VERB}|just|right|also|only)\s+)*"
SUBJECT_GAP = LazyPattern(
    rf"(?:\s+{_SITE}|\s+(?:{UNIT_NOUN})(?:\s+of\s+{SLOT})?)?"
    # "Ituri district, Orientale province, in" (a unit the gazetteer may lack, with its noun)
    rf"(?:\s*,\s*(?:{SLOT}(?:\s+(?:{UNIT_NOUN}))?|(?-i:[A-Z])[\w'\u2019-]*\s+(?:{UNIT_NOUN})))*"
    # "Osh, Kyrgyzstan's second city, in the south-west of the country on"
    rf"(?:{MEASURED_FROM}{SLOT})?(?:{_APPOSITION}(?:\s*{_IN_WHERE})?|{_WHERE})?\s*,?\s*"
    rf"{_SAYING_VERBS}(?:{_NOUN_PHRASE})?{_SAYING_VERBS}",  # "Kaohsiung is a county in"
    re.IGNORECASE)
