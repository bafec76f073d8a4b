"""Places -> the focus: where the incident happened.

Two steps, each a reader's habit. First the place the article is about: the one it names most,
a mention near the words of an event counting three times, a town before a province before a
country. Then down from there to the most specific place inside it that the lede names: news
says where in its first sentences and how big the story is afterwards, so "bird flu in a duck
near Lyon ... France" happened at Lyon though France is named four times, and "Vermont's first
case, in Brattleboro, Vermont" at Brattleboro.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from geo.extract_claims import iter_sentences
from geo.gazetteer import Candidate
from geo.resolve import Place

# Words that mark where an incident happened: "the target of the attack, Ain Amenas".
EVENT_WORDS = ("attack", "raid", "target", "hostage", "siege", "explosion", "blast", "killed",
               "bomb", "shooting", "gunmen", "fire", "crash", "clash", "standoff", "fighting",
               "strike", "assault", "earthquake", "flood", "struck", "occupied", "seized")
EVENT_REACH = 80  # characters either side of a mention
# Every position where an event word starts (a lookahead, so that overlapping words are all
# found), the shortest first.
_EVENT_WORD = re.compile("(?=(" + "|".join(sorted(EVENT_WORDS, key=len)) + "))")
FOCUS_KINDS = ("facility", "city", "airport", "admin2", "admin1", "country")
LEDE_SENTENCES = 2  # a headline and the first sentence, or the first two sentences


def focus(found: Sequence[Place], text: str) -> Place | None:
    """The place the incident happened at, or None when the article names none."""
    if not found:
        return None
    # Where each event word starts in the text, and where it ends: at each start the shortest
    # word found, as a word inside a window is what counts and a shorter one fits sooner.
    lowered = text.casefold()
    event_at = [(match.start(), match.end(1)) for match in _EVENT_WORD.finditer(lowered)]
    event_starts = [start for start, _ in event_at]

    def has_event_word(start: int, end: int) -> bool:
        """Whether an event word lies wholly within lowered[start:end]."""
        at = bisect.bisect_left(event_starts, start)
        while at < len(event_at) and event_at[at][0] < end:
            if event_at[at][1] <= end:
                return True
            at += 1
        return False

    def weight(place: Place) -> tuple:
        near_event = sum(has_event_word(max(0, m.start - EVENT_REACH), m.end + EVENT_REACH)
                         for m in place.mentions)
        votes = len(place.mentions) + 2 * near_event
        first = min(m.start for m in place.mentions)
        return (_specificity(place) > 1 and votes >= 2, votes * _specificity(place), -first)

    about = max(found, key=weight)
    lede = list(itertools.islice(iter_sentences(text), LEDE_SENTENCES))
    lede_end = lede[-1].end if lede else 0
    while True:
        inner = [place for place in found
                 if _specificity(place) > _specificity(about)
                 and _inside(place.place, about.place)
                 and min(m.start for m in place.mentions) < lede_end]
        if not inner:
            return about
        about = max(inner, key=weight)


def _specificity(place: Place) -> int:
    kind = place.place.kind
    return len(FOCUS_KINDS) - FOCUS_KINDS.index(kind) if kind in FOCUS_KINDS else 0


def _inside(inner: Candidate, outer: Candidate) -> bool:
    """By the gazetteer's labels: a town's country, admin-1 and admin-2 names."""
    if inner.country_code != outer.country_code or inner.country_code is None:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1":
        return inner.admin1 == outer.name
    if outer.kind == "admin2":
        return inner.admin2 == outer.name
    return False
