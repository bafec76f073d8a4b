"""geo leaves the user's process as it found it (issue 12): it sets no GDAL configuration
option, replaces nothing on branca's classes and builds pages on several threads at once, and
its outputs stay byte-identical from run to run all the same. No mocks: the real code paths."""

import datetime as dt
import inspect
import re
import sqlite3
import threading
import time
from pathlib import Path

import branca.element
import geopandas as gpd
import pyogrio
import pytest
import shapely
from branca.element import Element

from geo.cli import main as geo_main
from geo.incident_layers import FIXED_TIMESTAMP, LAYER_COLUMNS, build_layers, write_layers
from geo.incident_map import article_text, map_html
from geo.source import read_article_file
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

BRANCA_ID = re.compile(r"[0-9a-f]{32}")  # hexlify(urandom(16)), branca's own
LEFTOVER_ID = re.compile(r"[0-9A-Za-z]_[0-9a-f]{32}(?![0-9A-Za-z])")


def branca_classes() -> dict[type, dict]:
    """What each class of branca.element holds, attribute by attribute."""
    return {cls: dict(vars(cls)) for _, cls in inspect.getmembers(branca.element, inspect.isclass)
            if cls.__module__ == "branca.element"}


# Taken when this module is imported, before any test here builds a page.
BRANCA_AS_IMPORTED = branca_classes()
GENERATE_ID = BRANCA_AS_IMPORTED[Element]["_generate_id"]


def utc_days() -> set[str]:
    """Today's date in UTC (GDAL's clock), and tomorrow's in case a test runs over midnight."""
    today = dt.datetime.now(dt.UTC).date()
    return {today.isoformat(), (today + dt.timedelta(days=1)).isoformat()}


def last_changes(gpkg: Path) -> dict[str, str]:
    db = sqlite3.connect(gpkg)
    try:
        return dict(db.execute("SELECT table_name, last_change FROM gpkg_contents"))
    finally:
        db.close()


def assert_gdal_configuration_untouched(tmp_path: Path) -> None:
    assert pyogrio.get_gdal_config_option("OGR_CURRENT_DATE") is None
    user_file = tmp_path / "users_own.gpkg"
    pyogrio.write_dataframe(gpd.GeoDataFrame({"n": [1]}, geometry=[shapely.Point(3, 36)],
                                             crs="EPSG:4326"), user_file, driver="GPKG")
    (stamp,) = last_changes(user_file).values()
    assert stamp[:10] in utc_days(), stamp


def assert_geo_stamp_is_fixed(gpkg: Path) -> None:
    stamps = last_changes(gpkg)
    assert stamps and set(stamps.values()) == {FIXED_TIMESTAMP}, stamps
    # No other table holds the time of writing either.
    contents = gpkg.read_bytes()
    assert not any(day.encode() in contents for day in utc_days())


def assert_branca_untouched() -> None:
    assert branca_classes() == BRANCA_AS_IMPORTED
    assert Element.__dict__["_generate_id"] is GENERATE_ID
    ids = {Element()._id for _ in range(3)}
    assert len(ids) == 3 and all(BRANCA_ID.fullmatch(i) for i in ids), ids


@pytest.fixture(scope="module")
def founding_runs(tmp_path_factory) -> tuple[Path, Path]:
    """Two `geo run`s of the founding article in this process, as a user's program would."""
    runs = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    for out in runs:
        assert geo_main(["run", str(ARTICLE), "--out", str(out)]) == 0
    return runs


@pytest.fixture(scope="module")
def founding_map(pipeline):
    analysis = pipeline.analyse(read_article_file(ARTICLE))
    return build_layers(analysis), article_text(analysis)


# ---------------------------------------------------------------------------------------------
# GDAL


def test_writing_layers_sets_no_gdal_option(tmp_path):
    assert pyogrio.get_gdal_config_option("OGR_CURRENT_DATE") is None  # as the test starts
    row = {"id": "p1", "text": "Algiers", "name": "Algiers", "kind": "city",
           "country_code": "DZ", "lat": 36.75, "lon": 3.05, "population": 2_000_000,
           "confidence": 0.9, "mentions": 1, "is_focus": True}
    places = gpd.GeoDataFrame([row], geometry=[shapely.Point(3.05, 36.75)], crs="EPSG:4326")
    empty = gpd.GeoDataFrame({c: [] for c in LAYER_COLUMNS["borders"]},
                             geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    written = write_layers({"places": places, "borders": empty}, tmp_path / "geo")

    assert_geo_stamp_is_fixed(tmp_path / "geo" / "layers.gpkg")
    assert sorted(p.name for p in (tmp_path / "geo").iterdir()) == sorted(p.name for p in written)
    assert_gdal_configuration_untouched(tmp_path)


def test_a_geo_run_sets_no_gdal_option_and_gives_the_same_bytes_twice(founding_runs, tmp_path):
    first, second = founding_runs
    names = sorted(p.name for p in first.iterdir())
    assert "layers.gpkg" in names and "map.html" in names
    assert sorted(p.name for p in second.iterdir()) == names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert_geo_stamp_is_fixed(first / "layers.gpkg")
    assert_gdal_configuration_untouched(tmp_path)


# ---------------------------------------------------------------------------------------------
# branca


def test_a_geo_run_replaces_nothing_on_branca(founding_runs):
    assert_branca_untouched()
    page = (founding_runs[0] / "map.html").read_text(encoding="utf-8")
    assert "map_0001" in page and not LEFTOVER_ID.search(page)


def test_building_a_map_replaces_nothing_on_branca(founding_map):
    page = map_html(*founding_map)
    assert_branca_untouched()
    assert "map_0001" in page and not LEFTOVER_ID.search(page)


def test_pages_built_on_two_threads_at_once_match_one_built_alone(founding_map):
    alone = map_html(*founding_map)
    start = threading.Barrier(3)
    pages: dict[int, str] = {}

    def build(slot: int) -> None:
        start.wait()
        pages[slot] = map_html(*founding_map)

    threads = [threading.Thread(target=build, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    start.wait()
    # Elements made elsewhere in the process while the pages are built keep branca's ids.
    made_meanwhile = []
    while any(thread.is_alive() for thread in threads):
        made_meanwhile.append(Element()._id)
        time.sleep(0.005)
    for thread in threads:
        thread.join()

    assert pages == {0: alone, 1: alone}
    assert made_meanwhile and all(BRANCA_ID.fullmatch(i) for i in made_meanwhile)
