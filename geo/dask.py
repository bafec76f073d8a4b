"""geo on a Dask cluster, for archives one machine cannot read in time (issue 14).

Two ways in, both over `dask.bag`:

- `parse_bag(lines)`: a bag of corpus records, JSON lines as `geo parse` reads them
  (`dask.bag.read_text("archive-*.jsonl")`), to a bag of `geo parse`'s output lines: the same
  line for the same record, byte for byte. A record that cannot be read gives its error line,
  with "line": null (a bag does not know where its items stood in their files).
- `read_bag(articles)`: a bag of articles (texts, bytes, or paths the workers can open) to a
  bag of `geo.Analysis`, as `geo.read` gives them. A column of a Dask dataframe is such a bag
  with `frame["text"].to_bag()`.

`geo parse --scheduler ADDRESS` sends a corpus's records to a running cluster with
`ordered_map` and writes their lines back in input order.

Each worker process builds geo's pipeline once, at its first task, with its own connection to
its machine's gazetteer store (built there at first use, as on any machine), and keeps it for
the tasks after. Workers need geo installed, as any Dask task needs its code. Needs the
`cluster` extra: pip install 'geo[cluster]'.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from geo.batch import CHUNK, IN_FLIGHT_PER_JOB, run_chunk
from geo.parse import MAX_RECORD_BYTES, parse_numbered


def parse_bag(lines):
    """`geo parse` over a bag of JSON-line records (str or bytes); blank lines are skipped."""
    return lines.filter(_holds_a_record).map(parse_line)


def parse_line(line: str | bytes) -> str:
    """`geo parse`'s output line for one record, read with this worker's pipeline."""
    data = line.encode("utf-8", errors="replace") if isinstance(line, str) else bytes(line)
    data = data.rstrip(b"\r\n").removeprefix(b"\xef\xbb\xbf")
    output, _, _ = parse_numbered((None, data if len(data) <= MAX_RECORD_BYTES else None))
    return output


def _holds_a_record(line: str | bytes) -> bool:
    return bool(line.strip())


def read_bag(articles, *, claims: bool = True):
    """`geo.read` of each article of a bag (texts, bytes or paths), on the workers."""
    return articles.map(_read, claims=claims)


def _read(article, claims: bool):
    import geo

    return geo.read(article, claims=claims)


def connect(address: str):
    """A client of the Dask scheduler at `address` ("tcp://host:8786")."""
    from dask.distributed import Client

    return Client(address, timeout="10s")


def ordered_map(work: Callable, items: Iterable, client) -> Iterator:
    """`work(item)` for each item, in input order, computed on the cluster `client` reaches:
    geo.batch.ordered_map's chunks and bounded lookahead, with Dask's workers for the pool.
    `work` must be importable on the workers (a function at a module's top level in geo)."""
    threads = sum(client.nthreads().values()) or 1
    remaining = iter(items)
    pending: deque = deque()
    try:
        for chunk in iter(lambda: list(itertools.islice(remaining, CHUNK)), []):
            pending.append(client.submit(run_chunk, work, chunk, pure=False))
            if len(pending) >= IN_FLIGHT_PER_JOB * threads:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.cancel(list(pending))  # a consumer that stopped early: free the workers
