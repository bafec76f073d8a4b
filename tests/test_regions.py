import pytest

from geo import base_layers
from geo.claims import Claim, Relation
from geo.geodesy import GEOD
from geo.region_cuts import area_part
from geo.regions import parse_part
from geo.targets import PointTarget, RegionTarget, parse_target
from geo.verdicts import Status, verify


@pytest.mark.parametrize(("words", "part"), [
    ("northern", "N"), ("North", "N"), ("south-eastern", "SE"), ("northeastern", "NE"),
    ("north west", "NW"), ("central", "C")])
def test_parse_part(words, part):
    assert parse_part(words) == part


@pytest.mark.parametrize("words", ["", "eastern north", "upper", "north-south"])
def test_bad_parts(words):
    with pytest.raises(ValueError):
        parse_part(words)


@pytest.mark.parametrize("country", ["MLI", "RUS", "IDN", "ATA"])  # one piece, many, islands, pole
@pytest.mark.parametrize(("part", "share"), [("N", 0.5), ("W", 0.5), ("NE", 0.25), ("C", 0.25)])
def test_parts_are_true_shares_of_the_area(country, part, share):
    def _area(geometry):  # geodesic, on the ellipsoid: not the projection the cut uses
        return abs(GEOD.geometry_area_perimeter(geometry)[0])

    whole = _area(base_layers.country(country).geometry)
    assert _area(area_part(country, part)) / whole == pytest.approx(share, abs=0.005)


def test_northern_mali_lies_north_and_within_mali():
    north = area_part("MLI", "N")
    assert 16.5 < north.bounds[1] < 17.5
    assert north.bounds[3] == pytest.approx(base_layers.country("MLI").geometry.bounds[3])
    assert base_layers.country("MLI").geometry.buffer(1e-9).covers(north)


@pytest.mark.parametrize(("town", "lat", "lon", "status"), [
    ("Kidal", 18.44, 1.41, Status.CONSISTENT),
    ("Timbuktu", 16.77, -3.00, Status.CONSISTENT),     # just south of the halving line
    ("Gao", 16.27, -0.04, Status.CONSISTENT),
    ("Mopti", 14.49, -4.19, Status.INCONSISTENT),      # central Mali
    ("Bamako", 12.65, -8.00, Status.INCONSISTENT)])
def test_in_northern_mali(town, lat, lon, status):
    claim = Claim(PointTarget(lat, lon, town), Relation.CONTAINMENT,
                  parse_target("region:MLI/northern"))
    assert verify(claim).status is status


def test_region_target_reads_and_describes_itself():
    region = parse_target("region:ML/northern")
    assert region == RegionTarget("MLI", "N")
    assert region.describe() == "northern Mali"
