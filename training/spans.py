"""Attribution spans (SOURCE, CUE, CONTENT) as stand-off token rows, span F1, and a baseline.

Groundwork for a learned span tagger on PolNeAR (Newell et al., LREC 2018). Each sentence
becomes one row: its character offsets in the article, its token offsets and one BIO tag set
per span type. Rows hold offsets and tags only; the text stays in ../shared. The sentences
and tokens are those of `training.polnear.segment` (the project's spaCy pipeline); the spans
are those of the annotator `training.polnear.pick_annotations` chooses.

`span_f1` scores predicted spans against gold ones; `rules_baseline` maps today's rule chain
extractor (`scorer.attribution.attribute`) to SOURCE spans and scores it on PolNeAR dev.
PolNeAR's test split is not in ../shared and is never read.

Usage:
    python -m training.spans build                 # training/build/spans_{train,dev}.jsonl
    python -m training.spans baseline --split dev  # the rules' SOURCE span F1, as a table
"""

from __future__ import annotations

import argparse
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scorer.article import Article as ScoredArticle
from scorer.classifiers.base import Prediction
from scorer.classifiers.spans import decode_bio
from scorer.pipeline import Scorer, ScoringConfig
from training.polnear import DEFAULT_ROOT, SPLITS, Article, read_articles, segment
from training.realnews.sample import locate
from training.span_scores import SpanScores, TypedSpan, format_table, span_f1

SPAN_TYPES = ("SOURCE", "CUE", "CONTENT")
"""The tag sets of a row, each a column of BIO tags (`B`, `I`, `O`)."""
CACHE_DIR = Path("training/build/cache")
OUT_TEMPLATE = "training/build/spans_{split}.jsonl"


def gold_pieces(art: Article) -> dict[str, list[tuple[int, int]]]:
    """The article's annotated character spans per span type, deduplicated and in text order.

    A source shared by several attributions ("X said ... and added ...") is one span; a
    discontinuous brat span gives one span per piece.
    """
    found: dict[str, set[tuple[int, int]]] = {kind: set() for kind in SPAN_TYPES}
    for att in art.attributions:
        for kind, spans in (("SOURCE", [att.source]), ("CUE", [att.cue]), ("CONTENT", att.content)):
            for span in spans:
                found[kind].update(span.pieces if span is not None else ())
    return {kind: sorted(pieces) for kind, pieces in found.items()}


def bio_tags(tokens: list[tuple[int, int]], pieces: Iterable[tuple[int, int]]) -> list[str]:
    """BIO tags of `tokens` (character offsets) for the spans `pieces`.

    A token is in a span when their characters overlap, so a span boundary inside a token
    widens the span to the whole token. A token already in an earlier span keeps its tag.

    Example:
        >>> bio_tags([(0, 3), (4, 9), (10, 14)], [(4, 14)])
        ['O', 'B', 'I']
    """
    tags = ["O"] * len(tokens)
    for start, end in pieces:
        inside = [i for i, (s, e) in enumerate(tokens) if s < end and e > start and tags[i] == "O"]
        for n, i in enumerate(inside):
            tags[i] = "B" if n == 0 else "I"
    return tags


def article_rows(art: Article) -> list[dict]:
    """One stand-off row per sentence of a segmented article (`training.polnear.segment`).

    Each row: `article`, `split`, `sentence` (index), `start`/`end` (character offsets in the
    article text), `tokens` (`[start, end]` per token, whitespace tokens left out) and a BIO
    tag list per span type, keyed by its lower-case name (`source`, `cue`, `content`). A span
    reaching over a sentence boundary is cut there.
    """
    gold = gold_pieces(art)
    rows = []
    for sent in art.sentences:
        offset = sent.start - sent.span.start_char  # where the sentence's paragraph starts
        tokens = [
            (offset + t.idx, offset + t.idx + len(t.text)) for t in sent.span if not t.is_space
        ]
        row: dict = {
            "article": art.stem,
            "split": art.split,
            "sentence": sent.index,
            "start": sent.start,
            "end": sent.end,
            "tokens": [list(t) for t in tokens],
        }
        for kind in SPAN_TYPES:
            inside = [(s, e) for s, e in gold[kind] if s < sent.end and e > sent.start]
            row[kind.lower()] = bio_tags(tokens, inside)
        rows.append(row)
    return rows


def build_span_rows(
    split: str, *, root: Path = DEFAULT_ROOT, cache_dir: Path = CACHE_DIR
) -> list[dict]:
    """The stand-off span rows (`article_rows`) of every article of a PolNeAR split.

    Example:
        >>> rows = build_span_rows("dev")  # doctest: +SKIP
        >>> rows[0]["source"]  # doctest: +SKIP
        ['O', 'O', 'O', 'O']
    """
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; expected one of {', '.join(SPLITS)}")
    articles = read_articles(root, (split,))
    segment(articles, cache_dir)
    return [row for art in articles for row in article_rows(art)]


def row_spans(rows: Iterable[dict], kind: str) -> list[TypedSpan]:
    """The spans of type `kind` that the rows' BIO tags hold; a document is a sentence row."""
    return [
        TypedSpan((row["article"], row["sentence"]), kind, start, end)
        for row in rows
        for start, end in decode_bio(row[kind.lower()])
    ]


def char_to_token_span(rows: list[dict], kind: str, start: int, end: int) -> TypedSpan | None:
    """The token span of a character span, in the row (of one article) where it starts.

    `rows` are one article's rows in text order. None when the span starts outside every
    sentence or covers no token.
    """
    k = bisect_right([row["start"] for row in rows], start) - 1
    if k < 0 or start >= rows[k]["end"]:
        return None
    row = rows[k]
    inside = [i for i, (s, e) in enumerate(row["tokens"]) if s < end and e > start]
    if not inside:
        return None
    return TypedSpan((row["article"], row["sentence"]), kind, inside[0], inside[-1] + 1)


@dataclass
class BaselineReport:
    """Scores of the rules, and how much of their output could be placed in the raw text."""

    scores: dict[str, SpanScores] = field(default_factory=dict)
    sentences: int = 0
    sentences_located: int = 0
    hops: int = 0
    hops_located: int = 0


class _AllAttributed:
    """A classifier that calls every sentence attributed, so the chains are not gated."""

    name = "all-attributed"

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        return [Prediction("named-source", 1.0) for _ in items]


def rules_source_spans(
    text: str, scorer: Scorer, report: BaselineReport, *, article_id: str = "text"
) -> list[tuple[int, int]]:
    """Character spans of the sources the rule chain extractor names in one article.

    The scorer cleans and segments the text itself; each of its sentences is found in the raw
    text by a whitespace-tolerant search (`training.realnews.sample.locate`). The chains give
    names, not offsets (`Sentence.attributions` is never filled), so each hop's name is
    searched for, case-insensitively, in its sentence; a name not written there (a pronoun
    resolved to an earlier source, an outlet under its registry name, a chain carried over
    from the sentence before) gives no span. The publisher and credit hops at the head of
    every chain are left out. `report` counts the sentences and hops placed.
    """
    art = scorer.score_articles([ScoredArticle(id=article_id, raw=text, source=article_id)])[0]
    prefix = sum(1 for name in (art.publisher, art.credit) if name)
    spans: set[tuple[int, int]] = set()
    pos = 0
    report.sentences += len(art.sentences)
    for sent in art.sentences:
        where = locate(text, sent.text, pos)
        if where is None:
            continue
        report.sentences_located += 1
        pos = where[1]
        for name in dict.fromkeys(h.name for chain in sent.chains for h in chain[prefix:]):
            report.hops += 1
            words = r"\s+".join(re.escape(w) for w in name.split())
            m = re.compile(rf"(?<!\w){words}(?!\w)", re.I).search(text, where[0], where[1])
            if words and m:
                report.hops_located += 1
                spans.add((m.start(), m.end()))
    return sorted(spans)


def rules_baseline(
    split: str = "dev",
    *,
    gated: bool = True,
    root: Path = DEFAULT_ROOT,
    cache_dir: Path = CACHE_DIR,
) -> BaselineReport:
    """SOURCE span scores of the rule chain extractor against PolNeAR's gold Source spans.

    Both sides are mapped to the tokens of `build_span_rows`; a predicted span lands in the
    sentence row where it starts. With `gated` the chains are those `scorer score --classifier
    rules` gives (none on sentences the rules label unattributed); without, every sentence is
    treated as attributed, which measures the chain extractor alone. CUE is not scored: the
    rules expose no cue offsets.
    """
    config = ScoringConfig(classifier="rules")
    scorer = Scorer(config) if gated else Scorer(config, classifier=_AllAttributed())
    articles = read_articles(root, (split,))
    segment(articles, cache_dir)
    report = BaselineReport()
    gold: list[TypedSpan] = []
    pred: list[TypedSpan] = []
    for art in articles:
        rows = article_rows(art)
        gold.extend(row_spans(rows, "SOURCE"))
        for start, end in rules_source_spans(art.text, scorer, report, article_id=art.stem):
            span = char_to_token_span(rows, "SOURCE", start, end)
            if span is not None:
                pred.append(span)
    report.scores = span_f1(gold, pred)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="write the stand-off span rows of each split")
    build.add_argument("--split", action="append", choices=SPLITS, help="default: all")
    build.add_argument("--out", default=OUT_TEMPLATE, help="a path with {split} in it")
    base = sub.add_parser("baseline", help="score the rule chain extractor's SOURCE spans")
    base.add_argument("--split", default="dev", choices=SPLITS)
    base.add_argument("--ungated", action="store_true", help="chains on every sentence")
    for p in (build, base):
        p.add_argument("--root", type=Path, default=DEFAULT_ROOT)
        p.add_argument("--cache-dir", type=Path, default=CACHE_DIR)
    args = parser.parse_args(argv)
    if args.command == "baseline":
        report = rules_baseline(
            args.split, gated=not args.ungated, root=args.root, cache_dir=args.cache_dir
        )
        print(format_table(report.scores))
        print(f"scorer sentences found in the text: {report.sentences_located}/{report.sentences}")
        print(f"chain hops found in their sentence: {report.hops_located}/{report.hops}")
        return
    if "{split}" not in args.out:
        parser.error(f"--out must contain {{split}}, e.g. {OUT_TEMPLATE}")
    for split in args.split or SPLITS:
        rows = build_span_rows(split, root=args.root, cache_dir=args.cache_dir)
        out = Path(args.out.format(split=split))
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(row) + "\n" for row in rows)
        spans = {k: sum(r[k.lower()].count("B") for r in rows) for k in SPAN_TYPES}
        print(f"{split}: {len(rows)} sentences, spans {spans} -> {out}")


if __name__ == "__main__":
    main()
