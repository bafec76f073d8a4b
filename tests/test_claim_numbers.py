"""Claimed numbers in words ("seventy miles", "a dozen kilometres") and ranges ("20 to 30 km",
"between 20 and 30 km"), from the words of a sentence to the verdict.

Every sentence is invented; whether its claim is true was worked out from the places' real
positions (city centres as Wikipedia gives them) with geo.geodesy.geodesic_km, not from what
geo says: the distances are in the comments, and a claim is called true only when that distance
lies within what the words allow (the number's rounding and the hedge), before geo adds any
uncertainty for the towns' extents.
"""

import re

import pytest

from geo.claim_types.grammar import QUANTITY
from geo.claims import Quantity, Relation, Tolerance, number_in_words
from geo.extract_claims import sentences
from geo.source import read_article
from geo.verdicts import Status

PATTERN = re.compile(QUANTITY, re.IGNORECASE)
KM_PER_MILE = 1.609344



def claims_in(pipeline, text):
    analysis = pipeline.analyse(read_article(text.encode()))
    return [(c.claim, v) for c, v in zip(analysis.found_claims, analysis.verdicts, strict=True)]


def quantity_in(words: str) -> Quantity:
    match = PATTERN.fullmatch(words)
    assert match, words
    return Quantity.written(match["number"], match["unit"], match["hedge"], match["upper"])


# ---------------------------------------------------------------------------------------------
# The words


@pytest.mark.parametrize(("words", "value", "like"), [
    ("five miles", 5, "5"),
    ("seven kilometers", 7, "7"),
    ("twenty-five km", 25, "25"),
    ("Twenty five km", 25, "25"),
    ("a dozen kilometres", 12, "12"),
    ("two dozen km", 24, "24"),
    ("a hundred miles", 100, "100"),
    ("one hundred miles", 100, "100"),
    ("two hundred kilometres", 200, "200"),
    ("two hundred and fifty km", 250, "250"),
    ("fifteen hundred miles", 1500, "1500"),
    ("a thousand km", 1000, "1000"),
    ("forty-two thousand km", 42000, "42000"),
    ("one and a half miles", 1.5, "1.5"),
    ("a mile", 1, "1"),
    ("a kilometre", 1, "1"),
    ("an nm", 1, "1"),
])
def test_numbers_in_words_are_read_as_their_digits(words, value, like):
    """A word number names a whole number (or a half), so it is given to the step its digits
    would be: "seven" like "7" (+/-0.5), "a hundred" like "100"."""
    quantity = quantity_in(words)
    assert quantity.value == value
    assert quantity.rounding == Quantity(like, quantity.unit).rounding


@pytest.mark.parametrize(("words", "low", "high"), [
    ("20 to 30 km", 20, 30),
    ("20-30 km", 20, 30),
    ("20\u201330 km", 20, 30),
    ("20 \u2013 30 km", 20, 30),
    ("between 20 and 30 km", 20, 30),
    ("from 20 to 30 miles", 20, 30),
    ("about 20 to 30 km", 20, 30),
    ("some twenty to thirty miles", 20, 30),
    ("between five and ten kilometres", 5, 10),
    ("1,100 to 1,250 km (680 to 780 miles)", 1100, 1250),
])
def test_ranges_are_read(words, low, high):
    quantity = quantity_in(words)
    assert (quantity.low, quantity.high, quantity.value) == (low, high, (low + high) / 2)


@pytest.mark.parametrize(("words", "number"), [
    ("about 700 miles", "700"),
    ("1,100 km (680 miles)", "1,100"),
    ("twenty-five km", "twenty-five"),  # one number, not the range 20 to 5
    ("999,999 nautical miles", "999,999"),
])
def test_single_numbers_stay_single(words, number):
    match = PATTERN.fullmatch(words)
    assert match and match["number"] == number and match["upper"] is None


@pytest.mark.parametrize("text", [
    "I am from Kandy",  # the "a" of "am" is no number, and "m" no unit
    "someone miles",
    "1234567 km",  # more than six digits is still no number
])
def test_no_quantity_in(text):
    assert PATTERN.search(text) is None


@pytest.mark.parametrize("words", ["between 20 km", "from 20 km", "between 20 to 30 km"])
def test_between_or_from_without_an_upper_end_claims_only_the_number_after_it(words):
    """"between" needs "and" and "from" needs "to": else they are no part of the quantity."""
    match = PATTERN.search(words)
    assert match[0] == words.split(maxsplit=1)[1] and match["number"] == "20"


@pytest.mark.parametrize("words", ["five five", "hundred", "and a half", "twenty hundred and",
                                   "a a", "dozen", "seven dozen and a half", "", "seventy-ten"])
def test_words_that_are_no_number(words):
    with pytest.raises(ValueError):
        number_in_words(words)


@pytest.mark.parametrize(("words", "value"), [
    ("nine hundred and ninety-nine thousand nine hundred and ninety-nine", 999_999),
    ("two hundred thousand", 200_000), ("a hundred and one", 101), ("eleven", 11),
    ("two and a half", 2.5), ("an", 1)])
def test_number_in_words(words, value):
    assert number_in_words(words) == value


# ---------------------------------------------------------------------------------------------
# A range as a Quantity


def test_a_range_allows_from_its_lower_end_to_its_upper_end_each_with_its_rounding():
    # 20 and 30 are each given to the nearest ten (+/-5): 15 to 35 km, around the middle, 25.
    assert Quantity("20", "km", upper="30").tolerance() == Tolerance(10, 10)
    # "about" allows 10 % of each end beyond its rounding (+/-5): 120 - 12 to 180 + 18.
    about = Quantity("120", "km", "about", "180")
    assert about.km == 150
    assert about.tolerance() == Tolerance(pytest.approx(42), pytest.approx(48))
    # One-sided hedges keep their side: "more than 20 to 30 km" is at least 20.
    assert Quantity("20", "km", "more than", "30").tolerance() == Tolerance(5, float("inf"))
    assert Quantity("20", "km", "up to", "30").tolerance() == Tolerance(25, 5)


def test_a_range_in_miles_is_converted_at_both_ends():
    tolerance = Quantity("40", "miles", upper="50").tolerance()
    assert tolerance.below_km == pytest.approx(10 * KM_PER_MILE)  # 45 - (40 - 5)
    assert tolerance.above_km == pytest.approx(10 * KM_PER_MILE)  # 50 + 5 - 45


def test_a_range_is_described_and_reported_as_written():
    quantity = Quantity("20", "kilometres", "about", "30")
    assert quantity.describe() == "about 20 to 30 km"
    assert quantity.to_dict()["range"] == [20, 30]
    assert "range" not in Quantity("20", "km").to_dict()


def test_a_single_number_is_unchanged():
    assert Quantity("700", "miles", "about").describe() == "about 700 mi"
    assert Quantity("700", "miles", "about").tolerance() == Tolerance(
        pytest.approx(70 * KM_PER_MILE), pytest.approx(70 * KM_PER_MILE))


@pytest.mark.parametrize(("low", "high"), [
    ("30", "20"), ("20", "-30"), ("20", "nan"), ("20", "inf"), ("20", "9,999,999"),
    ("20", "thirty")])
def test_bad_ranges(low, high):
    with pytest.raises(ValueError):
        Quantity(low, "km", upper=high)


# ---------------------------------------------------------------------------------------------
# Numbers in words, end to end


@pytest.mark.parametrize(("text", "relation", "claimed_km"), [
    # Kandy (7.2906 N, 80.6337 E) is 94.3 km from Colombo (6.9271 N, 79.8612 E), on a bearing
    # of 65 deg: sixty miles is 96.6 km, and "about" allows 10 %; 65 deg is east (+/-45).
    ("Kandy is about sixty miles east of Colombo.", Relation.DIRECTION, 60 * KM_PER_MILE),
    # Boulder (40.0150 N, 105.2705 W) is 38.9 km (24.2 mi) from Denver (39.7392 N, 104.9903 W),
    # bearing 322 deg: some 25 miles (+/-2.5), north-west (315 +/-22.5).
    ("Boulder lies some twenty-five miles north-west of Denver.", Relation.DIRECTION,
     25 * KM_PER_MILE),
    # Keflavik (64.0049 N, 22.5624 W) is 34.1 km from Reykjavik (64.1466 N, 21.9426 W), bearing
    # 242 deg: about 35 km (+/-3.5), west (270 +/-45).
    ("Keflavik is about thirty-five kilometres west of Reykjavik.", Relation.DIRECTION, 35),
    # Ajman (25.4052 N, 55.5136 E) is 11.4 km from Sharjah (25.3463 N, 55.4209 E): about a
    # dozen km (+/-1.2).
    ("Ajman is about a dozen kilometres from Sharjah.", Relation.DISTANCE, 12),
    # Valparaiso (33.0472 S, 71.6127 W) is 98.6 km from Santiago (33.4489 S, 70.6693 W): about
    # a hundred km, a round hundred (+/-25).
    ("Valparaiso is about a hundred km from Santiago.", Relation.DISTANCE, 100),
    # Canberra (35.2809 S, 149.1300 E) is 246.8 km from Sydney (33.8688 S, 151.2093 E): about
    # 250 km (+/-25).
    ("Canberra is about two hundred and fifty kilometres from Sydney.", Relation.DISTANCE,
     250),
])
def test_a_true_number_in_words_is_consistent(pipeline, text, relation, claimed_km):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert claim.relation is relation
    assert verdict.claimed_km == pytest.approx(claimed_km)
    assert verdict.status is Status.CONSISTENT, verdict.reason


def test_a_false_number_in_words_is_inconsistent(pipeline):
    # Keflavik is 34.1 km (21.2 mi) from Reykjavik, not five miles (8 km); both names are
    # unambiguous.
    ((claim, verdict),) = claims_in(pipeline, "Keflavik is five miles from Reykjavik.")
    assert claim.relation is Relation.DISTANCE
    assert claim.quantity == Quantity("5", "miles")
    assert verdict.status is Status.INCONSISTENT


# ---------------------------------------------------------------------------------------------
# Ranges, end to end


@pytest.mark.parametrize("text", [
    # Ushuaia (54.8019 S, 68.3030 W) is 46.4 km from Puerto Williams (54.9333 S, 67.6167 W):
    # 40 to 50 km, each end +/-5.
    "Ushuaia lies some 40 to 50 km from Puerto Williams.",
    "Ushuaia lies 40-50 km from Puerto Williams.",
    "Ushuaia lies 40\u201350 km from Puerto Williams.",
    "Ushuaia lies from 40 to 50 km from Puerto Williams.",
    "Ushuaia lies between forty and fifty kilometres from Puerto Williams.",
])
def test_a_true_range_is_consistent(pipeline, text):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert (claim.quantity.low, claim.quantity.high) == (40, 50)
    assert verdict.claimed_km == 45
    assert verdict.status is Status.CONSISTENT, verdict.reason


def test_a_false_range_is_inconsistent(pipeline):
    # 46.4 km is beyond "some 20 to 30 km": at most 30 + 5 (its rounding; 10 % is 3).
    ((claim, verdict),) = claims_in(pipeline,
                                    "Ushuaia lies some 20 to 30 km from Puerto Williams.")
    assert claim.quantity.describe() == "some 20 to 30 km"
    assert verdict.status is Status.INCONSISTENT


@pytest.mark.parametrize(("text", "status"), [
    # Puno (15.8402 S, 70.0219 W) is 330.4 km from Cusco (13.5319 S, 71.9675 W).
    ("Puno is between 300 and 350 km from Cusco.", Status.CONSISTENT),
    ("Puno is between 100 and 150 km from Cusco.", Status.INCONSISTENT),
])
def test_between_two_numbers(pipeline, text, status):
    ((claim, verdict),) = claims_in(pipeline, text)
    assert claim.relation is Relation.DISTANCE and claim.quantity.upper is not None
    assert verdict.status is status


def test_a_range_in_words_with_a_direction(pipeline):
    # Moshi (3.3349 S, 37.3404 E) is 73.3 km (45.5 mi) from Arusha (3.3869 S, 36.6830 E),
    # bearing 85 deg: between 40 and 50 miles, east.
    ((claim, verdict),) = claims_in(
        pipeline, "Moshi lies between forty and fifty miles east of Arusha.")
    assert claim.relation is Relation.DIRECTION and claim.direction == "E"
    assert claim.quantity.describe() == "40 to 50 mi"
    assert verdict.status is Status.CONSISTENT, verdict.reason


@pytest.mark.parametrize("text", [
    "Ushuaia lies 50 to 40 km from Puerto Williams.",
    "Ushuaia lies between fifty and forty km from Puerto Williams.",
    "Boulder lies 30-25 miles north-west of Denver.",
])
def test_a_reversed_range_is_no_claim(pipeline, text):
    assert [c for c, _ in claims_in(pipeline, text) if c.quantity is not None] == []


def test_a_long_run_of_number_words_is_read_without_trouble(pipeline):
    # Only that it finishes and does not crash: the patterns are bounded, so this takes a
    # fraction of a second.
    text = "Kandy is " + "five " * 4000 + "miles from Colombo."
    assert len(text) > 20_000 and len(sentences(text)) == 1
    for claim, _ in claims_in(pipeline, text):
        assert claim.quantity is None or claim.quantity.value == 5


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Kilis lies a few kilometres from the Syrian border.", 2, 5),
    ("Kilis lies a couple of miles from the Syrian border.", 2, 3),
])
def test_a_vague_amount_is_a_range(pipeline, text, low, high):
    # "a few kilometres from the border" says the place is near it: a proximity claim
    ((claim, _),) = claims_in(pipeline, text)
    assert claim.relation is Relation.PROXIMITY and claim.reference.describe() == (
        "Syria-Turkey border")
    assert (claim.quantity.low, claim.quantity.high) == (low, high)


def test_a_vague_amount_can_be_false(pipeline):
    # Mombasa lies about 440 km from Nairobi.
    ((_, verdict),) = claims_in(pipeline, "Mombasa is several miles from Nairobi.")
    assert verdict.status is Status.INCONSISTENT


def test_a_vague_amount_stretched_is_in_doubt_not_false(pipeline):
    # Sioux Falls lies about 22 km (14 miles) from the Minnesota line: beyond "a few miles"
    # (2 to 5), within three times that.
    ((_, verdict),) = claims_in(pipeline, "SIOUX FALLS, S.D. (AP) - Sioux Falls, a few miles "
                                          "from the Minnesota line, is growing.")
    assert verdict.status is Status.UNVERIFIABLE and "vague" in verdict.reason


@pytest.mark.parametrize("text", [
    # A time travelled is no distance: found, and reported unverifiable with the time.
    "Fort Wayne, about two hours from Indianapolis, wants a train.",
    "Many students commute from Lafayette, about an hour's drive from Baton Rouge.",
    "Seward, about a two-and-a-half-hour drive from Anchorage, welcomed a ship.",
    "Jackson, about 90 minutes from Memphis, hosts the tournament.",
])
def test_a_travel_time_is_unverifiable(pipeline, text):
    analysis = pipeline.analyse(read_article(text.encode()))
    (verdict,) = analysis.verdicts
    assert verdict.status is Status.UNVERIFIABLE
    assert "travel time" in verdict.reason


@pytest.mark.parametrize(("text", "status"), [
    # Murfreesboro lies some 31 miles from Nashville; Ann Arbor 36 miles from Detroit; Norman
    # 17 miles from Oklahoma City.
    ("Murfreesboro, about 30 miles outside Nashville, flooded.", Status.CONSISTENT),
    ("Ann Arbor, about 90 miles outside Detroit, flooded.", Status.INCONSISTENT),
    ("Norman, roughly 20 miles from downtown Oklahoma City, grew.", Status.CONSISTENT),
])
def test_a_distance_outside_a_city(pipeline, text, status):
    analysis = pipeline.analyse(read_article(text.encode()))
    assert [v.status for v in analysis.verdicts] == [status]
