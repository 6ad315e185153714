"""The classifier registry (built-ins, `register`, entry points) and the transformer backend on an
ordinary Hugging Face model trained here from scratch."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.article import LABELS
from scorer.classifiers import registry
from scorer.classifiers.base import Classifier, Prediction, context_size
from scorer.classifiers.transformer import TransformerClassifier, is_compact, read_meta
from scorer.cli import app
from scorer.errors import ConfigError, ModelError
from scorer.pipeline import Scorer, ScoringConfig
from scorer.segment import CONTEXT_SENTENCES
from tests.conftest import MODEL_DIR, ROOT

BUILT_INS = ("auto", "model", "onnx", "rules", "transformer")

ROWS = [
    ("Officials said the plant would close.", "anonymous-source"),
    ("A person familiar with the talks said the deal could fail.", "anonymous-source"),
    ("Mayor Jane Ortiz said the plant would close.", "named-source"),
    ("Minister Ola Berg said the budget would be cut.", "named-source"),
    ("The ministry denied the report and called it a hoax.", "official-denial"),
    ("The spokesman denied the claims as baseless.", "official-denial"),
    ("The bridge was built in 1932.", "unattributed"),
    ("The river flooded the town on Monday.", "unattributed"),
]
# Not the order of scorer.article.LABELS: outputs must be mapped by name, not by index.
TINY_LABELS = ["unattributed", "official-denial", "named-source", "anonymous-source"]


@dataclass
class EchoClassifier:
    """Labels every sentence `official-denial` and keeps what it was asked to label."""

    context_sentences: int = 1
    name: str = "echo"
    seen: list[tuple[str, str]] = field(default_factory=list)

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        self.seen.extend(items)
        return [Prediction("official-denial", 0.5) for _ in items]


@pytest.fixture()
def echo_backend():
    calls: list[tuple[Path | None, str]] = []
    made: list[EchoClassifier] = []

    def load_echo(model_dir: Path | None, *, precision: str) -> Classifier:
        """Labels everything a denial; for tests."""
        calls.append((model_dir, precision))
        made.append(EchoClassifier())
        return made[-1]

    registry.register("echo", load_echo)
    yield calls, made
    registry.unregister("echo")


def test_registry_lists_the_built_ins():
    assert set(BUILT_INS) <= set(registry.available())
    assert registry.available() == sorted(registry.available())
    descriptions = registry.describe()
    assert "rule baseline" in descriptions["rules"]
    assert "Hugging Face" in descriptions["transformer"]
    assert registry.load("rules").name == "rules"


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ConfigError, match="classifier must be one of auto, model, onnx, rules, t"):
        ScoringConfig(classifier="bert")
    with pytest.raises(ConfigError, match="got 'bert'"):
        registry.load("bert")


def test_a_registered_backend_is_used_by_scorer(echo_backend):
    calls, made = echo_backend
    assert "echo" in registry.available()
    with pytest.raises(ConfigError, match="already registered"):
        registry.register("echo", lambda model_dir, *, precision: EchoClassifier())
    scorer = Scorer(ScoringConfig(classifier="echo", model_dir=Path("somewhere"), precision="fp32"))
    assert calls == [(Path("somewhere"), "fp32")]
    article = scorer.score_text("Officials met. The dam is safe. It was built in 1950.")
    assert [s.label for s in article.sentences] == ["official-denial"] * 3
    # the backend reads one preceding sentence, so the pipeline gives it one
    assert made[0].seen[-1] == ("It was built in 1950.", "The dam is safe.")
    assert context_size(made[0]) == 1


def test_cli_lists_and_uses_a_registered_backend(echo_backend):
    listed = CliRunner().invoke(app, ["classifiers"])
    assert listed.exit_code == 0
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert names == registry.available() and "echo" in names
    assert "Labels everything a denial" in listed.stdout
    result = CliRunner().invoke(
        app,
        ["score", str(ROOT / "examples" / "article.txt"), "--classifier", "echo", "-f", "jsonl"],
    )
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["classifier"] == "echo"
    assert {s["label"] for s in article["sentences"]} == {"official-denial"}
    bad = CliRunner().invoke(app, ["score", "-", "--classifier", "nope"], input="Text.")
    assert bad.exit_code == 2 and "must be one of" in bad.output and "echo" in bad.output


def _install_plugin(root: Path, entry_points: str) -> None:
    """A real installed distribution on `root`: a module and its dist-info with entry points."""
    (root / "scorer_echo_plugin.py").write_text(
        textwrap.dedent(
            '''
            from scorer.classifiers.rules import RuleClassifier


            def load(model_dir, *, precision):
                """Rules under a plugin's name."""
                classifier = RuleClassifier()
                classifier.name = "plugin-rules"
                return classifier
            '''
        )
    )
    info = root / "scorer_echo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: scorer-echo-plugin\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text(f"[scorer.classifiers]\n{entry_points}")


def test_an_entry_point_backend_is_discovered(tmp_path, monkeypatch):
    assert "plugin-rules" not in registry.available()
    _install_plugin(
        tmp_path,
        "plugin-rules = scorer_echo_plugin:load\n"
        "broken = scorer_no_such_module:load\n"
        "rules = scorer_echo_plugin:load\n",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert {"plugin-rules", "broken"} <= set(registry.available())
    assert "scorer_echo_plugin:load" in registry.describe()["plugin-rules"]
    article = Scorer(ScoringConfig(classifier="plugin-rules")).score_text(
        "Officials said the dam is safe. It was built in 1950."
    )
    assert [s.label for s in article.sentences] == ["anonymous-source", "unattributed"]
    # a built-in name in a plugin does not shadow the built-in
    assert registry.load("rules").name == "rules"
    with pytest.raises(ConfigError, match="'broken' .* could not be loaded"):
        registry.load("broken")


def test_shipped_model_is_the_compact_format(model_classifier):
    meta = read_meta(MODEL_DIR)
    assert is_compact(meta)
    assert model_classifier.context_sentences == meta["context_sentences"] == CONTEXT_SENTENCES
    id2label = json.loads((MODEL_DIR / "config.json").read_text())["id2label"]
    assert model_classifier.labels == [id2label[str(i)] for i in range(len(LABELS))]


def _tiny_tokenizer(words: list[str]):
    from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece
    from transformers import PreTrainedTokenizerFast

    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words])}
    core = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    core.normalizer = normalizers.BertNormalizer(lowercase=True)
    core.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    core.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=core,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_input_names=["input_ids", "token_type_ids", "attention_mask"],
    )


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A 2-layer BERT trained from scratch to overfit ROWS, saved with `save_pretrained`."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    words = sorted({w for text, _ in ROWS for w in re.findall(r"\w+|[^\w\s]", text.lower())})
    tokenizer = _tiny_tokenizer(words)
    config = BertConfig(
        vocab_size=len(words) + 5,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
        id2label=dict(enumerate(TINY_LABELS)),
        label2id={label: i for i, label in enumerate(TINY_LABELS)},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    # trained as scored: each sentence paired with its (here empty) context
    encoded = tokenizer([t for t, _ in ROWS], [""] * len(ROWS), padding=True, return_tensors="pt")
    target = torch.tensor([TINY_LABELS.index(label) for _, label in ROWS])
    model.train()
    for _ in range(60):
        model(**encoded, labels=target).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.eval()
    out = tmp_path_factory.mktemp("tiny") / "model"
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


@pytest.mark.slow
def test_an_ordinary_hugging_face_model_loads_and_predicts(tiny_model_dir):
    assert (tiny_model_dir / "model.safetensors").exists()
    assert not is_compact(read_meta(tiny_model_dir))
    for precision in ("fp32", "int8"):
        classifier = registry.load("transformer", tiny_model_dir, precision=precision)
        assert isinstance(classifier, TransformerClassifier)
        assert classifier.labels == TINY_LABELS
        assert classifier.context_sentences == CONTEXT_SENTENCES  # no scorer.json: the default
        assert classifier.max_length == 64  # capped by the model's position embeddings
        predictions = classifier.predict([(text, "") for text, _ in ROWS])
        assert [p.label for p in predictions] == [label for _, label in ROWS]
        assert all(0.25 < p.confidence <= 1 for p in predictions)


@pytest.mark.slow
def test_model_directory_context_size_reaches_the_pipeline(tiny_model_dir, tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    (model_dir / "scorer.json").write_text(json.dumps({"context_sentences": 1}))
    scorer = Scorer(ScoringConfig(classifier="model", model_dir=model_dir, precision="fp32"))
    assert scorer.classifier.context_sentences == 1
    article = scorer.score_text("The bridge was built in 1932. It is old. The river flooded.")
    assert [s.context for s in article.sentences] == ["", *[s.text for s in article.sentences][:2]]
    assert {s.label for s in article.sentences} <= set(LABELS)


@pytest.mark.slow
def test_cli_scores_with_a_model_directory(tiny_model_dir, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("\n".join(text for text, _ in ROWS), encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["score", str(article), "--model", str(tiny_model_dir), "--classifier", "transformer"]
        + ["--format", "jsonl", "--precision", "fp32"],
    )
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    assert scored["classifier"] == "model-fp32"
    assert [s["label"] for s in scored["sentences"]][:2] == ["anonymous-source"] * 2
    assert {s["label"] for s in scored["sentences"]} <= set(LABELS)


def _broken_copy(source: Path, target: Path, *, labels: list[str] | None = None) -> Path:
    shutil.copytree(source, target)
    if labels is not None:
        config = json.loads((target / "config.json").read_text())
        config["id2label"] = dict(enumerate(labels))
        config["label2id"] = {label: i for i, label in enumerate(labels)}
        (target / "config.json").write_text(json.dumps(config))
    return target


@pytest.mark.slow
def test_model_directories_that_are_not_ours_are_refused(tiny_model_dir, tmp_path):
    sentiment = _broken_copy(
        tiny_model_dir, tmp_path / "sentiment", labels=["positive", "negative", "neutral", "mixed"]
    )
    with pytest.raises(ModelError, match="predicts .*'positive'.* needs exactly the labels"):
        registry.load("transformer", sentiment)
    three = _broken_copy(tiny_model_dir, tmp_path / "three", labels=list(LABELS[:3]))
    with pytest.raises(ModelError, match="needs exactly the labels"):
        registry.load("transformer", three)
    no_tokenizer = _broken_copy(tiny_model_dir, tmp_path / "no-tokenizer")
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (no_tokenizer / name).unlink()
    with pytest.raises(ModelError, match="has no tokenizer"):
        registry.load("transformer", no_tokenizer)
    with pytest.raises(ModelError, match="can't find a model"):
        registry.load("transformer", tmp_path / "nowhere")
    result = CliRunner().invoke(
        app, ["score", "-", "--model", str(sentiment), "--classifier", "model"], input="Text."
    )
    assert result.exit_code == 2
    assert result.output.startswith("error: the model at") and "Traceback" not in result.output
