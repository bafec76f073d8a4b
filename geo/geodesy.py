"""Measurement on the WGS84 ellipsoid with Karney's geodesics (pyproj.Geod).

Distances are geopy `Distance` objects (`.km`, `.miles`, `.nautical`) where the API hands them
out, plain km inside: geopy is imported only when such an object is made, because importing it
imports requests, whose urllib3 opens a socket to probe for IPv6. Lines are sequences of
vertices joined by geodesic edges; `GeodesicLines` finds the nearest point of such lines (a
border, or a country's outline) to any number of points, exact to well under a metre.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Geod

from geo.sphere import COMPASS_16, MEAN_EARTH_RADIUS_M

GEOD = Geod(ellps="WGS84")


def as_point(p):
    """A geopy Point from a Point, a (lat, lon) pair or a 'lat lon' string."""
    from geopy.point import Point

    return p if isinstance(p, Point) else Point(p)


def _lat_lon(p) -> tuple[float, float]:
    """(lat, lon) of a (lat, lon) pair, or of anything geopy reads as a point."""
    if isinstance(p, tuple | list) and len(p) == 2:
        return float(p[0]), float(p[1])
    point = as_point(p)
    return point.latitude, point.longitude


def geodesic_km(a, b) -> float:
    """The geodesic distance between two points, in km."""
    (lat_a, lon_a), (lat_b, lon_b) = _lat_lon(a), _lat_lon(b)
    _, _, metres = GEOD.inv(lon_a, lat_a, lon_b, lat_b)
    return metres / 1000


def distance(a, b):
    """The geodesic distance between two points as a geopy Distance."""
    from geopy.distance import Distance

    return Distance(kilometers=geodesic_km(a, b))


def initial_bearing(a, b) -> float:
    """Initial bearing of the geodesic from a to b, degrees clockwise from north in [0, 360)."""
    (lat_a, lon_a), (lat_b, lon_b) = _lat_lon(a), _lat_lon(b)
    azimuth, _, _ = GEOD.inv(lon_a, lat_a, lon_b, lat_b)
    return float(azimuth) % 360


def compass_point(bearing: float) -> str:
    """The 16-point compass sector a bearing falls in ("N", "NNE", ... "NNW")."""
    return COMPASS_16[int(np.floor((bearing % 360) / 22.5 + 0.5)) % 16]


def geodesic_path(a, b, spacing_km: float = 10.0, max_points: int = 256) -> shapely.LineString:
    """The geodesic from a to b as a drawable LineString in lon/lat, continuous across 180°."""
    (lat_a, lon_a), (lat_b, lon_b) = _lat_lon(a), _lat_lon(b)
    length_km = geodesic_km((lat_a, lon_a), (lat_b, lon_b))
    inner = int(min(max_points - 2, max(0, np.ceil(length_km / spacing_km) - 1)))
    middle = GEOD.npts(lon_a, lat_a, lon_b, lat_b, inner) if inner else []
    lon = np.array([lon_a, *(p[0] for p in middle), lon_b])
    lat = np.array([lat_a, *(p[1] for p in middle), lat_b])
    # Leaflet draws a jump from 179° to -179° across the whole map; unwrapping keeps it local.
    lon = np.degrees(np.unwrap(np.radians(lon)))
    return shapely.LineString(np.column_stack([lon, lat]))


@dataclass(frozen=True)
class NearestPoint:
    """The nearest point of some lines to a query point, and the geodesic between them."""

    km: float
    lat: float
    lon: float

    @property
    def distance(self):
        """The distance as a geopy Distance."""
        from geopy.distance import Distance

        return Distance(kilometers=self.km)

    def path_from(self, origin) -> shapely.LineString:
        return geodesic_path(origin, (self.lat, self.lon))


def _unit_vectors(lon_deg: np.ndarray, lat_deg: np.ndarray) -> np.ndarray:
    lon, lat = np.radians(lon_deg), np.radians(lat_deg)
    cos_lat = np.cos(lat)
    return np.column_stack([cos_lat * np.cos(lon), cos_lat * np.sin(lon), np.sin(lat)])


def _lonlat(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y, z = vectors.T
    return np.degrees(np.arctan2(y, x)), np.degrees(np.arctan2(z, np.hypot(x, y)))


class GeodesicLines:
    """Lines (or a polygon's outline) prepared for nearest-point queries.

    Why not an azimuthal equidistant projection per query point: building a pyproj Transformer
    costs about 8 ms, more than the whole query budget. Instead a spherical pass, plain numpy
    over every edge, shortlists the edges that can hold the nearest point (the ellipsoid moves
    distances by at most about 0.5 % against a sphere), and Karney's geodesics on the WGS84
    ellipsoid then locate the nearest point on each shortlisted edge exactly.
    """

    # Long edges are split so the great circle on the sphere and the geodesic on the ellipsoid
    # between the same ends stay within metres of each other, well inside the shortlist margin.
    MAX_EDGE_M = 20_000.0
    SPHERE_SLACK = 0.011  # relative: twice the largest sphere-versus-ellipsoid distance error
    SPHERE_MARGIN_M = 1_000.0
    # Pairs whose approximate distance (exact distance to the spherical foot point) is within
    # this of the best one are refined; the spherical foot is off by metres at most.
    REFINE_MARGIN_M = 500.0
    CHUNK_CELLS = 2_000_000  # points x edges per numpy block, to bound memory

    def __init__(self, geometry: shapely.Geometry):
        if shapely.get_type_id(geometry) in (3, 6):  # Polygon, MultiPolygon
            geometry = shapely.boundary(geometry)
        parts = shapely.get_parts(geometry)
        coords, part = shapely.get_coordinates(parts, return_index=True)
        if len(coords) < 2:
            raise ValueError("need a line with at least two vertices")
        same_part = part[:-1] == part[1:]
        start, end = coords[:-1][same_part], coords[1:][same_part]
        moved = np.any(start != end, axis=1)
        self._densify(start[moved], end[moved])

    def _densify(self, start: np.ndarray, end: np.ndarray) -> None:
        azimuth, _, length = GEOD.inv(start[:, 0], start[:, 1], end[:, 0], end[:, 1])
        pieces = np.maximum(1, np.ceil(length / self.MAX_EDGE_M)).astype(int)
        edge = np.repeat(np.arange(len(start)), pieces)
        step = np.arange(len(edge)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        along_a = length[edge] * step / pieces[edge]
        along_b = length[edge] * (step + 1) / pieces[edge]
        a_lon, a_lat, _ = GEOD.fwd(start[edge, 0], start[edge, 1], azimuth[edge], along_a)
        b_lon, b_lat, _ = GEOD.fwd(start[edge, 0], start[edge, 1], azimuth[edge], along_b)
        last = step == pieces[edge] - 1
        b_lon = np.where(last, end[edge, 0], b_lon)
        b_lat = np.where(last, end[edge, 1], b_lat)
        self.a_lon, self.a_lat = np.asarray(a_lon), np.asarray(a_lat)
        self.azimuth, _, self.length = GEOD.inv(self.a_lon, self.a_lat, b_lon, b_lat)
        self._a = _unit_vectors(self.a_lon, self.a_lat)
        self._b = _unit_vectors(b_lon, b_lat)
        normal = np.cross(self._a, self._b)
        self._normal = normal / np.linalg.norm(normal, axis=1, keepdims=True)
        self._past_a = np.cross(self._normal, self._a)
        self._before_b = np.cross(self._b, self._normal)

    @property
    def edge_count(self) -> int:
        return len(self.length)

    def nearest(self, point) -> NearestPoint:
        p_lat, p_lon = _lat_lon(point)
        metres, lat, lon = self.nearest_many(np.array([p_lat]), np.array([p_lon]))
        return NearestPoint(float(metres[0]) / 1000, float(lat[0]), float(lon[0]))

    def nearest_many(self, lat: np.ndarray, lon: np.ndarray):
        """Distances in metres and the nearest points' lat, lon, for arrays of points."""
        lat, lon = np.asarray(lat, float), np.asarray(lon, float)
        rows = max(1, self.CHUNK_CELLS // self.edge_count)
        results = [self._nearest_block(lat[i:i + rows], lon[i:i + rows])
                   for i in range(0, len(lat), rows)]
        return tuple(np.concatenate(r) for r in zip(*results, strict=True))

    def _nearest_block(self, lat: np.ndarray, lon: np.ndarray):
        point_idx, edge_idx, foot = self._spherical_shortlist(_unit_vectors(lon, lat))
        foot_lon, foot_lat = _lonlat(foot)
        _, _, approx = GEOD.inv(lon[point_idx], lat[point_idx], foot_lon, foot_lat)
        best = np.full(len(lat), np.inf)
        np.minimum.at(best, point_idx, approx)
        keep = approx <= best[point_idx] + self.REFINE_MARGIN_M + 1e-4 * best[point_idx]
        point_idx, edge_idx = point_idx[keep], edge_idx[keep]

        _, _, start_offset = GEOD.inv(self.a_lon[edge_idx], self.a_lat[edge_idx],
                                      foot_lon[keep], foot_lat[keep])
        metres, n_lat, n_lon = self._refine(lat[point_idx], lon[point_idx], edge_idx,
                                            start_offset)
        order = np.lexsort((metres, point_idx))
        first = np.unique(point_idx[order], return_index=True)[1]
        chosen = order[first]
        return metres[chosen], n_lat[chosen], n_lon[chosen]

    def _spherical_shortlist(self, p: np.ndarray):
        """(point, edge) pairs that may hold the nearest point, with the spherical foot point."""
        cross_track = np.arcsin(np.clip(np.abs(p @ self._normal.T), 0, 1))
        within = (p @ self._past_a.T >= 0) & (p @ self._before_b.T >= 0)
        to_a = np.arccos(np.clip(p @ self._a.T, -1, 1))
        to_b = np.arccos(np.clip(p @ self._b.T, -1, 1))
        angle = np.where(within, cross_track, np.minimum(to_a, to_b))
        limit = (angle.min(axis=1, keepdims=True) * (1 + self.SPHERE_SLACK)
                 + self.SPHERE_MARGIN_M / MEAN_EARTH_RADIUS_M)
        point_idx, edge_idx = np.nonzero(angle <= limit)

        pv, normal = p[point_idx], self._normal[edge_idx]
        projected = pv - np.sum(pv * normal, axis=1, keepdims=True) * normal
        nearer_end = np.where((to_a[point_idx, edge_idx] <= to_b[point_idx, edge_idx])[:, None],
                              self._a[edge_idx], self._b[edge_idx])
        inside = within[point_idx, edge_idx][:, None]
        norm = np.linalg.norm(projected, axis=1, keepdims=True)
        foot = np.where(inside & (norm > 0), projected / np.where(norm > 0, norm, 1), nearer_end)
        return point_idx, edge_idx, foot

    def _refine(self, lat, lon, edge_idx, along, iterations: int = 8):
        """Nearest point on each geodesic edge by the point-to-geodesic iteration of Baselga and
        Martinez-Llario (2018): step along the edge by the spherical right-triangle solution,
        re-solved exactly on the ellipsoid from the new position each time."""
        a_lon, a_lat = self.a_lon[edge_idx], self.a_lat[edge_idx]
        azimuth, length = self.azimuth[edge_idx], self.length[edge_idx]
        for _ in range(iterations):
            x_lon, x_lat, back = GEOD.fwd(a_lon, a_lat, azimuth, along)
            to_p, _, gap = GEOD.inv(x_lon, x_lat, lon, lat)
            angle = np.radians(to_p - (np.asarray(back) + 180.0))
            step = MEAN_EARTH_RADIUS_M * np.arctan(
                np.tan(np.asarray(gap) / MEAN_EARTH_RADIUS_M) * np.cos(angle))
            moved = np.clip(along + step, 0.0, length)
            converged = np.all(np.abs(moved - along) < 1e-4)
            along = moved
            if converged:
                break
        x_lon, x_lat, _ = GEOD.fwd(a_lon, a_lat, azimuth, along)
        _, _, metres = GEOD.inv(x_lon, x_lat, lon, lat)
        return np.asarray(metres), np.asarray(x_lat), np.asarray(x_lon)


@lru_cache(maxsize=64)
def _prepared(wkb: bytes) -> GeodesicLines:
    return GeodesicLines(shapely.from_wkb(wkb))


def prepared_lines(geometry: shapely.Geometry) -> GeodesicLines:
    """GeodesicLines for a geometry, cached so a border is prepared once per process."""
    return _prepared(shapely.to_wkb(geometry))


def nearest_point(point, geometry: shapely.Geometry) -> NearestPoint:
    """The nearest point of a line, or of a polygon's outline, to a point."""
    return prepared_lines(geometry).nearest(point)
