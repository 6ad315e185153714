"""One answer per sentence: the pipeline's chains never contradict its labels, and the rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.seeds import doc_text, gold_root
from scorer.article import Article, Hop, Sentence
from scorer.consistency import contradictions, reconcile

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = {
    "seeds": ROOT.parent / "shared" / "gold" / "seeds.jsonl",
    "written_articles": ROOT / "eval" / "gold" / "written_articles.jsonl",
    "chains_3": ROOT / "eval" / "gold" / "chains_3.jsonl",
    "chains_4": ROOT / "eval" / "gold" / "chains_4.jsonl",
    "chains_5": ROOT / "eval" / "gold" / "chains_5.jsonl",
    "chains_6": ROOT / "eval" / "gold" / "chains_6.jsonl",
    "chains_7": ROOT / "eval" / "gold" / "chains_7.jsonl",
    "chains_8": ROOT / "eval" / "gold" / "chains_8.jsonl",
    "chains_9": ROOT / "eval" / "gold" / "chains_9.jsonl",
}

PUB = Hop("Daily Ledger", "outlet")
WIRE = Hop("Reuters", "outlet")
KIM = Hop("Kim Yong-hyun", "person")
AIDES = Hop("two aides", "anonymous", descriptor="two aides")


def _article(
    *sentences: Sentence, publisher: str | None = "Daily Ledger", credit: str | None = None
) -> Article:
    return Article(id="a", raw="", publisher=publisher, credit=credit, sentences=list(sentences))


def _names(sentence: Sentence) -> list[list[str]]:
    return [[hop.name for hop in chain] for chain in sentence.chains]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_pipeline_output_never_contradicts_itself(model_scorer, name: str) -> None:
    path = GOLD_SETS[name]
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    found = {}
    for doc in docs:
        article = model_scorer.score_text(
            doc_text(doc, gold_root(path)), id=doc["id"], publisher=doc.get("publisher")
        )
        bad = contradictions(article)
        if bad:
            found[doc["id"]] = [
                (article.sentences[i].label, _names(article.sentences[i])) for i in bad
            ]
    assert not found


def test_named_label_cuts_chain_back_to_its_named_hop() -> None:
    email = Hop("email", "anonymous", descriptor="email")
    sentence = Sentence(
        0, "Ditto said via email.", label="named-source", chains=[[PUB, KIM, email]]
    )
    article = _article(sentence)
    overrides = reconcile(article)
    assert [(o.index, o.label) for o in overrides] == [(0, "named-source")]
    assert sentence.label == "named-source"
    assert _names(sentence) == [["Daily Ledger", "Kim Yong-hyun"]]
    assert sentence.model_chains == [[PUB, KIM, email]] == overrides[0].model_chains
    assert contradictions(article) == []


def test_named_label_with_only_an_anonymous_source_retypes_it() -> None:
    sentence = Sentence(0, "The aides said so.", label="named-source", chains=[[PUB, AIDES]])
    reconcile(_article(sentence))
    assert _names(sentence) == [["Daily Ledger", "two aides"]]  # the name stays
    assert sentence.chains[0][-1].kind == "person"
    campaign = Hop("the campaign", "anonymous", descriptor="the campaign")
    body = Sentence(1, "The campaign said so.", label="named-source", chains=[[PUB, campaign]])
    reconcile(_article(body))
    assert [h.kind for h in body.chains[0]] == ["outlet", "organization"]


def test_anonymous_label_retypes_a_group_but_cuts_a_person() -> None:
    group = Hop("Ukrainians", "organization")
    sentence = Sentence(0, "Ukrainians say so.", label="anonymous-source", chains=[[PUB, group]])
    reconcile(_article(sentence))
    assert [(h.name, h.kind) for h in sentence.chains[0]] == [
        ("Daily Ledger", "outlet"),
        ("Ukrainians", "anonymous"),
    ]
    person = Sentence(1, "Kim said so.", label="anonymous-source", chains=[[PUB, KIM]])
    reconcile(_article(person))
    assert _names(person) == [["Daily Ledger"]]


def test_anonymous_label_cuts_a_named_deepest_hop() -> None:
    sentence = Sentence(
        0, "Reuters reported, citing aides.", label="anonymous-source", chains=[[PUB, WIRE, KIM]]
    )
    reconcile(_article(sentence))
    assert sentence.label == "anonymous-source"
    assert _names(sentence) == [["Daily Ledger"]]
    deeper = Sentence(1, "x", label="anonymous-source", chains=[[PUB, WIRE, AIDES, KIM]])
    reconcile(_article(deeper))
    assert _names(deeper) == [["Daily Ledger", "Reuters", "two aides"]]


def test_without_publisher_a_cut_chain_leaves_no_chain() -> None:
    sentence = Sentence(0, "Kim said.", label="anonymous-source", chains=[[KIM]])
    reconcile(_article(sentence, publisher=None))
    assert sentence.chains == []


def test_inherited_chain_is_judged_and_the_previous_sentence_is_untouched() -> None:
    # attribute() gives a sentence without a source of its own the chains of the one before,
    # as new lists of the same hops.
    first = Sentence(0, "Kim said the report was correct.", label="named-source")
    first.chains = [[PUB, KIM]]
    second = Sentence(1, "“It is highly likely.”", label="anonymous-source")
    second.chains = [list(chain) for chain in first.chains]
    overrides = reconcile(_article(first, second))
    assert [o.index for o in overrides] == [1]
    assert _names(first) == [["Daily Ledger", "Kim Yong-hyun"]]
    assert _names(second) == [["Daily Ledger"]]
    assert first.model_chains is None


def test_prefix_only_chains_are_no_contradiction() -> None:
    # The credit is part of the article's own prefix, not a named source of the sentence.
    alone = Sentence(0, "Sources said.", label="anonymous-source", chains=[[PUB]])
    credited = Sentence(1, "Sources said.", label="anonymous-source", chains=[[PUB, WIRE]])
    article = _article(alone, credited, credit="Reuters")
    assert contradictions(article) == []
    assert reconcile(article) == []
    assert _names(credited) == [["Daily Ledger", "Reuters"]]


def test_denial_and_unattributed_are_not_judged_by_kind() -> None:
    denial = Sentence(0, "A person close to him denied it.", label="official-denial")
    denial.chains = [[PUB, AIDES]]
    named_denial = Sentence(1, "Kim denied it.", label="official-denial", chains=[[PUB, KIM]])
    background = Sentence(2, "The dam was built in 1950.", label="unattributed")
    article = _article(denial, named_denial, background)
    assert reconcile(article) == []
    assert _names(denial) == [["Daily Ledger", "two aides"]]


def test_mixed_chains_keep_the_one_that_agrees_and_rerun_changes_nothing() -> None:
    sentence = Sentence(0, "x", label="named-source", chains=[[PUB, AIDES], [PUB, KIM]])
    article = _article(sentence)
    assert contradictions(article) == [0]
    assert len(reconcile(article)) == 1
    assert _names(sentence) == [["Daily Ledger", "Kim Yong-hyun"]]
    assert reconcile(article) == []
    assert sentence.model_chains == [[PUB, AIDES], [PUB, KIM]]


def test_a_credit_absent_from_the_chain_is_not_taken_for_its_prefix() -> None:
    # attribute() gives a credit that names the publisher itself no hop of its own.
    aljazeera = Hop("Al Jazeera", "outlet")
    sentence = Sentence(0, "x", label="named-source", chains=[[aljazeera, AIDES]])
    article = _article(sentence, publisher="Al Jazeera", credit="Al Jazeera and news agencies")
    assert contradictions(article) == [0]
    reconcile(article)
    assert [(h.name, h.kind) for h in sentence.chains[0]] == [
        ("Al Jazeera", "outlet"),
        ("two aides", "person"),
    ]


def test_a_cited_anonymous_source_sets_the_label() -> None:
    cited = Hop("three employees", "anonymous", descriptor="three employees", cited=True)
    politico = Hop("Politico", "outlet")
    sentence = Sentence(
        0,
        "Politico, citing three employees, reported that he was hired.",
        label="named-source",
        confidence=0.8,
        chains=[[PUB, politico, cited]],
    )
    article = _article(sentence)
    overrides = reconcile(article)
    assert [(o.label, o.winner) for o in overrides] == [("anonymous-source", "chain")]
    assert (sentence.label, sentence.model_label, sentence.confidence) == (
        "anonymous-source",
        "named-source",
        None,
    )
    assert _names(sentence) == [["Daily Ledger", "Politico", "three employees"]]
    assert contradictions(article) == [] and reconcile(article) == []


def test_an_uncited_anonymous_hop_does_not_set_the_label() -> None:
    email = Hop("email", "anonymous", descriptor="email")  # "said via email": not cited
    sentence = Sentence(
        0, "Ditto said via email.", label="named-source", chains=[[PUB, KIM, email]]
    )
    reconcile(_article(sentence))
    assert (sentence.label, sentence.model_label) == ("named-source", None)


def test_a_definite_description_is_retyped_not_cut_back_to_the_outlet_it_spoke_to() -> None:
    abc = Hop("ABC News", "outlet")
    nominee = Hop("the Republican nominee", "anonymous", descriptor="the Republican nominee")
    sentence = Sentence(
        0,
        "The Republican nominee insists, in an interview with ABC News, that he will.",
        label="named-source",
        chains=[[PUB, abc, nominee]],
    )
    article = _article(sentence)
    reconcile(article)
    assert _names(sentence) == [["Daily Ledger", "ABC News", "the Republican nominee"]]
    assert sentence.chains[0][-1].kind != "anonymous" and contradictions(article) == []


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("police", "named-source"),
        ("the court", "named-source"),
        ("the bank", "anonymous-source"),
        ("a foreign government", "anonymous-source"),
    ],
)
def test_an_institution_named_by_its_function_sets_the_named_label(name: str, label: str) -> None:
    # LABELS.md: "Police said", "the court heard" are named sources; any other body is not
    # enough to overrule the classifier ("the bank" is cut back instead)
    sentence = Sentence(
        0,
        f"{name.capitalize()} said the girl was hurt.",
        label="anonymous-source",
        confidence=0.7,
        chains=[[PUB, Hop(name, "organization")]],
    )
    reconcile(_article(sentence))
    assert sentence.label == label
    assert sentence.model_label == ("anonymous-source" if label == "named-source" else None)


def test_police_and_prosecutors_are_typed_as_institutions_not_anonymous(model_scorer) -> None:
    article = model_scorer.score_text(
        "A girl outside the venue was hurt by a bystander, police said.\n\n"
        "Prosecutors allege that the mayor took bribes for three years.\n\n"
        "Police sources said the suspect had fled.",
        publisher="Daily Ledger",
    )
    deepest = [(s.chains[0][-1].name, s.chains[0][-1].kind, s.label) for s in article.sentences]
    assert deepest[:2] == [
        ("police", "organization", "named-source"),
        ("prosecutors", "organization", "named-source"),
    ]
    assert deepest[2] == ("police sources", "anonymous", "anonymous-source")


def test_only_a_sentences_own_citing_sets_its_label(scripted_scorer) -> None:
    labels = {"Politico": "anonymous-source", "“We": "named-source"}
    scorer = scripted_scorer(labels)
    article = scorer.score_text(
        "Politico, citing three aides, reported that the mayor would resign.\n\n"
        "“We will not go quietly.”",
        publisher="Daily Ledger",
    )
    cited, inheriting = article.sentences
    assert _names(cited)[0][-1] == "three aides" and cited.label == "anonymous-source"
    # the quotation takes the chain before it, but the classifier's label stands
    assert (inheriting.label, inheriting.model_label) == ("named-source", None)


def test_an_institution_does_not_overrule_a_sentence_that_says_its_source_is_unnamed() -> None:
    sentence = Sentence(
        0,
        '"We were scared," said the woman, who spoke on the condition of anonymity.',
        label="anonymous-source",
        chains=[[PUB, Hop("police", "organization")]],
    )
    reconcile(_article(sentence))
    assert (sentence.label, sentence.model_label) == ("anonymous-source", None)


def test_one_unnamed_person_sets_the_anonymous_label(scripted_scorer) -> None:
    # LABELS.md: a source the text does not name is anonymous, whatever body it works for
    article = scripted_scorer({"": "named-source"}).score_text(
        "An official at the Ministry of Defence said the drills would continue.\n\n"
        "A nurse at a Bristol hospital told the BBC that doctors warned staff.\n\n"
        "A spokesperson for the ministry said the drills were routine.",
        publisher="Daily Ledger",
    )
    official, nurse, spokesperson = article.sentences
    assert (official.label, official.model_label) == ("anonymous-source", "named-source")
    assert official.chains[0][-1].name == "an official at the Ministry of Defence"
    assert nurse.label == "anonymous-source"
    assert [h.name for h in nurse.chains[0]] == [
        "Daily Ledger",
        "BBC",
        "a nurse at a Bristol hospital",
    ]
    # one who speaks for the body is the body: named
    assert (spokesperson.label, spokesperson.chains[0][-1].kind) == ("named-source", "organization")


def test_a_chain_taken_from_the_sentence_before_does_not_set_the_label(scripted_scorer) -> None:
    labels = {"": "named-source"}
    article = scripted_scorer(labels).score_text(
        "A witness told investigators that the order came from Russ Hale.\n\n"
        "Hale could not immediately be contacted for comment.",
        publisher="Daily Ledger",
    )
    witness, hale = article.sentences
    assert witness.label == "anonymous-source"
    # the second sentence names no source of its own: it keeps the classifier's label
    assert (hale.label, hale.model_label) == ("named-source", None)


def test_an_unnamed_person_beside_a_named_one_leaves_the_label(scripted_scorer) -> None:
    article = scripted_scorer({"": "named-source"}).score_text(
        "Senator Ana Ruiz said the bill would pass, but a White House aide said it would fail.",
        publisher="Daily Ledger",
    )
    assert article.sentences[0].label == "named-source"
