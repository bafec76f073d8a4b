"""Every article runs, and a failure loses nothing (issue 9): the reproducers, each as a test.

Exit codes: 0 done, 1 inconsistent (when asked), 2 bad input or usage, 3 internal error, 130
interrupted; one line on stderr; a run's folder holds one article's complete set of outputs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import cli
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")

RUN_OUTPUTS = {"report.json", "report.md", "layers.gpkg", "layers.kml", "places.csv", "claims.csv",
               "map.html", "places.geojson", "countries.geojson", "borders.geojson",
               "regions.geojson", "claims.geojson"}
# Not a timing test: a run that has not finished by then is taken to hang.
HANG = 120


def run(tmp_path: Path, text: str, capsys, *options: str) -> tuple[int, Path, str]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status = cli.main(["run", str(article), "--out", str(out), *options])
    return status, out, capsys.readouterr().err


def one_line(stderr: str) -> bool:
    return stderr.count("\n") == 1 and "Traceback" not in stderr


# ---------------------------------------------------------------------------------------------
# Articles that used to crash


@pytest.mark.parametrize("text", [
    "Algeria is in Africa.",  # a continent has no country code
    "The European Union and the Middle East met in Algiers.",
    "Troops were sent to Russia.",  # across the antimeridian
    "Scientists flew to Antarctica, Fiji and Kiribati.",
    "Fighting spread in eastern China, eastern Russia, northern Canada and southern Chile.",
    "Algiers is about " + "9" * 400 + " km from Oran.",  # no distance on Earth
    "In Amenas is 150 km north south-west of Timbuktu.",  # a garbled direction
])
def test_real_world_articles_give_every_output(tmp_path, capsys, text):
    status, out, stderr = run(tmp_path, text, capsys)
    assert status == 0, stderr
    assert {path.name for path in out.iterdir()} == RUN_OUTPUTS


@pytest.mark.parametrize("text", [
    "London is more than 377,332,919 km from the Iraqi border.",  # found by the fuzzer
    "Algiers is 1234567 km from Oran.", "Algiers is 5.12345 km from Oran."])
def test_a_number_no_distance_is_read_whole_and_makes_no_claim(tmp_path, capsys, text):
    status, out, stderr = run(tmp_path, text, capsys)
    assert status == 0, stderr
    assert json.loads((out / "report.json").read_text())["claims"] == []


def test_a_garbled_direction_makes_no_claim(tmp_path, capsys):
    _, out, _ = run(tmp_path, "In Amenas is 150 km north south-west of Timbuktu.", capsys)
    assert json.loads((out / "report.json").read_text())["claims"] == []


@pytest.mark.parametrize("text", [
    "Algiers is the capital of Algeria " + "7" * 10_000 + " km.",
    "New York " * 4_000,  # one sentence of 36 kB
    ("In Amenas is about 700 miles from the Algerian border with Mali. "
     "Tunis is near the border with Libya. ") * 4_000,  # 400 kB of border claims
    ("Mali " + "6" * 995 + "&amp;" + "6" * 995 + ". ") * 16,  # ftfy repairs in long words
    "Nice, " * 5_000,  # a list of places as long as the sentence
])
def test_long_runs_of_one_thing_finish(tmp_path, text):
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "geo.cli", "run", str(article), "--out",
                             str(tmp_path / "out")], capture_output=True, timeout=HANG)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------------------------
# Bad input: exit 2, one line, nothing written


@pytest.mark.parametrize("command", [["run", "/dev/zero"], ["verify", "/dev/zero"],
                                     ["parse", "/dev/zero"]])
def test_endless_input_is_refused(capsys, tmp_path, command):
    assert cli.main([*command, *(["--out", str(tmp_path / "o")] if command[0] == "run"
                                 else [])]) == cli.EXIT_BAD_INPUT
    assert one_line(capsys.readouterr().err)
    assert not (tmp_path / "o").exists()


def test_endless_standard_input_is_refused():
    with open("/dev/zero", "rb") as zeros:
        for command in (["geocode"], ["run", "-"], ["verify", "-"], ["parse"]):
            result = subprocess.run([sys.executable, "-m", "geo.cli", *command], stdin=zeros,
                                    capture_output=True, timeout=HANG)
            assert result.returncode == cli.EXIT_BAD_INPUT, command
            assert one_line(result.stderr.decode()), command


def test_out_that_cannot_be_a_folder_is_bad_input(tmp_path, capsys):
    (tmp_path / "a file").write_text("x")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me")
    for out in ("a file", "a file/below", "notes"):
        status = cli.main(["run", str(ARTICLE), "--out", str(tmp_path / out)])
        assert status == cli.EXIT_BAD_INPUT, out
        assert one_line(capsys.readouterr().err)
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "notes"]


def test_an_unwritable_out_is_bad_input(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    assert cli.main(["run", str(ARTICLE), "--out", str(locked / "out")]) == 2
    assert one_line(capsys.readouterr().err)


def test_verify_refuses_an_oversized_cell_in_one_line(tmp_path, capsys):
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,relation,reference,value,unit,hedge\n"
                      f'"{"x" * 140_000}",distance,place:Algiers,430,km,about\n')
    assert cli.main(["verify", str(claims)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert one_line(err) and "line 2" in err


def test_verify_finds_the_city_before_the_province_of_its_name(tmp_path, capsys):
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,relation,reference,value,unit,hedge\n"
                      "place:Oran,distance,place:Algiers,350,km,about\n")
    assert cli.main(["verify", str(claims), "--json"]) == 0
    (verdict,) = json.loads(capsys.readouterr().out)
    assert verdict["measured_km"] == pytest.approx(354, abs=5)  # Oran-Algiers, city to city


def test_verify_json_is_json_for_absurd_numbers(tmp_path, capsys):
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,relation,reference,value,unit,hedge\n"
                      "28.04 9.56,distance,border:DZA/MLI,1e300,km,more than\n")
    assert cli.main(["verify", str(claims), "--json"]) == cli.EXIT_BAD_INPUT
    assert "no distance on Earth" in capsys.readouterr().err
    claims.write_text("subject,relation,reference,value,unit,hedge\n"
                      "28.04 9.56,distance,border:DZA/MLI,1500000,km,more than\n")
    assert cli.main(["verify", str(claims), "--json"]) == cli.EXIT_INCONSISTENT
    printed = capsys.readouterr().out
    json.loads(printed, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


# ---------------------------------------------------------------------------------------------
# geo parse: each record on its own


def test_parse_goes_on_past_records_it_cannot_read(tmp_path, capsys):
    records = [
        '\ufeff{"id": 1, "text": "Algiers is in Algeria."}',  # a byte-order mark on line 1
        '{"id": 2, "text": "There is a lone \\ud800 surrogate in Oran."}',
        '{"id": ' + "9" * 5000 + ', "text": "A huge id."}',
        "[" * 100_000 + "]" * 100_000,  # nesting deeper than any parser's stack
        '{"id": "\\udc00", "text": "Tunis is in Tunisia."}',
        "not json",
        '{"id": 7, "text": "Mali is south of Algeria."}',
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert cli.main(["parse", str(corpus)]) == cli.EXIT_BAD_INPUT
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(records)
    assert [line.get("id") for line in lines][:2] == [1, 2]
    assert lines[1]["mentions"][0]["text"] == "Oran"
    assert ["error" in line for line in lines] == [False, False, True, True, False, True, False]
    assert lines[4]["id"] == "\udc00"
    assert {m["text"] for m in lines[-1]["mentions"]} == {"Mali", "Algeria"}


# ---------------------------------------------------------------------------------------------
# Internal errors and interruptions


def test_an_internal_error_exits_3_with_a_log_and_leaves_the_old_outputs(
        tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert cli.main(["run", str(ARTICLE), "--out", str(out)]) == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("a stage broke")

    # Stands in for any bug in the last stage, after the first files are written.
    monkeypatch.setattr("geo.incident_map.write_map_outputs", broken)
    other = tmp_path / "other.txt"
    other.write_text("Tunis is the capital of Tunisia.\n")
    capsys.readouterr()
    assert cli.main(["run", str(other), "--out", str(out)]) == cli.EXIT_INTERNAL_ERROR
    err = capsys.readouterr().err
    assert one_line(err) and "RuntimeError" in err
    log = Path(err.rsplit("details in ", 1)[1].strip())
    assert "a stage broke" in log.read_text()
    log.unlink()
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "out"]


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_leaves_no_temporary_files(tmp_path, signum, status):
    article = tmp_path / "long.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8") * 100, encoding="utf-8")
    # A shell starts a job in the background (`pytest &`) with ^C ignored, which its children
    # inherit; geo's own ^C is what is tested here.
    process = subprocess.Popen([sys.executable, "-m", "geo.cli", "run", str(article), "--out",
                                str(tmp_path / "out")], stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # The signal comes while the run's files are half written: its staging folder exists. (A
    # fixed delay flaked on a loaded machine: it could land before Python had started geo.)
    deadline = time.monotonic() + HANG
    while not any(path.name.startswith(".out.tmp.") for path in tmp_path.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=HANG)
    assert process.returncode == status
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) in (["long.txt"], ["long.txt", "out"])


def test_a_run_stopped_between_moving_the_old_set_out_and_the_new_in_keeps_the_old(
        tmp_path, monkeypatch):
    from geo import atomic

    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("old")
    renames = []

    def rename_then_stop(source, destination):
        renames.append(destination)
        if len(renames) == 2:  # the new set's move into place
            raise KeyboardInterrupt
        return os.replace(source, destination)

    with pytest.raises(KeyboardInterrupt), atomic.atomic_folder(out) as staging:
        (staging / "report.json").write_text("new")
        monkeypatch.setattr(atomic.os, "rename", rename_then_stop)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "report.json").read_text() == "old"
