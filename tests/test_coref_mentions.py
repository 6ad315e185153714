"""Coreference inside an article: role nouns, titles, surnames, "the company", spokespeople and
acronyms resolve to an entity named earlier (a source or not) when exactly one fits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from scorer.article import Article, Hop, HopKind
from scorer.attribution import attribute
from scorer.coref import Mention, SourceMemory
from scorer.segment import segment


def _deepest(scorer, text: str) -> list[tuple[str, str] | None]:
    """The deepest hop of each sentence's first chain, every sentence labelled named-source so
    that the chains depend on the parse and the resolver alone."""
    article = Article(id="t", raw=text, publisher="Daily Ledger", paragraphs=text.split("\n"))
    segment([article], nlp=scorer.nlp)
    for sentence in article.sentences:
        sentence.label = "named-source"
    attribute(article)
    return [
        (s.chains[0][-1].name, s.chains[0][-1].kind) if s.chains else None
        for s in article.sentences
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a title in front of a name mentioned, never as a source
            "Colonel Ivan Petrenko inspected the trenches near Kupiansk on Monday.\n"
            "The commander said his battalion was short of shells.",
            ("Ivan Petrenko", "person"),
        ),
        (  # the title is a synonym of the one written ("Chief Executive Officer")
            "Chief Executive Officer Lena Brandt presented the results in Hamburg.\n"
            "The CEO said the company would hire 300 engineers.",
            ("Lena Brandt", "person"),
        ),
        (  # an honorific and a surname
            "Maria Lindqvist, whose son was injured in the crash, waited outside the court.\n"
            '"We want answers," Ms Lindqvist said.',
            ("Maria Lindqvist", "person"),
        ),
        (  # "the company": the one company the article has named
            "Swedish carmaker Nordvik Motors recalled 40,000 cars on Tuesday.\n"
            "The company said no injuries had been reported.",
            ("Nordvik Motors", "organization"),
        ),
        (  # a spokesperson's hop is the organisation they speak for
            "Swedish carmaker Nordvik Motors recalled 40,000 cars on Tuesday.\n"
            "A spokesperson for the company said the fault was in the brakes.",
            ("Nordvik Motors", "organization"),
        ),
        (
            "Fans protested outside the ground of League One side Harwick Rovers.\n"
            "A club spokesperson said talks were ongoing.",
            ("Harwick Rovers", "organization"),
        ),
        (  # an acronym defined in brackets
            "The Baltic Fisheries Council (BFC) opened an inquiry into the catch figures.\n"
            "The BFC said the catches had been under-reported for years.",
            ("Baltic Fisheries Council", "organization"),
        ),
        (  # an acronym as the initials of a name seen earlier
            "Inspectors from the Northern Rail Safety Authority visited the depot.\n"
            "The NRSA said the brakes had failed twice.",
            ("Northern Rail Safety Authority", "organization"),
        ),
        (  # "he said" after a sentence that introduces a person: that person
            'Mayor Dana Whitfield opened the festival. "It is a good day," Whitfield said.\n'
            "Thousands lined the route in the rain.\n"
            "Tomas Reyes of Oakland carried a photo of his brother.\n"
            '"I cried the whole way," he said.',
            ("Tomas Reyes", "person"),
        ),
        (  # the person introduced, among people seen before
            "The crowd chanted against Senator Ruth Calloway.\n"
            '"We will win in November," the nominee, Victor Hale, said at the rally.\n'
            "Calloway made an appearance of sorts, courtesy of Wes Nakagiri, a delegate from "
            "Michigan who wore a mask.\n"
            '"I thought it would be funny," he said.',
            ("Wes Nakagiri", "person"),
        ),
        (  # two people named before, neither new: the speaker stays
            '"The bridge is unsafe," engineer Paul Ambrose said.\n'
            "Ambrose inspected it with Kevin Doyle in May.\n"
            '"We found cracks everywhere," he said.',
            ("Paul Ambrose", "person"),
        ),
        (  # a title abbreviated before a name fits the role noun
            "Gov. Alan Brightwater signed the budget on Friday.\n"
            '"It is balanced," the governor said.',
            ("Alan Brightwater", "person"),
        ),
        (  # of two people the role fits, the one quoted last
            "Former governor Ellen Marsh endorsed the challenger.\n"
            '"I am proud of this state," Gov. Alan Brightwater said on Sunday.\n'
            '"We will keep going," the governor added.',
            ("Alan Brightwater", "person"),
        ),
    ],
)
def test_a_reference_resolves_to_the_entity_named_earlier(rules_scorer, text, expected):
    assert _deepest(rules_scorer, text)[-1] == expected


def test_an_ambiguous_reference_stays_as_written(rules_scorer):
    text = (
        "Finance Minister Carlos Mendes met the unions on Friday.\n"
        "Health Minister Pedro Lago joined the talks later.\n"
        "The minister said the talks had failed."
    )
    name, _ = _deepest(rules_scorer, text)[-1]
    assert name.lower() == "the minister"


def test_an_earlier_source_comes_before_a_named_entity_and_the_fallback_stays():
    memory = SourceMemory()
    memory.notice(Mention("Tomas Berg", HopKind.PERSON.value, "a city official"))
    official = Hop("a senior official", HopKind.ANONYMOUS.value, descriptor="a senior official")
    memory.remember(official)
    assert memory.resolve("The official", "official") == official
    # Nothing fits "the aide": the chains' fallback still gives the last source.
    assert memory.resolve("The aide", "aide") == official


def test_a_surname_with_another_first_name_is_another_person():
    memory = SourceMemory()
    memory.notice(Mention("Jane Okoro", HopKind.PERSON.value))
    memory.remember(Hop("Jane Okoro", HopKind.PERSON.value))
    assert memory.resolve("Dr Okoro", "Okoro") == Hop("Jane Okoro", HopKind.PERSON.value)
    assert memory.resolve("John Okoro", "Okoro") is None


def test_a_role_qualified_by_another_nation_or_party_is_someone_else():
    memory = SourceMemory()
    zelensky = Mention("Volodymyr Zelensky", HopKind.PERSON.value, "Ukrainian President")
    memory.notice(zelensky)
    # the description holds "president", but the Russian president is not the Ukrainian one
    assert memory.resolve("the Russian president", "president") is None
    assert memory.resolve("the Ukrainian president", "president") == Hop(
        "Volodymyr Zelensky", HopKind.PERSON.value
    )
    # a qualifier that names no nation or party does not decide
    memory.notice(Mention("Chris Christie", HopKind.PERSON.value, "New Jersey Gov."))
    assert memory.resolve("the embattled governor", "governor") == Hop(
        "Chris Christie", HopKind.PERSON.value
    )


def test_a_qualified_candidacy_title_skips_a_person_of_another_party():
    memory = SourceMemory()
    memory.notice(Mention("Donald Trump", HopKind.PERSON.value, "Republican nominee"))
    memory.remember(Hop("Donald Trump", HopKind.PERSON.value))
    memory.notice(Mention("Hillary Clinton", HopKind.PERSON.value, "Democratic nominee"))
    memory.remember(Hop("Hillary Clinton", HopKind.PERSON.value))
    assert memory.resolve("the Republican candidate", "candidate") == Hop(
        "Donald Trump", HopKind.PERSON.value
    )


def test_an_honorific_and_surname_keeps_the_person_it_named_first():
    memory = SourceMemory()
    phyllis = Hop("Phyllis Schlafly", HopKind.PERSON.value)
    memory.notice(Mention("Phyllis Schlafly", HopKind.PERSON.value))
    memory.remember(phyllis)
    assert memory.resolve("Mrs. Schlafly", "Schlafly") == phyllis
    # her son is quoted since; "Mrs. Schlafly" is still her, a bare "Schlafly" the last one
    john = Hop("John Schlafly", HopKind.PERSON.value)
    memory.notice(Mention("John Schlafly", HopKind.PERSON.value))
    memory.remember(john)
    assert memory.resolve("Mrs. Schlafly", "Schlafly") == phyllis
    assert memory.resolve("Schlafly", "Schlafly") == john


def _after_a_newcomer(speaker: Mention, newcomer: Mention) -> SourceMemory:
    """A memory that has read the speaker named, then a sentence naming the speaker again and
    introducing the newcomer, and is on the sentence after."""
    memory = SourceMemory()
    memory.notice(speaker)
    memory.next_sentence("… during which they remembered a late relative.")
    memory.notice(replace(speaker, description=""))
    memory.notice(newcomer)
    memory.next_sentence('"I want to mention someone who is not here," they said.')
    return memory


def test_she_is_not_a_person_described_as_a_man():
    memory = _after_a_newcomer(
        Mention("Ana Ruiz", HopKind.PERSON.value, "Mayor"),
        Mention("Peter Hale", HopKind.PERSON.value, "her late brother"),
    )
    # the newcomer of the sentence before is a man: "she" is the mayor
    assert memory.resolve("she", "she") == Hop("Ana Ruiz", HopKind.PERSON.value)
    assert memory.resolve("he", "he") == Hop("Peter Hale", HopKind.PERSON.value)


def test_he_is_not_a_person_described_as_a_woman():
    memory = _after_a_newcomer(
        Mention("Tom Hale", HopKind.PERSON.value, "Governor"),
        Mention("Ana Hale", HopKind.PERSON.value, "his late daughter"),
    )
    assert memory.resolve("he", "he") == Hop("Tom Hale", HopKind.PERSON.value)


def test_a_pronoun_in_a_relative_clause_is_the_clauses_subject(rules_scorer):
    text = (
        "Mayor Maria Lopez opened the bridge on Monday.\n\n"
        '"We will not pay for it," Governor Tom Hale said on Monday.\n\n'
        "Lopez has made several promises on the matter, including a new bridge, which she said "
        "the state should pay for."
    )
    assert _deepest(rules_scorer, text)[-1] == ("Maria Lopez", "person")


def test_a_surname_with_titles_takes_the_one_full_name():
    memory = SourceMemory()
    memory.notice(Mention("AG Okoro", HopKind.PERSON.value))  # a headline's
    memory.notice(Mention("Daniel Okoro", HopKind.PERSON.value, "Former Attorney General"))
    assert memory.full_name("AG Okoro") == "Daniel Okoro"
    assert memory.full_name("Sen. Okoro") == "Daniel Okoro"
    assert memory.full_name("Okoro") == "Daniel Okoro"
    assert memory.full_name("Jane Okoro") is None  # another first name: another person
    assert memory.full_name("J. Okoro") is None  # another initial
    assert memory.full_name("D. Okoro") == "Daniel Okoro"
    assert memory.full_name("JANE OKORO") is None  # a headline's capitals, not a title
    assert memory.full_name("Daniel Okoro") is None  # full already
    memory.notice(Mention("Ruth Okoro", HopKind.PERSON.value))
    assert memory.full_name("AG Okoro") is None  # two people of that surname


def test_a_party_written_two_ways_is_one_party():
    from scorer.coref import clashes

    assert not clashes(["democratic"], ["democrat", "sen", "ana", "ruiz"])
    assert not clashes(["gop"], ["republican", "nominee"])
    assert clashes(["republican"], ["democratic", "nominee"])
