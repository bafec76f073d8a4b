"""Measurements -> verdicts: does what was measured agree with what was claimed, and how well.

Every verdict keeps the measured value, the claimed value and the tolerance, so a reader can
see why. `fit` is the deviation as a share of what the tolerance allows on that side: 0 is
spot on, 1 is the edge of the tolerance, 2 is twice as far off as allowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from geo.claims import (
    DEFAULT_PROXIMITY_WORD,
    PROXIMITY_WORDS,
    Claim,
    Relation,
    Tolerance,
    direction_bearing,
    direction_half_width,
)
from geo.measure import Measurement, measure
from geo.targets import PointTarget, scale_km

KM_PER_MILE = 1.609344
TOWN_REACH_KM = 10.0


class Status(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"


def grade(fit: float) -> str:
    if fit <= 0.5:
        return "well within tolerance"
    if fit <= 1.0:
        return "within tolerance"
    if fit <= 2.0:
        return "just outside tolerance"
    return "far outside tolerance"


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    measurement: Measurement
    status: Status
    claimed_km: float | None = None
    tolerance: Tolerance | None = None
    fit: float | None = None
    reason: str = ""
    angle_off: float | None = None

    @property
    def measured_km(self) -> float | None:
        return self.measurement.km

    @property
    def deviation_km(self) -> float | None:
        if self.measured_km is None or self.claimed_km is None:
            return None
        return self.measured_km - self.claimed_km

    @property
    def grade(self) -> str | None:
        return None if self.fit is None else grade(self.fit)

    def to_dict(self) -> dict:
        claim, m = self.claim, self.measurement

        def rounded(value, digits=3):
            return None if value is None or math.isinf(value) else round(value, digits)

        return {
            "line": claim.line,
            "relation": str(claim.relation),
            "claim": claim.describe(),
            "subject": claim.subject.describe(),
            "reference": claim.reference.describe(),
            "claimed": None if claim.quantity is None else claim.quantity.to_dict(),
            "direction": claim.direction,
            "qualifier": claim.qualifier,
            "claimed_km": rounded(self.claimed_km),
            "measured_km": rounded(m.km),
            "measured_miles": rounded(None if m.km is None else m.km / KM_PER_MILE),
            "tolerance_km": None if self.tolerance is None else self.tolerance.to_dict(),
            "deviation_km": rounded(self.deviation_km),
            "bearing_deg": rounded(m.bearing, 2),
            "angle_off_deg": rounded(self.angle_off, 2),
            "fit": rounded(self.fit),
            "verdict": str(self.status),
            "grade": self.grade,
            "reason": self.reason,
            "origin": None if m.origin is None else {"lat": m.origin[0], "lon": m.origin[1]},
            "nearest": None if m.nearest is None else {"lat": m.nearest[0], "lon": m.nearest[1]},
        }


def _fit(deviation: float, tolerance: Tolerance) -> float:
    allowed = tolerance.above_km if deviation > 0 else tolerance.below_km
    if math.isinf(allowed):
        return 0.0
    return abs(deviation) / allowed if allowed > 0 else (0.0 if deviation == 0 else math.inf)


def _status(fit: float) -> Status:
    return Status.CONSISTENT if fit <= 1.0 else Status.INCONSISTENT


def judge(claim: Claim, measurement: Measurement) -> Verdict:
    if measurement.problem:
        return Verdict(claim, measurement, Status.UNVERIFIABLE, reason=measurement.problem)
    ends_km = claim.subject.uncertainty_km + claim.reference.uncertainty_km
    measured = measurement.km

    match claim.relation:
        case Relation.ADJACENCY:
            shares = measured > 0
            reason = (f"they share {measured:,.0f} km of land border" if shares
                      else "they share no land border")
            return Verdict(claim, measurement, _status(0.0 if shares else math.inf),
                           reason=reason)
        case Relation.DIRECTION:
            return _judge_direction(claim, measurement, ends_km)
        case Relation.CONTAINMENT:
            if isinstance(claim.reference, PointTarget):
                return _judge_in_a_town(claim, measurement)
            tolerance = Tolerance(0.0, ends_km)
            fit = _fit(measured, tolerance)
            reason = "inside" if measurement.inside else f"{measured:,.1f} km outside"
            return Verdict(claim, measurement, _status(fit), 0.0, tolerance, fit, reason)
        case Relation.PROXIMITY:
            if claim.quantity is not None:
                limit, why = claim.quantity.km, f"within {claim.quantity.describe()}"
            else:
                word = claim.qualifier or DEFAULT_PROXIMITY_WORD
                share = PROXIMITY_WORDS[word]
                limit = share * scale_km(claim.reference)
                why = (f'"{word}" allows {share:.0%} of the scale of the countries involved, '
                       f"{limit:,.0f} km")
            tolerance = Tolerance(0.0, limit + ends_km)
            fit = _fit(measured, tolerance)
            return Verdict(claim, measurement, _status(fit), 0.0, tolerance, fit, why)
        case _:
            claimed = claim.quantity.km
            tolerance = claim.quantity.tolerance().widened(ends_km)
            fit = _fit(measured - claimed, tolerance)
            return Verdict(claim, measurement, _status(fit), claimed, tolerance, fit)


def _judge_in_a_town(claim: Claim, measurement: Measurement) -> Verdict:
    """"The airport in Amenas": a town is a point here, and what a report calls "in" a town
    reaches its outskirts and the airport serving it: 10 km, or three times the town's own
    radius if that is larger (30 km for a city of a million), plus the subject's extent."""
    town = claim.reference.uncertainty_km
    reach = max(TOWN_REACH_KM, 3 * town)
    tolerance = Tolerance(0.0, reach + claim.subject.uncertainty_km)
    fit = _fit(measurement.km, tolerance)
    reason = (f"{measurement.km:,.1f} km from the town's point; its surroundings reach "
              f"{reach:,.0f} km")
    return Verdict(claim, measurement, _status(fit), 0.0, tolerance, fit, reason)


def _judge_direction(claim: Claim, measurement: Measurement, ends_km: float) -> Verdict:
    centre = direction_bearing(claim.direction)
    off = abs((measurement.bearing - centre + 180) % 360 - 180)
    spread = math.degrees(math.atan2(ends_km, measurement.km)) if measurement.km else 180.0
    allowed = direction_half_width(claim.direction) + spread
    fit = off / allowed
    reason = f"bearing {measurement.bearing:.0f} deg, {off:.0f} deg off {claim.direction}"
    if claim.quantity is None:
        return Verdict(claim, measurement, _status(fit), reason=reason, fit=fit, angle_off=off)
    claimed = claim.quantity.km
    tolerance = claim.quantity.tolerance().widened(ends_km)
    fit = max(fit, _fit(measurement.km - claimed, tolerance))
    return Verdict(claim, measurement, _status(fit), claimed, tolerance, fit, reason, off)


def verify(claim: Claim) -> Verdict:
    return judge(claim, measure(claim))
