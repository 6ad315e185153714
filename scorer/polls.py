"""A poll's findings: the sentences after a poll is named that go on giving its figures.

A poll story names its poll once ("In an NBC News/Wall Street Journal poll released Monday, 50
percent of respondents chose Clinton …") and then reports figure after figure with no reporting
verb ("Sixty-six percent said it made no difference to them.", "His edge shrinks to 34-27 when
third-party candidates are mentioned."). Those figures are the poll's, as a quotation's
continuation is its speaker's: both blind annotators of real poll stories (the real-news label
corpus and `eval/gold/chains_7.jsonl`) gave them the poll as source. `poll_findings` gives such
a sentence, labelled `unattributed` by the classifier, the chain to the last poll named and
`named-source`; an election's result ("Obama won 51 percent") and a figure with no respondent
in it ("Florida is nearly 3% Polish American") stay as they are.
"""

from __future__ import annotations

import re
from functools import cache

from scorer.article import Hop, HopKind, Label, Sentence
from scorer.lexicon import LEXICON, Lexicon, words_pattern
from scorer.quotations import uncited

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
FIGURE = re.compile(
    r"\d\s?%|\b(?:\d+(?:\.\d+)?|(?:" + "|".join(_NUMBER_WORDS.split()) + r")(?:-\w+)?)"
    r"\s+(?:percent|per\s+cent|percentage\s+points?|points?)\b|\b\d{1,2}\s?(?:-|–|to)\s?\d{1,2}\b",
    re.IGNORECASE,
)
"""A share or a score: "41 percent", "Sixty-six percent", "8%", "three points", "34-27"."""


@cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    sources = lexicon.sources
    return (
        words_pattern(sources.poll_nouns),
        words_pattern(sources.poll_finding_words),
        words_pattern(sources.poll_result_words),
    )


def is_poll(hop: Hop, lexicon: Lexicon = LEXICON) -> bool:
    """Whether a hop is a poll: a document whose name holds a poll noun ("The Post-SurveyMonkey
    poll", "a new poll by the Harvard University Institute of Politics")."""
    return hop.kind == HopKind.DOCUMENT.value and bool(_patterns(lexicon)[0].search(hop.name))


def is_finding(text: str, lexicon: Lexicon = LEXICON) -> bool:
    """Whether a sentence gives a poll's figure: a share or score, a word of what respondents
    answered, and no election result.

    Example:
        >>> is_finding("Sixty-six percent said it made no difference to them.")
        True
        >>> is_finding("Obama won Latino voters in 2012 by 71 percent to 27 percent.")
        False
        >>> is_finding("Battleground state Florida is nearly 3% Polish American.")
        False
    """
    _, finding, result = _patterns(lexicon)
    return bool(FIGURE.search(text) and finding.search(text) and not result.search(text))


def is_respondents(hop: Hop, lexicon: Lexicon = LEXICON) -> bool:
    """Whether a hop is a share of a poll's respondents, which the parse takes for a source
    ("48 percent" chose, "respondents who" said), or a bare number word of one ("Thirty")."""
    name = hop.name.lower()
    return bool(
        FIGURE.search(name)
        or name in _NUMBER_WORDS.split()
        or set(name.split()) & {"percent", "respondent", "respondents"}
    )


def poll_findings(sentences: list[Sentence], lexicon: Lexicon = LEXICON) -> None:
    """After a sentence whose chain ends at a poll (`is_poll`), the poll is the source of the
    figures that follow:

    - a sentence the classifier labelled `unattributed` that gives a figure (`is_finding`)
      takes the poll's chain, without its "citing", and `named-source`
      (`Sentence.overrule`: the classifier's label kept as `model_label`, the confidence null);
    - in an attributed sentence, a chain to a share of respondents ("48 percent chose
      Clinton") is the poll's chain.

    A later poll takes over from an earlier one."""
    poll: list[Hop] | None = None
    for sentence in sentences:
        if poll and sentence.label == Label.UNATTRIBUTED.value:
            if is_finding(sentence.text, lexicon):
                sentence.overrule(Label.NAMED.value)
                sentence.chains = [uncited(poll)]
            continue
        if poll and any(c and is_respondents(c[-1], lexicon) for c in sentence.chains):
            kept = [c for c in sentence.chains if c and not is_respondents(c[-1], lexicon)]
            sentence.chains = [uncited(poll), *(c for c in kept if c != poll)]
            if sentence.label == Label.ANONYMOUS.value and not kept:
                sentence.overrule(Label.NAMED.value)
        polls = [chain for chain in sentence.chains if chain and is_poll(chain[-1], lexicon)]
        if polls:
            poll = polls[-1]
