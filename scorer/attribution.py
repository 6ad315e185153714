"""Attributions and citation chains: who each sentence's information comes from, hop by hop.

For each attributed sentence the parse is read for reporting cues ("said", "told", "according
to", "citing", "quoted ... as saying", "reportedly"); each source span is typed (person,
organization, outlet, document, anonymous) and short references ("he", "Kim", "the official",
"the newspaper") are resolved to an earlier source. A chain runs from the publisher (and the
article's credit) to the deepest source: `Washington Examiner → The Moscow Times → Kim Yong-hyun`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scorer.article import ATTRIBUTED, Article, Hop, HopKind, Sentence
from scorer.outlets import OutletRegistry, default_registry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORT_LEMMAS = frozenset(
    "say tell report claim state add write post announce comment confirm deny dismiss reject refute "
    "insist argue warn note explain estimate assess believe call describe quote mention testify "
    "acknowledge allege suggest flag indicate show reveal disclose accuse brand label predict "
    "tweet publish stress emphasize emphasise maintain contend assert caution concede respond "
    "reply admit recall pledge vow promise urge welcome criticize criticise rebut dispute".split()
)
DOCUMENT_HEADS = frozenset(
    "report statement study filing filings document documents memo survey poll data letter "
    "analysis assessment review audit indictment complaint lawsuit ruling record records "
    "transcript release press-release figures estimates".split()
)
ANONYMOUS_HEADS = frozenset(
    "official officials source sources people person expert experts analyst analysts observer "
    "observers critic critics resident residents witness witnesses diplomat diplomats insider "
    "insiders aide aides report reports media press channels channel rumor rumors rumour rumours "
    "members member lawmakers legislators investigators authorities ukrainians russians americans "
    "watchdogs activists commentators bloggers users accounts".split()
)
SPOKES_HEADS = frozenset("spokesperson spokesman spokeswoman representative press-secretary".split())
PRONOUNS = frozenset("he she they it him her them who i we".split())
BACKREF_HEADS = {
    "newspaper": "outlet", "paper": "outlet", "agency": "outlet", "outlet": "outlet",
    "broadcaster": "outlet", "network": "outlet", "channel": "outlet", "publication": "outlet",
    "daily": "outlet", "magazine": "outlet", "site": "outlet", "website": "outlet",
}
_ANONYMITY = re.compile(
    r"\b(?:on (?:the )?condition of anonymity|speaking anonymously|asked not to be (?:named|"
    r"identified)|not authori[sz]ed to|declined to be (?:named|identified)|unnamed|anonymous)\b",
    re.I,
)
_REPORTEDLY = re.compile(r"\b(?:reportedly|reports (?:indicate|suggest|say|said|show)|"
                         r"according to (?:media |news |local |press )?reports)\b", re.I)
_QUOTE_OPEN = re.compile(r"^\W*[“\"‘']")


@dataclass
class SourceMemory:
    """Sources seen so far in an article, for resolving "he", "Kim", "the official"."""

    hops: list[Hop] = field(default_factory=list)

    def remember(self, hop: Hop) -> None:
        self.hops.append(hop)

    def resolve(self, text: str, head: str) -> Hop | None:
        text_l, head_l = text.lower(), head.lower()
        for hop in reversed(self.hops):
            if head_l in ("he", "she", "him", "her") and hop.kind == HopKind.PERSON.value:
                return hop
            if head_l in ("they", "it", "who") and hop.kind != HopKind.PERSON.value:
                return hop
            if BACKREF_HEADS.get(head_l) == "outlet" and hop.kind == HopKind.OUTLET.value:
                return hop
            name_words = set(re.findall(r"[a-z]+", hop.name.lower()))
            if head[:1].isupper() and head_l in name_words and hop.kind == HopKind.PERSON.value:
                return hop
            descriptor = (hop.descriptor or hop.name).lower()
            if text_l.startswith(("the ", "that ", "this ")) and head_l in descriptor:
                return hop
        return None


def _np(token: Token) -> Span:
    """The noun phrase headed by `token`, without trailing punctuation or relative clauses."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "advcl") or child.text in (",", "—", "–"):
            right = min(right, child.left_edge.i - 1)
            break
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.pos_ in ("PROPN", "NOUN", "PRON")]]


@dataclass
class SourceTyper:
    """Turns a source noun phrase into a `Hop`: name, kind, and descriptor for anonymous ones."""

    registry: OutletRegistry

    def hop(self, span: Span, memory: SourceMemory | None = None) -> Hop | None:
        text = span.text.strip(" ,.;:\"“”'’")
        if not text:
            return None
        head = span.root
        head_l = head.text.lower()
        if memory is not None and (
            head_l in PRONOUNS or head_l in BACKREF_HEADS
            or (len(span) <= 3 and span[0].lower_ in ("the", "that", "this"))
            or (len(span) == 1 and head.pos_ == "PROPN")
        ):
            found = memory.resolve(text, head.text)
            if found is not None:
                return found
        if head_l in PRONOUNS:
            return None
        found = self.registry.find_in(text)
        if found:
            start, end, outlet = found[0]
            if head.i >= span.start + 0 and text[start:end].lower() in text.lower():
                return Hop(outlet.name, HopKind.OUTLET.value, state_affiliated=outlet.state_affiliated)
        people = [e for e in span.ents if e.label_ == "PERSON"]
        if people and not (head_l in ANONYMOUS_HEADS and people[-1].root.i != head.i):
            return Hop(people[-1].text, HopKind.PERSON.value)
        if head.lemma_.lower() in SPOKES_HEADS or head_l in SPOKES_HEADS:
            orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")]
            if orgs:
                return Hop(_strip_det(orgs[-1].text), HopKind.ORGANIZATION.value)
            return Hop(text, HopKind.PERSON.value)
        if head_l in ANONYMOUS_HEADS or head.lemma_.lower() in ANONYMOUS_HEADS or _ANONYMITY.search(text):
            if not any(t.pos_ == "PROPN" and t.i == head.i for t in span):
                descriptor = _lower_first(text)
                return Hop(descriptor, HopKind.ANONYMOUS.value, descriptor=descriptor)
        if head_l in DOCUMENT_HEADS or head.lemma_.lower() in DOCUMENT_HEADS:
            return Hop(text, HopKind.DOCUMENT.value)
        orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
        if orgs:
            return Hop(_strip_det(orgs[-1].text), HopKind.ORGANIZATION.value)
        if head.pos_ == "PROPN":
            return Hop(_strip_det(text), HopKind.ORGANIZATION.value)
        if any(t.pos_ == "PROPN" for t in span) or head_l in ("minister", "president", "chief",
                                                               "secretary", "governor", "mayor"):
            return Hop(text, HopKind.PERSON.value)
        return Hop(_lower_first(text), HopKind.ANONYMOUS.value, descriptor=_lower_first(text))


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I) if text[:4].lower() == "the " else text


def _lower_first(text: str) -> str:
    words = text.split()
    if words and words[0][:1].isupper() and (len(words[0]) == 1 or words[0][1:].islower()):
        words[0] = words[0].lower()
    return " ".join(words)


def _is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORT_LEMMAS


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    for agent in agents:
        subjects += [c for c in agent.children if c.dep_ == "pobj"]
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
    return subjects


def _chains_in(sent: Span, typer: SourceTyper, memory: SourceMemory) -> list[list[Hop]]:
    """The chains (without the publisher) that the parse of one sentence gives."""
    outer: list[Hop] = []
    deeper: list[Hop] = []
    main: list[list[Hop]] = []
    for token in sent:
        lower = token.lower_
        if lower == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            for obj in objects[:1]:
                hop = typer.hop(_np(obj), memory)
                if hop is not None:
                    outer.append(hop)
        elif lower in ("citing", "cited") and token.dep_ != "ROOT" or lower == "via" and token.dep_ == "prep":
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            for obj in objects[:1]:
                hops = [typer.hop(_np(o), memory) for o in _conjuncts(obj)]
                deeper.extend(h for h in hops if h is not None)
        elif _is_cue(token) and token.lower_ not in ("citing", "according"):
            subjects = [s for s in _subjects(token)]
            if token.lemma_ == "quote":
                quoted = [c for c in token.children if c.dep_ == "dobj"]
                source = [typer.hop(_np(s), memory) for s in subjects]
                inner = [typer.hop(_np(q), memory) for q in quoted]
                chain = [h for h in source[:1] + inner[:1] if h is not None]
                if chain:
                    main.append(chain)
                continue
            hops = []
            for subject in subjects:
                if subject.lower_ in ("that", "which", "this"):
                    continue
                for part in _conjuncts(subject):
                    hop = typer.hop(_np(part), memory)
                    if hop is not None:
                        hops.append(hop)
            told = [c for c in token.children if c.dep_ in ("dobj", "dative") and token.lemma_ == "tell"]
            told_outlets = [typer.hop(_np(t)) for t in told]
            told_outlets = [h for h in told_outlets if h is not None and h.kind == HopKind.OUTLET.value]
            for hop in hops:
                main.append([*told_outlets[:1], hop])
            if not hops and token.lemma_ in ("report",) and token.dep_ in ("ROOT",):
                continue
        elif lower in ("report", "reports") and token.pos_ == "NOUN":
            sources = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
            for prep in sources:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    hop = typer.hop(_np(obj), memory)
                    if hop is not None:
                        outer.append(hop)
    if not main and not outer and _REPORTEDLY.search(sent.text):
        main.append([Hop("reports", HopKind.ANONYMOUS.value, descriptor="reports")])
    chains: list[list[Hop]] = []
    if main:
        # The outermost reporting step first: an outlet that reports what others said.
        primary = main[0]
        for chain in main:
            if outer and chain[0].kind != HopKind.OUTLET.value:
                chain = outer[:1] + chain
            if deeper and chain[-1].kind == HopKind.OUTLET.value:
                chain = chain + deeper[:1]
            chains.append(chain)
        if deeper and primary[-1].kind != HopKind.OUTLET.value and not any(
                c[-1] in deeper for c in chains):
            chains = [c + deeper[:1] if c[-1].kind == HopKind.OUTLET.value else c for c in chains]
    elif outer:
        chains.append(outer[:1] + deeper[:1])
    elif deeper:
        chains.append(deeper[:1])
    return [_dedupe(c) for c in chains if c]


def _dedupe(chain: list[Hop]) -> list[Hop]:
    out: list[Hop] = []
    for hop in chain:
        if not out or out[-1].name.lower() != hop.name.lower():
            out.append(hop)
    return out


def _prefix(article: Article, registry: OutletRegistry) -> list[Hop]:
    prefix: list[Hop] = []
    for name in (article.publisher, article.credit):
        if name:
            outlet = registry.lookup(name)
            prefix.append(Hop(outlet.name if outlet else name, HopKind.OUTLET.value,
                              state_affiliated=bool(outlet and outlet.state_affiliated)))
    return prefix


def _same(a: Hop, b: Hop) -> bool:
    key = lambda h: h.name.lower().removeprefix("the ").strip()  # noqa: E731
    return key(a) == key(b)


def attribute(article: Article, *, registry: OutletRegistry | None = None) -> Article:
    """Fill `sentence.chains` for every attributed sentence of a labelled, parsed article.

    Sentences labelled `unattributed` get no chain. A sentence the classifier calls attributed
    but whose parse names no source (a quote continuation, "he added" across sentences) takes
    the chains of the sentence before it.
    """
    registry = registry or default_registry()
    typer = SourceTyper(registry)
    memory = SourceMemory()
    prefix = _prefix(article, registry)
    previous: list[list[Hop]] = []
    for sentence in article.sentences:
        found = _chains_in(sentence.span, typer, memory) if sentence.span is not None else []
        for chain in found:
            for hop in chain:
                memory.remember(hop)
        if sentence.label not in ATTRIBUTED:
            sentence.chains = []
            previous = found or previous
            continue
        if not found and _QUOTE_OPEN.match(sentence.text) or not found:
            found = [list(c[len(prefix):]) if c[: len(prefix)] == prefix else c for c in previous]
        sentence.chains = [_with_prefix(prefix, chain) for chain in found if chain]
        previous = found or previous
    return article


def _with_prefix(prefix: list[Hop], chain: list[Hop]) -> list[Hop]:
    hops = [h for h in chain if not any(_same(h, p) for p in prefix)]
    return [*prefix, *hops] if hops else list(prefix)


def sentence_chains_text(sentence: Sentence) -> list[str]:
    """Chains as readable strings: `Washington Examiner → The Moscow Times → Kim Yong-hyun`."""
    return [" → ".join(f"{hop.name} ({hop.kind})" for hop in chain) for chain in sentence.chains]
