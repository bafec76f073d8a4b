import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from geo import gazetteer_build
from geo.data import gazetteer_is_current, gazetteer_path
from geo.gazetteer import Gazetteer
from geo.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_geo(tmp_path):
    """Run the `geo` command in a subprocess, as a user would; returns CompletedProcess."""

    def run(*args, stdin: bytes | None = None):
        return subprocess.run([sys.executable, "-m", "geo.cli", *args], input=stdin,
                              capture_output=True, cwd=tmp_path, timeout=120)

    return run


def load_script(name: str):
    """A script of scripts/ imported as a module (they are not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The store in geo's data folder, (re)built first unless it is current."""
    path = gazetteer_path()
    if not gazetteer_is_current(path):
        gazetteer_build.build(path)
    with Gazetteer.open(path) as opened:
        yield opened


@pytest.fixture(scope="session")
def pipeline(gazetteer) -> Pipeline:
    return Pipeline(gazetteer)


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium under Playwright; `make test` installs it."""
    from geo.browser import CHROMIUM, chromium

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium)")
    with chromium() as browser:
        yield browser
