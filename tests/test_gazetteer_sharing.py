"""Sharing the gazetteer (issue 12): threads, pickling, process pools, geopandas, and
misspellings that are no place.

`python -m tests.test_gazetteer_sharing` measures the fuzzy floor of OfflineGazetteer.geocode
(geo.gazetteer.GEOCODE_FUZZY_MIN_SCORE) on the full lists below; the tests use a sample, as a
fuzzy lookup takes about 0.1 s.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import threading
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from geo.gazetteer import GEOCODE_FUZZY_MIN_SCORE, Gazetteer, normalize
from geo.geocoders import OfflineGazetteer

# Real misspellings, each with the place meant.
MISSPELLINGS = {
    "Algeirs": "Algiers", "Timbuctoo": "Timbuktu", "Bagdad": "Baghdad", "Pariss": "Paris",
    "Lonon": "London", "Mosow": "Moscow", "Berlln": "Berlin", "Tripolli": "Tripoli",
    "Bamakko": "Bamako", "Nairobbi": "Nairobi", "Kartoum": "Khartoum",
    "Mogadishou": "Mogadishu", "Jerusalam": "Jerusalem", "Damascas": "Damascus",
    "Tehren": "Tehran", "Kabull": "Kabul", "Islamabd": "Islamabad", "Cario": "Cairo",
    "Madird": "Madrid", "Lisbonn": "Lisbon", "Warsaww": "Warsaw", "Shanghia": "Shanghai",
    "Sydeny": "Sydney", "Philadelpia": "Philadelphia", "Chicgo": "Chicago",
    "Los Angelos": "Los Angeles", "Niamy": "Niamey", "Tamanrasett": "Tamanrasset",
    "Ouagadougo": "Ouagadougou", "Benghazzi": "Benghazi", "Tunesia": "Tunisia",
    "Phillipines": "Philippines", "Venezuala": "Venezuela", "Kazakstan": "Kazakhstan",
    "Edinborough": "Edinburgh", "Brussells": "Brussels", "Copenhagan": "Copenhagen",
    "Cincinatti": "Cincinnati", "Massachusets": "Massachusetts", "Missisippi": "Mississippi",
    "Conneticut": "Connecticut", "Albuquerqe": "Albuquerque", "Guatamala": "Guatemala",
    "Nicaraugua": "Nicaragua", "Switzerlnd": "Switzerland", "Austrailia": "Australia",
    "Indoneisa": "Indonesia", "Malasia": "Malaysia", "Singapor": "Singapore",
    "Bangldesh": "Bangladesh", "Ukrane": "Ukraine", "Isreal": "Israel", "Lebannon": "Lebanon",
    "Ethopia": "Ethiopia", "Somlia": "Somalia", "Camaroon": "Cameroon",
    "Zimbabwee": "Zimbabwe", "Mozambiqe": "Mozambique", "Madagasgar": "Madagascar",
    "Casablance": "Casablanca", "Alexandira": "Alexandria", "Mombassa": "Mombasa",
    "Argentinia": "Argentina", "Portugul": "Portugal", "Hongkong": "Hong Kong",
    "Pyongyong": "Pyongyang", "Kathmandoo": "Kathmandu", "Rangoon": "Yangon",
    "Caracus": "Caracas", "Montevidio": "Montevideo", "Santaigo": "Santiago",
    "Bogata": "Bogota", "Manilla": "Manila", "Jakarata": "Jakarta", "Mumbay": "Mumbai",
    "Calcuta": "Kolkata", "Karachie": "Karachi", "Dubia": "Dubai", "Abu Dabi": "Abu Dhabi",
    "Rhiyadh": "Riyadh", "Beiruit": "Beirut", "Amann": "Amman", "Istambul": "Istanbul",
    "Athenes": "Athens", "Budapesht": "Budapest", "Dublinn": "Dublin",
}
# Made-up names, and places of fiction; a few are real places too ("Gotham" is in
# Nottinghamshire), which geocode answers as exact names.
MADE_UP = [
    "Nowhereville", "Fooville", "Qwertyton", "Blargton", "Zorbaville", "Snorkelburg",
    "Wibbleford", "Flimflam City", "Gloopshire", "Bazquxton", "Plonkington", "Dingleberry",
    "Quuxford", "Frobnitz", "Splorkville", "Grimbleton", "Wuzzleburg", "Trundleby", "Narnia",
    "Springfieldia", "Moonbase", "Hogsmeade", "Mordor", "Lilliput", "Xanadu", "Wakanda",
    "Elbonia", "Genovia", "Latveria", "Freedonia", "Sokovia", "Zubrowka", "Ruritania",
    "Borduria", "Syldavia", "Qumar", "Anytown", "Smalltown", "Bigcity", "Someplace",
    "Elsewhere", "Whereverton", "Nontown", "Placeville", "Homeburg", "Townsend Flats", "Gondor",
    "Rivendell", "Lankhmar", "Ankh-Morpork", "Pawnee", "Sunnydale", "Stars Hollow",
    "Twin Peakes", "Castle Rock", "Derry Town", "Raccoon City", "Metropolis", "Bikini Bottom",
    "Quahog", "Zenda", "Erewhon", "Oz", "Arrakis", "Tatooine", "Kamino", "Krakozhia", "Sodor",
    "Westeros", "Essos", "Winterfell", "Blorptown", "Glimmerdale", "Frostmoor", "Wobbleton",
    "Dunmorrow", "Ashvale", "Kettlebridge",
]

# Exact names, aliases, demonyms and codes, with filters; a few misspellings; a few points.
NAMES = [
    "Algiers", "In Amenas", "Ain Amenas", "In Aménas", "Tiguentourine", "Tigantourine", "Mali",
    "Algeria", "Algerian", "Libya", "Niger", "France", "Paris", "London", "British", "Norway",
    "Japan", "Ireland", "United States", "U.S.", "Middle East", "the Sahel", "North Africa",
    "Africa", "Kentucky", "Ky.", "Loudon Co.", "Laurel County", "Georgia", "St. Louis",
    "N'Djamena", "Bagdad", "Timbuctoo", "Tokyo", "Illizi", "Tamanrasset", "Hassi Messaoud",
    "no such place anywhere at all", "",
]
# (method, first argument, other arguments by name)
TASKS = (
    [("lookup", name, ()) for name in NAMES]
    + [("lookup", "Algiers", (("country", "US"),)), ("lookup", "Georgia", (("kind", "admin1"),)),
       ("lookup", "IAM", (("kind", "airport"),)), ("lookup", "Mali", (("limit", 3),))]
    + [("get", "country:DZ", ()), ("get", "supplement:in-amenas", ()),
       ("country_name", "DZ", ()), ("key_stats", "algerian", ())]
)
FUZZY_TASKS = [("lookup", "Algeirs", ()), ("lookup", "Nowhereville", ())]
REVERSE_TASKS = [("reverse", 28.0, (("lon", 9.5),)), ("reverse", 36.7, (("lon", 3.1),)),
                 ("reverse", 0.0, (("lon", -30.0),))]


def run(gazetteer: Gazetteer, task: tuple):
    method, argument, options = task
    return getattr(gazetteer, method)(argument, **dict(options))


def run_all(gazetteer: Gazetteer, tasks: list[tuple]) -> tuple[int, list]:
    """In a process pool's worker: the worker's pid and the tasks' results."""
    return os.getpid(), [run(gazetteer, task) for task in tasks]


def geocode_all(geocoder: OfflineGazetteer, queries: list[str]) -> list:
    return [location and location.raw for location in map(geocoder.geocode, queries)]


def store_fds(path: Path) -> int:
    """How many file descriptors of this process are open on the store."""
    target = path.resolve()
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the fd listdir itself used, gone by now
            count += Path(os.readlink(f"/proc/self/fd/{fd}")) == target
    return count


# --- threads ----------------------------------------------------------------------------


def test_eight_threads_share_one_gazetteer(gazetteer):
    tasks = TASKS * 20 + FUZZY_TASKS * 2 + REVERSE_TASKS * 10
    expected = {task: run(gazetteer, task) for task in TASKS + FUZZY_TASKS + REVERSE_TASKS}
    everyone_in = threading.Barrier(8)
    threads = set()

    def first(task):  # each of the first 8 tasks holds its thread until 8 threads run at once
        everyone_in.wait(timeout=30)
        threads.add(threading.get_ident())
        return run(gazetteer, task)

    with ThreadPoolExecutor(max_workers=8) as pool:
        started = [pool.submit(first, task) for task in tasks[:8]]
        rest = pool.map(lambda task: run(gazetteer, task), tasks[8:])
        results = [future.result() for future in started] + list(rest)
    assert len(threads) == 8 and threading.get_ident() not in threads
    assert results == [expected[task] for task in tasks]
    assert results[tasks.index(FUZZY_TASKS[0])][0].name == "Algiers"


def test_one_geocoder_in_many_threads(gazetteer):
    geocoder = OfflineGazetteer(gazetteer)
    queries = ["In Aménas", "Algiers", "Algerian", "Bagdad", "Mali"] * 10 + ["Nowhereville"]
    expected = geocode_all(geocoder, queries)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: geocode_all(geocoder, queries), range(8)))
    assert results == [expected] * 8


def test_threads_connections_close_when_threads_end_and_on_close(gazetteer):
    before = store_fds(gazetteer.path)
    shared = Gazetteer.open(gazetteer.path)
    assert store_fds(gazetteer.path) == before + 1
    expected = shared.lookup("In Amenas")
    found = []
    for _ in range(30):  # one short-lived thread after another, as a server might run them
        thread = threading.Thread(target=lambda: found.append(shared.lookup("In Amenas")))
        thread.start()
        thread.join()
    assert found == [expected] * 30
    assert store_fds(gazetteer.path) == before + 1  # not one connection left per thread

    with ThreadPoolExecutor(max_workers=4) as pool:
        barrier = threading.Barrier(4)
        list(pool.map(lambda _: (barrier.wait(timeout=30), shared.lookup("Mali")), range(4)))
        assert store_fds(gazetteer.path) == before + 5  # the pool's threads are still alive
        shared.close()  # from another thread than theirs
        assert store_fds(gazetteer.path) == before
        with pytest.raises(Exception, match="closed"):
            pool.submit(shared.lookup, "Mali").result()
    with pytest.raises(Exception, match="closed"):
        shared.lookup("Mali")
    shared.close()  # twice is fine


def test_context_manager_closes(gazetteer):
    before = store_fds(gazetteer.path)
    with Gazetteer.open(gazetteer.path) as opened:
        assert opened.lookup("Mali")[0].kind == "country"
    assert store_fds(gazetteer.path) == before
    with pytest.raises(Exception, match="closed"):
        opened.get("country:DZ")


# --- pickling and processes -------------------------------------------------------------


def test_gazetteer_pickles_as_its_path_and_reopens_lazily(gazetteer):
    gazetteer.lookup("Algeirs")  # loads the fuzzy name list, which must not be pickled
    data = pickle.dumps(gazetteer)
    assert len(data) < 1000
    before = store_fds(gazetteer.path)
    copy = pickle.loads(data)
    assert store_fds(gazetteer.path) == before  # nothing opened until used
    assert copy.path == gazetteer.path
    tasks = TASKS + FUZZY_TASKS
    assert [run(copy, task) for task in tasks] == [run(gazetteer, task) for task in tasks]
    assert store_fds(gazetteer.path) == before + 1
    copy.close()
    assert store_fds(gazetteer.path) == before


def test_geocoder_pickles(gazetteer):
    geocoder = OfflineGazetteer(gazetteer)
    copy = pickle.loads(pickle.dumps(geocoder))
    queries = ["In Aménas", "Algiers", "Algeirs", "Nowhereville", "British"]
    assert geocode_all(copy, queries) == geocode_all(geocoder, queries)
    assert copy.reverse((28.0, 9.5)).raw == geocoder.reverse((28.0, 9.5)).raw
    assert copy.headers == geocoder.headers
    assert copy.adapter is not None and copy.adapter is not geocoder.adapter


def test_geocoder_pickles_with_an_ssl_context_in_geopy_options(gazetteer):
    import ssl

    from geopy.geocoders import options

    saved = options.default_ssl_context
    options.default_ssl_context = ssl.create_default_context()
    try:
        geocoder = OfflineGazetteer(gazetteer)
        with pytest.raises(TypeError):
            pickle.dumps(geocoder.ssl_context)
        copy = pickle.loads(pickle.dumps(geocoder))
        assert copy.geocode("Algiers").raw == geocoder.geocode("Algiers").raw
    finally:
        options.default_ssl_context = saved


def test_spawned_processes_use_unpickled_gazetteers(gazetteer):
    expected = [run(gazetteer, task) for task in TASKS]
    geocoder = OfflineGazetteer(gazetteer)
    queries = ["In Aménas", "Algiers", "British"]
    with ProcessPoolExecutor(max_workers=2,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        looked_up = [pool.submit(run_all, gazetteer, TASKS) for _ in range(2)]
        geocoded = pool.submit(geocode_all, geocoder, queries)
        for future in looked_up:
            pid, results = future.result(timeout=120)
            assert pid != os.getpid()
            assert results == expected
        assert geocoded.result(timeout=120) == geocode_all(geocoder, queries)


_INHERITED: Gazetteer | None = None


def _lookup_in_inherited(name: str) -> list:
    return _INHERITED.lookup(name)


def test_forked_processes_open_their_own_connections(gazetteer):
    """A forked child inherits the gazetteer, not its connections: SQLite forbids using a
    connection across fork()."""
    global _INHERITED
    _INHERITED = Gazetteer.open(gazetteer.path)
    try:
        expected = _INHERITED.lookup("In Amenas")  # the parent's connection is open
        with ProcessPoolExecutor(max_workers=2,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            assert list(pool.map(_lookup_in_inherited, ["In Amenas"] * 4)) == [expected] * 4
        assert _INHERITED.lookup("In Amenas") == expected
    finally:
        _INHERITED.close()
        _INHERITED = None


# --- geopandas --------------------------------------------------------------------------


def test_geopandas_geocode_with_the_class_and_with_an_instance(gazetteer):
    from geopandas.tools import geocode
    from shapely.geometry import Point

    queries = ["In Amenas", "Algiers", "Nowhereville"]
    by_class = geocode(queries, provider=OfflineGazetteer)
    by_instance = geocode(queries, provider=OfflineGazetteer(path=gazetteer.path))
    assert by_class.equals(by_instance)
    assert list(by_instance["address"][:2]) == ["In Amenas, Illizi, Algeria",
                                                 "Algiers, Alger, Algeria"]
    assert by_instance.geometry[0].distance(Point(9.565, 28.038)) < 0.2
    assert by_instance.geometry[2].is_empty and by_instance["address"].isna()[2]
    assert by_instance.crs == "EPSG:4326"
    with pytest.raises(TypeError, match="already configured"):
        geocode(queries, provider=OfflineGazetteer(gazetteer), path=gazetteer.path)


# --- misspellings and names that are no place -------------------------------------------


def test_made_up_names_give_nothing_while_misspellings_give_the_place(gazetteer):
    geocoder = OfflineGazetteer(gazetteer)
    assert geocoder.geocode("Nowhereville") is None
    assert geocoder.geocode("Nowhereville", exactly_one=False) is None
    algiers = geocoder.geocode("Algeirs")
    assert algiers.address == "Algiers, Alger, Algeria"
    assert algiers.raw["match"] == "fuzzy" and algiers.raw["matched_name"] == "Algiers"
    assert algiers.raw["score"] >= GEOCODE_FUZZY_MIN_SCORE
    # The gazetteer still lists the weak match, marked, and geocode gives it on request.
    assert gazetteer.lookup("Nowhereville")[0].match == "fuzzy"
    weak = geocoder.geocode("Nowhereville", fuzzy_min_score=0)
    assert weak.raw["match"] == "fuzzy" and weak.raw["score"] < GEOCODE_FUZZY_MIN_SCORE
    assert geocoder.geocode("Algeirs", fuzzy=False) is None


def test_exact_and_alias_matches_are_unchanged(gazetteer):
    geocoder = OfflineGazetteer(gazetteer)
    assert geocoder.geocode("Algiers").raw["match"] == "name"
    baghdad = geocoder.geocode("Bagdad").raw
    assert (baghdad["name"], baghdad["match"]) == ("Baghdad", "alias")
    assert geocoder.geocode("Algerian").raw["match"] == "demonym"
    # A real place of a made-up sounding name stays found, however small.
    assert geocoder.geocode("Gotham").raw["match"] == "name"
    several = geocoder.geocode("Algiers", exactly_one=False, limit=3)
    assert [location.raw["match"] for location in several] == ["name", "alias", "alias"]


def fuzzy_outcomes(geocoder: OfflineGazetteer, misspellings: dict[str, str], made_up: list[str],
                   floor: float = GEOCODE_FUZZY_MIN_SCORE) -> dict[str, Counter]:
    """What geocode makes of misspellings (right, wrong, refused, exact) and made-up names
    (answered, refused, exact); "exact" when the store has the name as spelt."""
    outcomes = {"misspellings": Counter(), "made up": Counter()}
    for query, meant in [*misspellings.items(), *((name, None) for name in made_up)]:
        if geocoder.gazetteer.lookup(query, fuzzy=False):
            outcome = "exact"
        elif (location := geocoder.geocode(query, fuzzy_min_score=floor)) is None:
            outcome = "refused"
        elif meant is None:
            outcome = "answered"
        else:
            outcome = "right" if normalize(location.raw["name"]) == normalize(meant) else "wrong"
        outcomes["made up" if meant is None else "misspellings"][outcome] += 1
    return outcomes


def test_fuzzy_floor_on_a_sample(gazetteer):
    misspellings = {q: MISSPELLINGS[q] for q in
                    ("Algeirs", "Pariss", "Lonon", "Kartoum", "Phillipines", "Bagdad")}
    made_up = ["Nowhereville", "Fooville", "Qwertyton", "Zorbaville", "Snorkelburg", "Wakanda"]
    outcomes = fuzzy_outcomes(OfflineGazetteer(gazetteer), misspellings, made_up)
    assert outcomes["misspellings"] == Counter(right=5, exact=1)
    assert outcomes["made up"] == Counter(refused=6)


if __name__ == "__main__":
    with Gazetteer.open() as opened:
        geocoder = OfflineGazetteer(opened)
        for floor in (0.0, 0.6, GEOCODE_FUZZY_MIN_SCORE, 0.7):
            outcomes = fuzzy_outcomes(geocoder, MISSPELLINGS, MADE_UP, floor)
            print(f"floor {floor}:", {kind: dict(counts) for kind, counts in outcomes.items()})
