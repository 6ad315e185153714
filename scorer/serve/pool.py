"""A bounded pool of scoring workers: threads that each own a loaded `Scorer`.

The pipeline (spaCy and torch) must not be called from several threads at once, so each worker
thread holds its own `Scorer` and takes one job at a time from a shared queue. The event loop
never scores: a request hands a job to the pool and awaits it, so `/healthz` and the page stay
responsive while a batch is scored. A request that would wait behind `max_queue` others, or
waits longer than `queue_timeout` for a worker, is refused with `Busy` (HTTP 503).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from scorer import errors
from scorer.article import Article
from scorer.pipeline import Scorer
from scorer.serve.inputs import Failure

T = TypeVar("T")
log = logging.getLogger("scorer.serve")


class Busy(Exception):
    """No worker could take the job in time (HTTP 503)."""


@dataclass
class _Job:
    fn: Callable[[Scorer], Any]
    future: concurrent.futures.Future[Any]


class WorkerPool:
    """Worker threads, each with its own `Scorer`, fed from one queue.

    Example:
        >>> from scorer import Scorer, ScoringConfig
        >>> pool = WorkerPool([Scorer(ScoringConfig(classifier="rules"))])
        >>> scored = asyncio.run(pool.run(lambda s: s.score_text("Officials said so.")))
        >>> scored.sentences[0].label
        'anonymous-source'
        >>> pool.close()
    """

    def __init__(
        self, scorers: list[Scorer], *, max_queue: int = 64, queue_timeout: float = 30.0
    ) -> None:
        if not scorers:
            raise errors.ConfigError(
                errors.E_SERVE_BAD_VALUE.format(
                    field="workers", expected="a whole number of at least 1", value=0
                )
            )
        self.scorers = scorers
        self.max_queue = max_queue
        self.queue_timeout = queue_timeout
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._running = 0
        self._threads = [
            threading.Thread(target=self._work, args=(s,), name=f"scorer-worker-{i}", daemon=True)
            for i, s in enumerate(scorers)
        ]
        for thread in self._threads:
            thread.start()

    @property
    def classifier_name(self) -> str:
        """The name of the classifier every worker scores with."""
        return self.scorers[0].classifier.name

    @property
    def waiting(self) -> int:
        """Jobs in the queue that no worker has taken yet (cancelled ones included)."""
        return self._jobs.qsize()

    @property
    def running(self) -> int:
        """Jobs a worker is working on now."""
        return self._running

    def _work(self, scorer: Scorer) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue  # its request gave up waiting (503) or went away
            with self._lock:
                self._running += 1
            try:
                job.future.set_result(job.fn(scorer))
            except BaseException as exc:  # handed to the request that awaits it
                job.future.set_exception(exc)
            finally:
                with self._lock:
                    self._running -= 1

    async def run(self, fn: Callable[[Scorer], T]) -> T:
        """Run `fn(scorer)` on the next free worker and return its result.

        Raises:
            Busy: `max_queue` jobs are already waiting, or no worker took this one within
                `queue_timeout` seconds. A job a worker has started is always awaited.
        """
        idle = len(self._threads) - self._running
        if self.waiting - idle >= self.max_queue:
            raise Busy(errors.E_HTTP_QUEUE_FULL.format(waiting=self.waiting))
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._jobs.put(_Job(fn, future))
        wrapped = asyncio.wrap_future(future)
        try:
            return await asyncio.wait_for(asyncio.shield(wrapped), self.queue_timeout)
        except asyncio.TimeoutError:
            if future.cancel():  # still queued: no worker took it in time
                raise Busy(errors.E_HTTP_BUSY.format(seconds=self.queue_timeout)) from None
            return await wrapped  # started within the wait: let it finish
        except asyncio.CancelledError:
            future.cancel()  # the client went away: a queued job is dropped unscored
            raise

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers once they finish the job in hand; queued jobs are not run."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.future.cancel()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join(timeout)


def score_each(scorer: Scorer, articles: list[Article]) -> list[Article | Failure]:
    """Score `articles` together; if that fails, each alone, so one bad article costs only
    itself. Runs on a worker thread. An article left without content sentences is a `Failure`
    with the CLI's message.
    """
    pristine = [copy.deepcopy(a) for a in articles]
    try:
        scored: list[Article | Failure] = list(scorer.score_articles(articles))
    except Exception:  # one article broke the batch: find which, score the others
        scored = []
        for original in pristine:
            article = copy.deepcopy(original)
            try:
                scored.extend(scorer.score_articles([article]))
            except Exception as exc:
                log.exception("scoring article %r failed", article.id)
                detail = " ".join(str(exc).split())[:200] or "no detail"
                message = errors.E_HTTP_SCORING_FAILED.format(
                    kind=type(exc).__name__, detail=detail
                )
                scored.append(Failure(article.id, message, status=500))
    out: list[Article | Failure] = []
    for item in scored:
        if isinstance(item, Article) and not item.sentences:
            item = Failure(item.id, errors.E_NO_CONTENT.format(removed=len(item.removed)))
        out.append(item)
    return out
