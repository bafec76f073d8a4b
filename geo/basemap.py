"""What makes the offline basemap readable: country names on it, and a minimap of the same
countries (the map has no tiles offline, so folium's minimap would be a blank square).

Names are Natural Earth's (`name`, placed at its `label_lon`/`label_lat`). A name shows when
its country is wide enough on screen at the zoom to hold it, so a world view names the large
countries and a closer one the small; names are text nodes (`textContent`), never markup.
"""

from __future__ import annotations

import math

import folium.plugins
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template

from geo.colours import COAST_COLOUR, LAND_COLOUR
from geo.escape import PageText

# Above the basemap's pane (250) and below Leaflet's overlays (400): names under the claims.
LABEL_PANE_Z = 260
# A country's width taken as the square root of its area; a name needs about this many pixels
# of it per character (11 px sans-serif).
PIXELS_PER_CHARACTER = 7
LABEL_CSS = """<style>
.geo-country-label { width: 0; height: 0; }
.geo-country-label span { display: inline-block; transform: translate(-50%, -50%);
  font: 11px/1 sans-serif; color: #6b6458; white-space: nowrap; letter-spacing: .02em;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
</style>"""


class CountryLabels(MacroElement):
    """The name of each country of `countries` (a GeoDataFrame with name, label_lon,
    label_lat, area_km2), shown by zoom; longitudes are moved into [west, west + 360] as the
    rest of the map is."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            map.createPane("geoLabels");
            map.getPane("geoLabels").style.zIndex = {{ this.z_index }};
            map.getPane("geoLabels").style.pointerEvents = "none";
            var labels = {{ this.labels|tojson }}.map(function (label) {
                var name = document.createElement("span");
                name.textContent = label[3];
                return {width: label[2], characters: label[3].length, marker: L.marker(
                    [label[0], label[1]], {pane: "geoLabels", interactive: false,
                    keyboard: false, icon: L.divIcon({className: "geo-country-label",
                                                      html: name, iconSize: null})})};
            });
            function show() {
                var kmPerPixel = 40075 / (256 * Math.pow(2, map.getZoom()));
                labels.forEach(function (label) {
                    var fits = label.width / kmPerPixel
                        > {{ this.pixels_per_character }} * label.characters;
                    if (fits && !map.hasLayer(label.marker)) { label.marker.addTo(map); }
                    if (!fits && map.hasLayer(label.marker)) { label.marker.remove(); }
                });
            }
            map.on("zoomend", show);
            show();
        })();
        {% endmacro %}
    """)

    def __init__(self, countries: gpd.GeoDataFrame, west: float, page_text: PageText):
        super().__init__()
        self._name = "CountryLabels"
        self.z_index = LABEL_PANE_Z
        self.pixels_per_character = PIXELS_PER_CHARACTER
        self.labels = [
            [round(lat, 3), round(_into_frame(lon, west), 3), round(math.sqrt(area), 1),
             page_text.script(name)]
            for name, lon, lat, area in zip(countries["name"], countries["label_lon"],
                                            countries["label_lat"], countries["area_km2"],
                                            strict=True)]


def _into_frame(lon: float, west: float) -> float:
    """A longitude of [-180, 180] moved into the map's [west, west + 360]."""
    return lon + 360 if lon < west else lon - 360 if lon > west + 360 else lon


class CountriesMiniMap(folium.plugins.MiniMap):
    """folium's MiniMap (Leaflet-MiniMap) drawing the basemap's countries instead of tiles:
    a copy of the `basemap` GeoJson layer's features, so the page holds them once."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = new L.Control.MiniMap(
                L.geoJSON({{ this.basemap.get_name() }}.toGeoJSON(), {
                    interactive: false, style: {{ this.style|tojson }}}),
                {{ this.options|tojavascript }}
            );
            {{ this._parent.get_name() }}.addControl({{ this.get_name() }});
            (function (minimap) {
                // The minimap moves the main map only when a reader drags or zooms it. Its
                // own animated catching up with the main map also ends in a moveend, and when
                // two moves of the main map come close together (a claim chosen in the panel
                // just after the page framed the incident) Leaflet-MiniMap takes that for the
                // reader's and sends the main map back to where it was.
                var byReader = false;
                minimap._miniMap.on("dragstart", function () { byReader = true; });
                L.DomEvent.on(minimap._container, "wheel dblclick", function () {
                    byReader = true;
                });
                var follow = minimap._onMiniMapMoved;
                minimap._miniMap.off("moveend", follow, minimap);
                minimap._onMiniMapMoved = function (event) {
                    if (byReader) {
                        byReader = false;
                        follow.call(minimap, event);
                    } else {
                        minimap._mainMapMoving = false;
                    }
                };
                minimap._miniMap.on("moveend", minimap._onMiniMapMoved, minimap);
            })({{ this.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, basemap: folium.GeoJson, **options):
        super().__init__(**options)  # its default tile layer is never rendered
        self.basemap = basemap
        self.style = {"color": COAST_COLOUR, "weight": 0.5, "fillColor": LAND_COLOUR,
                      "fillOpacity": 1}
