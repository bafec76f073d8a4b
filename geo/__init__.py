"""geo: turn a news article about an incident into a verified map, offline.

    import geo

    analysis = geo.read("Gunmen seized the gas plant near In Amenas, about 30 km from the "
                        "Libyan border.")
    analysis.focus.place.name            # 'In Amenas'
    [str(v.status) for v in analysis.verdicts]   # ['consistent']: 27 km, measured
    layers = geo.layers(analysis)        # GeoDataFrames: places, countries, borders, ...
    layers["places"].explore()           # a folium map (needs `pip install geo[explore]`)
    geo.write(analysis, "out/")          # report, GeoPackage, GeoJSON, KML, CSV, map.html

`geo.Pipeline` holds the opened gazetteer for many articles; `geo.OfflineGazetteer` is the
gazetteer as a geopy geocoder. Names are imported when first used, so `import geo` loads no
geometry or map library.

Data attribution: the gazetteer is built from GeoNames data, "GeoNames, geonames.org",
licensed CC BY 4.0; the base layers are Natural Earth (public domain). See layers/README.md.
"""

from __future__ import annotations

import importlib
import os
from functools import cache

__version__ = "0.1.0"

# Public name -> (module, attribute), imported on first use.
_LAZY = {
    "Pipeline": ("geo.pipeline", "Pipeline"),
    "Analysis": ("geo.pipeline", "Analysis"),
    "Gazetteer": ("geo.gazetteer", "Gazetteer"),
    "OfflineGazetteer": ("geo.geocoders", "OfflineGazetteer"),
    "layers": ("geo.incident_layers", "build_layers"),
    "write": ("geo.outputs", "write_outputs"),
    "incident_map": ("geo.incident_map", "incident_map"),
}

__all__ = ["read", "read_many", *_LAZY]


def read(article: str | bytes | os.PathLike, *, claims: bool = True, pipeline=None):
    """Analyse one article: its text (str), its bytes (plain text in any common encoding, or
    an HTML page), or a path to a file of either. Returns a `geo.Analysis`: mentions, places,
    the focus, claims and their verdicts. `pipeline` (a `geo.Pipeline`) reuses an opened
    gazetteer; by default one is opened once per process."""
    from geo.source import read_article, read_article_file

    if isinstance(article, os.PathLike):
        document = read_article_file(os.fspath(article))
    else:
        data = article.encode("utf-8") if isinstance(article, str) else bytes(article)
        document = read_article(data)
    return (pipeline or _default_pipeline()).analyse(document, with_claims=claims)


def read_many(articles, *, jobs: int | None = None, claims: bool = True):
    """`geo.read` of each of `articles` (texts, bytes or paths), yielded in input order as they
    are done, by `jobs` worker processes (default: one per core; 1 reads in this process).
    The articles are read as the results are consumed, so the input may be a generator of any
    length. An article that cannot be read raises, as `geo.read` would, at its place."""
    from geo.batch import default_jobs, ordered_map
    from geo.parse import warm_up

    work = ((article, claims) for article in articles)
    return ordered_map(_read_one, work, jobs=jobs or default_jobs(), before_fork=warm_up)


def _read_one(work: tuple):
    article, claims = work
    return read(article, claims=claims)


@cache
def _default_pipeline():
    from geo.pipeline import Pipeline

    return Pipeline()


def __getattr__(name: str):
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
