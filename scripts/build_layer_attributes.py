"""Build layers/base/attributes.json and <layer>.wkb.zlib: the base layers' columns and their
outlines, readable without geopandas, pandas or pyarrow.

A run looks countries, borders, US states and counties up by code and name for nearly every
article, but needs their outlines only to measure a claim; reading the attributes from a small
JSON file and the outlines from zlib-compressed WKB lets it do both with the standard library,
numpy and shapely: importing pyarrow to read the parquet files cost about 50 MiB and its tables
as much again, half of the peak of `geo parse` over a corpus. They are made from the GeoParquet
files beside them (scripts/build_base_layers.py and scripts/build_us_layers.py), in row order,
so row i of a layer here is row i of its parquet file.

An outline file is zlib (level 9) over: the number of rows n (little-endian uint64), n + 1
offsets (little-endian int64) into the WKB that follows, and each row's WKB, as the parquet
file holds it.

Run: python scripts/build_layer_attributes.py [--base layers/base] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import zlib
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow.parquet as pq

from geo.atomic import atomic_path, write_text

REPO = Path(__file__).resolve().parents[1]
LAYERS = ("countries_10m", "borders_10m", "us_states", "us_counties")


def attributes(base: Path) -> dict[str, dict[str, list]]:
    tables = {}
    for layer in LAYERS:
        frame = gpd.read_parquet(base / f"{layer}.parquet")
        # A missing value (pandas reads a null code as NaN) is JSON's null.
        columns = {name: frame[name].astype(object).where(frame[name].notna(), None).tolist()
                   for name in frame.columns if name != "geometry"}
        for name, values in columns.items():
            if any(isinstance(v, float) and math.isinf(v) for v in values):
                raise ValueError(f"{layer}.{name} holds an infinity, which JSON cannot")
        tables[layer] = columns
    return tables


def outlines(base: Path, layer: str) -> bytes:
    """A layer's outline file (see the module's docstring)."""
    wkb = pq.ParquetFile(base / f"{layer}.parquet").read(columns=["geometry"]).column(
        "geometry").to_pylist()
    offsets = np.cumsum([0, *map(len, wkb)], dtype="<i8")
    return zlib.compress(np.uint64(len(wkb)).astype("<u8").tobytes() + offsets.tobytes()
                         + b"".join(wkb), 9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=REPO / "layers" / "base")
    parser.add_argument("--out", type=Path, help="the folder to write to (default: --base)")
    args = parser.parse_args(argv)
    out = args.out or args.base
    tables = attributes(args.base)
    write_text(out / "attributes.json",
               json.dumps(tables, ensure_ascii=False, separators=(",", ":")) + "\n")
    for layer in LAYERS:
        with atomic_path(out / f"{layer}.wkb.zlib") as tmp:
            tmp.write_bytes(outlines(args.base, layer))
    rows = ", ".join(f"{layer} {len(next(iter(t.values())))}" for layer, t in tables.items())
    print(f"{rows} rows -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
