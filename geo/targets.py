"""The things a claim relates: points, countries and borders, each located on the base layers."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo import admin_areas, base_layers, regions

if TYPE_CHECKING:
    import shapely

# Natural Earth 1:10m lines are digitised at a scale where a line's position is good to about
# a kilometre; a measurement to one cannot be trusted more closely than that.
NATURAL_EARTH_10M_UNCERTAINTY_KM = 1.0
# A town's gazetteer point on the shore may fall just off the 1:10m coastline (Ventimiglia's
# lies 200 m out to sea): it is in the country whose coast is this close.
COASTAL_REACH_KM = 5.0


class TargetError(ValueError):
    """A subject or reference that cannot be read or located."""


@dataclass(frozen=True)
class PointTarget:
    """A point. `within` are the keys (AdminUnitTarget.key) of the admin units the gazetteer
    puts the place in ("AF/Nangarhār"), for the subject of a claim that it lies in one;
    `country` the Natural Earth code of the country it puts the place in, when it is a
    gazetteer place."""

    lat: float
    lon: float
    label: str = ""
    uncertainty_km: float = 0.0
    within: tuple[str, ...] = ()
    country: str | None = None

    def __post_init__(self):
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise TargetError(f"coordinates out of range: {self.lat} {self.lon}")

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def shape(self) -> shapely.Geometry:
        import shapely  # the outlines' library loads when a claim is measured, not before

        return shapely.Point(self.lon, self.lat)

    @property
    def country_codes(self) -> tuple[str, ...]:
        """The gazetteer's country of the place; for a bare point, the country it lies in (the
        1:10m outlines load for that)."""
        if self.country is not None:
            return (self.country,)
        found = base_layers.country_at(self.lat, self.lon, within_km=COASTAL_REACH_KM)
        return () if found is None else (found.adm0_a3,)

    def describe(self) -> str:
        return self.label or f"{self.lat:.5f} {self.lon:.5f}"


@dataclass(frozen=True)
class _OfOneCountry:
    """A target drawn from one country's Natural Earth 1:10m data."""

    adm0_a3: str
    label: str = ""
    uncertainty_km: float = NATURAL_EARTH_10M_UNCERTAINTY_KM

    point = None

    @property
    def country_codes(self) -> tuple[str, ...]:
        return (self.adm0_a3,)


@dataclass(frozen=True)
class CountryTarget(_OfOneCountry):
    @property
    def area(self) -> str:
        """The key of the area, as for a US state (AdminAreaTarget.area)."""
        return self.adm0_a3

    @property
    def shape(self) -> shapely.Geometry:
        return base_layers.country(self.adm0_a3).geometry

    def describe(self) -> str:
        return self.label or base_layers.country(self.adm0_a3).name


@dataclass(frozen=True)
class BorderTarget:
    a_adm0_a3: str
    b_adm0_a3: str
    label: str = ""
    uncertainty_km: float = NATURAL_EARTH_10M_UNCERTAINTY_KM

    point = None

    @property
    def shape(self) -> shapely.Geometry:
        return base_layers.border(self.a_adm0_a3, self.b_adm0_a3).geometry

    @property
    def country_codes(self) -> tuple[str, ...]:
        return (self.a_adm0_a3, self.b_adm0_a3)

    def describe(self) -> str:
        if self.label:
            return self.label
        a, b = (base_layers.country(c).name for c in self.country_codes)
        return f"{a}-{b} border"


@dataclass(frozen=True)
class CountryBordersTarget(_OfOneCountry):
    """"The border", unqualified: whichever land border of a country is nearest."""

    @property
    def shape(self) -> shapely.Geometry:
        return base_layers.land_borders(self.adm0_a3)

    def describe(self) -> str:
        return self.label or f"a land border of {base_layers.country(self.adm0_a3).name}"


class _OnTheCensusLines:
    """A target drawn on the Census Bureau's outlines (geo.admin_areas): in the US, and a line
    or an area, no point."""

    point = None
    country_codes = (admin_areas.COUNTRY,)


@dataclass(frozen=True)
class StateLinesTarget(_OnTheCensusLines):
    """"The state line", unqualified: whichever of a US state's lines with another state is
    nearest."""

    state: str  # its key in geo.admin_areas
    label: str = ""
    uncertainty_km: float = admin_areas.US_ATLAS_UNCERTAINTY_KM

    @property
    def shape(self) -> shapely.Geometry:
        return admin_areas.state_lines(self.state)

    def describe(self) -> str:
        return self.label or f"a line of {admin_areas.area(self.state).name} with another state"


@dataclass(frozen=True)
class AdminAreaTarget(_OnTheCensusLines):
    """A US state or county, on the Census Bureau's lines (geo.admin_areas)."""

    area: str  # its key in geo.admin_areas
    label: str = ""
    uncertainty_km: float = admin_areas.US_ATLAS_UNCERTAINTY_KM

    @property
    def shape(self) -> shapely.Geometry:
        return admin_areas.area(self.area).geometry

    def describe(self) -> str:
        return self.label or admin_areas.area(self.area).describe()


def is_county(target) -> bool:
    """Whether a target is a US county (or parish, borough), not a state nor anything else."""
    return isinstance(target, AdminAreaTarget) and not admin_areas.is_state(target.area)


def alike(a, b) -> bool:
    """Two areas of one kind: countries, US states, or US counties."""
    if isinstance(a, CountryTarget) and isinstance(b, CountryTarget):
        return True
    return (isinstance(a, AdminAreaTarget) and isinstance(b, AdminAreaTarget)
            and is_county(a) == is_county(b))


@dataclass(frozen=True)
class AdminBorderTarget(_OnTheCensusLines):
    """The line two US states (or counties) share: "near the New York border"."""

    a_key: str
    b_key: str
    label: str = ""
    uncertainty_km: float = admin_areas.US_ATLAS_UNCERTAINTY_KM

    @property
    def shape(self) -> shapely.Geometry:
        return admin_areas.shared_boundary(self.a_key, self.b_key)

    def describe(self) -> str:
        a, b = (admin_areas.area(key).name for key in (self.a_key, self.b_key))
        return self.label or f"{a}-{b} border"


@dataclass(frozen=True)
class StateBorderTarget:
    """A US state's stretch of the US border with a country: "the Texas-Mexico border"."""

    state: str  # its key in geo.admin_areas
    adm0_a3: str
    label: str = ""
    uncertainty_km: float = NATURAL_EARTH_10M_UNCERTAINTY_KM  # the line is Natural Earth's

    point = None

    @property
    def shape(self) -> shapely.Geometry:
        return admin_areas.border_along(self.state, self.adm0_a3)

    @property
    def country_codes(self) -> tuple[str, ...]:
        return (admin_areas.COUNTRY, self.adm0_a3)

    def describe(self) -> str:
        state, country = admin_areas.area(self.state).name, base_layers.country(self.adm0_a3).name
        return self.label or f"{state}-{country} border"


@dataclass(frozen=True)
class RegionTarget:
    """A directional part of a country ("northern Mali") or of a US state ("southwest
    Nebraska"), cut as geo.regions describes. `area` is the country's ADM0_A3 or the state's
    key (geo.admin_areas).

    The cut is a rule, the phrase is vague: Timbuktu and Gao are "northern Mali" to everyone
    but lie a little south of the line that halves Mali. So the region's edge is uncertain
    by a share of the whole's scale (10 %: 112 km for Mali, 80 km for France, 33 km for
    Ohio)."""

    area: str
    part: str
    label: str = ""
    vagueness_share: float = 0.10

    point = None

    @property
    def uncertainty_km(self) -> float:
        return self.vagueness_share * scale_km(self) + self.whole.uncertainty_km

    @property
    def whole(self) -> CountryTarget | AdminAreaTarget:
        return (AdminAreaTarget(self.area) if admin_areas.is_key(self.area)
                else CountryTarget(self.area))

    @property
    def shape(self) -> shapely.Geometry:
        from geo.region_cuts import area_part

        return area_part(self.area, self.part)

    @property
    def country_codes(self) -> tuple[str, ...]:
        return self.whole.country_codes

    def describe(self) -> str:
        return self.label or f"{regions.PART_WORDS[self.part]} {self.whole.describe()}"


@dataclass(frozen=True)
class AdminUnitTarget:
    """A first- or second-level unit the gazetteer knows by name and code, with no outline:
    "Nangarhar province". What lies in it is read from the gazetteer's codes of the place
    (PointTarget.within); `lat`, `lon` are its gazetteer point, for the map, when known;
    `towns` the points (lat, lon) of the towns the gazetteer files under it, where a claim
    needs its extent ("Katsina, which borders Niger")."""

    country_code: str  # ISO alpha-2, as the gazetteer has it
    admin1: str
    admin2: str | None = None
    label: str = ""
    lat: float | None = None
    lon: float | None = None
    towns: tuple[tuple[float, float], ...] = field(default=(), repr=False, compare=False)

    @property
    def key(self) -> str:
        return unit_key(self.country_code, self.admin1, self.admin2)

    @property
    def uncertainty_km(self) -> float:
        return AREA_UNCERTAINTY_KM["admin2" if self.admin2 else "admin1"]

    @property
    def point(self) -> tuple[float, float] | None:
        return None if self.lat is None else (self.lat, self.lon)

    @property
    def shape(self) -> shapely.Geometry | None:
        import shapely

        return None if self.lat is None else shapely.Point(self.lon, self.lat)

    @property
    def country_codes(self) -> tuple[str, ...]:
        try:
            return (base_layers.adm0_a3(self.country_code),)
        except base_layers.UnknownCountry:
            return ()

    def describe(self) -> str:
        return self.label or self.admin2 or self.admin1


@dataclass(frozen=True)
class UnlocatedTarget:
    """Something a claim names that geo cannot put on the map, and why: the claim about it is
    unverifiable rather than dropped."""

    label: str
    reason: str
    uncertainty_km: float = 0.0

    point = None
    shape = None
    country_codes = ()

    def describe(self) -> str:
        return self.label


Target = (PointTarget | CountryTarget | BorderTarget | CountryBordersTarget | RegionTarget
          | AdminAreaTarget | AdminBorderTarget | StateBorderTarget | StateLinesTarget
          | AdminUnitTarget
          | UnlocatedTarget)
AREAS = (CountryTarget, RegionTarget, AdminAreaTarget)
BORDERS = (BorderTarget, CountryBordersTarget, AdminBorderTarget, StateBorderTarget,
           StateLinesTarget)
PlaceResolver = Callable[[str], "Target | None"]
POINT_KINDS = ("city", "airport", "facility")


def place_uncertainty_km(kind: str, population: int | None) -> float:
    """How far the thing a name means may lie from the gazetteer's point for it: a town is a
    point for an area that grows with its population (about 2 km for 10,000 people, 20 km for
    a city of a million); an airport or a plant is a point for a site a few km across."""
    if kind == "city":
        return max(1.0, min(25.0, 2.0 * ((population or 0) / 10_000) ** 0.5))
    return 2.0


# How far an admin unit may reach from its gazetteer point (the mean of its towns, or the
# registry's point): a first-level unit is typically hundreds of km across, a second-level
# one (a US county is about 40 km across) tens. Generous on purpose: a containment claim about
# a unit is then judged inconsistent only when its point lies well outside the region.
AREA_UNCERTAINTY_KM = {"admin1": 150.0, "admin2": 25.0}


def area_of(target: Target):
    """An end of an adjacency claim as two ends must not share it: its area's key, or the end
    itself where it has none (an admin unit geo has no outline of)."""
    return getattr(target, "area", target)


def point_of_area(place) -> PointTarget | None:
    """An admin unit as its gazetteer point, uncertain by the reach of such a unit; None for
    anything else or a unit the gazetteer could not place."""
    if place.kind not in AREA_UNCERTAINTY_KM or place.lat is None:
        return None
    return PointTarget(place.lat, place.lon, place.name, AREA_UNCERTAINTY_KM[place.kind],
                       country=country_of(place))


def unit_key(country_code: str, *names: str | None) -> str:
    """"AF/Nangarhār", "FR/Alsace/Bas-Rhin": a country code and the names of a unit and what
    holds it, with "%", "/" and "|" in a name written as %25, %2F and %7C (claims files join
    keys with "|"; "Obio/Akpor" is one name)."""
    return "/".join([country_code, *(name.replace("%", "%25").replace("/", "%2F")
                                     .replace("|", "%7C") for name in names if name)])


def unit_key_parts(key: str) -> list[str]:
    """The country code and names of a unit_key, unescaped; TargetError if it is none."""
    from urllib.parse import unquote

    parts = [unquote(part).strip() for part in key.split("/")]
    if not (2 <= len(parts) <= 3 and all(parts) and re.fullmatch(r"[A-Z]{2}", parts[0])):
        raise TargetError(f"an admin unit is written CC/NAME or CC/NAME/NAME, not {key!r}")
    return parts


def units_holding(place) -> tuple[str, ...]:
    """The keys of the admin units the gazetteer puts a place in (AdminUnitTarget.key)."""
    if not (place.country_code and place.admin1) or place.kind == "admin1":
        return ()
    first = unit_key(place.country_code, place.admin1)
    if place.admin2 and place.kind != "admin2":
        return (first, unit_key(place.country_code, place.admin1, place.admin2))
    return (first,)


def unit_target(place) -> AdminUnitTarget | None:
    """A gazetteer admin unit as a target known by its codes; None for any other place."""
    if place.kind == "admin1" and place.country_code:
        return AdminUnitTarget(place.country_code, place.name, None, place.name, place.lat,
                               place.lon)
    if place.kind == "admin2" and place.country_code and place.admin1:
        return AdminUnitTarget(place.country_code, place.admin1, place.name, place.name,
                               place.lat, place.lon)
    return None


def target_for(place) -> Target | None:
    """The target a gazetteer place stands for in a claim: a country's polygon, or a point.
    Admin units and regions are areas with no polygon here, so they make no target."""
    if place.kind == "country" and place.country_code:
        try:
            return CountryTarget(base_layers.adm0_a3(place.country_code), place.name)
        except base_layers.UnknownCountry:
            return None
    if place.kind in POINT_KINDS:
        return PointTarget(place.lat, place.lon, place.name,
                           place_uncertainty_km(place.kind, place.population),
                           country=country_of(place))
    return None


def country_of(place) -> str | None:
    """The Natural Earth code of the country a gazetteer place is in (from the attributes
    alone: no outline loads)."""
    try:
        return base_layers.adm0_a3(place.country_code) if place.country_code else None
    except base_layers.UnknownCountry:
        return None

_LAT_LON = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)[\s,]+([-+]?\d+(?:\.\d+)?)\s*$")


def parse_target(text: str, resolve_place: PlaceResolver | None = None) -> Target:
    """Read what `target_text` writes: `LAT LON`, `country:ISO3`, `border:ISO3/ISO3` (or
    `border:ISO3`, whichever of its land borders is nearest), `region:ISO3/northern`,
    `area:US-KEY`, `border:US-KEY/US-KEY`, `region:US-KEY/southwestern` (US states and
    counties, geo.admin_areas), `border:US-KEY/ISO3` (a state's stretch of the US border with
    a country), `border:US-KEY` (whichever of a state's lines with another state is nearest),
    `unit:CC/ADMIN1[/ADMIN2]` (an admin unit by its gazetteer names), `unlocated:WORDS` (what
    no map holds), or `place:NAME`."""
    text = (text or "").strip()
    kind, _, value = text.partition(":")
    kind, value = kind.strip().lower(), value.strip()
    try:
        if kind == "country":
            return CountryTarget(base_layers.adm0_a3(value))
        if kind == "border" and admin_areas.is_state(value):
            return StateLinesTarget(admin_areas.area(value).key)
        if kind == "border" and all(map(admin_areas.is_key, value.split("/"))):
            keys = value.split("/")
            if len(keys) != 2:
                raise TargetError(f"a border is written border:US-AA/US-BB, not {text!r}")
            return AdminBorderTarget(*(admin_areas.area(key).key for key in keys))
        if kind == "border" and admin_areas.is_key(value.split("/")[0]):
            state, _, country = value.partition("/")
            target = StateBorderTarget(admin_areas.area(state).key, base_layers.adm0_a3(country))
            if not admin_areas.is_state(target.state) or target.shape.is_empty:
                raise TargetError(f"{text!r}: not a US state's stretch of a country's border")
            return target
        if kind == "border":
            codes = [c for c in re.split(r"[/|-]", value) if c.strip()]
            if len(codes) == 1:
                return CountryBordersTarget(base_layers.adm0_a3(codes[0]))
            if len(codes) != 2:
                raise TargetError(f"a border is written border:AAA/BBB, not {text!r}")
            row = base_layers.border(*codes)
            return BorderTarget(row.a_adm0_a3, row.b_adm0_a3)
        if kind == "region":
            area, _, part = value.partition("/")
            area = (admin_areas.area(area).key if admin_areas.is_key(area)
                    else base_layers.adm0_a3(area))
            return RegionTarget(area, regions.parse_part(part))
        if kind == "area":
            return AdminAreaTarget(admin_areas.area(value).key)
        if kind == "unit":
            parts = unit_key_parts(value)
            base_layers.adm0_a3(parts[0])  # UnknownCountry for a code no country has
            return AdminUnitTarget(*parts)
    except (base_layers.UnknownCountry, base_layers.NoSharedBorder, KeyError) as err:
        raise TargetError(str(err)) from err
    if kind == "unlocated" and value:
        return UnlocatedTarget(value, "a claims file names it without a place")
    if kind == "place":
        if resolve_place is None:
            raise TargetError("place: targets need the gazetteer, which is not available")
        found = resolve_place(value)
        if found is None:
            raise TargetError(f"no place called {value!r} in the gazetteer")
        return found
    match = _LAT_LON.match(text)
    if match:
        lat, lon = float(match[1]), float(match[2])
        return PointTarget(lat, lon)
    raise TargetError(
        f"cannot read {text!r}: expected 'LAT LON', country:ISO3, border:ISO3/ISO3, "
        "region:ISO3/northern, area:US-KEY, unit:CC/ADMIN1, unlocated:WORDS or place:NAME")


def target_text(target: Target) -> str:
    """How a claims file writes `target` (parse_target reads it back); its label and
    uncertainty go in columns of their own."""
    match target:
        case PointTarget():
            return f"{target.lat:.6f} {target.lon:.6f}"
        case CountryTarget():
            return f"country:{target.adm0_a3}"
        case BorderTarget():
            return f"border:{target.a_adm0_a3}/{target.b_adm0_a3}"
        case CountryBordersTarget():
            return f"border:{target.adm0_a3}"
        case AdminBorderTarget():
            return f"border:{target.a_key}/{target.b_key}"
        case StateBorderTarget():
            return f"border:{target.state}/{target.adm0_a3}"
        case StateLinesTarget():
            return f"border:{target.state}"
        case RegionTarget():
            return f"region:{target.area}/{regions.PART_WORDS[target.part]}"
        case AdminAreaTarget():
            return f"area:{target.area}"
        case AdminUnitTarget():
            return f"unit:{target.key}"
        case UnlocatedTarget():
            return f"unlocated:{target.label}"
    raise TypeError(f"not a target: {target!r}")


def scale_km(target: Target) -> float:
    """The size of the countries (or US states) a target belongs to: the map scale a word like
    "near" is judged at. The square root of their mean area, so Algeria's is ~1,500 km,
    Belgium's ~175, Rhode Island's ~54."""
    keys = _us_areas(target)
    areas = ([admin_areas.area(key).area_km2 for key in keys] if keys
             else [float(base_layers.country(code).area_km2) for code in target.country_codes])
    return math.sqrt(sum(areas) / len(areas)) if areas else 0.0


def _us_areas(target: Target) -> tuple[str, ...]:
    """The US states or counties whose size sets a target's scale; () for countries'."""
    match target:
        case AdminBorderTarget():
            return (target.a_key, target.b_key)
        case StateBorderTarget() | StateLinesTarget():
            return (target.state,)
        case AdminAreaTarget():
            return (target.area,)
        case RegionTarget() if admin_areas.is_key(target.area):
            return (target.area,)
    return ()
