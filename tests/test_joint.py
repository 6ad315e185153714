"""Joint training (training/joint.py): span rows line up with the encoder's word pieces, and a
run writes a model directory that scorer loads with both heads."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.conftest import TINY
from training.joint import (
    JointConfig,
    package,
    read_rows,
    soup,
    span_batch,
    span_targets,
    train,
)

SENTENCE = "“It never happened,” spokeswoman Karine Jean-Pierre said on Tuesday."


def _words(text: str) -> list[tuple[int, int]]:
    from scorer.segment import load_nlp

    return [(t.idx, t.idx + len(t)) for t in load_nlp()(text) if not t.is_space]


def _span_file(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i, (text, context, source, cue) in enumerate(rows):
            words = _words(text)
            tags = {"source": ["O"] * len(words), "cue": ["O"] * len(words)}
            for kind, (first, last) in (("source", source), ("cue", cue)):
                tags[kind][first] = "B"
                for k in range(first + 1, last + 1):
                    tags[kind][k] = "I"
            record = {"article": "a", "sentence": i, "text": text, "context": context}
            f.write(json.dumps({**record, "words": words, **tags, "content": ["O"] * len(words)}))
            f.write("\n")
    return path


@pytest.fixture()
def span_file(tmp_path):
    # word indices: “ It never happened , ” spokeswoman Karine Jean - Pierre said on Tuesday .
    return _span_file(
        tmp_path / "spans.jsonl.gz",
        [(SENTENCE, "The report came out on Monday.", (6, 10), (11, 11))],
    )


def test_each_word_gets_its_first_word_piece_and_its_tags(span_file) -> None:
    from scorer.classifiers.transformer import TransformerClassifier, default_model_dir

    tokenizer = TransformerClassifier.load(default_model_dir()).tokenizer
    (row,) = read_rows(span_file)
    encoded, pieces, kept = span_batch(tokenizer, [row], 112)
    assert kept == [list(range(len(row.words)))]
    tokens = tokenizer.convert_ids_to_tokens(encoded["input_ids"][0])
    firsts = [tokens[p] for p in pieces[0]]
    # the sentence comes first (sentence-first encoding); each word starts at its first piece
    assert firsts[6] == "spoke" and firsts[7] == "karin" and firsts[11] == "said"
    targets = span_targets([row], kept, len(pieces[0]))
    assert targets[0, 6, 0].item() == 1 and targets[0, 10, 0].item() == 2  # B, I (SOURCE)
    assert targets[0, 11, 1].item() == 1 and targets[0, 5, 0].item() == 0  # CUE B; "”" O


def test_a_long_sentence_keeps_its_opening_words(tmp_path) -> None:
    from scorer.classifiers.transformer import TransformerClassifier, default_model_dir

    tokenizer = TransformerClassifier.load(default_model_dir()).tokenizer
    text = "Sanders said " + "very " * 150 + "much."
    (row,) = read_rows(_span_file(tmp_path / "long.jsonl.gz", [(text, "Before.", (0, 0), (1, 1))]))
    _, pieces, kept = span_batch(tokenizer, [row], 112)
    assert kept[0][:2] == [0, 1] and len(kept[0]) < len(row.words)
    assert len(pieces[0]) == len(kept[0])


@pytest.mark.slow
def test_a_joint_run_loads_with_both_heads(tmp_path, span_file, tiny_file) -> None:
    from scorer.classifiers.transformer import TransformerClassifier

    config = JointConfig(
        label_files=[tiny_file], spans=span_file, output=tmp_path / "run", epochs=2, batch_size=4
    )
    train(config, log=lambda _: None)
    packaged = package(tmp_path / "run", tmp_path / "packaged")
    classifier = TransformerClassifier.load(packaged)
    assert classifier.spans is not None and classifier.spans.layers == (2, 4, 6)
    ((prediction, spans),) = classifier.annotate([(SENTENCE, "")], [_words(SENTENCE)])
    assert prediction.label in {r["label"] for r in TINY}
    assert all(0 <= s.start < s.end <= len(SENTENCE) for s in spans)


@pytest.mark.slow
def test_a_soup_is_the_mean_of_its_runs(tmp_path, span_file, tiny_file) -> None:
    from safetensors.torch import load_file

    from scorer.classifiers.transformer import TransformerClassifier

    runs = []
    for rate in (6e-5, 2e-4):
        out = tmp_path / f"run{rate}"
        config = JointConfig(
            label_files=[tiny_file], spans=span_file, output=out, epochs=3, learning_rate=rate
        )
        runs.append(train(config, log=lambda _: None))
    mixed = soup(runs, tmp_path / "soup")
    key = "bert.encoder.layer.0.attention.self.query.weight"
    a, b, m = (load_file(str(d / "model.safetensors"))[key].float() for d in (*runs, mixed))
    assert not bool((a == b).all())  # the learning rates gave two different runs
    assert float(((a + b) / 2 - m).abs().max()) < 1e-3  # fp16 rounding of the mean
    heads = [load_file(str(d / "spans.safetensors"))["out.weight"].float() for d in (*runs, mixed)]
    assert float(((heads[0] + heads[1]) / 2 - heads[2]).abs().max()) < 1e-3
    assert TransformerClassifier.load(mixed).spans is not None
