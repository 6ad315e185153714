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

The chains also remember every entity the article names, source or not (`Mention`,
`mentions_in`), apart from the sources: when no earlier source matches, "the commander",
"Ms Collins", "the company", "the AIU" take the one named entity they fit (`mention_fits`), and
stay as written where none or several fit. Training does not read them.

The readers also classify references themselves: the chains by the head word alone
(`pronoun_kind`: "which", "this" stay nouns), training by its parse of the whole span (every
pronoun, demonstratives included, and numbers on both sides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from scorer.article import Hop, HopKind
from scorer.lexicon import LEXICON, Lexicon

if TYPE_CHECKING:
    pass


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
        qualifiers: the other words of a name reference, lower case ("ms" in "Ms Collins"):
            a word of an earlier name refers back only when each of them is an honorific or
            a word of that name or its description ("Jane Smith" is not "John Smith").
    """

    head: str
    kind: str = NOUN
    definite: bool = False
    plural: bool | None = None
    qualifiers: tuple[str, ...] = ()


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
_MATCH_ONLY = replace(CHAINS, role_fallback=False)
"""The chains' policy without its fallback: tried before the entities the article names."""


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
    if ref.head[:1].isupper() and earlier.person and _proper(earlier.name):
        if head in re.findall(r"[a-z]+", earlier.name.lower()) and _qualified(
            ref, earlier, lexicon
        ):
            return True  # "Kim said": a word of an earlier person's name
    return (
        ref.definite
        and _agrees(ref, earlier)
        and bool(head)
        and head in earlier.description.lower()
        # "the Green Party" is not "Mwangi's party": a name's other words must fit too
        and (not ref.head[:1].isupper() or _qualified(ref, earlier, lexicon))
        # "The IMF" is not "the IMF's chief economist"
        and not (ref.head.isupper() and earlier.person)
    )


def _proper(name: str) -> bool:
    """Whether `name` is written as a proper name ("Ana de la Cruz"), not a description
    ("Ashbourne boss")."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper() and words[0][:1].isupper()


def _words(text: str) -> list[str]:
    """Lower-case words, full stops dropped ("Rep." → "rep", "Dong-wook" stays one word)."""
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text.lower())


def clashes(qualifiers: Iterable[str], known: Iterable[str], lexicon: Lexicon = LEXICON) -> bool:
    """Whether a qualifier names a nation or party (`affiliations`) that the candidate's name
    and description do not, while they name another one: "the Russian president" is not
    "Ukrainian President Volodymyr Zelensky"; "the New Jersey governor" may be anyone's."""
    affiliations = lexicon.references.affiliations
    same = {"democrat": "democratic", "gop": "republican"}  # one key per party
    mine = {same.get(q, q) for q in qualifiers if q in affiliations}
    theirs = {same.get(w, w) for w in known if w in affiliations}
    return bool(mine - theirs) and bool(theirs)


def _qualified(ref: Reference, earlier: Antecedent, lexicon: Lexicon) -> bool:
    known = {*_words(earlier.name), *_words(earlier.description)}
    return all(q in known or q in lexicon.references.honorifics for q in ref.qualifiers)


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
        if head in refs.candidacy and ref.qualifiers:
            # "the Vermont senator", "the Republican presidential candidate": an epithet for the
            # nearest named person quoted, where no description said who holds the title. A
            # bare "the mayor" may be anyone's; "the Russian president", "the judge" most often
            # bring in someone new: they stay as written.
            return next(
                (
                    e
                    for e in earlier
                    if e.person
                    and e.named
                    and _proper(e.name)
                    and not clashes(
                        ref.qualifiers,
                        _words(f"{e.name} {e.description} {getattr(e, 'described', '')}"),
                        lexicon,
                    )
                ),
                None,
            )
    return None


@dataclass(frozen=True)
class _Seen:
    """A hop the chains remember, as the resolver reads it."""

    hop: Hop
    thing: bool = False
    plural: bool | None = None
    named: bool = True
    described: str = ""
    """The description the article gave the hop's entity where it named it ("Republican
    nominee"), if any: read only by the candidacy fallback of `resolve`."""

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


@dataclass(frozen=True)
class Mention:
    """An entity the article names, whether or not it is a source: "Commander Andriy
    Marchenko", "Danish drugmaker Halvorsen Pharma", "the Athletics Integrity Unit (AIU)".

    Attributes:
        name: the name without title or honorific ("Andriy Marchenko").
        kind: a `HopKind` value: person, organization or outlet.
        description: what the text says it is: the words in front of the name ("deputy
            environment minister", "danish drugmaker") and an appositive or relative clause
            after it ("commander of the 47th brigade", "who commands a brigade").
        aliases: acronyms that stand for it ("AIU"): defined in brackets, or its initials.
    """

    name: str
    kind: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    first_seen: int = field(default=0, compare=False)
    """The sentence that first named it (`SourceMemory.sentence`)."""
    last_seen: int = field(default=0, compare=False)
    """The sentence that named it last."""

    @property
    def person(self) -> bool:
        return self.kind == HopKind.PERSON.value

    def merged(self, other: Mention) -> Mention:
        """One mention from two of the same entity ("Okafor" and "Chidinma Okafor")."""
        longer = self if len(_words(self.name)) >= len(_words(other.name)) else other
        description = " ".join(d for d in (self.description, other.description) if d)
        aliases = tuple(dict.fromkeys((*self.aliases, *other.aliases)))
        first = min(self.first_seen, other.first_seen)
        last = max(self.last_seen, other.last_seen)
        return Mention(longer.name, longer.kind, description, aliases, first, last)


def role_synonyms(head: str, lexicon: Lexicon) -> list[str]:
    """The phrases a definite reference's head matches in a description: itself and its
    `reference_synonyms`."""
    found = [head]
    for entry in lexicon.references.reference_synonyms:
        heads, _, phrases = entry.partition(":")
        if head in heads.split():
            found += [p.strip() for p in phrases.split(",") if p.strip()]
    return found


def _contains(words: list[str], phrase: str) -> bool:
    return f" {phrase} " in f" {' '.join(words)} "


def mention_fits(ref: Reference, mention: Mention, lexicon: Lexicon = LEXICON) -> bool:
    """Whether `ref` can name `mention`: an acronym it is known by ("the AIU"), a word of its
    name with nothing else but honorifics and its own description words ("Ms Collins",
    "Sprinter Okafor"), or a definite noun its description holds ("the commander", "the
    company", "the CEO": see `reference_synonyms`) or, for an organisation, its name holds
    ("the ministry" → "Ministry of Health")."""
    if ref.kind != NOUN or not ref.head:
        return False
    head = ref.head.lower()
    name, described = _words(mention.name), _words(mention.description)
    if ref.head.isupper() and len(ref.head) > 1 and ref.head in mention.aliases:
        return True
    known = {*name, *described}
    if ref.head[:1].isupper() and (
        head in name
        and all(q in known or q in lexicon.references.honorifics for q in ref.qualifiers)
    ):
        return True
    if not ref.definite or (ref.head[:1].isupper() and not ref.head.isupper()):
        return False  # a name fits by its words alone; "The CEO" may still be a title
    sources = lexicon.sources
    if mention.kind == HopKind.OUTLET.value and (
        head in sources.outlet_nouns or head in sources.outlet_references
    ):
        return True
    synonyms = role_synonyms(head, lexicon)
    where = described if mention.person else described + name
    return any(_contains(where, s) for s in synonyms) and not clashes(
        ref.qualifiers, known, lexicon
    )


def _is_title(word: str, lexicon: Lexicon) -> bool:
    """A title or honorific in front of a surname: "Sen.", "Former", "Dr", "AG"."""
    refs, sources = lexicon.references, lexicon.sources
    bare = word.lower().rstrip(".")
    return (
        bare in refs.honorifics
        or bare in sources.office_titles
        or bare in sources.title_heads
        or bare in refs.name_prefixes
        or (word.isupper() and len(word) <= 3 and word.isalpha())
        or (word.endswith(".") and len(bare) > 1 and word[0].isupper())
    )


def _distinct(found: list[Mention]) -> list[Mention]:
    """The candidates, each entity once: a name whose words all lie in another candidate's
    name is that candidate ("Okafor" in "Chidinma Okafor")."""
    out: list[Mention] = []
    for m in found:
        words = set(_words(m.name))
        if not any(words <= set(_words(o.name)) for o in out) and not any(
            words < set(_words(o.name)) for o in found
        ):
            out.append(m)
    return out


@dataclass
class SourceMemory:
    """The chains' record of an article so far, for resolving "he", "Kim", "the official"
    (`scorer.attribution`): the sources seen (`hops`) and, kept apart, every entity named
    (`mentions`), sources or not.

    A reference takes a matching earlier source first (and a definite organisation noun, "the
    company", an entity first); failing that, the one entity it fits (`mention_fits`), and
    only when exactly one fits; failing that, the chains' fallback (`CHAINS`). A personal
    pronoun first takes a person the sentence before introduces, where the last speaker is not
    in view (`_newcomer`), so the caller says where each sentence starts (`next_sentence`).
    """

    hops: list[Hop] = field(default_factory=list)
    lexicon: Lexicon = LEXICON
    mentions: list[Mention] = field(default_factory=list)
    sentence: int = 0
    """The index of the sentence being read (`next_sentence`)."""
    _hop_sentences: list[int] = field(default_factory=list, init=False, repr=False)
    _words_read: tuple[set[str], set[str]] = field(
        default_factory=lambda: (set(), set()), init=False, repr=False
    )
    _honorific_forms: dict[tuple[str, ...], Hop] = field(
        default_factory=dict, init=False, repr=False
    )
    """What each honorific and surname ("Mrs. Schlafly") resolved to: a paper that writes
    "Mrs." for one Schlafly means her whenever it does, though her son John was quoted since."""

    def next_sentence(self, text: str = "") -> None:
        """Move on to the next sentence of the article, whose text is `text`."""
        self.sentence += 1
        self._words_read = (self._words_read[1], set(_words(text)))

    def remember(self, hop: Hop) -> None:
        self.hops.append(hop)
        self._hop_sentences.append(self.sentence)

    def notice(self, mention: Mention) -> None:
        """Record an entity the article names; a shorter or longer form of exactly one
        entity seen already, or an acronym of one, is merged into it."""
        words = set(_words(mention.name))
        longer = [m for m in self.mentions if words <= set(_words(m.name))]
        parts = [
            m
            for m in self.mentions
            if set(_words(m.name)) < words or m.name in mention.aliases or mention.name in m.aliases
        ]
        mention = replace(mention, first_seen=self.sentence, last_seen=self.sentence)
        for same in parts + longer[:1] if len(longer) <= 1 else parts:
            if same in self.mentions:
                self.mentions.remove(same)
                mention = same.merged(mention)
        self.mentions.append(mention)

    def _other_gender(self, pronoun: str, mention: Mention) -> bool:
        """Whether a mention's description makes it a man for "she" or a woman for "he"."""
        refs, pronoun = self.lexicon.references, pronoun.lower()
        other = (
            refs.masculine_words
            if pronoun in refs.feminine_pronouns
            else refs.feminine_words
            if pronoun in refs.masculine_pronouns
            else frozenset()
        )
        return bool(other & set(_words(mention.description)))

    def _newcomer(self, found: _Seen | None, pronoun: str = "") -> Hop | None:
        """The person the previous sentence introduces, when no person source was read after
        the sentence before it and the last one is not named in it: the one person it names,
        or the one it names for the first time. "Juan Manriquez of Oakland carried one of the
        photos. 'I cried the whole parade,' he said." → Manriquez, not the last speaker
        further up."""
        previous = self.sentence - 1
        if found is not None:
            at = max(i for i, hop in zip(self._hop_sentences, self.hops) if hop == found.hop)
            if at >= previous:
                return None
        people = [
            m
            for m in self.mentions
            if m.person and m.last_seen == previous and not self._other_gender(pronoun, m)
        ]
        if found is not None and (
            any(set(_words(found.name)) <= set(_words(m.name)) for m in people)
            or set(_words(found.name)[-1:]) <= self._words_read[0]
        ):
            return None  # the last speaker is named again: still the one in view
        if len(people) > 1:
            people = [m for m in people if m.first_seen == previous]
        if len(people) != 1:
            return None
        return Hop(people[0].name, people[0].kind)

    def named(self, ref: Reference, text: str) -> Hop | None:
        """The one entity mentioned so far that `ref` fits, as a hop; None where none or
        several fit, or where the reference is that entity's name as written."""
        found = _distinct(
            [m for m in reversed(self.mentions) if mention_fits(ref, m, self.lexicon)]
        )
        sources = self.lexicon.sources
        if (
            len(found) > 1
            and ref.head.lower() not in sources.organization_heads | sources.institution_heads
            and all(w.islower() for w in text.split()[1:])
        ):  # a person's role ("the governor"), not a body or a name ("the Trump campaign")
            found = self._latest_source(found)
        if len(found) != 1 or _words(found[0].name) == [
            w for w in _words(text) if w not in self.lexicon.references.definite_determiners
        ]:
            return None
        return Hop(found[0].name, found[0].kind)

    def _latest_source(self, candidates: list[Mention]) -> list[Mention]:
        """Of several entities a reference fits, the one quoted most recently ("the governor"
        after Gov. Chris Christie spoke, though a former governor was named too); all of them
        where none was quoted."""
        for hop in reversed(self.hops):
            words = set(_words(hop.name))
            quoted = [m for m in candidates if words and words <= set(_words(m.name))]
            if len(quoted) == 1:
                return quoted
        return candidates

    def full_name(self, name: str) -> str | None:
        """The full name of the one person mentioned so far whose surname `name` ends with,
        where `name` adds only titles ("Sen.", "Former", a short abbreviation such as "AG")
        or the full name's initial ("J. Okoro"): "AG Mukasey" → "Michael Mukasey"; None
        where no person or several fit, or `name` is already full."""
        words = name.split()
        if not words:
            return None
        surname = words[-1].lower()
        people = {
            m.name
            for m in self.mentions
            if m.person
            and len(parts := m.name.split()) > 1
            and parts[-1].lower() == surname
            and not all(_is_title(w, self.lexicon) for w in parts[:-1])
        }
        if len(people) != 1 or (full := people.pop()) == name:
            return None
        initial = full[0].lower()
        fits = all(
            _is_title(w, self.lexicon) or (re.fullmatch(r"[A-Z]\.", w) and w[0].lower() == initial)
            for w in words[:-1]
        )
        return full if fits else None  # "Jane Okoro" is not "John Okoro"

    def spelled_out(self, acronym: str) -> str | None:
        """The full name of the one organisation mentioned so far that `acronym` stands for: an
        alias it was given ("the Centers for Disease Control and Prevention (CDC)"), or, for
        three to six capitals, a name whose capitalised initials start with it and leave at
        most one out ("CDC" for "Centers for Disease Control and Prevention"); else None."""
        organizations = [m for m in self.mentions if m.kind == HopKind.ORGANIZATION.value]
        for mention in organizations:
            if acronym in mention.aliases:
                return mention.name
        if not re.fullmatch(r"[A-Z]{3,6}", acronym):
            return None
        fits = {
            m.name
            for m in organizations
            if (initials := "".join(w[0] for w in m.name.split() if w[:1].isupper())).startswith(
                acronym
            )
            and len(initials) - len(acronym) <= 1
        }
        return fits.pop() if len(fits) == 1 else None

    def resolve(self, text: str, head: str) -> Hop | None:
        refs = self.lexicon.references
        words = text.split()
        first = words[0].lower() if words else ""
        definite = len(words) > 1 and first in refs.definite_determiners
        ref = Reference(
            head,
            pronoun_kind(head, self.lexicon),
            definite=definite,
            qualifiers=tuple(
                w for w in _words(text) if w != head.lower() and not (definite and w == first)
            ),
        )
        if not set(ref.qualifiers) & refs.honorifics or not head[:1].isupper():
            return self._resolve(ref, text)
        form = (head.lower(), *ref.qualifiers)
        if form not in self._honorific_forms and (found := self._resolve(ref, text)) is not None:
            self._honorific_forms[form] = found
        return self._honorific_forms.get(form)

    def _resolve(self, ref: Reference, text: str) -> Hop | None:
        head = ref.head
        sources = self.lexicon.sources
        organization = ref.definite and head.lower() in (
            sources.organization_heads | sources.institution_heads
        )
        if organization and (named := self.named(ref, text)) is not None:
            return named  # "the company": the company named earlier, not "a company insider"
        described = {m.name.lower(): m.description for m in self.mentions}
        earlier = [
            _Seen(hop, described=described.get(hop.name.lower(), "")) for hop in reversed(self.hops)
        ]
        found = resolve(ref, earlier, _MATCH_ONLY, self.lexicon)
        if ref.kind == PERSONAL and (newcomer := self._newcomer(found, head)) is not None:
            return newcomer
        if found is None and not organization:
            named = self.named(ref, text)
            if named is not None:
                return named
        if found is None:
            found = resolve(ref, earlier, CHAINS, self.lexicon)
        return found.hop if found is not None else None
