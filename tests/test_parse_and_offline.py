"""`geo parse` for corpora, and proof that the default paths never touch the network."""

import json
import socket

import pytest

from geo import cli
from tests.founding_case import ARTICLE

pytestmark = pytest.mark.usefixtures("gazetteer")


def test_parse_jsonl_offsets_point_into_the_given_text(run_geo):
    records = [{"id": "a", "text": "Fighting spread from Kidal in northern Mali to Gao."},
               {"id": "b", "text": "Nothing here."},
               {"id": "c", "text": ARTICLE.read_text(encoding="utf-8")}]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    result = run_geo("parse", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    for record, parsed in zip(records, out, strict=True):
        for mention in parsed["mentions"]:
            assert record["text"][mention["start"]:mention["end"]] == mention["text"]
            assert {"name", "kind", "country_code", "lat", "lon", "confidence"} <= set(mention)
    assert [m["name"] for m in out[0]["mentions"]] == ["Kidal", "Mali", "Gao"]
    assert out[1]["mentions"] == []
    assert any(c["type"] == "distance" and c["verdict"] == "consistent"
               for c in out[2]["claims"])


def test_parse_reports_bad_records_and_goes_on(run_geo):
    stdin = b'{"id": 1, "text": "Paris"}\nnot json\n{"id": 3}\n{"id": 4, "text": "Oslo"}\n'
    result = run_geo("parse", stdin=stdin)
    assert result.returncode == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == [1, None, 3, 4]
    assert out[1]["line"] == 2 and "not JSON" in out[1]["error"]
    assert out[3]["mentions"][0]["name"] == "Oslo"
    assert b"Traceback" not in result.stderr


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_main_job_opens_no_socket(no_network, tmp_path, capsys):
    assert cli.main(["run", str(ARTICLE), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "report.json").is_file()
    assert cli.main(["geocode", "Ain Amenas", "--json"]) == 0
    assert cli.main(["reverse", "28.04", "9.56"]) == 0
    assert no_network == []
