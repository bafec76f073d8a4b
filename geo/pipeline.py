"""The whole job, stage by stage, over one document object:

text -> mentions -> places -> claims -> measurements -> verdicts (-> layers, report, map)

Each stage is a function in its own module; `Pipeline` only holds what is expensive to open
(the gazetteer, the recogniser) and passes each stage's output to the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from geo import admin_areas, base_layers
from geo.extract_claims import ArticleContext, FoundClaim, extract_claims, regions_named
from geo.focus import focus
from geo.gazetteer import Gazetteer
from geo.mentions import Recogniser
from geo.resolve import Place, ResolvedMention, places, resolve
from geo.source import Article, read_article
from geo.targets import PointTarget, RegionTarget, target_for
from geo.verdicts import Verdict, verify


@dataclass
class Analysis:
    """Everything geo found in one article: the stages' typed values, and the same as
    GeoDataFrames in EPSG:4326 (`places`, `claims`, `countries`, `borders`, `regions`), the
    report (`to_dict`), the map (`to_map`, `explore`) and the files (`write`)."""

    article: Article
    mentions: list[ResolvedMention]
    found_places: list[Place]
    focus: Place | None
    found_claims: list[FoundClaim]
    verdicts: list[Verdict]
    named_regions: list[tuple[RegionTarget, int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def layers(self) -> dict:
        """name -> GeoDataFrame, as geo.incident_layers.build_layers makes them."""
        from geo.incident_layers import build_layers

        return build_layers(self)

    @property
    def places(self):
        """One row per place named, with its mentions counted and the focus marked."""
        return self.layers["places"]

    @property
    def claims(self):
        """One row per claim in text order: its sentence and offsets, claimed, measured,
        tolerance, grade and verdict, and the measured line (none when unmeasured)."""
        return self.layers["claims"]

    @property
    def countries(self):
        return self.layers["countries"]

    @property
    def borders(self):
        return self.layers["borders"]

    @property
    def regions(self):
        return self.layers["regions"]

    def to_dict(self, source_name: str = "-") -> dict:
        """The report, as report.json holds it."""
        from geo.report import report_dict

        return report_dict(self, source_name=source_name)

    def to_map(self):
        """The incident map as a folium Map; rendered (in a notebook, or by `save`) it is one
        self-contained page that loads nothing from outside."""
        from geo.incident_map import article_text, incident_map

        return incident_map(self.layers, article_text(self))

    def explore(self, **options):
        """geopandas' `explore` of every layer on one folium map (needs geo[explore]); the
        basemap tiles come from the web unless `tiles` says otherwise."""
        from geo.incident_layers import explore

        return explore(self.layers, **options)

    def write(self, folder, formats=None, source_name: str = "-") -> dict:
        """Write the files of `formats` (all by default; see geo.outputs.FORMATS) into
        `folder`, as `geo run` does; returns the report."""
        from geo.outputs import write_outputs

        return write_outputs(self, folder, source_name=source_name, formats=formats)


def home_country(found: list[Place], where: Place | None = None) -> str | None:
    """The country an article is about: the one it names most (demonyms included), or when
    several are named as often, the country of `where` (the incident's focus) if it is one of
    them; None when nothing tells them apart. It stands for the country a sentence leaves
    unsaid ("neighbouring Mali"), so a guess would make claims out of nothing."""
    counts = _mention_counts(found, lambda place: (
        place.country_code if place.kind == "country" else None))
    code = _leader(counts, where.place.country_code if where is not None else None)
    try:
        return base_layers.adm0_a3(code) if code else None
    except base_layers.UnknownCountry:
        return None


def home_state(found: list[Place], where: Place | None = None) -> str | None:
    """The US state an article is about (its key in geo.admin_areas), by the same rule as
    home_country: "neighboring Massachusetts" in an article about Rhode Island."""
    counts = _mention_counts(found, lambda place: (
        admin_areas.key_for(place) if place.kind == "admin1" else None))
    return _leader(counts, admin_areas.state_of(where.place) if where is not None else None)


def home_county(found: list[Place], where: Place | None = None) -> str | None:
    """The US county an article is about, by the same rule: "neighboring Gwinnett County" in
    an article about Fulton County."""
    counts = _mention_counts(found, lambda place: (
        admin_areas.key_for(place) if place.kind == "admin2" else None))
    # among ties, the focus's own county: "SIOUX FALLS, S.D. - Minnehaha County is paying
    # Brookings County"
    focus_key = ((admin_areas.key_for(where.place) or admin_areas.county_holding(where.place))
                 if where is not None else None)
    filed_there = where is not None and any(m.mention.dateline for m in where.mentions)
    if filed_there and focus_key and not admin_areas.is_state(focus_key) and counts and all(
            admin_areas.state_key_of(key) != admin_areas.state_key_of(focus_key)
            for key in counts):
        # only counties of other states named: the county of the dateline's town ("TOLEDO,
        # Ohio - ... into Monroe County, Mich., across the state line")
        return focus_key
    return _leader(counts, focus_key)


def _mention_counts(found: list[Place], key_of) -> dict[str, int]:
    counts: dict[str, int] = {}
    for place in found:
        key = key_of(place.place)
        if key:
            counts[key] = counts.get(key, 0) + len(place.mentions)
    return counts


def _leader(counts: dict[str, int], focus_key: str | None) -> str | None:
    """The key named most; among ties, the focus's if it is one of them; else None."""
    if not counts:
        return None
    most = max(counts.values())
    leaders = [key for key, count in counts.items() if count == most]
    if len(leaders) > 1:
        leaders = [focus_key] if focus_key in leaders else []
    return leaders[0] if leaders else None


class Pipeline:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer or Gazetteer.open()

    @cached_property
    def recogniser(self) -> Recogniser:
        return Recogniser(self.gazetteer)

    def airport_of(self, town) -> PointTarget | None:
        airports = self.gazetteer.airports_serving(town.id)
        return target_for(airports[0]) if airports else None

    def capital_of(self, country_code: str) -> PointTarget | None:
        capital = self.gazetteer.capital_of(country_code)
        return target_for(capital) if capital else None

    def towns_of(self, unit) -> tuple[tuple[float, float], ...]:
        return tuple((town.lat, town.lon) for town in self.gazetteer.towns_in(unit))

    def resolved_mentions(self, text: str) -> list[ResolvedMention]:
        return resolve(self.recogniser.mentions(text), text)

    def analyse(self, article: Article | str, with_claims: bool = True) -> Analysis:
        """`article` read by geo.source (any encoding, HTML or text), or a text as it is."""
        if isinstance(article, str):
            article = read_article(article.encode("utf-8"))
        text = article.text
        mentions = self.resolved_mentions(text)
        found = places(mentions)
        where = focus(found, text)
        context = ArticleContext(home_country(found, where), home_state(found, where),
                                 where.mentions[0] if where is not None else None,
                                 home_county(found, where))
        claims = (extract_claims(text, mentions, context, self)
                  if with_claims else [])
        return Analysis(
            article=article, mentions=mentions, found_places=found, focus=where,
            found_claims=claims, verdicts=[verify(c.claim, c.readings) for c in claims],
            named_regions=regions_named(text, mentions) if with_claims else [])
