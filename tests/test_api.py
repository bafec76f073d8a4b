"""geo as a library: `import geo`, one call per job, GeoDataFrames out; and the CLI's own
switches (`--version`, `python -m geo`, `run --json`, `run --quiet`)."""

import json
import subprocess
import sys
from pathlib import Path

import folium
import geopandas as gpd
import pytest

import geo
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

SENTENCE = "Gunmen seized the gas plant near In Amenas, about 30 km from the Libyan border."


def test_import_geo_loads_no_geometry_or_map_library():
    code = ("import sys, geo; heavy = {'geopandas', 'shapely', 'pyproj', 'folium', 'pandas'}; "
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_read_a_text_finds_the_place_and_checks_the_claim():
    analysis = geo.read(SENTENCE)
    assert isinstance(analysis, geo.Analysis)
    assert analysis.focus.place.name == "In Amenas"
    # In Amenas town lies 27-28 km from the Libyan border (research notes, section 1).
    [verdict] = analysis.verdicts
    assert str(verdict.status) == "consistent" and 26 < verdict.measured_km < 29


def test_read_takes_bytes_html_and_paths_alike():
    page = (f"<html><head><title>Siege</title></head><body><article><p>{SENTENCE}</p>"
            "</article></body></html>").encode()
    from_html = geo.read(page)
    assert [p.place.name for p in from_html.places] == [p.place.name
                                                         for p in geo.read(SENTENCE).places]
    from_file = geo.read(ARTICLE)
    assert from_file.focus.place.name == "In Amenas"


def test_a_pipeline_analyses_plain_strings():
    analysis = geo.Pipeline().analyse("Troops left Kabul for Kandahar.")
    assert [(m.mention.text, m.place.country_code) for m in analysis.mentions] == [
        ("Kabul", "AF"), ("Kandahar", "AF")]


def test_layers_are_geodataframes_that_explore_draws():
    layers = geo.layers(geo.read(SENTENCE))
    assert set(layers) >= {"places", "countries", "borders", "regions", "claim_lines"}
    for frame in layers.values():
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs == "EPSG:4326"
    assert list(layers["places"].name) == ["In Amenas", "Libya"]
    assert isinstance(layers["places"].explore(), folium.Map)


def test_write_gives_the_same_files_as_geo_run(tmp_path):
    written = geo.write(geo.read(ARTICLE), tmp_path / "lib", source_name=str(ARTICLE))
    result = subprocess.run([sys.executable, "-m", "geo", "run", str(ARTICLE), "--out",
                             str(tmp_path / "cli"), "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stdout == ""
    names = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "lib").iterdir())
    for name in names:
        assert (tmp_path / "lib" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert written == json.loads((tmp_path / "lib" / "report.json").read_text("utf-8"))


def test_run_json_prints_the_report(tmp_path):
    result = subprocess.run([sys.executable, "-m", "geo", "run", "-", "--out",
                             str(tmp_path / "o"), "--json"], input=SENTENCE,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads((tmp_path / "o" / "report.json").read_text())


@pytest.mark.parametrize("command", [[str(Path(sys.executable).parent / "geo")],
                                     [sys.executable, "-m", "geo"]])
def test_version(command):
    result = subprocess.run([*command, "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"geo {geo.__version__}"
