"""Benchmark point-to-border measurement at Natural Earth 1:10m.

Prints the median warm time of one measurement (target: at most 5 ms) and the throughput for
10,000 points against one border (target: at least 2,000 points/s), each also as a ratio
against a baseline run on the same machine in the same process: the textbook method of
projecting the border into an azimuthal equidistant projection centred on each point.

Run: python scripts/bench_measure.py [--points 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np
import shapely
from pyproj import Transformer

from geo import base_layers
from geo.geodesy import GeodesicLines, nearest_point

IN_AMENAS_TOWN = (28.038333, 9.565)


def aeqd_baseline(lat: float, lon: float, line: shapely.Geometry) -> float:
    """Distance in metres by projecting the line around the point (good to about 1 m)."""
    to_aeqd = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84", always_xy=True)
    projected = shapely.transform(line, lambda xy: np.column_stack(to_aeqd.transform(*xy.T)))
    return shapely.distance(shapely.Point(0, 0), projected)


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10_000)
    args = parser.parse_args()
    line = base_layers.border("DZA", "MLI").geometry
    print(f"machine: {os.cpu_count()} cores; border DZA/MLI at 1:10m, "
          f"{shapely.get_num_coordinates(line)} vertices")

    prepare = timed(lambda: GeodesicLines(line), 20)
    print(f"prepare a border once:          median {statistics.median(prepare) * 1e3:7.3f} ms")

    nearest_point(IN_AMENAS_TOWN, line)  # warm the per-process cache
    ours = statistics.median(timed(lambda: nearest_point(IN_AMENAS_TOWN, line), 200))
    base = statistics.median(timed(lambda: aeqd_baseline(*IN_AMENAS_TOWN, line), 30))
    print(f"one point to the border (warm): median {ours * 1e3:7.3f} ms  (target <= 5 ms); "
          f"aeqd baseline {base * 1e3:.3f} ms; {base / ours:.1f}x faster than baseline")

    rng = np.random.default_rng(0)
    lat, lon = rng.uniform(10, 35, args.points), rng.uniform(-10, 15, args.points)
    lines = GeodesicLines(line)
    batch = min(timed(lambda: lines.nearest_many(lat, lon), 3))
    rate = args.points / batch
    sample = 50
    base_batch = min(timed(lambda: [aeqd_baseline(a, b, line)
                                    for a, b in zip(lat[:sample], lon[:sample], strict=True)], 1))
    base_rate = sample / base_batch
    print(f"{args.points:,} points to one border:  {batch:.3f} s, {rate:,.0f} points/s "
          f"(target >= 2,000); aeqd baseline {base_rate:,.0f} points/s; "
          f"{rate / base_rate:.1f}x baseline")


if __name__ == "__main__":
    main()
