"""Install geo as a user would and run it away from the checkout (`make test` runs this).

Builds the wheel, installs it with its `build` extra into a new virtual environment in a
temporary folder, and from another temporary folder, with a fresh data folder
(GEO_DATA_DIR), runs `geo run` on the founding article (which builds the gazetteer on first
use), `geo verify` on its claims file and on the claims.csv the run wrote, `geo geocode
Algiers`, and `geo run` on a saved web page. The report must equal the committed
outputs/ain_amenas_2013/report.json except for the article's file name. Prints the
time and size of each step (the wheel, the installed environment, the gazetteer store);
exits non-zero on the first failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared" / "seed" / "ain_amenas_2013.txt"
COMMITTED_REPORT = REPO / "outputs" / "ain_amenas_2013" / "report.json"
CLAIMS = REPO / "layers" / "incidents" / "ain_amenas_2013" / "claims.csv"
PAGE = REPO / "tests" / "data" / "pages" / "mozambique_floods.html"


def step(name: str, command: list[str], **options) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **options)
    print(f"{name}: exit {result.returncode} in {time.perf_counter() - started:,.1f} s")
    if result.returncode != 0:
        sys.exit(f"{name} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result


def megabytes(folder: Path) -> float:
    """The bytes of the files under `folder`, in MB (links counted once, as the links)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_symlink() or path.is_file()) / 1e6


def without_file_name(report: dict) -> dict:
    return {**report, "source": {**report["source"], "name": None}}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="geo-install-") as scratch:
        scratch = Path(scratch)
        dist, venv, work = scratch / "dist", scratch / "venv", scratch / "elsewhere"
        work.mkdir()
        step("wheel", [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                       "--disable-pip-version-check", "-w", str(dist), str(REPO)])
        [wheel] = dist.glob("geo-*.whl")
        print(f"  {wheel.name}: {wheel.stat().st_size / 1e6:,.1f} MB")
        step("venv", [sys.executable, "-m", "venv", str(venv)])
        step("install", [str(venv / "bin" / "pip"), "install", "--quiet",
                         "--disable-pip-version-check", f"{wheel}[build]"])
        print(f"  the environment, build extra included: {megabytes(venv):,.0f} MB")
        geo = str(venv / "bin" / "geo")
        env = {**os.environ, "GEO_DATA_DIR": str(scratch / "data")}
        env.pop("GEO_GAZETTEER", None)
        run = {"cwd": work, "env": env, "timeout": 1200}
        step("geo run (builds the gazetteer)",
             [geo, "run", str(ARTICLE), "--out", "out", "--quiet"], **run)
        report = json.loads((work / "out" / "report.json").read_text("utf-8"))
        committed = json.loads(COMMITTED_REPORT.read_text("utf-8"))
        if without_file_name(report) != without_file_name(committed):
            sys.exit("the installed geo's report differs from outputs/ain_amenas_2013/"
                     "report.json")
        print("  report equal to the committed one")
        step("geo verify", [geo, "verify", str(CLAIMS)], **run)
        found = step("geo geocode", [geo, "geocode", "Algiers"], **run)
        if "Algiers (city, DZ)" not in found.stdout:
            sys.exit(f"geo geocode Algiers gave: {found.stdout!r}")
        # A saved web page goes through trafilatura and its lxml, which only a fresh
        # environment shows whole (an extra that older pips leave out: pyproject.toml).
        page = step("geo run on a saved page", [geo, "run", str(PAGE), "--out", "page",
                                                 "--json"], **run)
        places = {place["name"] for place in json.loads(page.stdout)["places"]}
        if "Beira" not in places or "Nairobi" in places:
            sys.exit(f"the saved page gave the places {sorted(places)}")
        verified = step("geo verify claims.csv", [geo, "verify", "out/claims.csv", "--json"],
                        **run)
        verdicts = [claim["verdict"] for claim in json.loads(verified.stdout)]
        if verdicts != [claim["verdict"] for claim in report["claims"]]:
            sys.exit(f"geo verify on the run's claims.csv gave {verdicts}")
        store = scratch / "data" / "gazetteer.sqlite"
        print(f"  gazetteer built in the data folder: {store.stat().st_size / 1e6:,.1f} MB")


if __name__ == "__main__":
    main()
