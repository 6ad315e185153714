"""The vocabulary of sourcing: every word list and phrase pattern, in one place.

Three readers use it, each compiling what it needs from a `Lexicon` (cached per lexicon):

- the rule baseline, `scorer.classifiers.rules`, matches surface forms on raw text;
- the chain extractor, `scorer.attribution`, reads lemmas and heads off the parse;
- the training-label rules, `training.sourcing_rules` and `training.polnear`, judge PolNeAR
  sources and denials.

Back-references ("he said", "the official added") are resolved for the chains and the
training labels by `scorer.coref` from the words in `ReferenceWords`.

Where the readers share a concept they share a list (`reporting_verbs`, `denial_verbs`,
`claim_nouns`, `anonymity_phrases`…); where one reader needs more, the extension is a list of
its own, named and documented for that reader (`more_reporting_verbs` for the parse-based
readers, `annotated_cues` for training). A list's docstring says who reads it.

Example:
    >>> from scorer.lexicon import LEXICON
    >>> "say" in LEXICON.cues.reporting_verbs
    True
    >>> "blorf" in LEXICON.extended(reporting_verbs={"blorf"}).cues.reporting_verbs
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from scorer.lexicon.cues import CueWords
from scorer.lexicon.forms import (
    Inflections,
    alternation,
    inflections,
    plural,
    with_plurals,
    words_pattern,
)
from scorer.lexicon.references import ReferenceWords
from scorer.lexicon.sources import SourceWords

__all__ = [
    "LEXICON",
    "CueWords",
    "Inflections",
    "Lexicon",
    "ReferenceWords",
    "SourceWords",
    "alternation",
    "inflections",
    "plural",
    "with_plurals",
    "words_pattern",
]

WordList = frozenset[str] | tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """All word lists, in three groups. Immutable and hashable, so readers can cache on it.

    Attributes:
        cues: reporting, denial and claim words (`scorer.lexicon.cues`).
        sources: nouns that head a source, by kind (`scorer.lexicon.sources`).
        references: pronouns, determiners and back-reference nouns
            (`scorer.lexicon.references`).
    """

    cues: CueWords = CueWords()
    sources: SourceWords = SourceWords()
    references: ReferenceWords = ReferenceWords()

    def lists(self) -> dict[str, WordList]:
        """Every list by name (names are unique across the groups)."""
        return {
            f.name: getattr(group, f.name)
            for group in (self.cues, self.sources, self.references)
            for f in fields(group)
        }

    def extended(self, **more: Iterable[str]) -> Lexicon:
        """A copy with words (or, for phrase lists, fragments) added to the named lists.

        Raises:
            KeyError: a name that is no list; the message lists the valid names.
        """
        unknown = sorted(set(more) - set(self.lists()))
        if unknown:
            raise KeyError(
                f"No word list named {', '.join(unknown)}; the lists are: "
                + ", ".join(sorted(self.lists()))
            )
        groups = {}
        for key in ("cues", "sources", "references"):
            group = getattr(self, key)
            changes = {}
            for f in fields(group):
                if f.name in more:
                    old = getattr(group, f.name)
                    added = tuple(more[f.name])
                    changes[f.name] = (
                        old | frozenset(added)
                        if isinstance(old, frozenset)
                        else (old + tuple(a for a in added if a not in old))
                    )
            groups[key] = replace(group, **changes)
        return replace(self, **groups)


LEXICON = Lexicon()
"""The lexicon every reader uses unless given another."""
