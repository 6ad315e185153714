"""Shared fixtures: the seeds and gold from ../shared, and scorers loaded once per session."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scorer.classifiers.base import Prediction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
MODEL_DIR = ROOT / "models" / "sourcing-minilm"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SHARED.exists():  # pragma: no cover - CI always has ../shared
        raise pytest.UsageError(f"{SHARED} is missing: the tests read the seeds and corpora there")


@pytest.fixture(scope="session")
def gold_docs() -> list[dict]:
    return [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="session")
def rules_scorer():
    from scorer import Scorer, ScoringConfig

    return Scorer(ScoringConfig(classifier="rules"))


@pytest.fixture(scope="session")
def model_classifier():
    from scorer.classifiers.transformer import TransformerClassifier

    if not (MODEL_DIR / "config.json").exists():
        pytest.fail(f"the shipped model is missing at {MODEL_DIR}")
    return TransformerClassifier.load(MODEL_DIR)


@pytest.fixture(scope="session")
def model_scorer(model_classifier):
    from scorer import Scorer, ScoringConfig

    return Scorer(ScoringConfig(classifier="model"), classifier=model_classifier)


@dataclass
class _Scripted:
    """A classifier that labels each sentence by the first words it starts with."""

    labels: dict[str, str]
    name: str = "scripted"
    context_sentences: int = 1

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        return [Prediction(self._label(text), 0.9) for text, _ in items]

    def _label(self, text: str) -> str:
        """The label of the longest opening `text` starts with ("" matches any text)."""
        openings = [k for k in self.labels if text.startswith(k)]
        if not openings:
            raise KeyError(f"no scripted label for {text[:60]!r}")
        return self.labels[max(openings, key=len)]


@pytest.fixture
def scripted_scorer() -> Callable[[dict[str, str]], Any]:
    """A factory: the whole pipeline around a classifier scripted by sentence openings
    ({"Politico": "anonymous-source", ...}), to test what the pipeline does with a label."""
    from scorer import Scorer, ScoringConfig

    return lambda labels: Scorer(ScoringConfig(classifier="model"), classifier=_Scripted(labels))


@pytest.fixture
def chromium() -> str:
    """Path of a headless-capable Chromium: skipped where none is installed, but a failure in
    CI, whose `.ci/run` installs Debian's `chromium`."""
    import os
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run must install it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


TINY = [
    {"text": "Officials said the bridge will close next week.", "label": "anonymous-source"},
    {"text": "Mayor Ann Lee said the bridge will close next week.", "label": "named-source"},
    {"text": "The ministry denied the report and called it a hoax.", "label": "official-denial"},
    {"text": "The bridge was built in 1902 and carries a railway.", "label": "unattributed"},
]
"""One labelled sentence per label: the smallest training file (`tiny_file`)."""


@pytest.fixture()
def tiny_file(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in TINY))
    return path
