"""Claims -> measurements: what the ellipsoid says about each claim, before any judgement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.claims import Claim
from geo.targets import AREAS, AdminAreaTarget, CountryTarget, PointTarget, Target, UnlocatedTarget

if TYPE_CHECKING:
    import shapely

# The ellipsoid's libraries (geo.geodesy: numpy, shapely, pyproj) are imported by the functions
# that measure, so that finding claims in an article does not wait for them.


@dataclass(frozen=True)
class Measurement:
    """What was measured for a claim. `km` is the measured length: the distance for distance,
    direction and proximity claims, the distance outside the polygon for containment (0 when
    inside), the shared border's length for adjacency. `origin` and `nearest` are the ends of
    the measured geodesic; `bearing` is from the reference to the subject (direction claims).
    `problem` says why nothing could be measured. `drawn` is what the map draws for a claim
    that is not one geodesic: the border two neighbours share."""

    km: float | None = None
    origin: tuple[float, float] | None = None
    nearest: tuple[float, float] | None = None
    bearing: float | None = None
    inside: bool | None = None
    problem: str | None = None
    drawn: shapely.Geometry | None = None

    @property
    def path(self) -> shapely.Geometry | None:
        """The line that shows the measurement: `drawn`, or the geodesic from `origin` to
        `nearest`."""
        if self.drawn is not None:
            return self.drawn
        if self.origin is None or self.nearest is None or self.origin == self.nearest:
            return None
        from geo.geodesy import geodesic_path

        return geodesic_path(self.origin, self.nearest)


def distance_to(point: tuple[float, float], reference: Target) -> Measurement:
    """Geodesic distance from a point to the nearest point of a reference; 0 inside an area."""
    import shapely

    from geo.geodesy import geodesic_km, nearest_point

    if isinstance(reference, PointTarget):
        return Measurement(km=geodesic_km(point, reference.point), origin=point,
                           nearest=reference.point)
    shape = reference.shape
    if isinstance(reference, AREAS) and shape.covers(shapely.Point(point[1], point[0])):
        return Measurement(km=0.0, origin=point, nearest=point, inside=True)
    found = nearest_point(point, shape)
    return Measurement(km=found.km, origin=point, nearest=(found.lat, found.lon),
                       inside=False if isinstance(reference, AREAS) else None)


def measure(claim: Claim) -> Measurement:
    """What the ellipsoid says about a claim, measured as its type measures."""
    from geo.claim_types import claim_type

    for target in (claim.subject, claim.reference):
        if isinstance(target, UnlocatedTarget):
            return Measurement(problem=target.reason)
    return claim_type(claim.relation).measure(claim)


def from_subject_point(claim: Claim) -> Measurement:
    """The distance from the subject's point to the nearest point of the reference."""
    if claim.subject.point is None:
        if isinstance(claim.subject, (CountryTarget, AdminAreaTarget)) \
                and isinstance(claim.reference, PointTarget):
            # "Minnesota, less than 15 miles away": from the point to the area's nearest edge
            return distance_to(claim.reference.point, claim.subject)
        return Measurement(problem=f"a {claim.relation} is measured from a point")
    return distance_to(claim.subject.point, claim.reference)


def from_subject(claim: Claim) -> Measurement:
    """The distance from the subject to the nearest point of the reference: from its point,
    or for an area with an outline and no point (a US county), from the nearest point of the
    outline, 0 where the two meet ("Cochise County, along the Mexican border")."""
    if claim.subject.point is not None or not isinstance(claim.subject, AdminAreaTarget):
        return from_subject_point(claim)
    import shapely

    outline, reference = claim.subject.shape, claim.reference.shape
    if reference is None:
        return Measurement(problem=f"{claim.reference.describe()} has no shape to measure to")
    if outline.intersects(reference):
        where = shapely.intersection(outline, reference).representative_point()
        return Measurement(km=0.0, origin=(where.y, where.x), nearest=(where.y, where.x))
    # The nearest points in degrees, then from the outline's point the geodesic to the line:
    # a few kilometres from the true shortest geodesic at most, at the scale of "near".
    x, y = shapely.shortest_line(outline, reference).coords[0]
    return distance_to((y, x), claim.reference)
