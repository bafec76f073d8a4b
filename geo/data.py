"""Where geo's data lives, in a source checkout and in an installed wheel alike.

- The base layers and the gazetteer's curated tables ship inside the package: the repository's
  `layers/` folder is the package `geo._layers` (mapped in pyproject.toml), read through
  importlib.resources, so nothing depends on where the code sits.
- The gazetteer store (about 110 MB) is built once from registry packages, not shipped:
  `$GEO_DATA_DIR/gazetteer.sqlite`, else the user's data folder (platformdirs; on Linux
  `~/.local/share/geo`). `$GEO_GAZETTEER` names the store's file itself, for tests and
  scratch builds.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

GAZETTEER_FILE = "gazetteer.sqlite"


def layers_dir() -> Path:
    """The shipped layers: base/ (countries, borders, US states and counties) and gazetteer/
    (the curated tables the store is built with)."""
    return Path(str(resources.files("geo._layers")))


def data_dir() -> Path:
    """Where geo keeps what it builds: $GEO_DATA_DIR, else the user's data folder."""
    chosen = os.environ.get("GEO_DATA_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_path

    return user_data_path("geo", appauthor=False)


def gazetteer_path() -> Path:
    """The gazetteer store's file: $GEO_GAZETTEER, else data_dir()/gazetteer.sqlite."""
    return Path(os.environ.get("GEO_GAZETTEER") or data_dir() / GAZETTEER_FILE)


class GazetteerUnavailable(RuntimeError):
    """The store is missing and cannot be built here; the message says how to get it."""


def build_gazetteer(path: Path | None = None, progress: bool = True) -> dict[str, float]:
    """Build the store at `path` (default gazetteer_path()) from the `build` extra's registry
    packages; about a minute and a half and 1.7 GB of memory on two cores."""
    path = gazetteer_path() if path is None else Path(path)
    try:
        from geo import gazetteer_build
    except ModuleNotFoundError as err:
        raise GazetteerUnavailable(
            f"no gazetteer at {path}, and building it needs the package {err.name}: "
            "pip install 'geo[build]', then run: geo data build") from None
    return gazetteer_build.build(path, progress=progress)


def gazetteer_is_current(path: Path | None = None) -> bool:
    """Whether the store at `path` was built from exactly what this geo would build it from
    (needs the `build` extra to tell)."""
    from geo import gazetteer_build
    from geo.gazetteer import Gazetteer, GazetteerNotBuilt

    try:
        with Gazetteer.open(gazetteer_path() if path is None else path) as store:
            built_from = store.meta().get("inputs")
    except GazetteerNotBuilt:  # missing, or of another schema
        return False
    return built_from == gazetteer_build.input_fingerprint()
