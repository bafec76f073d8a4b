"""`geo run` end to end on the founding article and on awkward inputs."""

import json

import pyogrio
import pytest
import shapely

from geo import base_layers
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

EXPECTED_PLACES = {"Algeria", "In Amenas", "Libya", "Mali", "France", "Algiers", "Norway",
                   "United Kingdom", "United States", "Japan", "Ireland"}
PEOPLE = ("Panetta", "Hague", "Kablia", "Belmokhtar", "Stoltenberg", "Eide", "Hamaha", "Leon")


@pytest.fixture(scope="module")
def founding(tmp_path_factory):
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("founding")
    result = subprocess.run([sys.executable, "-m", "geo.cli", "run", str(ARTICLE), "--out",
                             str(out)], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out, json.loads((out / "report.json").read_text())


def test_founding_article_gives_all_its_places_and_none_of_its_people(founding):
    _, report = founding
    names = {p["name"] for p in report["places"]}
    assert names == EXPECTED_PLACES
    written = " ".join(m["text"] for p in report["places"] for m in p["mentions"])
    assert not any(person in written for person in PEOPLE)
    assert report["focus"]["name"] == "In Amenas"


def test_every_mention_points_at_the_users_characters(founding):
    _, report = founding
    original = ARTICLE.read_text(encoding="utf-8")
    for place in report["places"]:
        for mention in place["mentions"]:
            assert original[mention["start"]:mention["end"]] == mention["text"]
    for claim in report["claims"]:
        assert original[claim["start"]:claim["end"]] == claim["words"]


def test_founding_claims_are_found_and_consistent(founding):
    _, report = founding
    by_claim = {c["claim"]: c for c in report["claims"]}
    mali = by_claim["In Amenas is about 700 mi from Algeria-Mali border"]
    libya = by_claim["In Amenas is on Algeria-Libya border"]
    neighbours = by_claim["Algeria neighbours Mali"]
    for claim in (mali, libya, neighbours):
        assert claim["verdict"] == "consistent"
    assert 690 < mali["measured_miles"] < 700
    nearest = shapely.Point(mali["nearest"]["lon"], mali["nearest"]["lat"])
    assert shapely.distance(base_layers.border("DZA", "MLI").geometry, nearest) < 1e-6
    assert {"type", "sentence", "start", "end", "subject", "reference", "claimed",
            "measured_km", "tolerance_km", "verdict", "nearest"} <= set(mali)


def test_layers_are_written_as_geopackage_and_geojson(founding):
    out, report = founding
    layers = dict(pyogrio.list_layers(out / "layers.gpkg"))
    assert set(layers) == {"places", "countries", "borders", "regions", "claims", "layer_styles"}
    places = json.loads((out / "places.geojson").read_text())
    assert len(places["features"]) == len(report["places"])
    borders = json.loads((out / "borders.geojson").read_text())
    pairs = {frozenset((f["properties"]["a_iso_a3"], f["properties"]["b_iso_a3"]))
             for f in borders["features"]}
    assert pairs == {frozenset(("DZA", "MLI")), frozenset(("DZA", "LBY"))}
    regions = json.loads((out / "regions.geojson").read_text())
    assert [f["properties"]["label"] for f in regions["features"]] == ["northern Mali"]
    claims = json.loads((out / "claims.geojson").read_text())["features"]
    assert [f["properties"]["verdict"] for f in claims] == [c["verdict"]
                                                             for c in report["claims"]]
    assert all(f["geometry"] is not None for f in claims)  # each of them measured


def test_two_runs_give_identical_files(founding, run_geo, tmp_path):
    out, _ = founding
    assert run_geo("run", str(ARTICLE), "--out", str(tmp_path)).returncode == 0
    for path in out.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", b"the article is empty"),
    ("blank.txt", b" \n\t\n", b"the article is empty"),
    ("binary.dat", b"\x7fELF\x02\x01\x01\x00" * 200, b"looks binary"),
    ("huge.txt", b"Paris is nice. " * 1_400_000, b"over the 10 MB limit"),
])
def test_bad_articles_exit_2_with_one_line(run_geo, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_geo("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert message in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_cp1252_article(run_geo, tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("The siege at In Aménas \u2013 about 700 miles from the Algerian border "
                     "with Mali \u2013 ended.\n".encode("cp1252"))
    result = run_geo("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    # cp1250 and cp1252 agree on every byte here; either decodes the text right.
    assert report["source"]["encoding"] in ("cp1252", "cp1250")
    assert {"In Amenas", "Algeria", "Mali"} <= {p["name"] for p in report["places"]}
    assert "In Aménas" in {m["text"] for p in report["places"] for m in p["mentions"]}
    assert [c["verdict"] for c in report["claims"] if c["type"] == "distance"] == ["consistent"]


def test_html_article_ignores_scripts_and_navigation(run_geo, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Siege &amp; rescue</title><script>var city = 'Tokyo';</script>"
        "</head><body><nav>Berlin | Madrid</nav><article><h1>Siege in Algeria</h1>"
        "<p>The plant near <b>In Amenas</b> is about 700 miles from the Algerian border "
        "with Mali.</p></article></body></html>", encoding="utf-8")
    result = run_geo("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    names = {p["name"] for p in report["places"]}
    assert {"In Amenas", "Algeria", "Mali"} <= names
    assert not names & {"Tokyo", "Berlin", "Madrid"}
    assert report["source"]["title"] == "Siege & rescue"
    original = path.read_text()
    for place in report["places"]:
        for mention in place["mentions"]:
            assert original[mention["start"]:mention["end"]] == mention["text"]


def test_article_without_places_gives_empty_tables(run_geo, tmp_path):
    path = tmp_path / "cat.txt"
    path.write_text("The cat sat on the mat and nothing happened anywhere.\n")
    result = run_geo("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["places"] == [] and report["claims"] == [] and report["focus"] is None
    assert "No places found." in (tmp_path / "out" / "report.md").read_text()


def test_fail_on_inconsistent(run_geo, tmp_path):
    path = tmp_path / "wrong.txt"
    path.write_text("The town of In Amenas is about 50 km from the Algerian border with Mali.\n")
    assert run_geo("run", str(path), "--out", str(tmp_path / "a")).returncode == 0
    strict = run_geo("run", str(path), "--out", str(tmp_path / "b"), "--fail-on-inconsistent")
    assert strict.returncode == 1


def test_a_long_article_is_read_in_time_and_keeps_its_map_small(run_geo, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE.read_text(encoding="utf-8") * 60)  # 300 kB, 1,000+ mentions
    result = run_geo("run", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert len(report["places"]) == len(EXPECTED_PLACES)
    page = (tmp_path / "out" / "map.html").read_text()
    assert len(page.encode()) < 3_000_000
    assert "more sentences" in page
