"""The claims panel of the incident map: every claim of the article in a list beside the map.

A fact-checker reads claims, not lines: each row gives the claim's sentence, what it claims,
what was measured and to what, the tolerance, the grade and the verdict; a claim that could
not be measured is listed with the reason. Choosing a row (by mouse, touch or keyboard: each
is a button) zooms the map to the claim's line, highlights it and opens its popup. The panel is
an HTML <details> element, so it folds with no script; on a narrow screen it starts folded, at
the bottom, leaving the map the screen. Printed, the map comes first, whole, and the panel
after it, open.
"""

from __future__ import annotations

import math

import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template

from geo.colours import OTHER_KIND_COLOUR, VERDICT_COLOURS
from geo.escape import html_text
from geo.verdicts import KM_PER_MILE

# Below this width the panel folds to the bottom of the screen (a phone held upright).
NARROW_SCREEN_PX = 700
PANEL_WIDTH_PX = 340

PANEL_CSS = f"""<style>
.geo-panel {{ position: absolute; top: 0; left: 0; bottom: 0; width: {PANEL_WIDTH_PX}px;
  box-sizing: border-box; overflow-y: auto; background: #fff; z-index: 1001;
  font: 13px/1.4 sans-serif; border-right: 1px solid #ccc; }}
.geo-panel > summary {{ position: sticky; top: 0; background: #fff; padding: 8px 10px;
  font-weight: bold; cursor: pointer; border-bottom: 1px solid #ddd; }}
.geo-panel:not([open]) {{ bottom: auto; width: auto; border: 1px solid #ccc;
  border-radius: 0 0 5px 0; }}
.geo-panel[open] + .folium-map {{ left: {PANEL_WIDTH_PX}px !important;
  width: calc(100% - {PANEL_WIDTH_PX}px) !important; }}
.geo-panel:not([open]) + .folium-map .leaflet-top.leaflet-left {{ top: 40px; }}
.geo-claims {{ list-style: none; margin: 0; padding: 0; }}
.geo-claim-row {{ display: block; width: 100%; text-align: left; font: inherit; color: inherit;
  background: none; border: 0; border-bottom: 1px solid #eee; padding: 8px 10px;
  cursor: pointer; }}
.geo-claim-row:hover, .geo-claim-row:focus-visible, .geo-claim-row[aria-pressed="true"] {{
  background: #f3f6fa; outline: 2px solid #2166ac; outline-offset: -2px; }}
.geo-claim-row[disabled] {{ cursor: default; color: #333; }}
.geo-claim-head {{ font-weight: bold; }}
.geo-claim-facts {{ margin: 3px 0; display: grid; grid-template-columns: auto 1fr;
  gap: 0 8px; }}
.geo-claim-facts dt {{ color: #555; }}
.geo-claim-facts dd {{ margin: 0; }}
.geo-claim-sentence {{ margin: 4px 0 0; padding-left: 7px; border-left: 3px solid #bbb;
  color: #333; }}
path.geo-claim-selected {{ stroke-width: 9px; }}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  .geo-panel, .geo-panel:not([open]) {{ top: auto; right: 0; bottom: 0; width: auto;
    max-height: 50%; border: 0; border-top: 1px solid #ccc; border-radius: 0; }}
  .geo-panel[open] + .folium-map {{ left: 0 !important; width: 100% !important; }}
  .geo-panel:not([open]) + .folium-map .leaflet-top.leaflet-left {{ top: 0; }}
  .geo-legend, .leaflet-control-minimap {{ display: none; }}
}}
@media print {{
  body {{ display: flex; flex-direction: column-reverse; }}
  .folium-map, .geo-panel[open] + .folium-map {{ position: relative !important;
    left: 0 !important; width: 100% !important; height: 16cm !important; }}
  .geo-panel {{ position: static; width: auto; overflow: visible; border: 0; }}
  .geo-panel > summary {{ position: static; }}
  .geo-claim-row {{ break-inside: avoid; }}
  .leaflet-control-layers, .leaflet-control-zoom, .leaflet-control-zoom-fullscreen,
  .leaflet-control-measure, .leaflet-control-minimap {{ display: none; }}
}}
</style>"""


class ClaimsPanel(MacroElement):
    """The panel, and the script that ties its rows to the claim lines (`lines`: claim number
    -> the folium PolyLine drawn for it). `html` is a geo.escape.PageText placeholder. On a
    narrow screen it also folds the layer list and frames the incident with less padding:
    the panel's coming changes the map's size, so the page's layout is settled here."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var lines = {
                {%- for number, line in this.lines.items() %}
                {{ number }}: {{ line.get_name() }},
                {%- endfor %}
            };
            var narrow = window.matchMedia({{ this.narrow|tojson }}).matches;
            var panel = document.createElement("details");
            panel.className = "geo-panel";
            panel.innerHTML = {{ this.html|tojson }};
            panel.open = !narrow;
            var container = map.getContainer();
            container.parentNode.insertBefore(panel, container);
            if (narrow) {
                // A phone's screen is the map's: the layer list folds to its button.
                {{ this.layer_control.get_name() }}.collapse();
                map.on("click", function () { {{ this.layer_control.get_name() }}.collapse(); });
            }
            // The map gave up room to the panel: frame the incident again in what is left.
            map.invalidateSize();
            var fit = narrow ? {{ this.narrow_fit|tojson }} : {{ this.fit|tojson }};
            map.fitBounds({{ this.bounds|tojson }}, Object.assign({animate: false}, fit));
            panel.addEventListener("toggle", function () { map.invalidateSize(); });
            // A printout keeps the claims: the panel opens for it.
            window.addEventListener("beforeprint", function () { panel.open = true; });
            panel.addEventListener("click", function (event) {
                var row = event.target.closest("button[data-claim]");
                if (row) { show(row); }
            });
            function show(row) {
                var line = lines[row.dataset.claim];
                panel.querySelectorAll("button[aria-pressed]").forEach(function (other) {
                    other.setAttribute("aria-pressed", "false");
                });
                Object.values(lines).forEach(function (other) {
                    other.getElement().classList.remove("geo-claim-selected");
                });
                row.setAttribute("aria-pressed", "true");
                if (narrow) {
                    // On a phone the open panel covers half the map: it folds to show the claim.
                    panel.open = false;
                    map.invalidateSize();
                }
                // Room above the line for its popup, clear of the controls at the top right.
                map.fitBounds(line.getBounds(), Object.assign(
                    {maxZoom: 8, animate: false},
                    narrow ? {{ this.narrow_claim_fit|tojson }} : {{ this.claim_fit|tojson }}));
                line.getElement().classList.add("geo-claim-selected");
                line.openPopup();
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str, lines: dict, bounds: list, fit: dict, layer_control):
        super().__init__()
        self._name = "ClaimsPanel"
        self.html = html
        self.lines = lines
        self.bounds = bounds
        self.fit = fit
        self.narrow_fit = {"padding": [12, 12], "maxZoom": fit["maxZoom"]}
        self.claim_fit = {"paddingTopLeft": [60, 330], "paddingBottomRight": [300, 30]}
        self.narrow_claim_fit = {"paddingTopLeft": [20, 330], "paddingBottomRight": [20, 20]}
        self.layer_control = layer_control
        self.narrow = f"(max-width: {NARROW_SCREEN_PX}px)"


def _km(value: float) -> str:
    return f"{value:,.1f} km" if value < 100 else f"{value:,.0f} km"


def _tolerance(below: float | None, above: float | None) -> str:
    if below is None or _missing(below):
        return ""
    if not _missing(above) and math.isclose(below, above):
        return f"±{_km(below)}"
    upper = "no limit above" if _missing(above) or math.isinf(above) else f"+{_km(above)}"
    return f"&minus;{_km(below)} / {upper}" if below else f"up to {upper}"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _what_was_measured(relation: str) -> str:
    """What the measured figure is, in words: the reader must know it is not a centroid."""
    return {"distance": "from the subject to the nearest point of the reference",
            "direction": "from the reference to the subject",
            "proximity": "to the nearest point of the reference",
            "containment": "outside the reference (0 inside it)",
            "adjacency": "of border the two share"}.get(relation, "")


def claim_heading(claim) -> str:
    """"3 consistent, well within tolerance: distance", the number in its verdict's colour."""
    verdict = claim["verdict"]
    colour = VERDICT_COLOURS.get(verdict, OTHER_KIND_COLOUR)
    grade = "" if _missing(claim["grade"]) else f", {html_text(claim['grade'])}"
    return (f'<span class="geo-claim-head"><span class="geo-claim-number '
            f'geo-verdict-{verdict}">{claim["claim"]}</span> '
            f'<span style="color:{colour}">{html_text(verdict)}</span>{grade}: '
            f"{html_text(claim['relation'])}</span>")


def claim_facts(claim) -> str:
    """The claim, its ends, what was measured and to what, the tolerance and the reason, as a
    definition list: the same in the panel and in the claim's popup."""
    facts = [("claim", html_text(claim["statement"])),
             ("subject", html_text(claim["subject"])),
             ("reference", html_text(claim["reference"]))]
    if not _missing(claim["claimed"]) and claim["claimed"] != claim["statement"]:
        facts.append(("claimed", html_text(claim["claimed"])))
    if not _missing(claim["measured_km"]):
        miles = claim["measured_km"] / KM_PER_MILE
        facts.append(("measured", f"{_km(claim['measured_km'])} ({miles:,.0f} mi) "
                                  f"{_what_was_measured(claim['relation'])}"))
    if tolerance := _tolerance(claim["tolerance_below_km"], claim["tolerance_above_km"]):
        facts.append(("tolerance", tolerance))
    if not _missing(claim["reason"]) and claim["reason"]:
        facts.append(("why", html_text(claim["reason"])))
    listed = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    return f'<dl class="geo-claim-facts">{listed}</dl>'


def _row(claim, drawn: bool) -> str:
    state = 'aria-pressed="false"' if drawn else "disabled"
    return (f'<li><button type="button" class="geo-claim-row" data-claim="{claim["claim"]}" '
            f"{state}>{claim_heading(claim)}{claim_facts(claim)}"
            f'<span class="geo-claim-sentence">{html_text(claim["sentence"])}</span>'
            "</button></li>")


def panel_html(claims: gpd.GeoDataFrame, drawn: set[int]) -> str:
    """The panel's summary and list, escaped: one row per claim, in text order; `drawn` holds
    the numbers of the claims that have a line on the map."""
    count = len(claims)
    summary = f"Claims in the article ({count})" if count else "No geographic claims found"
    rows = "".join(_row(claim, int(claim["claim"]) in drawn)
                   for _, claim in claims.iterrows())
    return f'<summary>{summary}</summary><ol class="geo-claims">{rows}</ol>'
