"""Profile, score and flags on the project's own example article and on constructed articles."""

from __future__ import annotations

import pytest

from scorer.profile import ScoreWeights, build_profile
from tests.conftest import ROOT


def test_example_article_profile(rules_scorer):
    article = rules_scorer.score_text(
        (ROOT / "examples" / "article.txt").read_text(), publisher="Calder Courier Online"
    )
    profile = article.profile
    assert profile["sentences"] == len(article.sentences)
    assert sum(profile["counts"].values()) == profile["sentences"]
    assert profile["denial_present"] is True
    assert 0 < profile["score"] <= 100
    denial = next(f for f in profile["flags"] if f["flag"] == "denial-present")
    assert all(article.sentences[i].label == "official-denial" for i in denial["sentences"])


def test_anonymous_heavy_and_second_hand_flags(rules_scorer):
    text = (
        "Officials said the factory would close. Sources familiar with the plan said 300 jobs "
        "would go. The Daily Ledger reported, citing unnamed executives, that talks had failed. "
        "People close to the owners said a buyer was unlikely."
    )
    profile = rules_scorer.score_text(text, publisher="Calder Courier Online").profile
    flags = {f["flag"] for f in profile["flags"]}
    assert "anonymous-heavy" in flags
    assert profile["anonymous_share_of_attributed"] >= 0.75
    assert profile["second_hand_share"] > 0


def test_unattributed_article_scores_low_and_is_flagged(rules_scorer):
    text = (
        "The storm reached the coast at dawn. Roads were closed across the region. Schools "
        "stayed shut. Power was cut to thousands of homes. Crews worked through the night."
    )
    profile = rules_scorer.score_text(text).profile
    assert profile["score"] < 20
    assert [f["flag"] for f in profile["flags"]] == ["mostly-unattributed"]


def test_state_affiliated_outlet_costs_points(rules_scorer):
    base = "The ministry said the drills would continue, according to Reuters."
    state = "The ministry said the drills would continue, according to TASS."
    a = rules_scorer.score_text(base, publisher="Calder Courier Online").profile
    b = rules_scorer.score_text(state, publisher="Calder Courier Online").profile
    assert b["state_affiliated_outlets"] == ["TASS"]
    assert b["score"] <= a["score"] - 10 + 0.01


def test_weights_are_validated_and_change_the_score(rules_scorer):
    with pytest.raises(ValueError):
        ScoreWeights(named=-1)
    article = rules_scorer.score_text("Officials said the dam was safe. Residents said it leaked.")
    default = build_profile(article)["score"]
    lenient = build_profile(article, ScoreWeights(named=0.0))["score"]
    assert lenient > default
