"""Rules that judge attributions: who the source is, and whether a sentence is a denial.

Used by `training.polnear` to turn PolNeAR attribution relations into our labels; the
rules and their hand-checked precision are described in `training/POLNEAR_DERIVATION.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

# ---------------------------------------------------------------------------
# word lists

# fmt: off
WRITER_READER = {"i", "we", "you", "us", "our", "me", "my", "your", "ourselves", "yourself",
                 "yourselves", "myself", "one"}
# fmt: on
# fmt: off
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "its", "who",
            "whom", "which", "that", "this", "these", "those", "himself", "herself", "themselves",
            "itself", "whose"}
# fmt: on
# fmt: off
SINGULAR_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "it", "its",
                     "itself"}
# fmt: on
PLURAL_PRONOUNS = {"they", "them", "their", "themselves", "these", "those"}
# fmt: off
GENERIC_PRONOUNS = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
                    "many", "some", "others", "most", "few", "several", "all", "none", "both"}
# fmt: on
# fmt: off
COGNITION_CUES = {"like", "love", "hate", "think", "believe", "figure", "want", "hope", "fear",
                  "feel", "wish", "worry", "know", "expect", "prefer", "doubt", "suspect",
                  "assume", "wonder", "guess", "imagine", "trust", "dislike", "care", "agree",
                  "see", "view", "consider", "support", "oppose", "need", "understand",
                  "remember", "forget", "realize", "recognize", "suppose", "favor", "seem",
                  "appear", "get", "find", "be"}
# fmt: on
# fmt: off
GENERIC_PEOPLE = {"people", "person", "voter", "american", "citizen", "resident", "folk", "man",
                  "woman", "men", "women", "everyone", "anyone", "someone", "nobody", "many",
                  "some", "most", "others", "public", "electorate", "kid", "child", "parent",
                  "family", "worker", "viewer", "reader", "fan", "crowd", "audience", "supporter",
                  "democrat", "republican", "independent", "conservative", "liberal",
                  "millennial", "individual", "majority", "minority", "few", "all", "none",
                  "half", "percent", "member", "attendee", "respondent"}
# fmt: on
# Cues that report speech or a finding. An anonymous source counts only with one of these:
# PolNeAR also annotates beliefs, feelings and behaviour of groups ("voters back him",
# "Americans look to the president"), which are not sourcing in our sense.
# fmt: off
REPORT_CUES = {"say", "tell", "claim", "argue", "report", "write", "warn", "insist", "note",
               "add", "accord", "complain", "call", "ask", "urge", "speculate", "predict",
               "suggest", "show", "find", "reveal", "indicate", "estimate", "confirm", "deny",
               "dismiss", "reject", "dispute", "acknowledge", "admit", "announce", "state",
               "explain", "describe", "criticize", "criticise", "accuse", "allege", "charge",
               "contend", "maintain", "point", "caution", "recommend", "tweet", "post", "quote",
               "cite", "characterize", "question", "blame", "praise", "respond", "reply",
               "counter", "concede", "assert", "declare", "emphasize", "stress", "observe",
               "remark", "comment", "conclude", "speak", "brief", "disclose", "leak", "project",
               "forecast", "rate", "rank", "put", "peg", "survey", "poll", "give", "credit",
               "attribute", "rebut", "refute", "reiterate", "signal", "hint", "vow", "promise",
               "threaten", "demand", "raise", "express", "voice", "shout", "chant", "yell",
               "whisper", "mutter", "joke", "muse", "recall", "recount", "testify", "swear",
               "suspect", "fear", "believe", "think", "expect", "worry", "contest", "confide",
               "relay", "convey", "email", "text", "message", "memo", "statement", "interview",
               "accusation", "allegation", "claims", "reports", "speculation", "rumor", "word",
               "view", "assessment", "analysis", "finding", "conclusion", "warning", "criticism"}
# fmt: on
# People described by role or group: unnamed even when a name modifies them
# ("Clinton aides", "a Trump campaign official", "State Department officials").
# fmt: off
PERSON_HEADS = {"official", "source", "aide", "adviser", "advisor", "person", "people", "staffer",
                "member", "supporter", "critic", "ally", "strategist", "operative", "insider",
                "expert", "analyst", "voter", "lawmaker", "leader", "executive", "employee",
                "worker", "friend", "associate", "diplomat", "officer", "agent", "investigator",
                "spokesman", "spokeswoman", "spokesperson", "representative", "observer",
                "activist", "advocate", "donor", "delegate", "economist", "scholar", "historian",
                "researcher", "scientist", "pollster", "consultant", "veteran", "resident",
                "colleague", "confidant", "loyalist", "backer", "opponent", "detractor",
                "defender", "proponent", "fan", "follower", "participant", "attendee",
                "organizer", "democrat", "republican", "conservative", "liberal", "progressive",
                "politician", "senator", "congressman", "legislator", "governor", "mayor",
                "speaker", "manager", "director", "chief", "head", "lawyer", "attorney",
                "counsel", "doctor", "physician", "individual", "man", "woman", "someone",
                "authority", "administrator", "negotiator", "intelligence", "figure", "player"}
# fmt: on
# Institutions that are public and identifiable even when introduced indefinitely
# ("a federal appeals court ruled").
# fmt: off
INSTITUTION_HEADS = {"court", "judge", "jury", "panel", "tribunal", "commission", "committee",
                     "agency", "department", "ministry", "government", "parliament", "congress",
                     "senate", "legislature"}
# fmt: on
# Singular person-ish heads whose definite back-reference ("the source") stays anonymous
# when no antecedent is found.
# fmt: off
ANON_HEADS = {"source", "official", "person", "insider", "aide", "staffer", "operative",
              "adviser", "advisor", "strategist", "individual", "associate", "confidant"}
# fmt: on
# Report-like heads: "a CNN poll", "a report in the Post" are named by the proper noun inside.
# fmt: off
DOCUMENT_HEADS = {"report", "poll", "survey", "study", "statement", "article", "story",
                  "analysis", "memo", "email", "letter", "filing", "document", "book", "release",
                  "column", "editorial", "op-ed", "interview", "video", "ad", "post", "tweet",
                  "transcript", "investigation", "review", "audit", "complaint", "lawsuit",
                  "record", "data", "estimate", "count", "projection", "forecast", "model",
                  "broadcast", "piece", "paper", "publication", "account", "website", "site",
                  "blog", "page", "feed"}
# fmt: on
# Definite plurals that pick out known people ("both candidates", "the two men").
# fmt: off
KNOWN_SET_HEADS = {"candidate", "nominee", "campaign", "man", "woman", "rival", "contender",
                   "couple", "brother", "sister", "family", "pair", "ticket", "duo", "party"}
# fmt: on
ANONYMITY = re.compile(
    r"condition of anonymity|on condition (that )?(he|she|they) not be (named|identified)"
    r"|not authori[sz]ed to (speak|discuss|comment)|asked not to be (named|identified)"
    r"|requested anonymity|speaking anonymously|declined to be (named|identified)"
    r"|(would|did) not be (named|identified)|familiar with|close to the|on background"
    r"|who spoke (to .{1,40} )?anonymously|anonymous(ly)?\b|unnamed|unidentified",
    re.I,
)
NOSOURCE_REPORTED = re.compile(
    r"^(reportedly|allegedly|(is|are|was|were|has been|have been) (said|reported|rumou?red)"
    r"|it is said|said to)$",
    re.I,
)

# ---------------------------------------------------------------------------
# denials

# fmt: off
DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "dispute", "rebut", "debunk", "repudiate",
                "contest", "deride", "scoff", "push"}
# fmt: on
# What a denial is about: a claim, a report, an allegation (or a pronoun standing for one).
# Remarks, concerns and polls are left out: rejecting them is disagreement, not denial.
# fmt: off
CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "story", "charge", "suggestion",
               "notion", "idea", "rumor", "rumour", "assertion", "characterization",
               "characterisation", "premise", "account", "version", "description", "portrayal",
               "finding", "conclusion", "criticism", "speculation", "theory", "insinuation",
               "implication", "narrative", "reporting", "assessment", "contention", "argument",
               "comparison", "attack", "talk", "impression", "perception", "interpretation",
               "inference", "analysis", "article", "point", "fact-check", "rating", "hoax",
               "conspiracy", "complaint", "chatter", "buzz", "news", "headline", "item", "piece",
               "evidence", "that", "this", "it", "those", "these", "them", "wrongdoing",
               "involvement", "knowledge", "link", "tie", "connection", "contact", "affair",
               "relationship", "existence", "authenticity", "validity", "accuracy", "truth",
               "responsibility", "role", "reports", "claims", "allegations", "accusations",
               "charges", "rumors", "rumours", "stories", "points", "links", "ties", "contacts",
               "suggestions", "criticisms", "attacks"}
# fmt: on
FALSE_WORDS = re.compile(
    r"\b(false|fake|untrue|not true|baseless|bogus|ridiculous|absurd|nonsense|a lie|lies|lying"
    r"|fabricat\w*|inaccurate|unfounded|without merit|groundless|made[- ]up|a hoax|garbage"
    r"|preposterous|laughable|a smear|smears|categorically|totally wrong|completely wrong|"
    r"flat wrong|flatly wrong|dead wrong|wrong|misleading|a distortion|distorted|a myth"
    r"|false narrative|conspiracy theor\w*|fiction|fantasy|phony|hogwash|malarkey|"
    r"nothing to it|no truth|not accurate|never happened|did not happen|didn't happen)\b",
    re.I,
)
NON_ANSWER = re.compile(
    r"declin\w+ to (comment|confirm|say|discuss|elaborate|respond)|could not (be reached|confirm)"
    r"|did not (respond|return|immediately)|would not (say|comment|confirm|discuss)"
    r"|no comment|not immediately|had no (specific )?(information|comment)",
    re.I,
)
# fmt: off
_NEGATORS = {"not", "n't", "never", "no", "refuse", "decline", "fail", "stop", "won't"}
# fmt: on


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children):
        return True
    head = tok.head
    # "refused to deny", "declined to dismiss", "did not want to deny"
    while head is not tok and tok.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in _NEGATORS or any(c.dep_ == "neg" for c in head.children):
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


# fmt: off
FALSE_ADJ = {"false", "fake", "untrue", "baseless", "bogus", "ridiculous", "absurd", "inaccurate",
             "unfounded", "groundless", "fabricated", "preposterous", "laughable", "wrong",
             "misleading", "phony", "erroneous", "incorrect", "nonsensical", "silly"}
# fmt: on
# fmt: off
FALSE_NOUN = {"lie", "lies", "hoax", "nonsense", "fabrication", "smear", "myth", "fiction",
              "fantasy", "garbage", "hogwash", "malarkey", "falsehood", "distortion"}
# fmt: on
TRUE_ADJ = {"true", "accurate", "correct"}


def denial_trigger(sent: Span) -> str | None:
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
    text = sent.text
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in DENIAL_VERBS or _negated(tok):
            continue
        if not _has_subject(tok):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue  # "was denied a visa", "the bill was rejected"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "ccomp", "attr")]
        preps = [c for c in tok.children if c.dep_ == "prep"]
        tail = text[tok.idx - sent.start_char :]
        if lemma == "push":
            if not any(c.lower_ == "back" for c in tok.children):
                continue
            pobjs = [
                g
                for p in preps
                if p.lower_ in ("on", "against", "at")
                for g in p.children
                if g.dep_ == "pobj"
            ]
            if any(_claimlike(g) for g in pobjs) or FALSE_WORDS.search(tail):
                return tok.text + " back"
            continue
        if lemma in ("scoff", "deride"):
            pobjs = [g for p in preps for g in p.children if g.dep_ == "pobj"] + objs
            if any(_claimlike(g) for g in pobjs):
                return tok.text
            continue
        if any(o.dep_ == "ccomp" for o in objs):  # "denied that ...", "disputed that ..."
            return tok.text
        if lemma == "deny" and any(
            c.dep_ in ("xcomp", "pcomp") or c.tag_ == "VBG" for c in tok.children
        ):
            return tok.text  # "denied saying", "denied having met"
        if any(_claimlike(o) for o in objs):
            return tok.text
        if lemma == "deny" and not objs:
            return tok.text  # "Russia denies." / "which the campaign denied"
        for p in preps:  # "dismissed X as false/fake/baseless ..."
            if p.lower_ == "as" and FALSE_WORDS.search(" ".join(t.text for t in p.subtree)):
                return tok.text
    # "called the report false", "described the claims as fabricated"
    for tok in sent:
        if tok.lemma_.lower() in (
            "call",
            "describe",
            "label",
            "brand",
            "term",
            "characterize",
            "characterise",
            "dismiss",
        ):
            if _negated(tok) or not _has_subject(tok):
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if objs and any(_claimlike(o, strict=True) for o in objs):
                rest = " ".join(t.text for t in tok.subtree if t.i > objs[0].i)
                if FALSE_WORDS.search(rest):
                    return tok.text
    # "the report is false", "that's a lie", "the allegations are baseless", "that's not true"
    for tok in sent:
        if tok.dep_ != "nsubj" or not _claimlike(tok, strict=True) or tok.head.lemma_ != "be":
            continue
        if tok.head.dep_ in ("relcl", "acl"):
            continue  # relative "that": "somebody that is not politically correct"
        be = tok.head
        negated = any(c.dep_ == "neg" for c in be.children)
        for c in be.children:
            word = c.lower_
            if c.dep_ == "acomp" and (
                (word in FALSE_ADJ and not negated) or (word in TRUE_ADJ and negated)
            ):
                return c.text
            if (
                c.dep_ == "attr"
                and word in FALSE_NOUN
                and not negated
                and not any(g.dep_ in ("relcl", "acl") for g in c.children)
            ):
                return c.text
    return None


def _claimlike(tok, *, strict: bool = False) -> bool:
    lemma = tok.lemma_.lower()
    word = tok.lower_
    pronounish = {"that", "this", "it", "those", "these", "them"}
    if strict and word in ("it", "them"):
        return False
    if word in pronounish:
        return True
    if lemma in CLAIM_NOUNS or word in CLAIM_NOUNS:
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


def article_names(docs: list[Doc]) -> set[str]:
    """Words capitalised somewhere other than at a sentence start, minus the common ones."""
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
                and tok.lower_ not in WRITER_READER
                and tok.lower_ not in PRONOUNS
                and tok.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "AUX")
            ):
                names.add(tok.text)
    return names


def classify_source(
    span: Span | None, raw: str, names: frozenset[str] | set[str] = frozenset()
) -> SourceInfo:
    """Judge one source span; pronouns and short back-references are left for resolution."""
    text = raw.strip()
    low = re.sub(r"[^\w' -]", "", text.lower()).strip()
    if span is None or len(span) == 0:
        return SourceInfo(text, "anonymous", status="anonymous")
    words = [t for t in span if not t.is_punct]
    if low in WRITER_READER or (words and all(t.lower_ in WRITER_READER for t in words)):
        return SourceInfo(text, "writer")
    if low in GENERIC_PRONOUNS:
        return SourceInfo(text, "generic", plural=True, head_lemma=low, status="anonymous")
    if (
        low in PRONOUNS
        or (words and all(t.lower_ in PRONOUNS for t in words))
        or (words and words[0].lower_ == "whose")
    ):
        return SourceInfo(text, "pronoun", plural=low in PLURAL_PRONOUNS)
    head = _head(span)
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("and", "&") for t in span)
    info = SourceInfo(text, "named", plural=plural, head_lemma=lemma)
    info.person = (
        lemma in PERSON_HEADS
        or lemma in ANON_HEADS
        or (_is_name(head, names) and head.ent_type_ not in ("ORG", "GPE", "NORP"))
    )
    if ANONYMITY.search(text):
        info.kind = info.status = "anonymous"
        return info
    if _is_name(head, names):
        generic_group = (
            head.tag_ == "NNPS"
            or head.ent_type_ == "NORP"
            or (head.lemma_.lower() in GENERIC_PEOPLE)
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
        if head.lower_ in GENERIC_PRONOUNS:
            info.kind = info.status = "anonymous"
        elif head.lower_ in WRITER_READER:
            info.kind = "writer"
        else:
            info.kind = "pronoun"
            info.plural = head.lower_ in PLURAL_PRONOUNS
        return info
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    has_poss = any(c.dep_ == "poss" for c in head.children)
    has_propn = any(_is_name(t, names) for t in span)
    info.thing = lemma in DOCUMENT_HEADS or lemma in INSTITUTION_HEADS
    if any(c.dep_ == "appos" and _is_name(c, names) for c in head.children):
        info.status = "named"  # "Another pollster, David Woodard of Clemson University"
        return info
    if any(
        t.lemma_.lower() in DOCUMENT_HEADS and any(_is_name(g, names) for g in t.subtree)
        for t in span
    ):
        info.status = "named"  # "78 percent of voters in a recent CBS News poll"
        return info
    indefinite = bool(
        dets
        & {
            "a",
            "an",
            "one",
            "another",
            "some",
            "any",
            "no",
            "several",
            "certain",
            "many",
            "most",
            "few",
        }
    ) or any(c.like_num for c in head.children)
    if plural or indefinite:
        if lemma in KNOWN_SET_HEADS and dets & {"the", "both", "two"}:
            info.status = "named"  # "both candidates", "the two campaigns"
        elif lemma in PERSON_HEADS or lemma in GENERIC_PEOPLE:
            info.kind = info.status = "anonymous"  # "Clinton aides", "a Trump adviser"
        elif has_propn or (indefinite and lemma in INSTITUTION_HEADS):
            info.status = "named"  # "State Department emails", "a federal appeals court"
        else:
            info.kind = info.status = "anonymous"  # "polls", "reports", "a new study"
        return info
    definite = bool(dets & {"the", "this", "that"}) or has_poss
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
    elif lemma in GENERIC_PEOPLE:
        info.kind = info.status = "anonymous"
    else:
        info.kind = info.status = "anonymous"
    return info


def resolve_sources(infos: list[SourceInfo]) -> None:
    """Give pronoun and back-reference sources the status of their antecedent, in place.

    `infos` are in article order. A pronoun takes the nearest earlier resolved source
    whose number agrees (he/she/it: singular; they/them/these: plural, but a singular
    organisation is also accepted); a back-reference ("the official") takes the nearest
    earlier resolved source whose text contains its head noun. Unresolvable pronouns are
    named (most PolNeAR pronouns refer to candidates); unresolvable back-references are
    anonymous for source-like heads ("the source", "the official") and named otherwise
    (a singular definite role such as "the spokesman").
    """
    for i, info in enumerate(infos):
        if info.status is not None:
            continue
        earlier = [
            p
            for p in reversed(infos[:i])
            if p.status is not None and p.kind not in ("writer", "pronoun", "backref", "generic")
        ]
        found = None
        if info.kind == "pronoun":
            personal = info.text.lower() in (
                "he",
                "she",
                "him",
                "her",
                "his",
                "hers",
                "himself",
                "herself",
            )
            for p in earlier:
                if personal and (p.thing or p.plural or not p.person):
                    continue
                if info.plural == p.plural or (info.plural and p.status == "named"):
                    found = p
                    break
            if found is None and earlier:
                found = earlier[0]
            info.status = found.status if found else "named"
        else:  # backref
            for p in earlier:
                if p.plural != info.plural:
                    continue
                if info.head_lemma and info.head_lemma in p.text.lower():
                    found = p
                    break
            if found is not None:
                info.status = found.status
            else:
                info.status = "anonymous" if info.head_lemma in ANON_HEADS else "named"
