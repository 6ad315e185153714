"""Temperature scaling and expected calibration error."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from scorer.classifiers.transformer import TransformerClassifier, default_model_dir
from training.calibrate import expected_calibration_error, fit_temperature


def test_ece_is_zero_when_confidence_matches_accuracy() -> None:
    confidence = np.array([0.75] * 4 + [0.5] * 2)
    correct = np.array([True, True, True, False, True, False])
    assert expected_calibration_error(confidence, correct) == pytest.approx(0.0)


def test_ece_of_overconfident_predictions() -> None:
    confidence = np.full(10, 0.95)
    correct = np.array([True] * 6 + [False] * 4)
    assert expected_calibration_error(confidence, correct) == pytest.approx(0.35)


def test_fit_temperature_recovers_the_temperature_that_generated_the_labels() -> None:
    rng = np.random.default_rng(0)
    true_logits = rng.normal(size=(4000, 4)) * 2.0
    probs = np.exp(true_logits) / np.exp(true_logits).sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(4, p=p) for p in probs])
    # a model three times too confident: its logits are the true ones times 3
    assert fit_temperature(true_logits * 3.0, labels) == pytest.approx(3.0, rel=0.1)


def test_the_model_applies_the_temperature_in_its_directory(tmp_path) -> None:
    model_dir = tmp_path / "model"
    shutil.copytree(default_model_dir(), model_dir)
    meta_path = model_dir / "scorer.json"
    meta = json.loads(meta_path.read_text())
    meta.pop("weights_sha256", None)
    items = [("Officials said the dam is safe.", ""), ("It was built in 1950.", "")]
    for temperature in (1.0, 4.0):
        meta["temperature"] = temperature
        meta_path.write_text(json.dumps(meta))
        clf = TransformerClassifier.load(model_dir, precision="fp32")
        probs = clf.probabilities(items)
        assert probs.sum(axis=1) == pytest.approx([1.0, 1.0])
        predictions = clf.predict(items)
        assert [p.confidence for p in predictions] == [round(float(p), 4) for p in probs.max(1)]
        if temperature == 1.0:
            sharp = probs.max(axis=1)
    assert (probs.max(axis=1) < sharp).all()  # a higher temperature softens every prediction
