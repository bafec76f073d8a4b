"""Nominatim (OpenStreetMap) through geopy, throttled and cached on disk. This one goes online.

Use it only when asked: as `OfflineGazetteer(fallback=CachedNominatim(user_agent=...))` or on
its own. Nominatim's usage policy asks for an identifying user agent, at most one request per
second and caching of results; this class does all three. The cache is an SQLite file
(default $GEO_NOMINATIM_CACHE or ~/.cache/geo/nominatim.sqlite); SQLite's transactions keep it
whole if a write is interrupted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from geopy.geocoders import Nominatim
from geopy.location import Location

__all__ = ["CachedNominatim", "ResultCache", "default_cache_path"]

MIN_DELAY_SECONDS = 1.0  # Nominatim's usage policy: no more than one request per second


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
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS answers (request TEXT PRIMARY KEY, answer TEXT)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    @staticmethod
    def request_key(method: str, query, exactly_one: bool, options: dict) -> str:
        return json.dumps([method, str(query), exactly_one, sorted(
            (name, str(value)) for name, value in options.items())])

    def get(self, request: str) -> tuple[bool, list[Location] | None]:
        """(found, locations): found is False when the request was never answered."""
        with self._connect() as db:
            row = db.execute("SELECT answer FROM answers WHERE request = ?", (request,)).fetchone()
        if row is None:
            return False, None
        answer = json.loads(row[0])
        if answer is None:
            return True, None
        return True, [Location(address, (lat, lon), raw) for address, lat, lon, raw in answer]

    def put(self, request: str, locations: list[Location] | None) -> None:
        answer = None if locations is None else [
            [loc.address, loc.latitude, loc.longitude, loc.raw] for loc in locations]
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)",
                       (request, json.dumps(answer)))


class CachedNominatim(Nominatim):
    """geopy's Nominatim that asks the cache first and the server at most once a second."""

    def __init__(self, user_agent: str, *, cache_path: str | Path | None = None,
                 min_delay_seconds: float = MIN_DELAY_SECONDS, **kwargs):
        if not user_agent or not user_agent.strip():
            raise ValueError("Nominatim needs a user agent that identifies your application")
        super().__init__(user_agent=user_agent, **kwargs)
        self.cache = ResultCache(cache_path or default_cache_path())
        self.min_delay_seconds = max(MIN_DELAY_SECONDS, min_delay_seconds)
        self._last_request = float("-inf")
        self._throttle_lock = threading.Lock()

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
        with self._throttle_lock:
            wait = self._last_request + self.min_delay_seconds - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request = time.monotonic()
