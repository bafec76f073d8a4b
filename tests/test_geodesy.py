"""Geodesic measurement against independent references: geographiclib's pure-Python Karney
implementation for point-to-point, and a brute-force dense sampling for point-to-line."""

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo import base_layers
from geo.geodesy import (
    GEOD,
    GeodesicLines,
    compass_point,
    distance,
    geodesic_path,
    initial_bearing,
    nearest_point,
)


def test_distance_matches_geographiclib_and_has_units():
    pairs = [((51.4700, -0.4543), (40.6413, -73.7781)),  # London Heathrow - New York JFK
             ((28.0383, 9.565), (36.7538, 3.0588)),       # In Amenas - Algiers
             ((-33.9, 151.2), (64.1, -21.9)),
             ((0.0, 0.0), (0.5, 179.7))]                  # nearly antipodal
    for a, b in pairs:
        reference = Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])
        d = distance(a, b)
        assert d.km * 1000 == pytest.approx(reference["s12"], abs=1e-6)
        assert d.miles == pytest.approx(d.km / 1.609344)
        assert d.nautical == pytest.approx(d.km / 1.852)
        assert initial_bearing(a, b) == pytest.approx(reference["azi1"] % 360, abs=1e-9)


@pytest.mark.parametrize(("bearing", "sector"), [
    (0, "N"), (11.24, "N"), (11.26, "NNE"), (45, "NE"), (224, "SW"), (236.24, "SW"),
    (236.26, "WSW"), (348.74, "NNW"), (348.76, "N"), (359.99, "N"), (-90, "W")])
def test_compass_sectors(bearing, sector):
    assert compass_point(bearing) == sector


def test_geodesic_path_crosses_the_antimeridian_without_a_jump():
    path = geodesic_path((65.0, 170.0), (66.0, -170.0))
    lon = shapely.get_coordinates(path)[:, 0]
    assert np.all(np.abs(np.diff(lon)) < 5)
    assert lon[0] == 170 and lon[-1] == pytest.approx(190)


def _brute_force(lat, lon, geometry, spacing_m):
    """Sample every edge of the lines geodesically every `spacing_m` and take the nearest."""
    if shapely.get_type_id(geometry) in (3, 6):
        geometry = shapely.boundary(geometry)
    best = np.inf
    for part in shapely.get_parts(geometry):
        c = shapely.get_coordinates(part)
        a, b = c[:-1], c[1:]
        azimuth, _, length = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
        steps = np.maximum(1, np.ceil(length / spacing_m)).astype(int)
        edge = np.repeat(np.arange(len(a)), steps + 1)
        k = np.arange(len(edge)) - np.repeat(np.cumsum(steps + 1) - (steps + 1), steps + 1)
        x, y, _ = GEOD.fwd(a[edge, 0], a[edge, 1], azimuth[edge], length[edge] * k / steps[edge])
        _, _, d = GEOD.inv(np.full(len(x), lon), np.full(len(x), lat), x, y)
        best = min(best, d.min())
    return best


def _world_cases():
    """Points around 20 borders on every inhabited continent, plus outlines across the
    antimeridian and near the poles: (label, geometry, lat, lon)."""
    rng = np.random.default_rng(2013)
    pairs = [("DZA", "MLI"), ("DZA", "LBY"), ("USA", "CAN"), ("USA", "MEX"), ("RUS", "NOR"),
             ("RUS", "FIN"), ("RUS", "CHN"), ("KAZ", "RUS"), ("ARG", "CHL"), ("BRA", "PER"),
             ("IDN", "PNG"), ("CHN", "IND"), ("FRA", "ESP"), ("ZAF", "NAM"), ("EGY", "SDN"),
             ("COD", "AGO"), ("NOR", "SWE"), ("IRN", "IRQ"), ("ECU", "PER"), ("MNG", "CHN")]
    cases = []
    for a, b in pairs:
        line = base_layers.border(a, b).geometry
        vertices = shapely.get_coordinates(line)
        v = vertices[rng.integers(len(vertices))]
        lon, lat, _ = GEOD.fwd(v[0], v[1], rng.uniform(0, 360), rng.uniform(2e3, 9e5))
        cases.append((f"{a}/{b}", line, float(lat), float(lon)))
    outlines = [("RUS outline across 180", "RUS", 66.5, -171.0),
                ("FJI outline across 180", "FJI", -17.5, 179.9),
                ("GRL outline near the pole", "GRL", 86.0, -35.0),
                ("NOR (Svalbard) near the pole", "NOR", 82.5, 20.0),
                ("ATA outline near the pole", "ATA", -62.0, -60.0)]
    for label, code, lat, lon in outlines:
        cases.append((label, base_layers.country(code).geometry, lat, lon))
    return cases


@pytest.mark.parametrize(("label", "geometry", "lat", "lon"), _world_cases(),
                         ids=[c[0] for c in _world_cases()])
def test_nearest_point_matches_brute_force_within_a_metre(label, geometry, lat, lon):
    found = nearest_point((lat, lon), geometry)
    # Sampling every h metres overestimates the minimum by at most h^2 / (8 d); this spacing
    # keeps that under 5 cm.
    spacing = max(1.0, np.sqrt(0.4 * found.distance.m))
    reference = _brute_force(lat, lon, geometry, spacing)
    assert found.distance.m == pytest.approx(reference, abs=1.0)
    # The reported nearest point is where the distance was measured, and lies on the lines.
    assert distance((lat, lon), (found.lat, found.lon)).m == pytest.approx(found.distance.m,
                                                                          abs=1e-3)
    assert shapely.distance(shapely.boundary(geometry) if geometry.geom_type.endswith("Polygon")
                            else geometry, shapely.Point(found.lon, found.lat)) < 1e-4


def test_nearest_many_agrees_with_one_at_a_time():
    line = base_layers.border("DZA", "MLI").geometry
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(10, 35, 300), rng.uniform(-10, 15, 300)
    metres, _, _ = GeodesicLines(line).nearest_many(lat, lon)
    singles = [nearest_point((la, lo), line).distance.m for la, lo in zip(lat[:20], lon[:20],
                                                                        strict=True)]
    np.testing.assert_allclose(metres[:20], singles, atol=1e-6)
    assert np.all(metres >= 0)


def test_point_on_the_line_is_at_distance_zero():
    line = base_layers.border("DZA", "MLI").geometry
    lon, lat = shapely.get_coordinates(line)[50]
    assert nearest_point((lat, lon), line).distance.m < 1e-6


def test_lines_need_two_vertices():
    with pytest.raises(ValueError):
        GeodesicLines(shapely.LineString())
