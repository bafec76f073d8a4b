"""`geo parse` for corpora, and proof that the default paths never touch the network."""

import json
import os
import socket
import subprocess
import sys

import pytest

from geo import cli
from tests.founding_case import ARTICLE, CLAIMS_CSV

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


# Installed before geo is imported: records every socket made, and fails every attempt to
# resolve a name, connect or send.
SOCKET_GUARD = """
import json, os, runpy, socket, sys
made, refused = [], []
def refuse(name):
    def refused_call(*args, **kwargs):
        refused.append(name)
        raise OSError(f"geo tried the network: {name}")
    return refused_call
class Watched(socket.socket):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        made.append({"family": int(self.family), "bound": None, "socket": self})
    def bind(self, address):
        made[-1]["bound"] = list(address[:2])
        return super().bind(address)
    connect, connect_ex, sendto, sendall, send = (refuse(n) for n in (
        "connect", "connect_ex", "sendto", "sendall", "send"))
socket.socket = Watched
socket.getaddrinfo, socket.create_connection, socket.gethostbyname = (refuse(n) for n in (
    "getaddrinfo", "create_connection", "gethostbyname"))
def report():
    with open(os.environ["GEO_SOCKET_REPORT"], "w") as handle:
        json.dump({"made": [{"family": m["family"], "bound": m["bound"],
                             "closed": m["socket"].fileno() == -1} for m in made],
                   "refused": refused}, handle)
import atexit
atexit.register(report)
sys.argv = ["geo", *sys.argv[1:]]
runpy.run_module("geo.cli", run_name="__main__")
"""


@pytest.mark.parametrize("command", [
    ["run", str(ARTICLE), "--out", "out"], ["parse", "corpus.jsonl"],
    ["verify", str(CLAIMS_CSV)], ["geocode", "Ain Amenas"], ["reverse", "28.04", "9.56"]],
    ids=lambda command: command[0])
def test_no_command_reaches_the_network(tmp_path, command):
    (tmp_path / "corpus.jsonl").write_text('{"id": 1, "text": "Algiers is in Algeria."}\n')
    report = tmp_path / "sockets.json"
    result = subprocess.run([sys.executable, "-c", SOCKET_GUARD, *command], cwd=tmp_path,
                            capture_output=True, timeout=300,
                            env={**os.environ, "GEO_SOCKET_REPORT": str(report)})
    assert result.returncode in (0, 1), result.stderr
    sockets = json.loads(report.read_text())
    assert sockets["refused"] == []
    if command[0] != "run":
        assert sockets["made"] == []
        return
    # The map needs folium, which imports requests: urllib3 then looks, once, whether IPv6 can
    # bind on loopback. No address but ::1, port 0, closed at once; nothing else.
    assert all(s == {"family": socket.AF_INET6, "bound": ["::1", 0], "closed": True}
               for s in sockets["made"]), sockets["made"]


_LOADED = """
import sys
import geo
analysis = geo.read(sys.argv[1])
heavy = ("pandas", "geopandas", "pint", "numpy", "shapely", "pyproj", "pyarrow", "tqdm",
         "ftfy", "folium")
print(len(analysis.found_claims), *sorted(name for name in heavy if name in sys.modules))
"""


@pytest.mark.parametrize(("text", "claims", "loaded"), [
    # Reading an article imports no geometry, table or unit library (issue 14's start-up).
    ("Floods hit Dhaka, the capital of Bangladesh, on Monday.", "0", []),
    # Measuring a claim loads the geometry it measures with, still no pandas, geopandas, pint
    # or pyarrow (the outlines are WKB files); a curly quote loads ftfy.
    ("Gunmen seized the gas plant near In Amenas, about 30 km from the Libyan border. "
     "Algeria\u2019s army surrounded it.", "1", ["ftfy", "numpy", "pyproj", "shapely"]),
])
def test_reading_loads_only_what_the_article_needs(text, claims, loaded):
    result = subprocess.run([sys.executable, "-c", _LOADED, text], capture_output=True,
                            text=True, timeout=120, check=True)
    assert result.stdout.split() == [claims, *loaded]
