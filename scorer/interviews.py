"""Interviews: the outlet a source spoke to ("told CNN", "in an interview with MSNBC", "said on
Fox News Sunday", "Speaking to the BBC, …"), the frame it puts around the source's later
quotations (`framed`), and a transcript's speaker turns (`speaker_turns`).

Such an outlet is a hop before the source (`scorer.attribution`) and is marked as found from an
interview (`Hop.interview`): the article's later quotations of the source keep it, which an
outlet that only reported what the source said ("The Ledger reported, citing the mayor") does
not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from scorer.article import ATTRIBUTED, Hop, HopKind, Label, Sentence
from scorer.outlets import OutletKind, OutletRegistry
from scorer.quotations import spoken
from scorer.sources import SourceTyper, noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TALKS = frozenset({"appearance", "broadcast", "interview", "podcast", "programme", "program"})
"""Nouns of an interview: "in an interview with CNN", "on Sunday's broadcast of Fox News"."""
_TALKING = frozenset({"appear", "sit", "speak", "talk"})
"""Verbs of a source speaking to an outlet: "Sitting down with MSNBC, Clinton said"."""


def interviewed_by(cue: Token, typer: SourceTyper) -> list[Hop]:
    """The outlet of "said in an interview with MSNBC", "In an interview with The Philadelphia
    Inquirer, Greene said", "said on MSNBC", "During an interview on CNBC's Squawk Box, Trump
    said", "On The Steve Harvey Morning Show, Clinton criticized", "Speaking to CNN, Kim said":
    the outlet or show the source spoke to is a hop before the source, marked as an interview
    (`Hop.interview`)."""
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        for talk in (o for o in prep.children if o.dep_ == "pobj"):
            if (
                prep.lower_ == "on"
                and talk.pos_ == "PROPN"  # not "commented on the Bloomberg report"
                and (hop := outlet_or_show(talk, typer)) is not None
            ):
                return [hop]
            if prep.lower_ in ("in", "during", "on") and talk.lemma_.lower() in _TALKS:
                if hop := _spoken_to(talk, ("with", "on", "of"), typer):
                    return [hop]
            if prep.lower_ in ("in", "during") and talk.lemma_.lower() in _CARRIED:
                if hop := _carried_by(talk, typer):
                    return [hop]
    opening = cue.sent[0]  # "Sitting down with MSNBC's …, during which …, Clinton remarked"
    talkings = [c for c in cue.children if c.dep_ == "advcl"]
    if cue.dep_ == "ROOT" and opening.dep_ == "advcl" and opening not in talkings:
        talkings.append(opening)  # however the parser attached the opening participle
    for talking in talkings:
        if talking.lemma_.lower() in _TALKING and talking.tag_ == "VBG":
            if hop := _spoken_to(talking, ("with", "to", "on"), typer):
                return [hop]
    return []


def spoken_on(sent: Span, typer: SourceTyper) -> list[Hop]:
    """The outlets or shows a sentence says its speaker spoke on or to, wherever the parser
    attached the phrase: "… a “disgrace” Wednesday on The Laura Ingraham Show", "went on the
    record recently in an interview with CNBC". For a source the span head tagged, which has
    no cue to hang the phrase on (`interviewed_by`). Not a phrase inside a relative clause or
    an appositive ("Hale, who was mocked on Fox News, …"), nor one that says where a report
    or someone else's appearance ran ("a report on CNN", "Ruiz's appearance on Fox News"),
    nor "on the Hill" (Congress)."""
    documents = typer.lexicon.sources.document_heads | typer.lexicon.sources.more_document_heads
    hops = []
    for token in sent:
        if any(a.dep_ in ("relcl", "acl", "appos") for a in token.ancestors):
            continue
        head = token.head
        if token.dep_ == "pobj" and token.pos_ == "PROPN" and head.lower_ == "on":
            owner = head.head
            if (
                owner.lemma_.lower() in documents
                or any(c.dep_ == "poss" for c in owner.children)
                or (token.text == "Hill" and token.i > 0 and sent.doc[token.i - 1].lower_ == "the")
            ):
                continue
            hop = outlet_or_show(token, typer)
        elif token.lemma_.lower() in _TALKS and token.dep_ == "pobj":
            if any(c.dep_ == "poss" for c in token.children):
                continue  # "Ruiz's interview with CNN"
            hop = _spoken_to(token, ("with", "on", "of"), typer)
        else:
            hop = None
        if hop is not None:
            hops.append(hop)
    return hops


_CARRIED = _TALKS | frozenset({"comment", "comments", "remark", "remarks", "statement"})
"""What an outlet carries: "In a statement carried by TASS, the ministry called …"."""
_CARRYING = frozenset({"air", "broadcast", "carry", "publish", "quote", "run"})


def _carried_by(talk: Token, typer: SourceTyper) -> Hop | None:
    """The outlet that carried a statement or interview ("In an interview carried by Yonhap",
    "in a statement published by TASS"): a hop before the speaker, but no interview frame
    for later quotes (a wire carries what others said)."""
    for verb in (c for c in talk.children if c.dep_ == "acl"):
        if verb.lemma_.lower() not in _CARRYING:
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for outlet in (o for o in agent.children if o.dep_ == "pobj"):
                hop = typer.hop(noun_phrase(outlet))
                if hop is not None and hop.kind == HopKind.OUTLET.value:
                    return hop
    return None


def _spoken_to(head: Token, preps: tuple[str, ...], typer: SourceTyper) -> Hop | None:
    """The outlet or show in a prepositional object of `head` ("interview with CNN",
    "speaking to CNN")."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        for outlet in (o for o in prep.children if o.dep_ == "pobj"):
            if (hop := outlet_or_show(outlet, typer)) is not None:
                return hop
    return None


def outlet_or_show(token: Token, typer: SourceTyper) -> Hop | None:
    """The outlet a source spoke to, marked as an interview: an outlet ("MSNBC"), a show or a
    journalist of one ("CNBC's Squawk Box", "CNN's Jake Tapper" → CNN) or a show by its title
    ("The Laura Ingraham Show")."""
    hop = typer.hop(noun_phrase(token))
    if hop is not None and hop.kind == HopKind.OUTLET.value:
        return replace(hop, interview=True)
    for owner in (c for c in token.children if c.dep_ == "poss"):
        hop = typer.hop(noun_phrase(owner))
        if hop is not None and hop.kind == HopKind.OUTLET.value:
            return replace(hop, interview=True)
    if token.text == "Show" and token.pos_ == "PROPN":
        return Hop(noun_phrase(token).text, HopKind.OUTLET.value, interview=True)
    return None


def is_interview(chain: list[Hop], registry: OutletRegistry) -> bool:
    """A chain that ends with a person speaking to a broadcaster or a paper, found from an
    interview cue ("… → CNN → Bernie Sanders"), not to a wire agency."""
    if len(chain) < 2 or chain[-1].kind != HopKind.PERSON.value or not chain[-2].interview:
        return False
    outlet = registry.lookup(chain[-2].name)
    return outlet is None or outlet.kind != OutletKind.WIRE_AGENCY


def same_name(a: Hop, b: Hop) -> bool:
    """The same name, up to case and a leading "the"."""
    key = lambda h: h.name.lower().removeprefix("the ").strip()  # noqa: E731
    return key(a) == key(b)


def framed(chain: list[Hop], before: list[list[Hop]]) -> list[Hop]:
    """A one-hop chain to a person who, in `before`, spoke to an outlet ("Mbemba told Radio
    Okapi …") keeps that outlet: the quotation goes on in the same interview. `before` is the
    chains of the sentence before, or the article's interviews so far (the latest wins); a
    surname matches the full name."""
    if len(chain) != 1:
        return chain
    for earlier in reversed(before):
        if (
            len(earlier) >= 2
            and same_person(earlier[-1], chain[0])
            and earlier[-2].kind == HopKind.OUTLET.value
        ):
            return list(earlier)
    return chain


def same_person(a: Hop, b: Hop) -> bool:
    """The same name, or a surname and the full name it ends ("Sanders", "Bernie Sanders")."""
    if same_name(a, b):
        return True
    if a.kind != HopKind.PERSON.value or b.kind != HopKind.PERSON.value:
        return False
    short, full = sorted((a.name.split(), b.name.split()), key=len)
    return len(short) == 1 and len(full) > 1 and short[0].lower() == full[-1].lower()


_SPEAKER_TAG = re.compile(r"^\W{0,2}([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?):(?:\s|$)")
"""A transcript's speaker tag opening a turn: "WALLACE: …", "“SEN. KAINE: …"."""


def speaker_turns(
    sentences: list[Sentence], prefix: list[Hop], interviews: list[list[Hop]]
) -> None:
    """In a transcript ("WALLACE: Let's start … / PENCE: Well, look, …"), the speaker a tag
    names is the source of every attributed sentence of the turn, up to the next tag or the
    first paragraph that does not open with a quotation mark, reached through the interview
    the transcript is of: the speaker's own (`interviews`), else the latest one (the host's
    show). A tag names a person the article names by surname ("PENCE" → Mike Pence), or is
    taken as written ("Wallace"). An article is a transcript where at least two speakers each
    open two turns: a lone "UPDATE:" is not one.

    Every sentence of a turn is the speaker's (LABELS.md rule 4, a quotation continued from
    the sentence that names its speaker), so a turn's sentence the classifier labelled
    `unattributed` ("Two questions: Why would Trump do that?") becomes `named-source`, the
    classifier's label kept as `model_label` and the confidence null; a stage direction
    ("(CROSSTALK.)") stays as it is."""
    tags = [_SPEAKER_TAG.match(s.text) for s in sentences]
    counts: dict[str, int] = {}
    for tag in tags:
        if tag:
            counts[tag.group(1)] = counts.get(tag.group(1), 0) + 1
    if sum(n >= 2 for n in counts.values()) < 2:
        return
    people = [
        chain[-1]
        for s in sentences
        for chain in s.chains
        if chain and chain[-1].kind == HopKind.PERSON.value
    ]
    speaker: list[Hop] = []
    paragraph = None
    for sentence, tag in zip(sentences, tags):
        known = None
        if tag:
            hop = Hop(tag.group(1).split()[-1].title(), HopKind.PERSON.value)
            known = next((p for p in people if same_person(p, hop)), None)
        if tag and (known or counts[tag.group(1)] >= 2):  # a speaker, not a lone "UPDATE:"
            hop = known or hop
            frame = framed([hop], interviews)
            if len(frame) == 1 and interviews:
                frame = [interviews[-1][-2], hop]
            speaker, paragraph = frame, sentence.paragraph
        elif sentence.paragraph != paragraph:
            # A turn's next paragraph opens with a quotation mark, as the transcript's do.
            speaker = speaker if sentence.text.lstrip()[:1] in '“"' else []
            paragraph = sentence.paragraph
        if (
            speaker
            and sentence.label == Label.UNATTRIBUTED.value
            and spoken(sentence.text)
            and not (tag and not sentence.text[tag.end() :].strip())  # a bare "WALLACE:"
        ):
            sentence.overrule(Label.NAMED.value)
        if speaker and sentence.label in ATTRIBUTED:
            sentence.chains = [with_prefix(prefix, speaker)]


def with_prefix(prefix: list[Hop], chain: list[Hop]) -> list[Hop]:
    hops = [h for h in chain if not any(same_name(h, p) for p in prefix)]
    return [*prefix, *hops] if hops else list(prefix)
