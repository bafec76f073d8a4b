"""The base layers geo ships: Natural Earth countries and their shared land borders.

Built by scripts/build_base_layers.py into layers/base/. Countries at 1:10m are for measuring,
at 1:50m for drawing. Codes accept ISO alpha-3, ISO alpha-2 or Natural Earth's ADM0_A3.

Lookups read the layers' attributes from attributes.json and load outlines (zlib-compressed
WKB, read with numpy and shapely; no pandas or pyarrow) only when asked for one: most articles
need codes and names, not geometry.
`countries()` and `borders()` give the whole layers as GeoDataFrames, for drawing.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import zlib
from dataclasses import dataclass
from functools import cache

from geo.data import layers_dir

BASE_DIR = layers_dir() / "base"


class UnknownCountry(LookupError):
    pass


class NoSharedBorder(LookupError):
    pass


def attributes(layer: str) -> dict[str, list]:
    """A base layer's columns but its geometry, each a list in the parquet file's row order."""
    return _attribute_file()[layer]


@cache
def _attribute_file() -> dict[str, dict[str, list]]:
    with open(BASE_DIR / "attributes.json", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def geometries(layer: str):
    """A base layer's outlines, a numpy array of shapely geometries in row order, from its
    outline file (scripts/build_layer_attributes.py): no pyarrow, which costs 100 MiB."""
    import numpy as np
    import shapely

    data = zlib.decompress((BASE_DIR / f"{layer}.wkb.zlib").read_bytes())
    rows = int(np.frombuffer(data, dtype="<u8", count=1)[0])
    offsets = np.frombuffer(data, dtype="<i8", count=rows + 1, offset=8).tolist()
    wkb = memoryview(data)[8 * (rows + 2):]
    return shapely.from_wkb([bytes(wkb[a:b]) for a, b in itertools.pairwise(offsets)])


def _records(layer: str, record_type) -> list:
    columns = attributes(layer)
    names = [field.name for field in dataclasses.fields(record_type) if field.name != "row"]
    return [record_type(row, *values)
            for row, values in enumerate(zip(*(columns[n] for n in names), strict=True))]


@dataclass(frozen=True)
class Country:
    """A country of the 1:10m layer; `row` is its row in countries('10m')."""

    row: int
    adm0_a3: str
    iso_a2: str | None
    iso_a3: str | None
    name: str
    name_long: str
    area_km2: float
    sovereign_a3: str
    ne_type: str  # "Sovereign country", "Country", "Dependency", "Disputed", "Indeterminate"...

    @property
    def geometry(self):
        return geometries("countries_10m")[self.row]

    def belongs_with(self, other: Country) -> bool:
        """Whether a place in this unit may fairly be said to be in `other`: they have one
        sovereign (Hong Kong and China, Greenland and Denmark), or either's status is
        disputed (Western Sahara, Palestine, Kosovo)."""
        return (self.sovereign_a3 == other.sovereign_a3
                or bool({self.ne_type, other.ne_type} & {"Disputed", "Indeterminate"}))


@dataclass(frozen=True)
class Border:
    """A land border two countries share; `row` is its row in borders()."""

    row: int
    a_adm0_a3: str
    b_adm0_a3: str
    a_iso_a3: str | None
    b_iso_a3: str | None
    a_name: str
    b_name: str
    length_km: float
    disputed: bool
    indefinite: bool

    @property
    def geometry(self):
        return geometries("borders_10m")[self.row]


@cache
def countries(resolution: str = "10m"):
    """The countries layer as a GeoDataFrame."""
    if resolution not in ("10m", "50m"):
        raise ValueError(f"resolution must be '10m' or '50m', not {resolution!r}")
    import geopandas as gpd

    return gpd.read_parquet(BASE_DIR / f"countries_{resolution}.parquet")


@cache
def borders():
    """The shared land borders as a GeoDataFrame."""
    import geopandas as gpd

    return gpd.read_parquet(BASE_DIR / "borders_10m.parquet")


@cache
def _countries() -> list[Country]:
    return _records("countries_10m", Country)


@cache
def _code_index() -> dict[str, Country]:
    """Every accepted code, upper-cased, to its country."""
    index: dict[str, Country] = {}
    primary = attributes("countries_10m")["is_primary"]
    for found, is_primary in zip(_countries(), primary, strict=True):
        index.setdefault(found.adm0_a3, found)
        if is_primary:
            index[found.iso_a3] = found
            index[found.iso_a2] = found
    return index


def country(code: str) -> Country:
    """The country (10m) for an ISO alpha-3, alpha-2 or Natural Earth ADM0_A3 code."""
    found = _code_index().get(code.strip().upper()) if isinstance(code, str) else None
    if found is None:
        raise UnknownCountry(f"unknown country code {code!r}")
    return found


def adm0_a3(code: str) -> str:
    """Natural Earth's ADM0_A3, the key of every layer, for any accepted code."""
    return country(code).adm0_a3


@cache
def _border_index() -> dict[frozenset[str], Border]:
    return {frozenset((b.a_adm0_a3, b.b_adm0_a3)): b for b in _records("borders_10m", Border)}


def border(code_a: str, code_b: str) -> Border:
    """The shared land border of two countries."""
    a, b = adm0_a3(code_a), adm0_a3(code_b)
    found = _border_index().get(frozenset((a, b)))
    if found is None or a == b:
        raise NoSharedBorder(f"{code_a.upper()} and {code_b.upper()} share no land border")
    return found


def borders_of(code: str) -> list[Border]:
    """Every land border of a country (none for an island country)."""
    adm0 = adm0_a3(code)
    return [b for pair, b in _border_index().items() if adm0 in pair]


def land_borders(code: str):
    """All the land borders of a country as one geometry (empty for an island country)."""
    import shapely

    lines = [b.geometry for b in borders_of(code)]
    return shapely.union_all(lines) if lines else shapely.MultiLineString()


# Less land than this on the shortest line between two areas (about 100 m) is a corner it
# grazes, not land lying between them.
LAND_BETWEEN_DEG = 0.001


def water_gap_km(code_a: str, code_b: str) -> float | None:
    """The geodesic distance between two countries' 1:10m outlines, when only water lies on
    the shortest line between them (Malaysia and Singapore); None where a third country's land
    does (Mongolia and Kazakhstan, with Russia and China between)."""
    import shapely

    from geo.geodesy import GEOD

    a, b = country(code_a), country(code_b)
    line = shapely.shortest_line(a.geometry, b.geometry)
    others = _countries()
    for row in _country_tree().query(line, predicate="intersects"):
        other = others[int(row)]
        if other.adm0_a3 not in (a.adm0_a3, b.adm0_a3) \
                and shapely.intersection(line, other.geometry).length > LAND_BETWEEN_DEG:
            return None
    return float(GEOD.geometry_length(line)) / 1000


def shared_border_km(code_a: str, code_b: str) -> float:
    """Length of the land border two countries share; 0 when they are not neighbours."""
    try:
        return border(code_a, code_b).length_km
    except NoSharedBorder:
        return 0.0


@cache
def _country_tree():
    import shapely

    return shapely.STRtree(geometries("countries_10m"))


# The longest degree of latitude (at the poles), so that a distance in degrees converted with
# it is never longer on the ground than asked: a degree of longitude is shorter still.
KM_PER_DEGREE = 111.7


def country_at(lat: float, lon: float, within_km: float = 0.0) -> Country | None:
    """The country (10m) containing the point, or None at sea; with `within_km`, the nearest
    country within that distance of a point at sea."""
    import shapely

    point = shapely.Point(lon, lat)
    hits = _country_tree().query(point, predicate="intersects")
    if not len(hits) and within_km > 0:
        hits = _country_tree().query_nearest(point, max_distance=within_km / KM_PER_DEGREE)
    return _countries()[int(min(hits))] if len(hits) else None
