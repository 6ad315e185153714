"""Interviews: the outlet a source spoke to ("told CNN", "in an interview with MSNBC", "said on
Fox News Sunday", "Speaking to the BBC, …").

Such an outlet is a hop before the source (`scorer.attribution`) and is marked as found from an
interview (`Hop.interview`): the article's later quotations of the source keep it, which an
outlet that only reported what the source said ("The Ledger reported, citing the mayor") does
not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scorer.article import Hop, HopKind
from scorer.outlets import OutletKind, OutletRegistry
from scorer.sources import SourceTyper, noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    opening = cue.sent[0]  # "Sitting down with MSNBC's …, during which …, Clinton remarked"
    talkings = [c for c in cue.children if c.dep_ == "advcl"]
    if cue.dep_ == "ROOT" and opening.dep_ == "advcl" and opening not in talkings:
        talkings.append(opening)  # however the parser attached the opening participle
    for talking in talkings:
        if talking.lemma_.lower() in _TALKING and talking.tag_ == "VBG":
            if hop := _spoken_to(talking, ("with", "to", "on"), typer):
                return [hop]
    return []


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
