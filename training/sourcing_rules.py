"""Rules that judge attributions: who the source is, and whether a sentence is a denial.

Used by `training.polnear` to turn PolNeAR attribution relations into our labels; the
rules and their hand-checked precision are described in `training/POLNEAR_DERIVATION.md`.
Their words come from `scorer.lexicon` (`label_words`), shared with the rule baseline and the
chain extractor; `scorer.coref` resolves pronouns and back-references for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from scorer import coref
from scorer.lexicon import LEXICON, Lexicon, with_plurals, words_pattern


@dataclass(frozen=True)
class LabelWords:
    """The lexicon as the training-label rules read it: its unions and patterns, built once."""

    lexicon: Lexicon
    pronouns: frozenset[str]
    writer_reader: frozenset[str]
    report_cues: frozenset[str]
    person_heads: frozenset[str]
    document_heads: frozenset[str]
    denial_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    anonymity: re.Pattern[str]
    sourceless_cue: re.Pattern[str]
    false_words: re.Pattern[str]
    non_answer: re.Pattern[str]
    not_insider: re.Pattern[str]


@cache
def label_words(lexicon: Lexicon = LEXICON) -> LabelWords:
    """Build the training-label rules' word sets and patterns from `lexicon` (once each)."""
    cues, sources, refs = lexicon.cues, lexicon.sources, lexicon.references
    return LabelWords(
        lexicon=lexicon,
        pronouns=refs.personal_pronouns
        | refs.third_person_pronouns
        | refs.relative_pronouns
        | refs.more_relative_pronouns
        | refs.demonstratives,
        writer_reader=refs.first_person_pronouns | refs.writer_reader_pronouns,
        # An anonymous source counts only with one of these: PolNeAR also annotates beliefs,
        # feelings and behaviour of groups ("voters back him"), which are not sourcing.
        report_cues=cues.reporting_verbs
        | cues.citing_verbs
        | cues.more_reporting_verbs
        | cues.denial_verbs
        | cues.annotated_cues,
        person_heads=sources.anonymous_roles
        | sources.person_heads
        | sources.office_titles
        | sources.spokespeople,
        document_heads=sources.document_heads | sources.more_document_heads,
        denial_verbs=cues.denial_verbs
        | cues.rebuttal_verbs
        | cues.parsed_rebuttal_verbs
        | cues.phrasal_denial_verbs,
        claim_nouns=with_plurals(cues.claim_nouns | cues.denied_claim_nouns | cues.more_claim_nouns)
        | cues.singular_claim_nouns
        | cues.denied_involvement
        | cues.claim_pronouns,
        anonymity=re.compile(
            "|".join(
                sources.anonymity_phrases + sources.more_anonymity_phrases + sources.insider_phrases
            ),
            re.I,
        ),
        sourceless_cue=re.compile(f"^({'|'.join(cues.sourceless_cues)})$", re.I),
        false_words=words_pattern(phrases=cues.false_words + cues.more_false_words),
        non_answer=re.compile("|".join(cues.non_answers), re.I),
        not_insider=re.compile("|".join(sources.not_insider_phrases), re.I),
    )


# ---------------------------------------------------------------------------
# denials


def _negated(tok, negators: frozenset[str]) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children):
        return True
    head = tok.head
    # "refused to deny", "declined to dismiss", "did not want to deny"
    while head is not tok and tok.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in negators or any(c.dep_ == "neg" for c in head.children):
            return True
        tok, head = head, head.head
    return False


def _has_subject(tok) -> bool:
    """True when the verb has a subject of its own or shares one up a chain of verbs.

    Excludes adjectival and nominal uses ("the now-denied pipeline", "a debunked thesis",
    "an attempt to dispute the polls").
    """
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "agent", "expl") for c in tok.children):
            return True
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
            tok = tok.head
            continue
        return False
    return False


def denial_trigger(sent: Span, *, lexicon: Lexicon = LEXICON) -> str | None:
    """Return the denial word of `sent` if it expresses a denial of a claim, else None.

    A denial is a non-negated denial verb with a subject ("denied", "rejected",
    "dismissed", "refuted", "disputed", "pushed back") whose object is claim-like (report,
    claim, allegation, a that-clause, a demonstrative) or that is followed by "as" + a
    false-word; or "called/described <claim> (as) false/fake/..."; or a claim-like
    subject with a false predicate ("the report is false", "that's a lie", "that is not
    true").

    Example:
        >>> from training.nlp import load_nlp
        >>> doc = load_nlp()("The Kremlin denied the report.")
        >>> denial_trigger(next(doc.sents))
        'denied'
    """
    vocab = label_words(lexicon)
    cues = lexicon.cues
    text = sent.text
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in vocab.denial_verbs or _negated(tok, cues.negators):
            continue
        if not _has_subject(tok):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue  # "was denied a visa", "the bill was rejected"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "ccomp", "attr")]
        preps = [c for c in tok.children if c.dep_ == "prep"]
        tail = text[tok.idx - sent.start_char :]
        if lemma in cues.phrasal_denial_verbs:
            if not any(c.lower_ == "back" for c in tok.children):
                continue
            pobjs = [
                g
                for p in preps
                if p.lower_ in cues.push_back_preps
                for g in p.children
                if g.dep_ == "pobj"
            ]
            if any(_claimlike(g, vocab) for g in pobjs) or vocab.false_words.search(tail):
                return tok.text + " back"
            continue
        if lemma in ("scoff", "deride"):
            pobjs = [g for p in preps for g in p.children if g.dep_ == "pobj"] + objs
            if any(_claimlike(g, vocab) for g in pobjs):
                return tok.text
            continue
        if any(o.dep_ == "ccomp" for o in objs):  # "denied that ...", "disputed that ..."
            return tok.text
        if lemma == "deny" and any(
            c.dep_ in ("xcomp", "pcomp") or c.tag_ == "VBG" for c in tok.children
        ):
            return tok.text  # "denied saying", "denied having met"
        if any(_claimlike(o, vocab) for o in objs):
            return tok.text
        if lemma == "deny" and not objs:
            return tok.text  # "Russia denies." / "which the campaign denied"
        for p in preps:  # "dismissed X as false/fake/baseless ..."
            if p.lower_ == "as" and vocab.false_words.search(" ".join(t.text for t in p.subtree)):
                return tok.text
    # "called the report false", "described the claims as fabricated"
    for tok in sent:
        if tok.lemma_.lower() in cues.labeling_verbs:
            if _negated(tok, cues.negators) or not _has_subject(tok):
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if objs and any(_claimlike(o, vocab, strict=True) for o in objs):
                rest = " ".join(t.text for t in tok.subtree if t.i > objs[0].i)
                if vocab.false_words.search(rest):
                    return tok.text
    # "the report is false", "that's a lie", "the allegations are baseless", "that's not true"
    for tok in sent:
        if (
            tok.dep_ != "nsubj"
            or not _claimlike(tok, vocab, strict=True)
            or tok.head.lemma_ != "be"
        ):
            continue
        if tok.head.dep_ in ("relcl", "acl"):
            continue  # relative "that": "somebody that is not politically correct"
        be = tok.head
        negated = any(c.dep_ == "neg" for c in be.children)
        for c in be.children:
            word = c.lower_
            if c.dep_ == "acomp" and (
                (word in cues.false_adjectives and not negated)
                or (word in cues.true_adjectives and negated)
            ):
                return c.text
            if (
                c.dep_ == "attr"
                and word in cues.false_nouns
                and not negated
                and not any(g.dep_ in ("relcl", "acl") for g in c.children)
            ):
                return c.text
    return None


def _claimlike(tok, vocab: LabelWords, *, strict: bool = False) -> bool:
    lemma = tok.lemma_.lower()
    word = tok.lower_
    if strict and word in ("it", "them"):
        return False
    if word in vocab.lexicon.cues.claim_pronouns:
        return True
    if lemma in vocab.claim_nouns or word in vocab.claim_nouns:
        # "the idea of a wall" is fine; "the idea" alone is fine; persons never are.
        return True
    return False


# ---------------------------------------------------------------------------
# sources


@dataclass
class SourceInfo:
    """How a source span reads: its kind and, once resolved, named or anonymous."""

    text: str
    kind: str  # "writer", "pronoun", "backref", "generic", "named", "anonymous"
    plural: bool = False
    head_lemma: str = ""
    status: str | None = None  # "named" | "anonymous" once resolved
    thing: bool = False  # a document or institution, never the antecedent of he/she
    person: bool = False  # a named person or a person-like role: a possible he/she antecedent

    # As an antecedent for `scorer.coref`:
    @property
    def named(self) -> bool:
        return self.status == "named"

    @property
    def outlet(self) -> bool:
        return False  # PolNeAR sources are not typed as outlets

    @property
    def name(self) -> str:
        return self.text

    @property
    def description(self) -> str:
        return self.text


def _head(span: Span):
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    # Prefer a nominal root ("Clinton, who spoke Tuesday" -> Clinton).
    for t in roots:
        if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            return t
    return roots[0] if roots else span[-1]


def _is_name(tok, names: set[str]) -> bool:
    """A proper-name token: tagged PROPN, inside a named entity, or a word the article
    capitalises mid-sentence (the small tagger reads "Sanders" as a plural noun)."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in NAME_ENTS
        or (tok.text[:1].isupper() and tok.text in names)
    )


# fmt: off
NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}
# fmt: on


def article_names(docs: list[Doc], *, lexicon: Lexicon = LEXICON) -> set[str]:
    """Words capitalised somewhere other than at a sentence start, minus the common ones."""
    vocab = label_words(lexicon)
    names = set()
    for doc in docs:
        alpha = [t for t in doc if t.is_alpha]
        if alpha and sum(t.text[:1].isupper() for t in alpha) > 0.5 * len(alpha):
            continue  # headlines in title case capitalise common words
        for tok in doc:
            if (
                tok.text[:1].isupper()
                and tok.text.replace("'", "").replace("\u2019", "").replace("-", "").isalpha()
                and not tok.is_sent_start
                and tok.i > 0
                and doc[tok.i - 1].text not in ('"', "\u201c", "'", ":")
                and tok.lower_ not in vocab.writer_reader
                and tok.lower_ not in vocab.pronouns
                and tok.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "AUX")
            ):
                names.add(tok.text)
    return names


def classify_source(
    span: Span | None,
    raw: str,
    names: frozenset[str] | set[str] = frozenset(),
    *,
    lexicon: Lexicon = LEXICON,
) -> SourceInfo:
    """Judge one source span; pronouns and short back-references are left for resolution."""
    vocab = label_words(lexicon)
    sources, refs = lexicon.sources, lexicon.references
    text = raw.strip()
    low = re.sub(r"[^\w' -]", "", text.lower()).strip()
    if span is None or len(span) == 0:
        return SourceInfo(text, "anonymous", status="anonymous")
    words = [t for t in span if not t.is_punct]
    if low in vocab.writer_reader or (
        words and all(t.lower_ in vocab.writer_reader for t in words)
    ):
        return SourceInfo(text, "writer")
    if low in refs.group_words:
        return SourceInfo(text, "generic", plural=True, head_lemma=low, status="anonymous")
    if (
        low in vocab.pronouns
        or (words and all(t.lower_ in vocab.pronouns for t in words))
        or (words and words[0].lower_ == "whose")
    ):
        return SourceInfo(text, "pronoun", plural=low in refs.plural_pronouns)
    head = _head(span)
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("and", "&") for t in span)
    info = SourceInfo(text, "named", plural=plural, head_lemma=lemma)
    info.person = (
        lemma in vocab.person_heads
        or lemma in sources.unnamed_roles
        or (_is_name(head, names) and head.ent_type_ not in ("ORG", "GPE", "NORP"))
    )
    if vocab.anonymity.search(text):
        info.kind = info.status = "anonymous"
        return info
    if _is_name(head, names):
        generic_group = (
            head.tag_ == "NNPS"
            or head.ent_type_ == "NORP"
            or (head.lemma_.lower() in sources.generic_people)
        )
        if (
            generic_group
            and not any(t.ent_type_ in ("ORG",) for t in span)
            and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            info.kind = info.status = "anonymous"  # "Republicans", "many Democrats"
        else:
            info.status = "named"
        return info
    if head.pos_ == "PRON":
        if head.lower_ in refs.group_words:
            info.kind = info.status = "anonymous"
        elif head.lower_ in vocab.writer_reader:
            info.kind = "writer"
        else:
            info.kind = "pronoun"
            info.plural = head.lower_ in refs.plural_pronouns
        return info
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    has_poss = any(c.dep_ == "poss" for c in head.children)
    has_propn = any(_is_name(t, names) for t in span)
    info.thing = lemma in vocab.document_heads or lemma in sources.institution_heads
    if any(c.dep_ == "appos" and _is_name(c, names) for c in head.children):
        info.status = "named"  # "Another pollster, David Woodard of Clemson University"
        return info
    if any(
        t.lemma_.lower() in vocab.document_heads and any(_is_name(g, names) for g in t.subtree)
        for t in span
    ):
        info.status = "named"  # "78 percent of voters in a recent CBS News poll"
        return info
    indefinite = bool(dets & refs.indefinite_determiners) or any(c.like_num for c in head.children)
    if plural or indefinite:
        if lemma in sources.known_set_heads and dets & refs.known_set_determiners:
            info.status = "named"  # "both candidates", "the two campaigns"
        elif lemma in vocab.person_heads or lemma in sources.generic_people:
            info.kind = info.status = "anonymous"  # "Clinton aides", "a Trump adviser"
        elif has_propn or (indefinite and lemma in sources.institution_heads):
            info.status = "named"  # "State Department emails", "a federal appeals court"
        else:
            info.kind = info.status = "anonymous"  # "polls", "reports", "a new study"
        return info
    definite = bool(dets & refs.definite_determiners) or has_poss
    if definite:
        non_det = [t for t in words if t.dep_ not in ("det",)]
        if not has_propn and len(non_det) <= 2 and not has_poss:
            info.kind = "backref"  # "the official", "the spokesman", "the campaign"
        else:
            info.status = "named"  # "Clinton's campaign manager", "the governor of Ohio"
        return info
    # Bare singular common noun: "research shows", "evidence suggests" stay vague;
    # a compound name ("Clinton spokesman") picks one out.
    if has_propn:
        info.status = "named"
    elif lemma in sources.generic_people:
        info.kind = info.status = "anonymous"
    else:
        info.kind = info.status = "anonymous"
    return info


def resolve_sources(infos: list[SourceInfo], *, lexicon: Lexicon = LEXICON) -> None:
    """Give pronoun and back-reference sources the status of their antecedent, in place.

    `infos` are in article order; `scorer.coref` finds the antecedents (policy `TRAINING`).
    A pronoun takes the nearest earlier resolved source whose number agrees (he/she/it:
    singular; they/them/these: plural, but a named source is also accepted; he/she only a
    person); a back-reference ("the official") takes the nearest earlier resolved source of
    its number whose text contains its head noun. Unresolvable pronouns take the nearest
    source, or are named (most PolNeAR pronouns refer to candidates); unresolvable
    back-references are anonymous for source-like heads ("the source", "the official") and
    named otherwise (a singular definite role such as "the spokesman").
    """
    personal = lexicon.references.personal_pronouns
    for i, info in enumerate(infos):
        if info.status is not None:
            continue
        earlier = [
            p
            for p in reversed(infos[:i])
            if p.status is not None and p.kind not in ("writer", "pronoun", "backref", "generic")
        ]
        if info.kind == "pronoun":
            kind = coref.PERSONAL if info.text.lower() in personal else coref.PRONOUN
            ref = coref.Reference(info.text, kind, plural=info.plural)
        else:  # backref
            ref = coref.Reference(info.head_lemma, coref.NOUN, definite=True, plural=info.plural)
        found = coref.resolve(ref, earlier, coref.TRAINING, lexicon)
        if found is not None:
            info.status = found.status
        elif info.kind == "pronoun":
            info.status = "named"
        else:
            anonymous = info.head_lemma in lexicon.sources.unnamed_roles
            info.status = "anonymous" if anonymous else "named"
