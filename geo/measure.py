"""Claims -> measurements: what the ellipsoid says about each claim, before any judgement."""

from __future__ import annotations

from dataclasses import dataclass

import shapely

from geo import base_layers
from geo.claims import Claim, Relation
from geo.geodesy import distance, geodesic_path, initial_bearing, nearest_point
from geo.targets import AREAS, CountryTarget, PointTarget, Target, UnlocatedTarget


@dataclass(frozen=True)
class Measurement:
    """What was measured for a claim. `km` is the measured length: the distance for distance,
    direction and proximity claims, the distance outside the polygon for containment (0 when
    inside), the shared border's length for adjacency. `origin` and `nearest` are the ends of
    the measured geodesic; `bearing` is from the reference to the subject (direction claims).
    `problem` says why nothing could be measured."""

    km: float | None = None
    origin: tuple[float, float] | None = None
    nearest: tuple[float, float] | None = None
    bearing: float | None = None
    inside: bool | None = None
    problem: str | None = None

    @property
    def path(self) -> shapely.LineString | None:
        if self.origin is None or self.nearest is None or self.origin == self.nearest:
            return None
        return geodesic_path(self.origin, self.nearest)


def distance_to(point: tuple[float, float], reference: Target) -> Measurement:
    """Geodesic distance from a point to the nearest point of a reference; 0 inside an area."""
    if isinstance(reference, PointTarget):
        return Measurement(km=distance(point, reference.point).km, origin=point,
                           nearest=reference.point)
    shape = reference.shape
    if isinstance(reference, AREAS) and shape.covers(shapely.Point(point[1], point[0])):
        return Measurement(km=0.0, origin=point, nearest=point, inside=True)
    found = nearest_point(point, shape)
    return Measurement(km=found.distance.km, origin=point, nearest=(found.lat, found.lon),
                       inside=False if isinstance(reference, AREAS) else None)


def measure(claim: Claim) -> Measurement:
    subject, reference = claim.subject, claim.reference
    for target in (subject, reference):
        if isinstance(target, UnlocatedTarget):
            return Measurement(problem=target.reason)
    match claim.relation:
        case Relation.ADJACENCY:
            if not (isinstance(subject, CountryTarget) and isinstance(reference, CountryTarget)):
                return Measurement(problem="adjacency is between two countries")
            return Measurement(km=base_layers.shared_border_km(subject.adm0_a3,
                                                               reference.adm0_a3))
        case Relation.DIRECTION:
            if subject.point is None or reference.point is None:
                return Measurement(problem="a direction is measured between two points")
            found = distance_to(subject.point, reference)
            return Measurement(km=found.km, origin=reference.point, nearest=subject.point,
                               bearing=initial_bearing(reference.point, subject.point))
        case Relation.CONTAINMENT:
            if subject.point is None:
                return Measurement(problem="containment is measured for a point")
            if not isinstance(reference, (*AREAS, PointTarget)):
                return Measurement(problem="containment needs a place, country or region")
            return distance_to(subject.point, reference)
        case _:
            if subject.point is None:
                return Measurement(problem=f"a {claim.relation} is measured from a point")
            return distance_to(subject.point, reference)
