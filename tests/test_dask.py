"""geo on a real Dask cluster (issue 14): a LocalCluster of two worker processes, each opening
its own gazetteer, must give what one process gives, byte for byte.

The cluster talks over sockets on this machine only; geo opens none unless asked for a
scheduler, which is what these tests do.
"""

import itertools
import json
from pathlib import Path

import pytest

import geo
from geo.parse import parse_numbered

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")
import geo.dask  # noqa: E402  (after the skip: without Dask there is nothing to test)

LGL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "lgl.jsonl"
SAMPLE = 40


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def records() -> list[bytes]:
    """A sample of real articles, with blank lines and records that cannot be read among
    them."""
    if not LGL.is_file():
        pytest.skip(f"the shared corpus is missing: {LGL}")
    with LGL.open("rb") as corpus:
        lines = [line.rstrip(b"\n") for line in itertools.islice(corpus, SAMPLE)]
    return [*lines[:10], b"", b"not json", b'{"id": "no text"}', *lines[10:]]


def one_process(records: list[bytes]) -> list[str]:
    return [parse_numbered((None, line))[0] for line in records if line.strip()]


def test_a_bag_of_records_parses_as_one_process_does(client, records):
    bag = dask_bag.from_sequence(records, npartitions=6)
    on_the_cluster = geo.dask.parse_bag(bag).compute()
    assert on_the_cluster == one_process(records)


def test_a_bag_of_texts_reads_as_geo_read_does(client, records):
    texts = [json.loads(line)["text"] for line in records if line.startswith(b'{"id": "lgl')]
    analyses = geo.dask.read_bag(dask_bag.from_sequence(texts[:6], npartitions=3)).compute()
    assert [a.to_dict() for a in analyses] == [geo.read(text).to_dict() for text in texts[:6]]


def test_geo_parse_sends_a_corpus_to_a_scheduler(cluster, records, run_geo, tmp_path):
    corpus = tmp_path / "sample.jsonl"
    corpus.write_bytes(b"\n".join(records) + b"\n")
    alone = run_geo("parse", "--jobs", "1", str(corpus))
    on_the_cluster = run_geo("parse", "--scheduler", cluster.scheduler_address, str(corpus))
    assert on_the_cluster.stdout == alone.stdout  # in input order, line numbers included
    assert on_the_cluster.returncode == alone.returncode == 2  # the records that cannot be read


def test_a_scheduler_that_cannot_be_reached_is_one_line_and_exit_2(run_geo, tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text('{"id": "a", "text": "Gao is in Mali."}\n')
    # Port 9 (discard) on this machine: nothing listens there.
    result = run_geo("parse", "--scheduler", "tcp://127.0.0.1:9", str(corpus))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().count("\n") == 1
    assert "cannot reach the Dask scheduler" in result.stderr.decode()
