"""The built-in classifiers behind the `Classifier` protocol, on the project's own sentences."""

from __future__ import annotations

import pytest

from scorer.classifiers.base import Classifier
from scorer.classifiers.registry import load as load_classifier
from scorer.classifiers.rules import RuleClassifier
from scorer.classifiers.transformer import TransformerClassifier, encode_pairs, keeps_fp32
from scorer.errors import ConfigError, ModelError

CASES = [
    ("Officials said the plant would close by June.", "", "anonymous-source"),
    ("Health Minister Sara Lindqvist said the clinics would stay open.", "", "named-source"),
    ("The ministry denied the report, calling it baseless.", "", "official-denial"),
    ("The bridge was completed in 1932 and carries two railway lines.", "", "unattributed"),
    (
        "\u201cWe will rebuild every house,\u201d she said.",
        "Mayor Jane Ortiz toured the flooded streets on Monday.",
        "named-source",
    ),
    ("A person familiar with the talks said the deal could collapse.", "", "anonymous-source"),
]


def test_both_classifiers_follow_the_protocol(model_classifier):
    assert isinstance(RuleClassifier(), Classifier)
    assert isinstance(model_classifier, Classifier)


def test_rules_on_clear_cases():
    predictions = RuleClassifier().predict([(t, c) for t, c, _ in CASES])
    assert [p.label for p in predictions] == [label for _, _, label in CASES]


def test_model_on_clear_cases(model_classifier):
    predictions = model_classifier.predict([(t, c) for t, c, _ in CASES])
    assert [p.label for p in predictions] == [label for _, _, label in CASES]
    assert all(0.25 <= p.confidence <= 1 for p in predictions)


def test_model_keeps_input_order_across_batches(model_classifier):
    items = [(t, c) for t, c, _ in CASES] * 12
    labels = [p.label for p in model_classifier.predict(items)]
    assert labels == [label for _, _, label in CASES] * 12


def test_model_reads_context_for_back_references(model_classifier):
    anonymous_context = "A senior official, speaking on condition of anonymity, described the plan."
    named_context = "Finance Minister Ola Berg described the plan on Tuesday."
    text = "The official said the budget would be cut by a tenth."
    anon, named = model_classifier.predict(
        [(text, anonymous_context), ("He said the budget would be cut.", named_context)]
    )
    assert anon.label == "anonymous-source"
    assert named.label == "named-source"


def test_load_classifier_choices_and_missing_model(tmp_path):
    assert load_classifier("rules").name == "rules"
    with pytest.raises(ModelError, match="can't find a model"):
        load_classifier("auto", tmp_path)  # a model directory given is never silently skipped
    with pytest.raises(ModelError, match="can't find a model"):
        load_classifier("model", tmp_path)
    with pytest.raises(ModelError, match="can't find a model"):
        load_classifier("transformer", tmp_path)
    with pytest.raises(
        ConfigError, match="classifier must be one of auto, model, onnx, rules, transformer"
    ):
        load_classifier("bert")


def test_int8_is_the_default_and_agrees_with_fp32(model_classifier):
    import torch

    from tests.conftest import MODEL_DIR

    fp32 = TransformerClassifier.load(MODEL_DIR, precision="fp32")
    assert (model_classifier.name, fp32.name) == ("model", "model-fp32")
    linear = {
        n: type(m)
        for n, m in model_classifier.model.named_modules()
        if "Linear" in type(m).__name__ and not n.endswith("._packed_params")
    }
    quantised = [n for n, t in linear.items() if t is not torch.nn.Linear]
    assert len(quantised) == 4 * 6 + 6  # attention q/k/v/out and the FFN input, per layer
    assert all(keeps_fp32(n) == (t is torch.nn.Linear) for n, t in linear.items())
    items = [
        ("“It was a hoax,” the spokesman said.", ""),
        ("Officials said the dam was safe.", ""),
        ("Finance Minister Ana Duarte said the budget would be cut.", ""),
        ("The bridge was built in 1950.", ""),
    ]
    labels = ["official-denial", "anonymous-source", "named-source", "unattributed"]
    assert [p.label for p in model_classifier.predict(items)] == labels
    assert [p.label for p in fp32.predict(items)] == labels
    with pytest.raises(ConfigError, match="precision must be one of int8, fp32"):
        TransformerClassifier.load(MODEL_DIR, precision="fp16")


def test_default_scorer_uses_shipped_model(model_scorer):
    article = model_scorer.score_text("Officials said the dam was safe. It was built in 1950.")
    assert [s.label for s in article.sentences] == ["anonymous-source", "unattributed"]


@pytest.mark.slow
def test_onnx_int8_agrees_with_the_model(model_classifier, tmp_path, monkeypatch):
    from scorer.classifiers.onnx import OnnxClassifier
    from tests.conftest import MODEL_DIR

    monkeypatch.setenv("SCORER_CACHE", str(tmp_path))
    onnx = OnnxClassifier.load(MODEL_DIR)
    items = [(t, c) for t, c, _ in CASES]
    assert [p.label for p in onnx.predict(items)] == [
        p.label for p in model_classifier.predict(items)
    ]
    assert list(tmp_path.glob("*/model.int8.onnx"))


LONG_SENTENCE = (
    "Health Minister Sara Lindqvist said the regional clinics in the northern provinces would "
    "stay open through the winter, that the ministry would hire another four hundred nurses "
    "and midwives before the end of the year, that the waiting lists for hip and knee "
    "operations would be halved within eighteen months, and that the new emergency wing at "
    "the university hospital in Umea would open in the spring as planned despite the delays."
)
LONG_CONTEXT = (
    "The storm reached the coast late on Sunday evening and cut power to thousands of homes. "
    "Rivers in the valley rose by more than two metres overnight, flooding the lower streets "
    "of three towns, closing the main railway line and the motorway bridge for most of Monday."
)


def test_a_long_sentence_keeps_its_opening_and_the_context_its_end(model_classifier):
    tokenizer, limit = model_classifier.tokenizer, model_classifier.max_length
    encoded = encode_pairs(tokenizer, [(LONG_SENTENCE, LONG_CONTEXT)], limit)
    text = tokenizer.decode(encoded["input_ids"][0])
    assert len(encoded["input_ids"][0]) <= limit
    # the attribution at the sentence's start survives; the context keeps its last words
    assert text.startswith("[CLS] health minister sara lindqvist said")
    assert text.endswith("for most of monday. [SEP]")
    assert "the storm reached" not in text
    (prediction,) = model_classifier.predict([(LONG_SENTENCE, LONG_CONTEXT)])
    assert prediction.label == "named-source"
