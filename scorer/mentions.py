"""Which entities a parsed sentence names: the `Mention`s that `scorer.coref.SourceMemory`
remembers so that "the commander", "Ms Collins" or "the AIU" can take the one named entity
they fit (`scorer.coref.mention_fits`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from scorer.article import HopKind
from scorer.coref import Mention, role_synonyms
from scorer.lexicon import LEXICON, Lexicon, inflections

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from scorer.outlets import OutletRegistry


_MENTION_KINDS = {
    "PERSON": HopKind.PERSON.value,
    "ORG": HopKind.ORGANIZATION.value,
    "GPE": HopKind.ORGANIZATION.value,
}
"""spaCy entity labels that name a possible antecedent, and the kind each names."""


def mentions_in(
    sent: Span, registry: OutletRegistry | None = None, lexicon: Lexicon = LEXICON
) -> list[Mention]:
    """The entities a parsed sentence names, for `SourceMemory.notice`.

    Each entity (spaCy PERSON, ORG, GPE) is named without the title, honorific or "the"
    written in front of it, which go to its description with the words before the name
    ("Danish drugmaker"), an appositive ("Norvane Systems SE, the Munich-based maker of
    payroll software"; "Chile's disaster agency, Senapred") and a relative clause after it. A
    person the description calls a company or body is an organisation (the parser often takes
    a company's name for a person's); an outlet in `registry` takes its canonical name. An
    organisation's acronym is known from brackets after its name ("(AIU)") or its initials.
    """
    refs, sources = lexicon.references, lexicon.sources
    dropped = refs.honorifics | refs.definite_determiners | sources.title_heads
    dropped |= sources.office_titles
    bodies = sources.organization_heads | sources.institution_heads | sources.outlet_nouns
    bodies |= frozenset(s for head in bodies for s in role_synonyms(head, lexicon))
    doc, out = sent.doc, []
    for ent in sent.ents:
        kind = _MENTION_KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start, ent.end
        while start < end - 1 and _bare(doc[start]) in dropped:
            start += 1
        while end > start + 1 and (
            doc[end - 1].lower_ in ("'s", "’s", "'", "’")
            or doc[end - 1].is_lower
            or (ent.label_ == "PERSON" and doc[end - 1].lower_ in _said(lexicon))
        ):  # "Juan Manriquez of", "Obama Says" (the parser's entity ran on)
            end -= 1
        front = ent.start
        while (
            front > sent.start
            and (not doc[front - 1].is_punct or doc[front - 1].text == ".")  # "Col."
            and doc[front - 1].pos_ in ("NOUN", "PROPN", "ADJ")
            and front - 1 < doc[front - 1].head.i < end
        ):
            front -= 1
        described = [doc[front:start].text]
        head_word = doc[start - 1] if front < start else None
        root = ent.root
        if root.dep_ == "appos" and root.head.i < ent.start:
            described.append(doc[root.head.left_edge.i : root.left_edge.i].text)
            head_word = root.head
        for child in root.children:
            if child.dep_ in ("appos", "relcl") and not ent.start <= child.i < ent.end:
                described.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
                if child.dep_ == "appos":
                    head_word = child
        if ent.end < sent.end and doc[ent.end].lower_ in sources.outlet_nouns:
            described.append(doc[ent.end].text)  # "Family Circle magazine"
        name = doc[start:end].text
        if kind == HopKind.PERSON.value and head_word is not None and _bare(head_word) in bodies:
            kind = HopKind.ORGANIZATION.value  # "Energy retailer Brightvolt", "Senapred"
        outlet = registry.lookup(name) if registry is not None else None
        if outlet is not None:
            name, kind = outlet.name, HopKind.OUTLET.value
        aliases = []
        if end + 2 < sent.end and doc[end].text == "(" and doc[end + 2].text == ")":
            aliases.append(doc[end + 1].text)
        if kind != HopKind.PERSON.value:
            aliases.append(_initials(name, refs.acronym_connectors))
        description = " ".join(d.strip(" ,;:—–") for d in described if d.strip(" ,;:—–"))
        out.append(Mention(name, kind, description, tuple(a for a in aliases if _acronym(a))))
    return out + _bracketed(sent, refs.acronym_connectors)


@cache
def _said(lexicon: Lexicon) -> frozenset[str]:
    """ "says", "warns": the third-person forms of the reporting verbs, which a headline's
    entity may run on into ("Obama Says")."""
    return frozenset(inflections(verb).third for verb in lexicon.cues.reporting_verbs)


def _bare(token: Token) -> str:
    return token.lower_.rstrip(".")


def _acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


def _initials(name: str, connectors: frozenset[str]) -> str:
    words = [w for w in name.split() if w.lower() not in connectors]
    return "".join(w[0] for w in words) if len(words) > 2 else ""


def _bracketed(sent: Span, connectors: frozenset[str]) -> list[Mention]:
    """Organisations whose acronym the sentence defines in brackets, "the National Mining
    Agency (ANM)", read off the words (the parser often splits such names): the capitalised
    words before the brackets whose initials are the acronym's letters, in any order (an
    acronym of the name in another language)."""
    doc, out = sent.doc, []
    for token in sent:
        i = token.i
        if token.text != "(" or i + 2 >= sent.end or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not _acronym(acronym):
            continue
        start, capitals = i, 0
        while start > sent.start and capitals < len(acronym):
            word = doc[start - 1]
            if word.text[:1].isupper():
                capitals += 1
            elif not (word.is_lower and word.is_alpha):
                break
            start -= 1
        while start < i and not doc[start].text[:1].isupper():
            start += 1
        name = doc[start:i].text
        initials = [w[0] for w in name.split() if w.lower() not in connectors and not w.islower()]
        if sorted(initials) == sorted(acronym):
            out.append(Mention(name, HopKind.ORGANIZATION.value, aliases=(acronym,)))
    return out
