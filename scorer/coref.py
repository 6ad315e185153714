"""Back-references: which words point back to an earlier source, and which source they take.

"He said", "the official added", "the newspaper reported", "Kim said": the chain extractor
(`scorer.attribution`, through `SourceMemory`) and the training labels
(`training.sourcing_rules.resolve_sources`) both resolve such sources with `resolve`, each over
its own record of earlier sources seen as `Antecedent`s. The words come from the lexicon's
`ReferenceWords` (and the outlet nouns of `SourceWords`).

Shared: a personal pronoun takes the nearest single person; a noun takes the nearest outlet
("the newspaper"), person with that name ("Kim") or source whose description holds the noun
("the official" → "a senior official"), of the same number where both numbers are known.
Where the readers differ (`Policy`), changing either would change its output:

- a non-personal pronoun: the chains take the nearest source that is not a person (their
  "it"/"they" are organisations and outlets); training takes the nearest of the same number
  (its "they" is often a named pair of candidates);
- when nothing matches: the chains give a definite role noun ("the aide") the last source;
  training gives an unmatched pronoun the nearest source and decides a role noun's status
  from the noun (`unnamed_roles`).

The readers also classify references themselves: the chains by the head word alone
(`pronoun_kind`: "which", "this" stay nouns), training by its parse of the whole span (every
pronoun, demonstratives included, and numbers on both sides).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from scorer.article import Hop, HopKind
from scorer.lexicon import LEXICON, Lexicon


class Antecedent(Protocol):
    """What the resolver reads from an earlier source."""

    @property
    def person(self) -> bool:
        """One person (or a person-like role): "he", "she" may refer to it."""

    @property
    def thing(self) -> bool:
        """A document or an institution: never "he" or "she"."""

    @property
    def plural(self) -> bool | None:
        """A group; None where the reader does not know."""

    @property
    def named(self) -> bool:
        """Named (rather than anonymous)."""

    @property
    def outlet(self) -> bool:
        """A news outlet: "the newspaper" may refer to it."""

    @property
    def name(self) -> str:
        """The name; a capitalised word of it ("Kim") refers back to a person."""

    @property
    def description(self) -> str:
        """The text a definite noun's head is looked up in ("the official" → "a senior
        official")."""


A = TypeVar("A", bound=Antecedent)


PERSONAL, PRONOUN, NOUN = "personal", "pronoun", "noun"
"""Kinds of reference: a personal pronoun ("he"), another pronoun ("it", "they", "who"), or a
noun phrase ("the official", "the newspaper", "Kim")."""


@dataclass(frozen=True)
class Reference:
    """A source that may point back to an earlier one.

    Attributes:
        head: its head word as written ("he", "official", "Kim").
        kind: `PERSONAL`, `PRONOUN` or `NOUN` (see `pronoun_kind`).
        definite: a definite noun phrase ("the official", "that newspaper").
        plural: its number; None where the reader does not know.
    """

    head: str
    kind: str = NOUN
    definite: bool = False
    plural: bool | None = None


def pronoun_kind(word: str, lexicon: Lexicon = LEXICON) -> str:
    """`PERSONAL` for "he", "her"…; `PRONOUN` for "it", "they", "who"…; else `NOUN`."""
    refs, word = lexicon.references, word.lower()
    if word in refs.personal_pronouns:
        return PERSONAL
    if word in refs.third_person_pronouns or word in refs.relative_pronouns:
        return PRONOUN
    return NOUN


@dataclass(frozen=True)
class Policy:
    """Where the readers resolve differently.

    Attributes:
        pronouns_by_number: a non-personal pronoun takes the nearest source of its number (a
            plural one also any named source): training, where "they" is often a named pair of
            candidates. Otherwise it takes the nearest source that is not a person: the
            chains, where "it" and "they" are organisations and outlets.
        pronoun_fallback: an unmatched pronoun takes the nearest source (training).
        role_fallback: an unmatched definite role noun ("the official") takes the last source
            (the chains; training decides such a source's status from the noun instead).
    """

    pronouns_by_number: bool
    pronoun_fallback: bool
    role_fallback: bool


CHAINS = Policy(pronouns_by_number=False, pronoun_fallback=False, role_fallback=True)
"""The chain extractor's policy."""
TRAINING = Policy(pronouns_by_number=True, pronoun_fallback=True, role_fallback=False)
"""The training labels' policy."""


def _agrees(ref: Reference, earlier: Antecedent) -> bool:
    return ref.plural is None or earlier.plural is None or ref.plural == earlier.plural


def refers_to(
    ref: Reference, earlier: Antecedent, policy: Policy, lexicon: Lexicon = LEXICON
) -> bool:
    """Whether `ref` can point back to `earlier`."""
    if ref.kind == PERSONAL:
        return earlier.person and not earlier.thing and not earlier.plural
    if ref.kind == PRONOUN:
        if policy.pronouns_by_number:
            return ref.plural == earlier.plural or bool(ref.plural and earlier.named)
        return not earlier.person
    head = ref.head.lower()
    sources = lexicon.sources
    if earlier.outlet and (head in sources.outlet_nouns or head in sources.outlet_references):
        return True  # "the newspaper"
    if ref.head[:1].isupper() and earlier.person:
        if head in re.findall(r"[a-z]+", earlier.name.lower()):
            return True  # "Kim said": a word of an earlier person's name
    return (
        ref.definite
        and _agrees(ref, earlier)
        and bool(head)
        and head in earlier.description.lower()
    )


def resolve(
    ref: Reference, earlier: Sequence[A], policy: Policy, lexicon: Lexicon = LEXICON
) -> A | None:
    """The source `ref` points back to, or None.

    Args:
        ref: the reference.
        earlier: the candidate sources, nearest first.
        policy: `CHAINS` or `TRAINING`.
        lexicon: the word lists.

    Example:
        >>> from dataclasses import dataclass
        >>> @dataclass
        ... class Seen:
        ...     name: str
        ...     person: bool
        ...     thing: bool = False
        ...     plural: bool | None = None
        ...     named: bool = True
        ...     outlet: bool = False
        ...     description: str = ""
        >>> seen = [Seen("Ministry of Health", False), Seen("Daniel Okafor", True)]
        >>> resolve(Reference("he", pronoun_kind("he")), seen, CHAINS).name
        'Daniel Okafor'
        >>> resolve(Reference("it", pronoun_kind("it")), seen, CHAINS).name
        'Ministry of Health'
    """
    found = next((e for e in earlier if refers_to(ref, e, policy, lexicon)), None)
    if found is not None or not earlier:
        return found
    if policy.pronoun_fallback and ref.kind != NOUN:
        return earlier[0]
    refs, head = lexicon.references, ref.head.lower()
    if policy.role_fallback and ref.definite and ref.kind == NOUN:
        roles = refs.backref_roles | refs.more_backref_roles | lexicon.sources.spokespeople
        if head in roles:
            return earlier[0]
    return None


@dataclass(frozen=True)
class _Seen:
    """A hop the chains remember, as the resolver reads it."""

    hop: Hop
    thing: bool = False
    plural: bool | None = None
    named: bool = True

    @property
    def person(self) -> bool:
        return self.hop.kind == HopKind.PERSON.value

    @property
    def outlet(self) -> bool:
        return self.hop.kind == HopKind.OUTLET.value

    @property
    def name(self) -> str:
        return self.hop.name

    @property
    def description(self) -> str:
        return self.hop.descriptor or self.hop.name


@dataclass
class SourceMemory:
    """The chains' record of the sources seen so far in an article, for resolving "he", "Kim",
    "the official" (`scorer.attribution`)."""

    hops: list[Hop] = field(default_factory=list)
    lexicon: Lexicon = LEXICON

    def remember(self, hop: Hop) -> None:
        self.hops.append(hop)

    def resolve(self, text: str, head: str) -> Hop | None:
        first, space, _ = text.lower().partition(" ")
        ref = Reference(
            head,
            pronoun_kind(head, self.lexicon),
            definite=bool(space) and first in self.lexicon.references.definite_determiners,
        )
        earlier = [_Seen(hop) for hop in reversed(self.hops)]
        found = resolve(ref, earlier, CHAINS, self.lexicon)
        return found.hop if found is not None else None
