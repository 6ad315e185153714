"""`scorer eval`: gold reading, metrics, predictions file, the rule baseline beside the model."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.evaluate import binary_f1, metrics, read_gold
from tests.conftest import GOLD


def test_read_gold_skips_non_content_and_unscored_and_builds_context():
    sentences = read_gold(GOLD)
    assert len(sentences) == 81
    first_quote = next(
        s for s in sentences if s.text.startswith("“We assess") and s.doc.startswith("000")
    )
    assert first_quote.context.endswith(
        "told lawmakers Tuesday that the report was probably correct."
    )
    assert all(s.label for s in sentences)


def test_metrics_by_hand():
    gold = ["named-source", "named-source", "unattributed", "official-denial"]
    pred = ["named-source", "unattributed", "unattributed", "official-denial"]
    result = metrics(gold, pred)
    assert result["per_class"]["named-source"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "support": 2,
    }
    assert result["accuracy"] == 0.75
    assert result["confusion"]["named-source"]["unattributed"] == 1
    assert binary_f1(gold, pred) == 0.8


def test_eval_cli_writes_predictions(tmp_path):
    out = tmp_path / "preds.jsonl"
    result = CliRunner().invoke(
        app, ["eval", "--gold", str(GOLD), "--predictions", str(out), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert "rules" in report["classifiers"]
    assert 0 <= report["classifiers"]["rules"]["macro_f1"] <= 1
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 81
    assert set(rows[0]) == {"id", "index", "text", "gold", "pred", "confidence"}


def test_eval_cli_bad_gold_is_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n')
    result = CliRunner().invoke(app, ["eval", "--gold", str(bad)])
    assert result.exit_code == 2
    assert "not a gold document" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("name", "size"), [("written_articles", 148), ("written_articles_2", 156)])
def test_model_beats_rules_on_the_projects_own_evaluation_articles(model_classifier, name, size):
    from scorer.classifiers.rules import RuleClassifier
    from scorer.evaluate import evaluate
    from tests.conftest import ROOT

    gold = ROOT / "eval" / "gold" / f"{name}.jsonl"
    assert len(read_gold(gold)) == size
    result = evaluate(gold=gold, classifiers=[model_classifier, RuleClassifier()])["classifiers"]
    assert result["model"]["macro_f1"] >= 0.80
    assert result["model"]["macro_f1"] > result["rules"]["macro_f1"] + 0.05
