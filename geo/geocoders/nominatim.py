"""Nominatim (OpenStreetMap) through geopy, throttled and cached on disk. This one goes online.

Use it only when asked: as `OfflineGazetteer(fallback=CachedNominatim(user_agent=...))` or on
its own. Nominatim's usage policy asks for an identifying user agent, at most one request per
second and caching of results; this class does all three. The cache is an SQLite file
(default $GEO_NOMINATIM_CACHE or ~/.cache/geo/nominatim.sqlite); SQLite's transactions keep it
whole if a write is interrupted. The time of the last request is kept in the same file, so
the one-a-second limit holds across the threads and processes that share a cache (a pickled
geocoder sent to a process pool or to Dask workers).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from geopy.geocoders import Nominatim
from geopy.location import Location

from geo.geocoders.base import PicklableGeocoder

__all__ = ["CachedNominatim", "ResultCache", "default_cache_path"]

MIN_DELAY_SECONDS = 1.0  # Nominatim's usage policy: no more than one request per second
LOCK_WAIT_SECONDS = 600.0


def default_cache_path() -> Path:
    if os.environ.get("GEO_NOMINATIM_CACHE"):
        return Path(os.environ["GEO_NOMINATIM_CACHE"])
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "geo" / "nominatim.sqlite"


class ResultCache:
    """Geocoding answers by request, as JSON: a list of [address, lat, lon, raw], or null."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self._connect()
        try:
            with db:
                db.execute("CREATE TABLE IF NOT EXISTS answers "
                           "(request TEXT PRIMARY KEY, answer TEXT)")
                db.execute("CREATE TABLE IF NOT EXISTS last_request (at REAL)")
        finally:
            db.close()

    def _connect(self) -> sqlite3.Connection:
        # Long enough to queue behind every other process's one-second turn.
        return sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS)

    def wait_turn(self, min_delay_seconds: float) -> float:
        """Return when `min_delay_seconds` have passed since the last request of any process
        using this cache, with the time recorded for this one. SQLite's write lock (BEGIN IMMEDIATE)
        is held while waiting, so the callers take their turns one at a time."""
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT max(at) FROM last_request").fetchone()
            wait = (row[0] or float("-inf")) + min_delay_seconds - time.time()
            if wait > 0:
                time.sleep(min(wait, min_delay_seconds))
            now = time.time()
            db.execute("DELETE FROM last_request")
            db.execute("INSERT INTO last_request VALUES (?)", (now,))
            db.commit()
        finally:
            db.close()
        return now

    @staticmethod
    def request_key(method: str, query, exactly_one: bool, options: dict) -> str:
        return json.dumps([method, str(query), exactly_one, sorted(
            (name, str(value)) for name, value in options.items())])

    def get(self, request: str) -> tuple[bool, list[Location] | None]:
        """(found, locations): found is False when the request was never answered."""
        db = self._connect()
        try:
            row = db.execute("SELECT answer FROM answers WHERE request = ?", (request,)).fetchone()
        finally:
            db.close()
        if row is None:
            return False, None
        answer = json.loads(row[0])
        if answer is None:
            return True, None
        return True, [Location(address, (lat, lon), raw) for address, lat, lon, raw in answer]

    def put(self, request: str, locations: list[Location] | None) -> None:
        answer = None if locations is None else [
            [loc.address, loc.latitude, loc.longitude, loc.raw] for loc in locations]
        db = self._connect()
        try:
            with db:
                db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)",
                           (request, json.dumps(answer)))
        finally:
            db.close()


class CachedNominatim(Nominatim, PicklableGeocoder):
    """geopy's Nominatim that asks the cache first and the server at most once a second.
    It pickles (as geo.geocoders.base says), so it can be an OfflineGazetteer's fallback in
    a process pool."""

    def __init__(self, user_agent: str, *, cache_path: str | Path | None = None,
                 min_delay_seconds: float = MIN_DELAY_SECONDS, **kwargs):
        if not user_agent or not user_agent.strip():
            raise ValueError("Nominatim needs a user agent that identifies your application")
        super().__init__(user_agent=user_agent, **kwargs)
        self.cache = ResultCache(cache_path or default_cache_path())
        self.min_delay_seconds = max(MIN_DELAY_SECONDS, min_delay_seconds)

    def geocode(self, query, *, exactly_one=True, **options):
        return self._answer("geocode", query, exactly_one, options, super().geocode)

    def reverse(self, query, *, exactly_one=True, **options):
        return self._answer("reverse", query, exactly_one, options, super().reverse)

    def _answer(self, method, query, exactly_one, options, ask_server):
        request = ResultCache.request_key(method, query, exactly_one, options)
        found, locations = self.cache.get(request)
        if not found:
            self._wait_turn()
            answer = ask_server(query, exactly_one=exactly_one, **options)
            locations = None if answer is None else (
                [answer] if isinstance(answer, Location) else list(answer))
            self.cache.put(request, locations)
        if locations is None:
            return None
        return locations[0] if exactly_one else locations

    def _wait_turn(self) -> None:
        self.cache.wait_turn(self.min_delay_seconds)
