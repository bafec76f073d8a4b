"""Quick measures on the mean-radius sphere, and the compass, in plain Python.

The stages that read text (finding, resolving, extracting claims) need only these, and must
not wait for numpy, shapely and pyproj, which geo.geodesy loads for measuring on the WGS84
ellipsoid.
"""

from __future__ import annotations

import math

MEAN_EARTH_RADIUS_M = 6_371_008.8

COMPASS_16 = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
              "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on the mean-radius sphere: what the geoparsing anchors score with,
    and a quick rough distance where a geodesic to the millimetre is not needed."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * MEAN_EARTH_RADIUS_M / 1000 * math.asin(math.sqrt(min(1.0, h)))
