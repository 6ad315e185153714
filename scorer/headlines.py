"""A headline that names its speaker before a colon: "Sanders: Clinton needs to 'get away from all
of this personality stuff' with Trump.", "Clinton to Planned Parenthood: Trump will reverse Roe
v. Wade.".

One headline in six of PolNeAR's political news has a lead-in and a colon, and where the lead-in
is someone the article goes on to name, the headline is what they said: the project's real-news
annotators labelled such headlines `named-source`, and the blind chain annotators of
`eval/gold/chains_5.jsonl` and `chains_9.jsonl` gave them the speaker's chain. A lead-in that
names no one the article names ("The Latest:", "Stealth Over Health:", "Breitbart News Daily:")
is a section label or a teaser, and the headline stays as the classifier read it.
"""

from __future__ import annotations

import re

from scorer.article import ATTRIBUTED, Hop, HopKind, Label, Sentence
from scorer.coref import SourceMemory
from scorer.interviews import with_prefix

_LEAD_IN = re.compile(r"^\W{0,2}(?P<lead>[^:.!?]{1,60}?)\s*:\s+\S")
_AFTER_NAME = re.compile(r"\s+(?:to|on|at|in|about|for|says?)\s.*$", re.IGNORECASE)
"""What follows the speaker in a lead-in: "Clinton to Planned Parenthood", "Obama on Climate
Change"."""
LEAD_IN_WORDS = 4
"""A speaker's name in a lead-in has at most this many words ("Dr. Ben Carson")."""


def lead_in_speaker(headline: str, memory: SourceMemory) -> Hop | None:
    """The person a headline's lead-in names, as the article names them: the one person of
    that surname ("Pence" → "Mike Pence"), or a person named in full; None where the lead-in
    names no person the article names (a place or a body: "Ukraine: Russia launches …").

    Example:
        >>> from scorer.coref import Mention
        >>> memory = SourceMemory()
        >>> memory.notice(Mention("Ana Rivers", "person"))
        >>> lead_in_speaker("Rivers to Harbour Workers: The Bridge Will Stay Open.", memory).name
        'Ana Rivers'
        >>> lead_in_speaker("The Latest: Rivers opens the bridge.", memory) is None
        True
    """
    match = _LEAD_IN.match(headline)
    if not match:
        return None
    lead = _AFTER_NAME.sub("", match["lead"]).strip()
    words = lead.split()
    if not words or len(words) > LEAD_IN_WORDS or not all(w[:1].isupper() for w in words):
        return None
    for mention in memory.mentions:
        if mention.name == lead and mention.person:  # not "Ukraine: Russia launches …"
            return Hop(mention.name, mention.kind)
    full = memory.full_name(lead)
    return Hop(full, HopKind.PERSON.value) if full else None


def headline_speaker(sentences: list[Sentence], prefix: list[Hop], memory: SourceMemory) -> None:
    """Give the headline (the first sentence) its lead-in's speaker (`lead_in_speaker`): the
    speaker's chain comes first, and a headline the classifier labelled `unattributed`
    becomes `named-source` (`Sentence.overrule`); a denial or anonymous label stays."""
    if not sentences or sentences[0].paragraph != 0:
        return
    headline = sentences[0]
    speaker = lead_in_speaker(headline.text, memory)
    if speaker is None:
        return
    chain = with_prefix(prefix, [speaker])
    if headline.label == Label.UNATTRIBUTED.value:
        headline.overrule(Label.NAMED.value)
    if headline.label in ATTRIBUTED:
        headline.chains = [chain, *(c for c in headline.chains if c != chain)]
