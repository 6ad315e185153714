"""Attribution span rows, span F1 and the rule baseline's span mapping (training/spans.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from training import polnear
from training.spans import (
    SPAN_TYPES,
    BaselineReport,
    TypedSpan,
    article_rows,
    bio_tags,
    char_to_token_span,
    decode_bio,
    gold_pieces,
    main,
    row_spans,
    rules_source_spans,
    span_f1,
)

POLNEAR = polnear.DEFAULT_ROOT
DEV_ARTICLE = "breitbart_2016-10-02_washington-post-hit-piece-exploi"
needs_polnear = pytest.mark.skipif(
    not (POLNEAR / "dev").exists(), reason=f"PolNeAR dev split not found at {POLNEAR / 'dev'}"
)


def _src(start: int, end: int, doc: str = "d") -> TypedSpan:
    return TypedSpan(doc, "SOURCE", start, end)


def test_exact_match_scores_one_everywhere():
    s = span_f1([_src(0, 2), _src(5, 6)], [_src(5, 6), _src(0, 2)])["SOURCE"]
    for prf in (s.exact, s.overlap, s.tokens):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)


def test_partial_overlap_counts_for_overlap_not_exact():
    # gold "Sen. Jon Tester" (tokens 0-3), predicted "Jon Tester" (tokens 1-3)
    s = span_f1([_src(0, 3)], [_src(1, 3)])["SOURCE"]
    assert s.exact.f1 == 0.0
    assert (s.overlap.precision, s.overlap.recall) == (1.0, 1.0)
    assert s.tokens.precision == 1.0
    assert s.tokens.recall == pytest.approx(2 / 3)


def test_missed_and_spurious_spans():
    gold = [_src(0, 2), _src(10, 12)]
    pred = [_src(0, 2), _src(20, 21), _src(30, 31)]
    s = span_f1(gold, pred)["SOURCE"]
    assert (s.exact.matched_gold, s.exact.gold, s.exact.pred) == (1, 2, 3)
    assert s.exact.recall == 0.5
    assert s.exact.precision == pytest.approx(1 / 3)
    assert s.overlap.f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))


def test_overlap_matching_is_one_to_one_and_greedy():
    # Two predictions on one gold span: the larger overlap is the match, the other is spurious.
    s = span_f1([_src(0, 4)], [_src(0, 1), _src(1, 4)])["SOURCE"]
    assert (s.overlap.matched_pred, s.overlap.pred) == (1, 2)
    assert s.tokens.matched_gold == 3  # the pair (0-4, 1-4) shares three tokens
    # One prediction over two gold spans matches only one of them.
    s = span_f1([_src(0, 2), _src(2, 4)], [_src(0, 4)])["SOURCE"]
    assert (s.overlap.recall, s.overlap.precision) == (0.5, 1.0)


def test_spans_match_only_within_a_document_and_type():
    gold = [_src(0, 2, "a"), TypedSpan("a", "CUE", 2, 3)]
    pred = [_src(0, 2, "b"), TypedSpan("a", "SOURCE", 2, 3)]
    scores = span_f1(gold, pred)
    assert scores["SOURCE"].overlap.matched_pred == 0
    assert scores["CUE"].overlap.recall == 0.0
    assert scores["CUE"].exact.pred == 0


def test_bio_tags_widen_to_tokens_and_decode_back():
    tokens = [(0, 3), (4, 8), (9, 14), (15, 19), (20, 24)]
    # a span ending inside a token ("Mr. Obam" of "Mr. Obama") covers the whole token
    tags = bio_tags(tokens, [(0, 7), (15, 24)])
    assert tags == ["B", "I", "O", "B", "I"]
    assert decode_bio(tags) == [(0, 2), (3, 5)]
    assert bio_tags(tokens, [(4, 8), (9, 14)]) == ["O", "B", "B", "O", "O"]
    assert decode_bio(["I", "I", "O", "B"]) == [(0, 2), (3, 4)]


@pytest.fixture(scope="module")
def dev_article(tmp_path_factory) -> polnear.Article:
    art = next(a for a in polnear.read_articles(POLNEAR, ("dev",)) if a.stem == DEV_ARTICLE)
    polnear.segment([art], tmp_path_factory.mktemp("cache"), cache_name="spans_test")
    return art


@needs_polnear
def test_bio_tags_of_a_dev_article_rebuild_its_gold_sources(dev_article):
    rows = article_rows(dev_article)
    rebuilt = [
        (row["tokens"][first][0], row["tokens"][last - 1][1])
        for row in rows
        for first, last in decode_bio(row["source"])
    ]
    gold = gold_pieces(dev_article)["SOURCE"]
    assert len(gold) > 20
    assert sorted(rebuilt) == gold
    assert all(set(row) >= {k.lower() for k in SPAN_TYPES} for row in rows)
    assert all(len(row[k.lower()]) == len(row["tokens"]) for row in rows for k in SPAN_TYPES)


@needs_polnear
def test_rows_are_stand_off(dev_article):
    rows = article_rows(dev_article)
    keys = {"article", "split", "sentence", "start", "end", "tokens", "source", "cue", "content"}
    assert all(set(row) == keys for row in rows)
    for row in rows:  # offsets and tags only: no text of the article
        assert all(isinstance(x, int) for pair in row["tokens"] for x in pair)
        assert {t for k in SPAN_TYPES for t in row[k.lower()]} <= {"B", "I", "O"}
        assert row["start"] <= row["tokens"][0][0] and row["tokens"][-1][1] <= row["end"]
    assert [row["sentence"] for row in rows] == list(range(len(rows)))


@needs_polnear
def test_char_spans_land_on_their_row_tokens(dev_article):
    rows = article_rows(dev_article)
    gold = row_spans(rows, "SOURCE")
    row = next(r for r in rows if "B" in r["source"])
    first, last = decode_bio(row["source"])[0]
    start, end = row["tokens"][first][0], row["tokens"][last - 1][1]
    assert char_to_token_span(rows, "SOURCE", start, end) in gold
    assert char_to_token_span(rows, "SOURCE", start + 1, end - 1) in gold  # widened
    assert char_to_token_span(rows, "SOURCE", len(dev_article.text) + 5, 10**9) is None


def test_rule_sources_are_found_by_name_in_the_raw_text(rules_scorer):
    text = (
        "The dam is safe, officials said on Monday.\n\n"
        "Mayor John Smith told reporters that the dam had been inspected. "
        "He added that repairs would start soon."
    )
    report = BaselineReport()
    spans = rules_source_spans(text, rules_scorer, report)
    assert [text[s:e] for s, e in spans] == ["officials", "John Smith"]
    # "He" is resolved to John Smith, a name not written in that sentence: no span
    assert (report.sentences, report.sentences_located) == (3, 3)
    assert (report.hops, report.hops_located) == (3, 2)


@needs_polnear
@pytest.mark.slow
def test_build_cli_writes_stand_off_rows(tmp_path: Path, capsys):
    main(["build", "--split", "dev", "--out", str(tmp_path / "spans_{split}.jsonl")])
    lines = (tmp_path / "spans_dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert {row["split"] for row in rows} == {"dev"}
    assert len({row["article"] for row in rows}) == 84
    assert "spans_dev.jsonl" in capsys.readouterr().out
