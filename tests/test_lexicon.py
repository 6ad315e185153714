"""The lexicon: one set of word lists that the baseline, the chains and the training labels read."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from scorer.article import Article, Hop, HopKind
from scorer.attribution import attribute
from scorer.classifiers.rules import RuleClassifier, baseline_patterns
from scorer.coref import SourceMemory
from scorer.lexicon import LEXICON, Lexicon, inflections, plural
from scorer.segment import segment
from training import sourcing_rules

ROOT = Path(__file__).resolve().parent.parent
READERS = (
    "scorer/classifiers/rules.py",
    "scorer/attribution.py",
    "scorer/sources.py",
    "scorer/coref.py",
    "scorer/mentions.py",
    "scorer/polls.py",
    "training/sourcing_rules.py",
    "training/polnear.py",
)

# "zorble" is no English verb: spaCy lemmatises "zorbled" to "zorble", so it can stand for a
# reporting verb the lexicon does not have yet.
ZORBLED = "Mayor Ruth Alvarez zorbled that the plant will close."


def _parsed(scorer, text: str) -> Article:
    """`text` segmented and parsed as one article of the Daily Ledger, every sentence labelled
    as named-sourced so that the chains depend on the lexicon alone."""
    article = Article(id="t", raw=text, publisher="Daily Ledger", paragraphs=[text])
    segment([article], nlp=scorer.nlp)
    for sentence in article.sentences:
        sentence.label = "named-source"
    return article


def _chains(article: Article, lexicon: Lexicon) -> list[list[tuple[str, str]]]:
    attribute(article, lexicon=lexicon)
    return [[(h.name, h.kind) for h in chain] for chain in article.sentences[0].chains]


def test_a_new_reporting_verb_reaches_the_baseline_and_the_chains(rules_scorer):
    extended = LEXICON.extended(reporting_verbs={"zorble"})
    article = _parsed(rules_scorer, ZORBLED)

    assert RuleClassifier().predict([(ZORBLED, "")])[0].label == "unattributed"
    assert _chains(article, LEXICON) == []

    assert RuleClassifier(lexicon=extended).predict([(ZORBLED, "")])[0].label == "named-source"
    assert _chains(article, extended) == [[("Daily Ledger", "outlet"), ("Ruth Alvarez", "person")]]


def test_a_new_denial_verb_reaches_all_three_readers(rules_scorer):
    from training.nlp import load_nlp

    text = "The ministry zorbled the allegations."
    extended = LEXICON.extended(denial_verbs={"zorble"})
    sent = next(load_nlp()(text).sents)

    assert RuleClassifier().predict([(text, "")])[0].label == "unattributed"
    assert sourcing_rules.denial_trigger(sent) is None
    assert _chains(_parsed(rules_scorer, text), LEXICON) == []

    assert RuleClassifier(lexicon=extended).predict([(text, "")])[0].label == "official-denial"
    assert sourcing_rules.denial_trigger(sent, lexicon=extended) == "zorbled"
    assert _chains(_parsed(rules_scorer, text), extended)[0][-1] == ("the ministry", "organization")


def test_a_new_pronoun_resolves_in_the_chains_and_the_training_labels():
    extended = LEXICON.extended(personal_pronouns={"xe"})
    okafor = Hop("Daniel Okafor", HopKind.PERSON.value)
    ministry = Hop("Ministry of Health", HopKind.ORGANIZATION.value)
    for lexicon, expected in ((LEXICON, None), (extended, okafor)):
        memory = SourceMemory(lexicon=lexicon)
        memory.remember(okafor)
        memory.remember(ministry)
        assert memory.resolve("xe", "xe") == expected

    def infos():
        official = sourcing_rules.SourceInfo(
            "a senior official", "anonymous", status="anonymous", person=True
        )
        report = sourcing_rules.SourceInfo("the report", "named", status="named", thing=True)
        return [official, report, sourcing_rules.SourceInfo("xe", "pronoun")]

    # As a pronoun of unknown person, "xe" takes the nearest singular source, the report;
    # as a personal pronoun it skips the report for the official.
    plain, personal = infos(), infos()
    sourcing_rules.resolve_sources(plain)
    sourcing_rules.resolve_sources(personal, lexicon=extended)
    assert (plain[-1].status, personal[-1].status) == ("named", "anonymous")


def test_every_list_is_read_by_a_reader():
    groups = (LEXICON.cues, LEXICON.sources, LEXICON.references)
    assert len(LEXICON.lists()) == sum(len(fields(group)) for group in groups)  # unique names
    source = "\n".join((ROOT / path).read_text(encoding="utf-8") for path in READERS)
    unread = [name for name in LEXICON.lists() if not re.search(rf"\.{name}\b", source)]
    assert unread == []


def test_the_baseline_compiles_inflected_forms_from_the_lists():
    patterns = baseline_patterns(LEXICON)
    for text in ("She testified.", "He says so.", "Citing data, …", "It was, according to Kim"):
        assert patterns.cue.search(text), text
    # Bare forms that are mostly nouns are left out: "a note", "the show".
    assert not patterns.cue.search("A note on the show.")
    assert patterns.denial_verb.search("The army pushed back on the claims.")
    assert patterns.anonymous.search("Two aides spoke on condition of anonymity.")
    assert baseline_patterns(LEXICON) is patterns  # compiled once per lexicon


def test_word_forms():
    assert inflections("deny") == ("deny", "denies", "denied", "denying")
    assert inflections("tell").past == "told"
    assert [plural(n) for n in ("claim", "analysis", "rumour")] == [
        "claims",
        "analyses",
        "rumours",
    ]


def test_extending_an_unknown_list_names_the_lists():
    with pytest.raises(KeyError, match="reporting_verbs"):
        LEXICON.extended(reporting_verb={"zorble"})
    assert LEXICON.extended(false_words=["zorbish"]).cues.false_words[-1] == "zorbish"
    assert LEXICON.extended() == LEXICON
