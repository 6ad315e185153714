"""Citation chains: the seeds against gold, and each pattern on the project's own sentences."""

from __future__ import annotations

import pytest

from eval.seeds import check_seed
from scorer.article import Hop, Sentence
from scorer.interviews import speaker_turns
from scorer.quotations import opened_quotations, quotation_speakers, speak_quotations


def _chains(scorer, text, publisher=None):
    article = scorer.score_text(text, publisher=publisher)
    return [[[(h.name, h.kind) for h in chain] for chain in s.chains] for s in article.sentences]


def test_seed_chains_reach_target(rules_scorer, gold_docs):
    reports = [check_seed(rules_scorer, doc) for doc in gold_docs]
    found = sum(r.chains_found for r in reports)
    total = sum(r.chains_total for r in reports)
    assert found / total >= 0.80, [m for r in reports for m in r.chain_misses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Calder Courier reported on Monday that the mayor would resign, citing two aides.",
            [("Daily Ledger", "outlet"), ("Calder Courier", "outlet"), ("two aides", "anonymous")],
        ),
        (
            "The dam is unsafe, Governor Ruth Alvarez said, according to Reuters.",
            [("Daily Ledger", "outlet"), ("Reuters", "outlet"), ("Ruth Alvarez", "person")],
        ),
        (
            "According to the BBC, Health Minister Amir Khan said the clinics would stay open.",
            [("Daily Ledger", "outlet"), ("BBC", "outlet"), ("Amir Khan", "person")],
        ),
        (
            "Citing unnamed officials, Bloomberg reported that the merger had stalled.",
            [
                ("Daily Ledger", "outlet"),
                ("Bloomberg", "outlet"),
                ("unnamed officials", "anonymous"),
            ],
        ),
        (
            "Le Monde quoted Prime Minister Elena Varga as saying the talks had failed.",
            [("Daily Ledger", "outlet"), ("Le Monde", "outlet"), ("Elena Varga", "person")],
        ),
        (
            "Club chairman Piet de Vries told the BBC the coach would stay.",
            [("Daily Ledger", "outlet"), ("BBC", "outlet"), ("Piet de Vries", "person")],
        ),
        (  # the name follows the descriptor; the nationality is not the source
            "Norwegian broadcaster Kanal Nord, citing police sources, said the suspect had fled.",
            [("Daily Ledger", "outlet"), ("Kanal Nord", "outlet"), ("police sources", "anonymous")],
        ),
        (  # a thing that "confirmed" something inside reported speech is not a hop
            "Mayor Lena Ortiz said the floods confirmed that the city needed new drains.",
            [("Daily Ledger", "outlet"), ("Lena Ortiz", "person")],
        ),
        (
            "Sen. Maria Lopez said in an interview with MSNBC that the review was overdue.",
            [("Daily Ledger", "outlet"), ("MSNBC", "outlet"), ("Maria Lopez", "person")],
        ),
        (
            "In an interview with The Philadelphia Inquirer, Mayor Tom Reed said the budget was "
            "short.",
            [
                ("Daily Ledger", "outlet"),
                ("The Philadelphia Inquirer", "outlet"),
                ("Tom Reed", "person"),
            ],
        ),
        (  # a show's outlet, or a journalist's, is the hop
            "During an interview on CNBC's Squawk Box, Governor Tom Reed said taxes would fall.",
            [("Daily Ledger", "outlet"), ("CNBC", "outlet"), ("Tom Reed", "person")],
        ),
        (
            "Senator Ana Ruiz told CNN's Jake Tapper on Sunday that the bill would pass.",
            [("Daily Ledger", "outlet"), ("CNN", "outlet"), ("Ana Ruiz", "person")],
        ),
        (  # "Today", which the parser reads as a time ("told USA Today")
            "“We were there under legitimate pretenses,” Ana Ruiz told USA Today.",
            [("Daily Ledger", "outlet"), ("USA Today", "outlet"), ("Ana Ruiz", "person")],
        ),
        (
            "Governor Tom Reed said on MSNBC that the budget was short.",
            [("Daily Ledger", "outlet"), ("MSNBC", "outlet"), ("Tom Reed", "person")],
        ),
        (
            "On The Kelly Brandt Morning Show, Mayor Ana Ruiz said the bridge would close.",
            [
                ("Daily Ledger", "outlet"),
                ("Kelly Brandt Morning Show", "outlet"),
                ("Ana Ruiz", "person"),
            ],
        ),
        (  # the opening participle, however it is parsed
            "Sitting down with MSNBC's “The Kelly Brandt Show” on Thursday, during which she "
            "also touched on trade, Senator Ana Ruiz said that she was surprised.",
            [("Daily Ledger", "outlet"), ("MSNBC", "outlet"), ("Ana Ruiz", "person")],
        ),
        (
            "Speaking to the BBC on Monday, Health Minister Amir Khan said the clinics would stay "
            "open.",
            [("Daily Ledger", "outlet"), ("BBC", "outlet"), ("Amir Khan", "person")],
        ),
    ],
)
def test_chain_patterns(rules_scorer, text, expected):
    chains = _chains(rules_scorer, text, publisher="Daily Ledger")[0]
    names = [[name for name, _ in chain] for chain in chains]
    wanted = [name for name, _ in expected]
    assert any(
        len(c) == len(wanted) and all(w.lower() in n.lower() for w, n in zip(wanted, c))
        for c in names
    ), chains


def test_an_outlet_named_after_its_descriptor_is_an_outlet(rules_scorer):
    text = "Norwegian broadcaster Kanal Nord, citing police sources, said the suspect had fled."
    assert _chains(rules_scorer, text, publisher="Daily Ledger")[0] == [
        [("Daily Ledger", "outlet"), ("Kanal Nord", "outlet"), ("police sources", "anonymous")]
    ]


def test_one_of_a_group_resolves_to_the_group(model_scorer):
    # The model labels this sentence anonymous (the rules call it named, and the label wins
    # over the chain in `scorer.consistency`).
    text = (
        "Two dock workers, who asked not to be named, said the barges were emptied at night. "
        "One of them said the logs had been changed."
    )
    chains = _chains(model_scorer, text, publisher="Daily Ledger")
    assert chains[1] == [[("Daily Ledger", "outlet"), ("two dock workers", "anonymous")]]


def test_pronoun_and_title_references_resolve_to_earlier_source(rules_scorer):
    text = (
        "State environment commissioner Daniel Okafor said his department would test the water. "
        '"If there is a problem, we will find it," he said. '
        "A senior port official, speaking on condition of anonymity, said logs were missing. "
        "The official said the review would end on Friday."
    )
    chains = _chains(rules_scorer, text, publisher="Daily Ledger")
    assert chains[1][0][-1] == ("Daniel Okafor", "person")
    assert chains[3][0][-1][1] == "anonymous" and "official" in chains[3][0][-1][0]


def test_conjoined_deniers_each_get_a_chain(rules_scorer):
    chains = _chains(rules_scorer, "Both the ministry and the army have denied the allegations.")
    deepest = {chain[-1][0] for chain in chains[0]}
    assert deepest == {"ministry", "army"} or len(chains[0]) == 2


def test_unattributed_sentences_have_no_chain(rules_scorer):
    article = rules_scorer.score_text("The bridge opened in 1932. It carries 40,000 cars a day.")
    assert all(s.label == "unattributed" and s.chains == [] for s in article.sentences)


def test_publisher_signals_found_in_text(rules_scorer, gold_docs):
    from tests.conftest import SHARED

    found = {}
    for doc in gold_docs:
        article = rules_scorer.score_text((SHARED / doc["file"]).read_text(encoding="utf-8"))
        found[doc["id"][:3]] = (article.publisher, article.credit)
    assert found["000"][0] == "The Moscow Times"
    assert found["001"][0] == "Washington Examiner"
    assert found["002"][1] in ("Kyiv Independent", "The Kyiv Independent")


def test_a_quotation_split_by_the_segmenter_keeps_its_speaker(model_scorer) -> None:
    text = (
        "The harbour authority's director, Maria Lindqvist, visited the site on Wednesday.\n\n"
        "“We will not be intimidated by this. We will rebuild the terminal, and we will do it "
        "this year,” Lindqvist told reporters."
    )
    article = model_scorer.score_text(text, id="split-quote", publisher="Calder Courier")
    quote = [s for s in article.sentences if "intimidated" in s.text or "rebuild" in s.text]
    assert len(quote) == 2  # the segmenter cuts the quotation in two
    for sentence in quote:
        assert [[hop.name for hop in chain] for chain in sentence.chains] == [
            ["Calder Courier", "Maria Lindqvist"]
        ]


def test_a_dated_wire_dateline_credits_the_wire(rules_scorer):
    article = rules_scorer.score_text(
        "Drugmaker deal faces deeper antitrust review\n\n"
        "NEW YORK, June 4 (Reuters) - The U.S. Federal Trade Commission has asked for more "
        "information about the deal, Halcyon Biopharma said on Wednesday.",
        publisher="Yahoo Finance",
    )
    assert article.credit == "Reuters"
    # the dateline stays with its sentence
    assert [s.text[:17] for s in article.sentences[1:]] == ["NEW YORK, June 4 "]
    names = [[hop.name for hop in chain] for chain in article.sentences[-1].chains]
    assert names and all(chain[:2] == ["Yahoo Finance", "Reuters"] for chain in names)


def test_an_acronym_takes_the_full_name_the_article_gives_it(rules_scorer):
    article = rules_scorer.score_text(
        "Listeria outbreak sickens 38 in 11 states, CDC says\n\n"
        "A listeria outbreak has sickened at least 38 people, the Centers for Disease Control "
        "and Prevention said on Friday.\n\n"
        "NATO said the drills would go ahead.",
        publisher="Daily Ledger",
    )
    deepest = [[chain[-1].name for chain in s.chains] for s in article.sentences]
    assert deepest[0] == ["Centers for Disease Control and Prevention"]
    assert deepest[-1] == ["NATO"]  # never spelled out: kept as written


def _deepest(article) -> list[list[str]]:
    return [[[hop.name for hop in chain] for chain in s.chains] for s in article.sentences]


def test_outlets_by_exact_name_hyphenated_names_and_people_of_an_outlet(rules_scorer):
    article = rules_scorer.score_text(
        "Governor faces revolt over endorsement\n\n"
        "Hillary Clinton's campaign said on Monday it would not respond.\n\n"
        "Former governor Christine Todd Whitman told The Star-Ledger of Newark that she was "
        "ashamed of the endorsement.\n\n"
        "Seth McKee, a political scientist at Texas Tech University, told The Hill that the "
        "governor had made a mistake.\n\n"
        "On Tuesday, conservative commentator Jonah Goldberg of National Review wrote that the "
        "governor looked lost.",
        publisher="Daily Ledger",
    )
    chains = _deepest(article)
    assert chains[2] == [["Daily Ledger", "Star-Ledger", "Christine Todd Whitman"]]
    assert chains[3] == [["Daily Ledger", "The Hill", "Seth McKee"]]  # not "Hillary" again
    assert chains[4] == [["Daily Ledger", "Jonah Goldberg"]]  # the outlet is where he works


def test_hearsay_passive_and_a_statement_take_their_real_source(rules_scorer):
    article = rules_scorer.score_text(
        "Minister under pressure\n\n"
        "The minister is said to have opposed the plan.\n\n"
        "The Liberty Caucus issued a statement saying it would boycott the vote.",
        publisher="Daily Ledger",
    )
    chains = _deepest(article)
    assert chains[1] == [["Daily Ledger", "reports"]]  # not "the minister"
    assert chains[2][0][-1] == "Liberty Caucus"


def test_an_agent_an_appositive_name_and_a_name_as_written(rules_scorer):
    article = rules_scorer.score_text(
        "Court ruling divides parties\n\n"
        "Opposition candidate Grace Mwangi lost the vote.\n\n"
        "Mwangi's party, the Democratic Alliance for Change, denied that it had bribed voters.\n\n"
        "The decision was criticised by the Green Party, which said it was unlawful.",
        publisher="Daily Ledger",
    )
    chains = _deepest(article)
    # The appositive's name, not "Mwangi's party"
    assert chains[2] == [["Daily Ledger", "Democratic Alliance for Change"]]
    # The agent, not "the decision"; "the Green Party" is not "Mwangi's party" again; one
    # chain however many cues name it.
    assert chains[3] == [["Daily Ledger", "Green Party"]]


def test_a_person_told_by_someone_keeps_the_source_under_them(model_scorer):
    article = model_scorer.score_text(
        "Inquiry into baby deaths\n\n"
        "Amina Obi said she had been told by a consultant that nothing could have been done.",
        publisher="Daily Ledger",
    )
    # A passive subject with an agent is dropped, but not a person passing it on. The chains as
    # found: under a named-source label the consistency rule then cuts the anonymous hop.
    sentence = article.sentences[1]
    found = sentence.model_chains if sentence.model_chains is not None else sentence.chains
    assert ["Daily Ledger", "Amina Obi", "a consultant"] in [[h.name for h in c] for c in found]


def test_a_tagged_they_keeps_the_speaker_and_a_hyphenated_masthead_is_an_outlet(model_scorer):
    article = model_scorer.score_text(
        "Pride marches go ahead\n\n"
        "Pride marches drew big crowds in Chicago, the Chicago Sun-Times reported.\n\n"
        "Manny Gomez said seeing so many police officers at Pride was a welcome sight. He and "
        "his partner came to the events because they wanted to show that \"they can't scare "
        'us back into the closet."',
        publisher="USA Today",
    )
    kinds = [[[(h.name, h.kind) for h in c] for c in s.chains] for s in article.sentences]
    assert ("Chicago Sun-Times", "outlet") in kinds[1][0]
    # "they" is not the newspaper quoted two sentences up: the speaker goes on.
    assert kinds[3] == [[("USA Today", "outlet"), ("Manny Gomez", "person")]]


def test_spokespeople_cited_staff_and_listeners(model_scorer):
    article = model_scorer.score_text(
        "Transfer talks stall\n\n"
        "A spokeswoman for the city administration declined to comment.\n\n"
        "The ABC reported last year, citing current and former staff, that the practice was "
        "common.\n\n"
        "Maternity staff were told not to record the deaths as avoidable, a nurse said.",
        publisher="The Sydney Post",
    )
    chains = _deepest(article)
    # A spokesperson for a body no name was given for: the body, as written.
    assert chains[1] == [["The Sydney Post", "city administration"]]
    # The outlet once, and the staff it cited (anonymous: the chain sets the label).
    assert chains[2] == [["The Sydney Post", "ABC News", "current and former staff"]]
    assert article.sentences[2].label == "anonymous-source"
    # Staff who were told something are listeners, not a source under the nurse.
    assert chains[3] == [["The Sydney Post", "a nurse"]]


def test_a_clause_beside_a_report_is_not_nested_in_it(rules_scorer):
    article = rules_scorer.score_text(
        "Transfer denied\n\n"
        "Local media reported last month that prosecutors had opened a second case, though the "
        "prosecutor's office has not confirmed it.\n\n"
        "Atletico Ribera have denied reaching an agreement to sell the striker, hours after the "
        "English club's manager said he would be their player by Friday.",
        publisher="The Touchline",
    )
    chains = _deepest(article)
    assert ["The Touchline", "local media"] in chains[1]
    assert not any(len(chain) > 2 for chain in chains[1] + chains[2])


def test_an_unnamed_source_who_told_an_outlet_makes_the_sentence_anonymous(model_scorer):
    article = model_scorer.score_text(
        "Ceasefire talks stall\n\n"
        "A former Ellison campaign staffer told Reuters that Kessler had handled the "
        "reimbursements himself.\n\n"
        "Government spokesman Jean-Claude Mbemba told Radio Okapi that a deal was close.",
        publisher="U.S. News & World Report",
    )
    chains = [[[(h.name, h.kind) for h in c] for c in s.chains] for s in article.sentences]
    assert chains[1] == [
        [
            ("U.S. News & World Report", "outlet"),
            ("Reuters", "outlet"),
            ("a former Ellison campaign staffer", "anonymous"),
        ]
    ]
    # The classifier says named-source (an outlet is named); the chain sets the label.
    assert article.sentences[1].label == "anonymous-source"
    # "Radio …" names a broadcaster, a hop before the person who spoke to it.
    assert [hop[0] for hop in chains[2][0][-2:]] == ["Radio Okapi", "Jean-Claude Mbemba"]


def test_a_quotation_that_goes_on_keeps_the_outlet_it_was_given_to(model_scorer):
    article = model_scorer.score_text(
        "Ceasefire talks\n\n"
        "Government spokesman Jean-Claude Mbemba told Radio Okapi that a deal was close.\n\n"
        "“We want peace.\n\n"
        "But peace cannot mean abandoning the people of Rutshuru,” he said.\n\n"
        "Mbemba later met the mediators in Doha.",
        publisher="Reuters",
    )
    chains = _deepest(article)
    assert chains[1] == [["Reuters", "Radio Okapi", "Jean-Claude Mbemba"]]
    assert chains[3] == [["Reuters", "Radio Okapi", "Jean-Claude Mbemba"]]


def test_a_person_interviewed_by_an_outlet_keeps_it_on_later_quotes(rules_scorer):
    # Quoted later in the article, the interviewee is quoted from the interview: the outlet
    # stays a hop on the quotations (not on paraphrase, which may come from anywhere).
    chains = _chains(
        rules_scorer,
        "Senator Bernie Sanders told CNN on Sunday that the party would unite.\n\n"
        "The primary is in June.\n\n"
        "It rained all week.\n\n"
        "“We will win in November,” he said.\n\n"
        "“Nobody should doubt it,” Sanders said.\n\n"
        "Sanders said he would campaign in Ohio.",
        publisher="Daily Ledger",
    )
    framed = [("Daily Ledger", "outlet"), ("CNN", "outlet"), ("Bernie Sanders", "person")]
    assert chains[0] == [framed]
    assert chains[3] == [framed]
    assert chains[4] == [framed]
    assert [name for name, _ in chains[5][0]] in (
        ["Daily Ledger", "Sanders"],
        ["Daily Ledger", "Bernie Sanders"],
    )


def test_remarked_is_a_cue_of_the_chains(model_scorer):
    chains = _chains(
        model_scorer,
        "Senator Ana Ruiz remarked on MSNBC that she was “a little surprised” by the vote.",
        publisher="Daily Ledger",
    )
    assert [name for name, _ in chains[0][0]] == ["Daily Ledger", "MSNBC", "Ana Ruiz"]


def test_an_outlet_that_reported_what_a_person_said_is_not_an_interview(rules_scorer):
    # "The Daily Ledger reported, citing the mayor" is a report, not an interview: the mayor's
    # later words are not the Ledger's. Nor is a wire agency's brief talk an interview.
    chains = _chains(
        rules_scorer,
        "The Daily Ledger reported, citing the mayor, that the bridge would close.\n\n"
        "The council meets on Friday.\n\n"
        "Traffic was heavy on Monday.\n\n"
        "“Repairs will take a month,” the mayor said.\n\n"
        "Senator Ed Ward told Reuters that the bill would pass.\n\n"
        "The vote is on Friday.\n\n"
        "It rained all week.\n\n"
        "“I am confident,” Ward said.",
        publisher="Calder Courier Online",
    )
    assert [name for name, _ in chains[0][0]] == [
        "Calder Courier Online",
        "Daily Ledger",
        "the mayor",
    ]
    assert [name for name, _ in chains[3][0]] == ["Calder Courier Online", "the mayor"]
    assert [name for name, _ in chains[7][0]] == ["Calder Courier Online", "Ed Ward"]


def test_a_transcript_speaker_tag_is_the_source_of_the_turn(model_scorer):
    article = model_scorer.score_text(
        "Senator Ana Ruiz told CBS’s “Face the Nation” on Sunday that the bill would pass.\n\n"
        "Partial transcript as follows:\n\n"
        '"BRANDT: Senator, will the bill pass? Your critics say it will fail.\n\n'
        '"RUIZ: It will pass, and the governor has said he will sign it. We have the votes.\n\n'
        '"The critics are wrong about the votes.\n\n'
        '"BRANDT: The governor said he would sign it?\n\n'
        '"RUIZ: He told me so on Friday.\n\n'
        "UPDATE: The mayor said the bridge would close.",
        publisher="Daily Ledger",
    )
    chains = {s.text: [[h.name for h in c] for c in s.chains] for s in article.sentences}
    ruiz = ["Daily Ledger", "CBS News", "Ana Ruiz"]
    # the tag stays with the turn's first sentence
    assert chains['"BRANDT: The governor said he would sign it?'] == [
        ["Daily Ledger", "CBS News", "Brandt"]
    ]
    assert chains['"RUIZ: He told me so on Friday.'] == [ruiz]
    # the turn goes on in the sentence after the tag and in a paragraph that opens with a quote
    assert chains["We have the votes."] == [ruiz]
    assert chains['"The critics are wrong about the votes.'] == [ruiz]
    # not a quoted paragraph: the turn is over ("UPDATE" opens no turn of its own)
    last = chains["UPDATE: The mayor said the bridge would close."]
    assert [name.lower() for name in last[0]] == ["daily ledger", "the mayor"]


def test_a_transcript_turn_makes_its_unlabelled_sentences_the_speakers():
    texts = [
        ("Senator Ana Ruiz spoke to CBS on Sunday.", "named-source"),
        ('"BRANDT: Senator, will the bill pass?', "named-source"),
        ("Two questions: Why would it fail?", "unattributed"),
        ('"RUIZ: It will pass.', "named-source"),
        ("But this is America, Chris.", "unattributed"),
        ('"(CROSSTALK.)', "unattributed"),
        ('"BRANDT: Thank you.', "named-source"),
        ('"RUIZ: We have the votes.', "named-source"),
        ("Polls close at eight.", "unattributed"),
    ]
    sentences = [
        Sentence(i, text, paragraph=i if i != 4 and i != 2 else i - 1, label=label, confidence=0.9)
        for i, (text, label) in enumerate(texts)
    ]
    sentences[0].chains = [[Hop("Ana Ruiz", "person")]]
    speaker_turns(sentences, [Hop("Daily Ledger", "outlet")], [])
    # spoken in a turn: the speaker's, the classifier's label kept aside
    assert (sentences[2].label, sentences[2].model_label, sentences[2].confidence) == (
        "named-source",
        "unattributed",
        None,
    )
    assert [h.name for h in sentences[2].chains[0]] == ["Daily Ledger", "Brandt"]
    assert sentences[4].label == "named-source"
    assert [h.name for h in sentences[4].chains[0]] == ["Daily Ledger", "Ana Ruiz"]
    # a stage direction, and a paragraph after the turns that opens no quotation, stay as labelled
    assert (sentences[5].label, sentences[5].model_label) == ("unattributed", None)
    assert (sentences[8].label, sentences[8].chains) == ("unattributed", [])
    # a sentence the classifier labelled attributed keeps its label and its confidence
    assert (sentences[3].label, sentences[3].confidence) == ("named-source", 0.9)


def test_a_quotation_over_several_sentences_names_no_sources_of_its_own(model_scorer):
    text = (
        "Senator Ana Rivers spoke at the harbour on Friday.\n\n"
        '"We cannot wait for the bridge," Rivers said, asking, "Mr. Hale, do you really think '
        "the engineers tell us nothing? What is your basis for that? Tell me what you will "
        'do."\n\n'
        'Rivers told co-host Joe Bell that the council had "no plan at all" for the ferry.\n\n'
        "The Calder senator added that the vote would come in May."
    )
    article = model_scorer.score_text(text, publisher="Daily Ledger")
    chains = {
        s.text[:20]: [[h.name for h in c] for c in s.chains]
        for s in article.sentences
        if s.label != "unattributed"
    }
    rivers = [["Daily Ledger", "Ana Rivers"]]
    # inside the quotation the second sentence opened: "tell me" is Rivers's, not Mr. Hale's
    assert chains["Tell me what you wil"] == rivers
    # "Rivers", which the parser reads as a plural noun, is the senator named before
    assert chains["Rivers told co-host "] == rivers
    # a title no description matched takes the nearest named person quoted
    assert chains["The Calder senator a"] == rivers


def test_a_sentence_inside_a_quotation_takes_the_speakers_label_and_chain():
    texts = [
        ("“I think she has to contrast.", "named-source", [[Hop("Ann Ward", "person")]]),
        ("And start talking about the real issues.", "unattributed", []),
        ("(Applause.)", "unattributed", []),
        ("People do not agree with him,” Ward said.", "named-source", []),
        ("Polls close at eight.", "unattributed", []),
        ("“The plan is dead.", "unattributed", []),
        ("Nobody wants it.”", "unattributed", []),
    ]
    sentences = [
        Sentence(
            i, text, paragraph=(0, 0, 0, 0, 1, 2, 2)[i], label=label, chains=chains, confidence=0.8
        )
        for i, (text, label, chains) in enumerate(texts)
    ]
    own = [bool(chains) for _, _, chains in texts]
    opened = opened_quotations(sentences)
    assert opened == [False, True, True, True, False, False, True]
    speak_quotations(sentences, opened, own)
    # inside Ward's quotation, opened by a sentence that names her
    assert (sentences[1].label, sentences[1].model_label, sentences[1].confidence) == (
        "named-source",
        "unattributed",
        None,
    )
    assert [[h.name for h in c] for c in sentences[1].chains] == [["Ann Ward"]]
    # not speech; not in a quotation; a quotation with no speaker named
    assert [s.label for s in sentences[2:]] == ["unattributed", "named-source"] + [
        "unattributed"
    ] * 3
    assert all(s.model_label is None for s in sentences[2:])


def _speakers(texts: list[tuple[str, str, list[str]]], paragraphs: list[int]) -> list[str | None]:
    """The speaker `quotation_speakers` gives each sentence: (text, label, own source names)."""
    sentences = [
        Sentence(
            i,
            text,
            paragraph=paragraphs[i],
            label=label,
            chains=[[Hop(n, "person")]] if own else [],
        )
        for i, (text, label, own) in enumerate(texts)
        for n in (own[:1] or [""])
    ]
    own = [bool(names) for _, _, names in texts]
    found = quotation_speakers(sentences, opened_quotations(sentences), own)
    return [found[i][0][-1].name if i in found else None for i in range(len(sentences))]


@pytest.mark.parametrize(
    ("texts", "paragraphs", "expected"),
    [
        # a quotation that closes and another that opens in one sentence: the second's speaker
        (
            [
                ("“We will win,” Trump said.", "named-source", ["Trump"]),
                ("“We have the votes,” Sanders replied, “and more.", "named-source", ["Sanders"]),
                ("Trust us.”", "unattributed", []),
            ],
            [0, 0, 0],
            [None, None, "Sanders"],
        ),
        # a stray opening mark opens no quotation: the sentences after it are no one's
        (
            [
                ("He called the plan “a disaster.", "named-source", ["Ward"]),
                ("Police said two men were arrested.", "named-source", []),
                ("The trial is in May.", "unattributed", []),
            ],
            [0, 0, 0],
            [None, None, None],
        ),
        # a single quotation inside a double one does not close it
        (
            [
                ("“She told me, ‘Leave now.’", "named-source", []),
                ("I was scared.", "unattributed", []),
                ("I left,” Ward said.", "named-source", ["Ward"]),
            ],
            [0, 0, 0],
            [None, "Ward", "Ward"],
        ),
        # a quoted paragraph after "X added:"
        (
            [
                ("The governor added:", "named-source", ["Christie"]),
                ("“It's typical of her.", "unattributed", []),
                ("She knows nothing.”", "unattributed", []),
                ("Polls close at eight.", "unattributed", []),
            ],
            [0, 1, 1, 2],
            [None, "Christie", "Christie", None],
        ),
        # a quotation opened right after the speaker's own sentence
        (
            [
                ("“We will win,” Sanders said.", "named-source", ["Sanders"]),
                ("“We have the votes.", "named-source", []),
                ("We always have.”", "unattributed", []),
            ],
            [0, 0, 0],
            [None, None, "Sanders"],
        ),
        # a long quotation that another one, closed in the same sentence, ran into
        (
            [
                ("“I think so.", "named-source", []),
                ("And more.", "unattributed", []),
                ("Yes,” Sanders said, asking, “Do you agree?", "named-source", ["Sanders"]),
            ]
            + [(f"Question {n}?", "unattributed", []) for n in range(6)]
            + [("That is all.”", "unattributed", [])],
            [0] * 10,
            [None] + ["Sanders"] * 9,
        ),
    ],
    ids=["reopened", "stray-mark", "nested-single", "colon-quoted-paragraph", "adjacent", "long"],
)
def test_the_speaker_of_a_quotation(texts, paragraphs, expected):
    assert _speakers(texts, paragraphs) == expected


def test_a_title_that_brings_in_someone_new_is_not_the_last_person_quoted(model_scorer):
    chains = _chains(
        model_scorer,
        "Senator Ana Ruiz said the evidence had been planted.\n\n"
        "The presiding judge said the trial would resume in May.",
        publisher="Daily Ledger",
    )
    assert chains[0][0][-1][0] == "Ana Ruiz"
    assert [name.lower() for name, _ in chains[1][0]] == ["daily ledger", "the presiding judge"]


def test_quotations_left_open_over_many_paragraphs_stay_linear():
    # each paragraph opens a quotation nothing closes: the search for run-on lines is bounded
    sentences = [Sentence(i, f"He called it “a mess number {i}.", paragraph=i) for i in range(3000)]
    raw = "\n".join(s.text for s in sentences)
    assert not any(opened_quotations(sentences, raw))
    # a long line cut at sentence ends keeps its quotation open across the pieces
    pieces = [
        Sentence(0, "“We will win.", paragraph=0),
        Sentence(1, "Trust us,” she said.", paragraph=1),
    ]
    assert opened_quotations(pieces, "“We will win. Trust us,” she said.") == [False, True]
    assert opened_quotations(pieces, "“We will win.\nTrust us,” she said.") == [False, False]


def test_a_negated_report_inside_another_is_no_hop(scripted_scorer):
    text = (
        "Director Ana Ruiz said the agency has not publicly commented on the inquiry.\n\n"
        "Director Ana Ruiz said the agency confirmed the inquiry."
    )
    article = scripted_scorer({"": "named-source"}).score_text(text, publisher="Daily Ledger")
    negated, confirmed = ([[h.name for h in c] for c in s.chains] for s in article.sentences)
    assert negated == [["Daily Ledger", "Ana Ruiz"]]  # no word of the agency's is reported
    assert confirmed == [["Daily Ledger", "Ana Ruiz", "the agency"]]


def _tagged_chains(scorer, text: str, sources: list[tuple[int, int]]) -> list[list[Hop]]:
    """The chains of a one-sentence text labelled named-source whose SOURCE spans are tagged
    at `sources` (character offsets), as the span head would tag them."""
    from scorer.article import Article, AttributionSpan
    from scorer.attribution import attribute
    from scorer.segment import segment

    article = Article(id="t", raw=text, publisher="Daily Ledger", paragraphs=[text])
    segment([article], nlp=scorer.nlp)
    (sentence,) = article.sentences
    sentence.label = "named-source"
    sentence.spans = [AttributionSpan("source", start, end) for start, end in sources]
    attribute(article)
    return sentence.chains


def test_tagged_sources_a_verb_acts_on_are_no_sources_and_a_show_is_a_hop(rules_scorer):
    text = (
        "Governor Tom Hale, who has campaigned heavily for Mayor Ana Ruiz since he left the "
        "race, blasted the council as a “disgrace” on Wednesday on The Kelly Brandt Show."
    )
    # as the span head tags them: the speaker, and the mayor he campaigned for
    sources = [
        (text.index("Governor"), text.index(", who")),
        (text.index("Mayor"), text.index(" since")),
    ]
    chains = _tagged_chains(rules_scorer, text, sources)
    assert [[h.name for h in c] for c in chains] == [
        ["Daily Ledger", "The Kelly Brandt Show", "Tom Hale"]
    ]


def test_a_tagged_source_interviewed_by_an_outlet_goes_through_it(rules_scorer):
    text = (
        "The former mayor went on the record recently in an interview with CNBC, during which "
        "he touched on the bridge."
    )
    chains = _tagged_chains(rules_scorer, text, [(0, text.index(" went"))])
    assert [[(h.name, h.kind) for h in c] for c in chains] == [
        [("Daily Ledger", "outlet"), ("CNBC", "outlet"), ("The former mayor", "person")]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Governor Tom Hale, who was mocked on Fox News last week, blasted the council.",
        "Governor Tom Hale blasted a report on CNN about the council.",
        "Governor Tom Hale blasted the council on Wednesday on the Hill.",
        "Governor Tom Hale blasted Ruiz's appearance on Fox News.",
    ],
)
def test_an_outlet_the_speaker_did_not_speak_on_is_no_hop(rules_scorer, text):
    chains = _tagged_chains(rules_scorer, text, [(0, len("Governor Tom Hale"))])
    assert [[h.name for h in c] for c in chains] == [["Daily Ledger", "Tom Hale"]]


def test_two_apostrophes_quote_as_a_double_mark(scripted_scorer) -> None:
    # The typewriter quotation marks of a newspaper archive: the second sentence is inside
    # the quotation Rivers opened, so "presidents" is no source of its own.
    text = (
        "''I know many people like what Hale says,'' Mr. Rivers said. "
        "''The problem is presidents can't just say anything they want.''"
    )
    scorer = scripted_scorer({"": "named-source"})
    first, second = scorer.score_text(text, publisher="Daily Ledger").sentences
    assert first.text.startswith('"I know') and second.text.endswith('want."')
    assert [[h.name for h in c] for c in second.chains] == [["Daily Ledger", "Rivers"]]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Rudnev is reported by Kommersant as having told investigators the money was a loan.",
            ["The Moscow Times", "Kommersant", "Rudnev"],
        ),
        (
            "The minister was quoted by Interfax as saying the talks had failed.",
            ["The Moscow Times", "Interfax", "The minister"],
        ),
        ("Smith was quoted as saying the plan was dead.", ["The Moscow Times", "Smith"]),
    ],
)
def test_reported_by_an_outlet_as_saying_nests_the_speaker_under_it(
    model_scorer, text: str, chain: list[str]
) -> None:
    sentence = model_scorer.score_text(text, publisher="The Moscow Times").sentences[0]
    assert [[h.name for h in c] for c in sentence.chains] == [chain]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "In a statement carried by TASS, the Russian Defense Ministry called the reports "
            "fabrications.",
            ["Reuters", "TASS", "Russian Defense Ministry"],
        ),
        (
            "In an interview carried by Yonhap on Wednesday, Lee Jae-sung said the loss would "
            "cost Korean firms years.",
            ["Reuters", "Yonhap News Agency", "Lee Jae-sung"],
        ),
        (
            "Russia's Defense Ministry claimed on Monday that its troops had taken the village of "
            "Velyka Dolyna, Russian state news agencies TASS and RIA Novosti reported.",
            ["Reuters", "TASS", "Defense Ministry"],
        ),
        (
            "The governor said the border would stay closed, Interfax reported.",
            ["Reuters", "Interfax", "The governor"],
        ),
    ],
)
def test_the_outlet_that_carried_a_statement_is_the_outer_hop(
    model_scorer, text: str, chain: list[str]
) -> None:
    sentence = model_scorer.score_text(text, publisher="Reuters").sentences[0]
    assert [h.name for h in sentence.chains[0]] == chain
