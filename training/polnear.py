"""Derive sentence rows with the four sourcing labels from PolNeAR attributions.

PolNeAR (Newell et al., LREC 2018) marks attribution relations (Source, Cue, Content
spans) in US political news. It says nothing about anonymity or denial, so those are
derived here with rules; `training/POLNEAR_DERIVATION.md` documents the rules and their
hand-checked precision.

Example:
    >>> from training.polnear import build_rows
    >>> rows = build_rows(splits=("dev",))            # doctest: +SKIP
    >>> sorted({r["label"] for r in rows})            # doctest: +SKIP
    ['anonymous-source', 'named-source', 'official-denial', 'unattributed']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span

from scorer.lexicon import LEXICON, Lexicon
from training.nlp import parse_cached
from training.sourcing_rules import (
    SourceInfo,
    article_names,
    classify_source,
    denial_trigger,
    label_words,
    resolve_sources,
)

DEFAULT_ROOT = Path("/work/shared/data/polnear")
SPLITS = ("train", "dev")

# ---------------------------------------------------------------------------
# brat reading


@dataclass
class TextSpan:
    """One brat text-bound annotation; `pieces` are (start, end) character offsets."""

    kind: str
    pieces: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.pieces)

    @property
    def end(self) -> int:
        return max(e for _, e in self.pieces)


@dataclass
class Attribution:
    """An attribution relation: who (source) says/thinks (cue) what (content)."""

    source: TextSpan | None
    cue: TextSpan | None
    content: list[TextSpan] = field(default_factory=list)
    has_source_slot: bool = True  # False for brat `Attribution-no-source`

    @property
    def anchor(self) -> int:
        """Offset used to order attributions within an article."""
        spans = [s for s in (self.source, self.cue) if s is not None] or self.content
        return min(s.start for s in spans) if spans else 0


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def read_ann(path: Path) -> list[Attribution]:
    """Read the attribution relations of one brat `.ann` file.

    Lines that are neither `T` nor `E` records (brat notes, continuation lines of
    multi-line span texts) are skipped.
    """
    spans: dict[str, TextSpan] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := _T_LINE.match(line):
            pieces = [tuple(map(int, p.split())) for p in m.group(3).strip().split(";")]
            spans[m.group(1)] = TextSpan(m.group(2), [(s, e) for s, e in pieces])
        elif m := _E_LINE.match(line):
            events.append(m.group(2))
    out = []
    for event in events:
        args = [a.split(":", 1) for a in event.split() if ":" in a]
        rel = args[0][0] if args else ""
        if rel not in ("Attribution", "Attribution-no-source"):
            continue
        att = Attribution(source=None, cue=None, has_source_slot=rel == "Attribution")
        for role, tid in args[1:]:
            span = spans.get(tid)
            if span is None:
                continue
            if role == "Source":
                att.source = span
            elif role == "Cue":
                att.cue = span
            elif role.startswith("Content"):
                att.content.append(span)
        if att.cue is not None or att.source is not None:
            out.append(att)
    return out


def pick_annotations(split_dir: Path) -> dict[str, Path]:
    """Map article stem -> one `.ann` file, the alphabetically first annotator id."""
    chosen: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return chosen


# ---------------------------------------------------------------------------
# articles


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    span: Span


@dataclass
class Article:
    stem: str
    split: str
    text: str
    attributions: list[Attribution]
    paragraphs: list[tuple[int, Doc]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def char_span(self, start: int, end: int) -> Span | None:
        starts = [s for s, _ in self.paragraphs]
        k = bisect_right(starts, start) - 1
        if k < 0:
            return None
        p_start, doc = self.paragraphs[k]
        end = min(end, p_start + len(doc.text))
        return doc.char_span(start - p_start, end - p_start, alignment_mode="expand")


def read_articles(root: Path = DEFAULT_ROOT, splits: tuple[str, ...] = SPLITS) -> list[Article]:
    """Read the text and the chosen annotator's attributions for every article."""
    articles = []
    for split in splits:
        for stem, ann in sorted(pick_annotations(root / split).items()):
            text_path = root / split / "text" / f"{stem}.txt"
            if not text_path.exists():
                continue
            articles.append(
                Article(stem, split, text_path.read_text(encoding="utf-8"), read_ann(ann))
            )
    return articles


def segment(articles: list[Article], cache_dir: Path, cache_name: str | None = None) -> None:
    """Split each article into paragraphs (lines) and sentences (spaCy parser), in place.

    Parses are cached in `cache_dir/<cache_name>.spacy` (default: one file per split set).
    """
    paras: list[tuple[Article, int, str]] = []
    for art in articles:
        for m in re.finditer(r"[^\n]+", art.text):
            if m.group().strip():
                paras.append((art, m.start(), m.group()))
    name = cache_name or "polnear_" + "-".join(sorted({a.split for a in articles}))
    docs = parse_cached([p for _, _, p in paras], cache_dir / f"{name}.spacy")
    for (art, start, _), doc in zip(paras, docs, strict=True):
        art.paragraphs.append((start, doc))
    for art in articles:
        for p_start, doc in art.paragraphs:
            for sent in doc.sents:
                if not any(ch.isalpha() for ch in sent.text):
                    continue
                art.sentences.append(
                    Sentence(
                        len(art.sentences), p_start + sent.start_char, p_start + sent.end_char, sent
                    )
                )


def _overlaps(span: TextSpan | None, start: int, end: int) -> bool:
    return span is not None and any(s < end and e > start for s, e in span.pieces)


def _coverage(spans: list[TextSpan], sent: Sentence, text: str) -> float:
    pieces = [p for sp in spans for p in sp.pieces if p[0] < sent.end and p[1] > sent.start]
    if not pieces:
        return 0.0
    chars = [i for i in range(sent.start, sent.end) if not text[i].isspace()]
    if not chars:
        return 0.0
    covered = sum(1 for i in chars if any(s <= i < e for s, e in pieces))
    return covered / len(chars)


CONTINUATION_COVERAGE = 0.5


def classify_attributions(
    art: Article, *, lexicon: Lexicon = LEXICON
) -> tuple[list[Attribution], list[SourceInfo]]:
    """The article's attributions in text order, each with its resolved source judgement."""
    atts = sorted(art.attributions, key=lambda a: a.anchor)
    names = article_names([d for _, d in art.paragraphs], lexicon=lexicon)
    sourceless_cue = label_words(lexicon).sourceless_cue
    infos: list[SourceInfo] = []
    for att in atts:
        if att.source is not None:
            span = art.char_span(att.source.start, att.source.end)
            raw = art.text[att.source.start : att.source.end]
            infos.append(classify_source(span, raw, names, lexicon=lexicon))
        else:
            cue = art.text[att.cue.start : att.cue.end].strip() if att.cue else ""
            kind = "anonymous" if sourceless_cue.match(cue) else "nosource"
            infos.append(SourceInfo(cue, kind, status="anonymous" if kind == "anonymous" else None))
    resolve_sources([i for i in infos if i.kind != "nosource"], lexicon=lexicon)
    return atts, infos


def label_article(art: Article, *, lexicon: Lexicon = LEXICON) -> list[dict]:
    """Label every sentence of one segmented article.

    Returns rows with `label` set to one of the four labels, or `None` for sentences
    dropped as noise (attributed only by a generic group's internal state).
    """
    vocab = label_words(lexicon)
    atts, infos = classify_attributions(art, lexicon=lexicon)
    kept: list[tuple[Attribution, SourceInfo, str]] = []  # (att, info, verdict)
    for att, info in zip(atts, infos, strict=True):
        cue_lemma = ""
        if att.cue is not None:
            cue_span = art.char_span(att.cue.start, att.cue.end)
            verbs = [t for t in cue_span if t.pos_ in ("VERB", "AUX")] if cue_span else []
            cue_lemma = verbs[-1] if verbs else (cue_span[-1] if cue_span else None)
            cue_lemma = cue_lemma.lemma_.lower() if cue_lemma is not None else ""
        if info.kind == "nosource":
            continue
        if info.kind == "writer":
            kept.append((att, info, "writer"))
        elif cue_lemma in lexicon.cues.cognition_verbs and _generic_people(info, lexicon):
            kept.append((att, info, "generic-state"))
        elif info.status == "anonymous" and info.head_lemma in lexicon.sources.poll_heads:
            kept.append((att, info, "generic-state"))
        elif info.status == "anonymous" and cue_lemma not in vocab.report_cues:
            kept.append((att, info, "generic-state"))
        else:
            kept.append((att, info, "keep"))

    sent_of = {}
    for s in art.sentences:
        sent_of[s.index] = s

    def sent_index(offset: int) -> int | None:
        for s in art.sentences:
            if s.start <= offset < s.end:
                return s.index
        return None

    rows = []
    for s in art.sentences:
        hits: list[tuple[Attribution, SourceInfo, str]] = []
        for att, info, verdict in kept:
            if _overlaps(att.cue, s.start, s.end) or _overlaps(att.source, s.start, s.end):
                hits.append((att, info, verdict))
                continue
            if not att.content or _coverage(att.content, s, art.text) < CONTINUATION_COVERAGE:
                continue
            anchor = att.cue or att.source
            a_idx = sent_index(anchor.start)
            if a_idx is None:
                continue
            step = 1 if a_idx > s.index else -1
            between = range(s.index + step, a_idx, step)
            if all(
                _coverage(att.content, sent_of[j], art.text) >= CONTINUATION_COVERAGE
                for j in between
            ):
                hits.append((att, info, verdict))
        label = _sentence_label(s, hits, lexicon)
        rows.append(
            {
                "text": s.span.text.strip(),
                "label": label,
                "doc": art.stem,
                "sent": s.index,
                "split": art.split,
                "origin": "polnear",
            }
        )
    for i, row in enumerate(rows):
        prev = [r["text"] for r in rows[max(0, i - 2) : i]]
        row["context"] = " ".join(prev)
    return rows


def _generic_people(info: SourceInfo, lexicon: Lexicon) -> bool:
    if info.kind == "generic":
        return True
    if info.status != "anonymous":
        return False
    return info.head_lemma in lexicon.sources.generic_people


def _sentence_label(
    s: Sentence, hits: list[tuple[Attribution, SourceInfo, str]], lexicon: Lexicon
) -> str | None:
    vocab = label_words(lexicon)
    real = [(a, i) for a, i, v in hits if v == "keep"]
    if not real:
        if any(v == "generic-state" for _, _, v in hits):
            return None
        return "unattributed"
    if denial_trigger(s.span, lexicon=lexicon) and not vocab.non_answer.search(s.span.text):
        return "official-denial"
    if vocab.anonymity.search(s.span.text) and not vocab.not_insider.search(s.span.text):
        return "anonymous-source"

    # Deepest attributions: those whose cue lies inside no other hit's content... rather,
    # those that contain no other hit's cue in their own content (the inner reports).
    def inner(a: Attribution) -> bool:
        return not any(
            b is not a
            and b.cue is not None
            and any(_overlaps(c, b.cue.start, b.cue.end) for c in a.content)
            for b, _ in real
        )

    deepest = [i for a, i in real if inner(a)] or [i for _, i in real]
    anonymous = [i for i in deepest if i.status == "anonymous"]
    if anonymous and all(i.kind in GUESSED_KINDS for i in anonymous):
        return None  # anonymous only through a guessed antecedent: too often wrong to keep
    if anonymous:
        return "anonymous-source"
    return "named-source"


# Sources whose anonymous status is inferred rather than read off the span: pronouns and
# back-references resolved to an earlier anonymous source, and generic groups. A hand check
# found most such sentences mislabelled ("“Not even one,” he said."), so they are dropped.
GUESSED_KINDS = ("pronoun", "backref", "generic")


def build_rows(
    root: Path = DEFAULT_ROOT,
    splits: tuple[str, ...] = SPLITS,
    cache_dir: Path = Path("training/build/cache"),
) -> list[dict]:
    """All labelled PolNeAR sentence rows (dropped sentences left out)."""
    rows = []
    for split in splits:  # one cache per split, so dev-only runs reuse theirs
        articles = read_articles(root, (split,))
        segment(articles, cache_dir)
        for art in articles:
            rows.extend(r for r in label_article(art) if r["label"] is not None)
    return rows
