"""Parts of a country or a US state named by direction: "northern Mali", "the south-east of
Algeria", "southwest Nebraska", as the codes "N", "SE", "SW". geo.region_cuts cuts them out of
the outlines; this module only reads the words, so reading an article loads no geometry.
"""

from __future__ import annotations

import re
from functools import cache

SIDES = {"northern": "N", "southern": "S", "eastern": "E", "western": "W",
         "north": "N", "south": "S", "east": "E", "west": "W"}


PART_WORDS = {"N": "northern", "S": "southern", "E": "eastern", "W": "western",
              "NE": "north-eastern", "NW": "north-western", "SE": "south-eastern",
              "SW": "south-western", "C": "central"}


@cache
def _qualifiers() -> re.Pattern[str]:
    """"far northern", "deep south" and "north-central" are in the half that their side names.
    The qualifiers are the claim phrasings' own, read at the first part parsed: geo.claims
    imports this module."""
    from geo.claims import PHRASING_WORDS

    return re.compile(r"^(?:" + "|".join(map(re.escape, PHRASING_WORDS["part_qualifiers"]))
                      + r")\s+|(?<=\w)[\s-]central$")


def parse_part(words: str) -> str:
    """"northern" -> "N", "north-eastern" -> "NE", "central" -> "C", "far northern" -> "N",
    "north-central" -> "N"."""
    words = _qualifiers().sub("", words.strip().lower())
    if words in ("central", "centre", "center", "middle"):
        return "C"
    pieces = [p for p in words.replace("-", " ").split() if p]
    if len(pieces) == 1 and pieces[0] not in SIDES:
        for first in ("north", "south"):
            if pieces[0].startswith(first) and pieces[0][len(first):] in SIDES:
                pieces = [first, pieces[0][len(first):]]
    if not pieces or any(p not in SIDES for p in pieces) or len(pieces) > 2:
        raise ValueError(f"not a part of a country: {words!r}")
    part = "".join(SIDES[p] for p in pieces)
    if len(part) == 2 and (part[0] not in "NS" or part[1] not in "EW"):
        raise ValueError(f"not a part of a country: {words!r}")
    return part
