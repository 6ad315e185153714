"""What every classifier backend shares: the `Prediction` it returns, the `Classifier` protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Prediction:
    """A label with the classifier's confidence in it (0-1)."""

    label: str
    confidence: float


@runtime_checkable
class Classifier(Protocol):
    """Labels (sentence, context) pairs. `predict` has no side effects."""

    name: str

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        """Label each (sentence, preceding context) pair."""
        ...
