"""geo as a library: `import geo`, one call per job, GeoDataFrames out; and the CLI's own
switches (`--version`, `python -m geo`, `run --json`, `run --quiet`)."""

import itertools
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import folium
import geopandas as gpd
import pytest
import shapely

import geo
from geo import base_layers, cli
from geo.offline_html import assert_self_contained
from geo.outputs import OutputFolderError
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
    assert [p.place.name for p in from_html.found_places] == [p.place.name
                                                         for p in geo.read(SENTENCE).found_places]
    from_file = geo.read(ARTICLE)
    assert from_file.focus.place.name == "In Amenas"


def test_a_pipeline_analyses_plain_strings():
    analysis = geo.Pipeline().analyse("Troops left Kabul for Kandahar.")
    assert [(m.mention.text, m.place.country_code) for m in analysis.mentions] == [
        ("Kabul", "AF"), ("Kandahar", "AF")]


def test_layers_are_geodataframes_that_explore_draws():
    analysis = geo.read(SENTENCE)
    layers = geo.layers(analysis)
    assert set(layers) >= {"places", "countries", "borders", "regions", "claims"}
    for name, frame in layers.items():
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs == "EPSG:4326"
        assert getattr(analysis, name) is analysis.layers[name]
    assert list(analysis.places.name) == ["In Amenas", "Libya"]
    assert isinstance(analysis.places.explore(), folium.Map)
    drawn = analysis.explore().get_root().render()
    assert all(f'"{name}"' in drawn for name in ("places", "claims", "countries", "borders"))


def test_the_claims_table_holds_each_claim_with_its_line():
    [claim] = geo.read(SENTENCE).claims.to_dict("records")
    assert claim["relation"] == "distance" and claim["verdict"] == "consistent"
    assert claim["claimed"] == "about 30 km" and 26 < claim["measured_km"] < 29
    assert claim["tolerance_below_km"] > 0 and claim["grade"]
    assert "30 km" in SENTENCE[claim["text_start"]:claim["text_end"]]
    assert claim["sentence"] == SENTENCE
    # The line ends on the Algeria-Libya border of the shipped layers: on the geodesic between
    # two of its vertices, which is within metres of the straight segment in degrees.
    end = shapely.Point(claim["geometry"].coords[-1])
    assert shapely.distance(base_layers.border("DZA", "LBY").geometry, end) < 1e-3


def test_claims_without_a_line_are_in_the_table_too():
    analysis = geo.read("Gao lies 400 km by road from Timbuktu, in northern Mali.")
    claims = analysis.claims
    assert len(claims) == len(analysis.verdicts) == len(analysis.to_dict()["claims"]) == 2
    assert list(claims.claim) == [1, 2]
    # A route distance is not measured, so it has no line; it is listed all the same.
    assert list(claims.verdict) == ["unverifiable", "consistent"]
    assert list(claims.geometry.isna()) == [True, False]


def test_each_kind_of_claim_has_something_to_draw():
    """Adjacency draws the border the two share; containment in an area its outline."""
    neighbours = geo.read("Ecuador borders Peru.")
    [border] = neighbours.claims.geometry
    shared = base_layers.border("ECU", "PER").geometry
    assert border.equals(shared)
    inside = geo.read("The attack happened in Mosul, in northern Iraq.")
    [outline] = inside.claims.geometry
    [region] = inside.regions.geometry
    # The outline, simplified by 0.02 degrees as the basemap is, follows the region's edge.
    assert shapely.hausdorff_distance(outline, region.boundary) < 0.05


def test_to_map_is_a_folium_map_that_loads_nothing_from_outside():
    page = geo.read(SENTENCE).to_map()
    assert isinstance(page, folium.Map)
    assert_self_contained(page.get_root().render())
    assert "cdn.jsdelivr.net" not in page._repr_html_()


def test_write_takes_the_formats_asked_for(tmp_path):
    analysis = geo.read(SENTENCE)
    analysis.write(tmp_path / "out", formats={"geojson", "csv"})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "borders.geojson", "claims.csv", "claims.geojson", "countries.geojson", "places.csv",
        "places.geojson", "regions.geojson"]
    analysis.write(tmp_path / "out", formats=["json"])  # a folder geo wrote is replaced whole
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.json"]
    with pytest.raises(OutputFolderError, match="unknown format 'shp'"):
        analysis.write(tmp_path / "other", formats=["shp"])
    assert not (tmp_path / "other").exists()


def test_read_many_streams_in_input_order_on_several_processes():
    texts = ["Troops left Kabul for Kandahar.", "Floods hit Dhaka.", "Riots in Lagos.",
             "A quake struck near Lima, Peru."] * 5
    expected = [[p.place.name for p in geo.read(text).found_places] for text in texts]
    found = [[p.place.name for p in analysis.found_places]
             for analysis in geo.read_many(iter(texts), jobs=2)]
    assert found == expected
    # An endless input: the first results come without the input being read to its end.
    endless = itertools.cycle(texts)
    first = list(itertools.islice(geo.read_many(endless, jobs=2), 3))
    assert [a.found_places[0].place.name for a in first] == ["Kabul", "Dhaka", "Lagos"]


def _process_id(_item) -> int:
    return os.getpid()


def test_workers_start_only_for_more_than_one_chunk():
    from geo.batch import CHUNK, ordered_map

    assert set(ordered_map(_process_id, range(CHUNK), jobs=2)) == {os.getpid()}
    assert os.getpid() not in set(ordered_map(_process_id, range(4 * CHUNK), jobs=2))


_LOADED_BEFORE_FORK = []


def _load_before_fork() -> None:
    _LOADED_BEFORE_FORK.append(os.getpid())


def _loaded_here(_item) -> list[int]:
    return list(_LOADED_BEFORE_FORK)


def test_what_is_loaded_before_the_fork_is_the_workers_too():
    from geo.batch import CHUNK, ordered_map

    _LOADED_BEFORE_FORK.clear()
    assert set(map(tuple, ordered_map(_loaded_here, range(CHUNK), jobs=2,
                                      before_fork=_load_before_fork))) == {()}
    seen = set(map(tuple, ordered_map(_loaded_here, range(4 * CHUNK), jobs=2,
                                      before_fork=_load_before_fork)))
    assert seen == {(os.getpid(),)}  # run once, here, and inherited


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


def test_parse_gives_the_same_lines_on_one_process_and_on_several(run_geo, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = ["Troops left Kabul for Kandahar.", "not json", "Floods hit Dhaka, Bangladesh.",
               "Gunmen seized a plant near In Amenas, 30 km from the Libyan border."] * 6
    corpus.write_text("\n".join(text if text == "not json" else json.dumps({"id": n, "text": text})
                                for n, text in enumerate(records)) + "\n")
    one = run_geo("parse", str(corpus), "--jobs", "1")
    several = run_geo("parse", str(corpus), "--jobs", "2", "-v")
    assert one.returncode == several.returncode == 2  # the "not json" lines
    assert one.stdout == several.stdout and len(one.stdout.splitlines()) == len(records)
    assert b"records in" in several.stderr and b"2 process(es)" in several.stderr
    assert run_geo("parse", str(corpus), "--jobs", "0").returncode == 2


def test_quiet_and_verbose(run_geo, tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,relation,reference,value,unit,hedge\n"
                      "place:Paris,distance,place:Lyon,390,km,about\n")
    assert run_geo("verify", str(claims), "-q").stdout == b""
    verbose = run_geo("verify", str(claims), "-v")
    assert b"consistent" in verbose.stdout and b"gazetteer" in verbose.stderr
    assert run_geo("verify", str(claims), "-q", "-v").returncode == 2


def test_the_cli_runs_off_the_main_thread(capsys):
    status = []
    worker = threading.Thread(target=lambda: status.append(cli.main(["data", "path"])))
    worker.start()
    worker.join()
    assert status == [0] and "gazetteer" in capsys.readouterr().out
