"""The incident map (map.html), its exports (layers.kml, places.csv), checked in Chromium."""

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from geo import base_layers, exports
from geo.browser import OfflinePage
from geo.cli import main as geo_main
from geo.geodesy import geodesic_path
from geo.incident_layers import LAYER_COLUMNS
from geo.incident_map import PLACES_CSV_COLUMNS, ArticleText, map_html
from geo.offline_html import assert_self_contained, save_offline_html
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

MAX_PAGE_BYTES = 3_000_000
FOCUS = ".geo-focus.leaflet-interactive"  # not its shadow, which has the same classes
OUTPUTS = ("map.html", "layers.kml", "places.csv")
# What an attacker might hide next to place names: markup, a JS template interpolation (folium
# writes popups into template literals) and JS string escapes.
HOSTILE_TEXT = (
    'Gunmen <script>window.pwned = "script"</script> stormed the gas plant at In Amenas '
    "<img src=x onerror=\"window.pwned = 'img'\"> in Algeria on Wednesday.\n"
    "However, the target of the attack, In Amenas <svg onload=\"window.pwned = 'svg'\">, is "
    "about 700 miles from the Algerian border with Mali, officials said "
    "`${window.pwned = 'template'}` and \\x3cimg src=x onerror=window.pwned=1\\x3e.\n")
HOSTILE_TITLE = '<script>window.pwned = "title"</script> Siege at In Amenas'
HOSTILE_HTML = (
    "<html><head><title>&lt;script&gt;window.pwned = &quot;title&quot;&lt;/script&gt; Siege at"
    " In Amenas</title></head><body><p>Gunmen &lt;script&gt;window.pwned = "
    "&quot;script&quot;&lt;/script&gt; stormed the gas plant at In Amenas &lt;img src=x "
    "onerror=&quot;window.pwned = 'img'&quot;&gt; in Algeria on Wednesday.</p><p>However, the "
    "target of the attack, In Amenas, is about 700 miles from the Algerian border with Mali."
    "</p></body></html>")


def run(article: Path, out: Path) -> Path:
    assert geo_main(["run", str(article), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def founding(tmp_path_factory) -> Path:
    return run(ARTICLE, tmp_path_factory.mktemp("founding"))


@pytest.fixture(scope="module")
def report(founding) -> dict:
    return json.loads((founding / "report.json").read_text(encoding="utf-8"))


def feature_count(out: Path, layer: str) -> int:
    """The features of a layer that have a geometry to draw."""
    features = json.loads((out / f"{layer}.geojson").read_text())["features"]
    return sum(feature["geometry"] is not None for feature in features)


# ---------------------------------------------------------------------------------------------
# Files


def test_two_runs_give_identical_files(founding, tmp_path):
    again = run(ARTICLE, tmp_path)
    for name in OUTPUTS:
        assert (again / name).read_bytes() == (founding / name).read_bytes(), name


def test_founding_page_is_self_contained_and_small(founding):
    page = (founding / "map.html").read_text(encoding="utf-8")
    assert_self_contained(page)
    assert len(page.encode()) <= MAX_PAGE_BYTES


def test_kml_has_every_feature_of_every_layer(founding):
    kml = founding / "layers.kml"
    found = {name: pyogrio.read_info(kml, layer=name)["features"]
             for name, _ in pyogrio.list_layers(kml)}
    expected = {name: feature_count(founding, name) for name in LAYER_COLUMNS}
    assert found == {name: count for name, count in expected.items() if count}
    styles = kml.read_text(encoding="utf-8")
    assert "<LineStyle>" in styles and "<PolyStyle>" in styles and "<IconStyle>" in styles


def test_places_csv_lists_the_reports_places(founding, report):
    places = pd.read_csv(founding / "places.csv", keep_default_na=False)
    assert list(places["name"]) == [p["name"] for p in report["places"]]
    focus = places[places["is_focus"]]
    assert list(focus["name"]) == [report["focus"]["name"]]
    in_amenas = places.set_index("name").loc["In Amenas"]
    assert "Ain Amenas" in in_amenas["written_as"].split("; ")


def test_csv_cells_a_spreadsheet_would_run_are_defused(tmp_path):
    path = tmp_path / "t.csv"
    exports.write_csv(["name", "lon"], [{"name": "=HYPERLINK(\"http://x\")", "lon": -8.0}], path)
    assert path.read_text() == "name,lon\n\"'=HYPERLINK(\"\"http://x\"\")\",-8.0\n"


# ---------------------------------------------------------------------------------------------
# In the browser


class Opened(OfflinePage):
    """A map page opened from file:// with every request from outside the page aborted."""

    def __init__(self, browser, page_path: Path):
        super().__init__(browser, timeout_ms=5000)  # the page is local: fail fast
        self.open(page_path)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def click_longest_line(self) -> None:
        """Click the middle of the longest claim line (short ones hide under the focus)."""
        x, y = self.page.evaluate("""() => {
            const paths = [...document.querySelectorAll('path.geo-claim')];
            const path = paths.reduce((a, b) => a.getTotalLength() > b.getTotalLength() ? a : b);
            const p = path.getPointAtLength(path.getTotalLength() / 2);
            const at = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM());
            return [at.x, at.y];
        }""")
        self.page.mouse.click(x, y)

    def popup_text(self) -> str:
        """The text of the one open popup; closes it."""
        from playwright.sync_api import expect

        popups = self.page.locator(".leaflet-popup")
        expect(popups).to_have_count(1)
        text = popups.locator(".leaflet-popup-content").inner_text()
        popups.locator(".leaflet-popup-close-button").click()
        expect(popups).to_have_count(0)  # after Leaflet's fade-out
        return text



@pytest.fixture
def opened(chromium):
    pages = []

    def open_page(page_path: Path) -> Opened:
        pages.append(Opened(chromium, page_path))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def test_founding_map_draws_every_layer_offline(founding, report, opened):
    page = opened(founding / "map.html")
    assert page.count(".geo-place") + page.count(FOCUS) == len(report["places"])
    assert page.count(FOCUS) == 1
    measured = [c for c in report["claims"] if c["measured_km"] is not None and c["nearest"]]
    assert page.count("path.geo-claim") == len(measured) == feature_count(founding, "claims")
    assert page.count(".leaflet-tooltip.geo-claim-number") == len(measured)
    assert page.count("path.geo-border") == feature_count(founding, "borders") == 2
    assert page.count("path.geo-region") == feature_count(founding, "regions")
    for control in (".leaflet-control-layers", ".leaflet-control-measure", ".geo-legend",
                    ".leaflet-control-zoom-fullscreen", ".leaflet-control-minimap",
                    ".leaflet-control-scale"):
        assert page.page.locator(control).is_visible(), control
    assert page.page.title() == "geo: ain_amenas_2013.txt"
    assert page.blocked == []
    assert page.errors == []


def test_layer_control_toggles_layers(founding, opened):
    from playwright.sync_api import expect

    page = opened(founding / "map.html")
    control = page.page.locator(".leaflet-control-layers-overlays label")
    claims_box = control.filter(has_text="Claims measured").locator("input")
    lines, numbers = (page.page.locator("path.geo-claim"),
                      page.page.locator(".leaflet-tooltip.geo-claim-number"))
    drawn = lines.count()
    claims_box.uncheck()
    expect(lines).to_have_count(0)
    expect(numbers).to_have_count(0)  # after Leaflet's fade-out
    claims_box.check()
    expect(lines).to_have_count(drawn)
    expect(numbers).to_have_count(drawn)
    control.filter(has_text="Borders in claims").locator("input").uncheck()
    expect(page.page.locator("path.geo-border")).to_have_count(0)
    expect(lines).to_have_count(drawn)


def test_popups_show_their_sentences_as_text(founding, report, opened):
    page = opened(founding / "map.html")
    page.click_longest_line()
    claim_popup = page.popup_text()
    page.page.locator(FOCUS).click()
    focus_popup = page.popup_text()

    longest = max((c for c in report["claims"] if c["measured_km"] is not None and c["nearest"]),
                  key=lambda c: c["measured_km"])
    assert longest["sentence"] in claim_popup
    assert longest["label"] in claim_popup
    assert focus_popup.startswith("Focus of the incident: In Amenas")
    assert "is about 700 miles from the Algerian border with Mali." in focus_popup
    assert page.errors == []


@pytest.mark.parametrize(("name", "content", "title"), [
    ("hostile.txt", HOSTILE_TEXT, "hostile.txt"),
    ("hostile.html", HOSTILE_HTML, HOSTILE_TITLE)])
def test_hostile_markup_in_the_article_stays_text(tmp_path, opened, name, content, title):
    article = tmp_path / name
    article.write_text(content, encoding="utf-8")
    out = run(article, tmp_path / "out")
    page = opened(out / "map.html")
    page.page.locator(FOCUS).click()
    focus_popup = page.popup_text()
    page.click_longest_line()
    claim_popup = page.popup_text()

    assert page.page.title() == f"geo: {title}"
    assert page.page.evaluate("window.pwned") is None
    assert "<img src=x onerror=" in focus_popup
    assert "Gunmen <script>" in focus_popup
    assert "700 miles" in claim_popup
    if name.endswith(".txt"):  # folium writes a claim line's popup into a JS template literal
        assert "`${window.pwned = 'template'}`" in claim_popup
        assert "\\x3cimg src=x onerror=window.pwned=1\\x3e" in claim_popup
    # Only the page's own scripts, and no element with an event handler attribute.
    page_html = (out / "map.html").read_text(encoding="utf-8")
    assert page.page.evaluate("document.scripts.length") == page_html.count("<script")
    assert page.page.evaluate("""[...document.querySelectorAll('*')].filter(
        e => [...e.attributes].some(a => a.name.startsWith('on'))).length""") == 0
    assert page.count(".leaflet-popup-pane img, .geo-legend img, .leaflet-tooltip-pane img") == 0
    assert page.errors == []
    kml = (out / "layers.kml").read_text(encoding="utf-8")
    assert "<img" not in kml and "<script" not in kml and "&lt;img src=x onerror=" in kml


def test_article_without_places_gives_a_world_map(tmp_path, opened):
    article = tmp_path / "cat.txt"
    article.write_text("The cat sat on the mat and nothing happened anywhere.\n")
    out = run(article, tmp_path / "out")
    assert (out / "places.csv").read_text() == ",".join(PLACES_CSV_COLUMNS) + "\n"
    assert pyogrio.list_layers(out / "layers.kml").size == 0
    page = opened(out / "map.html")
    assert page.count(".geo-place, .geo-focus, path.geo-claim") == 0
    assert page.errors == []


def layers_across_the_antimeridian() -> dict[str, gpd.GeoDataFrame]:
    """Suva (Fiji) to Apia (Samoa): the geodesic crosses 180 degrees."""
    suva, apia = (-18.1416, 178.4415), (-13.8333, -171.7667)

    def frame(name, rows):
        return gpd.GeoDataFrame([{c: row[c] for c in LAYER_COLUMNS[name]} for row in rows],
                                geometry=[row["geometry"] for row in rows], crs="EPSG:4326")

    places = frame("places", [
        {"id": f"t:{name}", "text": name, "name": name, "kind": "city", "country_code": code,
         "lat": lat, "lon": lon, "population": None, "confidence": 1.0, "mentions": 1,
         "is_focus": name == "Suva", "geometry": shapely.Point(lon, lat)}
        for name, code, (lat, lon) in (("Suva", "FJ", suva), ("Apia", "WS", apia))])
    drawn = base_layers.countries("50m")
    countries = frame("countries", [
        {"iso_a3": row.iso_a3, "iso_a2": row.iso_a2, "name": row["name"], "mentioned": True,
         "in_claims": False, "geometry": row.geometry}
        for _, row in drawn[drawn.iso_a3.isin(["FJI", "WSM"])].iterrows()])
    sentence = "Suva is about 1,150 km from Apia."
    lines = frame("claims", [{
        "claim": 1, "relation": "distance", "label": "claimed about 1,150 km / measured "
        "1,150 km / consistent", "subject": "Suva", "reference": "Apia",
        "claimed": "about 1,150 km", "claimed_km": 1150.0, "measured_km": 1150.0,
        "tolerance_below_km": 115.0, "tolerance_above_km": 115.0, "deviation_km": 0.0,
        "bearing_deg": 100.0, "grade": "close", "verdict": "consistent", "reason": None,
        "sentence": sentence, "start": 0, "end": len(sentence),
        "geometry": geodesic_path(suva, apia)}])
    empty = {name: gpd.GeoDataFrame({c: [] for c in LAYER_COLUMNS[name]},
                                    geometry=gpd.GeoSeries([], crs="EPSG:4326"))
             for name in ("borders", "regions")}
    return {"places": places, "countries": countries, "claims": lines, **empty}


def test_a_line_across_the_antimeridian_joins_its_places(tmp_path, opened):
    save_offline_html(map_html(layers_across_the_antimeridian(), ArticleText("Fiji-Samoa")),
                      tmp_path / "map.html")
    page = opened(tmp_path / "map.html")

    def box(selector):
        return page.page.locator(selector).first.bounding_box()

    line, apia, suva = box("path.geo-claim"), box(".geo-place"), box(FOCUS)
    apia_x, apia_y = apia["x"] + apia["width"] / 2, apia["y"] + apia["height"] / 2
    suva_x = suva["x"] + suva["width"] / 2  # the marker's tip is at its horizontal centre
    # Drawn the long way round, or with Apia left at -172 degrees, the ends would not meet.
    assert abs(apia_x - (line["x"] + line["width"])) < 8
    assert abs(suva_x - line["x"]) < 8
    countries = [box for box in (page.page.locator("path.geo-country").nth(i).bounding_box()
                                 for i in range(2))]
    assert any(c["x"] <= apia_x <= c["x"] + c["width"] and c["y"] <= apia_y <= c["y"] +
               c["height"] for c in countries)  # Samoa is drawn where Apia is
    assert page.errors == []
