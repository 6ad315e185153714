"""What every classifier backend shares: the `Prediction` it returns, the `Classifier` protocol,
the inference precisions and how much preceding context a classifier reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from scorer import errors
from scorer.segment import CONTEXT_SENTENCES

PRECISIONS = ("int8", "fp32")
"""Inference precisions of the PyTorch backend: int8 (dynamic quantisation) or full fp32."""


@dataclass(frozen=True)
class Prediction:
    """A label with the classifier's confidence in it (0-1)."""

    label: str
    confidence: float


@runtime_checkable
class Classifier(Protocol):
    """Labels (sentence, context) pairs. `predict` has no side effects.

    A backend may also carry `context_sentences: int`, the number of preceding sentences it
    was trained to read as context; the pipeline builds each sentence's context to that size.
    """

    name: str

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        """Label each (sentence, preceding context) pair."""
        ...


def check_precision(precision: str) -> None:
    """Raise a `ConfigError` listing the valid values unless `precision` is one of them."""
    if precision not in PRECISIONS:
        raise errors.ConfigError(
            errors.E_BAD_CHOICE.format(
                field="precision", choices=", ".join(PRECISIONS), value=precision
            )
        )


def context_size(classifier: Classifier) -> int:
    """How many preceding sentences `classifier` reads: its `context_sentences` if it has one
    (a model records the size it was trained with), else the pipeline's `CONTEXT_SENTENCES`.

    Example:
        >>> from scorer.classifiers.rules import RuleClassifier
        >>> context_size(RuleClassifier())
        2
    """
    return int(getattr(classifier, "context_sentences", CONTEXT_SENTENCES))
