"""Property-based tests of the article pipeline over generated inputs (tests/fuzz_inputs.py).

What must hold for any input whatever:
- `read_article(bytes)` returns an Article or raises SourceError, nothing else;
- for an article that reads, `Pipeline.analyse`, `report_dict`, `to_json` and `to_markdown`
  raise nothing, report.json is strict JSON, and every mention's, claim's and region's
  offsets lie within the text (and the report's within the original text);
- `build_layers` raises nothing either (fewer examples: it is the slowest stage).

Bounded for the suite: a fixed number of examples each, inputs of at most a few thousand
characters, derandomized (the same examples on every run, so CI is reproducible) and no
example database. A failing example is not shrunk unless GEO_FUZZ_SHRINK=1 is set: shrinking
reruns the pipeline hundreds of times (minutes on a 2-core machine), and scripts/fuzz.py
already prints the shortest crashing input of each kind.

scripts/fuzz.py (`make fuzz`) runs the same generators over 100,000 inputs with timing. These
tests are about crashes, so they set no deadline for the pipeline: its first use of a region
("northern Russia") is slow once per process and fast after, which hypothesis would report as
flaky timing.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from geo.incident_layers import build_layers
from geo.pipeline import Pipeline
from geo.report import report_dict, to_json, to_markdown
from geo.source import Article, SourceError, read_article
from tests.fuzz_inputs import (
    article_bytes_strategy,
    claim_texts,
    news_texts,
    offset_problems,
    unicode_texts,
)

SHRINK = os.environ.get("GEO_FUZZ_SHRINK") == "1"
BOUNDED = {"derandomize": True, "database": None, "print_blob": False,
           "phases": ([Phase.explicit, Phase.generate, Phase.shrink] if SHRINK
                      else [Phase.explicit, Phase.generate]),
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example]}

ANY_BYTES = st.one_of(
    article_bytes_strategy(),
    st.binary(max_size=3000),
    unicode_texts().map(lambda text: text.encode("utf-8")),
    st.text(max_size=500).map(lambda text: text.encode("utf-8")),
)
ARTICLES = st.one_of(
    article_bytes_strategy(),
    news_texts().map(lambda text: text.encode("utf-8")),
    unicode_texts().map(lambda text: text.encode("utf-8")),
)



def _reject_constant(name: str):
    raise ValueError(f"report.json holds {name}, which is not JSON")


def _read(data: bytes) -> Article | None:
    try:
        return read_article(data, "fuzz")
    except SourceError:
        return None


@settings(max_examples=500, deadline=2000, **BOUNDED)
@given(data=ANY_BYTES)
def test_read_article_returns_an_article_or_raises_source_error(data):
    try:
        article = read_article(data, "fuzz")
    except SourceError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(article, Article)
    assert article.text and article.offset_map.length == len(article.text)
    start, end = article.to_original(0, len(article.text))
    assert 0 <= start <= end <= len(article.original)


def _analyse_and_report(pipeline: Pipeline, data: bytes) -> None:
    article = _read(data)
    if article is None:
        return
    analysis = pipeline.analyse(article)
    report = report_dict(analysis, "fuzz")
    json.loads(to_json(report), parse_constant=_reject_constant)
    assert to_markdown(report)
    assert offset_problems(analysis, report) == []


@settings(max_examples=300, deadline=None, **BOUNDED)
@given(data=ARTICLES)
def test_pipeline_and_report_never_raise_and_offsets_lie_within_the_text(pipeline, data):
    _analyse_and_report(pipeline, data)


@settings(max_examples=300, deadline=None, **BOUNDED)
@given(text=claim_texts())
def test_sentences_dense_in_claims_never_raise(pipeline, text):
    """The same property over a few sentences that each make a distance or direction claim."""
    _analyse_and_report(pipeline, text.encode("utf-8"))


@settings(max_examples=60, deadline=None, **BOUNDED)
@given(data=ARTICLES)
def test_build_layers_never_raises(pipeline, data):
    article = _read(data)
    if article is None:
        return
    analysis = pipeline.analyse(article)
    layers = build_layers(analysis)
    assert set(layers) == {"places", "countries", "borders", "regions", "claims"}
    assert len(layers["places"]) == len(analysis.places)
