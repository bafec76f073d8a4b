"""The GIS files as other tools expect them: GeoJSON per RFC 7946, KML with its attributes,
a GeoPackage that QGIS opens styled, CSV that Excel reads, and a claims.csv that `geo verify`
reads back to the same verdicts."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyogrio
import pytest
import shapely

import geo
from geo import cli
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

# Each claim kind and each kind of end, on several continents, true and false; Suva-Apia
# crosses the antimeridian.
SENTENCES = [
    "Suva is about 1,150 km from Apia.",
    "Kandahar is some 460 km south-west of Kabul.",
    "The attack happened in Mosul, in northern Iraq.",
    "Gunmen seized the gas plant near In Amenas, about 30 km from the Libyan border.",
    "Ecuador borders Peru and Colombia.",
    "Mongolia borders Kazakhstan, the minister claimed.",
    "Homs is some 20 to 30 km from the Lebanese border.",
    "Djanet lies near the border, officials said.",
    "Gao lies 400 km by road from Timbuktu.",
    "Benton County borders Carroll County, Tennessee.",
    "Omaha, Nebraska, lies near the Wyoming border.",
    "Snow closed roads around Duluth in northern Minnesota.",
    "Gunmen attacked Jalalabad in Kandahar province on Monday.",
    "Troops entered Goma in North Kivu province.",
    "Floods hit Keetmanshoop, in the Karas region, on Monday.",  # the unit is "//Karas"
]


@pytest.fixture(scope="module")
def founding(tmp_path_factory):
    out = tmp_path_factory.mktemp("founding")
    geo.read(ARTICLE).write(out, source_name=str(ARTICLE))
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The files of each sentence, in a folder of its own."""
    folders = []
    for number, sentence in enumerate(SENTENCES):
        out = tmp_path_factory.mktemp(f"sentence{number}")
        geo.read(sentence).write(out)
        folders.append(out)
    return folders


def every_folder(founding, written):
    return [founding, *written]


def rings(geometry: dict):
    """(ring, is_exterior) of every polygon of a GeoJSON geometry."""
    polygons = {"Polygon": [geometry["coordinates"]],
                "MultiPolygon": geometry["coordinates"]}.get(geometry["type"], [])
    for polygon in polygons:
        for index, ring in enumerate(polygon):
            yield ring, index == 0


def positions(coordinates):
    if isinstance(coordinates[0], int | float):
        yield coordinates
    else:
        for inner in coordinates:
            yield from positions(inner)


def test_geojson_follows_rfc_7946(founding, written):
    for folder in every_folder(founding, written):
        for path in folder.glob("*.geojson"):
            document = json.loads(path.read_text(encoding="utf-8"))
            assert document["type"] == "FeatureCollection" and "crs" not in document, path
            for feature in document["features"]:
                geometry = feature["geometry"]
                if geometry is None:
                    continue
                for lon, lat, *_ in positions(geometry["coordinates"]):
                    assert -180 <= lon <= 180 and -90 <= lat <= 90, path
                    # Section 11.2: six decimals (about 10 cm) are enough; none beyond.
                    assert round(lon, 6) == lon and round(lat, 6) == lat, path
                # Section 3.1.6: exterior rings counter-clockwise, holes clockwise.
                for ring, exterior in rings(geometry):
                    assert shapely.is_ccw(shapely.LinearRing(ring)) == exterior, path


def test_a_line_across_the_antimeridian_is_cut_there(written):
    [claim] = json.loads((written[0] / "claims.geojson").read_text())["features"]
    geometry = claim["geometry"]
    assert geometry["type"] == "MultiLineString"
    ends = {round(abs(lon), 6) for part in geometry["coordinates"] for lon, _ in part}
    assert 180.0 in ends and max(ends) <= 180


def test_kml_keeps_each_layer_s_attributes(founding):
    report = json.loads((founding / "report.json").read_text())
    claims = pyogrio.read_dataframe(founding / "layers.kml", layer="claims")
    assert {"verdict", "measured_km", "relation"} <= set(claims.columns)
    assert list(claims.verdict) == [c["verdict"] for c in report["claims"]]
    places = pyogrio.read_dataframe(founding / "layers.kml", layer="places")
    assert {"kind", "country_code", "confidence"} <= set(places.columns)


def test_the_geopackage_opens_styled_in_qgis(founding):
    layers = {name for name, _ in pyogrio.list_layers(founding / "layers.gpkg")}
    assert {"places", "claims", "countries", "borders", "regions", "layer_styles"} <= layers
    styles = pyogrio.read_dataframe(founding / "layers.gpkg", layer="layer_styles")
    drawn = layers - {"layer_styles"}
    assert set(styles.f_table_name) == drawn and styles.useAsDefault.all()
    for _, style in styles.iterrows():
        qml = ET.fromstring(style.styleQML)
        assert qml.tag == "qgis" and qml.find("renderer-v2") is not None
    claims = ET.fromstring(styles[styles.f_table_name == "claims"].styleQML.iloc[0])
    categories = {c.get("value") for c in claims.iter("category")}
    assert {"consistent", "inconsistent", "unverifiable"} <= categories


def test_csv_files_carry_a_byte_order_mark(founding):
    for name in ("places.csv", "claims.csv"):
        data = (founding / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows, name


def verdicts_of_report(folder) -> list[tuple]:
    report = json.loads((folder / "report.json").read_text())
    return [(c["type"], c["verdict"], c["measured_km"]) for c in report["claims"]]


def test_claims_csv_gives_the_same_verdicts_to_geo_verify(founding, written, capsys):
    for folder in every_folder(founding, written):
        expected = verdicts_of_report(folder)
        if not expected:
            continue
        cli.main(["verify", str(folder / "claims.csv"), "--json"])
        again = [(v["relation"], v["verdict"], v["measured_km"])
                 for v in json.loads(capsys.readouterr().out)]
        assert [(kind, verdict) for kind, verdict, _ in again] == [
            (kind, verdict) for kind, verdict, _ in expected], folder
        for (_, _, km), (_, _, km_again) in zip(expected, again, strict=True):
            assert (km is None) == (km_again is None)
            assert km is None or km_again == pytest.approx(km, abs=0.01), folder
