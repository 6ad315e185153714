"""Hostile inputs from the hardening issue, through the CLI on real files.

Three defects, one section each: an output path that is an input, a broken or wrong model
directory, and rich markup in article text. Each test is named after what it guards.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.classifiers.transformer import (
    TransformerClassifier,
    file_sha256,
    read_meta,
    save_model,
)
from scorer.cli import app
from scorer.render import Writer
from tests.conftest import GOLD, MODEL_DIR, ROOT

ARTICLE = ROOT / "examples" / "article.txt"


def invoke(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line_error(result) -> str:
    """The CLI's output, asserted to be a single `error: …` line without a traceback."""
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


# --- an output path equal to an input ----------------------------------------------------------


def test_output_equal_to_input_is_refused_and_input_kept(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(ARTICLE, article)
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "b", "text": ARTICLE.read_text("utf-8")}) + "\n")
    gold = tmp_path / "g.jsonl"
    shutil.copy(GOLD, gold)
    (tmp_path / "sub").mkdir()
    before = {p: p.read_bytes() for p in (article, batch, gold)}
    runs = [
        (["score", article, "-o", article, "--classifier", "rules"], article),
        # another spelling of the same file
        (
            ["score", article, "-o", tmp_path / "sub" / ".." / "a.txt", "--classifier", "rules"],
            article,
        ),
        (["score", article, "-f", "json", "-o", article, "--classifier", "rules"], article),
        (["triage", batch, "-o", batch, "--classifier", "rules"], batch),
        (["triage", batch, "-f", "csv", "-o", batch, "--classifier", "rules"], batch),
        (["eval", "--gold", gold, "--predictions", gold], gold),
    ]
    for args, victim in runs:
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        line = one_line_error(result)
        assert "is the input" in line and str(victim) in line and "nothing was written" in line
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.jsonl", "g.jsonl", "sub"]


def test_output_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    result = invoke("score", ARTICLE, "-o", tmp_path, "--classifier", "rules")
    assert result.exit_code == 2
    assert "is a directory" in one_line_error(result)


def test_output_inside_input_directory_is_not_read_back(tmp_path: Path) -> None:
    for command, fmt, name in (("score", "jsonl", "scored.jsonl"), ("triage", "csv", "queue.csv")):
        folder = tmp_path / command
        folder.mkdir()
        shutil.copy(ARTICLE, folder / "a.txt")
        out = folder / name
        runs = []
        for _ in range(2):  # the second run finds the first run's output in the directory
            result = invoke(command, folder, "-f", fmt, "-o", out, "--classifier", "rules")
            assert result.exit_code == 0, result.output
            runs.append(out.read_text("utf-8"))
        assert runs[0] == runs[1]
        assert sorted(p.name for p in folder.iterdir()) == ["a.txt", name]
    scored = (tmp_path / "score" / "scored.jsonl").read_text("utf-8")
    assert [json.loads(line)["id"] for line in scored.splitlines()] == ["a"]
    rows = (tmp_path / "triage" / "queue.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith("a,")  # the header, then the one article


def test_interrupted_json_output_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = tmp_path / "batch.jsonl"
    text = ARTICLE.read_text("utf-8")
    batch.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i in range(2)),
        encoding="utf-8",
    )
    out = tmp_path / "scored.json"
    out.write_text('{"previous": "run"}\n', encoding="utf-8")
    write = Writer.write

    def interrupted_after_one(self: Writer, article: dict) -> None:
        if self.count:
            raise KeyboardInterrupt  # Ctrl-C while the second article is written
        write(self, article)

    monkeypatch.setattr(Writer, "write", interrupted_after_one)
    result = invoke("score", batch, "-f", "json", "-o", out, "--classifier", "rules")
    assert result.exit_code != 0
    assert out.read_text("utf-8") == '{"previous": "run"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.jsonl", "scored.json"]

    monkeypatch.setattr(Writer, "write", write)
    result = invoke("score", batch, "-f", "json", "-o", out, "--classifier", "rules")
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(out.read_text("utf-8"))["articles"]] == ["a0", "a1"]


# --- broken or wrong models --------------------------------------------------------------------


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A copy of the shipped model directory, to damage."""
    return Path(shutil.copytree(MODEL_DIR, tmp_path / "model"))


@pytest.mark.parametrize("classifier", ["auto", "transformer"])
def test_missing_or_empty_model_dir_fails_even_with_auto(tmp_path: Path, classifier: str) -> None:
    (tmp_path / "empty").mkdir()
    for model in (tmp_path / "missing", tmp_path / "empty"):
        result = invoke("score", ARTICLE, "--model", model, "--classifier", classifier)
        assert result.exit_code == 2, result.output
        line = one_line_error(result)
        assert f"can't find a model at '{model}'" in line


def test_model_with_wrong_labels_fails_with_one_line(model_copy: Path) -> None:
    config_file = model_copy / "config.json"
    shipped = json.loads(config_file.read_text("utf-8"))
    labels = [shipped["id2label"][str(i)] for i in range(4)]
    for id2label in (
        dict(enumerate(labels[:3])),  # three labels
        dict(enumerate(["named", "anonymous", "denial", "none"])),  # other names
    ):
        config = {**shipped, "id2label": {str(k): v for k, v in id2label.items()}}
        config["label2id"] = {v: k for k, v in id2label.items()}
        config_file.write_text(json.dumps(config), encoding="utf-8")
        result = invoke("score", ARTICLE, "--model", model_copy)
        assert result.exit_code == 2, result.output
        line = one_line_error(result)
        assert f"the model at '{model_copy}' predicts {list(id2label.values())}" in line
        assert "scorer needs exactly the labels" in line


def test_flipped_weight_byte_fails_the_checksum(model_copy: Path) -> None:
    weights = model_copy / "model.safetensors"
    meta = read_meta(model_copy)
    assert meta["weights_sha256"] == file_sha256(weights)  # recorded at release
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0x01  # one bit of the last weight: the file still parses
    weights.write_bytes(bytes(data))
    for classifier in ("auto", "transformer"):
        result = invoke("score", ARTICLE, "--model", model_copy, "--classifier", classifier)
        assert result.exit_code == 2, result.output
        line = one_line_error(result)
        assert f"the weights at '{weights}' have sha256 {file_sha256(weights)}" in line
        assert f"scorer.json records {meta['weights_sha256']}" in line


def test_truncated_weights_fail_with_one_line(model_copy: Path) -> None:
    weights = model_copy / "model.safetensors"
    meta = read_meta(model_copy)
    del meta["weights_sha256"]  # without a checksum the damage shows when the file is parsed
    (model_copy / "scorer.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    result = invoke("score", ARTICLE, "--model", model_copy)
    assert result.exit_code == 2, result.output
    line = one_line_error(result)
    assert f"the weights at '{weights}' could not be read" in line
    assert "truncated, damaged or not from this model" in line


def test_saved_model_records_its_weights_checksum_and_reloads(tmp_path: Path) -> None:
    shipped = TransformerClassifier.load(MODEL_DIR, precision="fp32")
    out = tmp_path / "model"
    save_model(
        shipped.model,
        shipped.tokenizer,
        out,
        {"weights_sha256": "stale", "max_length": 112, "temperature": shipped.temperature},
    )
    meta = read_meta(out)
    assert meta["weights_sha256"] == file_sha256(out / "model.safetensors")
    reloaded = TransformerClassifier.load(out, precision="fp32")
    sentence = [("“It was a hoax,” the spokesman said.", "")]
    assert reloaded.predict(sentence) == shipped.predict(sentence)


# --- rich markup in article text ---------------------------------------------------------------

HOSTILE = (
    "Officials said the dam [/bold] was safe, according to [link=https://evil.example]here[/link] "
    "and [red]nobody[/red] else :x:. The mayor told reporters the dam was inspected in May."
)


def test_rich_markup_in_text_prints_literally_in_score_table(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke("score", path, "--classifier", "rules", "--publisher", "[/red]Reuters")
    assert result.exit_code == 0, result.output
    assert "publisher: [/red]Reuters" in result.stdout
    for piece in ("[/bold]", "[link=https://evil.example]here[/link]", "[red]nobody[/red]", ":x:"):
        assert piece in result.stdout
    assert "\x1b]8;" not in result.stdout  # no hidden terminal hyperlink


def test_rich_markup_in_text_prints_literally_in_triage_table(tmp_path: Path) -> None:
    path = tmp_path / "[red]hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke("triage", path, "--classifier", "rules", "--publisher", "[/red]Reuters")
    assert result.exit_code == 0, result.output
    assert "[red]hostile" in result.stdout and "[/red]Reuters" in result.stdout
    assert "\x1b]8;" not in result.stdout
