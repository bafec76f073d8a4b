"""Adjacency: "neighbouring Mali", "Algeria's neighbour Libya", and the neighbours that "the
Algerian border with Mali" takes for granted.

The same for US states and counties: "neighboring Massachusetts", "Ohio borders Indiana".
Measured as the length of border the two share: for countries the land border of Natural
Earth's 1:10m countries, for US states and counties the line the Census Bureau's outlines
share (geo.admin_areas); consistent when there is any. A state (or county) and a country
meet along its stretch of the country's border (geo.admin_areas.border_along). A length of border
("shares a 1,340-km border with Russia") is checked too, allowing for how much shorter a
generalised map's line is than a surveyed one.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections import Counter

from geo import admin_areas, base_layers
from geo.claim_types.grammar import (
    APPOSITION_OR_WHERE,
    BORDER,
    LIST,
    LIST_OPENER,
    PROXIMITY,
    QUANTITY,
    SLOT,
    UNIT_NOUN,
    LazyPattern,
    alternatives,
    named_slot,
)
from geo.claims import PHRASING_WORDS, Claim, Quantity, Relation, Tolerance
from geo.measure import Measurement
from geo.mentions import TOWN_BEFORE_A_LIST_POPULATION
from geo.targets import (
    AdminAreaTarget,
    AdminUnitTarget,
    CountryTarget,
    UnlocatedTarget,
    area_of,
    country_of,
    is_county,
    unit_target,
)
from geo.verdicts import Verdict, number_checked, status_of

RELATION = Relation.ADJACENCY
# The Census outlines stop at the shore, so states that meet in a lake or a sound (Michigan and
# Illinois across Lake Michigan, New York and Rhode Island) share no line. Two outlines this
# close with only water between them may meet on water: such a claim is unverifiable; farther
# apart, or with land between (Oregon and Utah, Ohio and Illinois, Cobb and Gwinnett counties
# with Fulton between), inconsistent. Countries as close across a strait are neighbours to
# many (Malaysia and Singapore, Britain and France, Japan and South Korea): unverifiable too;
# Jamaica and Haiti, 188 km apart, are not.
WATER_GAP_KM = 150.0
# A first-level unit with a town this close to a country's border reaches it: provinces are
# wider than that, and border towns sit within a few km of the line (Jibia, Katsina state, 5
# km from Niger; Komatipoort, Mpumalanga, 5 km from Mozambique); a town 20 km off may lie
# beyond a strip of another unit (Thuringia's, 21 km from the Czech border, with Saxony
# between).
TOWN_AT_BORDER_KM = 15.0
UNIT_TOWNS_VOTING = 15  # the biggest towns that say which of the map's countries a unit is in
BORDER_PATTERN = LazyPattern(BORDER, re.IGNORECASE)
NEIGHBOURING = alternatives(PHRASING_WORDS["neighbouring"])
# What may open a list after its noun: "its neighbors Ottawa and Allegan", "its neighbors —
# Stevens and Adams counties", "the parishes encircling Ouachita: Union, Morehouse".
_LIST_DASH = r"\s*(?:[,:\u2014\u2013]|\s-)?\s*"
AREAS = r"(?:countr(?:y|ies)|nations?|states?|count(?:y|ies)|parish(?:es)?)"
# "Algeria's neighbour Libya", "Syria's other neighbour Iran", "Uganda's neighbour to the south
# is Tanzania", "Wisconsin's neighbor to the south, Illinois", "Door County's lone land
# neighbor, Kewaunee County"; not "Japan's relations with neighbour China".
_PREPOSITION = r"(?:with|of|to|for|and|between|among)\b"
NEIGHBOUR_PATTERN = LazyPattern(
    rf"{SLOT}(?:['\u2019]s\s+(?:(?!{_PREPOSITION})(?-i:[a-z]+)\s+){{0,2}}|\s+)neighbou?r"
    rf"(?:ing country)?"
    rf"(?:\s+to\s+the\s+\w+(?:\s+is)?)?,?\s+(?:the\s+)?{SLOT}",  # "..., the Central African"
    re.IGNORECASE)
# "The county's western neighbor, Dallas County", "the state's neighbor to the south, Illinois":
# the neighbour of the area the article is about (`_the_area_meant`).
THE_AREAS_NEIGHBOUR_PATTERN = LazyPattern(
    rf"\bthe\s+(?P<anaphor>count(?:y|ry)|parish|nation|state|kingdom)['\u2019]s\s+"
    rf"(?:(?!{_PREPOSITION})(?-i:[a-z]+)\s+){{0,2}}neighbou?rs?(?:\s+to\s+the\s+\w+)?"
    rf"{_LIST_DASH}(?P<members>{LIST})", re.IGNORECASE)
# "Harris County and its neighbors Fort Bend and Montgomery", "Kenya's neighbours Uganda and
# Tanzania", "from Mexico to its neighbours, the United States and Guatemala", "Mexico's other
# southern neighbours, Belize and Honduras": each member neighbours the place named first.
NEIGHBOURS_NAMED_PATTERN = LazyPattern(
    rf"{named_slot('ref')}(?:\s+{AREAS})?(?:['\u2019]s|\s+(?:and|to|with)\s+its)\s+"
    rf"(?:(?:(?!{_PREPOSITION})(?-i:[a-z]+)\s+){{0,2}}(?:neighbou?rs?|(?:{NEIGHBOURING})\s+{AREAS})"
    rf"{_LIST_DASH}"
    # "Indonesia's land borders are with Malaysia, Papua New Guinea and East Timor"
    rf"|(?:only\s+)?(?:land\s+)?(?:borders?|frontiers?)\s+(?:are|is)\s+with\s+)"
    rf"(?:(?:{LIST_OPENER})\b\s*:?\s*)?(?P<members>{LIST})",
    re.IGNORECASE)
# "Health officials in Kenya fear that its neighbours Uganda and Tanzania", "Caddo Parish and
# its Texas neighbors Harrison and Bowie counties": "its" is the one country (or US state) the
# sentence names before.
ITS_NEIGHBOURS_PATTERN = LazyPattern(
    rf"\b(?:its|their)\s+(?:(?:[\w-]+|{SLOT})\s+){{0,2}}?neighbou?rs?{_LIST_DASH}"
    rf"(?:(?:{LIST_OPENER})\b\s*:?\s*)?(?P<members>{LIST})", re.IGNORECASE)
# "Uganda will not send troops to Ethiopia, its northern neighbour", "Benin reopened its border
# with Niger, its northern neighbour": "its" is the place the sentence opens with, when no
# other place stands between.
ITS_NEIGHBOUR_PATTERN = LazyPattern(
    rf"{named_slot('member')}\s*,\s*its\s+(?:(?-i:[a-z]+)\s+){{0,2}}neighbou?r\b", re.IGNORECASE)
_OPENING = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
# "cross-border raids from Mali into Mauritania", "polio spread across the border from Nigeria
# into Niger": what crosses a border goes from one neighbour into the other.
CROSS_BORDER_PATTERN = LazyPattern(
    rf"\b(?:cross-border\s+(?:{alternatives(PHRASING_WORDS['crossing_nouns'])})"
    # "the plume was expected to cross from La Plata County into San Juan County"
    rf"|across\s+the\s+border|cross(?:es|ed|ing)?)\s+from\s+"
    rf"(?:the\s+)?{named_slot('first')}\s+into\s+(?:the\s+)?{named_slot('second')}",
    re.IGNORECASE)
# "Cherokee County, Kan., just across the state line from Jasper County", "residents of Johnson
# County, Kan., just across the state line" (from the county the article is about): a county
# across a state line from another neighbours it.
# The same across a river or a named line: "Henderson County, Ky., across the Ohio River",
# "Greene County, Pa., just across the Mason-Dixon Line" (a river between two states' counties
# is their line).
ACROSS_THE_LINE_PATTERN = LazyPattern(
    rf"{named_slot('county')}(?:\s*,\s*{SLOT})?\s*,?\s+(?:(?:which|that)\s+(?:is|lies|sits)\s+)?"
    rf"(?:just\s+|right\s+)?(?:across|over)\s+the\s+(?:state\s+line|(?:(?-i:[A-Z])[\w.'-]*\s+){{0,2}}"
    rf"(?:river|line)|(?-i:[A-Z])[\w.'-]*|{SLOT}(?:\s+river)?)\b"
    rf"(?:\s+from\s+(?:the\s+)?{named_slot('from')})?", re.IGNORECASE)
# "Neighbours Kenya and Uganda agreed", "the two neighbours, India and Pakistan": each other's.
NEIGHBOUR_PAIR_PATTERN = LazyPattern(
    rf"(?:\A\s*|\btwo\s+)neighbou?rs\s*,?\s*(?:the\s+)?{named_slot('first')}\s+and\s+"
    rf"(?:the\s+)?{named_slot('second')}", re.IGNORECASE)
# "Wake and neighboring Durham and Johnston counties", "Rutherford County and the adjacent
# counties of Davidson and Wilson": the place named right before neighbours each member.
_NAMED_AND = re.compile(rf"{named_slot('before')}(?:\s+{UNIT_NOUN})?\s+and\s+(?:the\s+)?\Z",
                        re.IGNORECASE)
_NAMED_AND_REACH = 40
# "neighbouring Mali", "into neighboring Montgomery and Grimes counties", "across the county
# line in Simpson County": the area the article is about, or for a county the county the
# sentence named before, neighbours each member.
# "The outbreak in Saudi Arabia worried neighbours Jordan, Iraq and Kuwait", "Thailand, along
# with neighbours Laos and Cambodia": a bare "neighbours" too, where no owner ("Kenya's", "its")
# or pair ("two neighbours") is said before it.
NEIGHBOURING_PATTERN = LazyPattern(
    rf"\b(?:{NEIGHBOURING})\s+(?:country\s+(?:of\s+)?|with\s+)?(?P<members>{LIST})"
    # "just over the state line in Monroe County", "across the river in Scott County", "next
    # door in Jo Daviess County"
    rf"|\b(?:(?:across|over)\s+the\s+(?:border|(?:county|parish|state)\s+line|river)"
    rf"|next\s+door)\s+(?:in|into|to)\s+(?P<across>{LIST})"
    rf"|(?<=[a-z] )(?<!['\u2019]s )(?<!\bits )(?<!\btheir )(?<!\btwo )(?<!\bboth )"
    rf"neighbou?rs\s+(?P<bare>{LIST})", re.IGNORECASE)
# "the neighbouring countries of Benin, Ghana and Niger", "neighbouring countries such as
# Rwanda and Zambia", "the adjacent counties of Pulaski and Garland": each member neighbours
# the same.
NEIGHBOURS_LIST_PATTERN = LazyPattern(
    rf"\b(?:{NEIGHBOURING}|surrounding)\s+{AREAS}{_LIST_DASH}"
    rf"(?:(?:of|such\s+as|including|like)\s+)?(?P<members>{LIST})", re.IGNORECASE)
# "countries neighbouring Turkey, specifically Armenia, Georgia and Iran", "the states that
# border Nebraska include Iowa", "counties adjacent to Travis County include Hays".
NEIGHBOURS_OF_PATTERN = LazyPattern(
    rf"(?:{named_slot('it_ref')}(?:\s+{UNIT_NOUN})?\s+and\s+the\s+(?:[A-Z]\w*\s+)?)?\b{AREAS}\s+"
    rf"(?:{NEIGHBOURING}|adjacent\s+to|next\s+to|surrounding|encircling|ringing|around"
    rf"|(?:sharing|(?:that|which)\s+shares?)\s+(?:a\s+)?(?:land\s+)?borders?\s+with"
    rf"|(?:that|which)\s+(?:{alternatives(PHRASING_WORDS['bordering_verbs'])}))\s+"
    rf"(?:the\s+)?(?:{named_slot('ref')}|(?P<it>it)\b(?:\s+to\s+the\s+\w+(?:\s+and\s+\w+)?)?)"
    rf"(?:\s*,\s*{SLOT}(?=\s*,?\s*(?:[a-z]+\s+)?(?:{LIST_OPENER})\b))?"  # "Travis County, Texas"
    # a dash, a colon, or an opener ("include") before the list; a bare comma only after "it"
    # ("the counties bordering it, Burleson and Robertson"): "a country that borders Rwanda,
    # Tanzania and Uganda" is one list of neighbours, not Rwanda's
    rf"(?:(?<=\bit)\s*,\s*|\s*(?:[:\u2014\u2013]|\s-)\s*"
    rf"|\s*,?\s*(?=(?:[a-z]+\s+)?(?:{LIST_OPENER})\b))"
    rf"(?:(?:[a-z]+\s+)?(?:{LIST_OPENER})\b\s*:?\s*)?(?P<members>{LIST})",
    re.IGNORECASE)
# "South Africa, which is Zimbabwe's neighbour to the south", "Poland, Ukraine's western
# neighbour", "Chad, which shares part of its eastern border with Sudan", "Cook County shares
# borders with Lake and McHenry counties", "Mozambique and South Africa that border Zimbabwe",
# "Sierra Leone and Liberia, both bordering Guinea", "Lesotho is entirely surrounded by South
# Africa", "Iraq borders Turkey", "Ohio borders Indiana and Michigan", "Travis County is
# bordered by Hays and Bastrop counties", "Fulton and DeKalb counties, which border each
# other" (each pair a claim): the words after a place; the places before them are found by
# `_list_before` (a pattern that began with the list would retry it from every member).
# "China and Japan share a maritime border": no land neighbours.
_NOT_BY_LAND = rf"(?!(?:{alternatives(PHRASING_WORDS['not_land_borders'])})\b)"
# "Nigeria has closed its land border with Benin", "Uganda stepped up screening at its crossings
# with Congo and Burundi": each member neighbours the one area the sentence names before; "the
# country's frontiers with Benin and Togo": the country the article is about.
ITS_BORDER_PATTERN = LazyPattern(
    # "Armenia's borders with Turkey and Azerbaijan": the owner named
    rf"(?:\b(?:its|their|(?P<the_country>the\s+country['\u2019]s))|{named_slot('owner')}['\u2019]s)\s+"
    rf"(?:{_NOT_BY_LAND}[\w-]+\s+){{0,2}}?(?:(?:border|frontier)s?"
    rf"|(?:border\s+)?crossings?(?:\s+points?)?)\s+with\s+(?P<members>{LIST})", re.IGNORECASE)
# What shares borders with a place: a list whose last member may repeat "with" ("shares
# frontiers with Bolivia and with Brazil"), which no other list may ("a deal with
# neighbouring Kenya and with China" is no claim about China).
_BORDERS_WITH_LIST = LIST.replace(r"\s+(?:and|or)\s+", r"\s+(?:and|or)\s+(?:with\s+)?")
# What a place borders: "Niger borders Nigeria to the south, as well as Mali, Benin and Chad"
# (the verb governs the whole list; after "neighbouring Ethiopia, as well as Turkey" the list
# is of others).
_BORDERED_LIST = rf"{LIST}(?:\s*,?\s+as\s+well\s+as\s+{LIST})?"
# "which", "that", "both of which" before the words of a clause about the places before it.
_WHICH = r"(?:(?:(?:both|all|each)\s+of\s+)?which\s+(?:(?:both|all|each|also)\s+)?|that\s+)"
_SAID_OF_IT = (
    # "Burundi, a small landlocked country that borders": the clause is the country's
    rf"(?:{APPOSITION_OR_WHERE}|\s*,\s*(?:an?|the)\s+(?:(?-i:[a-z-]+)\s+){{0,3}}"
    rf"(?:country|nation|state|county|parish|kingdom|republic)\s+(?=(?:that|which)\b))?"
    rf"\s*[,(]?\s*(?:"
    # "Namibia, Zambia and Botswana, Angola's southern and eastern neighbours"
    rf"(?:which\s+is\s+)?(?:the\s+)?{named_slot('owner')}['\u2019]s?\s+"
    rf"(?:(?-i:[a-z]+)(?:\s+and\s+(?-i:[a-z]+))?\s+)?"
    rf"(?:neighbou?r|border\s+{AREAS})(?:\s+to\s+the\s+\w+)?"
    # "Quitman County, on Lafayette's western border", "Menard County, which shares
    # Sangamon's northern line"
    rf"|(?:(?:(?:which|that)\s+(?:lies|sits|is)\s+)?(?:just\s+)?(?:on|along|across)\s+"
    rf"|{_WHICH}?shares?\s+){named_slot('owner_line')}['\u2019]s\s+(?:(?-i:[a-z]+)\s+)?"
    rf"(?:border|line|boundary|edge|flank)\b(?!\s+with)"
    rf"|(?:which\s+is\s+)?(?:another|one)\s+of\s+{named_slot('owner_among')}['\u2019]s\s+"
    rf"(?:(?-i:[a-z]+)\s+)?neighbou?rs\b"
    rf"|(?:(?:which|that)\s+(?:is|are)\s+)?(?:(?:a|an|the)\s+(?:(?-i:[a-z]+)\s+)?neighbou?r"
    rf"|(?:(?:both|all|each)\s+)?(?:(?-i:[a-z]+)\s+)?neighbou?rs)\s+(?:of|to)\s+"
    rf"{named_slot('owner_of')}(?!['\u2019]s|\s+(?-i:[A-Z]))"
    rf"|(?P<each_other>(?:which|that)\s+(?:border|neighbou?r)\s+each\s+other"
    # "Sullivan County and Washington County, Va., which meet at the line"
    rf"|(?:which|that)\s+meet\s+(?:at|along)\s+the\s+(?:state\s+|county\s+)?line\b"
    rf"|(?<=,\s)(?:the\s+)?(?:two|both)\s+(?:(?-i:[a-z-]+)\s+)?neighbou?rs\b"
    rf"(?!['\u2019]|\s+(?:of|to|in|with)\b)"
    rf"|whose\s+(?:shared|common)\s+(?:land\s+)?(?:border|frontier)"
    rf"|(?:(?:which|that)\s+)?(?:both\s+)?share\s+(?:a|the)\s+(?:{_NOT_BY_LAND}[\w-]+\s+){{0,2}}"
    rf"(?:border|boundary)"  # "Sublette and Sweetwater counties share a long boundary"
    rf"(?!\s+(?:with|{alternatives(PHRASING_WORDS['border_compounds'])})\b))"
    rf"|{_WHICH}?(?:also\s+)?(?:shares?|has|have)\s+(?:only\s+)?(?:(?:part\s+of\s+)?(?:(?:its|their|an?)\s+)?"
    rf"(?:{_NOT_BY_LAND}(?!\d)[\w-]+\s+){{0,2}})?(?:borders?|frontiers?|(?:county\s+)?lines?"
    rf"|boundar(?:y|ies))\s+with\s+(?P<shared>{_BORDERS_WITH_LIST})"
    rf"|{_WHICH}?(?:also\s+)?shares?\s+(?:the\s+)?island\s+of\s+(?:{SLOT}|(?-i:[A-Z])[\w-]+)"
    rf"\s+with\s+(?P<island>{LIST})"
    rf"|whose\s+(?:only\s+)?(?:(?-i:[a-z]+)\s+)?(?:borders?|frontiers?)\s+(?:(?:is|are)\s+)?with\s+"
    rf"(?P<whose_border>{LIST})"
    rf"|whose\s+(?:only\s+)?(?:(?-i:[a-z]+)\s+){{0,2}}neighbou?rs?\s+(?:(?:is|are|include)\s+)?"
    rf"(?P<whose_neighbours>{LIST})"
    rf"|(?:(?:a|an|the)\s+(?:(?-i:[a-z]+)\s+){{0,2}}|{_WHICH}?(?:(?:is|are)\s+)?)?"
    rf"(?:{alternatives(PHRASING_WORDS['between_verbs'])})\s+between\s+"
    rf"(?P<between>{SLOT}(?:\s*,\s*(?:the\s+)?{SLOT})*\s*,?\s+and\s+(?:the\s+)?{SLOT})"
    rf"|with\s+which\s+{named_slot('partner')}\s+shares?\s+(?:a|its|their)\s+"
    rf"(?:{_NOT_BY_LAND}\w+\s+)?border"
    rf"|{_WHICH}?(?:also\s+)?(?:(?:all|both|each)\s+)?"
    rf"(?:(?:{alternatives(PHRASING_WORDS['bordering_verbs'])})"
    rf"(?:\s+(?:both|all))?|neighbou?rs?|(?:both|all|each)\s+bordering"
    rf"|(?:{alternatives(PHRASING_WORDS['next_to_verbs'])})\s+(?:right\s+|just\s+)?next\s+to"
    rf"|(?:(?:{alternatives(PHRASING_WORDS['next_to_verbs'])})\s+)?(?:right\s+|just\s+)?"
    rf"next\s+door\s+to"
    rf"|(?:(?:is|are|was|were)\s+)?(?:(?:{alternatives(PHRASING_WORDS['surrounded_adverbs'])})\s+)?"
    rf"(?:bordered|bounded|flanked|surrounded)"
    rf"(?:\s+(?:on|to|in)\s+the\s+\w+|\s+on\s+(?:\w+|all)\s+sides)?\s+by)"
    rf"\s+(?:\w+\s+(?:{AREAS})\s+(?:(?:{LIST_OPENER})\s+)?)?(?P<bordered>{_BORDERED_LIST})"
    # "Lincoln, Turner and McCook counties, its neighbors", "Piscataquis, Waldo and Knox
    # counties on its borders": the area named before the list
    rf"|(?P<its_own>(?<=,\s)its\s+(?:(?-i:[a-z]+)\s+)?neighbou?rs\b(?!['\u2019]|\s+(?:of|to|in|with)\b)"
    rf"|on\s+its\s+(?:(?-i:[a-z]+)\s+)?(?:borders|lines)\b"
    # "Maury County, a neighbor to the south": of the area named before, else the article's
    rf"|(?<=,\s)(?:a|another)\s+neighbou?r\b(?!['\u2019]|\s+(?:of|to\s+(?!the\b)|in|with)\b))"
    # "Hoke and Scotland counties, which border it", "..., which surround the county"
    rf"|{_WHICH}(?:also\s+)?(?:{alternatives(PHRASING_WORDS['bordering_verbs'])}"
    rf"|(?:{alternatives(PHRASING_WORDS['next_to_verbs'])})\s+(?:right\s+|just\s+)?next\s+to)"
    rf"\s+(?P<it_said>it|the\s+(?P<it_noun>county|parish|state|country))\b(?!['\u2019]))")
NAMED_NEIGHBOUR_PATTERN = LazyPattern(
    rf"(?<=\x02)(?:\s+(?:{AREAS}|{UNIT_NOUN}))?{_SAID_OF_IT}", re.IGNORECASE)
# "The county borders Mingo County, W.Va.", "The country also shares a long border with Mali",
# "The parish borders Avoyelles Parish": the same said of the area a sentence opens with
# unnamed (`_the_area_meant`).
# Not "the neighbouring county", "the other country": another area than the article's.
_NOT_ITS_OWN_AREA = r"(?!(?:neighbou?ring|other|adjacent|adjoining|nearby|next|surrounding" \
                    r"|bordering|second|third)\b)"
_AREA_ANAPHOR = r"(?P<anaphor>count(?:y|ry)|parish|nation|state|kingdom|republic)\b(?!['\u2019])"
ANAPHOR_NEIGHBOUR_PATTERN = LazyPattern(
    rf"(?:\A\s*[\"'\u201c]?\s*the\s+(?:{_NOT_ITS_OWN_AREA}(?-i:[a-z-]+)\s+){{0,2}}?"
    rf"{_AREA_ANAPHOR}"
    # "said the county, which borders Minnesota": in a sentence, with its clause
    rf"|\bthe\s+{_AREA_ANAPHOR.replace('anaphor', 'anaphor_in')}(?=\s*,\s*(?:which|that)\b))"
    rf"{_SAID_OF_IT}", re.IGNORECASE)
# "Finland, which shares a 1,340-km border with Russia": a length of border is a number to
# check.
SHARED_LENGTH_PATTERN = LazyPattern(
    rf"{named_slot('subject')}\s*,?\s*(?:(?:which|that)\s+)?(?:also\s+)?shares?\s+(?:a|an|its)\s+"
    rf"{QUANTITY}(?:[\s-]+long)?\s+(?:land\s+)?(?:border|frontier)\s+with\s+(?:the\s+)?"
    rf"{named_slot('other')}", re.IGNORECASE)
# A 1:10m line is shorter than a surveyed one. The map's length over the CIA World Factbook's
# ("Land boundaries") for 14 borders: India-Bangladesh 0.58 (along winding rivers),
# Argentina-Chile 0.74, Brazil-Bolivia 0.78, Algeria-Morocco 0.80, Mexico-United States 0.84,
# China-Russia 0.85, Kazakhstan-Russia 0.87, Germany-Poland 0.87, France-Spain 0.88,
# Canada-United States 0.89, Algeria-Mali 0.93, Finland-Russia 0.94, Algeria-Libya 0.97,
# Kenya-Somalia 1.0 (straight lines). So a claimed length agrees down to half of it, and a
# little over it.
SHORTER_ON_THE_MAP = 0.5
LONGER_ON_THE_MAP = 0.1
# "The area of Iraq where the suspected deaths occurred borders Turkey": the part, whatever the
# clause says of it, is the country's, so the country borders the other.
PART_BORDERS_PATTERN = LazyPattern(
    rf"\b(?:{alternatives(PHRASING_WORDS['part_nouns'])})\s+of\s+{named_slot('whole')}\s+"
    rf"(?:where|which|that|in\s+which)\b[^\x01.;]{{0,100}}?\bborders?\s+{named_slot('other')}",
    re.IGNORECASE)
# A border, a neighbour, what surrounds or is next to, an island shared: every phrasing above
# names one.
TRIGGER = re.compile(r"border|frontier|neighbo|adjacent|adjoin|abut|touch|contiguous|surround"
                     r"|next[\s-]+(?:to|door)|between|(?:bounded|flanked)\s+by"
                     r"|(?:county|parish|state)\s+line|encircl|(?:counties|parishes)\s+around"
                     r"|across\s+the\b|over\s+the\s+(?:state|county|parish)\s+line"
                     r"|\bring(?:s|ing)?\b|\bshares?\s+(?:the\s+)?island|crossings?\s+with"
                     r"|['\u2019]s\s+(?:\w+\s+)?(?:line|boundary|edge|flank)"
                     r"|\bcross(?:es|ed|ing)?\s+from\b|\bboundar|\bshares?\s+a\s+(?:\w+\s+)?line"
                     r"|\bmeet\s+(?:at|along)\s+the\b")
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:and|or)\s+", re.IGNORECASE)
_QUALIFYING_GAP = re.compile(r"\s*,\s*|\s+")


def find(view, finder) -> None:
    for match in BORDER_PATTERN.finditer(view.text):
        _from_a_border(view, finder, match)
    for match in NEIGHBOUR_PATTERN.finditer(view.text):
        _add(view, finder, match, *(_area(finder, view.mention(slot))
                                    for slot in match.groups()))
    for match in NEIGHBOURING_PATTERN.finditer(view.text):
        members = _slots_of(view, match["members"] or match["across"] or match["bare"])
        reference, doubts = _named_before(finder, view, match, members)
        _each_member(view, finder, match, reference, members, doubts=doubts,
                     member_first=False)
    for match in NEIGHBOURS_LIST_PATTERN.finditer(view.text):
        members = _slots_of(view, match["members"])
        reference, doubts = _named_before(finder, view, match, members)
        _each_member(view, finder, match, reference, members, doubts=doubts)
    named_lists = []
    for match in NEIGHBOURS_NAMED_PATTERN.finditer(view.text):
        named_lists.append(match.span())
        reference, doubts = _hub(finder, view.mention(match["ref"]), match)
        if reference is not None:
            _each_member(view, finder, match, reference, _slots_of(view, match["members"]),
                         doubts=doubts)
    for match in (*ITS_NEIGHBOURS_PATTERN.finditer(view.text),
                  *ITS_BORDER_PATTERN.finditer(view.text)):
        if any(start <= match.start() < end for start, end in named_lists):
            continue  # "Kenya and its neighbours Uganda and Tanzania": read above
        if match.groupdict().get("owner") and _NEAR_BEFORE.search(view.text, 0, match.start()):
            continue  # "Cizre, near Turkey's borders with Syria and Iraq": where Cizre is
        members = _slots_of(view, match["members"])
        # "smuggling along the country's frontiers with Benin and Togo": the article's country
        antecedent = (_home_country(finder) if match.groupdict().get("the_country")
                      else _area(finder, view.mention(match.groupdict().get("owner")))
                      if match.groupdict().get("owner")
                      else _its_antecedent(view, finder, match))
        if antecedent is not None:
            _each_member(view, finder, match, antecedent, members)
    for match in NEIGHBOURS_OF_PATTERN.finditer(view.text):
        members = _slots_of(view, match["members"])
        if match["it"] and not match["it_ref"]:
            # "Brazos County ... two of the counties bordering it, Burleson and Robertson"
            reference, doubts = _the_area_it_is(view, finder, match, members)
        else:  # "Finney County and the counties around it": the place named before "and"
            reference, doubts = _hub(finder, view.mention(match["ref"] or match["it_ref"]),
                                     match)
        if reference is not None:
            _each_member(view, finder, match, reference, members, doubts=doubts)
    for match in ITS_NEIGHBOUR_PATTERN.finditer(view.text):
        owner = finder.the_one_alike_before(view, int(match["member"]))
        if owner is not None:
            _add(view, finder, match, _area(finder, view.mention(match["member"])),
                 _area(finder, owner))
    for match in ACROSS_THE_LINE_PATTERN.finditer(view.text):
        _across_the_line(view, finder, match)
    for match in (*NEIGHBOUR_PAIR_PATTERN.finditer(view.text),
                  *CROSS_BORDER_PATTERN.finditer(view.text)):
        _add(view, finder, match, _area(finder, view.mention(match["first"])),
             _area(finder, view.mention(match["second"])))
    for match in SHARED_LENGTH_PATTERN.finditer(view.text):
        try:
            quantity = Quantity.matched(match)
        except ValueError:
            continue
        _add(view, finder, match, _area(finder, view.mention(match["subject"])),
             _area(finder, view.mention(match["other"])), quantity=quantity)
    for match in PART_BORDERS_PATTERN.finditer(view.text):
        _add(view, finder, match, _area(finder, view.mention(match["whole"])),
             _area(finder, view.mention(match["other"])))
    slot_spans = [(m.start(), m.end(), m[1]) for m in re.finditer(SLOT, view.text)]
    for match in NAMED_NEIGHBOUR_PATTERN.finditer(view.text):
        members = [view.mention(slot)
                   for slot in _list_before(view.text, slot_spans, match.start())]
        members = _without_qualifiers(finder, members)
        if match["each_other"]:  # "Fulton and DeKalb counties, which border each other",
            # "Chad and Sudan share a border": each pair
            for a, b in itertools.combinations(members, 2):
                _add(view, finder, match, _area(finder, a), _area(finder, b))
            continue
        if match["it_said"] or match["its_own"]:
            reference, doubts = _the_area_it_is(view, finder, match, members)
            if reference is not None:
                _each_member(view, finder, match, reference, members, doubts=doubts)
            continue
        if match["owner_line"]:
            # "Fairfield, on Butler County's southern edge": where a town is, not a neighbour
            members = [m for m in members if m.place.kind != "city"]
        others, doubts = _said_to_neighbour(view, finder, match)
        if len(others) > 1:  # "Ohio borders Indiana and Michigan": one subject, a claim each
            members = members[-1:]
        for other in others:
            reference = _area(finder, other)
            if reference is None and len(members) == 1 and match["between"] is None:
                reference = _county_in_state_of(other, finder.area_target(members[0]))
            if reference is not None:
                _each_member(view, finder, match, reference, members,
                             doubts=doubts + _which_country(finder, other))
    for match in THE_AREAS_NEIGHBOUR_PATTERN.finditer(view.text):
        meant, doubts = _the_area_meant(view, finder, match["anaphor"].lower(), match.start())
        if meant is not None:
            _each_member(view, finder, match, meant, _slots_of(view, match["members"]),
                         doubts=doubts)
    for match in ANAPHOR_NEIGHBOUR_PATTERN.finditer(view.text):
        if match["each_other"]:
            continue
        noun = (match["anaphor"] or match["anaphor_in"]).lower()
        meant, doubts = _the_area_meant(view, finder, noun, match.start())
        others, more_doubts = _said_to_neighbour(view, finder, match)
        # "India's minister visited Nepal. The country borders China and India": not India
        if meant is not None and all(finder.area_key(m) != meant.area for m in others):
            _each_member(view, finder, match, meant, others, doubts=doubts + more_doubts)


def _the_area_it_is(view, finder, match: re.Match, members: list) -> tuple:
    """The area "it" or "the county" stands for after a list ("Robeson County's board ...
    with Hoke and Scotland counties, which border it"): the last one of the members' kind
    the sentence names before the list; else the one of that kind ("the county": of the
    noun's) the article is about (`_the_area_meant`). With the doubts of that."""
    like = next((area for member in members if (area := _area(finder, member)) is not None),
                None)
    if like is None:
        return None, []
    first = members[0].start
    for mention in reversed([m for m in view.mentions if m.start < first]):
        area = finder.area_target(mention)
        if type(area) is type(like) and (not isinstance(area, AdminAreaTarget)
                                         or is_county(area) == is_county(like)):
            return area, []
    # "The county has also asked Lincoln, Turner and McCook counties, its neighbors": with none
    # named in the sentence, the one of the members' kind the article is about
    noun = (match.groupdict().get("it_noun") or (
        "country" if isinstance(like, CountryTarget) else "county" if is_county(like)
        else "state"))
    return _the_area_meant(view, finder, noun.lower(),
                           view.slot_positions[view.mentions.index(members[0])])


def _across_the_line(view, finder, match: re.Match) -> None:
    """Two counties of two states, one across the line from the other: the one named after
    "from", else the article's county (`_the_area_meant`), in another state."""
    county = _area(finder, view.mention(match["county"]))
    if not is_county(county):
        return
    before = [area for area in (finder.area_target(m) for m in view.mentions
                                if m.start < view.original_offset(match.start()))
              if is_county(area) and area != county]
    if match["from"]:
        other, doubts = _area(finder, view.mention(match["from"])), []
    elif before:  # "in Montgomery County and in Christian County, Ky., just across the line"
        other, doubts = before[-1], []
        others = [area for area in before[:-1] if area != other]
        if others:  # "Hamilton County and Butler County, and Kenton County, Ky., across the
            # Ohio River": across from either
            doubts = [f"across the line from {other.describe()} or "
                      f"{' or '.join(area.describe() for area in others)}?"]
    else:
        other, doubts = _the_area_meant(view, finder, "county")
        if other is not None:  # "Johnson County, Kan., just across the state line" from
            # Kansas City, which spreads over four counties
            doubts = [*doubts, f"across the line from {other.describe()}, or from a town?"]
    if is_county(other) and admin_areas.state_key_of(county.area) != admin_areas.state_key_of(
            other.area):
        _add(view, finder, match, county, other, doubts=doubts)


def _which_country(finder, mention) -> list[str]:
    """The doubt of words that name more than one country ("Congo"): a province measured by
    its towns against the other reading may be left unjudged, which is no proof either way."""
    if mention.place.kind != "country":
        return []
    named = [name for _, name in finder.countries_named(mention.mention.text)]
    return [f"{mention.mention.text} ({' or '.join(named)}?)"] if len(named) > 1 else []


def _said_to_neighbour(view, finder, match: re.Match) -> tuple[list, list[str]]:
    """The mentions a _SAID_OF_IT match says the place before it neighbours, and the doubts
    of that. "Malta, which lies between Sicily and Libya", "Howard County, which lies between
    Baltimore and Washington": between says where a place is, across water or between towns
    too, so only areas named as such count, and never as a false claim."""
    listed = (match["bordered"] or match["shared"] or match["island"] or match["whose_border"]
              or match["whose_neighbours"] or match["between"])
    others = (_list_slots(listed) if listed
              else [match["owner"] or match["owner_of"] or match["owner_among"]
                    or match["partner"] or match["owner_line"]])
    others = [m for m in _without_qualifiers(finder, [view.mention(slot) for slot in others])
              if m.mention.how != "demonym"]
    doubts = ([_BETWEEN_DOUBT] if match["between"] is not None
              else [_ISLAND_DOUBT] if match["island"] else [])
    return others, doubts


def _the_area_meant(view, finder, noun: str, view_offset: int = 0) -> tuple:
    """The area "the county" (or parish, state, country, nation, kingdom, republic) at
    `view_offset` stands for: the one of its kind the article is about, else the last one named
    before the words; in doubt when another was named before them ("The country": Guinea, the
    article's, or Sierra Leone, named just before?)."""
    before = view.original_offset(view_offset)
    if noun in ("country", "nation", "kingdom", "republic"):
        home = CountryTarget(finder.home_country) if finder.home_country else None
        kind = CountryTarget
    else:
        key = finder.home_state if noun == "state" else finder.home_county
        home = _as_named(finder, AdminAreaTarget(key)) if key else None
        kind = AdminAreaTarget
    named = _areas_last_named(finder, before, lambda _, target: isinstance(target, kind) and (
        not isinstance(target, AdminAreaTarget)
        or admin_areas.is_state(target.area) == (noun == "state")))
    meant = home or (list(named.values())[-1] if named else None)
    if meant is None:
        return None, []
    others = [target.describe() for area, target in named.items() if area != meant.area]
    doubts = ([f"the {noun}: {meant.describe()} or {others[-1]}?"] if others else [])
    if noun == "state":
        # "TUCSON, Ariz. - Officials in Chihuahua said the state, which borders Texas": a
        # state of another country (or its town) named before may be the one meant
        abroad = [m.place.name for m in finder.mentions if m.start < before
                  and m.place.kind != "country" and m.place.country_code
                  and m.place.country_code != admin_areas.COUNTRY_ISO2]
        if abroad:
            doubts.append(f"the state: {meant.describe()} or {abroad[-1]}?")
    if kind is CountryTarget:
        # "French troops left Gao last year. The country shares a long border with Algeria":
        # a country named only by its people's word, where the article's towns lie elsewhere
        towns_in = [(m.place.name, country_of(m.place)) for m in finder.mentions
                    if m.start < before and m.place.kind != "country"]
        elsewhere = [name for name, country in towns_in if country != meant.area]
        if elsewhere or (not towns_in and not named):
            doubts.append(f"the {noun}: {meant.describe()}, or the one "
                          f"{elsewhere[-1] if elsewhere else 'the article'} is in?")
    return meant, doubts


def _list_before(text: str, slot_spans, end: int) -> list[str]:
    """The slots of the list of places that ends at `end` ("Botswana, Mozambique, and South
    Africa"), read backwards from it: linear in the list's length."""
    members, position = [], end
    before = bisect.bisect_right([stop for _, stop, _ in slot_spans], end)
    for start, stop, slot in reversed(slot_spans[:before]):
        joined = stop == position if not members else _LIST_GAP.fullmatch(text, stop, position)
        if not joined:
            break
        members.append(slot)
        position = start
    return members[::-1]


def _slots_of(view, members: str) -> list:
    return [view.mention(slot) for slot in _list_slots(members)]


# "Chad and Niger, both bordering Libya, and France agreed": two members with a comma before
# their "and" are the end of one list and the start of another.
_TWO_WITH_A_COMMA = re.compile(rf"(?:the\s+)?{SLOT}\s*,\s+(?:and|or)\s+(?:the\s+)?{SLOT}.*",
                               re.IGNORECASE | re.DOTALL)


def _list_slots(members: str) -> list[str]:
    """The slot numbers of a LIST match's members."""
    slots = re.findall(SLOT, members)
    return slots[:1] if _TWO_WITH_A_COMMA.fullmatch(members) else slots


_BETWEEN_DOUBT = "between: touching both, or only lying between them?"
# Borneo holds three countries, and Brunei borders only Malaysia.
_ISLAND_DOUBT = "sharing an island: a land border, or only the island?"


def _each_member(view, finder, match: re.Match, reference, members: list,
                 member_first: bool = True, doubts: list[str] = ()) -> None:
    """One claim per country or US area of the list of mentions `members`: it neighbours
    `reference`; when that is None, the one country (or US state) the sentence names before
    ("Yemen and neighbouring Oman"), else the area the article is about, else for a county the
    county the sentence named before the list. A country named before that is not the
    article's leaves whose neighbour it is in doubt. The member is the claim's subject, or with
    `member_first` False its reference ("neighbouring Mali": the article's country neighbours
    Mali)."""
    # "Cuba was surrounded by American warships", "an adjacent Chinese-owned factory": a
    # people is no neighbour.
    members = [m for m in _without_qualifiers(finder, members) if m.mention.how != "demonym"]
    named_before = []
    if reference is None:
        named_before = _areas_named_before(view, finder, match, members)
        if len(named_before) > 1:  # "from Syria and Iraq into neighbouring Turkey"
            return
    given = list(doubts)
    listed = {m.start for m in members}
    for member in members:
        target = _area(finder, member) or _county_in_state_of(member, reference)
        if target is None or (reference is None
                              and isinstance(target, UnlocatedTarget | AdminUnitTarget)):
            continue
        before = home = None
        doubts = list(given)
        if reference is None:
            before = _same_kind(finder, named_before[0], target) if named_before else None
            if is_county(target):
                before = _county_before(view, match, members)
            home = _home(finder, target)
            if before is None and is_county(target) and (
                    home is None or _named_only_in(finder, home, listed)):
                # "TOWANDA - ... Bradford County ... neighboring Wayne County", with Wayne named
                # as often: the county named last before the sentence, else the town's
                home = _county_named_last(view, finder, listed) or _focus_town_county(finder)
            elif before is None and _named_only_in(finder, home, listed):
                # "goods bound for neighbouring Malawi" in a report from Beira: the country of
                # the town the article is about, which it need not name (not where a journey
                # across the border began); "surrounding countries like Niger, Chad and
                # Cameroon": the article is about Niger only because the list names it, so
                # whose neighbours they are is unsaid
                home = (_focus_town_area(finder, target)
                        if match.groupdict().get("across") is None else None)
                if home is None or _named_only_in(finder, home, listed):
                    continue
            doubts += _whose_neighbour(before, home)
            if before is None and is_county(home) and not _just_named(view, finder, home,
                                                                       match):
                # a county's neighbours are many and close: the one the article is about is
                # the likely one, not a sure one, unless the words have just named it
                doubts.append(f"whose neighbour: {home.describe()}'s (the county the article "
                              "is about) or another's?")
        other = reference or before or home or _county_before(view, match, members)
        target = _in_the_state_of(view, finder, member, target, other)
        _add(view, finder, match, *((target, other) if member_first else (other, target)),
             doubts=doubts, member=member)


# How close before a county's implied neighbour the county must be named to be the one meant
# ("Tarrant County Public Health will hold clinics in Arlington, Fort Worth and Hurst, a
# spokeswoman said. The county received 42,000 doses, and residents of neighboring Parker ...",
# with only its own towns between).
JUST_NAMED_CHARS = 300


def _just_named(view, finder, area, match: re.Match) -> bool:
    """Whether the words name `area` (a county's target) shortly before `match`, with no town
    of another county nor another county named between ("Flooding hit Harris County. In
    Austin, officials said neighboring Williamson County" is Travis County's neighbour)."""
    start = view.original_offset(match.start())
    before = [m for m in finder.mentions if start - JUST_NAMED_CHARS <= m.start < start]
    last = max((k for k, m in enumerate(before) if finder.area_key(m) == area.area),
               default=None)
    if last is None:
        return False
    state = admin_areas.state_key_of(area.area)
    return not any(
        (m.place.kind == "city" and admin_areas.county_holding(m.place) not in (None, area.area))
        or (m.place.kind == "admin2" and finder.area_key(m) != area.area)
        # "Flooding hit Harris County. The storm moved into Louisiana, where neighboring ..."
        or (m.place.kind in ("admin1", "country") and finder.area_key(m) != state)
        for m in before[last + 1:])


def _in_the_state_of(view, finder, member, target, other):
    """A county named as another's neighbour without its state, read as one that is not, is the
    one of its name in the other's state, where there is one: "Broome County officials asked
    neighboring Tioga County" (New York's, in an article that also names Tioga County,
    Pennsylvania's neighbour); not "Tioga County, Pa.", whose state the text gives, nor
    "Wyandotte County and neighboring Jackson County" (Missouri's, which borders it)."""
    if not (is_county(target) and is_county(other)) or admin_areas.state_key_of(
            target.area) == admin_areas.state_key_of(other.area):
        return target
    at = next((k for k, m in enumerate(view.mentions) if m is member), None)
    after = view.mentions[at + 1] if at is not None and at + 1 < len(view.mentions) else None
    if after is not None and finder.qualifies(member, after) and _QUALIFYING_GAP.fullmatch(
            finder.text, member.end, after.start):
        return target
    if admin_areas.shared_boundary_km(target.area, other.area) > 0:
        return target
    return _county_in_state_of(member, other) or target


def _county_named_last(view, finder, listed: set[int]) -> AdminAreaTarget | None:
    """The last US county the article names before the sentence, not in the list at `listed`
    (its members' starts)."""
    named = _areas_last_named(finder, view.sentence.start, lambda mention, target: (
        mention.start not in listed and is_county(target)))
    return list(named.values())[-1] if named else None


def _areas_last_named(finder, before: int, wanted) -> dict[str, object]:
    """The areas the article names before offset `before` that `wanted(mention, target)`
    keeps, by key, in the order each was last named."""
    named: dict[str, object] = {}
    for mention in finder.mentions:
        if mention.start >= before:
            break
        target = finder.area_target(mention)
        if target is not None and wanted(mention, target):
            named.pop(target.area, None)
            named[target.area] = target
    return named


def _focus_town_county(finder) -> AdminAreaTarget | None:
    """The US county of the town the article is about ("GAINESVILLE, Ga. - ... across the
    county line in Jackson County": Hall County's line)."""
    focus = finder.focus.place if finder.focus is not None else None
    key = admin_areas.county_holding(focus) if focus is not None and focus.kind == "city" \
        else None
    return AdminAreaTarget(key, focus.admin2) if key else None


def _focus_town_area(finder, like) -> CountryTarget | AdminAreaTarget | None:
    """The country (or US state, as `like` is) of the town the article is about, if its focus
    is a town."""
    focus = finder.focus.place if finder.focus is not None else None
    # "GENEVA (Reuters) - ... neighbouring Uganda": where the reporter is; but "KADUNA - ... a
    # farm in Kaduna state": the town's own first-level unit, named, says the news is there
    if focus is None or focus.kind != "city" or not any(
            not m.mention.dateline and (m.place.id == focus.id or (
                m.place.kind == "admin1" and m.place.country_code == focus.country_code
                and m.place.name == focus.admin1))
            for m in finder.mentions):
        return None
    if isinstance(like, CountryTarget):
        country = country_of(focus)
        return CountryTarget(country) if country else None
    state = admin_areas.state_of(focus) if admin_areas.is_state(like.area) else None
    return AdminAreaTarget(state) if state else None


def _named_only_in(finder, area, listed: set[int]) -> bool:
    """Whether the article names `area` (a target, or None) only where `listed` (the starts of
    a list's members) says."""
    if area is None:
        return False
    named = finder.starts_naming(area_of(area))
    return bool(named) and named <= listed


_PLURAL_UNITS = re.compile(r"\s*\b(?:counties|parishes)\b", re.IGNORECASE)


def _named_before(finder, view, match: re.Match, members: list) -> tuple:
    """The county named right before "and neighbouring" counties ("Wake and neighboring Durham
    and Johnston counties": Wake County), or None, with the doubts of that reading. Not a
    country: in "refugees fled into Uganda and neighbouring Burundi" Burundi may be Congo's
    neighbour (_whose_neighbour)."""
    named = _NAMED_AND.search(view.text, max(0, match.start() - _NAMED_AND_REACH), match.start())
    if named is None or not members:
        return None, []
    if not is_county(_area(finder, members[0])):
        return None, []  # "Fulton County and neighboring Alabama": Georgia's neighbour
    at = int(named["before"])
    before = view.mentions[at]
    if at and finder.qualifies(view.mentions[at - 1], before):  # "Saline County, Arkansas and"
        before = view.mentions[at - 1]
    # a town is no county, whatever county bears its name ("Jackson and neighboring Rankin
    # County": Jackson lies in Hinds County), unless a plural noun makes it one of the list
    # ("Lane and the adjacent counties of Douglas and Linn", "Kanawha and surrounding Putnam
    # and Boone counties")
    area, doubts = _area(finder, before), []
    if area is None and (_PLURAL_UNITS.search(match.group())
                         or _PLURAL_UNITS.match(view.text, match.end())):
        area = _county_in_state_of(before, _area(finder, members[0]))
        # "Jackson and surrounding Rankin and Madison counties": the city's neighbours, maybe
        doubts = [f"{before.mention.text}: the county, or the town and its county?"]
    return (area, doubts) if is_county(area) else (None, [])


def _whose_neighbour(before, home) -> list[str]:
    """The doubt of a neighbour taken to be the one of the area named before (`before`) when
    the article is about another (`home`) or none geo could settle: the sentence may mean
    either ("Fighting in eastern Congo pushed refugees into Uganda and neighbouring Burundi":
    Congo's neighbour), so the claim cannot be called inconsistent on that guess."""
    if before is None or (home is not None and area_of(before) == area_of(home)):
        return []
    other = f"{home.describe()}'s" if home is not None else "another's"
    return [f"whose neighbour: {before.describe()}'s or {other}?"]


def _areas_named_before(view, finder, match: re.Match, members: list) -> list:
    """The countries (or US states), other than the article's own and the members, that the
    sentence names before an implied neighbour: the one whose neighbour it is ("refugees from
    Syria crossed into neighbouring Turkey", "Yemen and neighbouring Oman", in an article about
    Germany or filed from Muscat); with two or more, which one is unsaid."""
    member_areas = {finder.area_key(m) for m in members}
    before = view.mentions[:bisect.bisect_left(view.slot_positions, match.start())]
    areas = {}
    for mention in _without_qualifiers(finder, before):
        key = finder.area_key(mention)
        if key is not None and key not in member_areas \
                and key not in (finder.home_country, finder.home_state) \
                and (finder.country_code(mention) or admin_areas.is_state(key)):
            areas.setdefault(key, mention)
    return list(areas.values())


# A dateline's dash and agency before the sentence's first place: "LAGOS (Reuters) - Nigeria".
_AFTER_A_DATELINE = re.compile(r"\s*(?:,\s*[\w.]+(?:\s+\d{1,2})?\s*)?(?:\([^()]{1,40}\)\s*)?"
                               r"(?:--|[-\u2013\u2014:])\s*(?:the\s+)?", re.IGNORECASE)
# The state or country right after a place, which says where it is: "Frederick County, Md.,".
_QUALIFIER_AFTER = re.compile(r"\s*,\s*\x01\d+\x02\s*,?")
# What makes "its" another's than the place the sentence opens with: another name ("Germany's
# minister said the EU must secure its borders") or a clause ("Kenya fears that its
# neighbours"); not a report of what the place itself will do ("Zambia said it would close its
# border with South Africa").
_NOT_ITS_OWN = re.compile(r"[\x01A-Z]|\b(?:that|which|who|because|while|when|after|before"
                          r"|where|whose|if|as)\b")


_NEAR_BEFORE = re.compile(rf"\b(?:{PROXIMITY})\s+\Z", re.IGNORECASE)


def _its_antecedent(view, finder, match: re.Match):
    """The area "its" stands for ("Nigeria has closed its land border with Benin", "LAGOS -
    Nigeria has closed its", "Frederick County, Md., and its neighbors"): the one the sentence
    opens with, after its dateline, when no other name or clause stands between them (the
    state or country that says where it is aside); else None."""
    first = 0
    if view.mentions and view.mentions[0].mention.dateline and len(view.mentions) > 1 \
            and _AFTER_A_DATELINE.fullmatch(view.text, view.slot_ends[0],
                                            view.slot_positions[1]):
        first = 1
    elif not view.mentions or not _OPENING.fullmatch(view.text, 0, view.slot_positions[0]):
        return None
    end = view.slot_ends[first]
    if first + 1 < len(view.mentions) and finder.qualifies(view.mentions[first],
                                                           view.mentions[first + 1]):
        qualifier = _QUALIFIER_AFTER.match(view.text, end)
        end = qualifier.end() if qualifier else end
    gap = view.text[end:match.start()]
    if _NOT_ITS_OWN.search(gap.replace("'s ", " ").replace("\u2019s ", " ")):
        return None
    return finder.area_target(view.mentions[first])


def _same_kind(finder, mention, like) -> CountryTarget | AdminAreaTarget | None:
    """`mention` as an area of the kind `like` is (a country, a US state), or None: a county's
    neighbour is the county named before it (_county_before), not the state."""
    target = finder.area_target(mention) if mention is not None else None
    if target is None or type(target) is not type(like):
        return None
    if isinstance(target, AdminAreaTarget) and not (admin_areas.is_state(target.area)
                                                    and admin_areas.is_state(like.area)):
        return None
    return target


def _county_in_state_of(member, reference) -> AdminAreaTarget | None:
    """"Travis County is surrounded by Williamson, Bastrop and Blanco counties": a neighbour of
    a county is a county, so a member read as a town is the county of its name in the same
    state, if there is one. None when `reference` (any target, or None) is no county."""
    if not isinstance(reference, AdminAreaTarget) or admin_areas.is_state(reference.area):
        return None
    named = _county_named_in(member, admin_areas.state_key_of(reference.area))
    return AdminAreaTarget(named[0], named[1].name) if named else None


def _county_named_in(mention, state: str):
    """(key, candidate) of the first reading of `mention` that is a county of the US state
    `state` (a key), or None."""
    for candidate in mention.mention.candidates:
        key = admin_areas.key_for(candidate)
        if key and not admin_areas.is_state(key) and admin_areas.state_key_of(key) == state:
            return key, candidate
    return None


def _without_qualifiers(finder, mentions: list) -> list:
    """A list's members without the state or country that says where the one before it is,
    right after it: "Carroll County, Tennessee" is one member; in "LOUISVILLE - Kentucky's
    outbreak", Kentucky is named for itself."""
    return mentions[:1] + [mention for before, mention in itertools.pairwise(mentions)
                           if not ((finder.qualifies(before, mention)
                                    or _a_state_of_its_name(before, mention))
                                   and _QUALIFYING_GAP.fullmatch(finder.text, before.end,
                                                                 mention.start))]


def _a_state_of_its_name(county, state) -> bool:
    """Whether `state` is one holding a county of `county`'s name, whichever geo read:
    "Sullivan County and Washington County, Va.", with Virginia's Washington read as
    Tennessee's, still has Virginia saying where, not a member of the list."""
    return state.place.kind == "admin1" and any(
        c.kind == "admin2" and c.admin1 == state.place.name for c in county.mention.candidates)


def _from_a_border(view, finder, match: re.Match) -> None:
    """"the Algerian border with Mali" says Algeria and Mali are neighbours."""
    slots = [s for s in match.groups() if s is not None]
    if len(slots) == 2 and finder.lines_between_us_areas(
            match.group(), [view.mentions[int(s)] for s in slots]):
        _add(view, finder, match, *(_area(finder, view.mentions[int(s)]) for s in slots))


def _county_before(view, match: re.Match, members: list) -> AdminAreaTarget | None:
    """The last US county the sentence names before `match`, not one of `members`: "from
    Walker County into neighboring Montgomery County"."""
    listed = {id(member) for member in members}
    for mention in reversed(view.mentions[:bisect.bisect_left(view.slot_positions,
                                                               match.start())]):
        key = admin_areas.key_for(mention.place) if id(mention) not in listed else None
        if key and not admin_areas.is_state(key):
            return AdminAreaTarget(key, mention.place.name)
    return None


def _home_country(finder) -> CountryTarget | None:
    return CountryTarget(finder.home_country) if finder.home_country else None


def _home(finder, like) -> CountryTarget | AdminAreaTarget | None:
    """The area the article is about, of the kind `like` is (a country, a US state)."""
    home = finder.home_of(like.area)
    if home is None:
        return None
    return (_as_named(finder, AdminAreaTarget(home)) if admin_areas.is_key(home)
            else CountryTarget(home))


def _as_named(finder, area: AdminAreaTarget) -> AdminAreaTarget:
    """The area with the name the article calls it by ("Winneshiek County", where the Census
    layer has "Winneshiek, Iowa")."""
    named = next((m.place.name for m in finder.mentions
                  if finder.area_key(m) == area.area), None)
    return dataclasses.replace(area, label=named) if named else area


def _area(finder, mention):
    """A mention as adjacency measures it: a country's or US state's or county's outline; a
    first-level unit elsewhere, of which geo has no outline, by its towns (`_unit_and_country`);
    a second-level one as an end it cannot locate, so that "Oaxaca and Chiapas, both of which
    border Guatemala" is reported rather than dropped; None for anything else (a town has no
    border)."""
    target = finder.area_target(mention)
    # a town borders nothing: "Oaxaca and Chiapas, both of which border Guatemala" are states
    unit = mention.place if mention.place.kind == "admin1" else next(
        (c for c in mention.mention.candidates if c.kind == "admin1"
         and c.country_code == mention.place.country_code
         and c.name.casefold() == mention.mention.text.casefold()), None)
    if target is None and unit is not None and finder.lookups is not None:
        unit_end = unit_target(unit)
        words = mention.mention.text.casefold()
        countries = {c.country_code for c in mention.mention.candidates if c.kind == "admin1"
                     and words in (c.name.casefold(), c.matched_name.casefold())}
        if len(countries) > 1 or _GENERIC_UNIT.match(words):  # "Adamawa", "Punjab", "Eastern
            # Province" (Sri Lanka's, Zambia's, Kenya's former, Rwanda's...)
            return UnlocatedTarget(mention.mention.text, f"{mention.mention.text} may name "
                                   "first-level units of several countries")
        if unit_end is not None and not admin_areas.key_for(unit):
            return dataclasses.replace(unit_end, label=mention.mention.text,
                                       towns=finder.lookups.towns_of(unit))
    if target is None and mention.place.kind in ("admin1", "admin2"):
        name = mention.mention.text
        return UnlocatedTarget(name, f"geo has no outline of {name}: adjacency is measured "
                                     "between countries, or US states and counties")
    return target


def _hub(finder, mention, match: re.Match) -> tuple:
    """The place whose neighbours a list names, as `_area` reads it, with the doubts of that
    reading. Where the words call the neighbours counties (or parishes) and the place reads
    as a town: a town of some size is its own county, in doubt when that county is named
    otherwise ("the counties surrounding Houston": Harris County, or Houston County?); a
    smaller one the county of its name in its state or the article's ("the counties
    bordering Lancaster — Chester and Berks": Lancaster County, Pennsylvania)."""
    area = _area(finder, mention)
    if area is not None or not _PLURAL_UNITS.search(match.group()):
        return area, []
    town = mention.place
    if town.kind == "city" and (town.population or 0) >= TOWN_BEFORE_A_LIST_POPULATION:
        own = admin_areas.county_holding(town)
        if own is None:
            return None, []
        county = town.admin2
        alike = county.casefold().startswith(town.name.casefold() + " ")
        return AdminAreaTarget(own, county), (
            [] if alike else [f"{town.name}: {county} (the city's) or {town.name}'s namesake?"])
    for state in (admin_areas.state_of(town), finder.home_state):
        named = _county_named_in(mention, state) if state else None
        if named is not None:
            return AdminAreaTarget(named[0], admin_areas.area(named[0]).name), []
    return None, []


def _add(view, finder, match: re.Match, subject, reference, doubts=(), quantity=None,
         member=None) -> None:
    """Add the claim that `subject` neighbours `reference`, made by the words `match` and, for
    a list's member named before them (`member`, a mention), by its name too."""
    if subject is not None and reference is not None and area_of(subject) != area_of(reference) \
            and not _holds(subject, reference) and not _holds(reference, subject):
        doubts = [*doubts, *_counties_said_elsewhere(view, subject, reference)]
        finder.add(view, match, subject=subject, relation=RELATION, reference=reference,
                   doubts=doubts, quantity=quantity, covering=member)


def _holds(state, county) -> bool:
    """Whether `state` is the US state that holds the county `county`: no neighbour of its own
    county ("its Texas neighbors Harrison and Bowie counties" is no claim about Texas)."""
    outer, inner = area_of(state), area_of(county)
    return (admin_areas.is_state(outer) and admin_areas.is_key(inner)
            and not admin_areas.is_state(inner) and admin_areas.state_key_of(inner) == outer)


# A place, a comma, and a state just after it: "Fairfield County, Connecticut".
_STATE_AFTER = re.compile(rf"\s*,\s*{SLOT}")


def _counties_said_elsewhere(view, *ends) -> list[str]:
    """The doubts of US counties read in one state that the text puts in another, right after
    their names: the gazetteer lacks Connecticut's counties (GeoNames has its planning regions
    since 2022), so "Fairfield County, Connecticut" is read as Ohio's."""
    doubts = []
    for end in ends:
        if not isinstance(end, AdminAreaTarget) or admin_areas.is_state(end.area):
            continue
        for i in view.slots_of(end):
            after = _STATE_AFTER.match(view.text, view.slot_ends[i])
            if after is None:
                continue
            state = admin_areas.key_for(view.mention(after[1]).place)
            if state and admin_areas.is_state(state) \
                    and state != admin_areas.state_key_of(end.area):
                doubts.append(f"{end.describe()} ({admin_areas.area(end.area).describe()}, "
                              f"but the text says {view.mention(after[1]).mention.text}?)")
    return doubts


def describe(claim: Claim) -> str:
    length = f" along {claim.quantity.describe()}" if claim.quantity is not None else ""
    return f"{claim.subject.describe()} neighbours {claim.reference.describe()}{length}"


def measure(claim: Claim) -> Measurement:
    subject, reference = claim.subject, claim.reference
    if isinstance(subject, CountryTarget) and isinstance(reference, CountryTarget):
        try:
            shared = base_layers.border(subject.adm0_a3, reference.adm0_a3)
        except base_layers.NoSharedBorder:
            gap = base_layers.water_gap_km(subject.adm0_a3, reference.adm0_a3)
            if gap is not None and gap < WATER_GAP_KM:
                return Measurement(problem=f"no land border on the 1:10m map, {gap:,.0f} km "
                                           "apart: they may meet at a point or across water")
            return Measurement(km=0.0)
        return Measurement(km=float(shared.length_km), drawn=shared.geometry)
    if isinstance(subject, AdminAreaTarget) and isinstance(reference, AdminAreaTarget):
        shared = admin_areas.shared_boundary_km(subject.area, reference.area)
        gap = admin_areas.gap_km(subject.area, reference.area) if not shared else 0.0
        if not shared and gap < WATER_GAP_KM and not admin_areas.land_between(subject.area,
                                                                             reference.area):
            return Measurement(problem=f"no shared line on land, {gap:,.0f} km apart: they may "
                                       "meet on water, where the Census outlines stop")
        drawn = admin_areas.shared_boundary(subject.area, reference.area) if shared else None
        return Measurement(km=shared, drawn=drawn)
    area_and_country = _area_and_country(subject, reference)
    if area_and_country is not None:  # "the Texas-Mexico border", "Cochise County borders Mexico"
        along = admin_areas.border_along(*area_and_country)
        if along.is_empty:
            gap = admin_areas.water_gap_to_country_km(*area_and_country)
            if gap is not None and gap < WATER_GAP_KM:
                return Measurement(problem=f"no shared line on land, {gap:,.0f} km apart: they "
                                           "may meet on water, where the Census outlines stop")
        return Measurement(km=admin_areas.border_along_km(*area_and_country),
                           drawn=None if along.is_empty else along)
    unit_and_country = _unit_and_country(subject, reference)
    if unit_and_country is not None:
        return _measured_by_its_towns(*unit_and_country)
    unit = next((end for end in (subject, reference) if isinstance(end, AdminUnitTarget)), None)
    if unit is not None:
        return Measurement(problem=f"geo has no outline of {unit.describe()}: adjacency is "
                                   "measured between countries, or US states and counties")
    return Measurement(problem="adjacency is measured between two countries, two US states or "
                               "counties, or a US state or county and a country")


def _unit_and_country(*ends) -> tuple[AdminUnitTarget, CountryTarget] | None:
    units = [e for e in ends if isinstance(e, AdminUnitTarget) and e.admin2 is None and e.towns]
    countries = [e for e in ends if isinstance(e, CountryTarget)]
    return (units[0], countries[0]) if len(units) == len(countries) == 1 else None


def _measured_by_its_towns(unit: AdminUnitTarget, country: CountryTarget) -> Measurement:
    """"Katsina, which borders Niger": a first-level unit of a country that shares no land
    border with the other cannot border it either; one with a town within TOWN_AT_BORDER_KM
    of their border does; of one whose towns all lie farther, geo cannot tell (a unit's edge
    may hold no town the gazetteer knows). The measurement is the geodesic from its nearest
    town to the border."""
    own = _map_country_of(unit)
    if own is None or own == country.adm0_a3:
        return Measurement(problem=f"{unit.describe()} lies in {country.describe()}")
    try:
        border = base_layers.border(own, country.adm0_a3)
    except base_layers.NoSharedBorder:
        gap = base_layers.water_gap_km(own, country.adm0_a3)
        if gap is not None and gap < WATER_GAP_KM:  # "Johor, which borders Singapore"
            return Measurement(problem=f"no land border on the 1:10m map, {gap:,.0f} km apart: "
                                       "they may meet at a point or across water")
        return Measurement(km=0.0)
    import numpy as np  # loaded by the measurement already

    from geo.geodesy import prepared_lines

    lat, lon = np.array(unit.towns, float).T
    metres, border_lat, border_lon = prepared_lines(border.geometry).nearest_many(lat, lon)
    at = int(np.argmin(metres))
    km = float(metres[at]) / 1000
    if km > TOWN_AT_BORDER_KM:
        return Measurement(problem=f"geo knows {unit.describe()} by its towns, and the nearest "
                                   f"to the border lies {km:,.0f} km from it: its edge may "
                                   "still reach the border")
    return Measurement(km=km, origin=unit.towns[at],
                       nearest=(float(border_lat[at]), float(border_lon[at])))


_GENERIC_UNIT = re.compile(r"(?:north|south|east|west|central|centre|upper|lower|middle|far)"
                           r"[\w-]*(?:\s|\Z)")


def _map_country_of(unit: AdminUnitTarget) -> str | None:
    """The 1:10m country most of the unit's biggest towns lie in, which the map may draw apart
    from the country the gazetteer files it under (Awdal in Somaliland, Dakhla in Western
    Sahara)."""
    counts = Counter(found.adm0_a3 for found in map(
        lambda town: base_layers.country_at(*town), unit.towns[:UNIT_TOWNS_VOTING])
        if found is not None)
    if counts:
        return counts.most_common(1)[0][0]
    return unit.country_codes[0] if unit.country_codes else None


def _area_and_country(*ends) -> tuple[str, str] | None:
    """A US state's or county's key and a country's code, when the two ends are one of each."""
    areas = [e.area for e in ends if isinstance(e, AdminAreaTarget)]
    countries = [e.adm0_a3 for e in ends if isinstance(e, CountryTarget)
                 and e.adm0_a3 != admin_areas.COUNTRY]  # a state is in the US, not beside it
    return (areas[0], countries[0]) if len(areas) == len(countries) == 1 else None


def judge(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    if _unit_and_country(claim.subject, claim.reference):  # _measured_by_its_towns
        reason = (f"one of its towns lies {measurement.km:,.0f} km from the border"
                  if measurement.origin else "their countries share no land border")
        return Verdict(claim, measurement, status_of(0.0 if measurement.origin else math.inf),
                       reason=reason)
    shares = measurement.km > 0
    if shares and claim.quantity is not None:  # "shares a 1,340-km border with"
        claimed = claim.quantity.km
        # the map's allowance stands for where the line is, so no more for the ends
        return number_checked(claim, measurement, 0.0,
                              Tolerance(SHORTER_ON_THE_MAP * claimed, LONGER_ON_THE_MAP * claimed),
                              reason=f"they share {measurement.km:,.0f} km of border on the map")
    land = "land " if isinstance(claim.subject, CountryTarget) else ""
    reason = (f"they share {measurement.km:,.0f} km of {land}border" if shares
              else f"they share no {land}border")
    return Verdict(claim, measurement, status_of(0.0 if shares else math.inf), reason=reason)
