"""Verdicts -> layers: the GIS layers of one incident, as GeoDataFrames, and their export.

Layers: places (points), countries (the countries the article names or its claims involve,
drawn from the 1:50m polygons), borders (the 1:10m border lines its claims refer to), regions
("northern Mali"), claims (one row per claim, in text order, with its measured line: the
geodesic from the subject to the nearest point of the reference; none when unmeasured).
Written as one GeoPackage with a table per layer and as one GeoJSON file per layer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo import base_layers
from geo.atomic import atomic_path
from geo.qgis_styles import layer_styles
from geo.targets import BorderTarget, CountryBordersTarget, CountryTarget, RegionTarget
from geo.verdicts import Verdict

LAYER_COLUMNS = {
    "places": ["id", "text", "name", "kind", "country_code", "lat", "lon", "population",
               "confidence", "mentions", "is_focus"],
    "countries": ["iso_a3", "iso_a2", "name", "mentioned", "in_claims"],
    "borders": ["a_iso_a3", "b_iso_a3", "a_name", "b_name", "length_km", "disputed",
                "indefinite"],
    "regions": ["label", "area", "adm0_a3", "part", "cut"],
    "claims": ["claim", "relation", "statement", "label", "subject", "reference", "claimed",
               "claimed_km", "measured_km", "tolerance_below_km", "tolerance_above_km",
               "deviation_km", "bearing_deg", "grade", "verdict", "reason", "sentence",
               "text_start", "text_end"],
}
# RFC 7946 section 11.2: six decimals of a degree are about 10 cm, more than any layer holds.
GEOJSON_DECIMALS = 6
# GeoPackages stamp the time of writing; a fixed stamp keeps two runs byte-identical
# (`_fix_timestamps` puts it in).
FIXED_TIMESTAMP = "2000-01-01T00:00:00.000Z"


def _frame(name: str, rows: list[dict]) -> gpd.GeoDataFrame:
    columns = LAYER_COLUMNS[name]
    if not rows:
        return gpd.GeoDataFrame({c: [] for c in columns},
                                geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    return gpd.GeoDataFrame([{c: row[c] for c in columns} for row in rows],
                            geometry=[row["geometry"] for row in rows], crs="EPSG:4326")


def _claimed_text(verdict: Verdict) -> str:
    """What the article claims, as it says it: "about 700 mi north-west", "near"."""
    claim = verdict.claim
    words = [claim.quantity.describe() if claim.quantity is not None else claim.qualifier,
             claim.direction]
    return " ".join(word for word in words if word) or claim.describe()


def build_layers(analysis) -> dict[str, gpd.GeoDataFrame]:
    focus_id = analysis.focus.place.id if analysis.focus else None
    place_rows = [{
        "id": p.place.id, "text": p.mentions[0].mention.text, "name": p.place.name,
        "kind": p.place.kind, "country_code": p.place.country_code, "lat": p.place.lat,
        "lon": p.place.lon, "population": p.place.population, "confidence": p.confidence,
        "mentions": len(p.mentions), "is_focus": p.place.id == focus_id,
        "geometry": shapely.Point(p.place.lon, p.place.lat)} for p in analysis.found_places]

    targets = [t for v in analysis.verdicts for t in (v.claim.subject, v.claim.reference)]
    mentioned = {_adm0(p.place.country_code) for p in analysis.found_places
                 if p.place.kind == "country"} - {None}
    in_claims = set()
    for target in targets:
        if isinstance(target, CountryTarget | RegionTarget | BorderTarget | CountryBordersTarget):
            in_claims.update(target.country_codes)
    drawn = base_layers.countries("50m")
    country_rows = [{
        "iso_a3": row.iso_a3, "iso_a2": row.iso_a2, "name": row["name"],
        "mentioned": row.adm0_a3 in mentioned, "in_claims": row.adm0_a3 in in_claims,
        "geometry": row.geometry}
        for _, row in drawn[drawn.adm0_a3.isin(mentioned | in_claims)].iterrows()]

    border_rows = [{**{c: getattr(row, c) for c in LAYER_COLUMNS["borders"]},
                    "geometry": row.geometry} for row in _borders_referred_to(analysis.verdicts)]

    regions = [t for t in targets if isinstance(t, RegionTarget)]
    regions += [region for region, _, _ in analysis.named_regions]
    region_rows = [{"label": r.describe(), "area": r.area, "adm0_a3": r.country_codes[0],
                    "part": r.part,
                    "cut": _cut_description(r), "geometry": r.shape}
                   for r in dict.fromkeys(regions)]

    claim_rows = []
    for index, (found, verdict) in enumerate(zip(analysis.found_claims, analysis.verdicts,
                                                 strict=True), start=1):
        detail = verdict.to_dict()
        tolerance = detail["tolerance_km"] or {}
        start, end = analysis.article.to_original(found.start, found.end)
        claim_rows.append({
            "claim": index, "relation": detail["relation"], "statement": detail["claim"],
            "label": verdict.label,
            "subject": detail["subject"], "reference": detail["reference"],
            "claimed": _claimed_text(verdict), "claimed_km": detail["claimed_km"],
            "measured_km": detail["measured_km"],
            "tolerance_below_km": tolerance.get("below_km"),
            "tolerance_above_km": tolerance.get("above_km"),
            "deviation_km": detail["deviation_km"], "bearing_deg": detail["bearing_deg"],
            "grade": detail["grade"], "verdict": detail["verdict"], "reason": detail["reason"],
            "sentence": found.sentence.text, "text_start": start, "text_end": end,
            "geometry": verdict.measurement.path})

    return {"places": _frame("places", place_rows),
            "countries": _frame("countries", country_rows),
            "borders": _frame("borders", border_rows),
            "regions": _frame("regions", region_rows),
            "claims": _frame("claims", claim_rows)}


def measured_claims(claims: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The claims that have a measured line to draw."""
    return claims[claims.geometry.notna() & ~claims.geometry.is_empty]


# Bottom to top, so that points stay clickable above lines above areas.
EXPLORE_ORDER = ("countries", "regions", "borders", "claims", "places")


def explore(layers: dict[str, gpd.GeoDataFrame], **options):
    """Every layer that has features on one folium map by geopandas' `explore`, each a layer
    of its own; `options` go to the first call (tiles, width, ...)."""
    import folium

    page = None
    for name in EXPLORE_ORDER:
        frame = measured_claims(layers[name]) if name == "claims" else layers[name]
        if frame.empty:
            continue
        page = frame.explore(m=page, name=name, **(options if page is None else {}))
    if page is None:
        return folium.Map(**options)
    folium.LayerControl().add_to(page)
    return page


def _borders_referred_to(verdicts) -> list:
    """The border lines the claims measured against: a named border, or for "the border"
    unqualified the one of the country's borders the measurement found nearest."""
    found: dict[tuple, object] = {}
    for verdict in verdicts:
        target, nearest = verdict.claim.reference, verdict.measurement.nearest
        if isinstance(target, BorderTarget):
            row = base_layers.border(target.a_adm0_a3, target.b_adm0_a3)
        elif isinstance(target, CountryBordersTarget) and nearest is not None:
            own = base_layers.borders_of(target.adm0_a3)
            point = shapely.Point(nearest[1], nearest[0])
            row = own[int(shapely.distance([b.geometry for b in own], point).argmin())]
        else:
            continue
        found.setdefault((row.a_adm0_a3, row.b_adm0_a3), row)
    return list(found.values())


def _adm0(iso_a2: str | None) -> str | None:
    try:
        return base_layers.adm0_a3(iso_a2) if iso_a2 else None
    except base_layers.UnknownCountry:
        return None


def _cut_description(region: RegionTarget) -> str:
    if region.part == "C":
        return "the middle half of the whole both north-south and east-west, by area"
    return ("the part beyond the parallel or meridian that divides the whole's area in half"
            f"; its edge is uncertain by {region.uncertainty_km:,.0f} km")


def write_layers(layers: dict[str, gpd.GeoDataFrame], out_dir: Path,
                 formats=frozenset({"gpkg", "geojson"})) -> list[Path]:
    """One GeoPackage (a table per layer, and QGIS's styles for them: geo.qgis_styles) and
    one GeoJSON per layer (RFC 7946), as `formats` asks; every file atomic."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if "gpkg" in formats:
        gpkg = out_dir / "layers.gpkg"
        with atomic_path(gpkg) as tmp:
            tmp.unlink()
            for name, frame in layers.items():
                pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG",
                                        append=tmp.exists())
            styles = layer_styles(list(layers), _geometry_column(tmp), FIXED_TIMESTAMP)
            pyogrio.write_dataframe(styles, tmp, layer="layer_styles", driver="GPKG",
                                    append=True)
            _fix_timestamps(tmp)
        written.append(gpkg)
    if "geojson" in formats:
        for name, frame in layers.items():
            path = out_dir / f"{name}.geojson"
            with atomic_path(path) as tmp:
                tmp.unlink()
                # GDAL's RFC 7946 mode winds outer rings counter-clockwise, cuts lines and
                # polygons at the antimeridian (a claim line from Fiji to Samoa reaches 188
                # degrees unwrapped) and writes no "crs" member.
                pyogrio.write_dataframe(frame.to_crs("EPSG:4326"), tmp, layer=name,
                                        driver="GeoJSON", RFC7946="YES",
                                        COORDINATE_PRECISION=GEOJSON_DECIMALS)
            written.append(path)
    return written


def _geometry_column(gpkg: Path) -> str:
    """The name GDAL gave the geometry columns (the same for every layer it wrote)."""
    db = sqlite3.connect(gpkg)
    try:
        return db.execute("SELECT column_name FROM gpkg_geometry_columns").fetchone()[0]
    finally:
        db.close()


def _fix_timestamps(gpkg: Path) -> None:
    """Put FIXED_TIMESTAMP where GDAL wrote the time of writing into the finished GeoPackage.

    GDAL's one switch for that time is the configuration option OGR_CURRENT_DATE, and pyogrio
    sets configuration options for the whole process only (`set_gdal_config_options`; the GPKG
    driver has no dataset or layer creation option for it): setting it dated every GeoPackage
    the user's program wrote afterwards 2000-01-01 (issue 12). So the file is written as usual
    and then edited with sqlite3, which touches nothing but this file, before it is moved into
    place. The only time GDAL records in the tables geo writes is the GeoPackage spec's
    `gpkg_contents.last_change`, one per layer (gpkg_metadata_reference.timestamp would be
    another, but geo writes no metadata, so GDAL creates no such table).
    """
    db = sqlite3.connect(gpkg)
    try:
        with db:  # one transaction: committed on leaving, rolled back on an error
            db.execute("UPDATE gpkg_contents SET last_change = ?", (FIXED_TIMESTAMP,))
    finally:
        db.close()  # before the file is moved: no handle or journal left behind
    _fix_change_counter(gpkg)


# SQLite's header counts the transactions that wrote the file (offset 24) and repeats the count
# where it says for which one the header's page count holds (offset 92). GDAL writes the same
# tables in 44 or 45 transactions from run to run (seen in CI), so the count is set to one fixed
# value, the same at both places, which keeps the page count valid; nothing else reads it once
# every connection is closed.
_CHANGE_COUNTER_OFFSETS = (24, 92)
FIXED_CHANGE_COUNTER = 1


def _fix_change_counter(gpkg: Path) -> None:
    with gpkg.open("r+b") as file:
        for offset in _CHANGE_COUNTER_OFFSETS:
            file.seek(offset)
            file.write(FIXED_CHANGE_COUNTER.to_bytes(4, "big"))
