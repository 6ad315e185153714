"""Profile, score and flags on the project's own example article and on constructed articles."""

from __future__ import annotations

import json

import pytest

from scorer.article import ATTRIBUTED, Article, FlagName, Hop, HopKind, Label, Profile, Sentence
from scorer.measures import is_second_hand, source_hops, via_outlets
from scorer.names import name_key
from scorer.pipeline import article_to_dict
from scorer.profile import ScoreWeights, build_profile
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def example(rules_scorer) -> Article:
    return rules_scorer.score_text(
        (ROOT / "examples" / "article.txt").read_text(), publisher="Calder Courier Online"
    )


def test_example_article_profile(example):
    profile = example.profile
    assert profile.sentences == len(example.sentences)
    assert sum(profile.counts.values()) == profile.sentences
    assert profile.denial_present is True
    assert 0 < profile.score <= 100
    denial = profile.flag(FlagName.DENIAL_PRESENT)
    assert denial is not None
    assert all(example.sentences[i].label == Label.DENIAL for i in denial.sentences)


def test_profile_round_trips_through_its_json(example):
    profile = example.profile
    assert profile.sources and profile.flags and profile.deepest_chain  # every part is exercised
    data = article_to_dict(example)["profile"]
    assert data == profile.to_dict()
    assert list(data) == [
        "sentences",
        "counts",
        "shares",
        "attributed_share",
        "anonymous_share_of_attributed",
        "named_share_of_attributed",
        "denial_present",
        "distinct_sources",
        "sources_by_kind",
        "sources",
        "second_hand_share",
        "deepest_chain",
        "top_source",
        "top_source_share",
        "state_affiliated_outlets",
        "score",
        "score_components",
        "flags",
    ]
    text = json.dumps(data, ensure_ascii=False)
    back = Profile.from_dict(json.loads(text))
    assert back == profile
    assert json.dumps(back.to_dict(), ensure_ascii=False) == text
    assert data["flags"][0].keys() == {"flag", "reason", "sentences"}


def test_anonymous_heavy_and_second_hand_flags(rules_scorer):
    text = (
        "Officials said the factory would close. Sources familiar with the plan said 300 jobs "
        "would go. The Daily Ledger reported, citing unnamed executives, that talks had failed. "
        "People close to the owners said a buyer was unlikely."
    )
    profile = rules_scorer.score_text(text, publisher="Calder Courier Online").profile
    assert profile.flag(FlagName.ANONYMOUS_HEAVY) is not None
    assert profile.anonymous_share_of_attributed >= 0.75
    assert profile.second_hand_share > 0


def test_unattributed_article_scores_low_and_is_flagged(rules_scorer):
    text = (
        "The storm reached the coast at dawn. Roads were closed across the region. Schools "
        "stayed shut. Power was cut to thousands of homes. Crews worked through the night."
    )
    profile = rules_scorer.score_text(text).profile
    assert profile.score < 20
    assert [f.name for f in profile.flags] == [FlagName.MOSTLY_UNATTRIBUTED]


def test_state_affiliated_outlet_costs_points(rules_scorer):
    base = "The ministry said the drills would continue, according to Reuters."
    state = "The ministry said the drills would continue, according to TASS."
    a = rules_scorer.score_text(base, publisher="Calder Courier Online").profile
    b = rules_scorer.score_text(state, publisher="Calder Courier Online").profile
    assert b.state_affiliated_outlets == ["TASS"]
    assert b.score <= a.score - 10 + 0.01


def test_weights_are_validated_and_change_the_score(rules_scorer):
    with pytest.raises(ValueError):
        ScoreWeights(named=-1)
    with pytest.raises(ValueError, match="anonymous_heavy_count"):
        ScoreWeights(anonymous_heavy_count=-1)
    article = rules_scorer.score_text("Officials said the dam was safe. Residents said it leaked.")
    default = build_profile(article).score
    lenient = build_profile(article, ScoreWeights(named=0.0)).score
    assert lenient > default


def test_flag_thresholds_come_from_the_weights(rules_scorer):
    text = (
        "Officials said the factory would close. Mayor Ann Lee said the road was shut. "
        "Mayor Ann Lee said it would reopen in May."
    )
    article = rules_scorer.score_text(text, publisher="Calder Courier Online")
    assert build_profile(article).flag(FlagName.ANONYMOUS_HEAVY) is None  # one anonymous only
    lenient = build_profile(article, ScoreWeights(anonymous_heavy_count=1, anonymous_heavy=0.1))
    assert lenient.flag(FlagName.ANONYMOUS_HEAVY) is not None


# --- second-hand: one definition ---------------------------------------------------------------

EXAMINER = Hop("Washington Examiner", HopKind.OUTLET.value)
MOSCOW_TIMES = Hop("The Moscow Times", HopKind.OUTLET.value)
KIM = Hop("Kim Yong-hyun", HopKind.PERSON.value)


def _sentence(*chains: list[Hop]) -> Sentence:
    return Sentence(0, "text", label=Label.NAMED.value, chains=list(chains))


@pytest.mark.parametrize(
    "chain", [[EXAMINER, MOSCOW_TIMES, KIM], [MOSCOW_TIMES, KIM]], ids=["publisher", "no-publisher"]
)
def test_a_chain_through_another_outlet_is_second_hand(chain):
    assert [h.name for h in via_outlets(chain, "Washington Examiner")] == ["The Moscow Times"]
    assert source_hops(chain, "Washington Examiner") == [MOSCOW_TIMES, KIM]
    assert is_second_hand(_sentence(chain), "Washington Examiner")
    # spelled another way, the publisher is still recognised
    assert is_second_hand(_sentence(chain), "the Washington Examiner’s")


def test_first_hand_chains():
    # the outlet's own article: the chain starts at its publisher
    assert not is_second_hand(_sentence([MOSCOW_TIMES, KIM]), "The Moscow Times")
    # an outlet that is the deepest source is where the claim rests, not a hop it came through
    assert not is_second_hand(_sentence([EXAMINER, MOSCOW_TIMES]), "Washington Examiner")
    assert not is_second_hand(_sentence([EXAMINER, KIM]), "Washington Examiner")
    assert not is_second_hand(_sentence(), "Washington Examiner")


def test_a_credited_outlet_makes_a_claim_second_hand():
    credit = Hop("The Kyiv Independent", HopKind.OUTLET.value)
    assert is_second_hand(_sentence([EXAMINER, credit, KIM]), "Washington Examiner")
    assert is_second_hand(_sentence([credit, KIM]), None)  # publisher unknown
    assert not is_second_hand(_sentence([EXAMINER, credit]), "Washington Examiner")


def test_the_profile_counts_second_hand_sentences_by_that_definition(rules_scorer):
    text = (
        "The Daily Ledger reported, citing the mayor, that the bridge would close. "
        "The mayor said repairs would take a month."
    )
    article = rules_scorer.score_text(text, publisher="Calder Courier Online")
    attributed = [s for s in article.sentences if s.label in ATTRIBUTED]
    second = [s.index for s in attributed if is_second_hand(s, article.publisher)]
    assert second == [0]
    assert article.profile.second_hand_share == round(len(second) / len(attributed), 3)
    assert article.profile.flag(FlagName.SECOND_HAND).sentences == second


def test_name_key_is_one_key_for_sources_and_outlets():
    assert name_key("“The Guardian’s”") == name_key("guardian") == "guardian"
    assert name_key("The  Moscow Times") == name_key("moscow times")
