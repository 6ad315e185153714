"""Measures of citation chains, defined once: name keys, own hops, second-hand, state outlets.

The profile (`scorer.profile`), triage (`scorer.triage`) and provenance (`scorer.provenance`)
read chains through these functions, so "the same source", "second-hand" and "cites a
state-affiliated outlet" mean one thing everywhere.

A chain starts with the article's own outlets (publisher, then credit) and ends at its deepest
source: ``Washington Examiner → The Moscow Times → Kim Yong-hyun``.

Example:
    >>> from scorer.article import Hop
    >>> chain = [Hop("Washington Examiner", "outlet"), Hop("The Moscow Times", "outlet"),
    ...          Hop("Kim Yong-hyun", "person")]
    >>> [h.name for h in via_outlets(chain, "Washington Examiner")]
    ['The Moscow Times']
    >>> via_outlets(chain[1:], "The Moscow Times")
    []
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from scorer.article import Article, Hop, HopKind, Sentence
from scorer.names import name_key

if TYPE_CHECKING:
    from scorer.outlets import OutletRegistry

# Curly and modifier apostrophes, made straight (outlet matching tokenises with it too).
# --- the article's own outlets -----------------------------------------------------------------


def outlet_key(name: str | None, registry: OutletRegistry) -> str | None:
    """The `name_key` of the registry's spelling of an outlet (or of `name` if unregistered)."""
    if not name:
        return None
    outlet = registry.lookup(name)
    return name_key(outlet.name if outlet else name)


def publisher_keys(article: Article, registry: OutletRegistry) -> set[str]:
    """The keys of the article's own outlets: its publisher, its credit and its URL's outlet."""
    keys = {outlet_key(article.publisher, registry), outlet_key(article.credit, registry)}
    if article.url:
        outlet = registry.by_domain(article.url)
        if outlet is not None:
            keys.add(name_key(outlet.name))
    return {k for k in keys if k}


def own_hops(chain: list[Hop], own: set[str], registry: OutletRegistry) -> list[Hop]:
    """The chain past the article's own outlets (`publisher_keys`), publisher and credit both.

    This is where a chain leaves the article, the part provenance follows across a batch.
    Second-hand is measured on `source_hops` instead, where a credited outlet stays.
    """
    return [
        h for h in chain if not (h.kind == HopKind.OUTLET and outlet_key(h.name, registry) in own)
    ]


# --- sources and second-hand -------------------------------------------------------------------


def source_hops(chain: list[Hop], publisher: str | None) -> list[Hop]:
    """The chain past the publisher: every hop whose `name_key` is not the publisher's.

    A credited outlet stays: an article that credits another outlet passes on its reporting.
    """
    own = name_key(publisher or "")
    return [h for h in chain if name_key(h.name) != own]


def deepest_source(chain: list[Hop], publisher: str | None) -> Hop | None:
    """The last hop of `source_hops`: what the chain finally rests on."""
    hops = source_hops(chain, publisher)
    return hops[-1] if hops else None


def via_outlets(chain: list[Hop], publisher: str | None) -> list[Hop]:
    """The outlets a chain passes through, past the publisher and before its deepest source."""
    return [h for h in source_hops(chain, publisher)[:-1] if h.kind == HopKind.OUTLET]


def is_second_hand(sentence: Sentence, publisher: str | None) -> bool:
    """Whether a sentence is second-hand: one of its chains has `via_outlets`.

    The one definition, used by the profile's `second_hand_share`, its `second-hand` flag and
    `first_hand` component, and by triage's `second-hand` reasons and claim risks.
    """
    return any(via_outlets(chain, publisher) for chain in sentence.chains)


# --- state-affiliated outlets ------------------------------------------------------------------


def state_affiliated_outlets(sentences: Iterable[Sentence]) -> dict[str, list[int]]:
    """State-affiliated outlets in the sentences' chains, first cited first, and where.

    Returns:
        Outlet name → the sorted indices of the sentences whose chains pass through it.
    """
    found: dict[str, set[int]] = {}
    for sentence in sentences:
        for chain in sentence.chains:
            for hop in chain:
                if hop.state_affiliated:
                    found.setdefault(hop.name, set()).add(sentence.index)
    return {name: sorted(indices) for name, indices in found.items()}
