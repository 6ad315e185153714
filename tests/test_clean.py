"""Furniture, credit lines and duplicates: on the seeds (against gold) and on other sites' junk."""

from __future__ import annotations

import re

import pytest

from eval.seeds import check_seed
from scorer.clean import CleanConfig, clean_blocks, drop_repeated_sentences, split_run_on


@pytest.fixture(scope="module")
def seed_reports(rules_scorer, gold_docs):
    return [check_seed(rules_scorer, doc) for doc in gold_docs]


def test_seeds_furniture_and_duplicates_removed(seed_reports):
    leaked = [text for report in seed_reports for text in report.leaked]
    assert len(leaked) <= 3, leaked


def test_seeds_content_kept(seed_reports):
    kept = sum(r.content_kept for r in seed_reports)
    total = sum(r.content_total for r in seed_reports)
    assert kept / total >= 0.95, [(r.id, r.content_kept, r.content_total) for r in seed_reports]


def test_seeds_whose_line_breaks_were_lost_are_still_cleaned(rules_scorer, gold_docs):
    reports = [check_seed(rules_scorer, doc, flat=True) for doc in gold_docs]
    leaked = [text for report in reports for text in report.leaked]
    kept = sum(r.content_kept for r in reports)
    total = sum(r.content_total for r in reports)
    assert len(leaked) <= 3, leaked
    assert kept / total >= 0.95, [(r.id, r.content_kept, r.content_total) for r in reports]


def test_a_run_on_article_gives_the_sentences_of_the_original(rules_scorer):
    from tests.conftest import ROOT

    original = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    run_on = re.sub(r"\s*\n\s*", " ", original)
    assert "\n" not in run_on
    sentences = [s.text for s in rules_scorer.score_text(original).sentences]
    assert [s.text for s in rules_scorer.score_text(run_on).sentences] == sentences


def test_run_on_lines_are_cut_around_inline_furniture():
    line = (
        "Home » Local » Council votes to close the old library Council votes to close the old "
        "library May 2, 2025 The council voted 7-2 on Monday to close it, the Rev. Ann Lee "
        "told the U.S. edition on Feb. 3 in St. Paul. (AP Photo/Evan Vucci) Residents said "
        "they would appeal. SIGN UP FOR OUR DAILY BRIEFING The vote ends a two-year fight. "
        "Leave a Reply " + "Filler words to make the line run on. " * 20
    )
    assert split_run_on(line)[:9] == [
        "Home » Local »",
        "Council votes to close the old library",
        "Council votes to close the old library",
        "May 2, 2025",
        "The council voted 7-2 on Monday to close it, the Rev. Ann Lee told the U.S. edition "
        "on Feb. 3 in St. Paul.",
        "(AP Photo/Evan Vucci)",
        "Residents said they would appeal.",
        "SIGN UP FOR OUR DAILY BRIEFING",
        "The vote ends a two-year fight.",
    ]
    result = clean_blocks(line)
    assert result.paragraphs[:4] == [
        "Council votes to close the old library",
        "The council voted 7-2 on Monday to close it, the Rev. Ann Lee told the U.S. edition "
        "on Feb. 3 in St. Paul.",
        "Residents said they would appeal.",
        "The vote ends a two-year fight.",
    ]


def test_seed_removals_carry_reasons(rules_scorer, gold_docs):
    from tests.conftest import SHARED

    doc = next(d for d in gold_docs if d["id"].startswith("004"))
    article = rules_scorer.score_text((SHARED / doc["file"]).read_text(encoding="utf-8"))
    reasons = {r.reason for r in article.removed}
    assert "repeated paragraph" in reasons
    assert "navigation or prompt" in reasons  # "Follow World news"


@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        ("Home > Politics > Elections", "breadcrumb"),
        ("News › Local › Council votes to close library", "breadcrumb"),
        ("Share this article", "navigation or prompt"),
        ("Sign up for our daily newsletter", "navigation or prompt"),
        ("Read more: Council approves budget", "navigation or prompt"),
        ("Related: Five things to know about the strike", "navigation or prompt"),
        ("Advertisement", "navigation or prompt"),
        ("Published 3 hours ago", "dateline"),
        ("Updated: 12 March 2025 at 14:05 GMT", "dateline"),
        ("By Jane Doe and Omar Farouk", "byline"),
        (
            "Protesters gather outside parliament in Tbilisi. (Photo by Jane Roe/Getty Images)",
            "photo caption or credit",
        ),
        ("(AP Photo/Evan Vucci)", "photo caption or credit"),
        ("Photo: Reuters", "navigation or prompt"),
        ("Source: Reuters", "credit line"),
        ("This story originally appeared in The Texas Tribune", "credit line"),
        ("Listen to this article", "navigation or prompt"),
        ("5 min read", "navigation or prompt"),
        ("By Caroline Mercer - 03/13/25 7:42 PM ET", "byline"),
        ("Rachel Ng rng@kcstar.com", "byline"),
        ("Samuel Ortiz / Reuters file", "photo caption or credit"),
        ("Updated on: June 12, 2025 / 6:05 PM EDT / CBS Philadelphia", "dateline"),
        ("June 12, 2025, at 10:41 a.m.", "dateline"),
        (
            "Get the latest Missouri politics news straight to your inbox. Sign up for The Star’s "
            "Missouri Politics newsletter.",
            "navigation or prompt",
        ),
        ("(Reporting by Jane Roe in Doha; Editing by Omar Farouk)", "credit line"),
        (
            "The mayor speaks at City Hall in January. Samuel Ortiz / Reuters file",
            "photo caption or credit",
        ),
        (
            "The governor speaks in Jefferson City on Feb. 11, 2025. Rachel Ng rng@kcstar.com",
            "photo caption or credit",
        ),
    ],
)
def test_other_sites_junk(junk, reason):
    text = (
        f"Council votes to close the old library\n{junk}\n"
        "The council voted 7-2 on Monday to close it."
    )
    result = clean_blocks(text)
    assert [r.reason for r in result.removed] == [reason]
    assert result.paragraphs == [
        "Council votes to close the old library",
        "The council voted 7-2 on Monday to close it.",
    ]


def test_prose_about_newsletters_or_by_phrases_stays_content():
    for prose in (
        "Get ready: the senator said he would vote against the newsletter rule.",
        "By the time the vote came, Senate Republicans had already left.",
        "John Smith / The Hill reported that the bill passed after a long debate on Tuesday.",
        "The senator said the plan was dead. John Smith / The Hill wrote the same.",
    ):
        result = clean_blocks(f"Council votes to close the old library\n{prose}")
        assert result.paragraphs[-1] == prose, prose


def test_caption_right_before_a_name_slash_outlet_credit_goes_with_it():
    result = clean_blocks(
        "Senate fight over defense bill deepens\n"
        "The Senate leader talks to reporters outside the chamber on Wednesday.\n"
        "Allison Reyes/The Hill\n"
        "WASHINGTON - Senate leaders traded blame on Wednesday."
    )
    assert result.paragraphs == [
        "Senate fight over defense bill deepens",
        "WASHINGTON - Senate leaders traded blame on Wednesday.",
    ]
    assert [r.reason for r in result.removed] == ["photo caption", "photo caption or credit"]


def test_reuters_credit_formula_is_a_credit_signal():
    result = clean_blocks(
        "Storm hits coast\nThe storm made landfall at dawn.\n"
        "(Reporting by Jane Roe; Editing by Omar Farouk)"
    )
    assert ("credit", "Reuters") in result.signals
    assert result.paragraphs == ["Storm hits coast", "The storm made landfall at dawn."]


def test_credit_line_is_kept_as_signal():
    result = clean_blocks("Storm hits coast\nThe storm made landfall at dawn.\nSource: Reuters")
    assert ("credit", "Reuters") in result.signals


@pytest.mark.parametrize(
    ("line", "credit"),
    [("FRANCE 24 with AFP", "AFP"), ("(With Reuters)", "Reuters"), ("Al Arabiya with AP", "AP")],
)
def test_a_site_with_an_agency_credits_the_agency(line: str, credit: str) -> None:
    result = clean_blocks(f"Storm hits coast\nThe storm made landfall at dawn.\n{line}")
    assert result.paragraphs == ["Storm hits coast", "The storm made landfall at dawn."]
    assert result.signals == [("credit", credit)]


@pytest.mark.parametrize(
    "line",
    [
        "He spoke with Reuters.",
        "With AFP and Reuters",
        "Talks with Hamas",
        "Trump with Cruz",
        "Trump Speaks With AP",
    ],
)
def test_with_and_a_name_that_is_not_one_agency_credits_nothing(line: str) -> None:
    assert clean_blocks(f"Storm hits coast\nThe storm made landfall at dawn.\n{line}").signals == []


def test_donation_appeal_removed_to_the_end_but_content_before_kept():
    text = (
        "Mayor resigns after audit\nThe mayor resigned on Friday, the council said.\n"
        "Before you go\nOur newsroom relies on readers like you.\nPlease donate monthly.\nMonthly"
    )
    result = clean_blocks(text)
    assert result.paragraphs == [
        "Mayor resigns after audit",
        "The mayor resigned on Friday, the council said.",
    ]
    assert {r.reason for r in result.removed} == {"donation appeal"}


def test_headline_is_content_and_short_interface_text_goes():
    result = clean_blocks("Floods close schools\nShare\n×\nSchools in the valley closed on Monday.")
    assert result.paragraphs[0] == "Floods close schools"
    assert "×" not in result.paragraphs


def test_interface_text_length_is_the_configured_one():
    text = "Floods close schools\nRed alert issued\nSchools in the valley closed on Monday."
    assert clean_blocks(text).paragraphs == [
        "Floods close schools",
        "Schools in the valley closed on Monday.",
    ]
    assert "Red alert issued" in clean_blocks(text, CleanConfig(min_block_words=3)).paragraphs
    with pytest.raises(ValueError, match="run_on_words"):
        CleanConfig(run_on_words=0)


def test_repeated_sentences_keep_the_first_and_drop_teasers():
    sentences = [
        "The dam failed at noon after days of rain.",
        "Officials said it was safe last year.",
        "This was followed by a report […]",
        "The dam failed at noon after days of rain.",
        "He declined.",
        "He declined.",
    ]
    keep, removed = drop_repeated_sentences(sentences)
    assert keep == [True, True, False, False, True, True]
    assert [r.reason for r in removed] == ["truncated teaser", "repeated sentence"]


def test_contributor_lines_editors_notes_and_letter_signatures_are_furniture():
    result = clean_blocks(
        "Readers weigh in on the budget\n"
        "LETTERS.\n"
        "The council should have voted the budget down.\n"
        "Kenneth L. Zimmerman.\n"
        "Huntington Beach, Calif.\n"
        "BYLINE: Amber Phillips.\n"
        "The mayor will sign it on Friday.\n"
        "Contributing: Jane Roe and Omar Farouk, USA TODAY.\n"
        "Amanda Terkel contributed reporting.\n"
        "Associated Press writer Jill Colvin in Washington contributed to this report.\n"
        "This article was updated to reflect that the mayor signed the budget."
    )
    assert result.paragraphs == [
        "Readers weigh in on the budget",
        "The council should have voted the budget down.",
        "The mayor will sign it on Friday.",
    ]


def test_sentences_about_contributions_or_updates_stay_content():
    for prose in (
        "Smith contributed reporting to the inquiry, which found widespread fraud.",
        "This article was a hit with readers, the editor said.",
        "The Senate agreed to the plan on Tuesday.",
    ):
        result = clean_blocks(f"Council votes to close the old library\n{prose}")
        assert result.paragraphs[-1] == prose, prose
