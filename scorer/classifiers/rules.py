"""The rule baseline: cue words, anonymity markers and denial verbs.

It is the comparison for the trained model and the fallback when no model is installed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scorer.article import Label
from scorer.classifiers.base import Prediction

# --- the rule baseline -------------------------------------------------------------------------

_CUE = (
    r"(?:say|says|said|saying|tell|tells|told|according to|report(?:s|ed)?|reportedly|"
    r"claim(?:s|ed)?|"
    r"state[sd]?|add(?:s|ed)|wr(?:ote|ites)|post(?:s|ed)|announce[sd]?|quot(?:e|es|ed|ing)|"
    r"cit(?:e|es|ed|ing)|confirm(?:s|ed)?|insist(?:s|ed)?|argue[sd]?|warn(?:s|ed)?|note[sd]|"
    r"explain(?:s|ed)|testif(?:y|ies|ied)|acknowledge[sd]?|allege[sd]?|suggest(?:s|ed)|"
    r"estimate[sd]?|assess(?:es|ed)?|believe[sd]?|predict(?:s|ed)?|call(?:s|ed) (?:it|the|them)|"
    r"describe[sd]?|accuse[sd]?|comment(?:s|ed)|revealed?|disclosed?|indicated?|show(?:s|ed))"
)
_CUE_RE = re.compile(rf"\b{_CUE}\b", re.I)
_DENIAL_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"rebut(?:s|ted)?|disput(?:e|es|ed|ing)|debunk(?:s|ed)?|pushed back (?:on|against))\b",
    re.I,
)
_CLAIM_NOUN = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?|rumou?rs?|stor(?:y|ies)|"
    r"assertions?|speculation|notion|idea|that|any|involvement|wrongdoing|using|having|sending|"
    r"being|knowledge)\b",
    re.I,
)
_DENIAL_PHRASE = re.compile(
    r"\b(?:fake news|hoax|baseless|untrue|not true|no truth|false|falsehoods?|fabricat\w+|"
    r"nonsense|groundless|unfounded|categorically|lies|smear)\b",
    re.I,
)
_NOT_DENIAL = re.compile(
    r"\bden(?:y|ies|ied|ying) (?:entry|bail|access|a visa|visas|permission)\b", re.I
)
_ANON = re.compile(
    r"\b(?:officials|sources?|people (?:close to|familiar|with knowledge)|"
    r"person (?:familiar|briefed|close)|experts|analysts|observers|critics|residents|witnesses|"
    r"diplomats|insiders|aides|"
    r"reports|reportedly|media|press|telegram channels|anonymity|unnamed|anonymous|unidentified|"
    r"not authori[sz]ed|asked not to be (?:named|identified)|it is understood|rumou?rs?|"
    r"(?:an?|one|the|senior|an? senior) (?:\w+ ){0,3}official)\b",
    re.I,
)
_BACKREF = re.compile(
    r"^\W*(?:he|she|they|it|the (?:\w+ ){0,2}(?:official|spokes\w+|source|minister|newspaper|"
    r"agency|ministry|company|group|person|officer|report))\b|^\W*[“\"‘']",
    re.I,
)
_QUOTE_START = re.compile(r"^\W*[“\"‘']")


def _named_span(text: str) -> bool:
    """A capitalised word that is not the sentence's first word: a crude proper-name test."""
    words = re.findall(r"\b[A-Z][a-z]+\b", text)
    return len(words) > (1 if text[:1].isupper() else 0)


@dataclass
class RuleClassifier:
    """A transparent baseline: cue words, anonymity markers and denial verbs.

    It is the comparison for the trained model and the fallback when no model is installed.

    Example:
        >>> RuleClassifier().predict([("Officials said the plant will close.", "")])[0].label
        'anonymous-source'
    """

    name: str = "rules"

    def _label(self, text: str, context: str) -> tuple[str, float]:
        if _DENIAL_VERB.search(text) and not _NOT_DENIAL.search(text):
            if _CLAIM_NOUN.search(text) or _DENIAL_PHRASE.search(text):
                return Label.DENIAL.value, 0.8
        if (
            _DENIAL_PHRASE.search(text)
            and _CUE_RE.search(text)
            and re.search(r"\b(?:fake news|hoax)\b", text, re.I)
        ):
            return Label.DENIAL.value, 0.7
        cue = _CUE_RE.search(text)
        if cue:
            if _ANON.search(text):
                return Label.ANONYMOUS.value, 0.7
            if _BACKREF.match(text) and context:
                sentences = re.split(r"(?<=[.!?”\"])\s+", context)
                inherited, _ = self._label(sentences[-1], "")
                if inherited != Label.UNATTRIBUTED.value:
                    return (
                        Label.NAMED.value if inherited == Label.DENIAL.value else inherited
                    ), 0.6
            return Label.NAMED.value, 0.7
        if _QUOTE_START.match(text) and context:
            sentences = re.split(r"(?<=[.!?”\"])\s+", context)
            inherited, _ = self._label(sentences[-1], "")
            if inherited != Label.UNATTRIBUTED.value:
                return (Label.NAMED.value if inherited == Label.DENIAL.value else inherited), 0.5
        return Label.UNATTRIBUTED.value, 0.6

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        return [Prediction(*self._label(text, context)) for text, context in items]
