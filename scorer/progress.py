"""Progress on long runs: a rich bar on a terminal's stderr, nothing in pipes; a summary line.

Example:
    >>> import io
    >>> with Progress(stream=io.StringIO(), total=2, unit="articles") as progress:
    ...     progress.advance(1, sentences=10)
    ...     progress.advance(1, sentences=5)
    >>> progress.done, progress.sentences
    (2, 15)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

# Totals are counted only where that is cheap: a JSONL file larger than this is not scanned.
_COUNT_LIMIT_BYTES = 512 * 1024 * 1024


def is_terminal(stream: IO[str] | None) -> bool:
    """Whether `stream` is an interactive terminal (progress bars only go there)."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):
        return False


def estimate_articles(paths: Iterable[str]) -> int | None:
    """How many articles `paths` hold, counted cheaply (JSONL lines, files); None if unknown."""
    from scorer.io import SUFFIXES

    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix not in SUFFIXES:
                continue
            if suffix == ".jsonl":
                try:
                    if file.stat().st_size > _COUNT_LIMIT_BYTES:
                        return None
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
            else:
                total += 1
    return total


class Progress:
    """Counts work done; draws a rich progress bar only when `stream` is a terminal."""

    def __init__(
        self,
        *,
        stream: IO[str] | None = None,
        total: int | None = None,
        unit: str = "articles",
        description: str = "scoring",
    ) -> None:
        """Prepare the counter; the bar is shown (on a terminal) inside the `with` block."""
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.unit = unit
        self.description = description
        self.done = 0
        self.sentences = 0
        self.failed = 0
        self.started = time.perf_counter()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        self.started = time.perf_counter()
        if is_terminal(self.stream):
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.description, total=self.total, rate="")
        return self

    def set_total(self, total: int | None) -> None:
        """Set (or change) how many items the run holds, once it is known."""
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def advance(self, count: int = 1, *, sentences: int = 0, failed: int = 0) -> None:
        """Record `count` more items done (with their sentences and failures)."""
        self.done += count
        self.sentences += sentences
        self.failed += failed
        if self._bar is not None:
            rate = self.done / max(self.elapsed, 1e-9)
            self._bar.update(self._task, advance=count, rate=f"{rate:.1f} {self.unit}/s")

    def print(self, line: str) -> None:
        """Print a line to the stream, above the bar when there is one."""
        if self._bar is not None:
            from rich.markup import escape

            self._bar.console.print(escape(line), highlight=False, soft_wrap=True)
        else:
            print(line, file=self.stream, flush=True)

    @property
    def elapsed(self) -> float:
        """Seconds since the work started."""
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """The one-line summary: items, sentences, failures, time and rate."""
        seconds = self.elapsed
        rate = self.sentences / seconds if seconds > 0 else 0.0
        return (
            f"{self.description}: {self.done} {self.unit}, {self.sentences} sentences, "
            f"{self.failed} failed, {seconds:.1f} s ({rate:.1f} sentences/s)"
        )

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
