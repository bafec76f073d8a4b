"""Build the US state and county layers in layers/base/ from the npm package us-atlas.

us-atlas 3.0.1 redistributes the US Census Bureau's cartographic boundary files (2017, public
domain) as TopoJSON; `counties-10m.json` holds counties and the states merged from them, so a
state line and the county lines along it are the same arcs. Writes, as zstd GeoParquet:
  us_states.parquet    fips (2 digits), name, area_km2, geometry (EPSG:4326)
  us_counties.parquet  fips (5 digits), state_fips, state_name, name, area_km2, geometry
and US_MANIFEST.json with the source's hash and the row counts.

The tarball is fetched from the npm registry (a package registry, the only network a build
may use) and checked against the registry's published SHA-512 before it is read.

Run: python scripts/build_us_layers.py [--out layers/base] [--tarball PATH]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import tarfile
import tempfile
import urllib.request
from importlib.metadata import version
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely
from pyproj import Geod

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.atomic import atomic_path  # noqa: E402

PACKAGE = "us-atlas"
VERSION = "3.0.1"
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
# "dist.integrity" of us-atlas 3.0.1 in the npm registry's metadata.
INTEGRITY = ("sha512-wEIZCq0ImPvGblTd8gZMqNNCPkQshugMUG/8nkSWXb02+XqNFREg9atHOKP9w6prLZTpqcLhS"
             "vdBW81MkV3/0Q==")
TOPOLOGY = "package/counties-10m.json"
GEOD = Geod(ellps="WGS84")


def fetch(tarball: Path | None, into: Path) -> Path:
    """The checked tarball: the one given, or one downloaded from the registry."""
    if tarball is None:
        tarball = into / f"{PACKAGE}-{VERSION}.tgz"
        with urllib.request.urlopen(TARBALL_URL, timeout=60) as response:
            tarball.write_bytes(response.read())
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        raise SystemExit(f"{tarball}: {algorithm} {digest} is not the registry's {expected}")
    return tarball


def read_layer(topology: Path, layer: str) -> gpd.GeoDataFrame:
    frame = pyogrio.read_dataframe(topology, layer=layer)
    frame = frame.set_crs("EPSG:4326")
    # A few county rings touch themselves after us-atlas's quantisation. "structure" keeps
    # each one an area ("linework" can leave a collection of lines with no boundary), and
    # only the polygonal parts are kept.
    valid = shapely.make_valid(frame.geometry.values, method="structure", keep_collapsed=False)
    frame["geometry"] = [shapely.union_all([part for part in shapely.get_parts(geometry)
                                            if shapely.get_type_id(part) in (3, 6)])
                         for geometry in valid]
    # Falls Church, Virginia (5 km2) is quantised away at this scale: no outline, no row.
    frame = frame[~frame.geometry.is_empty]
    kinds = set(frame.geometry.geom_type)
    if not kinds <= {"Polygon", "MultiPolygon"} or not frame.geometry.is_valid.all():
        raise SystemExit(f"{topology.name} {layer}: not all valid polygons ({kinds})")
    frame["area_km2"] = [abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6 for g in frame.geometry]
    return frame.rename(columns={"id": "fips"}).sort_values("fips").reset_index(drop=True)


def write_parquet(frame: gpd.GeoDataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, compression="zstd", index=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "layers" / "base")
    parser.add_argument("--tarball", type=Path, help="a downloaded us-atlas tarball to use")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        tarball = fetch(args.tarball, Path(scratch))
        with tarfile.open(tarball) as archive:
            archive.extract(TOPOLOGY, scratch, filter="data")
        topology = Path(scratch) / TOPOLOGY
        states = read_layer(topology, "states")[["fips", "name", "area_km2", "geometry"]]
        counties = read_layer(topology, "counties")
    counties["state_fips"] = counties.fips.str[:2]
    counties = counties.merge(states[["fips", "name"]].rename(
        columns={"fips": "state_fips", "name": "state_name"}), on="state_fips", how="left")
    counties = counties[["fips", "state_fips", "state_name", "name", "area_km2", "geometry"]]
    # The Census files of 2017: 50 states, DC and five territories; 3,231 counties and their
    # equivalents less Falls Church, each in one of them.
    if len(states) != 56 or len(counties) != 3230 or counties.state_name.isna().any():
        raise SystemExit(f"unexpected counts: {len(states)} states, {len(counties)} counties")
    write_parquet(states, args.out / "us_states.parquet")
    write_parquet(counties, args.out / "us_counties.parquet")

    manifest = {
        "source": {"package": f"npm:{PACKAGE}@{VERSION}", "file": TOPOLOGY,
                   "integrity": INTEGRITY},
        "outputs": {name: {"rows": len(frame), "sha256": hashlib.sha256(
                        (args.out / name).read_bytes()).hexdigest()}
                    for name, frame in (("us_states.parquet", states),
                                        ("us_counties.parquet", counties))},
        "built_with": {name: version(name)
                       for name in ("geopandas", "shapely", "pyproj", "pyogrio")},
    }
    with atomic_path(args.out / "US_MANIFEST.json") as tmp:
        tmp.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"{len(states)} states, {len(counties)} counties -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
