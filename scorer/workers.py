"""Scoring on every core: batches of articles scored in worker processes, in input order.

Each worker process holds its own `Scorer` (spaCy, the classifier, the outlet registry),
loaded once, and scores whole batches: parsing and classification of different batches then
overlap on different cores. The main process only reads inputs and writes outputs.

Output is the same as one process's, byte for byte: a batch is the same `batch_articles`
articles either way, so the classifier sees the same sentences together, and results come
back in input order. Memory is bounded: at most `2 × workers` batches are in flight.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from scorer import errors
from scorer.io import InputProblem

if TYPE_CHECKING:
    from scorer.article import Article

# The pool takes the scorer's class and config as arguments (a `scorer.pipeline.Scorer` and
# `ScoringConfig`) rather than importing them: `scorer.pipeline` is the layer above this one.
Scorer = Any
ScoringConfig = Any

# Modules each worker imports; the fork server imports them once, so workers start fast.
_PRELOAD = ["scorer.article", "scorer.classifiers.registry", "torch", "spacy", "transformers"]

# Articles per task: small, so that the last tasks end together (classification is per article,
# so the batch size does not change any output).
WORKER_BATCH = 4

_scorer: Scorer | None = None
_failure: BaseException | None = None


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int) -> int:
    """The number of processes for `--workers`: 0 means one per available core."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise errors.ConfigError(errors.E_WORKERS.format(value=workers))
    return workers or available_cores()


def _start(make_scorer: Callable[[Any], Scorer], config: ScoringConfig, threads: int) -> None:
    """Worker initialiser: load the scorer once; keep a loading error to re-raise per task."""
    global _scorer, _failure
    try:
        import torch

        torch.set_num_threads(threads)
        _scorer = make_scorer(config)
    except BaseException as exc:  # noqa: BLE001 - reported by the first task, with its message
        _failure = exc


def _loaded() -> Scorer:
    if _scorer is None:
        raise _failure or RuntimeError("worker not started")
    return _scorer


def _classifier_name() -> tuple[str, int]:
    name = _loaded().classifier.name
    time.sleep(0.05)  # so that each worker takes one of the start-up tasks
    return name, os.getpid()


def _score(batch: list[Article]) -> list[Article | InputProblem]:
    return _loaded().score_batch(batch)


def _split(
    items: Iterable[list[Article] | InputProblem],
) -> Iterator[list[Article] | InputProblem]:
    for item in items:
        if isinstance(item, InputProblem):
            yield item
        else:
            for start in range(0, len(item), WORKER_BATCH):
                yield item[start : start + WORKER_BATCH]


class WorkerPool:
    """Worker processes that score batches of articles, results in submission order.

    Example:
        >>> from scorer.pipeline import Scorer, ScoringConfig
        >>> config = ScoringConfig(classifier="rules")
        >>> with WorkerPool(config, workers=2, make_scorer=Scorer) as pool:  # doctest: +SKIP
        ...     results = list(pool.map(batches))
    """

    def __init__(
        self, config: ScoringConfig, *, workers: int, make_scorer: Callable[[Any], Scorer]
    ) -> None:
        """Start `workers` processes, each loading `make_scorer(config)` (e.g. `Scorer`).

        Raises the loading error (a missing model, a bad outlets CSV) as one would in process.
        """
        self.workers = workers
        # Cores shared fairly: each worker's classifier gets its share of the threads.
        threads = max(1, available_cores() // workers)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start,
            initargs=(make_scorer, config, threads),
        )
        try:
            # Start every worker now (the executor starts them lazily, one per busy moment),
            # so that loading the model is not paid while scoring.
            ready: set[int] = set()
            while len(ready) < workers:
                futures = [self._executor.submit(_classifier_name) for _ in range(workers)]
                for future in futures:
                    self.classifier_name, pid = future.result()
                    ready.add(pid)
        except BaseException:
            self.close()
            raise

    def map(
        self, items: Iterable[list[Article] | InputProblem]
    ) -> Iterator[Article | InputProblem]:
        """Score each batch in a worker; yield articles and problems in input order.

        At most `2 × workers` batches are in flight, so memory does not grow with the input.
        """
        pending: deque[Future | InputProblem] = deque()
        window = 2 * self.workers
        for item in _split(items):
            if isinstance(item, InputProblem):
                pending.append(item)
            else:
                pending.append(self._executor.submit(_score, item))
            while sum(isinstance(p, Future) for p in pending) >= window or (
                pending and isinstance(pending[0], InputProblem)
            ):
                yield from self._next(pending)
        while pending:
            yield from self._next(pending)

    def _next(self, pending: deque[Future | InputProblem]) -> Iterator[Article | InputProblem]:
        head = pending.popleft()
        if isinstance(head, InputProblem):
            yield head
            return
        try:
            yield from head.result()
        except BrokenProcessPool as exc:
            raise errors.ScorerError(errors.E_WORKER_DIED.format(detail=exc)) from None

    def close(self) -> None:
        """Stop the workers (pending batches are cancelled)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
