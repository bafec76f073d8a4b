"""Many articles on all the cores: results in input order from a pool of worker processes.

`ordered_map` is what `geo.read_many` and `geo parse --jobs` share. The workers are forked
from the calling process where the platform can, so they start with geo's libraries already
imported and the gazetteer store already known (a forked child opens its own connections,
geo.gazetteer); elsewhere they are spawned and import them once each. At most a few chunks are
in flight, so an input of a million articles is read as it is consumed, never held whole.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator

# Articles per task: enough that the cost of a task's round trip (pickling, a pipe, a wake-up;
# about 0.1 ms) stays small beside the work, few enough that results come out steadily.
CHUNK = 8
# Chunks in flight per worker: one running and one queued keeps every worker busy.
IN_FLIGHT_PER_JOB = 2


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(work: Callable, items: Iterable, *, jobs: int,
                initializer: Callable | None = None, initargs: tuple = (),
                before_fork: Callable | None = None) -> Iterator:
    """`work(item)` for each item, in input order, computed by `jobs` worker processes, each
    prepared by `initializer(*initargs)`; with one job, in this process. `before_fork()` runs
    here just before the workers start, only if they do: what it loads, forked workers
    share. `work` and `initializer` must be functions defined at a module's top level. An
    exception raised by `work` is raised here, at its item's place in the order."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    remaining = iter(items)
    first = list(itertools.islice(remaining, CHUNK + 1))
    if jobs == 1 or len(first) <= CHUNK:  # one chunk: starting workers would cost more
        if initializer is not None:
            initializer(*initargs)
        yield from map(work, itertools.chain(first, remaining))
        return
    remaining = itertools.chain(first, remaining)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if before_fork is not None and method == "fork":
        before_fork()
    pool = multiprocessing.get_context(method).Pool(
        jobs, initializer=_prepare_worker, initargs=(initializer, initargs))
    finished = False
    try:
        pending: deque = deque()
        for chunk in iter(lambda: list(itertools.islice(remaining, CHUNK)), []):
            pending.append(pool.apply_async(run_chunk, (work, chunk)))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        finished = True
    finally:
        if finished:
            pool.close()  # the workers finish and leave
        else:
            pool.terminate()  # a consumer that stopped early (or ^C): stop them now
        pool.join()


def _prepare_worker(initializer: Callable | None, initargs: tuple) -> None:
    # ^C goes to the whole process group: the parent stops the pool, the workers need not.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's handlers (geo.cli turns SIGTERM into an exit that
    # unwinds); the pool stops its workers with SIGTERM and must find them gone at once.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)


def run_chunk(work: Callable, chunk: list) -> list:
    return [work(item) for item in chunk]
