"""Layers -> map: the incident as one self-contained HTML page, plus KML and CSV exports.

The page is a folium map whose every layer comes from `geo.incident_layers.build_layers`; the
article only lends it words (title, spellings, the sentences quoted in popups), gathered by
`article_text`. `write_map_outputs` writes map.html, layers.kml and places.csv.

Two properties hold by construction:
- Deterministic: folium (through branca) names every element with a random id; the page's
  root, a `_Page`, renumbers them 0001, 0002... in the order they first appear in the rendered
  page (`_sequential_ids`), so the same input gives the same bytes. Nothing outside the page is
  touched, so pages can be built on several threads at once.
- Inert outside text: branca compiles what folium elements render as Jinja templates, so no
  text from outside geo is ever given to folium. The map is built with placeholders
  (`geo.escape.PageText`) and its root, a `_Page`, puts the text in after rendering, escaped
  for HTML and for the JS strings folium writes popups, tooltips and GeoJSON into.
"""

from __future__ import annotations

import bisect
import html
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import shapely
import shapely.affinity
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from geo import base_layers, claims_csv, exports
from geo.basemap import LABEL_CSS, CountriesMiniMap, CountryLabels
from geo.claims_panel import PANEL_CSS, ClaimsPanel, claim_facts, claim_heading, panel_html
from geo.colours import (
    COAST_COLOUR,
    COUNTRY_COLOUR,
    LAND_COLOUR,
    OTHER_KIND_COLOUR,
    PLACE_KIND_COLOURS,
    REFERENCE_COLOUR,
    SEA_COLOUR,
    VERDICT_COLOURS,
)
from geo.escape import PageText, html_text, xml_text
from geo.extract_claims import sentences
from geo.incident_layers import LAYER_COLUMNS, measured_claims
from geo.offline_html import (
    inline_assets,
    optional_osm_layer,
    save_offline_html,
)

# A title longer than this is cut (the legend and the browser tab show it).
TITLE_CHARACTERS = 90
# The basemap is drawn from the 1:50m polygons simplified by 0.02 degrees (about a pixel at
# zoom 6): 0.9 MB of GeoJSON instead of 1.7 MB, the bulk of the page.
BASEMAP_TOLERANCE_DEG = 0.02
# Decimal places kept: 3 (about 100 m) for drawn polygons, 5 (1 m) for measured lines.
POLYGON_DECIMALS, LINE_DECIMALS = 3, 5
BASEMAP_PANE = "basemap"


# ---------------------------------------------------------------------------------------------
# What the map quotes from the article


@dataclass(frozen=True)
class Quote:
    """A sentence of the article and the spans in it to highlight (offsets into `text`)."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ArticleText:
    """The article's words the map shows: place and claim keys are those of the layers."""

    title: str
    spellings: dict[str, list[str]] = field(default_factory=dict)  # place id -> as written
    place_quotes: dict[str, list[Quote]] = field(default_factory=dict)  # place id -> sentences
    claim_quotes: dict[int, Quote] = field(default_factory=dict)  # claim number -> sentence


def article_text(analysis) -> ArticleText:
    article_sentences = sentences(analysis.text)
    starts = [s.start for s in article_sentences]

    place_quotes = {}
    for place in analysis.found_places:
        marks_by_sentence: dict[int, list[tuple[int, int]]] = {}
        for mention in place.mentions:
            index = bisect.bisect_right(starts, mention.start) - 1
            sentence = article_sentences[index]
            marks_by_sentence.setdefault(index, []).append(
                (mention.start - sentence.start, min(mention.end, sentence.end) - sentence.start))
        place_quotes[place.place.id] = [
            Quote(article_sentences[index].text, tuple(sorted(marks)))
            for index, marks in sorted(marks_by_sentence.items())]

    # Numbered as build_layers numbers claims: from 1, in the order of analysis.found_claims.
    claim_quotes = {
        number: Quote(found.sentence.text, ((found.start - found.sentence.start,
                                             found.end - found.sentence.start),))
        for number, found in enumerate(analysis.found_claims, start=1)}
    return ArticleText(
        title=(analysis.article.title or _headline(article_sentences)
               or Path(analysis.article.name).name),
        spellings={p.place.id: p.texts for p in analysis.found_places},
        place_quotes=place_quotes, claim_quotes=claim_quotes)


def _headline(article_sentences) -> str:
    """A plain-text article's title: its first sentence, cut at a word near TITLE_CHARACTERS
    (a saved page has its <title> instead)."""
    if not article_sentences:
        return ""
    first = " ".join(article_sentences[0].text.split())
    if len(first) <= TITLE_CHARACTERS:
        return first
    return first[:TITLE_CHARACTERS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _quote_html(quote: Quote) -> str:
    pieces, cursor = [], 0
    for start, end in quote.marks:
        if start < cursor:  # overlapping spans: the first one wins
            continue
        pieces += [html_text(quote.text[cursor:start]), "<mark>", html_text(quote.text[start:end]),
                   "</mark>"]
        cursor = end
    pieces.append(html_text(quote.text[cursor:]))
    return f'<blockquote class="geo-quote">{"".join(pieces)}</blockquote>'


# A popup quotes the first sentences that name a place; a long article may name it hundreds
# of times, and the page must stay a size a browser opens (and the KML too).
MAX_QUOTES = 8


def _quotes_html(quotes: list[Quote]) -> str:
    if not quotes:
        return ""
    shown = "".join(_quote_html(q) for q in quotes[:MAX_QUOTES])
    more = len(quotes) - MAX_QUOTES
    if more > 0:
        shown += f"<p><em>and {more:,} more sentence{'s' if more > 1 else ''}</em></p>"
    return '<div class="geo-quotes">' + shown + "</div>"


# ---------------------------------------------------------------------------------------------
# How each layer's features look and what they say: one frame per layer with `tooltip` and
# `popup` (escaped HTML) and `style` (Leaflet path options), shared by the map and the KML.


def _country_name(code) -> str:
    """The country's name; "" for a place in none (a continent), whose code a frame holds as
    None or NaN."""
    if not isinstance(code, str) or not code:
        return ""
    try:
        return base_layers.country(code).name
    except base_layers.UnknownCountry:
        return code


def _place_style(kind: str, is_focus: bool) -> dict:
    colour = PLACE_KIND_COLOURS.get(kind, OTHER_KIND_COLOUR)
    return {"color": colour, "fillColor": colour, "fillOpacity": 0.35 if kind == "country" else 0.8,
            "weight": 2, "radius": 9 if is_focus else 7 if kind == "country" else 5,
            "className": f"geo-place geo-place-{kind}"}


def _coordinates(lat: float, lon: float) -> str:
    return (f"{abs(lat):.4f}°{'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.4f}°{'E' if lon >= 0 else 'W'}")


def _place_popup(row, text: ArticleText) -> str:
    spellings = text.spellings.get(row["id"], [row["text"]])
    country = _country_name(row["country_code"])
    heading = "Focus of the incident: " if row["is_focus"] else ""
    mentions = f"{row['mentions']} mention{'s' if row['mentions'] != 1 else ''}"
    return (f'<div class="geo-popup"><b>{heading}{html_text(row["name"])}</b> '
            f"({html_text(row['kind'])}{', ' + html_text(country) if country else ''})<br>"
            "as written: " + ", ".join(f"“{html_text(s)}”" for s in spellings) + "<br>"
            f"{_coordinates(row['lat'], row['lon'])}; confidence {row['confidence']:.2f}; "
            f"{mentions}{_quotes_html(text.place_quotes.get(row['id'], []))}</div>")


def _places(frame: gpd.GeoDataFrame, text: ArticleText) -> gpd.GeoDataFrame:
    return frame.assign(
        tooltip=[f"{html_text(r['name'])} ({html_text(r['kind'])})" for _, r in frame.iterrows()],
        popup=[_place_popup(r, text) for _, r in frame.iterrows()],
        style=[_place_style(kind, focus) for kind, focus in zip(frame["kind"],
                                                                frame["is_focus"], strict=True)])


def _countries(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    def why(row) -> str:
        reasons = ["named in the article"] * bool(row["mentioned"]) + (
            ["in a claim"] * bool(row["in_claims"]))
        return f"<b>{html_text(row['name'])}</b>: {' and '.join(reasons)}"

    style = {"color": COUNTRY_COLOUR, "weight": 1, "fillColor": COUNTRY_COLOUR,
             "fillOpacity": 0.1, "className": "geo-country"}
    return frame.assign(tooltip=[html_text(name) for name in frame["name"]],
                        popup=[why(row) for _, row in frame.iterrows()],
                        style=[style] * len(frame), geometry=_simplified(frame.geometry))


def _borders(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    def describe(row) -> str:
        flags = [flag for flag in ("disputed", "indefinite") if row[flag]]
        return (f"{html_text(row['a_name'])}-{html_text(row['b_name'])} border, "
                f"{row['length_km']:,.0f} km" + (f" ({', '.join(flags)})" if flags else ""))

    def style(row) -> dict:
        dashed = {"dashArray": "8 6"} if row["disputed"] or row["indefinite"] else {}
        return {"color": REFERENCE_COLOUR, "weight": 4, "opacity": 0.9,
                "className": "geo-border", **dashed}

    described = [describe(row) for _, row in frame.iterrows()]
    return frame.assign(tooltip=described, popup=described,
                        style=[style(row) for _, row in frame.iterrows()],
                        geometry=_rounded(frame.geometry, LINE_DECIMALS))


def _regions(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    style = {"color": REFERENCE_COLOUR, "weight": 2, "dashArray": "4 4",
             "fillColor": REFERENCE_COLOUR, "fillOpacity": 0.12, "className": "geo-region"}
    return frame.assign(
        tooltip=[html_text(label) for label in frame["label"]],
        popup=[f"<b>{html_text(r['label'])}</b>: {html_text(r['cut'])}"
               for _, r in frame.iterrows()],
        style=[style] * len(frame), geometry=_simplified(frame.geometry))


def _claim_lines(frame: gpd.GeoDataFrame, text: ArticleText) -> gpd.GeoDataFrame:
    def popup(row) -> str:
        quote = text.claim_quotes.get(row["claim"], Quote(row["sentence"]))
        return (f'<div class="geo-popup">{claim_heading(row)}{claim_facts(row)}'
                f"{_quotes_html([quote])}</div>")

    def style(verdict: str) -> dict:
        return {"color": VERDICT_COLOURS.get(verdict, OTHER_KIND_COLOUR), "weight": 4,
                "opacity": 0.95, "className": f"geo-claim geo-claim-{verdict}"}

    return frame.assign(tooltip=[html_text(label) for label in frame["label"]],
                        popup=[popup(row) for _, row in frame.iterrows()],
                        style=[style(verdict) for verdict in frame["verdict"]],
                        geometry=_rounded(frame.geometry, LINE_DECIMALS))


def _presented_layers(layers: dict[str, gpd.GeoDataFrame],
                     text: ArticleText) -> dict[str, gpd.GeoDataFrame]:
    """Each layer with the `tooltip`, `popup` and `style` of its features."""
    return {"countries": _countries(layers["countries"]),
            "regions": _regions(layers["regions"]),
            "borders": _borders(layers["borders"]),
            "claims": _claim_lines(measured_claims(layers["claims"]), text),
            "places": _places(layers["places"], text)}


# ---------------------------------------------------------------------------------------------
# Geometry for drawing


def _rounded(geometry: gpd.GeoSeries, decimals: int) -> gpd.GeoSeries:
    """Coordinates on a grid of 10**-decimals degrees; GEOS's precision reducer keeps polygons
    valid where rounding each vertex could make them cross themselves."""
    return gpd.GeoSeries(shapely.set_precision(geometry.values, 10.0 ** -decimals),
                         index=geometry.index, crs=geometry.crs)


def _simplified(geometry: gpd.GeoSeries) -> gpd.GeoSeries:
    return _rounded(geometry.simplify(BASEMAP_TOLERANCE_DEG, preserve_topology=True),
                    POLYGON_DECIMALS)


def _frame_west(layers: dict[str, gpd.GeoDataFrame]) -> float:
    """West edge of the 360 degrees of longitude the map is drawn in.

    Usually -180. A claim line that crosses the antimeridian comes unwrapped from
    geo.geodesy.geodesic_path (Fiji to Samoa runs from 178 to 188 degrees), so the map is then
    drawn in the 360 degrees centred on the claim lines, with everything else moved into them.
    """
    lines = measured_claims(layers["claims"])
    if lines.empty:
        return -180.0
    west, _, east, _ = lines.total_bounds
    if west >= -180 and east <= 180:
        return -180.0
    return (west + east) / 2 - 180


def _into_frame(geometry: gpd.GeoSeries, west: float, keep_whole: bool = False
                ) -> gpd.GeoSeries:
    """Geometries in [-180, 180] moved into [west, west + 360]: the part outside it is cut off
    and shifted by 360 degrees. With `keep_whole`, each geometry is shifted whole instead."""
    if west == -180 or geometry.empty:
        return geometry

    def moved(shape):
        if keep_whole:
            turns = math.floor((shapely.get_coordinates(shape)[0, 0] - west) / 360)
            return shapely.affinity.translate(shape, xoff=-360 * turns)
        if west > -180:
            kept, wrapped, shift = (shapely.clip_by_rect(shape, west, -90, 180, 90),
                                    shapely.clip_by_rect(shape, -180, -90, west, 90), 360)
        else:
            kept, wrapped, shift = (shapely.clip_by_rect(shape, -180, -90, west + 360, 90),
                                    shapely.clip_by_rect(shape, west + 360, -90, 180, 90), -360)
        return shapely.union(kept, shapely.affinity.translate(wrapped, xoff=shift))

    return gpd.GeoSeries([moved(shape) for shape in geometry], index=geometry.index,
                         crs=geometry.crs)


@cache
def _world_basemap() -> gpd.GeoSeries:
    return _simplified(base_layers.countries("50m").geometry)


def _basemap_geojson(west: float) -> dict:
    shapes = _into_frame(_world_basemap(), west)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(shape)}
        for shape in shapes if not shape.is_empty]}


# ---------------------------------------------------------------------------------------------
# The map


class _Legend(MacroElement):
    """A Leaflet control showing HTML built (and escaped) in Python."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "geo-legend");
            div.innerHTML = {{ this.html|tojson }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html_content: str, position: str = "topright"):
        super().__init__()
        self._name = "Legend"
        self.html = html_content
        self.position = position


_PAGE_CSS = f"""<style>
.folium-map.leaflet-container {{ background: {SEA_COLOUR}; }}
.geo-legend {{ background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 12px/1.45 sans-serif; width: 250px; }}
.geo-legend-title {{ font-weight: bold; font-size: 13px; margin-bottom: 2px; }}
.geo-legend-heading {{ font-weight: bold; margin-top: 5px; color: #444; }}
.geo-focus-symbol {{ color: #d63e2a; width: 18px; margin-right: 6px; text-align: center; }}
.geo-swatch {{ display: inline-block; width: 14px; height: 4px; margin: 0 4px 3px 0;
  vertical-align: middle; }}
.geo-key {{ white-space: nowrap; }}
.geo-dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin: 0 8px 0 4px; vertical-align: middle; border: 2px solid; box-sizing: border-box; }}
.geo-area {{ display: inline-block; width: 18px; height: 10px; margin: 0 6px 0 0;
  vertical-align: middle; border: 1px dashed; }}
.geo-popup {{ font: 13px/1.4 sans-serif; }}
.geo-quotes {{ max-height: 14em; overflow-y: auto; margin-top: 4px; }}
.geo-quote {{ margin: 4px 0; padding: 2px 0 2px 7px; border-left: 3px solid #bbb;
  color: #333; }}
.leaflet-control-layers {{ font-size: 13px; }}
.geo-claim-number, .leaflet-tooltip.geo-claim-number {{ display: inline-block; min-width: 20px;
  padding: 0 4px; border: 2px solid {OTHER_KIND_COLOUR}; border-radius: 10px; background: #fff;
  font: bold 12px/16px sans-serif; text-align: center; box-shadow: none; }}
""" + "".join(f".geo-claim-number.geo-verdict-{verdict} {{ border-color: {colour}; }}\n"
              for verdict, colour in VERDICT_COLOURS.items()) + "</style>"


def _number_classes(verdict: str) -> str:
    return f"geo-claim-number geo-verdict-{verdict if verdict in VERDICT_COLOURS else 'other'}"


def _legend_html(presented: dict[str, gpd.GeoDataFrame], title: str) -> str:
    lines = [f'<div class="geo-legend-title">{html_text(title)}</div>']
    if not presented["claims"].empty:
        lines.append('<div class="geo-legend-heading">Claims (listed in the panel)</div>')
        lines.append("<div>" + " ".join(
            f'<span class="geo-key"><span class="geo-swatch" style="background:{colour}">'
            f"</span>{verdict}</span>" for verdict, colour in VERDICT_COLOURS.items()) + "</div>")
    places = presented["places"]
    if not places.empty:
        lines.append('<div class="geo-legend-heading">Places</div>')
    if places["is_focus"].astype(bool).any():
        lines.append('<div><i class="fa-solid fa-crosshairs geo-focus-symbol"></i>'
                     "focus of the incident</div>")
    kinds = set(places["kind"])
    for kind, colour in PLACE_KIND_COLOURS.items():
        if kind in kinds:
            lines.append(f'<div><span class="geo-dot" style="border-color:{colour};'
                         f'background:{colour}80"></span>{kind}</div>')
    if other_kinds := sorted(kinds - set(PLACE_KIND_COLOURS)):
        lines.append(f'<div><span class="geo-dot" style="border-color:{OTHER_KIND_COLOUR}">'
                     f"</span>{html_text(', '.join(other_kinds))}</div>")
    if not presented["borders"].empty or not presented["regions"].empty:
        lines.append('<div class="geo-legend-heading">What claims refer to</div>')
    if not presented["borders"].empty:
        lines.append(f'<div><span class="geo-swatch" style="background:{REFERENCE_COLOUR}">'
                     "</span>border</div>")
    if not presented["regions"].empty:
        lines.append(f'<div><span class="geo-area" style="border-color:{REFERENCE_COLOUR};'
                     f'background:{REFERENCE_COLOUR}20"></span>region</div>')
    return "".join(lines)


def _geojson_layer(frame: gpd.GeoDataFrame, name: str, page_text: PageText, **options
                   ) -> folium.GeoJson:
    """One GeoJson layer: per-feature style, tooltip and popup from the presented frame."""
    features = [{"type": "Feature", "id": str(i),
                 "properties": {"tooltip": page_text.script(t), "popup": page_text.script(p)},
                 "geometry": shapely.geometry.mapping(g)}
                for i, (t, p, g) in enumerate(zip(frame["tooltip"], frame["popup"],
                                                  frame.geometry, strict=True))]
    styles = list(frame["style"])
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=name,
        style_function=lambda feature: styles[int(feature["id"])],
        tooltip=folium.GeoJsonTooltip(["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(["popup"], labels=False), **options)


def _claim_line_layer(frame: gpd.GeoDataFrame, page_text: PageText
                      ) -> tuple[folium.FeatureGroup, dict[int, folium.PolyLine]]:
    """Each claim line on its own, so that each carries its claim's number (a permanent
    tooltip) and the claims panel can open it; the popup gives the figures and the sentence.
    Returns the layer and its lines by claim number."""
    group = folium.FeatureGroup(name="Claims measured")
    lines = {}
    for number, verdict, popup, style, line in zip(
            frame["claim"], frame["verdict"], frame["popup"], frame["style"], frame.geometry,
            strict=True):
        locations = [[(lat, lon) for lon, lat in part.coords]
                     for part in shapely.get_parts(line)]
        lines[int(number)] = folium.PolyLine(
            locations, popup=folium.Popup(page_text.script(popup), max_width=360),
            tooltip=folium.Tooltip(str(number), permanent=True, sticky=False,
                                   direction="center", class_name=_number_classes(verdict)),
            **style).add_to(group)
    return group, lines


def _view_bounds(presented: dict[str, gpd.GeoDataFrame]) -> list[list[float]]:
    """[[south, west], [north, east]] of the incident: its focus and what its claims measure;
    all places when there is neither; the world when there are no places."""
    places = presented["places"]
    incident = [places[places["is_focus"].astype(bool)].geometry, *(
        presented[name].geometry for name in ("claims", "borders", "regions"))]
    shapes = [shape for series in incident for shape in series]
    shapes = shapes or list(places.geometry)
    if not shapes:
        return [[-60.0, -170.0], [75.0, 170.0]]
    west, south, east, north = shapely.GeometryCollection(shapes).bounds
    return [[south, west], [north, east]]


# The random ids of elements, as they follow the name in `Element.get_name()` ("geo_json_" +
# id): branca's `Element._generate_id` is hexlify(urandom(16)) and folium's `deep_copy` gives
# copies uuid4().hex, both 32 lowercase hex digits.
_ELEMENT_ID = re.compile(r"(?<=[0-9A-Za-z]_)[0-9a-f]{32}(?![0-9A-Za-z])")


def _sequential_ids(rendered: str) -> str:
    """The rendered page with its elements' random ids replaced by 0001, 0002... in the order
    each first appears.

    Why not number the elements as they are made: branca's only hook for that is the class
    method `Element._generate_id`, and overriding it changes every element the process makes,
    on every thread, while the page is built (issue 12). Why not give geo's elements their
    `_id`: folium makes elements of its own, some while rendering (a popup's html, the
    minimap's tile layer), that never show in the element tree. Renumbering the output catches
    them all. It must see the page before `PageText.fill`: until then the page holds only what
    folium's templates and geo wrote (names, numbers, placeholders), never outside text, so
    every 32-digit hex string there after "name_" is an element's id.
    """
    numbers: dict[str, str] = {}

    def number(match: re.Match) -> str:
        return numbers.setdefault(match[0], f"{len(numbers) + 1:04d}")

    return _ELEMENT_ID.sub(number, rendered)


class _Page(Figure):
    """The root of an incident map: a branca Figure whose rendering numbers the elements in
    order (`_sequential_ids`), inlines the vendored libraries (so that a notebook or `save`
    shows it offline too) and then puts in the outside text that `text` holds for the
    placeholders in the page."""

    def __init__(self, text: PageText):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        page = _sequential_ids(super().render(**kwargs))
        # geo's own words on the page are English, whatever the article's language.
        page = page.replace("<html>", '<html lang="en">', 1)
        return self.text.fill(inline_assets(page))


def incident_map(layers: dict[str, gpd.GeoDataFrame], text: ArticleText) -> folium.Map:
    """The folium map of an incident's layers. Render it through its root
    (`get_root().render()`, `save`): the map itself holds only placeholders for the text, and
    its elements' ids are random until the root numbers them."""
    west = _frame_west(layers)
    presented = {name: frame.assign(geometry=_into_frame(frame.geometry, west,
                                                         keep_whole=name == "claims"))
                 for name, frame in _presented_layers(layers, text).items()}
    page_text = PageText()
    # SVG, not canvas: each feature is then an element of its own, with its class names.
    page = folium.Map(tiles=None, control_scale=True, prefer_canvas=False)
    _Page(page_text).add_child(page)
    page.get_root().title = page_text.html(f"geo: {text.title}")
    page.get_root().header.add_child(Element(_PAGE_CSS))

    folium.map.CustomPane(BASEMAP_PANE, z_index=250, pointer_events=False).add_to(page)
    basemap = folium.GeoJson(
        _basemap_geojson(west), name="Countries of the world (offline)",
        overlay=False, pane=BASEMAP_PANE, interactive=False,
        style_function=lambda _: {"color": COAST_COLOUR, "weight": 0.7,
                                  "fillColor": LAND_COLOUR, "fillOpacity": 1},
    ).add_to(page)
    page.get_root().header.add_child(Element(LABEL_CSS))
    CountryLabels(base_layers.countries("50m"), west, page_text).add_to(page)
    optional_osm_layer().add_to(page)

    overlays = [("countries", "Countries named"), ("regions", "Regions in claims"),
                ("borders", "Borders in claims")]
    for name, title in overlays:
        if not presented[name].empty:
            _geojson_layer(presented[name], title, page_text).add_to(page)
    lines = {}
    if not presented["claims"].empty:
        group, lines = _claim_line_layer(presented["claims"], page_text)
        group.add_to(page)

    places = presented["places"]
    is_focus = places["is_focus"].astype(bool)  # an empty column has no dtype to go by
    others, focus = places[~is_focus], places[is_focus]
    if not others.empty:
        _geojson_layer(others, "Places", page_text, marker=folium.CircleMarker()).add_to(page)
    if not focus.empty:
        # The style of a GeoJson marker goes to its icon's options: keep the awesome-marker class.
        focus = focus.assign(style=[{"className": "awesome-marker geo-focus"}] * len(focus))
        _geojson_layer(focus, "Focus", page_text, marker=folium.Marker(icon=folium.Icon(
            color="red", icon="crosshairs", prefix="fa"))).add_to(page)

    layer_control = folium.LayerControl(collapsed=False).add_to(page)
    folium.plugins.Fullscreen(position="topleft").add_to(page)
    folium.plugins.MeasureControl(position="topleft", primary_length_unit="kilometers",
                                  secondary_length_unit="miles",
                                  primary_area_unit="sqkilometers").add_to(page)
    CountriesMiniMap(basemap, position="bottomright", toggle_display=True).add_to(page)
    _Legend(page_text.script(_legend_html(presented, text.title))).add_to(page)
    # Room for the controls: zoom and tools on the left, layers, legend and minimap on the right.
    # The panel's script frames the incident, once the panel has taken its room.
    fit = {"paddingTopLeft": [50, 20], "paddingBottomRight": [280, 20], "maxZoom": 8}
    page.get_root().header.add_child(Element(PANEL_CSS))
    panel = panel_html(layers["claims"], drawn=set(lines))
    ClaimsPanel(page_text.script(panel), lines, _view_bounds(presented), fit,
                layer_control).add_to(page)
    return page


def map_html(layers: dict[str, gpd.GeoDataFrame], text: ArticleText) -> str:
    """The map's page: the same layers and text give the same string, on any thread."""
    return incident_map(layers, text).get_root().render()


# ---------------------------------------------------------------------------------------------
# Files


def _kml_style(style: dict, is_point: bool) -> str:
    """A Leaflet style as an OGR feature style string, which GDAL's LIBKML driver turns into a
    KML <Style>."""
    colour = style["color"]
    if is_point:
        return f"SYMBOL(c:{colour}ff,s:{style['radius'] / 6:.1f})"
    opacity = round(255 * style.get("opacity", 1.0))
    pen = f"PEN(c:{colour}{opacity:02x},w:{style['weight']}px)"
    if "fillColor" not in style:
        return pen
    return f"{pen};BRUSH(fc:{style['fillColor']}{round(255 * style['fillOpacity']):02x})"


def _wrapped_longitudes(xy):
    """KML wants longitudes in [-180, 180]; Google Earth joins 179 to -179 the short way. Only
    longitudes beyond it move: a polygon that reaches 180 itself (Russia) keeps its edge."""
    x = xy[:, 0]
    xy[:, 0] = np.where(x > 180, x - 360, np.where(x < -180, x + 360, x))
    return xy


def _kml_layers(presented: dict[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """Each layer as Google Earth shows it: the map's tooltip as the name and its popup as the
    description, both escaped HTML (Google Earth puts both into its HTML balloons), the map's
    style, and the layer's attributes, which the LIBKML driver writes as ExtendedData (the
    columns of Google Earth's and QGIS's tables)."""
    return {layer: gpd.GeoDataFrame(
        {"name": frame["tooltip"].map(xml_text), "description": frame["popup"].map(xml_text),
         "OGR_STYLE": [_kml_style(style, layer == "places") for style in frame["style"]],
         **_kml_attributes(frame, LAYER_COLUMNS[layer])},
        geometry=shapely.transform(frame.geometry.values, _wrapped_longitudes), crs=frame.crs)
        for layer, frame in presented.items() if not frame.empty}


def _kml_attributes(frame: gpd.GeoDataFrame, columns: list[str]) -> dict:
    """The attribute columns, "name" left to the placemark's own. Google Earth's default
    balloon shows ExtendedData as HTML too, so text has its markup characters escaped (quotes
    need not be: they only matter inside a tag, and no tag can start)."""
    return {column: [html.escape(xml_text(value), quote=False) if isinstance(value, str)
                     else value for value in frame[column]]
            for column in columns if column != "name"}


PLACES_CSV_COLUMNS = ["id", "name", "kind", "country_code", "country", "lat", "lon",
                      "confidence", "mentions", "is_focus", "written_as"]


def _places_table(places: gpd.GeoDataFrame, text: ArticleText) -> list[dict]:
    return [{"id": row["id"], "name": row["name"], "kind": row["kind"],
             "country_code": row["country_code"], "country": _country_name(row["country_code"]),
             "lat": row["lat"], "lon": row["lon"], "confidence": row["confidence"],
             "mentions": row["mentions"], "is_focus": row["is_focus"],
             "written_as": "; ".join(text.spellings.get(row["id"], [row["text"]]))}
            for _, row in places.iterrows()]


# What `geo verify` reads (geo.claims_csv), then what geo found, for the reader: the article's
# sentence goes in the note, which `geo verify` keeps but does not read.
CLAIMS_CSV_COLUMNS = [*claims_csv.COLUMNS, "verdict", "measured_km"]


def _claims_table(analysis) -> list[dict]:
    return [{**claims_csv.claim_row(verdict.claim), "note": found.sentence.text,
             "verdict": str(verdict.status), "measured_km": verdict.to_dict()["measured_km"]}
            for found, verdict in zip(analysis.found_claims, analysis.verdicts, strict=True)]


def write_map_outputs(analysis, layers: dict[str, gpd.GeoDataFrame], out_dir: Path,
                      formats=frozenset({"html", "kml", "csv"})) -> list[Path]:
    """map.html (self-contained), layers.kml and places.csv in `out_dir`, as `formats` asks,
    each atomically."""
    text = article_text(analysis)
    written = []
    if "html" in formats:
        written.append(out_dir / "map.html")
        save_offline_html(map_html(layers, text), written[-1])
    if "kml" in formats:
        written.append(out_dir / "layers.kml")
        exports.write_kml(_kml_layers(_presented_layers(layers, text)), written[-1])
    if "csv" in formats:
        written += [out_dir / "places.csv", out_dir / "claims.csv"]
        exports.write_csv(PLACES_CSV_COLUMNS, _places_table(layers["places"], text),
                          written[-2])
        exports.write_csv(CLAIMS_CSV_COLUMNS, _claims_table(analysis), written[-1])
    return written
