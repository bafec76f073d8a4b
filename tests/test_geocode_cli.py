"""`geo geocode`, `geo reverse` and `place:` targets in `geo verify`, run as a user would."""

import json

import pytest

from geo.geodesy import distance
from tests.founding_case import IN_AMENAS_TOWN, TIGUENTOURINE_PLANT

pytestmark = pytest.mark.usefixtures("gazetteer")


def test_geocode_json_one_object_per_query_in_order(run_geo):
    result = run_geo("geocode", "Ain Amenas", "Tiguentourine", "Xyzzyville", "--json",
                     "--limit", "3")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["Ain Amenas", "Tiguentourine", "Xyzzyville"]
    town = lines[0]["results"][0]
    assert distance(IN_AMENAS_TOWN, (town["lat"], town["lon"])).km < 15
    assert {"id", "name", "kind", "country_code", "lat", "lon", "population", "score"} <= set(town)
    plant = lines[1]["results"][0]
    assert distance(TIGUENTOURINE_PLANT, (plant["lat"], plant["lon"])).km < 2
    assert lines[2]["results"] == []


def test_geocode_reads_stdin_and_filters(run_geo):
    result = run_geo("geocode", "--json", "--country", "US", "--limit", "1",
                     stdin=b"Algiers\n\nParis\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["Algiers", "", "Paris"]
    assert lines[0]["results"][0]["country_code"] == "US"  # Algiers, Louisiana, if asked
    assert lines[1]["results"] == []


def test_geocode_bad_filter_exits_2(run_geo):
    result = run_geo("geocode", "Paris", "--country", "France")
    assert result.returncode == 2 and b"alpha-2" in result.stderr
    assert b"Traceback" not in result.stderr


def test_reverse(run_geo):
    result = run_geo("reverse", "28.04", "9.56", "--json")
    found = json.loads(result.stdout)
    assert found["place"]["name"] == "In Amenas"
    assert found["country"]["country_code"] == "DZ"
    assert run_geo("reverse", "95", "0").returncode == 2


def test_place_targets_in_verify(run_geo):
    claims = (b"subject,relation,reference,value,unit,hedge\n"
              b"place:Ain Amenas,distance,border:DZA/MLI,700,miles,about\n"
              b"place:Mali,adjacency,place:Algeria,,,\n")
    result = run_geo("verify", "-", "--json", stdin=claims)
    assert result.returncode == 0, result.stderr
    verdicts = json.loads(result.stdout)
    assert [v["verdict"] for v in verdicts] == ["consistent", "consistent"]
    assert 690 < verdicts[0]["measured_miles"] < 700
    unknown = run_geo("verify", "-", stdin=b"subject,relation,reference,value,unit,hedge\n"
                      b"place:Xyzzyville,adjacency,country:MLI,,,\n")
    assert unknown.returncode == 2 and b"line 2: no place called 'Xyzzyville'" in unknown.stderr
