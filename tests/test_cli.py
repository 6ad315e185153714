"""The `scorer score` CLI on real inputs, and the output contract against its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer import contract
from scorer.cli import app
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def validator():
    return contract.validator("article"), contract.validator("batch")


def _run(*args: str):
    return CliRunner().invoke(app, ["score", *args, "--classifier", "rules"])


def test_jsonl_one_article_per_line_valid_against_schema(validator):
    article_validator, _ = validator
    result = _run(str(SEEDS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(a["id"] for a in articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in articles:
        article_validator.validate(article)
    moscow = next(a for a in articles if a["id"].startswith("000"))
    assert moscow["publisher"] == "The Moscow Times" and moscow["publisher_origin"] == "text"
    assert any(r["reason"] == "donation appeal" for r in moscow["removed"])


def test_jsonl_single_input_is_still_one_line(tmp_path):
    result = _run(str(ROOT / "examples" / "article.txt"), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1


def test_json_batch_document_valid(validator, tmp_path):
    _, batch_validator = validator
    out = tmp_path / "out.json"
    result = _run(
        str(ROOT / "examples" / "article.txt"),
        str(tmp_path / "missing.txt"),
        "--format",
        "json",
        "--output",
        str(out),
    )
    assert result.exit_code == 1
    document = json.loads(out.read_text())
    batch_validator.validate(document)
    assert len(document["articles"]) == 1
    assert document["problems"] and "missing.txt" in document["problems"][0]


def test_publisher_option_starts_every_chain(validator):
    result = _run(
        str(ROOT / "examples" / "article.txt"),
        "--format",
        "jsonl",
        "--publisher",
        "Calder Courier Online",
    )
    article = json.loads(result.stdout)
    assert article["publisher"] == "Calder Courier Online"
    chains = [c for s in article["sentences"] for c in s["chains"]]
    assert chains and all(c[0]["name"] == "Calder Courier Online" for c in chains)


def test_markdown_and_table_show_labels_and_chains():
    md = _run(str(ROOT / "examples" / "article.txt"), "--format", "markdown")
    assert md.exit_code == 0
    assert "| # | label | sentence | chain |" in md.stdout
    assert "official-denial" in md.stdout and "(person)" in md.stdout
    table = _run(str(ROOT / "examples" / "article.txt"), "--format", "table")
    assert table.exit_code == 0
    assert "DENIAL" in table.stdout and "score" in table.stdout


def test_stdin_input():
    text = Path(ROOT / "examples" / "article.txt").read_text()
    result = CliRunner().invoke(
        app, ["score", "-", "--format", "jsonl", "--classifier", "rules"], input=text
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "stdin"


def test_bad_option_is_one_line_error():
    result = CliRunner().invoke(
        app, ["score", str(ROOT / "examples" / "article.txt"), "--classifier", "magic"]
    )
    assert result.exit_code == 2
    assert (
        "classifier must be one of auto, model, onnx, rules, transformer, got 'magic'"
        in result.output
    )
    assert "Traceback" not in result.output
