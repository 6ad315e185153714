"""A poll's findings: figures after a named poll are the poll's (`scorer.polls`)."""

from __future__ import annotations

import pytest

from scorer.polls import is_finding

POLL_STORY = (
    "Fifty percent of voters back Mayor Ana Ruiz, according to a Harbour Institute poll "
    "released Monday.\n\n"
    "In a closer match-up, 48 percent chose Ruiz while 45 percent chose Hale.\n\n"
    "Sixty-six percent said the race made no difference to them.\n\n"
    "Ruiz won the district in 2012 with 71 percent of the vote.\n\n"
    "The harbour district is nearly 30 percent Portuguese American."
)


def _chains(sentence) -> list[list[str]]:
    return [[hop.name for hop in chain] for chain in sentence.chains]


def test_figures_after_a_named_poll_are_the_polls(scripted_scorer) -> None:
    labels = {"Fifty": "named-source", "In a": "named-source", "": "unattributed"}
    article = scripted_scorer(labels).score_text(POLL_STORY, publisher="Daily Ledger")
    named, respondents, said, won, demography = article.sentences
    poll = _chains(named)
    assert poll[0][-1] == "a Harbour Institute poll"
    # a share of the respondents is the poll's finding, not a source of its own
    assert _chains(respondents) == poll
    # "Sixty-six percent said": the classifier saw no source; the poll is it
    assert (said.label, said.model_label, said.confidence) == ("named-source", "unattributed", None)
    assert _chains(said) == poll
    # an election's result and a figure no one answered stay the writer's
    for sentence in (won, demography):
        assert (sentence.label, sentence.chains, sentence.model_label) == ("unattributed", [], None)


def test_no_poll_named_no_finding(scripted_scorer) -> None:
    text = "Sixty-six percent said the race made no difference to them."
    article = scripted_scorer({"": "unattributed"}).score_text(text, publisher="Daily Ledger")
    assert article.sentences[0].label == "unattributed"


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("His edge shrinks to 34-27 when third-party candidates are mentioned.", True),
        ("She also receives 8% in Maine, and 12 percent of voters are undecided.", True),
        ("Obama won Latino voters in 2012 by 71 percent to 27 percent.", False),
        ("Turnout fell to 41 percent, the lowest in decades.", False),
        ("The committee would meet again on Friday.", False),
    ],
)
def test_a_finding_is_a_figure_with_an_answer(text: str, finding: bool) -> None:
    assert is_finding(text) is finding
