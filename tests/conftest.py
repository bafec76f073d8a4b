import subprocess
import sys

import pytest


@pytest.fixture
def run_geo(tmp_path):
    """Run the `geo` command in a subprocess, as a user would; returns CompletedProcess."""

    def run(*args, stdin: bytes | None = None):
        return subprocess.run([sys.executable, "-m", "geo.cli", *args], input=stdin,
                              capture_output=True, cwd=tmp_path, timeout=120)

    return run
