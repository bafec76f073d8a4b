import math
import tomllib
from importlib import resources

import pytest

from geo.claims import (
    Claim,
    Quantity,
    Relation,
    Tolerance,
    direction_half_width,
    parse_direction,
)
from geo.targets import (
    AdminAreaTarget,
    AdminBorderTarget,
    BorderTarget,
    CountryBordersTarget,
    CountryTarget,
    PointTarget,
    RegionTarget,
    StateBorderTarget,
    StateLinesTarget,
    TargetError,
    UnlocatedTarget,
    parse_target,
)
from geo.units import UnknownUnit, canonical_unit, to_km
from geo.verdicts import Status, verify
from tests.conftest import load_script
from tests.founding_case import IN_AMENAS_TOWN


@pytest.mark.parametrize(("text", "rounding"), [
    ("700", 50), ("150", 5), ("41", 0.5), ("1,117", 0.5), ("700.0", 0.05), ("7.25", 0.005),
    ("1,000", 250)])  # a round thousand is capped at 25 %, not +/-500
def test_rounding_implied_by_the_number(text, rounding):
    assert Quantity(text, "km").rounding == pytest.approx(rounding)


def test_about_700_miles_is_not_700_point_0_miles():
    about = Quantity("700", "miles", "about").tolerance()
    bare = Quantity("700", "miles").tolerance()
    exact = Quantity("700.0", "miles").tolerance()
    assert about.below_km == pytest.approx(70 * 1.609344)
    assert bare.below_km == pytest.approx(50 * 1.609344)
    assert exact.below_km == pytest.approx(0.05 * 1.609344)


@pytest.mark.parametrize(("hedge", "below", "above"), [
    ("more than", 0, math.inf), ("at least", 0, math.inf), ("up to", 120, 0),
    ("nearly", 18, 0), ("about", 12, 12), ("some", 12, 12), ("  About ", 12, 12),
    (None, 5, 5)])
def test_hedges_widen_or_make_one_sided(hedge, below, above):
    tolerance = Quantity("120", "km", hedge).tolerance()
    assert tolerance == Tolerance(pytest.approx(below), pytest.approx(above))


def test_bad_quantities():
    with pytest.raises(ValueError):
        Quantity("seven", "km")
    with pytest.raises(ValueError):
        Quantity("-3", "km")
    with pytest.raises(ValueError):
        Quantity("3", "km", "perhaps")
    with pytest.raises(UnknownUnit):
        Quantity("3", "parsecs")


@pytest.mark.parametrize(("unit", "short", "km"), [
    ("km", "km", 1), ("kilometres", "km", 1), ("miles", "mi", 1.609344), ("mi", "mi", 1.609344),
    ("nautical miles", "nmi", 1.852), ("nm", "nmi", 1.852), ("metres", "m", 0.001)])
def test_units(unit, short, km):
    assert canonical_unit(unit) == short
    assert to_km(1, unit) == pytest.approx(km)


@pytest.mark.parametrize("unit", ["Kilometres", "KM", "nautical-miles", "Miles", "yds", "ft."])
def test_units_are_read_in_any_case_with_hyphens_and_full_stops(unit):
    assert canonical_unit(unit) in ("km", "nmi", "mi", "yd", "ft")


def test_the_unit_spellings_are_the_ones_pint_reads(tmp_path):
    """geo/unit_spellings.toml is what its script makes from pint, and pint reads each of its
    spellings (but the news ones it does not know) as the length the table gives."""
    pint = pytest.importorskip("pint")
    script = load_script("build_unit_spellings")
    script.main(["--out", str(tmp_path / "spellings.toml")])
    committed = resources.files("geo").joinpath("unit_spellings.toml").read_text()
    assert (tmp_path / "spellings.toml").read_text() == committed
    registry = pint.UnitRegistry()
    for spelling, unit in tomllib.loads(committed)["spellings"].items():
        if spelling not in script.NEWS_SPELLINGS:
            metres = registry.Quantity(1.0, spelling).to("metre").magnitude
            assert metres == pytest.approx(to_km(1, unit) * 1000, rel=1e-12), spelling


@pytest.mark.parametrize(("text", "point", "half_width"), [
    ("south-west", "SW", 45), ("SW", "SW", 45), ("North", "N", 45),
    ("north-north-east", "NNE", 22.5)])
def test_directions(text, point, half_width):
    assert parse_direction(text) == point
    assert direction_half_width(point) == half_width


@pytest.mark.parametrize("text", ["", "up", "NSW", "sw of"])
def test_bad_directions(text):
    with pytest.raises(ValueError):
        parse_direction(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("28.038333 9.565", PointTarget(28.038333, 9.565)),
    ("28.038333,9.565", PointTarget(28.038333, 9.565)),
    ("country:dza", CountryTarget("DZA")),
    ("border:MLI/DZA", BorderTarget("DZA", "MLI")),
    ("border:DZA", CountryBordersTarget("DZA")),
    ("region:MLI/northern", RegionTarget("MLI", "N")),
    ("area:US-31", AdminAreaTarget("US-31")),
    ("border:US-31/US-56", AdminBorderTarget("US-31", "US-56")),
    ("border:US-48/MEX", StateBorderTarget("US-48", "MEX")),
    ("border:US-31", StateLinesTarget("US-31")),
    ("region:US-31/southwestern", RegionTarget("US-31", "SW")),
    ("unlocated:the old fort", UnlocatedTarget("the old fort",
                                               "a claims file names it without a place"))])
def test_targets(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["", "91 0", "0 181", "country:XXX", "border:DZA/FRA",
                                  "border:DZA/MLI/NER", "area:US-99", "border:US-31201",
                                  "unlocated:", "place:Algiers", "Algiers",
                                  "border:US-39/MEX", "border:US-48201/MEX"])
def test_bad_targets(text):
    with pytest.raises(TargetError):
        parse_target(text)


def _claim(relation, reference, **kw):
    return Claim(PointTarget(*IN_AMENAS_TOWN), relation, parse_target(reference), **kw)


def test_distance_to_a_border_is_to_the_line_never_the_centroid():
    verdict = verify(_claim(Relation.DISTANCE, "border:DZA/MLI",
                            quantity=Quantity("700", "miles", "about")))
    assert verdict.status is Status.CONSISTENT
    assert verdict.measured_km == pytest.approx(1117, abs=2)
    assert verdict.measurement.nearest[0] < 21  # on the border, far south of the town


def test_distance_to_a_country_is_zero_inside_and_to_the_outline_outside():
    inside = verify(_claim(Relation.DISTANCE, "country:DZA", quantity=Quantity("0", "km")))
    assert inside.measured_km == 0 and inside.status is Status.CONSISTENT
    outside = verify(_claim(Relation.DISTANCE, "country:MLI", quantity=Quantity("1117", "km")))
    assert outside.measured_km == pytest.approx(1117, abs=2)


def test_false_distance_is_inconsistent_and_says_how_far_off():
    verdict = verify(_claim(Relation.DISTANCE, "border:DZA/MLI", quantity=Quantity("300", "km")))
    assert verdict.status is Status.INCONSISTENT
    assert verdict.fit > 10
    assert verdict.grade == "far outside tolerance"


def test_proximity_scales_with_the_countries():
    on_libya = verify(_claim(Relation.PROXIMITY, "border:DZA/LBY", qualifier="on"))
    assert on_libya.status is Status.CONSISTENT
    assert 20 < on_libya.measured_km < 35
    on_mali = verify(_claim(Relation.PROXIMITY, "border:DZA/MLI", qualifier="on"))
    assert on_mali.status is Status.INCONSISTENT


def test_direction_claims():
    algiers = PointTarget(36.7538, 3.0588, "Algiers")
    south_east = Claim(PointTarget(*IN_AMENAS_TOWN), Relation.DIRECTION, algiers,
                       direction="SE")
    assert verify(south_east).status is Status.CONSISTENT
    north = Claim(PointTarget(*IN_AMENAS_TOWN), Relation.DIRECTION, algiers, direction="N")
    assert verify(north).status is Status.INCONSISTENT
    wrong_distance = Claim(PointTarget(*IN_AMENAS_TOWN), Relation.DIRECTION, algiers,
                           quantity=Quantity("150", "km"), direction="SE")
    assert verify(wrong_distance).status is Status.INCONSISTENT


def test_adjacency_and_containment():
    neighbours = Claim(CountryTarget("DZA"), Relation.ADJACENCY, CountryTarget("MLI"))
    assert verify(neighbours).status is Status.CONSISTENT
    not_neighbours = Claim(CountryTarget("DZA"), Relation.ADJACENCY, CountryTarget("NOR"))
    assert verify(not_neighbours).status is Status.INCONSISTENT
    assert verify(_claim(Relation.CONTAINMENT, "country:DZA")).status is Status.CONSISTENT
    assert verify(_claim(Relation.CONTAINMENT, "country:LBY")).status is Status.INCONSISTENT


def test_claims_that_cannot_be_measured_are_unverifiable():
    from_a_country = Claim(CountryTarget("DZA"), Relation.DISTANCE, CountryTarget("NOR"),
                           quantity=Quantity("3000", "km"))
    verdict = verify(from_a_country)
    assert verdict.status is Status.UNVERIFIABLE and verdict.reason
