"""Build layers/base/attributes.json: the columns of the base layers without their geometry.

A run looks countries, borders, US states and counties up by code and name for nearly every
article, but needs their outlines only to measure a claim; reading the attributes from this
small JSON file lets it do so without importing geopandas, pandas or pyarrow (most of a
second). It is made from the GeoParquet files beside it (scripts/build_base_layers.py and
scripts/build_us_layers.py), column for column in row order, so row i of a layer here is row
i of its parquet file.

Run: python scripts/build_layer_attributes.py [--base layers/base]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import geopandas as gpd

from geo.atomic import write_text

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=REPO / "layers" / "base")
    parser.add_argument("--out", type=Path, help="default: attributes.json in --base")
    args = parser.parse_args(argv)
    out = args.out or args.base / "attributes.json"
    tables = attributes(args.base)
    write_text(out, json.dumps(tables, ensure_ascii=False, separators=(",", ":")) + "\n")
    rows = ", ".join(f"{layer} {len(next(iter(t.values())))}" for layer, t in tables.items())
    print(f"{rows} rows -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
