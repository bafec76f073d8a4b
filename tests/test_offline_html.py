import hashlib
import json
import re

import folium
import folium.plugins
import pytest

from geo import offline_html
from geo.basemap import CountriesMiniMap
from geo.browser import OfflinePage
from geo.offline_html import NotSelfContained, assert_self_contained, inline_assets

MANIFEST = json.loads((offline_html.VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
POPUP_TEXT = "Incident reported here"
AREA = {"type": "Feature", "properties": {"name": "Area"}, "geometry": {
    "type": "Polygon", "coordinates": [[[2.0, 35.5], [4.5, 35.5], [4.5, 37.0], [2.0, 37.0],
                                        [2.0, 35.5]]]}}


def incident_map() -> folium.Map:
    """A small map using every piece of folium that geo's maps use."""
    m = folium.Map(location=[36.0, 3.0], zoom_start=6, tiles=None)
    area = folium.GeoJson(AREA, name="Area", tooltip="Area").add_to(m)
    folium.Marker([36.75, 3.06], popup=folium.Popup(POPUP_TEXT)).add_to(m)  # Leaflet's icon
    folium.Marker([35.0, 5.0], icon=folium.Icon(icon="info-sign")).add_to(m)  # glyphicon
    folium.Marker([34.5, 1.5], icon=folium.Icon(prefix="fa", icon="fire", angle=45)).add_to(m)
    folium.LayerControl().add_to(m)
    folium.plugins.MeasureControl().add_to(m)
    folium.plugins.Fullscreen().add_to(m)
    CountriesMiniMap(area).add_to(m)
    return m


def findings(page_html: str) -> list[str]:
    with pytest.raises(NotSelfContained) as refused:
        assert_self_contained(page_html)
    return refused.value.findings


def test_vendored_files_are_those_the_manifest_describes():
    for entry in MANIFEST["files"]:
        content = (offline_html.VENDOR / entry["path"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == entry["sha256"], entry["path"]
    for package in MANIFEST["packages"]:
        assert (offline_html.VENDOR / package["license_file"]).read_text().strip()


def test_every_cdn_url_of_folium_and_its_plugins_is_vendored():
    vendored = {url for entry in MANIFEST["files"] for url in entry["replaces"]}
    for element in [folium.Map, folium.plugins.MeasureControl, folium.plugins.Fullscreen,
                    folium.plugins.MiniMap]:
        for _, url in [*element.default_js, *element.default_css]:
            assert url in vendored


def test_inlined_map_is_self_contained_and_small():
    page_html = inline_assets(incident_map())
    assert_self_contained(page_html)
    assert len(page_html.encode()) < 1_500_000


def test_plain_folium_page_is_refused():
    plain = incident_map().get_root().render()
    assert "<script src>: https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in (
        findings(plain))


def test_remote_stylesheet_not_in_the_manifest_is_refused_and_not_saved(tmp_path):
    m = incident_map()
    m.get_root().header.add_child(folium.CssLink("https://example.org/theme.css"))
    target = tmp_path / "map.html"
    with pytest.raises(NotSelfContained) as refused:
        offline_html.save_offline_html(m, target)
    assert refused.value.findings == ["<link href>: https://example.org/theme.css"]
    assert not target.exists()


@pytest.mark.parametrize("css", ["@import url('https://fonts.example.org/a.css');",
                                 "@font-face{font-family:x;src:url(//fonts.example.org/x.woff2)}",
                                 "body{background:url(\"http://example.org/bg.png\")}"])
def test_remote_css_imports_fonts_and_images_are_refused(css):
    assert len(findings(f"<html><head><style>{css}</style></head></html>")) == 1


def test_remote_image_in_a_popup_is_refused():
    m = incident_map()
    folium.Marker([36, 3], popup='<img src="https://example.org/photo.jpg">').add_to(m)
    assert findings(inline_assets(m)) == [
        "src= in a script: https://example.org/photo.jpg"]


def test_optional_osm_base_layer_is_allowed_but_not_one_shown_on_opening():
    m = incident_map()
    offline_html.optional_osm_layer().add_to(m)
    assert_self_contained(inline_assets(m))

    shown = folium.Map(location=[36.0, 3.0], zoom_start=6)  # folium's default OSM base layer
    assert [finding.endswith("(shown on opening: its variable is used beyond its declaration"
                             " and the layers control)") for finding in
            findings(inline_assets(shown))] == [True]


def test_minimap_with_default_tiles_is_refused():
    m = folium.Map(tiles=None)
    folium.plugins.MiniMap().add_to(m)
    assert len(findings(inline_assets(m))) == 1


def test_inlined_script_cannot_end_its_element_early():
    # jQuery's source contains "<script"; inlined as is, it could change where the element ends.
    page_html = inline_assets('<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>')
    assert len(re.findall(r"<script", page_html, re.I)) == 1
    assert len(re.findall(r"</script", page_html, re.I)) == 1


def test_each_library_is_inlined_once():
    cdn = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
    page_html = inline_assets(f'<script src="{cdn}"></script><script src="{cdn}"></script>')
    assert page_html.count('data-vendored="leaflet/leaflet.js"') == 1


def test_offline_page_works_in_chromium(chromium, tmp_path):
    from playwright.sync_api import expect

    page_path = tmp_path / "map.html"
    offline_html.save_offline_html(incident_map(), page_path)
    offline = OfflinePage(chromium)
    offline.open(page_path)
    page = offline.page

    marker = page.locator("img.leaflet-marker-icon")
    expect(marker).to_be_visible()
    marker.click()
    expect(page.locator(".leaflet-popup-content")).to_have_text(POPUP_TEXT)
    for control in [".leaflet-control-layers", ".leaflet-control-measure",
                    ".leaflet-control-zoom-fullscreen", ".leaflet-control-minimap"]:
        expect(page.locator(control)).to_be_visible()
    expect(page.locator(".awesome-marker.leaflet-interactive")).to_have_count(2)
    main_map_paths = page.locator(".folium-map > .leaflet-map-pane > .leaflet-overlay-pane path")
    expect(main_map_paths).to_have_count(1)  # the GeoJson polygon

    images_not_drawn = page.evaluate(
        "[...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
    fonts = page.evaluate(
        "document.fonts.ready.then(f => [...f].map(face => [face.family, face.status]))")
    offline.close()

    assert offline.blocked == []
    assert [url for url in offline.requested if not url.startswith("data:")] == [
        page_path.as_uri()]
    assert offline.errors == []
    assert images_not_drawn == []
    loaded = {family.strip('"') for family, status in fonts if status == "loaded"}
    assert {"Font Awesome 6 Free", "Glyphicons Halflings"} <= loaded
    assert [family for family, status in fonts if status == "error"] == []
