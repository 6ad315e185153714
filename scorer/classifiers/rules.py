"""The rule baseline: cue words, anonymity markers and denial verbs.

It is the comparison for the trained model and the fallback when no model is installed. Its
patterns are compiled from a `Lexicon` (`baseline_patterns`), so a word added there reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from scorer.article import Label
from scorer.classifiers.base import Prediction
from scorer.lexicon import (
    LEXICON,
    Lexicon,
    alternation,
    inflections,
    plural,
    with_plurals,
    words_pattern,
)
from scorer.lexicon.cues import CueWords

_QUOTE_START = re.compile(r"^\W*[“\"‘']")


@dataclass(frozen=True)
class BaselinePatterns:
    """The baseline's regexes, compiled from one lexicon."""

    cue: re.Pattern[str]
    denial_verb: re.Pattern[str]
    claim: re.Pattern[str]
    false_word: re.Pattern[str]
    hoax: re.Pattern[str]
    not_denial: re.Pattern[str]
    anonymous: re.Pattern[str]
    backref: re.Pattern[str]


def _cue_forms(cues: CueWords) -> set[str]:
    """The surface forms of the reporting verbs that the baseline counts as cues."""
    object_verbs = {phrase.split()[0] for phrase in cues.object_cues}
    forms = set(cues.fixed_cues)
    for verb in (cues.reporting_verbs | cues.citing_verbs) - object_verbs:
        verb_forms = inflections(verb)
        forms |= {verb_forms.third, verb_forms.past}
        if verb not in cues.inflected_only_cues:
            forms.add(verb_forms.base)
        if verb in cues.gerund_cues:
            forms.add(verb_forms.gerund)
    for phrase in cues.object_cues:
        verb, rest = phrase.split(" ", 1)
        forms |= {f"{inflections(verb).third} {rest}", f"{inflections(verb).past} {rest}"}
    return forms - cues.baseline_form_gaps


@cache
def baseline_patterns(lexicon: Lexicon = LEXICON) -> BaselinePatterns:
    """Compile the baseline's regexes from `lexicon` (once per lexicon).

    Example:
        >>> bool(baseline_patterns().cue.search("The minister said so."))
        True
    """
    cues, sources, refs = lexicon.cues, lexicon.sources, lexicon.references
    denials = {
        form for verb in cues.denial_verbs | cues.rebuttal_verbs for form in inflections(verb)
    }
    push_back = [
        rf"{inflections(verb).past} back {alternation(cues.push_back_preps)}"
        for verb in cues.phrasal_denial_verbs
    ]
    claims = (
        with_plurals(cues.claim_nouns | cues.denied_claim_nouns)
        | cues.singular_claim_nouns
        | cues.denied_involvement
        | cues.baseline_denial_objects
    )
    backref_heads = alternation(
        refs.backref_roles | sources.spokespeople | refs.baseline_backref_heads
    )
    return BaselinePatterns(
        cue=words_pattern(_cue_forms(cues)),
        denial_verb=words_pattern(denials - cues.baseline_form_gaps, push_back),
        claim=words_pattern(claims),
        false_word=words_pattern(phrases=cues.false_words),
        hoax=words_pattern(cues.hoax_phrases),
        not_denial=re.compile(
            rf"\b{alternation(inflections('deny'))} {alternation(cues.non_claim_objects)}\b", re.I
        ),
        anonymous=words_pattern(
            {plural(role) for role in sources.anonymous_roles},  # "officials said"
            (*sources.anonymity_phrases, *sources.baseline_anonymity),
        ),
        backref=re.compile(
            rf"^\W*(?:{alternation(refs.subject_pronouns)}|the (?:\w+ ){{0,2}}{backref_heads})\b"
            r"|^\W*[“\"‘']",
            re.I,
        ),
    )


@dataclass
class RuleClassifier:
    """A transparent baseline: cue words, anonymity markers and denial verbs.

    It is the comparison for the trained model and the fallback when no model is installed.

    Attributes:
        name: the classifier's name in reports.
        lexicon: the word lists its patterns are compiled from.

    Example:
        >>> RuleClassifier().predict([("Officials said the plant will close.", "")])[0].label
        'anonymous-source'
    """

    name: str = "rules"
    lexicon: Lexicon = field(default=LEXICON, repr=False)

    def _label(self, text: str, context: str) -> tuple[str, float]:
        p = baseline_patterns(self.lexicon)
        if p.denial_verb.search(text) and not p.not_denial.search(text):
            if p.claim.search(text) or p.false_word.search(text):
                return Label.DENIAL.value, 0.8
        if p.false_word.search(text) and p.cue.search(text) and p.hoax.search(text):
            return Label.DENIAL.value, 0.7
        cue = p.cue.search(text)
        if cue:
            if p.anonymous.search(text):
                return Label.ANONYMOUS.value, 0.7
            if p.backref.match(text) and context:
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
