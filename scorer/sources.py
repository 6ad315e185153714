"""Source typing: a source noun phrase in the parse becomes a `Hop` with a name and a kind.

`SourceTyper.hop` reads one noun phrase ("a spokesperson for the company", "Japanese broadcaster
NHK", "two officials who spoke on condition of anonymity", "he") and returns a person,
organization, outlet, document or anonymous hop, resolving short references through the
article's `SourceMemory` (`scorer.coref`). Its words come from `scorer.lexicon` (`chain_words`).
`scorer.attribution` finds the cues and assembles the chains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from scorer.article import Hop, HopKind
from scorer.coref import SourceMemory
from scorer.lexicon import LEXICON, Lexicon, inflections, with_plurals, words_pattern
from scorer.outlets import OutletRegistry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from scorer.lexicon import SourceWords


@dataclass(frozen=True)
class ChainWords:
    """The lexicon as the chain extractor reads it: its unions and patterns, built once."""

    lexicon: Lexicon
    cues: frozenset[str]
    citing: frozenset[str]
    claims: frozenset[str]
    anonymous_heads: frozenset[str]
    document_heads: frozenset[str]
    outlet_descriptors: frozenset[str]
    outlet_backrefs: frozenset[str]
    titles: frozenset[str]
    spokes: frozenset[str]
    source_nouns: frozenset[str]
    pronouns: frozenset[str]
    anonymity: re.Pattern[str]
    hearsay: re.Pattern[str]


@cache
def chain_words(lexicon: Lexicon = LEXICON) -> ChainWords:
    """Build the chain extractor's word sets and patterns from `lexicon` (once per lexicon)."""
    cues, sources, refs = lexicon.cues, lexicon.sources, lexicon.references
    reporting = cues.reporting_verbs | cues.more_reporting_verbs | cues.chain_reporting_verbs
    anonymous = with_plurals(sources.anonymous_roles) | sources.anonymous_groups
    documents = sources.document_heads | sources.chain_document_heads
    backrefs = sources.outlet_nouns | sources.outlet_references
    descriptors = sources.masthead_words | backrefs | sources.wire_words
    titles = sources.title_heads | sources.office_titles
    spokes = sources.spokes_heads | sources.spokespeople
    people = titles | spokes | refs.backref_roles | refs.more_backref_roles
    bodies = sources.organization_heads | sources.institution_heads
    pronouns = refs.personal_pronouns | refs.third_person_pronouns | refs.relative_pronouns
    return ChainWords(
        lexicon=lexicon,
        cues=reporting | cues.denial_verbs,
        citing=frozenset(f for v in cues.citing_verbs for f in inflections(v)[2:]),  # past, -ing
        claims=with_plurals(cues.claim_nouns),
        anonymous_heads=anonymous,
        document_heads=documents,
        outlet_descriptors=descriptors,
        outlet_backrefs=backrefs,
        titles=titles,
        spokes=spokes,
        # Nouns that can head a source (besides names and pronouns); other nouns are things.
        source_nouns=anonymous | documents | descriptors | people | bodies,
        pronouns=pronouns | refs.first_person_pronouns,
        anonymity=words_pattern(phrases=sources.anonymity_phrases + sources.more_anonymity_phrases),
        hearsay=words_pattern(phrases=cues.hearsay_phrases),
    )


_NP_END_DEPS = ("relcl", "acl", "punct", "advcl", "cc", "conj", "appos")


def noun_phrase(token: Token) -> Span:
    """The noun phrase headed by `token`, without conjuncts, relative clauses, end punctuation."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in _NP_END_DEPS or child.text in (",", "—", "–"):
            right = min(right, child.left_edge.i - 1)
            break
    for i in range(token.i + 1, right + 1):
        if doc[i].text in (",", "—", "–", "(", ";"):
            right = i - 1
            break
    while left < right and (doc[left].is_punct or doc[left].dep_ == "preconj"):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def appositive_person(token: Token) -> Span | None:
    """ "The head of X, Lieutenant Andriy Kovalenko, said": the named appositive."""
    for child in token.children:
        if child.dep_ == "appos" and _names_a_person(noun_phrase(child)):
            return noun_phrase(child)
    if token.dep_ == "appos" and _names_a_person(noun_phrase(token.head)):
        return noun_phrase(token.head)
    return None


def _names_a_person(span: Span) -> bool:
    """The phrase's head is a person's name ("Lieutenant Andriy Kovalenko"), not a phrase that
    merely mentions one ("vice chairwoman for Clinton’s campaign")."""
    return any(e.label_ == "PERSON" and e.start <= span.root.i < e.end for e in span.ents)


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.pos_ in ("PROPN", "NOUN", "PRON")]]


@dataclass
class SourceTyper:
    """Turns a source noun phrase into a `Hop`: name, kind, and descriptor for anonymous ones."""

    registry: OutletRegistry
    lexicon: Lexicon = LEXICON
    words: ChainWords = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.words = chain_words(self.lexicon)

    def hop(self, span: Span, memory: SourceMemory | None = None) -> Hop | None:
        """The hop `span` names, or None; a name cut before its noun keeps no possessive
        ("Hillary Clinton’s" of "Hillary Clinton’s right-hand woman")."""
        hop = self._hop(span, memory)
        if hop is not None and re.search(r"\w['’]s$", hop.name):
            return replace(hop, name=hop.name[:-2])
        return hop

    def _hop(self, span: Span, memory: SourceMemory | None = None) -> Hop | None:
        text = span.text.strip(" ,.;:\"“”'’")
        if not text:
            return None
        head = span.root
        head_l = head.text.lower()
        words, lexicon = self.words, self.lexicon
        refs, sources = lexicon.references, lexicon.sources
        indefinite = refs.indefinite_determiners
        exact = self.registry.lookup(text)
        if exact is not None:  # "The Hill", not a back-reference to "Hillary"
            return Hop(exact.name, HopKind.OUTLET.value, state_affiliated=exact.state_affiliated)
        if memory is not None and head_l in refs.group_words:
            # "One of them said", "one of the officials added": a member of an earlier group.
            groups = [
                o for p in head.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
            ]
            for group in groups[:1]:
                found = memory.resolve(noun_phrase(group).text, group.text)
                if found is not None:
                    return found
        if memory is not None and head_l in refs.personal_pronouns and len(span) == 1:
            # "Trump has made several statements …, which he said Mexico should pay for": the
            # person the clause around the pronoun is about, not the last speaker.
            subject = _bound_subject(head, refs.personal_pronouns)
            if subject is not None and (hop := self._hop(noun_phrase(subject), memory)):
                if hop.kind == HopKind.PERSON.value:
                    return hop
        # "Turkey's Anadolu Agency" names an outlet; only "the agency" refers back to one.
        named = any(t.pos_ == "PROPN" and t.dep_ == "compound" and t.i != head.i for t in span)
        if memory is not None and (
            head_l in words.pronouns
            or (head_l in words.outlet_backrefs and not named)
            or (len(span) <= 3 and span[0].lower_ in refs.definite_determiners)
            or (len(span) <= 3 and head.pos_ == "PROPN")  # "Kim", "Ms Collins", "the AIU"
            or _capitalised_word(span, words.anonymous_heads)  # "Sanders told", parsed a noun
        ):
            found = memory.resolve(text, head.text)
            if found is not None:
                return found
        if head_l in words.pronouns:
            return None
        if head.pos_ == "NOUN" and head_l not in sources.outlet_nouns:
            for name in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                if name.ent_type_ in ("ORG", "PERSON") and name.i not in range(
                    span.start, span.end
                ):
                    # "Mwangi's party, the Democratic Alliance for Change, denied": the name.
                    return self._hop(noun_phrase(name), memory)
        persons = [e for e in span.ents if e.label_ == "PERSON"]
        named = [
            e
            for e in persons
            if e.start <= head.i < e.end or (e.root.dep_ == "appos" and e.root.head.i == head.i)
        ]
        outlet = _named_after_descriptor(span, sources.outlet_nouns)
        if named and outlet is None:
            # "commentator Jonah Goldberg of National Review": the person, whose outlet is
            # where they work, not a reporting step.
            return Hop(named[0].text, HopKind.PERSON.value)
        found = self.registry.find_in(text)
        if found:
            outlet = found[0][2]
            return Hop(outlet.name, HopKind.OUTLET.value, state_affiliated=outlet.state_affiliated)
        if outlet is not None:
            return outlet
        if _someone_unnamed(span, words):
            # "A nurse at a Bristol hospital", "an official at the Ministry of Defence", "a
            # former aide to Hillary Clinton": one person the text does not name.
            return replace(anonymous_hop(lower_first(text)), unnamed=True)
        people = [  # not an owner: "Hillary Clinton’s right-hand woman" is not Clinton
            e for e in persons if not (e.end < span.end and span.doc[e.end].dep_ == "case")
        ]
        if people and not (head_l in words.anonymous_heads and people[-1].root.i != head.i):
            return Hop(people[-1].text, HopKind.PERSON.value)
        if head.lemma_.lower() in words.spokes or head_l in words.spokes:
            orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")]
            if orgs:
                return Hop(_strip_det(orgs[-1].text), HopKind.ORGANIZATION.value)
            return _spoken_for(head, memory) or Hop(text, HopKind.PERSON.value)
        if (
            head_l in words.anonymous_heads
            or head.lemma_.lower() in words.anonymous_heads
            or words.anonymity.search(text)
        ):
            if not any(t.pos_ == "PROPN" and t.i == head.i for t in span):
                return anonymous_hop(lower_first(text))
        if head_l in words.document_heads or head.lemma_.lower() in words.document_heads:
            return Hop(text, HopKind.DOCUMENT.value)
        if head_l in words.titles:
            # "Germany's chief defence official", "the defence chief in Seoul": one person.
            return Hop(text, HopKind.PERSON.value)
        # A nationality in front of a noun ("Spanish", "Japanese") is not the source's name.
        orgs = [
            e
            for e in span.ents
            if e.label_ in ("ORG", "GPE", "NORP", "FAC")
            and not (e.label_ == "NORP" and e.root.pos_ == "ADJ")
        ]
        if (
            head.pos_ == "PROPN"
            and head.text[:1].isupper()
            and not any(e.start <= head.i < e.end for e in orgs)
        ):
            # "Spanish sports daily AS", "Japanese broadcaster NHK": the name is the head, not
            # the nationality in front of it.
            start = _name_start(span)
            name = span.doc[start : head.i + 1].text
            described = {t.lower_ for t in span.doc[span.start : start]}
            outlet = _masthead(name, sources) or described & words.outlet_descriptors
            return Hop(name, (HopKind.OUTLET if outlet else HopKind.ORGANIZATION).value)
        name = (
            _strip_det(orgs[-1].text)
            if orgs
            else _strip_det(text)
            if head.pos_ == "PROPN"
            else None
        )
        if name:
            # Outlets missing from the registry still look like outlets: "the Calder Courier".
            kind = HopKind.OUTLET if _masthead(name, sources) else HopKind.ORGANIZATION
            return Hop(name, kind.value)
        if any(t.pos_ == "PROPN" for t in span):
            return Hop(text, HopKind.PERSON.value)
        if head_l in sources.function_institutions and span[0].lower_ not in indefinite:
            return Hop(lower_first(text), HopKind.ORGANIZATION.value)  # "Police said"
        return anonymous_hop(lower_first(text))


def _someone_unnamed(span: Span, words: ChainWords) -> bool:
    """One person the phrase does not name: "a"/"an"/"one"/"another" and a noun for a person
    (`SourceWords.unnamed_person_heads`, a title): "a nurse at …", "an official with …", "a
    former aide to …"; not a judge (the court speaks) nor one who speaks for the body beside
    them ("a spokesperson for the company")."""
    head = span.root
    forms = {head.lower_, head.lemma_.lower()}
    people = words.lexicon.sources.unnamed_person_heads | words.titles
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"  # one person, not "most Republican voters"
        and span[0].lower_ in ("a", "an", "one", "another")
        and span[0].i < head.i
        and bool(forms & people)
        and "judge" not in forms
    )


def _bound_subject(pronoun: Token, pronouns: frozenset[str]) -> Token | None:
    """The name a pronoun inside a relative clause is bound to: the subject of the nearest verb
    above the clause, when it is a name written before the pronoun ("Trump has made
    statements on the wall, which he said Mexico should pay for" → Trump). A
    pronoun that is itself a verb's subject in a complement clause ("Clinton said he …")
    is left to the article's memory: it may be someone else."""
    token = pronoun
    while token.head.i != token.i:
        token = token.head
        if token.dep_ != "relcl":
            continue
        verb = token.head  # the nearest verb above the clause with a subject before it
        while True:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i]
            if subjects or verb.head.i == verb.i:
                break
            verb = verb.head
        # a name, which the caller types ("Trump", which the parser may call a noun)
        if len(subjects) == 1 and subjects[0].text[:1].isupper():
            return subjects[0] if subjects[0].lower_ not in pronouns else None
        return None
    return None


def _capitalised_word(span: Span, common: frozenset[str]) -> bool:
    """A lone capitalised word that is no common source noun: a surname the parser took for a
    noun ("Sanders told co-host Joe Scarborough", "sanders" being a plural noun too)."""
    word = span[0] if len(span) == 1 else None
    return (
        word is not None
        and word.text[:1].isupper()
        and word.text[1:].islower()
        and word.lower_ not in common
        and word.lemma_.lower() not in common
    )


def _masthead(name: str, sources: SourceWords) -> bool:
    """Whether a name of two or more words reads as an outlet's: "the Calder Courier", "Chicago
    Sun-Times" (its last word a masthead word), "Radio Okapi" (a broadcaster's first word)."""
    parts = re.split(r"[\s-]+", name)
    return len(parts) > 1 and (
        parts[-1].lower() in sources.masthead_words
        or parts[0].lower() in sources.broadcaster_first_words
    )


def _spoken_for(head: Token, memory: SourceMemory | None) -> Hop | None:
    """The organisation named earlier that "a spokesperson for the company", "a club
    spokesperson" speaks for (the hop is the organisation, as with "a Lumora spokesperson")."""
    if memory is None:
        return None
    nouns = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"]
    nouns += [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN"
    ]
    for noun in nouns[:1]:
        found = memory.resolve(f"the {noun.text}", noun.text)
        if found is not None and found.kind != HopKind.PERSON.value:
            return found
        sources = memory.lexicon.sources
        if (
            noun.lower_ in sources.organization_heads | sources.institution_heads
            and noun.head.lower_ == "for"
            and noun.head.head.i == head.i
        ):
            # "a spokeswoman for the city administration": the body, named as written.
            return Hop(_strip_det(noun_phrase(noun).text), HopKind.ORGANIZATION.value)
    return None


def _named_after_descriptor(span: Span, descriptors: frozenset[str]) -> Hop | None:
    """An outlet named right after its descriptor ("Japanese broadcaster NHK"), or None."""
    head = span.root
    doc = span.doc
    names = [c for c in head.rights if c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"]
    if head.lemma_.lower() in descriptors and names:
        return Hop(
            _strip_det(doc[names[0].left_edge.i : names[0].i + 1].text), HopKind.OUTLET.value
        )
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    start = _name_start(span)
    if start > span.start and doc[start - 1].lemma_.lower() in descriptors:
        return Hop(doc[start : head.i + 1].text, HopKind.OUTLET.value)
    return None


def _name_start(span: Span) -> int:
    """Where the run of proper nouns ending at the span's head begins ("Cadena SER")."""
    doc = span.doc
    start = span.root.i
    while start > span.start:
        if doc[start - 1].pos_ == "PROPN":
            start -= 1
        elif (  # "The Star-Ledger": a hyphenated name
            start - 2 >= span.start
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
            and doc[start - 2].pos_ == "PROPN"
        ):
            start -= 2
        else:
            break
    return start


def anonymous_hop(text: str) -> Hop:
    """An anonymous source known by its description ("two aides", "reports")."""
    return Hop(text, HopKind.ANONYMOUS.value, descriptor=text)


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I) if text[:4].lower() == "the " else text


def lower_first(text: str) -> str:
    words = text.split()
    if words and words[0][:1].isupper() and (len(words[0]) == 1 or words[0][1:].islower()):
        words[0] = words[0].lower()
    return " ".join(words)
