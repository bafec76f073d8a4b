"""Containment: "Timbuktu in northern Mali", "Belgrade in central Minnesota", "Jalalabad, in
Nangarhar province", "the Syrian town of Kilis", "Fargo, across the river in North Dakota",
and "the airport in Amenas".

A region ("northern Mali") is cut from the country's 1:10m polygon (a US state's from the
Census Bureau's lines) at the parallel or meridian that halves its area (geo.regions); the
claim allows the region's vagueness (10 % of the whole's scale) beyond the cut. A town is a
point here, and "in" a town reaches its outskirts and the airport serving it: 10 km, or three
times the town's own radius if that is larger. An admin unit with no outline (outside the US)
holds a place when the gazetteer's codes put the place in it: membership, not a measurement.
A whole country holds a place inside its polygon (`_in_a_country` says when outside is not
wrong).
"""

from __future__ import annotations

import dataclasses
import math
import re

from geo import admin_areas, base_layers
from geo.claim_types.grammar import (
    A_PLACE_CALLED,
    HEDGE,
    LIST,
    LOCATION_VERB,
    NOT_IN_A_NOUN_PHRASE,
    PART,
    PART_NOUN,
    PART_QUALIFIER,
    PART_WORD,
    PART_WORDS,
    PLACE_NOUN,
    PLACE_NOUNS,
    SLOT,
    UNIT,
    UNIT_NOUN,
    LazyPattern,
    alternatives,
    named_slot,
)
from geo.claims import ANAPHOR_NOUNS, PHRASING_WORDS, Claim, Relation, Tolerance
from geo.measure import Measurement, distance_to
from geo.regions import parse_part
from geo.targets import (
    AREAS,
    AdminAreaTarget,
    AdminUnitTarget,
    CountryTarget,
    PointTarget,
    RegionTarget,
    UnlocatedTarget,
    country_of,
    is_county,
    scale_km,
    unit_key_parts,
    unit_target,
    units_holding,
)
from geo.verdicts import Status, Verdict, status_of, within

RELATION = Relation.CONTAINMENT
TOWN_REACH_KM = 10.0
# "Timbuktu in northern Mali", "Lyon in the east of France", "in the northern part of Congo",
# "Arica, in Chile's north", "Kashgar, in China's far west" (not "in California's oil fields
# north of Los Angeles"), "Gwadar, a port in the country's south-west", "Darwin, on
# Australia's northern coast", "Ushuaia, at the southern tip of Argentina": the subject is the
# place named before.
_PART_ALONE = r"(?:north|south)[\s-]?(?:east|west)|north|south|east|west|centre|center"
_EDGE = r"(?:coast|tip|edge|shore|end|side)"  # "Mendota, on the west side of Fresno County"
# The subject's own country ("in the north of the kingdom") or US state ("the state's south").
# Not "republic" nor "nation": "Mirny, in the west of the republic" (Yakutia's), "in the
# northeastern corner of the nation" (the Navajo Nation's) name units of a country.
# "Rantoul, in the northern part of the county": the county the article is about.
_OWN_AREA = r"country|state|kingdom|county|parish"
IN_REGION_PATTERN = LazyPattern(
    rf"\bin\s+(?:{PART}\s+{named_slot('country')}"
    rf"|the\s+(?:(?:{PART_QUALIFIER})\s+)?(?:{PART_NOUN})(?:\s+corner)?\s+of\s+(?:the\s+)?"
    rf"(?:{named_slot('country_after_noun')}|(?P<own_of>{_OWN_AREA})\b)"
    rf"|(?:{named_slot('owner')}|the\s+(?P<own>{_OWN_AREA}))['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?-i:(?P<part_owned>(?:{_PART_ALONE})(?:ern(?=\s+(?:corner|part)\b))?)\b"
    rf"(?!\s+[A-Z]|\s+of\b)))"
    rf"|\b(?:on|along|at)\s+(?:{named_slot('coast_owner')}['\u2019]s\s+(?P<coast_part>{PART_WORDS})"
    rf"\s+{_EDGE}\b|the\s+(?P<edge_part>{PART_WORDS})\s+{_EDGE}\s+of\s+"
    rf"(?:{named_slot('edge_country')}|the\s+(?P<own_edge>{_OWN_AREA})\b))",
    re.IGNORECASE)
# "in central Denmark, in a town called Låsby": with no place before, the place the words go on
# to name, if they say it is a place ("in Copenhagen and in Malmo" may be a list of others).
SUBJECT_AFTER_PATTERN = LazyPattern(
    rf"\s*,\s*(?:in|at)\s+{A_PLACE_CALLED}{named_slot('subject')}", re.IGNORECASE)
# "In China's far east, Kashgar reported new cases": a part said before its place, opening the
# sentence (after a dateline perhaps).
_DATELINE_BEFORE = re.compile(rf"\A\s*{SLOT}(?:\s*,\s*{SLOT})?(?:\s*\([^()]*\))?\s*"
                              r"(?:--|[\u2014\u2013-])")
# "At the southern tip of Texas, this city is linked to Matamoros": the dateline's town.
OPENING_PART_SUBJECT_PATTERN = LazyPattern(
    rf"\s*,\s*(?:{named_slot('subject')}|(?P<this>this\s+(?:[\w-]+\s+)?"
    rf"(?:{alternatives(ANAPHOR_NOUNS)})))(?=\s+(?-i:[a-z]))", re.IGNORECASE)
# "In Euclid, in the northeast", "Edo state in the south": a part of the state or country the
# article is about, left unsaid.
IMPLIED_PART_PATTERN = LazyPattern(
    rf"{named_slot('place')}(?:\s+(?:{UNIT_NOUN}))?"
    # "Mitrovica, the divided city in the north"
    rf"(?:\s*,\s*(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}?{PLACE_NOUN})?"
    rf"\s*,?\s+(?:in\s+the\s+(?P<far>far\s+)?"
    rf"(?P<part_alone>{_PART_ALONE})\b(?!\s+(?:of|part)\b|-|\s*[A-Z]))", re.IGNORECASE)
# How far outside a quarter ("north-western") a place in one of its two halves may lie, as a
# share of the country's (or state's) scale, and be in doubt rather than wrong. Conventional
# quarters of irregular countries lie that far from the cut ones: Peshawar is 0.26 of
# Pakistan's scale outside its north-western quarter, Quetta 0.30 outside the south-western,
# Gao 0.19 outside Mali's north-eastern; a wrong quarter lies farther (Kidal in "north-western
# Mali" 0.49, Sioux Falls in "southwestern South Dakota" 0.63, Kashgar in "north-eastern
# China" 0.79).
QUARTER_VAGUENESS_SHARE = 0.4
# A city has parts of its own: "Chicago, in the south" is the South Side, not southern Illinois;
# and abroad "Peshawar, in the northwest" is the country's northwest as its readers know it,
# which the halves of geo.region_cuts do not always hold (in doubt, so never inconsistent).
CITY_WITH_PARTS_POPULATION = 100_000
# "in Beijing, in Hubei province, and in Shanghai": the places of a list, each in its own.
LIST_GOES_ON = re.compile(rf"\s*,?\s*(?:and|or)\s+(?:in\s+)?{SLOT}", re.IGNORECASE)
# "the northern town of Calais", "the northern Nigerian state of Zamfara", "the eastern states
# of Saxony-Anhalt and Thuringia", "India's northern state of Uttar Pradesh": the country is
# the one named before the part, or among the words before the noun, or else the subject's own.
THE_PART_PLACE_PATTERN = LazyPattern(
    rf"(?:{named_slot('owner')}['\u2019]s\s+|\bthe\s+){PART}"
    rf"(?P<between>(?:\s+(?:{SLOT}|[a-z]+)){{0,2}}?)\s+(?P<noun>{PLACE_NOUN})\s+of\s+"
    rf"(?P<places>{LIST})",
    re.IGNORECASE)
# "the Syrian town of Kilis", "Dongxing, the Chinese town across the river", "Kilis, a Turkish
# town near": the place in the country its nation's word names.
NATION_PLACE_PATTERN = LazyPattern(
    rf"\bthe\s+{named_slot('nation')}\s+(?P<noun>{PLACE_NOUN})\s+of\s+(?P<places>{LIST})"
    rf"(?!\s+{PLACE_NOUN}\b)"  # "of Aleppo and the Turkish town of Kilis": two claims
    rf"|{named_slot('place')}\s*,\s*(?:an?|the)\s+{named_slot('nation_after')}\s+"
    rf"(?P<noun_after>{PLACE_NOUN})\b(?!\s+of\b)", re.IGNORECASE)
_A_UNIT_NOUN = re.compile(rf"(?:{UNIT_NOUN})s?", re.IGNORECASE)
# "the Jiangsu province of eastern China", "Helmand province of southwestern Afghanistan",
# "Artibonite, a rural region of central Haiti", "western Iran's Kermanshah province".
PLACE_OF_PART_PATTERN = LazyPattern(
    rf"{named_slot('place')}(?:\s+{PLACE_NOUN}|\s*,\s*(?:an?|the)\s+(?:(?-i:[a-z][\w-]*)\s+){{0,3}}?"
    rf"{PLACE_NOUN})?\s+of\s+{PART}\s+{named_slot('country')}"
    rf"|{PART.replace('?P<part>', '?P<part_before>')}\s+{named_slot('owner')}['\u2019]s\s+"
    rf"{named_slot('owned')}(?:\s+{PLACE_NOUN})?\b", re.IGNORECASE)
AIRPORT_PATTERN = LazyPattern(
    rf"\bairport\s+(?:in|at|of|near|outside|serving)\s+{SLOT}|{SLOT}(?:'s)?\s+airport\b",
    re.IGNORECASE)
# A part of a country (PART; PART_NOUN adds centre and center) or an airport.
# "Jalalabad, in Nangarhar province", "Sukkur in the Sindh province", "Kano, in the state of
# Kano", "Ciocile in the Romanian county of Braila", "Belgrade in Gallatin County" (a unit the
# recogniser read with its noun).
# The unit itself: "Nangarhar province", "the province of Nangarhar", "the Romanian county of
# Braila", "the southwestern province of Sichuan", "Gallatin County".
# "the Nangarhar province of Afghanistan": the unit before the noun, its country after.
UNIT_NAMED = (rf"(?:the\s+)?(?:(?:(?:{named_slot('before_noun')}|{PART_WORDS})\s+)?"
              rf"(?P<noun_before>{UNIT_NOUN})\s+of\s+{named_slot('unit_after')}"
              rf"|{named_slot('unit')}(?:\s+(?P<noun>{UNIT_NOUN})\b)?)")
# Whose the unit is, or which part of it: "Pakistan's", "western".
_OWNER = rf"(?:(?:{named_slot('owner')}['\u2019]s|{PART_WORDS})\s+){{0,2}}"
# "Fargo, across the river in North Dakota", "Phenix City, across the Chattahoochee in
# Alabama": what a place lies across says nothing of where it is, but that it is in the state
# or country named after it, not the one the text is in.
_ACROSS = (rf"(?P<across>(?:(?:just\s+)?across|on\s+the\s+other\s+side\s+of)\s+the\s+"
           rf"(?:(?:(?!in\b)[\w'\u2019.-]+|{SLOT})\s+){{1,3}}?)")
IN_UNIT_PATTERN = LazyPattern(
    rf"{named_slot('place')}\s*,?\s+(?:(?:which\s+)?(?:{LOCATION_VERB})\s+)?(?:{_ACROSS})?"
    # "Clinton, in adjacent Macon County": a neighbour of the county the text is about
    rf"in\s+(?:(?:adjacent|adjoining|neighbou?ring|nearby)\s+)?{_OWNER}(?:{UNIT_NAMED})",
    re.IGNORECASE)
# The same said in an apposition: "Mayfield, a city of about 10,000 in Graves County", "Spin
# Boldak, a town in Kandahar province", "Charikar, the capital of Parwan province", "Chengdu,
# capital of the southwestern province of Sichuan", "McCook, the seat of Red Willow County",
# "Scranton, the Lackawanna County seat", "Paradise, a Butte County town", "Acton, a Kern County
# community". Before the unit, an
# apposition holds words and numbers only (no place, no comma but in a number), none of which
# makes a clause or puts the unit on something else (words.toml: clause_words,
# apposition_stops).
_APPOSITION_WORDS = (rf"(?:(?!(?:{NOT_IN_A_NOUN_PHRASE})\b)(?:[^\W\d_][\w'\u2019-]*|\d[\d,.]*)"
                     rf"\s+){{0,6}}?")
UNIT_APPOSITION_PATTERNS = tuple(LazyPattern(
    rf"{named_slot('place')}\s*,\s*(?:{pattern})", re.IGNORECASE) for pattern in (
        rf"an?\s+{_APPOSITION_WORDS}in\s+{_OWNER}(?:{UNIT_NAMED})",
        rf"(?:the\s+)?(?P<capital>(?:provincial\s+|state\s+|regional\s+)?capital)\s+of\s+"
        rf"{_OWNER}(?:{UNIT_NAMED})",
        rf"the\s+(?:county\s+)?seat\s+of\s+(?:{UNIT_NAMED})",
        rf"the\s+{named_slot('unit')}\s+seat\b",
        rf"(?:an?|another|the)\s+{named_slot('unit')}\s+(?:{PLACE_NOUN}|community)\b",
        # "Galena, on the Kansas side of the state line": what a place lies across
        rf"(?P<across>(?:just\s+)?on\s+the)\s+{named_slot('unit')}\s+side\s+of\b",
        # "Owego, about 20 miles away in Tioga County": the place measured, in the unit
        rf"(?:(?:{HEDGE}|just|only)\s+)?(?:[\w.,/]{{1,20}}[\s-]+){{1,2}}?(?:{UNIT})\s+"
        rf"(?:away|(?:to\s+the\s+)?{PART_WORDS})\s*,?\s+in\s+{_OWNER}(?:{UNIT_NAMED})"))
# "Franklin, the county seat": of the county named before, else the article's.
COUNTY_SEAT_PATTERN = LazyPattern(
    rf"{named_slot('place')}\s*,\s*the\s+county\s+seat\b(?!\s+of\b)", re.IGNORECASE)
# "Port Harcourt, the southern oil hub", "Dajabón, a northwestern town": in that part of the
# country (or US state) the article is about.
HOME_PART_APPOSITION_PATTERN = LazyPattern(
    rf"{named_slot('place')}\s*,\s*(?:the|an?)\s+(?P<part>{PART_WORDS})\s+"
    rf"(?:(?-i:[a-z-]+)\s+){{0,2}}?(?:{PLACE_NOUN}|hub)\b(?!\s+of\b)", re.IGNORECASE)
# "this Louisa County town of 470", "this town of 1,100 in Fremont County": the same of the town
# the article is about (its focus).
THIS_TOWN_IN_A_UNIT_PATTERNS = tuple(LazyPattern(
    rf"\b(?P<anaphor>this\s+(?:(?-i:[a-z-]+)\s+)?{pattern})", re.IGNORECASE) for pattern in (
        # "this Clark County ranching community", "this Harney County seat"
        rf"{named_slot('unit')}\s+(?:(?-i:[a-z-]+)\s+)?(?:town|city|village|community|seat)\b",
        rf"(?:town|city|village|community)\s+(?:of\s+(?:about\s+|some\s+)?[\d,.]+\s+"
        rf"(?:(?:people|residents)\s+)?)?in\s+{UNIT_NAMED}"))
# "this northeastern Nevada town", "This southeastern Ohio river town", "Athens, the
# northeastern Ohio college town": the town the article is about ("this": its focus, as
# THIS_TOWN_IN_A_UNIT_PATTERNS read it), or the place before, in that part of the state or
# country.
PART_OF_AN_AREA_TOWN_PATTERN = LazyPattern(
    # "across the south Mississippi city": the same as "this"
    rf"(?:\b(?P<this>this|(?<![,\x02]\s)the)|{named_slot('place')}\s*,\s*(?:the|an?))\s+{PART}\s+"
    rf"{named_slot('owner')}\s+(?:(?-i:[a-z]+)\s+){{0,2}}?(?:{PLACE_NOUN}|community)\b",
    re.IGNORECASE)
# "The plane crashed 30 miles northwest of Denver, in Boulder County", "near Siesta Key, south
# of Tampa, in Sarasota County": the unit holds what was measured from the place, or put on a
# side of it, not the place.
MEASURED_TO_PLACE = LazyPattern(
    rf"\b(?:(?:{UNIT})\s+(?:[\w-]+\s+){{0,3}}?|(?:north|south|east|west)[\w-]*\s+)"
    rf"(?:of|from)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,2}}?\Z", re.IGNORECASE)
_MEASURED_REACH = 60
_ENDS_WITH_UNIT_NOUN = re.compile(rf"\b(?:{UNIT_NOUN})\Z", re.IGNORECASE)
TRIGGER = re.compile(f"{PART_WORD}|centre|center|airport|across|side of|{UNIT_NOUN}"
                     # NATION_PLACE_PATTERN's words, which most sentences with a town lack
                     rf"|\bthe\s+[a-z]+\s+{PLACE_NOUN}\s+of\b|,\s*(?:an?|the)\s+[a-z]+\s+{PLACE_NOUN}\b")


def find(view, finder) -> None:
    for match in IN_REGION_PATTERN.finditer(view.text):
        country = view.mention(match["country"] or match["country_after_noun"]
                               or match["owner"] or match["coast_owner"] or match["edge_country"])
        # "KYIV - In Ukraine's east, rebels fired": opening its sentence, a part is said of what
        # comes after it, not of the dateline's town
        opens = not _DATELINE_BEFORE.sub("", view.text[:match.start()]).strip(" \"'\u201c")
        subject = None if opens else finder.subject_before(view, match.start())
        if _a_county_beside_a_county(view, finder, subject, country):
            continue  # "Wood County, on Lucas County's northern edge": a side, not a part
        # "Spokane, in eastern Washington, and Bend, in central Oregon": a place named before
        # a clause may not be the one the words are about (Bend, unknown to the gazetteer)
        doubts = ([f"whose part: {subject.describe()}'s or another place's?"]
                  if subject is not None and not finder.next_to_its_words(view, subject,
                                                                          match.start())
                  else [])
        after = SUBJECT_AFTER_PATTERN.match(view.text, match.end())
        if subject is None and after:
            subject = finder.located(view.mention(after["subject"]))
        opening = (OPENING_PART_SUBJECT_PATTERN.match(view.text, match.end())
                   if subject is None and opens else None)
        if opening:
            meant = (finder.town_meant(this=True) if opening["this"]
                     else view.mention(opening["subject"]))
            # a town, not a capital or a unit, which may stand for its government ("In Ukraine's
            # east, Moscow backs the rebels")
            subject = (finder.located(meant) if meant is not None and (opening["this"] or (
                meant.place.kind == "city" and not meant.place.capital)) else None)
        part_words = (match["part"] or match["part_noun"] or match["part_adjective"]
                      or match["part_owned"] or match["coast_part"] or match["edge_part"])
        own_kind = match["own"] or match["own_of"] or match["own_edge"]
        if own_kind:  # "in the country's south-west": the subject's own country or state
            own = (None if subject is None
                   else finder.home_county if own_kind.lower() in ("county", "parish")
                   else _own_area(subject, own_kind.lower()))
            if own is not None and own_kind.lower() in ("county", "parish") \
                    and subject.point is not None \
                    and distance_to(subject.point, AdminAreaTarget(own)).km > 0:
                # "Vermilion County ... Champaign County. Hoopeston, in the northern part of
                # the county": the article's county, or the one the place is in?
                doubts = [*doubts, f"the {own_kind.lower()}: the one the article is about, or "
                                   f"the one {subject.describe()} is in?"]
            article_country = (country_of(finder.focus.place) if finder.focus is not None
                               else finder.home_country)
            if own is not None and own_kind.lower() in ("country", "kingdom") \
                    and article_country and own != article_country:
                # "GUBA, Ethiopia - ... the dam on the Blue Nile, which sits in the country's
                # far west": the article's country, or the one of the place named last?
                doubts = [*doubts, f"the {own_kind.lower()}: {subject.describe()}'s own, or "
                                   "the one the article is about?"]
            if own is not None:
                _in_part(view, finder, match, subject, own, part_words, doubts)
            continue
        if subject is not None and country.place.kind == "admin1" \
                and finder.area_key(country) is None and part_words.islower():
            # "Lismore in northern New South Wales": a part of a unit geo has no outline of
            # ("North Eastern Province", "South West England" are names of their own)
            finder.add(view, match, subject=subject, relation=RELATION, reference=UnlocatedTarget(
                f"{part_words} {country.mention.text}",
                f"geo has no outline of {country.mention.text} to find its {part_words} part"))
        elif subject is not None:
            _in_part(view, finder, match, subject, finder.area_key(country), part_words, doubts)
    for match in THE_PART_PLACE_PATTERN.finditer(view.text):
        owner = [view.mention(match["owner"])] if match["owner"] else []
        named = [finder.country_code(m) for m in owner + [
            view.mentions[int(slot)] for slot in re.findall(SLOT, match["between"])]]
        named = [code for code in named if code]
        slots = re.findall(SLOT, match["places"])
        if len(slots) == 1 and match["noun"].lower() not in PLACE_NOUNS:
            continue  # "the western suburbs of Birmingham": parts of the place, not it
        for slot in slots:
            place = view.mentions[int(slot)]
            subject = finder.located(place)
            if subject is not None:
                code = named[0] if named else _own_country(place.place)
                _in_part(view, finder, match, subject, code, match["part"])
    for match in NATION_PLACE_PATTERN.finditer(view.text):
        _in_the_nation(view, finder, match)
    for match in PLACE_OF_PART_PATTERN.finditer(view.text):
        subject = finder.located(view.mention(match["place"] or match["owned"]))
        if subject is not None:
            country = view.mention(match["country"] or match["owner"])
            _in_part(view, finder, match, subject, finder.country_code(country),
                     match["part"] or match["part_before"])
    for match in IMPLIED_PART_PATTERN.finditer(view.text):
        _in_the_home_part(view, finder, match)
    for pattern in (IN_UNIT_PATTERN, *UNIT_APPOSITION_PATTERNS):
        for match in pattern.finditer(view.text):
            _in_a_unit(view, finder, match, _the_place_qualified(view, finder, match["place"]))
    focus = finder.focus
    for match in PART_OF_AN_AREA_TOWN_PATTERN.finditer(view.text):
        _in_part_of_an_area(view, finder, match)
    for pattern in THIS_TOWN_IN_A_UNIT_PATTERNS if focus and focus.place.kind == "city" else ():
        for match in pattern.finditer(view.text):
            words = finder.text[view.original_offset(match.start()):
                                view.original_offset(match.end())]
            _in_a_unit(view, finder, match, focus,
                       doubts=finder.focus_doubts(view, match.start(), words))
    for match in AIRPORT_PATTERN.finditer(view.text):
        _airport_in_a_town(view, finder, match)
    for match in COUNTY_SEAT_PATTERN.finditer(view.text):
        _the_county_seat(view, finder, match)
    for match in HOME_PART_APPOSITION_PATTERN.finditer(view.text):
        _in_the_home_part(view, finder, match, match["part"])


def _in_part_of_an_area(view, finder, match: re.Match) -> None:
    area = finder.area_key(view.mention(match["owner"]))
    focus = finder.focus
    if area is None:
        return
    here = finder.dateline_town() or (
        focus if focus is not None and focus.place.kind == "city" else None)
    if match["this"] is None:
        subject, doubts = finder.located(view.mention(match["place"])), []
    elif here is not None:  # "this": where the report is filed from, else what it is about
        words = finder.text[view.original_offset(match.start()):
                            view.original_offset(match.end())]
        subject = finder.located(here)
        doubts = finder.focus_doubts(view, match.start(), words) if here is focus else []
    else:
        return
    if subject is not None:
        _in_part(view, finder, match, subject, area, match["part"], doubts)


def _in_the_nation(view, finder, match: re.Match) -> None:
    """"the Syrian town of Kilis": each place of the list in the country the word names. A
    word that names several ("Congolese") names the place's own country if it is one of them,
    else it leaves the claim in doubt."""
    nation = view.mention(match["nation"] or match["nation_after"])
    if (nation.place.kind != "country" or finder.country_code(nation) is None
            or _A_UNIT_NOUN.fullmatch(match["noun"] or match["noun_after"])):
        return  # "the Romanian county of Braila" is a unit's claim (_in_a_unit)
    nations = {c.country_code: c.name for c in nation.mention.candidates if c.kind == "country"}
    slots = re.findall(SLOT, match["places"]) if match["places"] else [match["place"]]
    for k, slot in enumerate(slots):
        place = view.mention(slot)
        subject = finder.located(place) if place.place.kind != "country" else None
        if subject is None or (k and finder.qualifies(view.mention(slots[k - 1]), place)):
            continue  # "the American city of Paris, Texas"
        own = place.place.country_code in nations and _own_country(place.place)
        doubts = ([] if own or len(nations) < 2 else
                  [f"{nation.mention.text}: {' or '.join(nations.values())}?"])
        finder.add(view, match, subject=subject, relation=RELATION,
                   reference=CountryTarget(own or finder.country_code(nation)),
                   qualifier=nation.mention.text, doubts=doubts)


def _a_county_beside_a_county(view, finder, subject, owner) -> bool:
    """Whether a county is said to be in a part of another, which it cannot be: it lies on
    that side of it."""
    if owner is None or subject is None or not is_county(finder.area_target(owner)):
        return False
    mentions = view.mentions_of(subject)
    return bool(mentions) and is_county(finder.area_target(mentions[0]))


def _own_area(subject, kind: str) -> str | None:
    """The key of the US state ("state") or else the country ("country", "kingdom") the
    subject lies in."""
    if kind != "state":
        return subject.country_codes[0] if len(subject.country_codes) == 1 else None
    if isinstance(subject, AdminAreaTarget):
        return admin_areas.state_key_of(subject.area)
    return admin_areas.state_at(*subject.point) if subject.point is not None else None


def _the_county_seat(view, finder, match: re.Match) -> None:
    """"In Williamson County, ... Franklin, the county seat": the county named last before the
    place in the sentence, else the one the article is about."""
    place = view.mention(match["place"])
    at = view.mentions.index(place)
    named = [area for m in view.mentions[:at]
             if is_county(area := finder.area_target(m))]
    county = named[-1] if named else (
        AdminAreaTarget(finder.home_county) if finder.home_county else None)
    subject = finder.located(place)
    if county is not None and subject is not None and place.place.kind == "city":
        finder.add(view, match, subject=subject, relation=RELATION, reference=county)


def _in_the_home_part(view, finder, match: re.Match, part_words: str | None = None) -> None:
    """"In Euclid, in the northeast", in an article about Ohio: northeastern Ohio, when the
    place lies in the state (or else the country) the article is about; a place elsewhere
    leaves unsaid what "the northeast" is part of, and makes no claim. With no country or
    state named, "the far north" is the place's own country's, outside the US ("COLOMBO - In
    Jaffna, in the far north": Sri Lanka's; not "In Parramatta, in the west", Sydney's west); a
    US town's may be its state's or the nation's."""
    place = view.mention(match["place"])
    subject = finder.located(place)
    if subject is None:
        return
    doubts = []
    far = match.groupdict().get("far")
    # an apposition's part is the country's: "Port Harcourt, the southern oil hub"
    if part_words is None and place.place.kind == "city" and not far \
            and (place.place.population or 0) >= CITY_WITH_PARTS_POPULATION:
        if subject.country_codes == ("USA",):
            return  # "Chicago, in the south": the South Side (but "the far north" is no city's)
        # "Kaohsiung, in the south-west": the country's, as its readers know it, which the
        # halves of geo.region_cuts may not hold; or a part of the city
        doubts = [f"{place.mention.text}, in the {match['part_alone'].lower()}: of its country, "
                  "or of the city?"]
    if finder.home_state and admin_areas.state_at(*subject.point) == finder.home_state:
        home = finder.home_state
    elif finder.home_country and subject.country_codes == (finder.home_country,):
        home = finder.home_country
    elif finder.home_country is None and finder.home_state is None and far \
            and len(subject.country_codes) == 1 and subject.country_codes != ("USA",):
        home = subject.country_codes[0]  # "the far north", not "In Parramatta, in the west"
    else:
        return
    _in_part(view, finder, match, subject, home, part_words or match["part_alone"], doubts)


def _in_a_unit(view, finder, match: re.Match, place, doubts: list[str] = ()) -> None:
    """"Jalalabad, in Nangarhar province", "Charikar, the capital of Parwan province": the
    place (a mention) in the unit's outline (a US state or county), or in the unit by the
    gazetteer's codes. "In Beijing, in Hubei province, and in Shanghai" is a list, no claim;
    after an apposition ("Wuhan, capital of Hubei province, and Chengdu") a list is no
    matter."""
    groups = match.groupdict()
    unit = view.mention(groups.get("unit") or groups.get("unit_after"))
    before_noun = view.mention(groups.get("before_noun"))
    if unit.place.kind == "country" and before_noun is not None \
            and before_noun.place.kind in ("admin1", "admin2"):
        unit = before_noun  # "in the Nangarhar province of Afghanistan"
    if groups.get("across") and unit.place.kind == "country":
        _across_in_a_country(view, finder, match, unit)
        return
    noun = groups.get("noun") or groups.get("noun_before")
    if noun is None:  # "Belgrade in Gallatin County": the noun is in the unit's name
        named_with_noun = _ENDS_WITH_UNIT_NOUN.search(unit.mention.text)
        noun = named_with_noun[0] if named_with_noun else None
    if noun is None and (groups.get("capital") or groups.get("across")) \
            and unit.place.kind in ("admin1", "admin2"):
        # "Bukavu, the capital of South Kivu": a capital of a unit is in it
        noun = PHRASING_WORDS["first_level_unit_nouns" if unit.place.kind == "admin1"
                              else "second_level_unit_nouns"][0]
    if noun is None or (match.re is IN_UNIT_PATTERN.compiled and LIST_GOES_ON.match(view.text,
                                                                          match.end())):
        return  # "Kabul in Afghanistan" says nothing a map does not
    if MEASURED_TO_PLACE.search(view.text, max(0, match.start() - _MEASURED_REACH),
                                match.start()):
        return
    subject = finder.located(place)
    if subject is None or unit.place.kind == "country":  # "in the Romanian county": no unit
        return
    owner = view.mention(groups.get("owner"))
    if owner is not None and owner.place.kind != "country" \
            and unit.place.admin1 != owner.place.name:
        # "60 miles southwest of Raleigh in North Carolina's Sandhills region": no unit of
        # North Carolina; "Houston, in Texas's Harris County" is one.
        return
    reference = _unit_named(place.place, unit, noun)
    if isinstance(reference, AdminUnitTarget):
        subject = dataclasses.replace(subject, within=units_holding(place.place))
    finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
               reference_for=lambda other: _unit_named(other, unit, noun), doubts=doubts)


def _the_place_qualified(view, finder, slot: str):
    """The place of a slot, or the one before it that it says where is: "Luna, N.M., just
    across the state line in Catron County" is about Luna."""
    at = int(slot)
    if at and finder.qualifies(view.mentions[at - 1], view.mentions[at]) and \
            _QUALIFIER_GAP.fullmatch(view.text, view.slot_ends[at - 1], view.slot_positions[at]):
        return view.mentions[at - 1]
    return view.mentions[at]


_QUALIFIER_GAP = re.compile(r"\s*,\s*")


def _across_in_a_country(view, finder, match: re.Match, country) -> None:
    """"Kousseri, across the river in Cameroon": the place in the country (not the one the
    text is in)."""
    subject = finder.located(_the_place_qualified(view, finder, match["place"]))
    code = finder.country_code(country)
    if subject is not None and code is not None:
        finder.add(view, match, subject=subject, relation=RELATION, reference=CountryTarget(code))


def _unit_named(place, unit, noun: str):
    """The unit a mention names for a place: of its readings, only those in the place's own
    country (a county in the place's own US state); of those, one the gazetteer files the
    place under first (Brăila is a county and a municipality of that name), then a
    first-level one after "province" or "state". A name with no such reading may mean another
    place than the one the text means: unverifiable, never measured against a namesake
    abroad."""
    name = unit.mention.text
    readings = [c for c in dict.fromkeys((unit.place, *unit.mention.candidates))
                if c.kind in ("admin1", "admin2") and c.country_code == place.country_code]
    if place.country_code == admin_areas.COUNTRY_ISO2:
        for reading in readings:
            key = admin_areas.key_for(reading)
            if key and (admin_areas.is_state(key) or reading.admin1 == place.admin1):
                return AdminAreaTarget(key, reading.name)
        return UnlocatedTarget(name, f"no {name} in {place.admin1 or 'its state'}; one of the "
                                     "names may mean another place")
    first = noun.lower() in PHRASING_WORDS["first_level_unit_nouns"]
    holding = units_holding(place)
    targets = sorted(filter(None, map(unit_target, readings)),
                     key=lambda t: (t.key not in holding, (t.admin2 is None) != first))
    return next(iter(targets), None) or UnlocatedTarget(
        name, f"the gazetteer knows no {noun.lower()} called {name} in the same country as "
              f"{place.name}")


def _own_country(place) -> str | None:
    """The place's own country (Natural Earth code): "the northern town of Calais" means
    northern France when the words name no other."""
    try:
        return base_layers.adm0_a3(place.country_code)
    except base_layers.UnknownCountry:
        return None


def _in_part(view, finder, match: re.Match, subject, code: str | None, part_words: str,
             doubts: list[str] = ()) -> None:
    if code is not None:
        part = parse_part(re.sub(r"\s+part$", "", part_words, flags=re.IGNORECASE))
        finder.add(view, match, subject=subject, relation=RELATION,
                   reference=RegionTarget(code, part), doubts=doubts)


def _airport_in_a_town(view, finder, match: re.Match) -> None:
    """"the airport in Amenas": the airport serving the town lies in its surroundings."""
    town_mention = view.mention(next(s for s in match.groups() if s is not None))
    town = finder.point_target(town_mention)
    if town is None or town_mention.place.kind != "city" or finder.lookups is None:
        return
    airport = finder.lookups.airport_of(town_mention.place) or UnlocatedTarget(
        f"the airport of {town.label}", f"the gazetteer knows no airport serving {town.label}")
    finder.add(view, match, subject=airport, relation=RELATION, reference=town)


def _in_a_country(claim: Claim, measurement: Measurement, ends_km: float, reason: str
                  ) -> Verdict:
    """In a whole country, as the map's countries have it; not called inconsistent where a
    map's countries are not the only way to say whose a place is: a territory the country holds
    or claims, or a country named by its people's word (`qualifier`), which also names people
    who live beyond it ("the Tajik town of Tashkurgan", in China), a heritage ("the Danish
    village of Solvang") or a past ruler ("the Portuguese enclave of Goa"): the reason still
    says where the place lies ("Kandahar ... in Afghanistan")."""
    verdict = within(claim, measurement, Tolerance(0.0, ends_km), reason)
    if verdict.status is not Status.INCONSISTENT:
        return verdict
    claimed = base_layers.country(claim.reference.adm0_a3)
    found = base_layers.country_at(*claim.subject.point)
    where = f", in {found.name}" if found is not None else ""
    if found is not None and found.belongs_with(claimed):  # "the Chinese city of Hong Kong"
        return dataclasses.replace(verdict, status=Status.UNVERIFIABLE,
                                   reason=f"{reason}{where}, which {claimed.name} holds or claims")
    if claim.qualifier:
        return dataclasses.replace(verdict, status=Status.UNVERIFIABLE, reason=(
            f"{reason}{where}; \"{claim.qualifier}\" may name a people, its heritage or a past "
            "ruler rather than the country"))
    return verdict


def describe(claim: Claim) -> str:
    return f"{claim.subject.describe()} is in {claim.reference.describe()}"


# An outline drawn for a claim is simplified as the basemap is (about a pixel at zoom 6): a
# country's 1:10m coast would weigh more than the rest of the page.
OUTLINE_TOLERANCE_DEG = 0.02


def measure(claim: Claim) -> Measurement:
    if isinstance(claim.reference, AdminUnitTarget):
        return _membership(claim)
    if claim.subject.point is None:
        return Measurement(problem="containment is measured for a point")
    if not isinstance(claim.reference, (*AREAS, PointTarget)):
        return Measurement(problem="containment needs a place, country or region")
    measured = distance_to(claim.subject.point, claim.reference)
    if measured.inside:
        # Inside, the measurement is a point: the map draws the area's outline for the claim.
        import shapely  # loaded by the measurement already

        outline = shapely.boundary(claim.reference.shape)
        return dataclasses.replace(measured, drawn=outline.simplify(OUTLINE_TOLERANCE_DEG))
    return measured


def _membership(claim: Claim) -> Measurement:
    """Whether the gazetteer's codes put the subject in the unit; nothing is measured. A
    second-level unit the codes do not name for the place is no proof it lies elsewhere: the
    gazetteer's lower levels do not always line up (Strasbourg is in Grand Est and Alsace, and
    Bas-Rhin is filed under Alsace)."""
    unit, units = claim.reference, getattr(claim.subject, "within", ())
    if not units:
        return Measurement(problem=f"whether a place lies in {unit.describe()} is read from "
                                   f"the gazetteer's codes, and {claim.subject.describe()} has "
                                   "none")
    own_name = unit.key.rsplit("/", 1)[1]
    inside = unit.key in units or any(held.endswith(f"/{own_name}") and
                                      held.startswith(f"{unit.country_code}/")
                                      for held in units)
    if not inside and unit.admin2 is not None:
        return Measurement(problem=f"the gazetteer does not file {claim.subject.describe()} "
                                   f"under {unit.describe()}, and its second-level units do "
                                   "not always line up")
    return Measurement(km=0.0 if inside else None, inside=inside)


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    if isinstance(claim.reference, AdminUnitTarget):
        unit = claim.reference.describe()
        held = unit_key_parts(claim.subject.within[0])[1]
        reason = (f"the gazetteer puts {claim.subject.describe()} in {unit}" if measurement.inside
                  else f"the gazetteer puts {claim.subject.describe()} in {held}, not {unit}")
        return Verdict(claim, measurement, status_of(0.0 if measurement.inside else math.inf),
                       reason=reason)
    if isinstance(claim.reference, PointTarget):
        town = claim.reference.uncertainty_km
        reach = max(TOWN_REACH_KM, 3 * town)
        reason = (f"{measurement.km:,.1f} km from the town's point; its surroundings reach "
                  f"{reach:,.0f} km")
        return within(claim, measurement, Tolerance(0.0, reach + claim.subject.uncertainty_km),
                      reason)
    reason = "inside" if measurement.inside else f"{measurement.km:,.1f} km outside"
    if isinstance(claim.reference, CountryTarget):
        return _in_a_country(claim, measurement, ends_km, reason)
    if isinstance(claim.reference, RegionTarget) and not measurement.inside:
        # "Kano, in southern Niger": where a part ends inside its country is vague, not where
        # the country ends
        whole = claim.reference.whole
        outside = distance_to(claim.subject.point, whole)
        allowed = claim.subject.uncertainty_km + whole.uncertainty_km
        if not outside.inside and outside.km > allowed:
            return within(claim, dataclasses.replace(measurement, km=outside.km),
                          Tolerance(0.0, allowed),
                          f"{outside.km:,.1f} km outside {whole.describe()} itself")
        if len(claim.reference.part) == 2:
            # "Peshawar, in northwestern Pakistan": a quarter is cut where the area halves,
            # which for an irregular country may leave out the corner its readers mean; in one
            # of the two halves that make it, and near the quarter, the place is not called
            # outside it
            halves = [side for side in claim.reference.part if distance_to(
                claim.subject.point, RegionTarget(claim.reference.area, side)).inside]
            if halves and measurement.km <= QUARTER_VAGUENESS_SHARE * scale_km(whole):
                verdict = within(claim, measurement, Tolerance(0.0, ends_km), reason)
                if verdict.status is Status.INCONSISTENT:
                    return dataclasses.replace(
                        verdict, status=Status.UNVERIFIABLE,
                        reason=f"{reason} of {claim.reference.describe()}, but in "
                               f"{RegionTarget(claim.reference.area, halves[0]).describe()}")
                return verdict
        if claim.reference.part == "C":
            # "Wuhan, in central China", "Kazan, in central Russia": "central" names regions
            # by custom (Central China, Central Russia) that lie far from the middle of the
            # area, so a place inside the country is never called outside its centre
            verdict = within(claim, measurement, Tolerance(0.0, ends_km), reason)
            if verdict.status is Status.INCONSISTENT:
                return dataclasses.replace(
                    verdict, status=Status.UNVERIFIABLE,
                    reason=f"{reason} of the middle of {whole.describe()}, but inside it: "
                           "\"central\" also names regions by custom")
            return verdict
    return within(claim, measurement, Tolerance(0.0, ends_km), reason)
