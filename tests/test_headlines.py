"""A headline that names its speaker before a colon (`scorer.headlines`)."""

from __future__ import annotations

import pytest

BODY = (
    "Mayor Ana Rivers told harbour workers on Monday that the bridge would stay open.\n\n"
    "The council votes on the budget next week."
)


def _chains(sentence) -> list[list[str]]:
    return [[hop.name for hop in chain] for chain in sentence.chains]


def test_a_lead_in_that_names_someone_the_article_names_is_the_headlines_speaker(
    scripted_scorer,
) -> None:
    text = "Rivers to Harbour Workers: The Bridge Will Stay Open.\n\n" + BODY
    labels = {"Rivers": "unattributed", "Mayor": "named-source", "": "unattributed"}
    headline = scripted_scorer(labels).score_text(text, publisher="Daily Ledger").sentences[0]
    # one sentence, not "Rivers to Harbour Workers:" and the rest
    assert headline.text == "Rivers to Harbour Workers: The Bridge Will Stay Open."
    assert (headline.label, headline.model_label) == ("named-source", "unattributed")
    assert _chains(headline) == [["Daily Ledger", "Ana Rivers"]]


@pytest.mark.parametrize(
    "headline",
    ["The Latest: Bridge Will Stay Open.", "Big Win For Rivers: Bridge Will Stay Open."],
)
def test_a_lead_in_that_names_no_one_is_a_label(scripted_scorer, headline: str) -> None:
    labels = {"Mayor": "named-source", "": "unattributed"}
    first = scripted_scorer(labels).score_text(f"{headline}\n\n{BODY}", publisher="Ledger")
    assert (first.sentences[0].label, first.sentences[0].chains) == ("unattributed", [])


def test_a_denied_headline_keeps_its_label(scripted_scorer) -> None:
    text = "Rivers: 'I Never Took a Cent.'\n\n" + BODY
    labels = {"Rivers": "official-denial", "Mayor": "named-source", "": "unattributed"}
    headline = scripted_scorer(labels).score_text(text, publisher="Daily Ledger").sentences[0]
    assert headline.label == "official-denial"
    assert _chains(headline)[0] == ["Daily Ledger", "Ana Rivers"]


def test_a_body_the_article_names_is_no_headline_speaker(scripted_scorer) -> None:
    text = (
        "Calder Port Authority: Floods Close the Bridge.\n\n"
        "The Calder Port Authority said floods had closed the bridge."
    )
    labels = {"The Calder": "named-source", "": "unattributed"}
    headline = scripted_scorer(labels).score_text(text, publisher="Ledger").sentences[0]
    assert (headline.label, headline.chains) == ("unattributed", [])
