"""Training: overfit → save → reload → predict, resumable checkpoints, and data checking."""

from __future__ import annotations

import json

import pytest

from scorer.data import load_examples
from scorer.errors import ConfigError, DataError
from scorer.train import TrainingConfig, cap_per_label, class_weights, train
from tests.conftest import TINY


@pytest.mark.slow
def test_overfit_save_reload_predict(tiny_file, tmp_path):
    from scorer.classifiers.transformer import TransformerClassifier

    out = tmp_path / "model"
    config = TrainingConfig(
        train_files=[tiny_file],
        output_dir=out,
        epochs=25,
        batch_size=4,
        learning_rate=1e-3,
        warmup_ratio=0.0,
        save_steps=0,
        max_length=32,
    )
    train(config=config, progress=False, log=lambda _: None)
    assert (out / "model.safetensors").stat().st_size < 25 * 1024 * 1024
    assert not list(out.glob("*.bin")) and not list(out.glob("*.pt"))
    meta = json.loads((out / "scorer.json").read_text())
    assert len(meta["base_sha256"]) == 64
    classifier = TransformerClassifier.load(out)
    predictions = classifier.predict([(row["text"], "") for row in TINY])
    assert [p.label for p in predictions] == [row["label"] for row in TINY]


@pytest.mark.slow
def test_checkpoint_resume_continues_from_saved_step(tiny_file, tmp_path):
    out = tmp_path / "model"
    logs: list[str] = []
    base = dict(
        train_files=[tiny_file],
        output_dir=out,
        batch_size=2,
        epochs=3,
        save_steps=2,
        context_swap=0.0,
        max_length=32,
    )
    train(config=TrainingConfig(**base, max_steps=4), progress=False, log=logs.append)
    state = json.loads((out / "checkpoint" / "state.json").read_text())
    assert state["step"] == 4
    train(config=TrainingConfig(**base), progress=False, log=logs.append)
    assert any("resumed from" in line and "step 4/6" in line for line in logs)


def test_bad_rows_are_reported_with_line_numbers(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text(
        json.dumps(TINY[0])
        + "\n{oops\n"
        + json.dumps({"text": "", "label": "unattributed"})
        + "\n"
        + json.dumps(TINY[1])
        + "\n"
    )
    report = load_examples(path)
    assert len(report.examples) == 2
    assert report.bad_rows == [
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:3: missing or empty 'text'",
    ]


def test_unknown_labels_are_listed(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text(
        "text,label\nThe mayor said so.,named\nOfficials said so.,anon\nIt rained.,unattributed\n"
    )
    with pytest.raises(DataError, match=r"unknown labels \['anon', 'named'\]; valid labels are"):
        load_examples(path)


def test_datasets_directory_is_read(tmp_path):
    from datasets import Dataset

    Dataset.from_list(TINY).save_to_disk(str(tmp_path / "ds"))
    report = load_examples(tmp_path / "ds")
    assert [e.label for e in report.examples] == [row["label"] for row in TINY]


def test_config_is_validated(tiny_file):
    with pytest.raises(ConfigError, match="class_weighting must be one of sqrt, inverse, none"):
        TrainingConfig(train_files=[tiny_file], class_weighting="balanced")
    with pytest.raises(ConfigError, match="train_files is empty"):
        TrainingConfig()


def test_rare_classes_weigh_more_and_caps_are_seeded():
    from scorer.data import Example

    examples = [Example("a", "named-source")] * 90 + [Example("b", "official-denial")] * 10
    weights = class_weights(examples, ["named-source", "official-denial"], "sqrt")
    assert weights[1] > weights[0]
    capped = cap_per_label(list(examples), 20, seed=1)
    assert sum(e.label == "named-source" for e in capped) == 20
    assert sum(e.label == "official-denial" for e in capped) == 10


def test_the_cap_is_shared_fairly_between_origins():
    from scorer.data import Example

    big = [Example(f"p{i}", "named-source", origin="polnear") for i in range(300)]
    mid = [Example(f"w{i}", "named-source", origin="written") for i in range(80)]
    small = [Example(f"g{i}", "named-source", origin="gum") for i in range(10)]
    capped = cap_per_label(big + mid + small, 100, seed=1)
    counts = {o: sum(e.origin == o for e in capped) for o in ("polnear", "written", "gum")}
    # gum keeps all 10; the 90 left are split 45/45 although polnear is four times larger
    assert counts == {"polnear": 45, "written": 45, "gum": 10}
    assert cap_per_label(big + mid + small, 100, seed=1) == capped


@pytest.mark.slow
def test_training_is_deterministic(tiny_file, tmp_path):
    from safetensors.torch import load_file

    weights = []
    for run in ("a", "b"):
        config = TrainingConfig(
            train_files=[tiny_file],
            output_dir=tmp_path / run,
            epochs=2,
            batch_size=2,
            save_steps=0,
            max_length=32,
        )
        train(config=config, progress=False, log=lambda _: None)
        weights.append(load_file(str(tmp_path / run / "model.safetensors")))
    assert weights[0].keys() == weights[1].keys()
    assert all(weights[0][k].equal(weights[1][k]) for k in weights[0])
