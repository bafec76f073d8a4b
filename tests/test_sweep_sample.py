"""The corpus sweep (scripts/sweep.py) on a fixed sample of the shared corpora: every article
runs the whole `geo run` path, every output file written, no crash, no hang."""

import os
import time

import pytest

from tests.conftest import load_script

SAMPLE_SIZE = 60


def test_a_sample_of_the_corpora_runs_without_crash_hang_or_lost_output():
    sweep = load_script("sweep")
    corpora = list(sweep.DEFAULT_CORPORA)
    if not all(path.is_file() for path in corpora):
        pytest.skip(f"the shared corpora are missing: {', '.join(map(str, corpora))}")
    articles = sweep.spread_sample(sweep.read_corpora(corpora), SAMPLE_SIZE)
    assert {article.corpus for article in articles} == {path.name for path in corpora}

    started = time.monotonic()
    outcomes = sweep.run_sweep(articles, jobs=os.cpu_count() or 1, timeout=60)
    report = sweep.summary(outcomes, time.monotonic() - started,
                           sweep.count_by_corpus(articles))

    assert len(outcomes) == SAMPLE_SIZE
    assert [o for o in outcomes if o.status != sweep.OK] == [], report
