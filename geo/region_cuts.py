"""The parts of a country or a US state that geo.regions names, cut out of their outlines.

There is no official "northern Mali", so the cut has to be a rule a reader can check: the
northern part is what lies north of the parallel that divides the country's area in half
(for Mali, 17.1 deg N: the Saharan regions of Timbuktu, Gao and Kidal that the phrase means).
Southern, eastern and western parts are cut the same way, on a parallel or a meridian;
"north-eastern" is the northern half of the eastern half; "central" is the middle half both
ways. Areas are measured in the cylindrical equal-area projection of the WGS84 ellipsoid, so
the halves are true halves of the ellipsoidal area; and as that projection keeps parallels and
meridians straight, a cut along one is a rectangle clip, done in C by GEOS.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import shapely
from pyproj import Transformer

from geo import admin_areas, base_layers


@cache
def area_part(area: str, part: str) -> shapely.Geometry:
    """The part ("N", "SW", "C", ...) of a country's 1:10m polygon (`area` its ADM0_A3) or of
    a US state's (`area` its key in geo.admin_areas)."""
    whole = (admin_areas.area(area).geometry if admin_areas.is_key(area)
             else base_layers.country(area).geometry)
    return part_of(whole, part)


_EQUAL_AREA = Transformer.from_crs("EPSG:4326", "+proj=cea +ellps=WGS84", always_xy=True)


def _equal_area(geometry: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geometry, lambda lon_lat: np.column_stack(
        _EQUAL_AREA.transform(lon_lat[:, 0], lon_lat[:, 1])))


def _box(min_x: float, min_y: float, max_x: float, max_y: float) -> shapely.Geometry:
    # Distances to a region read its edges as geodesics; short edges keep the box's sides on
    # the parallels and meridians they are meant to follow.
    return shapely.segmentize(shapely.box(min_x, min_y, max_x, max_y), 0.25)


def _split_line(geometry: shapely.Geometry, axis: str, share: float) -> float:
    """The latitude (axis 'y') or longitude ('x') below which `share` of the area lies."""
    projected = _equal_area(geometry)
    min_x, min_y, max_x, max_y = projected.bounds
    low, high = (min_y, max_y) if axis == "y" else (min_x, max_x)
    wanted = share * projected.area
    for _ in range(30):  # bisection to ~1e-9 of the extent: far finer than the data
        middle = (low + high) / 2
        # clip_by_rect may leave slivers on the cut (valid for an area, not for drawing)
        below = (shapely.clip_by_rect(projected, min_x, min_y, max_x, middle) if axis == "y"
                 else shapely.clip_by_rect(projected, min_x, min_y, middle, max_y))
        if below.area < wanted:
            low = middle
        else:
            high = middle
    cut = (low + high) / 2
    if axis == "y":
        return _EQUAL_AREA.transform(0.0, cut, direction="INVERSE")[1]
    return _EQUAL_AREA.transform(cut, 0.0, direction="INVERSE")[0]


def _half(geometry: shapely.Geometry, side: str, share: float = 0.5) -> shapely.Geometry:
    min_x, min_y, max_x, max_y = geometry.bounds
    if side in "NS":
        cut = _split_line(geometry, "y", share if side == "N" else 1 - share)
        box = (_box(min_x, cut, max_x, max_y) if side == "N"
               else _box(min_x, min_y, max_x, cut))
    else:
        cut = _split_line(geometry, "x", share if side == "E" else 1 - share)
        box = (_box(cut, min_y, max_x, max_y) if side == "E"
               else _box(min_x, min_y, cut, max_y))
    return shapely.intersection(geometry, box)


def part_of(geometry: shapely.Geometry, part: str) -> shapely.Geometry:
    if part == "C":
        middle_rows = _half(_half(geometry, "N", 0.25), "S", 1 / 3)
        return _half(_half(middle_rows, "E", 0.25), "W", 1 / 3)
    result = geometry
    for side in reversed(part):  # "NE": the northern half of the eastern half
        result = _half(result, side)
    return result
