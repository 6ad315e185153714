"""Sentence classifiers behind one protocol: the fine-tuned model and the rule baseline."""

from __future__ import annotations

from pathlib import Path

from scorer.classifiers.base import Classifier, Prediction
from scorer.classifiers.rules import RuleClassifier

__all__ = ["CLASSIFIERS", "Classifier", "Prediction", "RuleClassifier", "load_classifier"]


CLASSIFIERS = ("auto", "model", "onnx", "rules")


def default_model_dir() -> Path:
    """Where the shipped model lives: `$SCORER_MODEL`, else `models/sourcing-minilm` in the repo."""
    import os

    env = os.environ.get("SCORER_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models" / "sourcing-minilm"


def load_classifier(
    kind: str = "auto", model_dir: Path | str | None = None, *, precision: str = "int8"
) -> Classifier:
    """The classifier for `kind`: "model", "onnx" (the model as ONNX int8, exported once and
    cached; needs the `fast` extra), "rules", or "auto" (model if one is installed).
    `precision` ("int8" or "fp32") is the PyTorch model's inference precision.

    Raises:
        ModelError: `kind` is "model" and the model directory is missing or broken.
    """
    from scorer import errors

    if kind not in CLASSIFIERS:
        raise errors.ConfigError(
            errors.E_BAD_CHOICE.format(
                field="classifier", choices=", ".join(CLASSIFIERS), value=kind
            )
        )
    if kind == "rules":
        return RuleClassifier()
    path = Path(model_dir) if model_dir else default_model_dir()
    if kind == "auto" and not (path / "config.json").exists():
        return RuleClassifier()
    if kind == "onnx":
        from scorer.onnx import OnnxClassifier

        return OnnxClassifier.load(path)
    from scorer.model import ModelClassifier

    return ModelClassifier.load(path, precision=precision)
