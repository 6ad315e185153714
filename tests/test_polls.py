"""A poll's findings: figures after a named poll are the poll's (`scorer.polls`)."""

from __future__ import annotations

import pytest

from scorer.article import Hop, Sentence
from scorer.polls import is_finding, named_poll, poll_findings

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


def test_a_poll_named_in_passing_is_the_poll_of_shares_before_and_after(scripted_scorer) -> None:
    text = (
        "One in five say they will never own a home.\n\n"
        "The latest Harbour Institute/Ledger Poll of renters explores their plans.\n\n"
        "The poll is the second in a series.\n\n"
        "Nearly nine out of 10 say rents are too high."
    )
    labels = {"One": "anonymous-source", "The poll": "named-source", "Nearly": "anonymous-source"}
    article = scripted_scorer({**labels, "": "unattributed"}).score_text(text, publisher="Ledger")
    share, named, method, later = article.sentences
    poll = [["Ledger", "Harbour Institute/Ledger Poll"]]
    assert (named.label, named.chains) == ("unattributed", [])  # "explores": no finding
    for sentence in (share, method, later):
        assert _chains(sentence) == poll, sentence.text
    # shares of respondents were the only sources: the poll names them
    assert (share.label, share.model_label) == ("named-source", "anonymous-source")


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
        ("Clinton won the primary with 55 percent support, a lead of 20 points.", False),
        ("The bill would cut property taxes by 10 percent next year.", False),
        ("The court ruled 7-2 that the map would stand.", False),
        ("Polls open from 7 to 8 p.m. and officials would count ballots overnight.", False),
        ("Twenty-seven percent of Republicans would vote for Hale.", True),
        ("Turnout fell to 41 percent, the lowest in decades.", False),
        ("The committee would meet again on Friday.", False),
    ],
)
def test_a_finding_is_a_figure_with_an_answer(text: str, finding: bool) -> None:
    assert is_finding(text) is finding


def test_the_poll_and_its_method_are_the_poll_named_before(scripted_scorer) -> None:
    text = (
        "Fifty percent of voters back Mayor Ana Ruiz, according to a Harbour Institute poll "
        "released Monday.\n\n"
        "The poll was conducted between Oct. 30 and Nov. 9.\n\n"
        "Ruiz is ahead everywhere, the new poll found.\n\n"
        "Voters went to the polls in 2012 ahead of the poll, a day of rain."
    )
    labels = {"Fifty": "named-source", "Ruiz": "named-source", "": "unattributed"}
    article = scripted_scorer(labels).score_text(text, publisher="Daily Ledger")
    named, method, found, election = article.sentences
    poll = _chains(named)
    assert _chains(method) == poll and method.label == "named-source"
    assert _chains(found) == poll  # "the new poll" is the poll named before
    assert (election.label, election.chains) == ("unattributed", [])


def test_a_sentence_on_other_polls_keeps_its_label() -> None:
    pub = Hop("Daily Ledger", "outlet")
    poll = [pub, Hop("a Harbour Institute poll", "document")]
    named = Sentence(
        0,
        "Fifty percent back Ruiz, a Harbour Institute poll found.",
        label="named-source",
        chains=[poll],
    )
    other = [pub, Hop("other recent polls", "document")]
    fares = Sentence(
        1, "She fares better in other recent polls.", label="anonymous-source", chains=[other]
    )
    ahead = Sentence(
        2,
        "Ruiz is ahead, the new poll found.",
        label="named-source",
        chains=[[pub, Hop("the new poll", "document")]],
    )
    shares = Sentence(
        3,
        "Among Republicans, 27 percent would vote for Hale.",
        label="anonymous-source",
        chains=[[pub, Hop("27 percent", "anonymous")]],
    )
    poll_findings([named, fares, ahead, shares])
    # "other recent polls" are not the poll named before: chain and label stay
    assert (fares.label, fares.chains) == ("anonymous-source", [other])
    assert ahead.chains == [poll]  # "the new poll" is the poll named before
    assert (shares.label, shares.chains) == ("named-source", [poll])
    assert shares.model_label == "anonymous-source"
    # a poll named by a proper noun takes over
    quinnipiac = [pub, Hop("a Quinnipiac poll", "document")]
    later = Sentence(
        4,
        "Ruiz leads by 8 points, a Quinnipiac poll found.",
        label="named-source",
        chains=[quinnipiac],
    )
    said = Sentence(5, "Sixty-six percent said it made no difference.", label="unattributed")
    poll_findings([named, later, said])
    assert later.chains == [quinnipiac] and said.chains == [quinnipiac]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A New York Times/Siena College poll found Rivers ahead.",
            "New York Times/Siena College poll",
        ),
        ("Fulton County poll workers faced threats.", None),
        ("Rivers's poll numbers have fallen.", None),
    ],
)
def test_a_named_poll_is_a_name_before_the_poll_noun(text: str, name: str | None) -> None:
    assert named_poll(text) == name
