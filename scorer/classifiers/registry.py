"""The classifier registry: a name → a loader that returns a `Classifier`.

The built-ins are registered here in code, so they work whatever the installed package
metadata says:

- "rules": the rule baseline;
- "transformer" (and "model", its older name): a local Hugging Face sequence classifier
  (the shipped model by default);
- "onnx": the transformer exported to ONNX Runtime int8 (the `fast` extra);
- "auto": the transformer if a model is installed, else the rules; a model directory given
  (`--model` or `$SCORER_MODEL`) must load, it never falls back to the rules.

Another package adds a backend without editing scorer, by declaring a loader in the
`scorer.classifiers` entry-point group of its `pyproject.toml`:

    [project.entry-points."scorer.classifiers"]
    my-backend = "my_package.scorer_backend:load"

A loader is called as `loader(model_dir, precision=precision)`, with `model_dir` None when the
user gave no `--model`. Names registered in code win over entry points of the same name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from scorer import errors
from scorer.classifiers.base import Classifier
from scorer.classifiers.onnx import OnnxClassifier
from scorer.classifiers.rules import RuleClassifier
from scorer.classifiers.transformer import TransformerClassifier, default_model_dir

ENTRY_POINT_GROUP = "scorer.classifiers"

Loader = Callable[..., Classifier]
"""`loader(model_dir: Path | None, *, precision: str) -> Classifier`."""

_LOADERS: dict[str, Loader] = {}


def register(name: str, loader: Loader) -> None:
    """Make `loader` available as `--classifier NAME` / `ScoringConfig(classifier=name)`.

    Example:
        >>> from scorer.classifiers.rules import RuleClassifier
        >>> register("my-rules", lambda model_dir, *, precision: RuleClassifier())
        >>> "my-rules" in available()
        True
        >>> unregister("my-rules")

    Raises:
        ConfigError: the name is already registered in code.
    """
    if name in _LOADERS:
        raise errors.ConfigError(errors.E_CLASSIFIER_TAKEN.format(name=name))
    _LOADERS[name] = loader


def unregister(name: str) -> None:
    """Remove a name registered in code (built-ins included); unknown names are ignored."""
    _LOADERS.pop(name, None)


def _entry_points() -> dict[str, metadata.EntryPoint]:
    """Installed packages' backends, read afresh so packages installed since are seen."""
    found = metadata.entry_points(group=ENTRY_POINT_GROUP)
    return {ep.name: ep for ep in found if ep.name not in _LOADERS}


def available() -> list[str]:
    """Every registered name, sorted: the built-ins, those registered in code, entry points."""
    return sorted({*_LOADERS, *_entry_points()})


def describe() -> dict[str, str]:
    """Each registered name with one line on what it is (its loader's docstring summary)."""
    plugins = _entry_points()
    out: dict[str, str] = {}
    for name in available():
        if name in _LOADERS:
            doc = (_LOADERS[name].__doc__ or "").strip()
            out[name] = doc.splitlines()[0] if doc else ""
        else:
            out[name] = f"from an installed package (entry point {plugins[name].value})"
    return out


def check_name(name: str) -> None:
    """Raise a `ConfigError` listing the registered names unless `name` is one of them."""
    if name not in _LOADERS and name not in _entry_points():
        raise errors.ConfigError(
            errors.E_UNKNOWN_CLASSIFIER.format(choices=", ".join(available()), value=name)
        )


def _resolve(name: str) -> Loader:
    if name in _LOADERS:
        return _LOADERS[name]
    check_name(name)
    entry_point = _entry_points()[name]
    try:
        loader = entry_point.load()
    except Exception as exc:  # a broken plugin: any import-time failure
        raise errors.ConfigError(
            errors.E_PLUGIN_BROKEN.format(name=name, target=entry_point.value, detail=exc)
        ) from exc
    if not callable(loader):
        raise errors.ConfigError(
            errors.E_PLUGIN_BROKEN.format(
                name=name, target=entry_point.value, detail="it is not callable"
            )
        )
    return loader


def load(
    name: str = "auto", model_dir: Path | str | None = None, *, precision: str = "int8"
) -> Classifier:
    """The classifier registered as `name`, loaded from `model_dir` (None: its default).

    Example:
        >>> load("rules").name
        'rules'

    Raises:
        ConfigError: no classifier has that name.
        ModelError: the backend needs a model directory that is missing or broken.
    """
    loader = _resolve(name)
    return loader(Path(model_dir) if model_dir else None, precision=precision)


# --- built-in loaders ----------------------------------------------------------------------------


def load_rules(model_dir: Path | None = None, *, precision: str = "int8") -> Classifier:
    """The rule baseline: cue words, anonymity markers, denial verbs (no model needed)."""
    return RuleClassifier()


def load_transformer(model_dir: Path | None = None, *, precision: str = "int8") -> Classifier:
    """A local Hugging Face sequence classifier with our labels (default: the shipped model)."""
    return TransformerClassifier.load(model_dir or default_model_dir(), precision=precision)


def load_model(model_dir: Path | None = None, *, precision: str = "int8") -> Classifier:
    """The transformer backend, under its older name."""
    return load_transformer(model_dir, precision=precision)


def load_onnx(model_dir: Path | None = None, *, precision: str = "int8") -> Classifier:
    """The transformer run by ONNX Runtime with int8 weights (needs the `fast` extra)."""
    return OnnxClassifier.load(model_dir)


def load_auto(model_dir: Path | None = None, *, precision: str = "int8") -> Classifier:
    """The transformer if a model is installed (or given), else the rule baseline."""
    # only an absent shipped model falls back: a model the user names must load or fail
    named = model_dir is not None or bool(os.environ.get("SCORER_MODEL"))
    path = model_dir or default_model_dir()
    if not named and not (path / "config.json").exists():
        return RuleClassifier()
    return TransformerClassifier.load(path, precision=precision)


for _name, _loader in (
    ("auto", load_auto),
    ("model", load_model),
    ("onnx", load_onnx),
    ("rules", load_rules),
    ("transformer", load_transformer),
):
    register(_name, _loader)
