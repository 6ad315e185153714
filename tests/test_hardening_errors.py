"""Hostile inputs from the hardening issue (items 6, 7 and the output side of 10), through the
CLI on real files: each test is named after the defect it guards.

Training runs are tiny (four sentences, one or two steps) but still load the base encoder, so
those tests carry the `slow` mark.
"""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.errors import ConfigError
from scorer.pipeline import ScoringConfig
from tests.conftest import MODEL_DIR, ROOT

ARTICLE = ROOT / "examples" / "article.txt"
TINY = [
    {"text": "Officials said the bridge will close next week.", "label": "anonymous-source"},
    {"text": "Mayor Ann Lee said the bridge will close next week.", "label": "named-source"},
    {"text": "The ministry denied the report and called it a hoax.", "label": "official-denial"},
    {"text": "The bridge was built in 1902 and carries a railway.", "label": "unattributed"},
]
# settings of the tiny runs; `--max-steps` may differ between a run and its resumption
TINY_RUN = ("--batch-size", "2", "--max-length", "32", "--save-steps", "1", "--max-steps")


def invoke(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line_error(result) -> str:
    """The CLI's output, asserted to be a single `error: …` line without a traceback."""
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert result.exit_code == 2, (result.exit_code, result.output)
    return lines[0]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# --- item 6: `scorer train` into a directory holding another run -------------------------------


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One tiny run (a data file, its output directory with a checkpoint at step 1)."""
    folder = tmp_path_factory.mktemp("trained")
    data = write_jsonl(folder / "bridge.jsonl", TINY)
    out = folder / "model"
    result = invoke("train", data, "-o", out, *TINY_RUN, "1")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "checkpoint" / "state.json").read_text("utf-8"))["step"] == 1
    return data, out


def copy_run(trained: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    data, out = trained
    return shutil.copy(data, tmp_path / data.name), Path(shutil.copytree(out, tmp_path / "model"))


@pytest.mark.slow
def test_train_refuses_to_resume_an_unrelated_run(
    trained: tuple[Path, Path], tmp_path: Path
) -> None:
    data, out = copy_run(trained, tmp_path)
    other = write_jsonl(
        tmp_path / "dam.jsonl",
        [{**row, "text": row["text"].replace("bridge", "dam")} for row in TINY],
    )
    checkpoint = out / "checkpoint" / "state.json"
    before = checkpoint.read_bytes(), (out / "scorer.json").read_bytes()

    line = one_line_error(invoke("train", other, "-o", out, *TINY_RUN, "2"))
    assert f"'{out}' holds the checkpoint of another training run (other training data)" in line
    assert "--overwrite" in line and "--no-resume" in line and "another --output" in line
    # other settings on the same data are another run too
    line = one_line_error(invoke("train", data, "-o", out, *TINY_RUN, "2", "--seed", "7"))
    assert "other settings: seed 13, now 7" in line
    assert (checkpoint.read_bytes(), (out / "scorer.json").read_bytes()) == before
    # the same content under another name is the same run: it resumes
    renamed = Path(shutil.copy(data, tmp_path / "renamed.jsonl"))
    result = invoke("train", renamed, "-o", out, *TINY_RUN, "2")
    assert result.exit_code == 0, result.output
    assert f"resumed from {out / 'checkpoint'} at step 1/2" in result.output

    result = invoke("train", other, "-o", out, *TINY_RUN, "2", "--overwrite")
    assert result.exit_code == 0, result.output
    assert "resumed" not in result.output
    meta = json.loads((out / "scorer.json").read_text("utf-8"))
    assert meta["training"]["train_files"] == [str(other)] and meta["training"]["steps"] == 2
    state = json.loads(checkpoint.read_text("utf-8"))
    assert state["step"] == 2 and state["fingerprint"] == meta["training"]["fingerprint"]


# --- item 7: one-line errors instead of tracebacks ---------------------------------------------


@pytest.mark.slow
def test_truncated_checkpoint_says_how_to_start_over(
    trained: tuple[Path, Path], tmp_path: Path
) -> None:
    data, out = copy_run(trained, tmp_path)
    weights = out / "checkpoint" / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:4096])
    line = one_line_error(invoke("train", data, "-o", out, *TINY_RUN, "2"))
    assert f"the checkpoint at '{out / 'checkpoint'}' could not be read" in line
    assert "truncated or damaged" in line and "start over with --overwrite" in line

    state = out / "checkpoint" / "state.json"
    state.write_text(state.read_text("utf-8")[:40], encoding="utf-8")
    line = one_line_error(invoke("train", data, "-o", out, *TINY_RUN, "2"))
    assert "state.json" in line and "start over with --overwrite" in line


def test_train_device_cuda_without_a_gpu_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    data = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    line = one_line_error(invoke("train", data, "-o", tmp_path / "m", "--device", "cuda"))
    assert "--device cuda was asked for, but torch" in line and "finds no CUDA GPU" in line
    assert "--device cpu" in line
    assert not (tmp_path / "m").exists()


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MODEL_DIR, tmp_path / "init"))


def test_truncated_or_corrupt_init_model_weights_are_one_line(
    model_copy: Path, tmp_path: Path
) -> None:
    data = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    meta_file = model_copy / "scorer.json"
    meta = json.loads(meta_file.read_text("utf-8"))
    del meta["weights_sha256"]  # unchecked, so the damage shows when the file is parsed
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    weights = model_copy / "model.safetensors"
    intact = weights.read_bytes()
    for damaged in (intact[: len(intact) // 2], b"\xff" * 64 + intact[64:]):
        weights.write_bytes(damaged)
        result = invoke("train", data, "-o", tmp_path / "m", "--init-model", model_copy)
        line = one_line_error(result)
        assert f"the weights at '{weights}' could not be read" in line
        assert "truncated, damaged or not from this model" in line


def test_three_label_init_model_is_one_line(model_copy: Path, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    config_file = model_copy / "config.json"
    config = json.loads(config_file.read_text("utf-8"))
    labels = [config["id2label"][str(i)] for i in range(3)]
    config["id2label"] = {str(i): label for i, label in enumerate(labels)}
    config["label2id"] = {label: i for i, label in enumerate(labels)}
    config_file.write_text(json.dumps(config), encoding="utf-8")
    result = invoke("train", data, "-o", tmp_path / "m", "--init-model", model_copy)
    line = one_line_error(result)
    assert f"the model at '{model_copy}' predicts {labels}" in line
    assert "scorer needs exactly the labels" in line


def test_onnx_classifier_without_the_fast_extra_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # what a missing package looks like
    for command in ("score", "triage"):
        line = one_line_error(invoke(command, ARTICLE, "--classifier", "onnx"))
        assert "--classifier onnx needs the `fast` extra (onnxruntime not installed)" in line
        assert 'pip install -e ".[fast]"' in line


def test_csv_field_over_128_kb_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    long = "Officials said the bridge will close. " * 4000  # 152 KB in one quoted field
    data.write_text(
        f'text,label\nMayor Ann Lee said so.,named-source\n"{long}",unattributed\n',
        encoding="utf-8",
    )
    line = one_line_error(invoke("train", data, "-o", tmp_path / "m"))
    assert f"{data}:3: a field is longer than the 128 KB a CSV field may hold" in line
    # an unclosed quote swallows the rest of the file into one field: the same line, its start
    data.write_text(
        'text,label\n"Officials said so.,anonymous-source\n'
        + "The bridge was built in 1902.,unattributed\n" * 4000,
        encoding="utf-8",
    )
    line = one_line_error(invoke("train", data, "-o", tmp_path / "m"))
    assert f"{data}:2: a field is longer than" in line and "left open" in line


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ({"id": "b", "sentences": None}, "not a gold document ('sentences' is null, not a list)"),
        ({"id": "b", "sentences": ["Officials said so."]}, "sentence 0: a string, not an object"),
        ({"id": "b", "sentences": [{"label": "named-source"}]}, "sentence 0: no 'text'"),
        (
            {"id": "b", "sentences": [{"text": 7, "label": "named-source"}]},
            "sentence 0: 'text' is an integer, not a string",
        ),
    ],
)
def test_eval_gold_line_with_malformed_sentences_names_file_and_line(
    tmp_path: Path, bad: dict, problem: str
) -> None:
    good = {"id": "a", "sentences": [{"text": "The mayor said so.", "label": "named-source"}]}
    gold = write_jsonl(tmp_path / "gold.jsonl", [good, bad])
    line = one_line_error(invoke("eval", "--gold", gold))
    assert f"error: {gold}:2: {problem}" in line


# --- item 10, the output side ------------------------------------------------------------------


def test_max_mb_nan_inf_or_negative_is_refused() -> None:
    for value in ("nan", "inf", "-1"):
        result = invoke("score", ARTICLE, "--classifier", "rules", "--max-mb", value)
        line = one_line_error(result)
        assert (
            f"--max-mb must be a positive, finite number of megabytes, got {float(value)}" in line
        )
    for value in (math.nan, math.inf, -1.0):
        with pytest.raises(ConfigError, match="max_mb must be a positive, finite number"):
            ScoringConfig(classifier="rules", max_mb=value)


HOSTILE_HTML = (
    "The mayor said the dam was safe. <script>alert(1)</script> Officials said "
    '<img src=x onerror="alert(2)"> it was not, according to [a report](javascript:alert(3)).'
)


def test_markdown_output_escapes_raw_html(tmp_path: Path) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", [{"id": "<b>hostile</b>", "text": HOSTILE_HTML}])
    result = invoke("score", batch, "--format", "markdown", "--classifier", "rules")
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    for raw in ("<script", "<img", "<b>"):
        assert raw not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # no live link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert '&lt;img src=x onerror="alert(2)"&gt;' in markdown
    assert "\\[a report\\](javascript:alert(3))" in markdown
    assert "## &lt;b&gt;hostile&lt;/b&gt;" in markdown


def test_triage_csv_neutralises_formula_injection(tmp_path: Path) -> None:
    text = ARTICLE.read_text("utf-8")
    ids = ['=HYPERLINK("https://evil.example","open")', "+1+1", "-2+3", "@SUM(1)", "\tx", "\ry"]
    batch = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": i, "publisher": "=cmd|' /C calc'!A0", "text": f"{text} Story {n}."}
            for n, i in enumerate(ids)
        ],
    )
    out = tmp_path / "queue.csv"
    result = invoke("triage", batch, "-f", "csv", "-o", out, "--classifier", "rules")
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:  # "\r" in a quoted cell stays
        rows = list(csv.reader(handle))[1:]
    # a carriage return in a cell becomes a (quoted) line feed: a bare one would end the row
    assert sorted(row[0] for row in rows) == sorted("'" + i.replace("\r", "\n") for i in ids)
    assert {row[1] for row in rows} == {"'=cmd|' /C calc'!A0"}
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_triage_near_duplicates_collapse_so_links_and_html_stay_linear(tmp_path: Path) -> None:
    original = (
        "Repairs to the Kakhovka dam will cost about 120 million dollars, regional officials "
        "said on Tuesday. The ministry of energy said inspectors would visit the site next "
        "week. Local farmers said they had not received water since June."
    )
    copy = (
        "The regional government said on Tuesday that the Kakhovka dam would be inspected "
        "again after the flood. Officials told Reuters that repairs would cost about {n} "
        "million dollars, Reuters reported. According to the Associated Press, the ministry "
        "denied that the dam had been neglected for years. The BBC News reported that engineers "
        "warned the structure could fail again next spring. The dam was built in 1956 and "
        "supplies water to farms across the south of the country."
    )
    outlets = ["Associated Press", "BBC News", "Reuters"]
    n = 24  # copies citing each other's outlets: 384 links before, one per citing article now
    rows = [{"id": "original", "publisher": "Reuters", "text": original}] + [
        {"id": f"copy-{i:02d}", "publisher": outlets[i % 3], "text": copy.format(n=100 + i)}
        for i in range(n)
    ]
    batch = write_jsonl(tmp_path / "batch.jsonl", rows)
    result = invoke(
        "triage", batch, "-f", "json", "-o", tmp_path / "t.json", "--classifier", "rules"
    )
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "t.json").read_text("utf-8"))
    assert len(document["articles"]) == n + 1  # every article is still ranked
    (story,) = document["stories"]
    assert story["articles"] == ["original", "copy-00"]
    assert story["copies"] == {"copy-00": [f"copy-{i:02d}" for i in range(1, n)]}
    copy_of = {a["id"]: a["copy_of"] for a in document["articles"]}
    assert copy_of == {"original": None, "copy-00": None} | {
        f"copy-{i:02d}": "copy-00" for i in range(1, n)
    }
    assert [(k["from"], k["to"], k["via"]) for k in document["links"]] == [
        ("copy-00", "original", "Reuters")
    ]

    page = tmp_path / "t.html"
    result = invoke("triage", batch, "-f", "html", "-o", page, "--classifier", "rules")
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert f"+{n - 1} near-duplicate copies" in html
    for i in range(1, n):  # listed once under the story, once in copy-00's section
        assert html.count(f"copy-{i:02d}") == 2


def test_outlets_csv_field_over_128_kb_is_a_one_line_error(tmp_path: Path) -> None:
    outlets = tmp_path / "outlets.csv"
    outlets.write_text(
        "name,aliases,domains,country,kind\n"
        + "Big Outlet,"
        + "x" * 140_000
        + ",big.example,US,outlet\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Officials said the dam is safe.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["score", str(article), "--classifier", "rules", "--outlets", str(outlets)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "line 2" in result.stderr
    assert "Traceback" not in result.output


def _interrupt_on_second_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the second article is being written (KeyboardInterrupt, as SIGINT raises)."""
    import scorer.pipeline as pipeline

    real = pipeline.article_to_dict
    calls = {"n": 0}

    def interrupted(article, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "article_to_dict", interrupted)


def _two_articles(tmp_path: Path) -> Path:
    batch = tmp_path / "two.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": "Officials said the dam is safe. It was built in 1950."})
        + "\n"
        + json.dumps({"id": "b", "text": "The mayor said the road will reopen on Monday."})
        + "\n",
        encoding="utf-8",
    )
    return batch


def test_ctrl_c_says_what_was_written_to_stdout(tmp_path: Path, monkeypatch) -> None:
    _interrupt_on_second_article(monkeypatch)
    result = CliRunner().invoke(
        app, ["score", str(_two_articles(tmp_path)), "-f", "jsonl", "--classifier", "rules"]
    )
    assert result.exit_code == 130
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert (
        "interrupted after 1 article(s)" in result.stderr and "complete articles" in result.stderr
    )


def test_ctrl_c_with_an_output_file_leaves_nothing_partial(tmp_path: Path, monkeypatch) -> None:
    _interrupt_on_second_article(monkeypatch)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "score",
            str(_two_articles(tmp_path)),
            "-f",
            "jsonl",
            "--classifier",
            "rules",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 130
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))
    assert f"nothing was written to '{out}'" in result.stderr
