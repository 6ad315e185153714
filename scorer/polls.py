"""A poll's findings: the sentences after a poll is named that go on giving its figures.

A poll story names its poll once ("In an NBC News/Wall Street Journal poll released Monday, 50
percent of respondents chose Clinton …") and then reports figure after figure with no reporting
verb ("Sixty-six percent said it made no difference to them.", "His edge shrinks to 34-27 when
third-party candidates are mentioned."). Those figures are the poll's, as a quotation's
continuation is its speaker's: both blind annotators of real poll stories (the real-news label
corpus and `eval/gold/chains_7.jsonl`) gave them the poll as source. `poll_findings` gives such
a sentence, labelled `unattributed` by the classifier, the chain to the last poll named and
`named-source`; an election's result ("Obama won 51 percent") and a figure with no respondent
in it ("Florida is nearly 3% Polish American") stay as they are. A poll named by a proper
noun anywhere in the article ("The latest USA TODAY/Rock the Vote Poll of 18-to-34-year-olds
explores …") is the poll of the shares of respondents quoted before it too ("One in five say
that won't be true." in the lede), as the blind annotators of `eval/gold/chains_9.jsonl` read it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from scorer.article import Hop, HopKind, Label, Sentence
from scorer.lexicon import LEXICON, Lexicon, words_pattern
from scorer.quotations import uncited

_NUMBER_WORDS = tuple(
    (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety"
    ).split()
)
_SHARE = (
    r"(?:\d\s?%|\b(?:\d+(?:\.\d+)?|(?:" + "|".join(_NUMBER_WORDS) + r")(?:-\w+)?)"
    r"\s+(?:percent|per\s+cent|percentage\s+points?|points?)\b|\b[\w.]+-point\b"
    r"|\bdouble\s+digits\b)"
)
SHARE = re.compile(_SHARE, re.IGNORECASE)
"""A share: "41 percent", "Sixty-six percent", "8%", "three points", "a four-point edge", "by
double digits"."""
SCORE = re.compile(r"\b\d{1,2}\s?(?:-|–|to)\s?\d{1,2}\b")
"""A score ("34-27", "46 to 35"): a finding only beside a word of leading or trailing."""
_SCORE_WORDS = re.compile(
    r"\b(?:lead|leads|leading|edge|trail|trails|trailing|ahead|behind)\b", re.I
)


_FRACTION = re.compile(
    r"\b(?:\w+ (?:in|out of) (?:\d+|" + "|".join(_NUMBER_WORDS) + r")"
    r"|(?:a|one|two|three|four)?[- ]?(?:thirds?|quarters?|fifths?|half|majority|plurality))$"
    r"|^\d+(?:\.\d+)?\s?%?$",
    re.IGNORECASE,
)
"""A share of respondents as the parse names it: "one in five", "nearly nine out of 10",
"nearly a third", "two-thirds", "49"."""
_SURVEYED = re.compile(r"\bthose (?:surveyed|polled|questioned|asked|interviewed)\b", re.I)
_NAME_WORD = r"[A-Z0-9][\w'’.&-]*(?:/[A-Z0-9][\w'’.&-]*)*"


class _Patterns(NamedTuple):
    """What `is_poll` and `is_finding` match, compiled from the lexicon."""

    noun: re.Pattern[str]
    finding: re.Pattern[str]
    answer: re.Pattern[str]
    """A share, then (after "of" and a group) a verb of answering: "27 percent of
    Republicans would vote"."""
    result: re.Pattern[str]
    named: re.Pattern[str]
    """A poll named by proper nouns: "USA TODAY/Rock the Vote Poll", "a new CNN/ORC poll"."""
    opening: re.Pattern[str]
    """"The poll was conducted …": its method is the poll's; not "ahead of the poll" (an
    election, in British usage)."""


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    sources = lexicon.sources
    nouns = "|".join(re.escape(n) for n in sorted(sources.poll_nouns))
    verbs = "|".join(re.escape(v) for v in sorted(sources.poll_answer_verbs))
    return _Patterns(
        words_pattern(sources.poll_nouns),
        words_pattern(sources.poll_finding_words),
        re.compile(rf"{_SHARE}(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:{verbs})\b", re.IGNORECASE),
        words_pattern(sources.poll_result_words),
        re.compile(
            rf"\b(?P<name>{_NAME_WORD}(?:[ /-](?:(?:the|of|and|for) )?{_NAME_WORD})*"
            rf" (?i:{nouns}))\b(?!['’]| (?:workers?|numbers|watchers|stations?|taxe?s?|booths?))"
        ),
        re.compile(rf"^\W*(?:the|this) (?:{nouns})\b", re.IGNORECASE),
    )


def is_poll(hop: Hop, lexicon: Lexicon = LEXICON) -> bool:
    """Whether a hop is a poll: a document whose name holds a poll noun ("The Post-SurveyMonkey
    poll", "a new poll by the Harvard University Institute of Politics")."""
    return hop.kind == HopKind.DOCUMENT.value and bool(_patterns(lexicon).noun.search(hop.name))


def is_finding(text: str, lexicon: Lexicon = LEXICON) -> bool:
    """Whether a sentence gives a poll's figure: a share or score, a word of what respondents
    answered (a verb of answering right after the share), and no election result; or it
    opens with the poll ("The poll was conducted …").

    Example:
        >>> is_finding("Sixty-six percent said it made no difference to them.")
        True
        >>> is_finding("Obama won Latino voters in 2012 by 71 percent to 27 percent.")
        False
        >>> is_finding("Battleground state Florida is nearly 3% Polish American.")
        False
    """
    patterns = _patterns(lexicon)
    if patterns.opening.search(text):
        return True
    if patterns.result.search(text):
        return False
    figure = bool(SHARE.search(text)) or bool(SCORE.search(text) and _SCORE_WORDS.search(text))
    return bool(figure and patterns.finding.search(text)) or bool(patterns.answer.search(text))


def _generic(hop: Hop, lexicon: Lexicon) -> bool:
    """One poll named by no proper noun ("the poll", "new poll", "the 50-state poll"): the
    poll the article named before; not "other recent polls", "a survey"."""
    words = hop.name.split()
    refs = lexicon.references
    if words and words[0].lower() in refs.definite_determiners:
        words = words[1:]  # "The new poll"
    return (
        is_poll(hop, lexicon)
        and bool(words)
        and words[-1].lower() in lexicon.sources.poll_nouns
        and words[0].lower() not in {*refs.indefinite_determiners, "other"}
        and not any(w[:1].isupper() for w in words)  # not "Quinnipiac poll"
    )


def named_poll(text: str, lexicon: Lexicon = LEXICON) -> str | None:
    """The first poll `text` names by a proper noun, without its determiner.

    Example:
        >>> named_poll("The latest USA TODAY/Rock the Vote Poll of 18-to-34-year-olds explores …")
        'USA TODAY/Rock the Vote Poll'
        >>> named_poll("The poll, the second in a series, is part of a forum.") is None
        True
    """
    refs = lexicon.references
    skip = {*refs.definite_determiners, *refs.indefinite_determiners, "this"}
    for match in _patterns(lexicon).named.finditer(text):
        words = match["name"].split(" ")
        while len(words) > 1 and (words[0].lower() in skip or words[0] in ("latest", "new")):
            words = words[1:]
        if len(words) > 1 and not any(re.search(r"\w['’]s?$", w) for w in words):
            return " ".join(words)
    return None


def _respondents(hop: Hop, text: str = "") -> bool:
    """A share of a poll's respondents, which the parse takes for a source ("48 percent"
    chose, "one in five", "respondents who" said, "those surveyed" in `text`), or a bare
    number word of one ("Thirty")."""
    name = hop.name.lower()
    return bool(
        SHARE.search(name)
        or _FRACTION.search(name)
        or name in _NUMBER_WORDS
        or set(name.split()) & {"percent", "respondent", "respondents"}
        or (name == "those" and _SURVEYED.search(text))
    )


def poll_findings(
    sentences: list[Sentence], prefix: list[Hop] | None = None, lexicon: Lexicon = LEXICON
) -> None:
    """After a sentence whose chain ends at a poll (`is_poll`), the poll is the source of what
    follows from it:

    - a sentence the classifier labelled `unattributed` that gives a figure (`is_finding`)
      takes the poll's chain, without its "citing", and `named-source`
      (`Sentence.overrule`: the classifier's label kept as `model_label`, the confidence null);
    - in an attributed sentence, a chain to a share of respondents ("48 percent chose
      Clinton") or to "the poll" is the poll's chain.

    A later poll named by a proper noun takes over from an earlier one. A poll named in a
    sentence's text (`named_poll`) counts as named from there on, with the article's `prefix`
    (publisher, credit) in front; the first one named is also the poll of the shares of
    respondents quoted before it."""
    named = [
        [*(prefix or []), Hop(name, HopKind.DOCUMENT.value)]
        for s in sentences
        if (name := named_poll(s.text, lexicon))
    ]
    poll: list[Hop] | None = None
    for sentence in sentences:
        attributed = sentence.label != Label.UNATTRIBUTED.value
        if poll is None and named and sentence.chains and attributed:
            _take_shares(sentence, named[0], lexicon)
        if poll and sentence.label == Label.UNATTRIBUTED.value:
            if is_finding(sentence.text, lexicon):
                sentence.overrule(Label.NAMED.value)
                sentence.chains = [uncited(poll)]
            continue
        if poll:
            _take_shares(sentence, poll, lexicon)
        own = [c for c in sentence.chains if c and is_poll(c[-1], lexicon)]
        name = named_poll(sentence.text, lexicon)
        if own and not (name and _generic(own[-1][-1], lexicon)):
            poll = own[-1]
        elif name:
            poll = [*(prefix or []), Hop(name, HopKind.DOCUMENT.value)]
            if own:  # "The poll" of the sentence that names it: that poll
                _take_shares(sentence, poll, lexicon)


def _take_shares(sentence: Sentence, poll: list[Hop], lexicon: Lexicon) -> None:
    """In an attributed sentence, a chain to a share of respondents or to "the poll" becomes
    `poll`; a sentence labelled anonymous for its shares alone becomes `named-source`."""
    kept = [
        c
        for c in sentence.chains
        if c and not (_respondents(c[-1], sentence.text) or _generic(c[-1], lexicon))
    ]
    if len(kept) < len(sentence.chains):
        shares = all(c and _respondents(c[-1], sentence.text) for c in sentence.chains)
        sentence.chains = [uncited(poll), *(c for c in kept if c != poll)]
        if sentence.label == Label.ANONYMOUS.value and shares:
            # "27 percent would vote for Trump": the shares were its only sources; an
            # anonymous sentence that leans on "the poll" may mean other polls
            sentence.overrule(Label.NAMED.value)
