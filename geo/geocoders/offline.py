"""A geopy geocoder over the offline gazetteer (geo.gazetteer)."""

from __future__ import annotations

from pathlib import Path

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.gazetteer import GEOCODE_FUZZY_MIN_SCORE, Candidate, Gazetteer
from geo.geocoders.base import PicklableGeocoder

__all__ = ["OfflineGazetteer"]


class OfflineGazetteer(PicklableGeocoder):
    """geopy's Geocoder interface over the local gazetteer; no network.

    `fallback`, another geopy geocoder (e.g. geo.geocoders.CachedNominatim), is asked only when
    the gazetteer has no answer, and only if the caller passed one: by default nothing here
    opens a socket.

    One instance may serve many threads at once, and it pickles (process pools, Dask), as long
    as its fallback does. `geopandas.tools.geocode(strings, provider=...)` takes the class or
    a configured instance.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        path: str | Path | None = None,
        fallback: Geocoder | None = None,
        user_agent: str | None = None,
    ):
        # The base class sets up an HTTP adapter object; it connects to nothing until used.
        super().__init__(user_agent=user_agent or "geo-offline-gazetteer")
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.open(path)
        self.fallback = fallback

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: str | list[str] | None = None,
        kind: str | None = None,
        fuzzy: bool = True,
        fuzzy_min_score: float = GEOCODE_FUZZY_MIN_SCORE,
        timeout=DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Places named `query`, best first.

        Location.raw is the Candidate as a dict: `match` says how the name matched ("name",
        "alias", "code", "demonym", or "fuzzy" for a misspelling) and `score` how well.
        `country_codes` (ISO alpha-2, one or several) and `kind` (see geo.gazetteer.KINDS)
        narrow the search. A misspelling is answered only by a place scoring at least
        `fuzzy_min_score` (see geo.gazetteer.GEOCODE_FUZZY_MIN_SCORE: "Algeirs" gives Algiers,
        "Nowhereville" nothing); `fuzzy=False` answers exact names only. `timeout` is accepted
        for geopy compatibility and unused.
        """
        wanted = 1 if exactly_one else (limit or 10)
        codes = [country_codes] if isinstance(country_codes, str) else (country_codes or [None])
        # lookup ranks by score, so the fuzzy candidates over the floor come first in its list:
        # none is lost to its limit.
        candidates = sorted(
            (c for code in codes for c in self.gazetteer.lookup(
                query, limit=wanted, country=code, kind=kind, fuzzy=fuzzy)
             if c.match != "fuzzy" or c.score >= fuzzy_min_score),
            key=lambda c: (-c.score, -(c.population or 0), c.id),
        )[:wanted]
        if not candidates:
            if self.fallback is not None:
                return self.fallback.geocode(query, exactly_one=exactly_one)
            return None
        locations = [self._location(c) for c in candidates]
        return locations[0] if exactly_one else locations

    def reverse(
        self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """The nearest town to a point (within about 300 km), with the country containing the
        point in Location.raw["country"]. A point at sea far from any town gives None."""
        point = Point(query)
        result = self.gazetteer.reverse(point.latitude, point.longitude)
        if result.place is not None:
            location = Location(
                self._address(result.place), (result.place.lat, result.place.lon),
                result.to_dict(),
            )
        elif result.country is not None:
            location = Location(
                result.country.name, (point.latitude, point.longitude), result.to_dict()
            )
        elif self.fallback is not None:
            return self.fallback.reverse(query, exactly_one=exactly_one)
        else:
            return None
        return location if exactly_one else [location]

    def __call__(self, **kwargs) -> OfflineGazetteer:
        """This geocoder itself, so that geopandas takes a configured instance.

        geopandas.tools.geocode(strings, provider=...) makes its geocoder with
        `provider(**kwargs)`, expecting a class: `provider=OfflineGazetteer` opens the default
        store, and `OfflineGazetteer(path=...)` would fail as not callable. Returning itself
        (rather than, say, asking for functools.partial(OfflineGazetteer, path=...)) lets
        geopandas share this instance's open store, threads and fallback. Options for
        geopandas to pass on belong to the constructor, so any are refused here.
        """
        if kwargs:
            raise TypeError(
                f"{type(self).__name__} is already configured; pass {', '.join(kwargs)} to "
                "its constructor, or give geopandas the class with these options")
        return self

    def _location(self, candidate: Candidate) -> Location:
        return Location(self._address(candidate), (candidate.lat, candidate.lon),
                        candidate.to_dict())

    def _address(self, candidate: Candidate) -> str:
        """"In Amenas, Illizi, Algeria": the place, its admin-1 unit and its country."""
        parts = [candidate.name]
        if candidate.kind not in ("country", "admin1"):
            parts.append(candidate.admin1)
        if candidate.kind != "country":
            parts.append(self.gazetteer.country_name(candidate.country_code))
        return ", ".join(part for part in parts if part)
