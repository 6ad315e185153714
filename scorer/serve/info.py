"""What `GET /v1/model` says about the loaded classifier: name, version, labels, the card's
metrics (from the model directory's `scorer.json` and `README.md`, the model card)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from scorer.article import LABELS
from scorer.classifiers.transformer import default_model_dir
from scorer.pipeline import SCHEMA_VERSION, Scorer

_VERSION = re.compile(r"\(model (v[0-9][\w.-]*)\)")
_DATE = re.compile(r"\*\*Date\*\*:\s*([0-9]{4}-[0-9]{2}-[0-9]{2})")


def _card(model_dir: Path) -> tuple[dict[str, Any], str]:
    """The model directory's `scorer.json` (or {}) and the card's text (or "")."""
    meta: dict[str, Any] = {}
    try:
        meta = json.loads((model_dir / "scorer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    try:
        card = (model_dir / "README.md").read_text(encoding="utf-8")
    except OSError:
        card = ""
    return (meta if isinstance(meta, dict) else {}), card


def model_info(scorer: Scorer) -> dict[str, Any]:
    """The `GET /v1/model` answer for `scorer`'s classifier.

    The metrics are the card's rows for this classifier (`model` is int8 inference,
    `model-fp32` full precision, `rules` the baseline, which the card also measures); a
    classifier the card does not measure has none.

    Example:
        >>> from scorer import ScoringConfig
        >>> info = model_info(Scorer(ScoringConfig(classifier="rules")))
        >>> info["name"], info["labels"][0]
        ('rules', 'named-source')
    """
    classifier = scorer.classifier
    model_dir = Path(scorer.config.model_dir or default_model_dir())
    loaded = getattr(classifier, "meta", None)
    meta, card = _card(model_dir)
    if isinstance(loaded, dict) and loaded:
        meta = loaded
    is_model = loaded is not None
    version = _VERSION.search(card) if is_model else None
    date = _DATE.search(card) if is_model else None
    metrics = {
        gold: rows[classifier.name]
        for gold, rows in (meta.get("metrics") or {}).items()
        if isinstance(rows, dict) and classifier.name in rows
    }
    return {
        "name": model_dir.name if is_model else classifier.name,
        "version": version.group(1) if version else None,
        "classifier": classifier.name,
        "labels": list(getattr(classifier, "labels", LABELS)),
        "precision": scorer.config.precision if is_model else None,
        "base_model": meta.get("base_model") if is_model else None,
        "date": date.group(1) if date else None,
        "temperature": meta.get("temperature") if is_model else None,
        "calibration": meta.get("calibration") if is_model else None,
        "metrics": metrics,
        "schema_version": SCHEMA_VERSION,
    }
