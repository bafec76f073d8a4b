"""Measure the gazetteer: build time, open time, memory, lookup speed and coverage.

Coverage is measured on the gold toponyms of the evaluation corpora in ../shared/eval (read
from there, never copied): the share whose gold point lies within 161 km of one of the top-10
candidates for the gold string, and of the top candidate alone, overall and by the gold feature
type. GeoVirus gold has no feature codes, so its toponyms all count as "unknown" type.

Run: python scripts/bench_gazetteer.py [--store PATH] [--eval DIR]
Without --store the store is built afresh (in a subprocess, so its memory is not counted here).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from geo.corpus import FEATURE_TYPES, feature_type, read_articles
from geo.gazetteer import Gazetteer
from geo.sphere import great_circle_km

REPO = Path(__file__).resolve().parents[1]

CORPORA = ("lgl", "geovirus")
RADIUS_KM = 161.0
TOP_K = 10


def gold_toponyms(path: Path) -> list[dict]:
    return [t for article in read_articles(path) for t in article["toponyms"]]


def coverage(gazetteer: Gazetteer, toponyms: list[dict]) -> dict[str, Counter]:
    """Counts per feature type of: toponyms, covered by the top 10, covered by the top 1."""
    total, top_k, top_1 = Counter(), Counter(), Counter()
    for toponym in toponyms:
        kind = feature_type(toponym.get("fcode"))
        distances = [great_circle_km(toponym["lat"], toponym["lon"], c.lat, c.lon)
                     for c in gazetteer.lookup(toponym["name"], limit=TOP_K)]
        for counter in (total,) + ((top_k,) if any(d <= RADIUS_KM for d in distances) else ()) + (
            (top_1,) if distances and distances[0] <= RADIUS_KM else ()
        ):
            counter[kind] += 1
            counter["all"] += 1
    return {"total": total, "top10": top_k, "top1": top_1}


def misspell(name: str) -> str:
    """A typo a reporter might make: two letters in the middle swapped."""
    middle = len(name) // 2
    return name[: middle - 1] + name[middle] + name[middle - 1] + name[middle + 1:]


def median_ms(gazetteer: Gazetteer, queries: list[str]) -> float:
    times = []
    for query in queries:
        started = time.perf_counter()
        gazetteer.lookup(query)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def resident_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process, from /proc."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="use this store instead of building one")
    parser.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        store = args.store
        if store is None:
            store = Path(scratch) / "gazetteer.sqlite"
            started = time.perf_counter()
            subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"),
                            "--out", str(store)], check=True)
            print(f"build: {time.perf_counter() - started:.1f} s")
        print(f"store: {store.stat().st_size / 1e6:.1f} MB")

        started = time.perf_counter()
        gazetteer = Gazetteer.open(store)
        print(f"open: {(time.perf_counter() - started) * 1000:.1f} ms, "
              f"resident {resident_mb()[0]:.0f} MB")

        corpora = {name: gold_toponyms(args.eval / f"{name}.jsonl") for name in CORPORA}
        names = sorted({t["name"] for toponyms in corpora.values() for t in toponyms})
        print(f"exact lookup: median {median_ms(gazetteer, names):.2f} ms over {len(names)} names")
        typos = [misspell(n) for n in names if len(n) >= 6]
        typos = [t for t in typos if not gazetteer.lookup(t, fuzzy=False)]
        gazetteer.lookup(typos[0])  # the first fuzzy lookup loads the name list; time the rest
        print(f"fuzzy lookup: median {median_ms(gazetteer, typos[1:]):.1f} ms "
              f"over {len(typos) - 1} misspelled names")
        current, peak = resident_mb()
        print(f"resident memory after lookups: {current:.0f} MB (peak {peak:.0f} MB)")

        for corpus, toponyms in corpora.items():
            counts = coverage(gazetteer, toponyms)
            print(f"\n{corpus}: {len(toponyms)} gold toponyms, within {RADIUS_KM:.0f} km")
            if counts["total"]["unknown"] == counts["total"]["all"]:
                print("  (no feature codes in this corpus's gold: no breakdown by type)")
            print(f"  {'type':8} {'n':>5} {'top10':>6} {'top1':>6}")
            for kind in ("all", *FEATURE_TYPES):
                n = counts["total"][kind]
                if n:
                    print(f"  {kind:8} {n:5d} {counts['top10'][kind] / n:6.3f} "
                          f"{counts['top1'][kind] / n:6.3f}")
        gazetteer.close()


if __name__ == "__main__":
    main()
