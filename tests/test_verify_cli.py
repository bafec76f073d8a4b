"""`geo verify` and scripts/verify_distances.py as a user runs them: real files, real exits."""

import json
import subprocess
import sys

import pytest

from geo import base_layers
from geo.geodesy import distance
from tests.founding_case import CLAIMS_CSV, IN_AMENAS_TOWN, REPO

HEADER = b"subject,relation,reference,value,unit,hedge\n"


def test_founding_claims_are_all_consistent(run_geo):
    result = run_geo("verify", str(CLAIMS_CSV), "--json")
    assert result.returncode == 0, result.stderr
    verdicts = json.loads(result.stdout)
    assert [v["relation"] for v in verdicts] == ["distance", "proximity", "adjacency"]
    assert [v["verdict"] for v in verdicts] == ["consistent"] * 3
    assert [v["line"] for v in verdicts] == [2, 3, 4]

    mali = verdicts[0]
    assert mali["claimed"] == {"value": 700.0, "unit": "mi", "hedge": "about",
                               "km": pytest.approx(1126.541), "text": "about 700 mi"}
    assert 690 < mali["measured_miles"] < 700
    # Measured to the nearest point of the shared border line, never to Mali's centroid.
    nearest = (mali["nearest"]["lat"], mali["nearest"]["lon"])
    line = base_layers.border("DZA", "MLI").geometry
    import shapely
    assert shapely.distance(line, shapely.Point(nearest[1], nearest[0])) < 1e-6
    centroid = base_layers.country("MLI").geometry.centroid
    assert distance(IN_AMENAS_TOWN, (centroid.y, centroid.x)).km > mali["measured_km"] + 500
    assert mali["tolerance_km"]["below_km"] > 100  # "about" widens the rounding of "700"

    libya = verdicts[1]
    assert 20 < libya["measured_km"] < 35 and libya["qualifier"] == "on"


def test_table_output_is_readable(run_geo):
    result = run_geo("verify", str(CLAIMS_CSV))
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "about 700 mi" in text and "694.0 mi" in text and "consistent" in text


def test_a_false_claim_exits_1(run_geo):
    claims = HEADER + b"28.038333 9.565,distance,border:DZA/MLI,300,km,\n"
    result = run_geo("verify", "-", "--json", stdin=claims)
    assert result.returncode == 1
    (verdict,) = json.loads(result.stdout)
    assert verdict["verdict"] == "inconsistent"
    assert verdict["measured_km"] > 1000


def test_the_script_is_the_same_command(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "verify_distances.py"),
                             str(CLAIMS_CSV), "--json"], capture_output=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3


@pytest.mark.parametrize(("body", "message"), [
    (HEADER + b"28 9.5,distance,border:DZA/XXX,300,km,\n", b"line 2: unknown country code"),
    (HEADER + b"28 9.5,distance,border:DZA/FRA,300,km,\n", b"line 2: DZA and FRA share no"),
    (HEADER + b"28 9.5,distance,border:DZA/MLI,3o0,km,\n", b"line 2: not a number"),
    (HEADER + b"28 9.5,distance,border:DZA/MLI,300,parsecs,\n", b"line 2: 'parsecs' is not"),
    (HEADER + b"28 9.5,distance,border:DZA/MLI,300,,\n", b"line 2: a value needs a unit"),
    (HEADER + b"28 9.5,distance,country:MLI,,,\n", b"line 2: a distance claim needs"),
    (HEADER + b"28 9.5,teleports,country:MLI,,,\n", b"line 2: unknown relation"),
    (HEADER + b"1 2,adjacency,country:MLI,,,\n28 9.5,proximity,country:MLI,,,beside\n",
     b"line 3: unknown proximity word"),
    (HEADER + b"95 9.5,containment,country:MLI,,,\n", b"line 2: coordinates out of range"),
    (HEADER + b"34 70,containment,unit:AF//,,,\n", b"line 2: an admin unit is written"),
    (HEADER + b"34 70,containment,unit:ZZ/Foo,,,\n", b"line 2: unknown country code"),
    (HEADER + b"34 70,distance,unit:AF/Kandahar,5,km,\n", b"line 2: a unit: end is read only"),
    (b"subject,relation,reference,value,unit,hedge,subject_within\n"
     b"34 70,containment,unit:AF/Kandahar,,,,XYZ\n", b"line 2: an admin unit is written"),
    (b"a,b\n1,2\n", b"line 1: the header lacks"),
    (HEADER, b"no claims"),
    (b"", b"empty"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, b"binary"),
    (b"subject,relation\n\xff\xfe\xfa", b"not UTF-8"),
])
def test_bad_input_exits_2_with_one_clear_line(run_geo, body, message):
    result = run_geo("verify", "-", stdin=body)
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == b""


def test_missing_file_exits_2(run_geo, tmp_path):
    result = run_geo("verify", str(tmp_path / "nope.csv"))
    assert result.returncode == 2 and b"no such file" in result.stderr
