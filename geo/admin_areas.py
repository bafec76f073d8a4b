"""Areas below a country that geo has polygons for: US states and counties.

The lines are the US Census Bureau's (2017 cartographic boundaries, public domain) as
redistributed by us-atlas, built into layers/base/ by scripts/build_us_layers.py. States are
merged from the counties there, so a state line and the county lines along it are the same
arcs, and two neighbours share their boundary vertex for vertex.

An area is known by a key: "US-39" for a state (its FIPS code), "US-39035" for a county.
A gazetteer place (a US admin-1 or admin-2 unit) finds its polygon by name within its state.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from geo.base_layers import LAND_BETWEEN_DEG, attributes, geometries

KEY_PREFIX = "US-"
COUNTRY = "USA"  # the Natural Earth ADM0_A3 of every area here
COUNTRY_ISO2 = "US"  # ... and the gazetteer's code for it
# us-atlas simplifies for maps at 1:10,000,000: a line is good to a couple of kilometres.
US_ATLAS_UNCERTAINTY_KM = 2.0
# GeoNames calls a county "Dawson County", "Orleans Parish" or "City of Baltimore"; the Census
# files say "Dawson", "Orleans", "Baltimore".
# The Census numbers a state's independent cities (Virginia's, Baltimore, St. Louis, Carson
# City) from 510, after its counties.
INDEPENDENT_CITIES_FROM = 510
_COUNTY_WORDS = re.compile(
    r"^city of\s+|\s+(?:county|parish|borough|census area|city and borough|municipality)$")


@dataclass(frozen=True)
class AdminArea:
    key: str
    name: str
    state: str | None  # a county's state; None for a state
    area_km2: float
    row: int  # in us_states.parquet for a state, us_counties.parquet for a county

    @property
    def geometry(self):
        return geometries("us_counties" if self.state else "us_states")[self.row]

    def describe(self) -> str:
        return f"{self.name}, {self.state}" if self.state else self.name


def is_key(key: str) -> bool:
    return isinstance(key, str) and key.startswith(KEY_PREFIX)


def is_state(key: str) -> bool:
    return is_key(key) and len(key) == len(KEY_PREFIX) + 2


def state_key_of(key: str) -> str:
    """The key of a state, or of the state a county is in: its FIPS code's first two digits."""
    return key[:len(KEY_PREFIX) + 2]


@cache
def _rows_by_fips(layer: str) -> dict[str, int]:
    return {fips: row for row, fips in enumerate(attributes(layer)["fips"])}


@cache
def area(key: str) -> AdminArea:
    """The state or county a key names; KeyError for any other key."""
    fips = key.removeprefix(KEY_PREFIX) if is_key(key) else ""
    layer = {2: "us_states", 5: "us_counties"}.get(len(fips))
    row = _rows_by_fips(layer).get(fips) if layer else None
    if row is None:
        raise KeyError(f"no US state or county {key!r}")
    columns = attributes(layer)
    state = columns["state_name"][row] if layer == "us_counties" else None
    return AdminArea(key, columns["name"][row], state, float(columns["area_km2"][row]), row)


def _normal(name: str) -> str:
    name = re.sub(r"\bsainte\b", "ste", re.sub(r"\bsaint\b", "st", name.lower()))
    return re.sub(r"[^a-z0-9]", "", _COUNTY_WORDS.sub("", name.strip()))


@cache
def _state_keys() -> dict[str, str]:
    states = attributes("us_states")
    return {_normal(name): KEY_PREFIX + fips
            for fips, name in zip(states["fips"], states["name"], strict=True)}


@cache
def _county_keys() -> dict[tuple[str, str], list[int]]:
    """(state, county) names, normalised, to the rows of the counties with that name (Baltimore
    the county and Baltimore the independent city are both "Baltimore", Maryland)."""
    keys: dict[tuple[str, str], list[int]] = {}
    counties = attributes("us_counties")
    for row, (state, name) in enumerate(zip(counties["state_name"], counties["name"],
                                            strict=True)):
        keys.setdefault((_normal(state), _normal(name)), []).append(row)
    return keys


def key_for(place) -> str | None:
    """The key of a gazetteer place's polygon: a US state or county; None for anything else
    or a unit the Census files do not hold (Connecticut's planning regions of 2022)."""
    if getattr(place, "country_code", None) != COUNTRY_ISO2 or place.kind not in ("admin1",
                                                                                  "admin2"):
        return None
    if place.kind == "admin1":
        return _state_keys().get(_normal(place.name))
    rows = _county_keys().get((_normal(place.admin1 or ""), _normal(place.name)), [])
    if not rows:
        return None
    fips = attributes("us_counties")["fips"]
    if len(rows) > 1 and place.name.lower().endswith(" county"):
        # Roanoke County, not the independent city of Roanoke that it surrounds, whose
        # outline holds the county's point: such cities are numbered from 510 in their state
        rows = [row for row in rows if int(fips[row][2:]) < INDEPENDENT_CITIES_FROM] or rows
    if len(rows) > 1 and place.lat is not None:  # the one whose outline is nearest the point
        import shapely

        point = shapely.Point(place.lon, place.lat)
        outlines = geometries("us_counties")
        rows = sorted(rows, key=lambda row: outlines[row].distance(point))
    return KEY_PREFIX + fips[rows[0]]


def county_holding(town) -> str | None:
    """The key of the county a US town lies in, by its gazetteer codes."""
    if getattr(town, "country_code", None) != COUNTRY_ISO2 or not town.admin2:
        return None
    return key_for(dataclasses.replace(town, kind="admin2", name=town.admin2))


def state_of(place) -> str | None:
    """The key of the US state a gazetteer place is, or lies in."""
    if getattr(place, "country_code", None) != "US":
        return None
    if place.kind == "admin1":
        return key_for(place)
    return _state_keys().get(_normal(place.admin1 or ""))


@cache
def _state_tree():
    import shapely

    return shapely.STRtree(geometries("us_states"))


# A gazetteer point on the coast may fall just off an outline cut at the shore.
SHORE_SNAP_DEG = 0.05


def state_at(lat: float, lon: float) -> str | None:
    """The key of the state containing a point (or within SHORE_SNAP_DEG of it), or None."""
    import shapely

    point = shapely.Point(lon, lat)
    hits = _state_tree().query(point, predicate="intersects")
    if not len(hits):
        hits = _state_tree().query_nearest(point, max_distance=SHORE_SNAP_DEG)
    return KEY_PREFIX + attributes("us_states")["fips"][int(min(hits))] if len(hits) else None


def shared_boundary(key_a: str, key_b: str):
    """The line two areas share (empty when they do not touch along a line)."""
    return _shared_boundary(*sorted((key_a, key_b)))


@cache
def _shared_boundary(key_a: str, key_b: str):
    import shapely

    if key_a == key_b:
        return shapely.MultiLineString()
    shared = shapely.intersection(area(key_a).geometry.boundary, area(key_b).geometry.boundary)
    lines = [part for part in shapely.get_parts(shared)
             if shapely.get_type_id(part) in (1, 5)]  # LineString, MultiLineString
    return shapely.line_merge(shapely.union_all(lines)) if lines else shapely.MultiLineString()


@cache
def neighbouring_states(state_key: str) -> tuple[str, ...]:
    """The keys of the states that share a line with a state."""
    fips = attributes("us_states")["fips"]
    touching = _state_tree().query(area(state_key).geometry, predicate="intersects")
    return tuple(key for key in (KEY_PREFIX + fips[int(row)] for row in touching)
                 if key != state_key and not shared_boundary(state_key, key).is_empty)


@cache
def state_lines(state_key: str):
    """The lines a US state shares with the other states: "the state line", unqualified."""
    import shapely

    lines = [shared_boundary(state_key, other) for other in neighbouring_states(state_key)]
    return shapely.line_merge(shapely.union_all(lines)) if lines else shapely.MultiLineString()


# The Census outlines and Natural Earth's border are drawn apart, a few km off each other: a
# state's stretch of the national border is what lies within 0.1 deg of its outline (11 km
# north-south, 9 east-west at the Mexican border), with room to spare. A county's, within 0.02
# deg: the border counties' outlines lie within 1 km of the line (Cochise, Imperial, Luna 0.6
# km; Doña Ana 0.9), the nearest counties that do not reach it 2.5 km and more (Dimmit 2.5,
# Culberson 5.9, Grant 9.6).
STATE_EDGE_DEG = 0.1
COUNTY_EDGE_DEG = 0.02


@cache
def border_along(state_key: str, adm0_a3: str):
    """The stretch of the US land border with a country along one state (or county): "the
    Texas-Mexico border" (empty where the state does not reach it)."""
    import shapely

    from geo import base_layers

    try:
        border = base_layers.border(COUNTRY, adm0_a3).geometry
    except base_layers.NoSharedBorder:
        return shapely.MultiLineString()
    edge = STATE_EDGE_DEG if is_state(state_key) else COUNTY_EDGE_DEG
    along = shapely.intersection(border, shapely.buffer(area(state_key).geometry, edge))
    return shapely.line_merge(along) if not along.is_empty else shapely.MultiLineString()


def water_gap_to_country_km(key: str, adm0_a3: str) -> float | None:
    """The geodesic distance from an area's outline to a country's, where no other state's or
    county's land lies between (San Juan County, Washington, across Haro Strait from Canada;
    Ashtabula County across Lake Erie): the Census outlines stop at the shore, where a county's
    own line runs on to the border. None where land lies between."""
    import shapely

    from geo import base_layers
    from geo.geodesy import GEOD

    line = shapely.shortest_line(area(key).geometry, base_layers.country(adm0_a3).geometry)
    if _land_on(line, {key[len(KEY_PREFIX):]}):
        return None
    return float(GEOD.geometry_length(line)) / 1000


def border_along_km(state_key: str, adm0_a3: str) -> float:
    from geo.geodesy import GEOD

    return float(GEOD.geometry_length(border_along(state_key, adm0_a3))) / 1000


def shared_boundary_km(key_a: str, key_b: str) -> float:
    from geo.geodesy import GEOD

    return float(GEOD.geometry_length(shared_boundary(key_a, key_b))) / 1000




def land_between(key_a: str, key_b: str) -> bool:
    """Whether another state's or county's land lies on the shortest line between two areas'
    outlines: Oregon and Utah (Idaho and Nevada between), two counties with a third between.
    Where none does, the gap is water (Lake Michigan between Michigan and Illinois), where the
    Census outlines stop at the shore and the two may meet."""
    import shapely

    line = shapely.shortest_line(area(key_a).geometry, area(key_b).geometry)
    return _land_on(line, {key[len(KEY_PREFIX):] for key in (key_a, key_b)})


def _land_on(line, own: set[str]) -> bool:
    """Whether a county other than those of `own` (FIPS codes of states or counties) holds a
    stretch of the line."""
    import shapely

    fips = attributes("us_counties")["fips"]
    counties = geometries("us_counties")
    for row in _county_tree().query(line, predicate="intersects"):
        code = fips[int(row)]
        if code in own or code[:2] in own:  # one of the two, or a county of one of them
            continue
        if shapely.intersection(line, counties[int(row)]).length > LAND_BETWEEN_DEG:
            return True
    return False


@cache
def _county_tree():
    import shapely

    return shapely.STRtree(geometries("us_counties"))


def gap_km(key_a: str, key_b: str) -> float:
    """The geodesic distance between two areas' outlines (0 where they touch)."""
    import shapely

    from geo.geodesy import GEOD

    line = shapely.shortest_line(area(key_a).geometry, area(key_b).geometry)
    return float(GEOD.geometry_length(line)) / 1000
