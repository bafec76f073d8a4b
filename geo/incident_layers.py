"""Verdicts -> layers: the GIS layers of one incident, as GeoDataFrames, and their export.

Layers: places (points), countries (the countries the article names or its claims involve,
drawn from the 1:50m polygons), borders (the 1:10m border lines its claims refer to), regions
("northern Mali"), claim_lines (one geodesic per measured claim, from the subject to the
nearest point of the reference). Written as one GeoPackage with a table per layer and as one
GeoJSON file per layer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo import base_layers
from geo.atomic import atomic_path, write_text
from geo.targets import BorderTarget, CountryBordersTarget, CountryTarget, RegionTarget
from geo.verdicts import KM_PER_MILE, Verdict

LAYER_COLUMNS = {
    "places": ["id", "text", "name", "kind", "country_code", "lat", "lon", "population",
               "confidence", "mentions", "is_focus"],
    "countries": ["iso_a3", "iso_a2", "name", "mentioned", "in_claims"],
    "borders": ["a_iso_a3", "b_iso_a3", "a_name", "b_name", "length_km", "disputed",
                "indefinite"],
    "regions": ["label", "area", "adm0_a3", "part", "cut"],
    "claim_lines": ["claim", "relation", "label", "verdict", "measured_km", "claimed_km",
                    "sentence"],
}
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


def verdict_label(verdict: Verdict) -> str:
    """"claimed about 700 mi / measured 694 mi / consistent", in the claim's own unit."""
    claim, measured = verdict.claim, verdict.measured_km
    if claim.quantity is not None:
        unit = claim.quantity.to_dict()["unit"]
        factor = KM_PER_MILE if unit == "mi" else 1.852 if unit == "nmi" else 1.0
        unit = unit if unit in ("mi", "nmi") else "km"
        claimed = f"claimed {claim.quantity.describe()}"
        measured_text = "" if measured is None else f"measured {measured / factor:,.0f} {unit}"
    else:
        claimed = f"claimed {claim.describe()}"
        measured_text = "" if measured is None else f"measured {measured:,.0f} km"
    return " / ".join(p for p in (claimed, measured_text, str(verdict.status)) if p)


def build_layers(analysis) -> dict[str, gpd.GeoDataFrame]:
    focus_id = analysis.focus.place.id if analysis.focus else None
    place_rows = [{
        "id": p.place.id, "text": p.mentions[0].mention.text, "name": p.place.name,
        "kind": p.place.kind, "country_code": p.place.country_code, "lat": p.place.lat,
        "lon": p.place.lon, "population": p.place.population, "confidence": p.confidence,
        "mentions": len(p.mentions), "is_focus": p.place.id == focus_id,
        "geometry": shapely.Point(p.place.lon, p.place.lat)} for p in analysis.places]

    targets = [t for v in analysis.verdicts for t in (v.claim.subject, v.claim.reference)]
    mentioned = {_adm0(p.place.country_code) for p in analysis.places
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

    border_rows = [{**{c: row[c] for c in LAYER_COLUMNS["borders"]}, "geometry": row.geometry}
                   for row in _borders_referred_to(analysis.verdicts)]

    regions = [t for t in targets if isinstance(t, RegionTarget)]
    regions += [region for region, _, _ in analysis.regions]
    region_rows = [{"label": r.describe(), "area": r.area, "adm0_a3": r.country_codes[0],
                    "part": r.part,
                    "cut": _cut_description(r), "geometry": r.shape}
                   for r in dict.fromkeys(regions)]

    line_rows = []
    for index, (found, verdict) in enumerate(zip(analysis.claims, analysis.verdicts,
                                                 strict=True), start=1):
        path = verdict.measurement.path
        if path is None:
            continue
        line_rows.append({
            "claim": index, "relation": str(verdict.claim.relation),
            "label": verdict_label(verdict), "verdict": str(verdict.status),
            "measured_km": verdict.measured_km, "claimed_km": verdict.claimed_km,
            "sentence": found.sentence.text, "geometry": path})

    return {"places": _frame("places", place_rows),
            "countries": _frame("countries", country_rows),
            "borders": _frame("borders", border_rows),
            "regions": _frame("regions", region_rows),
            "claim_lines": _frame("claim_lines", line_rows)}


def _borders_referred_to(verdicts) -> list:
    """The border lines the claims measured against: a named border, or for "the border"
    unqualified the one of the country's borders the measurement found nearest."""
    found: dict[tuple, object] = {}
    for verdict in verdicts:
        target, nearest = verdict.claim.reference, verdict.measurement.nearest
        if isinstance(target, BorderTarget):
            row = base_layers.border(target.a_adm0_a3, target.b_adm0_a3)
        elif isinstance(target, CountryBordersTarget) and nearest is not None:
            frame = base_layers.borders()
            own = frame[(frame.a_adm0_a3 == target.adm0_a3)
                        | (frame.b_adm0_a3 == target.adm0_a3)]
            point = shapely.Point(nearest[1], nearest[0])
            row = own.iloc[int(shapely.distance(own.geometry.values, point).argmin())]
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


def write_layers(layers: dict[str, gpd.GeoDataFrame], out_dir: Path) -> list[Path]:
    """One GeoPackage (a table per layer) and one GeoJSON per layer; every file atomic."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    gpkg = out_dir / "layers.gpkg"
    with atomic_path(gpkg) as tmp:
        tmp.unlink()
        for name, frame in layers.items():
            pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG", append=tmp.exists())
        _fix_timestamps(tmp)
    written.append(gpkg)
    for name, frame in layers.items():
        path = out_dir / f"{name}.geojson"
        write_text(path, frame.to_json(drop_id=True, to_wgs84=True, indent=1) + "\n")
        written.append(path)
    return written


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
