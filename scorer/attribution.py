"""Attributions and citation chains: who each sentence's information comes from, hop by hop.

For each attributed sentence the parse is read for reporting cues ("said", "told", "according
to", "citing", "quoted ... as saying", "reportedly"); each source span is typed (person,
organization, outlet, document, anonymous) and short references ("he", "Kim", "the official",
"the newspaper") are resolved to an earlier source. A chain runs from the publisher (and the
article's credit) to the deepest source: `Washington Examiner → The Moscow Times → Kim Yong-hyun`.
`scorer.sources` types each source span; `scorer.coref` resolves the references.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from scorer.article import ATTRIBUTED, Article, Hop, HopKind, Sentence, text_start
from scorer.coref import PRONOUN, SourceMemory, pronoun_kind
from scorer.headlines import headline_speaker
from scorer.interviews import (
    framed,
    interviewed_by,
    is_interview,
    outlet_or_show,
    speaker_turns,
    spoken_on,
    with_prefix,
)
from scorer.lexicon import LEXICON, Lexicon
from scorer.mentions import mentions_in
from scorer.outlets import OutletRegistry, default_registry
from scorer.polls import poll_findings
from scorer.quotations import (
    QUOTE_MARKS,
    continues_quote,
    join_split_quotes,
    opened_quotations,
    quoted_tokens,
    speak_quotations,
    uncited,
)
from scorer.sources import (
    ChainWords,
    SourceTyper,
    anonymous_hop,
    appositive_person,
    conjuncts,
    lower_first,
    noun_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NESTING_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "pcomp", "advcl"})
"""Dependencies through which a cue sits inside another cue's content."""
_OUTLET_OR_DOCUMENT = (HopKind.OUTLET.value, HopKind.DOCUMENT.value)


def _is_cue(token: Token, words: ChainWords) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words.cues


def _reported_as(verb: Token) -> Token | None:
    """The passive report a cue is the "as" clause of: "told" of "Rudnev is reported by
    Kommersant as having told investigators …", "is quoted as saying"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.i != head.i:
        report = head.head
        if any(c.dep_ == "auxpass" for c in report.children):
            return report
    return None


def _subjects(verb: Token, words: ChainWords) -> list[Token]:
    refs = words.lexicon.references
    if (report := _reported_as(verb)) is not None:
        # the speaker is the report's subject; the report's agent is the outer hop
        return [c for c in report.children if c.dep_ == "nsubjpass"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    reported_as = any(
        _reported_as(p) is not None
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
    )
    if any(c.dep_ == "auxpass" for c in verb.children) and (
        reported_as or any(c.dep_ == "xcomp" for c in verb.children)
    ):
        # "The minister is said to have opposed it": the passive's subject is what the
        # hearsay is about, not who said it.
        subjects = [c for c in subjects if c.dep_ != "nsubjpass"]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() == "tell" and not any(c.dep_ == "agent" for c in verb.children):
        # "Staff were told not to record deaths": the listeners, not who told them.
        subjects = [c for c in subjects if c.dep_ != "nsubjpass"]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        # "The decision was criticised by the Green Party": the agent, not what it criticised
        # (but "she had been told by a consultant" keeps the listener who passes it on).
        subjects = [
            c
            for c in subjects
            if c.dep_ != "nsubjpass" or c.pos_ == "PRON" or c.ent_type_ == "PERSON"
        ]
        subjects += [c for c in agent.children if c.dep_ == "pobj"]
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
        document = verb.head
        if (
            document.dep_ == "dobj"
            and document.lemma_.lower() in words.lexicon.sources.document_heads
        ):
            # "Black Lives Matter issued a statement saying …": who issued it.
            subjects = [c for c in document.head.children if c.dep_ == "nsubj"] or subjects
    if verb.dep_ == "relcl" and any(s.lower_ in refs.relative_subjects for s in subjects):
        # "the Calder Courier, which reported ...": the relative pronoun stands for the head.
        return [verb.head]
    return [s for s in subjects if s.lower_ not in refs.non_source_subjects]


@dataclass
class _Cue:
    token: Token
    hops: list[Hop] = field(default_factory=list)
    outer: list[Hop] = field(default_factory=list)
    according: list[Hop] = field(default_factory=list)
    deeper: list[Hop] = field(default_factory=list)
    denial: bool = False
    subjects: list[Token] = field(default_factory=list)

    def speaks(self, nouns: frozenset[str]) -> bool:
        """Whether the subject can be a source (a noun in `nouns`), not a thing ("the
        searches confirmed")."""
        return not self.subjects or any(
            t.pos_ != "NOUN" or t.lemma_.lower() in nouns or t.lower_ in nouns
            for t in self.subjects
        )

    def cores(self) -> list[list[Hop]]:
        out = []
        for hop in self.hops or ([] if not self.according else [None]):
            seq: list[Hop] = [hop] if hop is not None else []
            for outer in self.according[:1]:
                if hop is None:
                    seq = [outer]
                elif hop.kind == HopKind.OUTLET.value and outer.kind != HopKind.OUTLET.value:
                    seq = [hop, outer]
                else:
                    seq = [outer, hop]
            seq = self.outer[:1] + seq
            if self.deeper:
                seq = seq + self.deeper[:1]
            out.append(seq)
        return out


def _cue_ancestor(token: Token, cues: dict[int, _Cue]) -> _Cue | None:
    """The reporting cue whose content this cue sits in ("X reported that Y said", "Y is
    reported by X as having told")."""
    report = _reported_as(token)
    if report is not None and report.i in cues and cues[report.i].hops:
        return cues[report.i]
    current = token
    while current.head.i != current.i:
        if current.dep_ not in NESTING_DEPS or _aside(current):
            return None
        current = current.head
        if current.i in cues and cues[current.i].hops:
            return cues[current.i]
    return None


_ASIDES = frozenset({"after", "although", "before", "since", "though", "whereas", "while"})
"""Subordinators of a clause that frames a report rather than being part of what it says."""


def _aside(clause: Token) -> bool:
    """ "…, though the prosecutor's office has not confirmed it", "…, hours after the manager
    said …": a clause beside the report, not inside its content."""
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _ASIDES for c in clause.children)
    return clause.dep_ == "pcomp" and clause.head.lower_ in _ASIDES


def _implicit_subject(verb: Token, sent: Span, quoted: set[int], words: ChainWords) -> list[Token]:
    """A source for a cue the parser left without a subject.

    "According to Yonhap, the defence chief said": the chief is parsed as an appositive of
    Yonhap; "Andriy Kovalenko, the head of ..., posted on Telegram": the name is the root.
    Participles of another cue ("..., saying that") have none on purpose.
    """
    if verb.dep_ in ("xcomp", "pcomp", "advcl", "acl", "conj") and _is_cue(verb.head, words):
        return []
    for token in sent:
        if token.i >= verb.i:
            break
        if token.dep_ == "appos" and token.head.dep_ == "pobj" and token.head.head.lower_ == "to":
            return [token]
    for chunk in sent.noun_chunks:
        if chunk.start >= verb.i or chunk.root.i in quoted:
            break
        if (
            chunk.root.dep_ in ("ROOT", "nsubj", "appos")
            and chunk.root.lower_ not in words.lexicon.references.non_source_openers
        ):
            return [chunk.root]
    return []


def _hops_of(token: Token, typer: SourceTyper, memory: SourceMemory) -> list[Hop]:
    hops = []
    for part in conjuncts(token):
        span = appositive_person(part) or noun_phrase(part)
        hop = typer.hop(span, memory)
        if hop is not None:
            hops.append(hop)
            memory.remember(hop)
    return hops


def _chains_in(
    sent: Span,
    typer: SourceTyper,
    memory: SourceMemory,
    denial_first: bool = False,
    quoted: set[int] | None = None,
) -> list[list[Hop]]:
    """The chains (without the publisher) that the parse of one sentence gives; `quoted`, the
    indices of its quoted tokens (default: those inside its own quotation marks)."""
    words, cue_words = typer.words, typer.lexicon.cues
    quoted = quoted_tokens(sent) if quoted is None else quoted
    cues: dict[int, _Cue] = {}
    pending_deeper: list[tuple[Token, list[Hop]]] = []
    standalone: list[list[Hop]] = []
    for token in sent:
        if token.i in quoted:
            continue
        lower, lemma = token.lower_, token.lemma_.lower()
        if (
            lower == "according"
            and token.i + 1 < sent.end
            and token.doc[token.i + 1].lower_ == "to"
        ):
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            hops = [
                h for h in (typer.hop(noun_phrase(o), memory) for o in objects[:1]) if h is not None
            ]
            verb = token.head
            if hops and _is_cue(verb, words) and verb.i not in quoted:
                cues.setdefault(verb.i, _Cue(verb)).according.extend(hops)
            elif hops:
                pending = cues.setdefault(token.i, _Cue(token))
                pending.hops.extend(hops)
        elif (lower in words.citing and token.dep_ != "ROOT") or (
            lower == "via" and token.dep_ == "prep"
        ):
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            hops = [h for o in objects[:1] for h in _hops_of(o, typer, memory)]
            if hops:
                # "via email" names a channel, and "citing her work" a reason: only a source
                # cited ("citing two officials", "citing Yonhap") is marked as one
                head = objects[0]
                source = head.lemma_.lower() in words.anonymous_heads or bool(
                    words.anonymity.search(noun_phrase(head).text)
                )
                cited = lower in words.citing
                pending_deeper.append(
                    (
                        token,
                        [
                            replace(
                                h, cited=cited and (h.kind != HopKind.ANONYMOUS.value or source)
                            )
                            for h in hops
                        ],
                    )
                )
        elif _is_cue(token, words):
            if lemma in cue_words.weak_reporting_verbs:
                subjects = [
                    t
                    for t in _subjects(token, words)
                    if t.lemma_.lower() in words.document_heads or t.lower_ in words.claims
                ]
                if not subjects or token.dep_ != "ROOT":
                    continue
            cue = cues.setdefault(token.i, _Cue(token))
            cue.denial = lemma in cue_words.denial_verbs
            subjects = _subjects(token, words)
            if lemma == "quote":
                quoted_people = [c for c in token.children if c.dep_ == "dobj"]
                source = [h for s_ in subjects[:1] for h in _hops_of(s_, typer, memory)]
                inner = [h for q in quoted_people[:1] for h in _hops_of(q, typer, memory)]
                if source and inner:
                    cue.hops = inner
                    cue.outer = source[:1]
                else:
                    cue.hops = source or inner
                continue
            if not subjects:
                subjects = _implicit_subject(token, sent, quoted, words)
            cue.subjects = list(subjects)
            found = [h for subject in subjects for h in _hops_of(subject, typer, memory)]
            if len(subjects) > 1 and any(h.kind == HopKind.OUTLET.value for h in found):
                # "the British newspaper The Guardian reported": the outlet is the subject.
                found = [h for h in found if h.kind == HopKind.OUTLET.value]
            cue.hops.extend(found)
            if lemma == "tell":
                # "told CNN", "told CNN's Jake Tapper", "told The Steve Harvey Morning Show";
                # "told USA Today", whose "Today" the parser reads as a time
                told = [
                    outlet_or_show(c, typer)
                    for c in token.children
                    if c.dep_ in ("dobj", "dative", "npadvmod")
                ]
                cue.outer = [h for h in told if h is not None]
                if cue.outer:
                    # "A congressional aide told CNN": an unnamed source reached through an
                    # outlet, as with "citing" (the chain may set the label); not a definite
                    # description ("the Republican presidential candidate told CBS"), which
                    # names someone the article named earlier.
                    cue.hops = [
                        replace(h, cited=True)
                        if h.kind == HopKind.ANONYMOUS.value
                        and not h.name.lower().startswith("the ")
                        else h
                        for h in cue.hops
                    ]
            cue.outer = cue.outer or interviewed_by(token, typer)
        elif lower in ("report", "reports") and token.pos_ == "NOUN":
            for prep in (
                c for c in token.children if c.dep_ == "prep" and c.lower_ in cue_words.report_preps
            ):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    hop = typer.hop(noun_phrase(obj), memory)
                    if hop is not None and hop.kind in _OUTLET_OR_DOCUMENT:
                        cues.setdefault(token.i, _Cue(token)).hops.append(hop)
            if (
                token.i not in cues
                and token.dep_ in ("attr", "nsubj", "dobj", "pobj")
                and lower == "reports"
            ):
                span = noun_phrase(token)
                if token.dep_ == "attr" or token.head.lemma_.lower() in cue_words.surfacing_verbs:
                    standalone.append([anonymous_hop(lower_first(span.text))])
        elif lemma in cue_words.surfacing_verbs and any(
            c.lower_ in words.claims for c in token.children if c.dep_ == "nsubj"
        ):
            places = [
                o
                for p in token.children
                if p.dep_ == "prep" and p.lower_ in cue_words.surfacing_preps
                for o in p.children
                if o.dep_ == "pobj"
            ]
            for place in places[:1]:
                hop = typer.hop(noun_phrase(place), memory)
                if hop is None or hop.kind != HopKind.OUTLET.value:
                    last = max([place.right_edge.i, *[c.right_edge.i for c in place.conjuncts]])
                    text = lower_first(token.doc[place.left_edge.i : last + 1].text)
                    hop = anonymous_hop(text)
                cues.setdefault(token.i, _Cue(token)).hops.append(hop)
    for token, hops in pending_deeper:
        owner = None
        current = token.head
        while owner is None:
            if current.i in cues and cues[current.i].hops:
                owner = cues[current.i]
            if current.head.i == current.i:
                break
            current = current.head
        if owner is None:
            before = [c for i, c in sorted(cues.items()) if c.hops]
            owner = before[0] if before else None
        if owner is None:
            standalone.append(hops[:1])
        else:
            owner.deeper.extend(hops)
    active = {i: c for i, c in cues.items() if c.hops or c.according}
    parents = {i: _cue_ancestor(c.token, active) for i, c in active.items()}
    # Inside reported content, a cue whose subject is a thing is content, not a hop:
    # "Kranjc said the searches confirmed what her party had argued"; nor is a negated one:
    # "Baker said the FBI has not publicly commented" reports no word of the FBI's.
    inner_things = [
        i
        for i, c in active.items()
        if parents[i] is not None
        and (not c.speaks(words.source_nouns) or any(t.dep_ == "neg" for t in c.token.children))
    ]
    if inner_things:
        active = {i: c for i, c in active.items() if i not in inner_things}
        parents = {i: _cue_ancestor(c.token, active) for i, c in active.items()}
    _invert_trailing(active, parents)
    has_child = {id(p) for p in parents.values() if p is not None}

    def full(cue: _Cue) -> list[list[Hop]]:
        parent = parents.get(cue.token.i)
        if parent is None:
            return cue.cores()
        return [head + core for head in full(parent)[:1] for core in cue.cores()]

    leaves = [c for c in active.values() if id(c) not in has_child]
    leaves.sort(
        key=lambda c: (not (denial_first and c.denial), len(list(c.token.ancestors)), c.token.i)
    )
    chains = [chain for leaf in leaves for chain in full(leaf)]
    if not chains:
        chains = standalone
    if not chains and words.hearsay.search(sent.text):
        chains = [[anonymous_hop("reports")]]
    return [_dedupe(c) for c in chains if c]


def _invert_trailing(active: dict[int, _Cue], parents: dict[int, _Cue | None]) -> None:
    """ "X claimed that …, TASS reported": a report closing the sentence after a comma, with
    no content of its own, that the parser hung inside X's content is the outer report."""
    for i, cue in active.items():
        parent = parents.get(i)
        token = cue.token
        if (
            parent is None
            or token.i < parent.token.i
            or token.dep_ not in ("ccomp", "parataxis")
            or token.i == 0
            or token.doc[token.left_edge.i - 1].text != ","
            or any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
            or parents.get(parent.token.i) is not None
        ):
            continue
        parents[parent.token.i], parents[i] = cue, None


def _dedupe(chain: list[Hop]) -> list[Hop]:
    """The chain with each source once: "ABC → staff → ABC" (the outlet read again inside
    what it reported) is "ABC → staff"."""
    out: list[Hop] = []
    for hop in chain:
        if not any(seen.name.lower() == hop.name.lower() for seen in out):
            out.append(hop)
    return out


def _prefix(article: Article, registry: OutletRegistry) -> list[Hop]:
    prefix: list[Hop] = []
    for name in (article.publisher, article.credit):
        if name and prefix and _credits_itself(name, prefix[0].name):
            continue  # "Al Jazeera and news agencies" under Al Jazeera: no hop of its own
        if name:
            outlet = registry.lookup(name)
            prefix.append(
                Hop(
                    outlet.name if outlet else name,
                    HopKind.OUTLET.value,
                    state_affiliated=bool(outlet and outlet.state_affiliated),
                )
            )
    return prefix


def _credits_itself(credit: str, publisher: str) -> bool:
    """Whether a credit line names the publisher itself ("Al Jazeera and news agencies",
    "BBC News staff"), so it adds no hop between the publisher and the sources."""
    words = lambda text: re.findall(r"\w+", text.lower().removeprefix("the "))  # noqa: E731
    credit_words, publisher_words = words(credit), words(publisher)
    return bool(publisher_words) and credit_words[: len(publisher_words)] == publisher_words


def attribute(
    article: Article, *, registry: OutletRegistry | None = None, lexicon: Lexicon = LEXICON
) -> Article:
    """Fill `sentence.chains` for every attributed sentence of a labelled, parsed article.

    Sentences labelled `unattributed` get no chain, except inside a quotation whose speaker is
    named, or a transcript's turn: those take the speaker's label and chains (LABELS.md's rule
    4; `scorer.quotations.speak_quotations`, `scorer.interviews.speaker_turns`). A sentence
    the classifier calls attributed but whose parse names no source (a quote continuation, "he
    added" across sentences) takes the chains of the sentence before it. `lexicon` holds the
    cue and source words.
    """
    registry = registry or default_registry()
    typer = SourceTyper(registry, lexicon)
    memory = SourceMemory(lexicon=lexicon)
    prefix = _prefix(article, registry)
    previous: list[list[Hop]] = []
    interviews: list[list[Hop]] = []  # chains to a person through an outlet they spoke to
    own: list[bool] = []  # whether each sentence's chains were found in it
    opened = opened_quotations(article.sentences, article.raw)
    for sentence, inside in zip(article.sentences, opened):
        memory.next_sentence(sentence.text)
        quoted: set[int] = set()
        if sentence.span is not None:
            for mention in mentions_in(sentence.span, registry, lexicon):
                memory.notice(mention)
            # A sentence inside a quotation an earlier one opened ("… including, “Mr. Trump, do
            # you really think …? / What's your basis for that?”") is the quoted speaker's
            # words up to the closing mark: "tell me", "the community tells us" name no source.
            quoted = quoted_tokens(sentence.span, inside)
        found = (
            _chains_in(sentence.span, typer, memory, sentence.label == "official-denial", quoted)
            if sentence.span is not None
            else []
        )
        if not found and sentence.label in ATTRIBUTED:
            # The parse names no source; the span head may have tagged one.
            found = _chains_from_spans(sentence, typer, memory, quoted)
        found = [chain for i, chain in enumerate(found) if chain not in found[:i]]
        if found and True in own[-2:] and continues_quote(sentence.text):
            # the chains found one or two sentences up ("“We want peace. / But …,” he said.")
            found = [framed(chain, previous) for chain in found]
        # A person interviewed by a broadcaster or a paper earlier in the article ("Sanders told
        # CNN's Jake Tapper …") is quoted from that interview later on: the outlet stays a hop
        # on the quotations (the convention three of the four blind annotators of chains_5 and
        # chains_6 chose), not on paraphrase, which may come from anywhere. Only an interview
        # opens such a frame, not a report ("The Ledger reported, citing the mayor"), nor a
        # wire agency's: a wire's reporter talks to people in passing.
        if inside or QUOTE_MARKS.search(sentence.text):
            found = [framed(chain, interviews) for chain in found]
        interviews.extend(chain for chain in found if is_interview(chain, registry))
        previous = found or previous
        own.append(bool(found))
        # A quote continuation or "he added" with no source of its own takes the last chains,
        # but not their "citing" (only a sentence's own "citing" may set its label).
        sentence.chains = (
            [with_prefix(prefix, chain if found else uncited(chain)) for chain in previous if chain]
            if sentence.label in ATTRIBUTED
            else []
        )
    join_split_quotes(article.sentences, own)
    speak_quotations(article.sentences, opened, own)
    speaker_turns(article.sentences, prefix, interviews)
    poll_findings(article.sentences, prefix, lexicon)
    headline_speaker(article.sentences, prefix, memory)
    _full_names(article.sentences, memory)
    return article


def _full_names(sentences: list[Sentence], memory: SourceMemory) -> None:
    """An organisation hop known only by its acronym ("…, CDC says" in a headline) takes the
    full name the article gives it anywhere (`SourceMemory.spelled_out`), and a person known
    only by a surname and titles ("Former AG Mukasey at RNC: …" in a headline) the full name
    of the one person of that surname (`SourceMemory.full_name`): chains name each source
    once, in full."""

    def full(hop: Hop) -> Hop:
        if hop.kind == HopKind.ORGANIZATION.value:
            name = memory.spelled_out(hop.name)
        elif hop.kind == HopKind.PERSON.value:
            name = memory.full_name(hop.name)
        else:
            name = None
        return hop if name is None else replace(hop, name=name)

    for sentence in sentences:
        sentence.chains = [[full(hop) for hop in chain] for chain in sentence.chains]


def _chains_from_spans(
    sentence: Sentence,
    typer: SourceTyper,
    memory: SourceMemory,
    quoted: Collection[int] = frozenset(),
) -> list[list[Hop]]:
    """One-hop chains from the SOURCE spans the span head tagged in the sentence, each typed
    (and a personal pronoun or short reference resolved) as a parsed source would be. A
    tagged "they" or "it" gives none: the sentence keeps the chains of the one before; nor
    does a span inside a quotation (token indices `quoted`), nor one a verb acts on
    (`_acted_on`). A person's chain goes through the show the sentence says they spoke on
    ("blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show", "in an
    interview with CNBC": `spoken_on`)."""
    sent, base = sentence.span, text_start(sentence)
    if base is None:
        return []
    shows = spoken_on(sent, typer)  # for the people the span head tags
    chains = []
    for tagged in sentence.spans:
        if tagged.kind != "source":
            continue
        span = sent.doc.char_span(base + tagged.start, base + tagged.end, alignment_mode="expand")
        if span is None or not len(span) or pronoun_kind(span.root.text, typer.lexicon) == PRONOUN:
            continue  # "they", "it": the speaker of the sentence before is a better guess
        if span.root.i in quoted or _acted_on(span.root) or span.root.pos_ in ("VERB", "AUX"):
            continue  # quoted, acted on, or a verb phrase ("worked there for a decade")
        hop = typer.hop(span, memory)
        if hop is not None:
            memory.remember(hop)
            chains.append(shows[:1] + [hop] if hop.kind == HopKind.PERSON.value else [hop])
    return chains


_TARGET_PREPS = frozenset(
    {"about", "against", "at", "for", "into", "on", "over", "toward", "towards", "upon"}
)
"""Prepositions whose object is what a verb acts on, not a source: "campaigned heavily for
Donald Trump", "railed against the governor", "commented on the mayor"."""


def _acted_on(root: Token) -> bool:
    """Whether a tagged source is what a verb acts on, not who speaks: a direct object ("Clinton
    criticized Betty Shelby") or the object of a preposition of aim (`_TARGET_PREPS`); "per
    Governor Hale", "according to Hale" stay sources."""
    if root.dep_ in ("dobj", "dative"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _TARGET_PREPS


def sentence_chains_text(sentence: Sentence) -> list[str]:
    """Chains as readable strings: `Washington Examiner → The Moscow Times → Kim Yong-hyun`."""
    return [" → ".join(f"{hop.name} ({hop.kind})" for hop in chain) for chain in sentence.chains]
