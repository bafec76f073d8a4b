"""The offline gazetteer: names of countries, regions, admin units, towns and airports.

The store is an SQLite file built once from registry packages (geo.gazetteer_build; where it
lives: geo.data.gazetteer_path()). Three tables matter:

  places  one row per place: kind, country, admin names, population, point (NULL when the
          unit could not be placed honestly) and `importance`, a prior in [0, 1] that lets
          countries and capitals outrank same-named villages;
  names   one row per (normalised name, place): how the name belongs to the place (its
          name, an alias, a code or a demonym) and the spelling it came from;
  keys    one row per normalised name: how many places share it and the largest population
          among them, so a recogniser can tell risky names apart.

Names are compared by `normalize`: case, accents, punctuation and a leading "the" do not
count, and dotted abbreviations join up ("U.S." == "US"). Only Latin-script names are kept.

A fourth, `words`, holds the word lists the recogniser reads (geo.words).
"""

from __future__ import annotations

import bisect
import math
import os
import re
import sqlite3
import sys
import threading
import unicodedata
import weakref
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from geo import data
from geo.sphere import great_circle_km
from geo.words import WordLists

SCHEMA_VERSION = "4"

KINDS = ("country", "admin1", "admin2", "city", "airport", "facility", "region", "continent")

# How much a name says about the place it belongs to. A fuzzy match is weighted by its
# similarity on top of FUZZY_WEIGHT, so it always ranks below an exact alias of equal importance.
MATCH_WEIGHT = {"name": 1.0, "alias": 0.85, "demonym": 0.85, "code": 0.6}
FUZZY_WEIGHT = 0.7
# score = MATCH_SHARE * match weight + (1 - MATCH_SHARE) * importance. With 0.6, a capital's
# exact name (0.96) beats a town of 15,000 that has it as an alias (~0.70): "Algiers" is in
# Algeria, not Vermont; a country (1.0) beats any same-named village.
MATCH_SHARE = 0.6

FUZZY_MIN_CHARS = 4  # shorter strings are too close to too many names for a typo to be guessed
FUZZY_POOL = 30  # similar keys weighed by the full score before the best are kept
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio (0-100); "Algeirs" -> "algiers" scores 85.7
# The least score a fuzzy match needs to be the answer of geo.geocoders.OfflineGazetteer.geocode
# (Gazetteer.lookup still lists weaker ones, marked match="fuzzy", for callers to weigh). The
# score weighs similarity with importance, so a misspelling is taken to mean a well-known place,
# not an obscure village a letter away: a country or a capital always passes; a city needs
# about 500,000 people for a one-letter typo in a ten-letter name, more in a shorter one.
# Measured (`python -m tests.test_gazetteer_sharing`, lists in that file) on 86 real
# misspellings and 78 made-up or fictional names; 16 and 5 of them are in the store as spelt
# ("Bagdad", "Timbuctoo"; "Gotham") and answered exactly, as before. Of the other 70
# misspellings: 64 give the place meant, 3 another ("Philadelpia" -> Amman, once Philadelphia;
# "Dubia" -> Dublin; "Amann" -> Isle of Man), 3 nothing ("Edinborough"; "Tamanrasett";
# "Cario", which gave Ario, Mexico). Of the other 73 made-up names, 70 give nothing ("Nowhereville",
# "Fooville", "Qwertyton"...) and 3 a place (Genovia, Latveria, Ruritania -> Genova, Latvia,
# Mauritania). Without a floor: 66 right, 4 wrong, 0 refused, and 55 made-up names answered;
# 0.6: 65, 3, 2 and 11; 0.7: 55, 2, 13 and 2. Also measured once and worse: a similarity floor
# (rapidfuzz ratio 85: 59 right, 6 refused, 32 made-up answered) and one edit at most (optimal
# string alignment: 63 right, 3 refused, 20 made-up answered).
GEOCODE_FUZZY_MIN_SCORE = 0.65
MAX_QUERY_CHARS = 200  # no place name is longer; longer input is not a name
# How far from a first-level unit's point its towns are looked for: 8 degrees of latitude,
# about 900 km, holds all of most provinces (not all of Siberia's, nor of Xinjiang).
UNIT_TOWNS_REACH_DEG = 8.0

# Letters NFKD does not split into base letter + accent.
_LETTER_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "\u0131": "i",
     "ħ": "h"}  # \u0131: dotless i
)
# Dots and apostrophes join what they separate: "U.S." -> "us", "N'Djamena" -> "ndjamena".
# Besides ' and `: acute accent, okina (Hawai\u02bbi), modifier apostrophe and prime, and
# typographic single quotes.
_JOINERS = re.compile("[.'`\u00b4\u02bb\u02bc\u02b9\u2018\u2019]")
_SEPARATORS = re.compile(r"[\W_]+")
# Abbreviations spelled out, in names of two words or more only ("St" alone is no saint):
# "St. Louis" == "Saint Louis", "Mt. Pleasant" == "Mount Pleasant", "Loudon Co." == "Loudon County".
_FIRST_WORD_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_LAST_WORD_ABBREVIATIONS = {"co": "county", "twp": "township"}


# An article's words are normalised again and again (a name as a span, then as a query); the
# same few thousand spellings make most of them.
@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The key a name is indexed and looked up by; '' when nothing name-like is left."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.translate(_LETTER_FOLDS)
    text = _SEPARATORS.sub(" ", _JOINERS.sub("", text)).strip()
    words = _join_single_letters(text.split())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        words[0] = _FIRST_WORD_ABBREVIATIONS.get(words[0], words[0])
        words[-1] = _LAST_WORD_ABBREVIATIONS.get(words[-1], words[-1])
    return " ".join(words)


_HASH_TYPE = "I"  # unsigned int: 4 bytes on every platform CPython runs on


def key_hash(key: str) -> int:
    """The 32-bit hash of a key the store keeps for every key (table key_hashes): a lookup of a
    key whose hash it lacks needs no query. CRC-32, as Python's own str hash differs between
    processes."""
    return zlib.crc32(key.encode("utf-8"))


def key_hash_blob(keys) -> bytes:
    """The sorted hashes of `keys` as the store keeps them: unsigned 32-bit, little-endian."""
    hashes = array(_HASH_TYPE, sorted({key_hash(k) for k in keys}))
    if sys.byteorder == "big":
        hashes.byteswap()
    return hashes.tobytes()


def _join_single_letters(words: list[str]) -> list[str]:
    """Runs of one-letter words are spelled-out abbreviations: "u s a" -> "usa"."""
    joined: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1:
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    return joined


class GazetteerNotBuilt(data.GazetteerUnavailable, FileNotFoundError):
    """No store at the path, or one from another version of geo."""


@dataclass(frozen=True)
class Candidate:
    """One place a query may mean, with how it matched and how well."""

    id: str
    name: str
    kind: str
    country_code: str | None
    admin1: str | None
    admin2: str | None
    population: int | None
    lat: float
    lon: float
    score: float
    matched_name: str
    match: str
    source: str
    serves: str | None = None  # for an airport, the id of the town it serves
    capital: bool = False  # the capital of its country

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class NameEntry:
    """One name of one place, as a text recogniser needs it."""

    key: str
    name: str
    match: str
    place_id: str
    kind: str
    country_code: str | None
    population: int | None
    placeable: bool
    places_sharing_key: int


@dataclass(frozen=True)
class ReverseResult:
    """The nearest populated place to a point and the country the point lies in."""

    lat: float
    lon: float
    place: Candidate | None
    distance_km: float | None
    country: Candidate | None

    def to_dict(self) -> dict:
        return asdict(self)


_PLACE_COLUMNS = (
    "p.source_id, p.name, p.kind, p.country_code, p.admin1, p.admin2, p.population, "
    "p.lat, p.lon, p.importance, p.source, s.source_id, p.capital"
)
_PLACE_FROM = "places p LEFT JOIN places s ON s.id = p.serves"
# Placeable places with a normalised name; filters are appended as " AND ...".
_BY_KEY = (
    f"SELECT {_PLACE_COLUMNS}, n.name, n.match FROM names n JOIN places p ON p.id = n.place_id "
    "LEFT JOIN places s ON s.id = p.serves WHERE n.key = ? AND p.lat IS NOT NULL"
)


class _Connection(sqlite3.Connection):
    """A read-only connection to the store. A subclass only because sqlite3.Connection cannot
    be weakly referenced, and a Gazetteer holds its threads' connections weakly."""


def _connect(path: Path, shown: Path) -> _Connection:
    """A new read-only connection to the store at `path` (absolute), checked to be geo's."""
    if not path.is_file():
        raise GazetteerNotBuilt(f"no gazetteer at {shown}; build it with: geo data build")
    # check_same_thread=False only so that close() may close every thread's connection from
    # the thread that calls it; each connection is otherwise used by the thread that opened it.
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False,
                         factory=_Connection)
    version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version is None or version[0] != SCHEMA_VERSION:
        db.close()
        raise GazetteerNotBuilt(f"{shown} is from another version of geo; rebuild it with: "
                                "geo data build --force")
    return db


class _ThreadConnections(threading.local):
    """`.db`: the calling thread's connection to the store.

    threading.local gives every thread its own attributes and runs __init__ again, with the
    same arguments, in each thread the first time that thread uses the object: that is when
    the thread's connection opens. From then on `.db` is a plain thread-local attribute read,
    the only cost a query pays for sharing (a property, or a check per query, would cost
    several times more). A thread's connection closes when the thread ends (see _Closer;
    `opened` holds connections weakly) or on Gazetteer.close().
    """

    def __init__(self, file: Path, shown: Path, opened: weakref.WeakSet, lock):
        self.db = _connect(file, shown)
        self.closer = _Closer(self.db)
        with lock:
            opened.add(self.db)


class _Closer:
    """Closes a thread's connection when the thread's attributes go: when the thread ends, or
    the gazetteer is dropped unclosed. A connection is in a reference cycle (with its statement
    cache), so without this it would stay open until the garbage collector ran."""

    __slots__ = ("db",)

    def __init__(self, db: _Connection):
        self.db = db

    def __del__(self):
        self.db.close()


class _NotYetOpen:
    """Stands in for _ThreadConnections until the first query of a new, unpickled or forked
    gazetteer: that query opens the store."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = weakref.ref(gazetteer)

    @property
    def db(self) -> _Connection:
        gazetteer = self.gazetteer()
        with gazetteer._lock:
            if gazetteer._local is self:
                gazetteer._local = _ThreadConnections(
                    gazetteer._file, gazetteer.path, gazetteer._opened, gazetteer._lock)
        return gazetteer._local.db


class _Closed:
    """Stands in for _ThreadConnections once the gazetteer is closed."""

    @property
    def db(self):
        raise sqlite3.ProgrammingError("Cannot operate on a closed gazetteer.")


# Every open Gazetteer, so that a forked child process opens its own connections instead of
# using those it inherited, which SQLite forbids (https://www.sqlite.org/howtocorrupt.html 2.6).
_OPEN: weakref.WeakSet[Gazetteer] = weakref.WeakSet()


class Gazetteer:
    """Read-only access to the store. Open with `Gazetteer.open()`.

    Any number of threads may share one: each gets its own read-only connection on its first
    query (Python's sqlite3 connections belong to the thread that made them; SQLite advises one
    per thread, and read-only ones need no coordination). It pickles as its path, for process
    pools and Dask workers; the copy, like a forked child process, opens its own connections
    when first used, since a connection must not cross a fork.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = self.path.resolve()
        self._start()

    def _start(self) -> None:
        # RLock: _NotYetOpen.db holds it while the first connection registers itself.
        self._lock = threading.RLock()
        self._opened: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._local: _ThreadConnections | _NotYetOpen | _Closed = _NotYetOpen(self)
        _OPEN.add(self)

    @classmethod
    def open(cls, path: str | Path | None = None) -> Gazetteer:
        """The store at `path`; by default geo's own (geo.data.gazetteer_path()), built first
        if it is not there yet (about 90 s, with the `build` extra installed)."""
        if path is None:
            path = data.gazetteer_path()
            if not path.is_file():
                data.build_gazetteer(path, progress=sys.stderr.isatty())
        gazetteer = cls(Path(path))
        gazetteer._local.db  # noqa: B018 - a missing or outdated store is reported here
        return gazetteer

    def close(self) -> None:
        """Close every thread's connection; the gazetteer cannot be used afterwards."""
        with self._lock:
            connections = list(self._opened)
            self._local = _Closed()
            self._opened.clear()
        _OPEN.discard(self)
        for db in connections:
            db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __getstate__(self) -> dict:
        # Connections do not cross processes: the copy gets the path and opens its own, one
        # per thread, when first used. Cached name lists are rebuilt there if needed too.
        return {"path": self.path, "file": self._file}

    def __setstate__(self, state: dict) -> None:
        self.path, self._file = state["path"], state["file"]
        self._start()

    def _after_fork_in_child(self) -> None:
        if not isinstance(self._local, _Closed):
            self._start()

    def meta(self) -> dict[str, str]:
        return dict(self._local.db.execute("SELECT key, value FROM meta"))

    # --- lookup -------------------------------------------------------------------------

    def lookup(
        self,
        query: str,
        limit: int = 10,
        country: str | None = None,
        kind: str | None = None,
        fuzzy: bool = True,
    ) -> list[Candidate]:
        """Places `query` may name, best first.

        Exact matches of the normalised query come first; only when there are none (within the
        filters) are misspellings tried. `country` is an ISO alpha-2 code, `kind` one of KINDS.
        """
        if not isinstance(query, str):
            raise ValueError(f"query must be a string, not {type(query).__name__}")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive integer, not {limit!r}")
        country = _check_country(country)
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}; not {kind!r}")
        if len(query) > MAX_QUERY_CHARS:
            return []
        key = normalize(query)
        if not key:
            return []
        filters, params = _filters(country, kind)
        rows = (self._local.db.execute(f"{_BY_KEY}{filters}", (key, *params)).fetchall()
                if self._may_be_a_key(key) else [])
        candidates = [_candidate(row, MATCH_WEIGHT[row[-1]]) for row in rows]
        if not candidates and fuzzy and len(key) >= FUZZY_MIN_CHARS:
            candidates = self._fuzzy(key, limit, filters, params)
        candidates.sort(key=lambda c: (-c.score, -(c.population or 0), c.id))
        return candidates[:limit]

    def _may_be_a_key(self, key: str) -> bool:
        """False when no place has the key: most capitalised words in an article name none,
        and this bisection costs a microsecond where the query costs thirty."""
        hashes, wanted = self._key_hashes, key_hash(key)
        at = bisect.bisect_left(hashes, wanted)
        return at < len(hashes) and hashes[at] == wanted

    @cached_property
    def _key_hashes(self) -> array:
        (blob,) = self._local.db.execute("SELECT hashes FROM key_hashes").fetchone()
        hashes = array(_HASH_TYPE)
        hashes.frombytes(blob)
        if sys.byteorder == "big":
            hashes.byteswap()
        return hashes

    def _fuzzy(self, key: str, limit: int, filters: str, params: tuple) -> list[Candidate]:
        from rapidfuzz import fuzz, process

        similar = process.extract(
            key,
            self._fuzzy_keys_near(len(key)),
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_CUTOFF,
            # Similarity alone does not rank: "algeirs" is nearer "algeciras" (87.5) than
            # "algiers" (85.7), and only importance then puts the capital first.
            limit=max(limit * 3, FUZZY_POOL),
        )
        best: dict[str, Candidate] = {}
        for other_key, similarity, _ in similar:
            rows = self._local.db.execute(f"{_BY_KEY}{filters}", (other_key, *params)).fetchall()
            for row in rows:
                weight = FUZZY_WEIGHT * similarity / 100 * MATCH_WEIGHT[row[-1]]
                candidate = _candidate((*row[:-1], "fuzzy"), weight)
                if candidate.id not in best or candidate.score > best[candidate.id].score:
                    best[candidate.id] = candidate
        return list(best.values())

    def _fuzzy_keys_near(self, length: int) -> list[str]:
        """Keys whose length allows a ratio above the cutoff (|a - b| <= (1 - c) (a + b))."""
        slack = (1 - FUZZY_CUTOFF / 100) / (FUZZY_CUTOFF / 100)
        low, high = int(length / (1 + slack)), math.ceil(length * (1 + slack))
        by_length = self._fuzzy_keys_by_length
        return [k for n in range(low, high + 1) for k in by_length.get(n, ())]

    @cached_property
    def _fuzzy_keys_by_length(self) -> dict[int, list[str]]:
        # Loaded on the first fuzzy query only, so opening stays fast and small.
        by_length: dict[int, list[str]] = {}
        for (key,) in self._local.db.execute("SELECT key FROM keys WHERE placeable ORDER BY key"):
            by_length.setdefault(len(key), []).append(key)
        return by_length

    def get(self, place_id: str) -> Candidate | None:
        """A place by its id ("geonames:2507480", "country:DZ", ...), scored 1."""
        row = self._local.db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} WHERE p.source_id = ?", (place_id,)
        ).fetchone()
        if row is None or row[7] is None:
            return None
        return _candidate((*row, row[1], "name"), 1.0, score=1.0)

    def airports_serving(self, place_id: str) -> list[Candidate]:
        """The airports that serve a town, as linked at build time."""
        rows = self._local.db.execute(
            f"SELECT {_PLACE_COLUMNS}, p.name, 'name' FROM {_PLACE_FROM} "
            "WHERE p.kind = 'airport' AND p.serves = (SELECT id FROM places WHERE source_id = ?) "
            "AND p.lat IS NOT NULL "
            "ORDER BY p.importance DESC, p.source_id", (place_id,)).fetchall()
        return [_candidate(row, 1.0, score=1.0) for row in rows]

    def capital_of(self, country_code: str) -> Candidate | None:
        """The capital of a country, as the registries mark it (the most populous town so
        marked, where a country has several: Pretoria of South Africa's three)."""
        row = self._local.db.execute(
            f"SELECT {_PLACE_COLUMNS}, p.name, 'name' FROM {_PLACE_FROM} "
            "WHERE p.kind = 'city' AND p.capital = 1 AND p.country_code = ? "
            "AND p.lat IS NOT NULL ORDER BY p.population DESC, p.source_id LIMIT 1",
            (country_code,)).fetchone()
        return _candidate(row, 1.0, score=1.0) if row else None

    def towns_in(self, unit: Candidate) -> list[Candidate]:
        """The towns of a first-level unit within UNIT_TOWNS_REACH_DEG of its point (the
        points index makes that a range search; a unit is seldom larger), biggest first."""
        if unit.kind != "admin1" or unit.lat is None or not unit.country_code:
            return []
        reach_lon = UNIT_TOWNS_REACH_DEG / max(math.cos(math.radians(unit.lat)), 0.1)
        rows = self._local.db.execute(
            f"SELECT {_PLACE_COLUMNS}, p.name, 'name' FROM {_PLACE_FROM} "
            "WHERE p.kind = 'city' AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? "
            "AND p.country_code = ? AND p.admin1 = ? ORDER BY p.population DESC, p.source_id",
            (unit.lat - UNIT_TOWNS_REACH_DEG, unit.lat + UNIT_TOWNS_REACH_DEG,
             unit.lon - reach_lon, unit.lon + reach_lon, unit.country_code,
             unit.name)).fetchall()
        return [_candidate(row, 1.0, score=1.0) for row in rows]

    def country_name(self, code: str | None) -> str | None:
        return self._country_names.get(code) if code else None

    @cached_property
    def _country_names(self) -> dict[str, str]:
        return dict(
            self._local.db.execute("SELECT country_code, name FROM places WHERE kind = 'country'")
        )

    def word_lists(self) -> WordLists:
        """Everyday English words and first names, as the build stored them (geo.words)."""
        lists: dict[str, set[str]] = {"common": set(), "first_name": set()}
        for word, name in self._local.db.execute("SELECT word, list FROM words"):
            lists.setdefault(name, set()).add(word)
        return WordLists(common=frozenset(lists["common"]),
                         first_names=frozenset(lists["first_name"]))

    # --- names for a recogniser -----------------------------------------------------------

    def iter_names(self) -> Iterator[NameEntry]:
        """Every name of every place, ordered by key, streamed from disk."""
        rows = self._local.db.execute(
            "SELECT n.key, n.name, n.match, p.source_id, p.kind, p.country_code, p.population, "
            "p.lat IS NOT NULL, k.n_places FROM names n "
            "JOIN places p ON p.id = n.place_id JOIN keys k ON k.key = n.key "
            "ORDER BY n.key, p.id"
        )
        for key, name, match, place_id, kind, code, population, placeable, sharing in rows:
            yield NameEntry(
                key, name, match, place_id, kind, code, population, bool(placeable), sharing
            )

    def key_stats(self, key: str) -> tuple[int, int | None] | None:
        """(places sharing the normalised name, largest population among them), or None."""
        row = self._local.db.execute(
            "SELECT n_places, max_population FROM keys WHERE key = ?", (key,)
        ).fetchone()
        return tuple(row) if row else None

    # --- reverse ------------------------------------------------------------------------

    def reverse(self, lat: float, lon: float) -> ReverseResult:
        """The nearest town (within about 300 km) and the country containing the point."""
        lat, lon = _check_point(lat, lon)
        place, distance = self._nearest_town(lat, lon)
        return ReverseResult(lat, lon, place, distance, self._country_at(lat, lon))

    def _nearest_town(self, lat: float, lon: float) -> tuple[Candidate | None, float | None]:
        from geo.geodesy import geodesic_km  # the ellipsoid's libraries, for reverse only

        for half_side_deg in (0.25, 1.0, 3.0):
            lon_span = min(180.0, half_side_deg / max(math.cos(math.radians(lat)), 0.05))
            rows = self._local.db.execute(
                f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} "
                "WHERE p.kind = 'city' AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?",
                (lat - half_side_deg, lat + half_side_deg, lon - lon_span, lon + lon_span),
            ).fetchall()
            # Points beyond the box's inscribed circle may not be the nearest: widen instead.
            reach = half_side_deg * 111
            within = [r for r in rows if great_circle_km(lat, lon, r[7], r[8]) <= reach]
            if within:
                row = min(within, key=lambda r: (great_circle_km(lat, lon, r[7], r[8]), r[0]))
                distance = geodesic_km((lat, lon), (row[7], row[8]))
                return _candidate((*row, row[1], "name"), 1.0, score=1.0), distance
        return None, None

    def _country_at(self, lat: float, lon: float) -> Candidate | None:
        from geo.base_layers import country_at

        row = country_at(lat, lon)
        if row is None:
            return None
        # Countries are keyed by ISO alpha-2, or by Natural Earth's code where ISO has none.
        code = row.iso_a2 if isinstance(row.iso_a2, str) else row.adm0_a3
        return self.get(f"country:{code}")


def _forget_inherited_connections() -> None:
    for gazetteer in list(_OPEN):
        gazetteer._after_fork_in_child()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_forget_inherited_connections)


def _filters(country: str | None, kind: str | None) -> tuple[str, tuple]:
    sql, params = "", ()
    if country:
        sql, params = sql + " AND p.country_code = ?", (*params, country)
    if kind:
        sql, params = sql + " AND p.kind = ?", (*params, kind)
    return sql, params


def _candidate(row: tuple, match_weight: float, score: float | None = None) -> Candidate:
    (place_id, name, kind, code, admin1, admin2, population, lat, lon, importance, source,
     serves, capital, matched_name, match) = row
    if score is None:
        score = MATCH_SHARE * match_weight + (1 - MATCH_SHARE) * importance
    return Candidate(
        id=place_id, name=name, kind=kind, country_code=code, admin1=admin1, admin2=admin2,
        population=population, lat=lat, lon=lon, score=round(score, 4),
        matched_name=matched_name, match=match, source=source, serves=serves,
        capital=bool(capital),
    )


def _check_country(country: str | None) -> str | None:
    if country is None:
        return None
    if not (isinstance(country, str) and len(country) == 2 and country.isascii()
            and country.isalpha()):
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    return country.upper()


def _check_point(lat: float, lon: float) -> tuple[float, float]:
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError) as error:
        raise ValueError(f"not a point: {lat!r}, {lon!r}") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"not a point on Earth: {lat}, {lon}")
    return lat, lon
