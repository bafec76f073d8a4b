"""Measurements -> verdicts: does what was measured agree with what was claimed, and how well.

Every verdict keeps the measured value, the claimed value and the tolerance, so a reader can
see why. `fit` is the deviation as a share of what the tolerance allows on that side: 0 is
spot on, 1 is the edge of the tolerance, 2 is twice as far off as allowed.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from enum import StrEnum

from geo.claims import Claim, Tolerance
from geo.measure import Measurement, measure
from geo.units import to_km

KM_PER_MILE = 1.609344
# A vague quantity ("a few miles", "several km") is called inconsistent only beyond this many
# times its words' upper end (numbers.toml): "a few" is 2 to 5, and writers stretch it.
VAGUE_FACTOR = 3.0


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

    @property
    def label(self) -> str:
        """"claimed about 700 mi / measured 694 mi / consistent", in the claim's own unit."""
        claim, measured = self.claim, self.measured_km
        if claim.quantity is not None:
            unit = claim.quantity.to_dict()["unit"]
            factor = KM_PER_MILE if unit == "mi" else 1.852 if unit == "nmi" else 1.0
            unit = unit if unit in ("mi", "nmi") else "km"
            claimed = f"claimed {claim.quantity.describe()}"
            measured_text = "" if measured is None else f"measured {measured / factor:,.0f} {unit}"
        else:
            claimed = f"claimed {claim.describe()}"
            measured_text = "" if measured is None else f"measured {measured:,.0f} km"
        return " / ".join(p for p in (claimed, measured_text, str(self.status)) if p)

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


def fit_of(deviation: float, tolerance: Tolerance) -> float:
    """The deviation as a share of what the tolerance allows on its side."""
    allowed = tolerance.above_km if deviation > 0 else tolerance.below_km
    if math.isinf(allowed):
        return 0.0
    return abs(deviation) / allowed if allowed > 0 else (0.0 if deviation == 0 else math.inf)


def status_of(claim_fit: float) -> Status:
    return Status.CONSISTENT if claim_fit <= 1.0 else Status.INCONSISTENT


def within(claim: Claim, measurement: Measurement, tolerance: Tolerance, reason: str = ""
           ) -> Verdict:
    """The verdict on a measured length that the claim allows up to `tolerance`."""
    measured_fit = fit_of(measurement.km, tolerance)
    return Verdict(claim, measurement, status_of(measured_fit), 0.0, tolerance, measured_fit,
                   reason)


NO_ALLOWANCE = Tolerance(0.0, 0.0)


def number_checked(claim: Claim, measurement: Measurement, ends_km: float,
                   allowance: Tolerance = NO_ALLOWANCE, reason: str = "") -> Verdict:
    """The verdict on a claimed number ("about 700 miles") against the measured length, with
    what the measurement itself may be off by (`allowance`) on top of the words' tolerance."""
    claimed = claim.quantity.km
    words = claim.quantity.tolerance().widened(ends_km)
    tolerance = Tolerance(words.below_km + allowance.below_km, words.above_km + allowance.above_km)
    measured_fit = fit_of(measurement.km - claimed, tolerance)
    return Verdict(claim, measurement, status_of(measured_fit), claimed, tolerance, measured_fit,
                   reason)


def judge(claim: Claim, measurement: Measurement) -> Verdict:
    """Whether the measurement agrees with the claim, judged as the claim's type judges; the
    uncertainty of where both ends are is allowed on top of what the words allow."""
    from geo.claim_types import claim_type

    if measurement.problem:
        return Verdict(claim, measurement, Status.UNVERIFIABLE, reason=measurement.problem)
    ends_km = claim.subject.uncertainty_km + claim.reference.uncertainty_km
    verdict = claim_type(claim.relation).judge(claim, measurement, ends_km)
    quantity = claim.quantity
    if (verdict.status is Status.INCONSISTENT and quantity is not None and quantity.is_vague
            and measurement.km is not None
            and measurement.km <= VAGUE_FACTOR * to_km(quantity.high, quantity.unit) + ends_km):
        # "Sioux Falls, a few miles from the Minnesota line", 14 miles off: no number was
        # given, and what "a few" stretches to is the writer's
        return dataclasses.replace(
            verdict, status=Status.UNVERIFIABLE,
            reason=f"{measurement.km:,.0f} km is beyond {quantity.describe()}, but within "
                   f"{VAGUE_FACTOR:g} times it: vague words, no number")
    return verdict


def verify(claim: Claim, readings: tuple[tuple[str, Claim | None], ...] = ()) -> Verdict:
    """Measure and judge a claim. `readings` are the claim with an end read as another place
    its name may mean (see geo.extract_claims.FoundClaim): if one of them is consistent, or is
    None (a doubt with no other place to try), the claim is not called inconsistent but
    unverifiable, with the doubt as the reason and its own measurement kept. A fact-checker
    must not be told a true claim is false because geo
    took the wrong Saida."""
    verdict = judge(claim, measure(claim))
    if verdict.status is not Status.INCONSISTENT:
        return verdict
    for doubt, reading in readings:
        if reading is None or judge(reading, measure(reading)).status is Status.CONSISTENT:
            return dataclasses.replace(verdict, status=Status.UNVERIFIABLE,
                                       reason=f"ambiguous end: {doubt}")
    return verdict
