import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, default_path
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


def load_build_script():
    return load_script("build_gazetteer")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    path = default_path()
    build_script = load_build_script()
    fresh = False
    if path.is_file():
        with Gazetteer.open(path) as existing:
            fresh = existing.meta().get("inputs") == build_script.input_fingerprint()
    if not fresh:
        build_script.build(path)
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
