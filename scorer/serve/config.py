"""Settings of `scorer serve`, and the check that the `serve` extra is installed.

This module needs nothing beyond the standard library, so the CLI can tell a user without the
extra what to install instead of failing on an import.
"""

from __future__ import annotations

import importlib
import ipaddress
import math
import os
from dataclasses import dataclass, field

from scorer import errors
from scorer.pipeline import ScoringConfig

EXTRA_MODULES = ("fastapi", "uvicorn")
TOKEN_ENV = "SCORER_TOKEN"


def check_extra() -> None:
    """Raise a `ScorerError` naming `pip install -e ".[serve]"` unless the extra is installed."""
    missing = []
    for name in EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise errors.ScorerError(errors.E_SERVE_MISSING.format(missing=", ".join(missing)))


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class ServeConfig:
    """Settings of the desk service (`scorer serve`).

    Attributes:
        scoring: how articles are scored (classifier, model directory, precision, outlets);
            its `max_mb` is the size limit of one article, as in `scorer score`.
        host: interface to bind; the loopback interface unless a desk decides otherwise.
        port: TCP port.
        workers: scoring workers, each a thread with its own loaded `Scorer` (the pipeline is
            not safe to call from several threads at once).
        threads: torch threads each worker computes with; 0: the available cores divided
            among the workers (at least 1). Set by `serve`, for the whole process.
        max_queue: requests that may wait for a worker; one more gets 503 at once.
        queue_timeout: seconds a request may wait for a worker before it gets 503.
        max_batch: articles one batch or triage request may hold; more gets 413.
        max_batch_mb: size limit of a batch or triage request body, in MB.
        token: bearer token every `/v1` request must carry; None: no token. Default: the
            `SCORER_TOKEN` environment variable.
        load_encoder: load the sentence encoder that triage groups stories with at start-up
            (else on the first triage request).
    """

    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    threads: int = 0
    max_queue: int = 64
    queue_timeout: float = 30.0
    max_batch: int = 100
    max_batch_mb: float = 50.0
    token: str | None = field(default_factory=lambda: os.environ.get(TOKEN_ENV) or None)
    load_encoder: bool = True

    def __post_init__(self) -> None:
        checks = (
            ("workers", self.workers >= 1, "a whole number of at least 1"),
            ("threads", self.threads >= 0, "0 (automatic) or a positive number"),
            ("max_queue", self.max_queue >= 0, "0 or more"),
            ("queue_timeout", self.queue_timeout > 0, "a positive number of seconds"),
            ("max_batch", self.max_batch >= 1, "a whole number of at least 1"),
            ("max_batch_mb", 0 < self.max_batch_mb < math.inf, "a positive number of MB"),
            ("max_mb", 0 < self.scoring.max_mb < math.inf, "a positive number of MB"),
            ("port", 0 <= self.port <= 65535, "a TCP port (0-65535)"),
        )
        for name, ok, expected in checks:
            if not ok:
                value = getattr(self, name)
                raise errors.ConfigError(
                    errors.E_SERVE_BAD_VALUE.format(field=name, expected=expected, value=value)
                )
        if self.token is not None and not self.token.strip():
            raise errors.ConfigError(
                errors.E_SERVE_BAD_VALUE.format(
                    field="token", expected="a non-empty string", value=self.token
                )
            )

    @property
    def torch_threads(self) -> int:
        """The torch threads per worker: `threads`, or the available cores shared out."""
        if self.threads:
            return self.threads
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - macOS, Windows
            cores = os.cpu_count() or 1
        return max(1, cores // self.workers)

    @property
    def max_article_bytes(self) -> int:
        """The size limit of one article, in bytes (`scoring.max_mb`)."""
        return int(self.scoring.max_mb * 1024 * 1024)

    @property
    def max_batch_bytes(self) -> int:
        """The size limit of a batch body, in bytes."""
        return int(self.max_batch_mb * 1024 * 1024)
