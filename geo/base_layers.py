"""The base layers geo ships: Natural Earth countries and their shared land borders.

Built by scripts/build_base_layers.py into layers/base/. Countries at 1:10m are for measuring,
at 1:50m for drawing. Codes accept ISO alpha-3, ISO alpha-2 or Natural Earth's ADM0_A3.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import pandas as pd
import shapely

from geo.data import layers_dir

BASE_DIR = layers_dir() / "base"


class UnknownCountry(LookupError):
    pass


class NoSharedBorder(LookupError):
    pass


@cache
def countries(resolution: str = "10m") -> gpd.GeoDataFrame:
    if resolution not in ("10m", "50m"):
        raise ValueError(f"resolution must be '10m' or '50m', not {resolution!r}")
    return gpd.read_parquet(BASE_DIR / f"countries_{resolution}.parquet")


@cache
def borders() -> gpd.GeoDataFrame:
    return gpd.read_parquet(BASE_DIR / "borders_10m.parquet")


@cache
def _code_index() -> dict[str, int]:
    """Every accepted code, upper-cased, to its row in countries('10m')."""
    frame = countries("10m")
    index: dict[str, int] = {}
    for row, (adm0, a2, a3, primary) in enumerate(
        frame[["adm0_a3", "iso_a2", "iso_a3", "is_primary"]].itertuples(index=False)
    ):
        index.setdefault(adm0, row)
        if primary:
            index[a3] = row
            index[a2] = row
    return index


def country(code: str) -> pd.Series:
    """The country row (10m) for an ISO alpha-3, alpha-2 or Natural Earth ADM0_A3 code."""
    return _country_row(_row_of(code))


def adm0_a3(code: str) -> str:
    """Natural Earth's ADM0_A3, the key of every layer, for any accepted code: a plain lookup,
    as claims ask for it per sentence."""
    return _adm0_codes()[_row_of(code)]


def _row_of(code: str) -> int:
    row = _code_index().get(code.strip().upper()) if isinstance(code, str) else None
    if row is None:
        raise UnknownCountry(f"unknown country code {code!r}")
    return row


@cache
def _adm0_codes() -> list[str]:
    return countries("10m").adm0_a3.tolist()


# Articles ask for the same few rows thousands of times; a pandas row costs a fraction of a
# millisecond to cut out of the frame, so each is cut once. Callers only read them.
@cache
def _country_row(row: int) -> pd.Series:
    return countries("10m").iloc[row]


@cache
def _border_index() -> dict[frozenset[str], int]:
    """The row of borders() for each pair of ADM0_A3 codes that share one."""
    frame = borders()
    return {frozenset(pair): row for row, pair in enumerate(zip(
        frame.a_adm0_a3, frame.b_adm0_a3, strict=True))}


@cache
def _border_row(row: int) -> pd.Series:
    return borders().iloc[row]


def border(code_a: str, code_b: str) -> pd.Series:
    """The shared land border of two countries, as a row of borders()."""
    a, b = adm0_a3(code_a), adm0_a3(code_b)
    row = _border_index().get(frozenset((a, b)))
    if row is None or a == b:
        raise NoSharedBorder(f"{code_a.upper()} and {code_b.upper()} share no land border")
    return _border_row(row)


def land_borders(code: str) -> shapely.Geometry:
    """All the land borders of a country as one geometry (empty for an island country)."""
    adm0 = adm0_a3(code)
    frame = borders()
    lines = frame[(frame.a_adm0_a3 == adm0) | (frame.b_adm0_a3 == adm0)].geometry.values
    return shapely.union_all(lines) if len(lines) else shapely.MultiLineString()


def shared_border_km(code_a: str, code_b: str) -> float:
    """Length of the land border two countries share; 0 when they are not neighbours."""
    try:
        return float(border(code_a, code_b).length_km)
    except NoSharedBorder:
        return 0.0


@cache
def _country_tree() -> shapely.STRtree:
    return shapely.STRtree(countries("10m").geometry.values)


def country_at(lat: float, lon: float) -> pd.Series | None:
    """The country (10m) containing the point, or None at sea."""
    hits = _country_tree().query(shapely.Point(lon, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return countries("10m").iloc[int(min(hits))]
