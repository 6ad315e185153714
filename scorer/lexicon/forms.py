"""Word forms: the inflections and plurals the surface readers match.

The parse-based readers compare lemmas; the rule baseline matches raw text, so it needs every
form of a verb or noun spelled out. These helpers produce the regular forms and the few
irregular ones the lexicon's words have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# Irregular past tenses and consonant doubling among the lexicon's verbs.
_PAST = {"say": "said", "tell": "told", "write": "wrote", "rebut": "rebutted"}
_GERUND = {"rebut": "rebutting"}
_PLURAL = {"person": "people", "analysis": "analyses"}


class Inflections(NamedTuple):
    """The forms of one verb: "say", "says", "said", "saying"."""

    base: str
    third: str
    past: str
    gerund: str


def inflections(verb: str) -> Inflections:
    """The base, third-person, past and -ing forms of an English verb.

    Example:
        >>> inflections("testify")
        Inflections(base='testify', third='testifies', past='testified', gerund='testifying')
        >>> inflections("say").past
        'said'
    """
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
        past = verb + ("d" if verb.endswith("e") else "ed")
    gerund = verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith("ee") else verb + "ing"
    return Inflections(verb, third, _PAST.get(verb, past), _GERUND.get(verb, gerund))


def plural(noun: str) -> str:
    """The plural of a noun: "claim" → "claims", "story" → "stories", "analysis" → "analyses".

    Example:
        >>> [plural(n) for n in ("report", "story", "witness", "person")]
        ['reports', 'stories', 'witnesses', 'people']
    """
    if noun in _PLURAL:
        return _PLURAL[noun]
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x", "z")) else "s")


def with_plurals(nouns: Iterable[str]) -> frozenset[str]:
    """The nouns and their plurals."""
    return frozenset(form for noun in nouns for form in (noun, plural(noun)))


def words_pattern(words: Iterable[str] = (), phrases: Iterable[str] = ()) -> re.Pattern[str]:
    """A case-insensitive regex for any of `words` (literal) or `phrases` (regex fragments), as
    whole words.

    Example:
        >>> bool(words_pattern(["said"], ["according to (?:media )?reports"]).search("He said"))
        True
    """
    choices = [*(re.escape(w) for w in words), *phrases]
    return re.compile(rf"\b{alternation(choices, literal=False)}\b", re.I)


def alternation(choices: Iterable[str], *, literal: bool = True) -> str:
    """A regex group matching any of `choices`, longest first so none hides a longer one.

    Args:
        choices: words or phrases; regex fragments when `literal` is False.
        literal: escape the choices (word lists) or take them as fragments (phrase lists).

    Example:
        >>> alternation(["say", "said", "says"])
        '(?:said|says|say)'
    """
    items = sorted(set(choices), key=lambda c: (-len(c), c))
    return "(?:" + "|".join(re.escape(c) if literal else c for c in items) + ")"
