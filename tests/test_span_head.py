"""The shipped span head: attribution spans from the classifier's forward pass
(scorer/classifiers/spans.py), in the pipeline's output, and as a source for chains."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scorer import errors
from scorer.classifiers.spans import (
    SPAN_META,
    SPAN_WEIGHTS,
    decode_bio,
    first_pieces,
    kept_words,
)
from scorer.pipeline import sentence_words

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


def test_the_shipped_model_has_a_span_head(model_classifier) -> None:
    assert model_classifier.spans is not None
    assert model_classifier.spans.layers == (2, 4, 6)


def test_annotate_gives_the_labels_predict_gives(model_scorer, model_classifier) -> None:
    article = model_scorer.score_text(EXAMPLE.read_text(encoding="utf-8"), id="example")
    items = [(s.text, s.context) for s in article.sentences]
    words = [[(0, len(s.text))] for s in article.sentences]  # words do not change labels
    annotated = model_classifier.annotate(items, words)
    assert [p for p, _ in annotated] == model_classifier.predict(items)


def test_spans_of_a_plain_attribution(model_classifier) -> None:
    text = "“It never happened,” White House spokeswoman Karine Jean-Pierre said on Tuesday."
    from scorer.segment import load_nlp

    words = [(t.idx, t.idx + len(t)) for t in load_nlp()(text) if not t.is_space]
    ((prediction, spans),) = model_classifier.annotate([(text, "")], [words])
    found = {(s.kind, text[s.start : s.end]) for s in spans}
    assert ("source", "White House spokeswoman Karine Jean-Pierre") in found
    assert ("cue", "said") in found
    assert prediction.label == "official-denial"


def test_output_spans_are_offsets_into_the_sentence(model_scorer) -> None:
    from scorer.pipeline import article_to_dict

    scored = model_scorer.score_text(EXAMPLE.read_text(encoding="utf-8"), id="example")
    article = article_to_dict(scored)
    sources = [
        span for s in article["sentences"] for span in s["spans"] if span["kind"] == "source"
    ]
    assert len(sources) >= 5
    for sentence in article["sentences"]:
        for span in sentence["spans"]:
            assert sentence["text"][span["start"] : span["end"]] == span["text"]
    okafor = next(s for s in article["sentences"] if "Daniel Okafor" in s["text"])
    assert any("Daniel Okafor" in span["text"] for span in okafor["spans"])


def test_sentence_words_are_offsets_into_the_sentence_text() -> None:
    from scorer.article import Article
    from scorer.segment import segment

    text = "Police said   two men were held.  “No,” he said."
    (article,) = segment([Article(id="w", raw=text, paragraphs=[text])])
    assert len(article.sentences) == 2
    for sentence in article.sentences:
        words = sentence_words(sentence)
        assert words
        assert all(sentence.text[a:b].strip() == sentence.text[a:b] != "" for a, b in words)
    first = [article.sentences[0].text[a:b] for a, b in sentence_words(article.sentences[0])]
    assert first[:3] == ["Police", "said", "two"]


def test_a_model_directory_without_a_span_head_scores_without_spans(tmp_path, model_classifier):
    from scorer import Scorer, ScoringConfig
    from scorer.classifiers.transformer import TransformerClassifier, default_model_dir

    plain = tmp_path / "model"
    shutil.copytree(default_model_dir(), plain)
    (plain / SPAN_WEIGHTS).unlink()
    (plain / SPAN_META).unlink()
    classifier = TransformerClassifier.load(plain)
    assert classifier.spans is None
    scorer = Scorer(ScoringConfig(classifier="model", model_dir=plain), classifier=classifier)
    text = EXAMPLE.read_text(encoding="utf-8")
    without = scorer.score_text(text, id="example")
    assert all(s.spans == [] for s in without.sentences)
    items = [(s.text, s.context) for s in without.sentences]
    assert [s.label for s in without.sentences] == [
        p.label for p in model_classifier.predict(items)
    ]


def test_a_damaged_span_head_is_one_clear_error(tmp_path) -> None:
    from scorer.classifiers.transformer import TransformerClassifier, default_model_dir

    broken = tmp_path / "model"
    shutil.copytree(default_model_dir(), broken)
    (broken / SPAN_WEIGHTS).write_bytes(b"not safetensors")
    with pytest.raises(errors.ModelError, match="span head"):
        TransformerClassifier.load(broken)
    meta = json.loads((default_model_dir() / SPAN_META).read_text())
    assert meta["span_types"] == ["SOURCE", "CUE", "CONTENT"]


def test_first_pieces_map_words_to_their_first_word_piece() -> None:
    # [CLS] po ##lice said [SEP] ctx [SEP]: offsets of sequence 0 only count
    offsets = [(0, 0), (0, 2), (2, 6), (7, 11), (0, 0), (0, 3), (0, 0)]
    sequence_ids = [None, 0, 0, 0, None, 1, None]
    assert first_pieces([(0, 6), (7, 11)], offsets, sequence_ids) == [1, 3]
    # a word the tokenizer truncated away is left out, not given the last piece's state
    assert first_pieces([(0, 6), (7, 11), (12, 17)], offsets, sequence_ids) == [1, 3]
    assert kept_words([(0, 6), (7, 11), (12, 17)], offsets, sequence_ids) == [(0, 6), (7, 11)]
    assert decode_bio(["B", "I", "O", "B"]) == [(0, 2), (3, 4)]
