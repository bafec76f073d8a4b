"""The words claims are made of, as regular expressions over a sentence view.

A sentence view (`geo.extract_claims.SentenceView`) has each resolved place mention replaced
by a numbered slot, "\x01N\x02", so a phrasing is written over slots and words: "is about 700
miles from the <1> border with <2>". These pieces are shared by the claim types' phrasings.
"""

from __future__ import annotations

import re

from geo.claims import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    COMPASS_16,
    JUST_UNDER,
    PLACE_NOUNS,
    PROXIMITY_WORDS,
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
# (999,999 nautical miles is still under claims.MAX_CLAIMED_KM).
NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})?|\d{1,6})(?:\.\d{1,4})?(?!\d|[.,]\d)"
UNIT = (r"nautical\s+miles?|kilomet(?:re|er)s?|km|kms|miles?|mi|metres?|meters?|m|nm|nmi|"
        r"feet|ft|yards?")
QUANTITY = (rf"(?:(?P<hedge>{HEDGE})\s+)?(?P<number>{NUMBER})[\s-]*(?P<unit>{UNIT})\b"
            r"(?:\s*\([^)]*\))?")

# The sixteen compass points, spelt out ("north-north-east", "northeast", "south west").
COMPASS_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}
DIRECTION = "(?P<direction>" + "|".join(
    r"[\s-]?".join(COMPASS_WORDS[letter] for letter in point)
    for point in sorted(COMPASS_16, key=len, reverse=True)) + ")"
# Not the second half of a garbled "north south-west of": which of the two was meant is unsaid.
AFTER_NO_COMPASS_WORD = "".join(rf"(?<!{word}[\s-])" for word in COMPASS_WORDS.values())

# "the Algerian border with Mali", "the border between Algeria and Mali", "the Algeria-Mali
# border", "Algeria's border with Mali", "the Libyan border", "the border with Libya"
BORDER = (rf"(?:the\s+)?(?:{SLOT}(?:'s)?\s+border\s+with\s+{SLOT}"
          rf"|border\s+between\s+{SLOT}\s+and\s+{SLOT}"
          rf"|{SLOT}\s*[-\u2013/]\s*{SLOT}\s+border"
          rf"|{SLOT}\s+border"
          rf"|border\s+with\s+{SLOT})")
PROXIMITY = alternatives(PROXIMITY_WORDS)
# A part of a country as an adjective: "northern", "north-eastern", and in news also "north",
# "northwest" ("in northwest China").
PART = (r"(?P<part>(?:north|south)[\s-]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
        r"|central)")
# The same as a noun: "in the north of France", "in the northern part of Congo".
PART_NOUN = (r"(?P<part_noun>(?:north|south)[\s-]?(?:east|west)|north|south|east|west|centre"
             r"|center)|(?P<part_adjective>(?:north|south)[\s-]?(?:east|west)ern|northern|southern"
             r"|eastern|western|central)\s+part")
PLACE_NOUN = r"(?:" + alternatives(PLACE_NOUNS) + r")(?:s|es)?"
# A list of places: "Benin, Ghana, Guinea, Niger, and Senegal".
LIST = rf"{SLOT}(?:\s*,\s*{SLOT})*(?:\s*,?\s+(?:and|or)\s+{SLOT})?"
