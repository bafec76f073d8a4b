"""The README's Python example runs as it is shown (a doctest of its `pycon` block)."""

import doctest
import re

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("gazetteer")


def python_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## geo in Python"):]
    return re.search(r"```pycon\n(.*?)```", section, re.S)[1]


def test_the_readme_example_runs_as_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # it writes out/
    test = doctest.DocTestParser().get_doctest(python_example(), {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 5
    assert (tmp_path / "out" / "map.html").is_file()
