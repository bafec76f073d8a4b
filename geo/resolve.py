"""Mentions -> places: choose what each mention means, using the rest of the article.

A name alone ranks its candidates by the gazetteer's prior (exact names over aliases, big and
important places over villages). The article then votes: a candidate in a country the article
names, or in an admin unit it names, or near the places that are not in doubt, gains; the same
words mean the same place throughout one article. Confidence is the chosen candidate's share of
the score of the top two.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from geo.gazetteer import Candidate, normalize
from geo.mentions import UNIT_LIST_NOUNS, Mention
from geo.sphere import MEAN_EARTH_RADIUS_M, great_circle_km
from geo.units import to_km

COUNTRY_BONUS = 0.25       # the candidate lies in a country the article names
ADMIN_BONUS = 0.25         # ... in an admin-1 unit the article names ("Alexandria, Louisiana")
NEARBY_BONUS = 0.15        # ... within NEARBY_KM of a place that is not in doubt
NEARBY_KM = 400.0
CLOSE_BONUS = 0.1          # ... and more within CLOSE_KM: local news names the next town
CLOSE_KM = 100.0
SPELLED_ALIKE_RATIO = 70    # rapidfuzz's ratio: Janīn and Jenin 80, Chiapa de Corzo and Chiapas 55
HOLDING_BONUS = 0.25       # a first-level unit holds a town the article is sure of ("ATLANTA -
# needy Georgia residents": the state, not the country)
SIBLING_BONUS = 0.1        # a second-level unit in the first-level one of another named
PAIR_BONUS = 0.1           # within NEARBY_KM of a reading of another name the article is unsure of
LIST_BONUS = 0.3           # a country or first-level unit in a list of its kind
MEASURED_BONUS = 0.3       # the reading a measure to (or from) another name fits best
MEASURE_FACTOR = 3.0       # ... when it fits within this factor
HALF_THE_EARTH_KM = 20_040.0  # no two places lie farther apart
LIST_MEMBERS = 3           # a list names this many places at least
UNIT_NOUNS = frozenset(UNIT_LIST_NOUNS.values())  # "County", "Parish"
# What joins the members of a list: "Arizona, California, Oregon and Utah".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|&)\s+)", re.IGNORECASE)
ADMIN1_NEARBY_KM = 800.0
SETTLED_CONFIDENCE = 0.75  # a mention this sure of itself gives context to the others
POINT_KINDS = ("city", "airport", "facility", "admin2")
CREDIBLE_ALIAS_POPULATION = 100_000
CREDIBLE_NAME_POPULATION = 10_000


@dataclass(frozen=True)
class ResolvedMention:
    mention: Mention
    place: Candidate
    confidence: float

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


@dataclass(frozen=True)
class Place:
    """One place an article names, with every mention of it."""

    place: Candidate
    mentions: tuple[ResolvedMention, ...]
    confidence: float

    @property
    def texts(self) -> list[str]:
        return sorted({m.mention.text for m in self.mentions})


class _Context:
    def __init__(self, mentions: Sequence[Mention], text: str | None = None):
        self.countries: Counter[str] = Counter()
        self.country_votes: Counter[tuple[str, str]] = Counter()  # by (country, words)
        # For the words of each member of a list, the kinds its fellow members read as first
        # (_list_kinds): "Oregon" among twenty states is the state, not the Ohio town.
        self.list_kinds = _list_kinds(mentions, text) if text else {}
        # Each admin-1 unit named, with the words that name it. A province is often named for
        # its capital, so "Blida" is evidence for Blida the town, in Blida province; but a
        # second-level unit named like its first-level one is not what that name means, in
        # any country: "Iowa" is no evidence for Iowa County, Iowa; nor for a small town that
        # only has the unit's name as an alternate one: "Minnesota" for Minneota, Minnesota
        # (Tamanghasset, which news calls Tamanrasset, is big enough to be meant); nor for a
        # town whose own name is the unit's and a word more: who means Oklahoma City writes it.
        self.admin1: dict[tuple[str, str], set[str]] = defaultdict(set)
        # Each second-level unit named: "Walton County" is evidence for Monroe, Georgia.
        self.admin2: set[tuple[str, str | None, str]] = set()
        # The words of the second-level units each first-level unit could hold, called by a
        # unit noun: counties listed together lie in one state ("Cherokee and Forsyth
        # counties": Georgia's both), and a town is still no district ("Milton Keynes").
        self.county_words: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        for mention in mentions:
            for c in mention.candidates:
                if (c.kind == "admin2" and c.match == "name" and c.country_code
                        and c.matched_name.rpartition(" ")[2] in UNIT_NOUNS):
                    self.county_words[(c.country_code, c.admin1)].add(mention.text.casefold())
            top = mention.candidates[0]
            if top.kind == "country" and top.country_code:
                self.countries[top.country_code] += 1
                self.country_votes[(top.country_code, mention.text.casefold())] += 1
            elif top.kind == "admin1" and top.country_code:
                self.admin1[(top.country_code, top.name)].add(mention.text.casefold())
                self.countries[top.country_code] += 0  # known, without a vote
            elif top.kind == "admin2" and top.country_code:
                # Every county of the name: "Nogales, in Santa Cruz County" is Arizona's Nogales
                # even where California's Santa Cruz County is the likelier alone.
                self.admin2.update((c.country_code, c.admin1, c.name) for c in mention.candidates
                                   if c.kind == "admin2" and c.name == top.name)
        # The second-level units the towns chosen at first lie in, with the words naming the
        # towns (set by `resolve`): "Nogales" read as Arizona's is in Arizona's Santa Cruz
        # County, so that county is the one "Santa Cruz County" means.
        self.holding: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
        # The words that name each country's first-level units.
        self.admin1_words: dict[str, set[str]] = defaultdict(set)
        for (country, _), voters in self.admin1.items():
            self.admin1_words[country] |= voters
        # A country's name is evidence for the country, except where a more populous
        # first-level unit of the same name lies in a country whose other units the article
        # names: "Georgia" after "Alabama" and "Iowa" is no vote for the Caucasus.
        self.rivalled = self._rivalled(mentions)
        # The places the article is sure of, with the words that name each.
        self.settled: list[tuple[Candidate, str]] = []
        # The readings of names in doubt that lie near a reading of another such name, and
        # those close to one (_paired).
        self.paired: tuple[set[str], set[str]] = (set(), set())
        # The readings of two names a measure joins that lie near each other (_measured_near).
        self.measured_near = _measured_near(mentions, text) if text else set()
        self.located: set[str] = set()  # the country most of the settled places lie in

    def _rivalled(self, mentions: Sequence[Mention]) -> set[tuple[str, str]]:
        """(country, words) for each country named by words that also name a more populous
        first-level unit of a country whose other first-level units the article names, where
        nothing else the article names is in the country or its land neighbours. (Niger State
        is smaller than Niger: "Kano, in southern Niger" is the country, though Kano is also a
        Nigerian state; "Tbilisi, Georgia" and "Georgia, which borders Russia" are the
        country, whatever US states the article names.)"""
        rivalled = set()
        for mention in mentions:
            top, words = mention.candidates[0], mention.text.casefold()
            if top.kind == "country" and any(
                    c.kind == "admin1" and c.match == "name"
                    and (c.population or 0) > (top.population or 0)
                    and self.admin1_words.get(c.country_code, set()) - {words}
                    for c in mention.candidates[1:]) \
                    and not self._country_or_neighbour_named(mentions, top, words):
                rivalled.add((top.country_code, words))
        return rivalled

    @staticmethod
    def _country_or_neighbour_named(mentions: Sequence[Mention], country: Candidate,
                                    words: str) -> bool:
        """Whether other words of the article read first as a place in `country` or in a
        country with a land border with it."""
        from geo import base_layers  # its attribute table is small; outlines are not read

        try:
            own = base_layers.adm0_a3(country.country_code)
        except base_layers.UnknownCountry:
            return False
        near = {own} | {code for border in base_layers.borders_of(country.country_code)
                        for code in (border.a_adm0_a3, border.b_adm0_a3)}
        for mention in mentions:
            code = mention.candidates[0].country_code
            if mention.text.casefold() == words or not code:
                continue
            try:
                if base_layers.adm0_a3(code) in near:
                    return True
            except base_layers.UnknownCountry:
                continue
        return False

    def score(self, candidate: Candidate, words: str) -> float:
        """`candidate` for the mention of `words`, with what the rest of the article says."""
        score = candidate.score
        if self._country_named(candidate.country_code, words):
            score += COUNTRY_BONUS
        voters = self.admin1.get((candidate.country_code, candidate.admin1), set())
        if voters - {words} or (voters and candidate.kind != "admin2" and (
                candidate.match == "name"
                or ((candidate.population or 0) >= CREDIBLE_NAME_POPULATION
                    and not candidate.name.casefold().startswith(words + " ")
                    and _spelled_alike(candidate.name, words)))):
            score += ADMIN_BONUS
        if (candidate.admin2 is not None
                and (candidate.country_code, candidate.admin1, candidate.admin2) in self.admin2):
            score += ADMIN_BONUS
        if candidate.kind == "admin2" and self.county_words.get(
                (candidate.country_code, candidate.admin1), set()) - {words}:
            score += SIBLING_BONUS
        if candidate.kind == "admin2" and self.holding.get(
                (candidate.country_code, candidate.admin1, candidate.name), set()) - {words}:
            score += ADMIN_BONUS
        if (candidate.kind == "city" and candidate.admin2
                and (candidate.admin2.casefold() + " ").startswith(words + " ")
                and self.holding.get((candidate.country_code, candidate.admin1,
                                      candidate.admin2), set()) - {words}):
            # "EL PASO, Texas - ... deputies in Fabens": the towns of El Paso County are as
            # much evidence for the city the county is named after
            score += ADMIN_BONUS
        if self._listed_with_its_kind(candidate, words):
            score += LIST_BONUS
        if candidate.id in self.measured_near:
            score += MEASURED_BONUS
        near_pair, close_pair = self.paired
        if candidate.id in near_pair:
            score += PAIR_BONUS
            if candidate.id in close_pair:
                score += PAIR_BONUS
        near, close = self._nearby(candidate, words)
        if near:
            score += NEARBY_BONUS
            if close:  # for a first-level unit: it holds a town the article is sure of
                score += CLOSE_BONUS if candidate.kind in POINT_KINDS else HOLDING_BONUS
        return score

    def _listed_with_its_kind(self, candidate: Candidate, words: str) -> bool:
        """Whether most of the other members of a list the words stand in (two at least) read
        as places of the candidate's kind: countries, or first-level units of its country."""
        fellows = self.list_kinds.get(words)
        if not fellows or candidate.kind not in ("country", "admin1"):
            return False
        kind = _list_kind(candidate)
        return fellows[kind] >= 2 and 2 * fellows[kind] > fellows.total()

    def names_country_of(self, place: Candidate, words: str) -> bool:
        return self._country_named(place.country_code, words)

    def _country_named(self, code: str | None, words: str) -> bool:
        """Whether the article names the country, or a first-level unit in it with words other
        than `words`: "Saida" alone names Saïda province, which is no evidence that "Saida"
        means a place in Algeria. (A country's own name still counts for it.)"""
        own = self.country_votes[(code, words)] if (code, words) in self.rivalled else 0
        return (self.countries[code] > own
                or bool(self.admin1_words.get(code, set()) - {words}))

    def _nearby(self, candidate: Candidate, words: str) -> tuple[bool, bool]:
        """Whether the candidate is near a settled place (other than itself, and named by other
        words: "Winona" settled as the town is no evidence for Winona County), and whether it is
        within CLOSE_KM of one (a state: holds one). Near is within NEARBY_KM; for a state,
        holding the place, or within ADMIN1_NEARBY_KM of its point, which lies hundreds of km
        from its towns in a big state. A settled place further north or south than that
        reach is passed over without measuring: no great circle is shorter than the meridian
        between them."""
        is_state = candidate.kind == "admin1"
        reach = ADMIN1_NEARBY_KM if is_state else NEARBY_KM
        near = close = False
        for other, named_by in self.settled:
            if other.id == candidate.id or named_by == words:
                continue
            if (is_state and (other.country_code, other.admin1) == (candidate.country_code,
                                                                    candidate.name)) or (
                    candidate.kind == "country" and other.country_code == candidate.country_code):
                # "BRAZZAVILLE - Congo said": the country that holds a town the article is
                # sure of
                near = close = True
                break
            if _meridian_km(candidate.lat, other.lat) > reach:
                continue
            km = great_circle_km(candidate.lat, candidate.lon, other.lat, other.lon)
            near = near or km <= reach
            close = close or (km <= CLOSE_KM and not is_state)
            if near and close:
                break
        return near, close

    def close_to_settled(self, place: Candidate) -> bool:
        """Within CLOSE_KM of a town the article is sure of (other than itself)."""
        return any(other.id != place.id and _meridian_km(place.lat, other.lat) <= CLOSE_KM
                   and great_circle_km(place.lat, place.lon, other.lat, other.lon) <= CLOSE_KM
                   for other, _ in self.settled)


def _paired(unsure: Sequence[Mention]) -> tuple[set[str], set[str]]:
    """The ids of the readings of names in doubt that lie within NEARBY_KM of a reading of
    another, and those within CLOSE_KM of one: "Bangor ... Portland" are the two in Maine, not
    Northern Ireland's and Oregon's; "Concord ... Manchester" the two in New Hampshire.
    Only towns a writer could mean count (CREDIBLE_NAME_POPULATION, or a second-level unit
    called by its full name, whose population only sums its towns'), so that hamlets do not
    pair; only by their own names ("Kaliningrad" was Korolev's, near Moscow); and only for
    the names of towns: "California" is the state before the Maryland town near Washington.
    The readings are swept in order of latitude, each measured against those within
    NEARBY_KM of it north to south."""
    towns = [m for m in unsure if m.candidates[0].kind in POINT_KINDS]
    points = sorted((c.lat, c.lon, c.id, m.text.casefold()) for m in towns for c in m.candidates
                    if c.kind in POINT_KINDS and c.lat is not None and c.match == "name"
                    and ((c.population or 0) >= CREDIBLE_NAME_POPULATION or c.kind == "admin2"))
    reach = math.degrees(NEARBY_KM * 1000 / MEAN_EARTH_RADIUS_M)
    near, close = set(), set()
    for k, (lat, lon, place_id, words) in enumerate(points):
        for other_lat, other_lon, other_id, other_words in points[k + 1:]:
            if other_lat - lat > reach:
                break
            if other_words == words:
                continue
            km = great_circle_km(lat, lon, other_lat, other_lon)
            if km <= NEARBY_KM:
                near.update((place_id, other_id))
                if km <= CLOSE_KM:
                    close.update((place_id, other_id))
    return near, close


# What a measure between two names says after the first: ", about 30 miles west of", " is 12
# km from", ", or 8 miles NNW of" (geo.mentions reads the same to keep such names as places).
_MEASURE_BETWEEN = re.compile(
    r"[ \t]*(?:,[ \t]*(?:or[ \t]+)?|[ \t]+(?:is|lies|sits)[ \t]+)(?:[a-z]+[ \t]+)?"
    r"(?P<number>\d[\d,]*(?:\.\d+)?)[ \t]*-?[ \t]*"
    r"(?P<unit>miles?|mi|kilomet(?:re|er)s?|km)[ \t]+"
    r"(?:(?:north|south|east|west)[\w-]*[ \t]+|(?-i:[NSEW]{1,3})[ \t]+)?(?:of|from)[ \t]+"
    r"(?:the[ \t]+|downtown[ \t]+)?\Z", re.IGNORECASE)


def _measured_near(mentions: Sequence[Mention], text: str) -> set[str]:
    """The ids of the town readings of two names a measure joins ("Williams, 30 miles west of
    Flagstaff") that lie apart most nearly as the measure says, within a factor of
    MEASURE_FACTOR: the Williams and the Flagstaff of Arizona, 49 km apart, not Williams,
    California, 900 km from Flagstaff. A writer may err; not often threefold."""
    near = set()
    for first, second in itertools.pairwise(mentions):
        measure = _MEASURE_BETWEEN.fullmatch(text, first.end, second.start)
        if measure is None:
            continue
        claimed = to_km(float(measure["number"].replace(",", "")), measure["unit"])
        if not 0 < claimed <= HALF_THE_EARTH_KM:  # "0 miles from", "10,000,000 km from"
            continue
        pairs = [(abs(math.log(max(km, 0.1) / claimed)), a.id, b.id)
                 for a in first.candidates if a.lat is not None and a.kind == "city"
                 for b in second.candidates if b.lat is not None and b.kind == "city"
                 for km in [great_circle_km(a.lat, a.lon, b.lat, b.lon)]]
        best = min(pairs, default=None)
        if best is not None and best[0] <= math.log(MEASURE_FACTOR):
            near.update(best[1:])
    return near


def _list_kind(place: Candidate) -> tuple[str, str | None]:
    return (place.kind, place.country_code if place.kind == "admin1" else None)


def _list_kinds(mentions: Sequence[Mention], text: str) -> dict[str, Counter]:
    """For the words of each mention in a list of LIST_MEMBERS places or more (mentions joined
    by commas and "and"), the kinds of place the list's other members read as at first."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    run: list[Mention] = []
    for mention in [*mentions, None]:
        if mention is not None and run and _LIST_GAP.fullmatch(text, run[-1].end,
                                                              mention.start):
            run.append(mention)
            continue
        if len(run) >= LIST_MEMBERS:
            # the run's kinds counted once, each member's own taken off: linear in the list
            every = Counter(_list_kind(member.candidates[0]) for member in run)
            for member in run:
                fellows = kinds[member.text.casefold()]
                fellows.update(every)
                fellows.subtract([_list_kind(member.candidates[0])])
        run = [mention] if mention is not None else []
    return kinds


def _meridian_km(lat_a: float, lat_b: float) -> float:
    """The distance along a meridian between two latitudes on the sphere great_circle_km
    measures on, less a micrometre for rounding: never more than the great circle."""
    return math.radians(abs(lat_a - lat_b)) * MEAN_EARTH_RADIUS_M / 1000 - 1e-9


def _without_namesakes(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates less the small namesakes of a first-level unit that the words name:
    "Texas" is not Texas County, Oklahoma (which "Texas County" names), nor "Kansas" the
    village of Kansas, Oklahoma, however often the article names Oklahoma; and less the admin
    units named like the country the words name: "Mexico" is not the State of México."""
    countries = {c.country_code for c in candidates if c.kind == "country" and c.match == "name"}
    units = {c.country_code for c in candidates if c.kind == "admin1" and c.match == "name"}
    if not units and not countries:
        return list(candidates)
    return [c for c in candidates
            if not (c.country_code in countries and c.kind in ("admin1", "admin2"))
            and not (c.country_code in countries | units and c.match == "alias"
                     and c.name.casefold().startswith(c.matched_name.casefold() + " "))
            and (c.country_code not in units or c.kind not in POINT_KINDS
                 or (c.kind != "admin2" and (c.population or 0) >= CREDIBLE_NAME_POPULATION))]


def _spelled_alike(name: str, words: str) -> bool:
    """"Janīn" and "Jenin", "Minya" and "Al-Minya": a town's name and a unit's, spelled
    another way (not "Chiapa de Corzo", which "Chiapas" is only an old name of)."""
    from rapidfuzz import fuzz  # loaded at the first such vote, not at start-up

    return fuzz.ratio(normalize(name), normalize(words)) >= SPELLED_ALIKE_RATIO


def _choose(mention: Mention, context: _Context) -> ResolvedMention:
    # Equal scores go to the bigger place: "American" means the US before the Marianas; then
    # to a town before the district of its name and size (Brazil's municipalities: "Recife").
    words = mention.text.casefold()
    scored = sorted(((-context.score(c, words), -(c.population or 0), c.kind != "city", c.id, c)
                     for c in _without_namesakes(mention.candidates)), key=lambda t: t[:4])
    best_score, best = -scored[0][0], scored[0][-1]
    runner_up = -scored[1][0] if len(scored) > 1 else 0.0
    confidence = best_score / (best_score + runner_up) if best_score > 0 else 0.0
    return ResolvedMention(mention, best, round(confidence, 3))


def _credible(item: ResolvedMention, context: _Context) -> bool:
    """A small place in a country the article never names is a coincidence, not a mention:
    "Cobra" (the British emergency committee) is an alternate name of a Philippine town, and
    "Darfur" in a story about Sudan is not the hamlet in Minnesota. Unless it lies close to a
    town the article is sure of: "Mansfield" beside "Shreveport". An alternate name needs that
    evidence even where the article names no country at all: "Titan" (a drilling company) is
    an Afghan village's, "Gale" (a sergeant) Galle's."""
    place = item.place
    if item.mention.how == "code":  # "CNN" is Angola's Cunene province only in news of Angola
        return context.names_country_of(place, item.mention.text.casefold())
    # Places curated into the supplement are there because the news names them.
    if place.kind not in POINT_KINDS or place.source.startswith("supplement"):
        return True
    if context.close_to_settled(place):
        return True
    # Local news seldom names its country; the country of the towns it is sure of stands in.
    known = set(context.countries) or context.located
    named = place.country_code in known
    if item.mention.how == "alias":
        return named or (place.population or 0) >= CREDIBLE_ALIAS_POPULATION
    return not known or named or (place.population or 0) >= CREDIBLE_NAME_POPULATION


def _with_full_names(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """"Congo" in an article that names "the Democratic Republic of (the) Congo" is that
    country: a country's alias ("Congo" is the Republic of the Congo's) may also be the short
    form of another country the article names in more words, and then it is read as that one
    first, as an alias of it."""
    countries = {m.text.casefold(): m.candidates[0] for m in mentions
                 if m.how in ("name", "alias") and m.candidates[0].kind == "country"}
    if len(countries) < 2:
        return mentions
    read = []
    for mention in mentions:
        top = mention.candidates[0]
        if mention.how == "alias" and top.kind == "country":
            words = re.compile(rf"\b{re.escape(mention.text)}\b", re.IGNORECASE)
            fuller = {country.id: country for written, country in countries.items()
                      if country.id != top.id and len(written) > len(mention.text)
                      and words.search(written)}
            if len(fuller) == 1:
                [country] = fuller.values()
                reading = dataclasses.replace(country, match="alias",
                                              matched_name=mention.text)
                mention = dataclasses.replace(mention, candidates=(reading, *mention.candidates))
        read.append(mention)
    return read


# Between a town and the unit that says where it is: "Blaine, Washington", "Spokane, in
# western Washington", "Colby, in rural northwest Kansas".
_COMMA = re.compile(r"[ \t]*,[ \t]*(?:in[ \t]+(?:[a-z-]+[ \t]+){0,2})?")


def _with_units_after_towns(mentions: Sequence[Mention], text: str) -> Sequence[Mention]:
    """"Blaine, Washington", "Spokane, in western Washington": a name right after a town's,
    with a comma between, that names the first-level unit one of the town's namesakes is in,
    is that unit, and so votes for that town, whatever else the name means (the capital of the
    United States)."""
    read, unknown, pinned, qualified = list(mentions), set(), {}, set()
    for i in range(1, len(read)):
        town, unit = read[i - 1], read[i]
        between = _COMMA.fullmatch(text, town.end, unit.start)
        if not between:
            continue
        top = unit.candidates[0]
        if top.kind in ("admin1", "country"):
            qualified.add(i - 1)
            if town.candidates[0].kind != "city" or not (
                    town.dateline or "in" in between.group().split()):
                continue  # "Oregon, Washington, Pennsylvania": a list, maybe of units
            # "Toluca, in central Mexico" is the country, not the State of México; and
            # "Wilmington, in southern Vermont" the town in it, not New York's
            inside = tuple(c for c in town.candidates if c.kind == "city"
                           and c.country_code == top.country_code
                           and (top.kind == "country" or c.admin1 == top.name))
            if inside and inside != town.candidates:
                read[i - 1] = dataclasses.replace(town, candidates=inside)
                if town.dateline:  # "SWEET GRASS, Mont. - ... at Sweet Grass": Montana's
                    pinned[town.text.casefold()] = inside
            if town.dateline:
                # "NIAGARA FALLS, Ontario -": the province, whatever the article's other
                # names favour (Ontario, New York); "EMERSON, Manitoba -", a town the gazetteer
                # lacks there, is none of its namesakes elsewhere (Emerson, New Jersey)
                read[i] = dataclasses.replace(unit, candidates=(top,))
                if not inside:
                    unknown.add(i - 1)
            continue
        held = {c.admin1 for c in town.candidates if c.kind == "city" and c.admin1}
        units = [c for c in unit.candidates if c.kind == "admin1" and c.name in held]
        if units:
            read[i] = dataclasses.replace(unit, candidates=(units[0],))
    # the town's name later in the article is that town too, or that unknown town
    unknown_words = {read[i].text.casefold() for i in unknown}
    # (not where its own unit follows it: "PORTLAND, Maine - ... Portland, Ore.")
    return [dataclasses.replace(mention, candidates=pinned[mention.text.casefold()])
            if mention.text.casefold() in pinned and mention.kind_said is None
            and i not in qualified else mention
            for i, mention in enumerate(read) if mention.text.casefold() not in unknown_words]


def _towns_of_datelines(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """"MISSOULA, Mont. - ... south of Missoula ... the Ravalli County Fairgrounds": a report is
    filed from a town, so the words of its dateline are no county named after it, which the
    other counties named would favour, anywhere in the article; unless other words say it is a
    unit. (A state or country of its name stays: "WASHINGTON (AP) - ... Olympia, Washington".)"""
    towns = {m.text.casefold() for m in mentions
             if m.dateline and any(c.kind == "city" for c in m.candidates)}
    if not towns:
        return mentions
    return [dataclasses.replace(m, candidates=tuple(c for c in m.candidates
                                                    if c.kind != "admin2"))
            if m.text.casefold() in towns and m.kind_said is None
            and any(c.kind == "city" for c in m.candidates) else m
            for m in mentions]


def resolve(mentions: Sequence[Mention], text: str | None = None) -> list[ResolvedMention]:
    """Choose a place for every mention, in text order; drop the ones that are not credible.
    `text`, the article the mentions are in, tells which of them stand in one list."""
    mentions = _towns_of_datelines(_with_full_names(mentions))
    if text is not None:
        mentions = _with_units_after_towns(mentions, text)
    context = _Context(mentions, text)
    # Mentions with the same words and candidates are chosen once: a long article repeats them.
    distinct = list({(m.text.casefold(), m.how, m.kind_said): m for m in mentions}.values())
    first = [_choose(m, context) for m in distinct]
    # Only sure points give "nearby" votes: a country's point is nowhere in particular. The town
    # a report is filed from is where it is, whatever other towns share its name.
    datelines = {(m.text.casefold(), m.how) for m in mentions if m.dateline}
    context.settled = list({r.place.id: (r.place, r.mention.text.casefold()) for r in first
                            if (r.confidence >= SETTLED_CONFIDENCE
                                or (r.mention.text.casefold(), r.mention.how) in datelines)
                            and r.place.kind in POINT_KINDS}.values())
    for r in first:
        if r.place.kind in POINT_KINDS and r.place.admin2 and r.place.country_code:
            context.holding[(r.place.country_code, r.place.admin1, r.place.admin2)].add(
                r.mention.text.casefold())
    context.paired = _paired([r.mention for r in first if r.confidence < SETTLED_CONFIDENCE])
    # Two sure towns at least, so that no town vouches for itself.
    located = Counter(p.country_code for p, _ in context.settled if p.country_code).most_common(2)
    if located and located[0][1] >= 2 and (len(located) == 1 or located[0][1] > located[1][1]):
        context.located = {located[0][0]}
    by_words: dict[tuple, list[ResolvedMention]] = defaultdict(list)
    for mention in distinct:
        by_words[mention.text.casefold(), mention.kind_said].append(_choose(mention, context))
    # One sense per article: every mention of the same words gets the surest reading of them,
    # unless the words around one say it is another kind of place ("the city of Kandahar" and
    # "Kandahar province").
    surest = {words: max(options, key=lambda r: (r.confidence, r.place.score))
              for words, options in by_words.items()}
    chosen = [ResolvedMention(m, surest[m.text.casefold(), m.kind_said].place,
                              surest[m.text.casefold(), m.kind_said].confidence)
              for m in mentions]
    return [item for item in chosen if _credible(item, context)]


def places(resolved: Sequence[ResolvedMention]) -> list[Place]:
    """The distinct places, in order of first mention."""
    grouped: dict[str, list[ResolvedMention]] = {}
    for item in resolved:
        grouped.setdefault(item.place.id, []).append(item)
    return [Place(items[0].place, tuple(items), max(i.confidence for i in items))
            for items in grouped.values()]
