"""Derive sentence rows with the four sourcing labels from PolNeAR attributions.

PolNeAR (Newell et al., LREC 2018) marks attribution relations (Source, Cue, Content
spans) in US political news. It says nothing about anonymity or denial, so those are
derived here with rules; `training/POLNEAR_DERIVATION.md` documents the rules and their
hand-checked precision.

Example:
    >>> from training.polnear import build_rows
    >>> rows = build_rows(splits=("dev",))            # doctest: +SKIP
    >>> sorted({r["label"] for r in rows})            # doctest: +SKIP
    ['anonymous-source', 'named-source', 'official-denial', 'unattributed']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span

from training.nlp import parse_cached

DEFAULT_ROOT = Path("/work/shared/data/polnear")
SPLITS = ("train", "dev")

# ---------------------------------------------------------------------------
# brat reading


@dataclass
class TextSpan:
    """One brat text-bound annotation; `pieces` are (start, end) character offsets."""

    kind: str
    pieces: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.pieces)

    @property
    def end(self) -> int:
        return max(e for _, e in self.pieces)


@dataclass
class Attribution:
    """An attribution relation: who (source) says/thinks (cue) what (content)."""

    source: TextSpan | None
    cue: TextSpan | None
    content: list[TextSpan] = field(default_factory=list)
    has_source_slot: bool = True  # False for brat `Attribution-no-source`

    @property
    def anchor(self) -> int:
        """Offset used to order attributions within an article."""
        spans = [s for s in (self.source, self.cue) if s is not None] or self.content
        return min(s.start for s in spans) if spans else 0


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def read_ann(path: Path) -> list[Attribution]:
    """Read the attribution relations of one brat `.ann` file.

    Lines that are neither `T` nor `E` records (brat notes, continuation lines of
    multi-line span texts) are skipped.
    """
    spans: dict[str, TextSpan] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := _T_LINE.match(line):
            pieces = [tuple(map(int, p.split())) for p in m.group(3).strip().split(";")]
            spans[m.group(1)] = TextSpan(m.group(2), [(s, e) for s, e in pieces])
        elif m := _E_LINE.match(line):
            events.append(m.group(2))
    out = []
    for event in events:
        args = [a.split(":", 1) for a in event.split() if ":" in a]
        rel = args[0][0] if args else ""
        if rel not in ("Attribution", "Attribution-no-source"):
            continue
        att = Attribution(source=None, cue=None, has_source_slot=rel == "Attribution")
        for role, tid in args[1:]:
            span = spans.get(tid)
            if span is None:
                continue
            if role == "Source":
                att.source = span
            elif role == "Cue":
                att.cue = span
            elif role.startswith("Content"):
                att.content.append(span)
        if att.cue is not None or att.source is not None:
            out.append(att)
    return out


def pick_annotations(split_dir: Path) -> dict[str, Path]:
    """Map article stem -> one `.ann` file, the alphabetically first annotator id."""
    chosen: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return chosen


# ---------------------------------------------------------------------------
# word lists

WRITER_READER = {"i", "we", "you", "us", "our", "me", "my", "your", "ourselves", "yourself",
                 "yourselves", "myself", "one"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "its",
            "who", "whom", "which", "that", "this", "these", "those", "himself", "herself",
            "themselves", "itself", "whose"}
SINGULAR_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "it", "its",
                     "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves", "these", "those"}
GENERIC_PRONOUNS = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
                    "many", "some", "others", "most", "few", "several", "all", "none", "both"}
COGNITION_CUES = {"like", "love", "hate", "think", "believe", "figure", "want", "hope", "fear",
                  "feel", "wish", "worry", "know", "expect", "prefer", "doubt", "suspect",
                  "assume", "wonder", "guess", "imagine", "trust", "dislike", "care", "agree",
                  "see", "view", "consider", "support", "oppose", "need", "understand", "remember",
                  "forget", "realize", "recognize", "suppose", "favor", "seem", "appear", "get",
                  "find", "be"}
GENERIC_PEOPLE = {"people", "person", "voter", "american", "citizen", "resident", "folk", "man",
                  "woman", "men", "women", "everyone", "anyone", "someone", "nobody", "many",
                  "some", "most", "others", "public", "electorate", "kid", "child", "parent",
                  "family", "worker", "viewer", "reader", "fan", "crowd", "audience",
                  "supporter", "democrat", "republican", "independent", "conservative",
                  "liberal", "millennial", "woman", "individual", "majority", "minority", "few",
                  "all", "none", "half", "percent", "member", "attendee", "respondent"}
# Singular person-ish heads whose definite back-reference ("the source") stays anonymous
# when no antecedent is found.
ANON_HEADS = {"source", "official", "person", "insider", "aide", "staffer", "operative",
              "adviser", "advisor", "strategist", "individual", "associate", "confidant"}
# Report-like heads: "a CNN poll", "a report in the Post" are named by the proper noun inside.
DOCUMENT_HEADS = {"report", "poll", "survey", "study", "statement", "article", "story", "analysis",
                  "memo", "email", "letter", "filing", "document", "book", "release", "column",
                  "editorial", "op-ed", "interview", "video", "ad", "post", "tweet", "transcript",
                  "investigation", "review", "audit", "complaint", "lawsuit", "record", "data",
                  "estimate", "count", "projection", "forecast", "model", "broadcast", "piece",
                  "paper", "publication", "account", "website", "site", "blog", "page", "feed"}
# Definite plurals that pick out known people ("both candidates", "the two men").
KNOWN_SET_HEADS = {"candidate", "nominee", "campaign", "man", "woman", "rival", "contender",
                   "couple", "brother", "sister", "family", "pair", "ticket", "duo", "party"}
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

DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "dispute", "rebut", "debunk", "disavow",
                "repudiate", "contest", "contradict", "discount", "deride", "scoff", "downplay",
                "push"}
# Verbs that always express a denial when active and not negated.
STRONG_DENIAL = {"deny", "refute", "rebut", "debunk"}
CLAIM_NOUNS = {"report", "reports", "claim", "allegation", "accusation", "story", "charge",
               "suggestion", "notion", "idea", "rumor", "rumour", "assertion", "characterization",
               "characterisation", "premise", "account", "version", "description", "portrayal",
               "finding", "conclusion", "criticism", "speculation", "theory", "insinuation",
               "implication", "narrative", "reporting", "assessment", "contention", "argument",
               "assertions", "question", "concern", "comparison", "attack", "talk",
               "impression", "perception", "interpretation", "inference", "analysis", "article",
               "statement", "remark", "comment", "claims", "fact-check", "rating", "hoax",
               "conspiracy", "fears", "warning", "threat", "criticisms", "complaint", "concerns",
               "questions", "doubts", "doubt", "chatter", "buzz", "story", "stories", "news",
               "headline", "headlines", "item", "piece", "evidence", "poll", "polls", "number",
               "numbers", "figure", "figures", "estimate", "prediction", "projection",
               "that", "this", "it", "those", "these", "them", "wrongdoing", "involvement",
               "knowledge", "link", "links", "tie", "ties", "connection", "contact", "contacts",
               "affair", "relationship", "existence", "authenticity", "validity", "accuracy",
               "truth", "responsibility", "role", "claim", "suggestions", "accusations",
               "allegations", "charges", "rumors", "rumours", "reports"}
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
_NEGATORS = {"not", "n't", "never", "no", "refuse", "decline", "fail", "stop", "won't"}


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


def denial_trigger(sent: Span) -> str | None:
    """Return the denial word of `sent` if it expresses a denial of a claim, else None.

    A denial is a non-negated, active denial verb ("denied", "rejected", "dismissed",
    "refuted", "disputed", "pushed back") whose object is claim-like (report, claim,
    allegation, a that-clause, a demonstrative) or that is followed by "as" + a false-word;
    or "called/described <claim> (as) false/fake/…"; or a claim-like subject with a
    false-predicate ("the report is false", "that's a lie").

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
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # "was denied a visa", "the claim was rejected by" (rare as a denial)
            if not any(c.dep_ == "agent" for c in tok.children):
                continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "ccomp", "attr")]
        preps = [c for c in tok.children if c.dep_ == "prep"]
        tail = text[tok.idx - sent.start_char:]
        if lemma == "push":
            if not any(c.lower_ == "back" for c in tok.children):
                continue
            pobjs = [g for p in preps if p.lower_ in ("on", "against", "at") for g in p.children
                     if g.dep_ == "pobj"]
            if any(_claimlike(g) for g in pobjs) or FALSE_WORDS.search(tail):
                return tok.text + " back"
            continue
        if lemma == "scoff" or lemma == "deride":
            pobjs = [g for p in preps for g in p.children if g.dep_ == "pobj"] + objs
            if any(_claimlike(g) for g in pobjs):
                return tok.text
            continue
        if lemma in STRONG_DENIAL:
            if lemma == "deny" and objs and objs[0].lemma_.lower() in (
                    "access", "entry", "request", "permission", "bail", "visa", "service",
                    "benefit", "right", "vote", "chance", "opportunity", "nomination",
                    "application", "appeal", "motion", "petition", "funding", "ballot"):
                continue
            return tok.text
        if any(o.dep_ == "ccomp" for o in objs):  # "rejected that ...", "disputed that ..."
            return tok.text
        if any(_claimlike(o) for o in objs):
            return tok.text
        # "dismissed X as false/fake/baseless ..."
        for p in preps:
            if p.lower_ == "as" and FALSE_WORDS.search(
                    " ".join(t.text for t in p.subtree)):
                return tok.text
    # "called the report false", "described the claims as fabricated"
    for tok in sent:
        if tok.lemma_.lower() in ("call", "describe", "label", "brand", "term", "characterize",
                                  "characterise", "say", "insist", "maintain", "tell"):
            if _negated(tok):
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if objs and any(_claimlike(o, strict=True) for o in objs):
                rest = " ".join(t.text for t in tok.subtree if t.i > objs[0].i)
                if FALSE_WORDS.search(rest):
                    return tok.text
    # "the report is false", "that's a lie", "the allegations are baseless"
    for tok in sent:
        if tok.dep_ in ("nsubj",) and _claimlike(tok, strict=True) and tok.head.lemma_ == "be":
            pred = " ".join(t.text for t in tok.head.subtree if t.i > tok.i)
            if FALSE_WORDS.search(pred) and not any(
                    c.dep_ == "neg" for c in tok.head.children) and not re.search(
                    r"\bwrong (with|about|to|for)\b", pred, re.I):
                return pred.split()[0] if pred else tok.text
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


def _head(span: Span):
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    # Prefer a nominal root ("Clinton, who spoke Tuesday" -> Clinton).
    for t in roots:
        if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            return t
    return roots[0] if roots else span[-1]


def classify_source(span: Span | None, raw: str) -> SourceInfo:
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
    if low in PRONOUNS or (words and all(t.lower_ in PRONOUNS for t in words)):
        return SourceInfo(text, "pronoun", plural=low in PLURAL_PRONOUNS)
    head = _head(span)
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("and", "&") for t in span)
    info = SourceInfo(text, "named", plural=plural, head_lemma=lemma)
    if ANONYMITY.search(text):
        info.kind = info.status = "anonymous"
        return info
    propn_heads = head.pos_ == "PROPN" or head.ent_type_ in (
        "PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT")
    if propn_heads:
        generic_group = head.tag_ == "NNPS" or head.ent_type_ == "NORP" or (
            head.lemma_.lower() in GENERIC_PEOPLE)
        if generic_group and not any(t.ent_type_ in ("ORG",) for t in span) and not any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
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
    has_propn = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span)
    if plural:
        if lemma in DOCUMENT_HEADS and has_propn:
            info.status = "named"  # "CNN polls", "reports in the Times"
        elif lemma in KNOWN_SET_HEADS and dets & {"the", "both", "two"}:
            info.status = "named"  # "both candidates", "the two campaigns"
        else:
            info.kind = info.status = "anonymous"
        return info
    indefinite = bool(dets & {"a", "an", "one", "another", "some", "any", "no", "several",
                              "certain"}) or any(c.like_num for c in head.children)
    if indefinite:
        if lemma in DOCUMENT_HEADS and has_propn:
            info.status = "named"  # "a CNN poll", "a statement from the Trump campaign"
        else:
            info.kind = info.status = "anonymous"
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
        earlier = [p for p in reversed(infos[:i]) if p.status is not None
                   and p.kind not in ("writer", "pronoun", "backref", "generic")]
        found = None
        if info.kind == "pronoun":
            for p in earlier:
                if info.plural == p.plural or (info.plural and p.status == "named"):
                    found = p
                    break
            if found is None and earlier:
                found = earlier[0]
            info.status = found.status if found else "named"
        else:  # backref
            for p in earlier:
                if info.head_lemma and info.head_lemma in p.text.lower():
                    found = p
                    break
            if found is not None:
                info.status = found.status
            else:
                info.status = "anonymous" if info.head_lemma in ANON_HEADS else "named"


# ---------------------------------------------------------------------------
# articles


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    span: Span


@dataclass
class Article:
    stem: str
    split: str
    text: str
    attributions: list[Attribution]
    paragraphs: list[tuple[int, Doc]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def char_span(self, start: int, end: int) -> Span | None:
        starts = [s for s, _ in self.paragraphs]
        k = bisect_right(starts, start) - 1
        if k < 0:
            return None
        p_start, doc = self.paragraphs[k]
        end = min(end, p_start + len(doc.text))
        return doc.char_span(start - p_start, end - p_start, alignment_mode="expand")


def read_articles(root: Path = DEFAULT_ROOT, splits: tuple[str, ...] = SPLITS) -> list[Article]:
    """Read the text and the chosen annotator's attributions for every article."""
    articles = []
    for split in splits:
        for stem, ann in sorted(pick_annotations(root / split).items()):
            text_path = root / split / "text" / f"{stem}.txt"
            if not text_path.exists():
                continue
            articles.append(Article(stem, split, text_path.read_text(encoding="utf-8"),
                                    read_ann(ann)))
    return articles


def segment(articles: list[Article], cache_dir: Path) -> None:
    """Split each article into paragraphs (lines) and sentences (spaCy parser), in place."""
    paras: list[tuple[Article, int, str]] = []
    for art in articles:
        for m in re.finditer(r"[^\n]+", art.text):
            if m.group().strip():
                paras.append((art, m.start(), m.group()))
    splits = "-".join(sorted({a.split for a in articles}))
    docs = parse_cached([p for _, _, p in paras], cache_dir / f"polnear_{splits}.spacy")
    for (art, start, _), doc in zip(paras, docs):
        art.paragraphs.append((start, doc))
    for art in articles:
        for p_start, doc in art.paragraphs:
            for sent in doc.sents:
                if not any(ch.isalpha() for ch in sent.text):
                    continue
                art.sentences.append(Sentence(len(art.sentences), p_start + sent.start_char,
                                              p_start + sent.end_char, sent))


def _overlaps(span: TextSpan | None, start: int, end: int) -> bool:
    return span is not None and any(s < end and e > start for s, e in span.pieces)


def _coverage(spans: list[TextSpan], sent: Sentence, text: str) -> float:
    pieces = [p for sp in spans for p in sp.pieces if p[0] < sent.end and p[1] > sent.start]
    if not pieces:
        return 0.0
    chars = [i for i in range(sent.start, sent.end) if not text[i].isspace()]
    if not chars:
        return 0.0
    covered = sum(1 for i in chars if any(s <= i < e for s, e in pieces))
    return covered / len(chars)


CONTINUATION_COVERAGE = 0.5


def label_article(art: Article) -> list[dict]:
    """Label every sentence of one segmented article.

    Returns rows with `label` set to one of the four labels, or `None` for sentences
    dropped as noise (attributed only by a generic group's internal state).
    """
    atts = sorted(art.attributions, key=lambda a: a.anchor)
    infos: list[SourceInfo] = []
    for att in atts:
        if att.source is not None:
            span = art.char_span(att.source.start, att.source.end)
            raw = art.text[att.source.start:att.source.end]
            infos.append(classify_source(span, raw))
        else:
            cue = art.text[att.cue.start:att.cue.end].strip() if att.cue else ""
            kind = "anonymous" if NOSOURCE_REPORTED.match(cue) else "nosource"
            infos.append(SourceInfo(cue, kind, status="anonymous" if kind == "anonymous" else None))
    resolve_sources([i for i in infos if i.kind != "nosource"])

    kept: list[tuple[Attribution, SourceInfo, str]] = []  # (att, info, verdict)
    for att, info in zip(atts, infos):
        cue_lemma = ""
        if att.cue is not None:
            cue_span = art.char_span(att.cue.start, att.cue.end)
            verbs = [t for t in cue_span if t.pos_ in ("VERB", "AUX")] if cue_span else []
            cue_lemma = (verbs[-1] if verbs else (cue_span[-1] if cue_span else None))
            cue_lemma = cue_lemma.lemma_.lower() if cue_lemma is not None else ""
        if info.kind == "nosource":
            continue
        if info.kind == "writer":
            kept.append((att, info, "writer"))
        elif cue_lemma in COGNITION_CUES and _generic_people(info):
            kept.append((att, info, "generic-state"))
        else:
            kept.append((att, info, "keep"))

    sent_of = {}
    for s in art.sentences:
        sent_of[s.index] = s

    def sent_index(offset: int) -> int | None:
        for s in art.sentences:
            if s.start <= offset < s.end:
                return s.index
        return None

    rows = []
    for s in art.sentences:
        hits: list[tuple[Attribution, SourceInfo, str]] = []
        for att, info, verdict in kept:
            if _overlaps(att.cue, s.start, s.end) or _overlaps(att.source, s.start, s.end):
                hits.append((att, info, verdict))
                continue
            if not att.content or _coverage(att.content, s, art.text) < CONTINUATION_COVERAGE:
                continue
            anchor = att.cue or att.source
            a_idx = sent_index(anchor.start)
            if a_idx is None:
                continue
            step = 1 if a_idx > s.index else -1
            between = range(s.index + step, a_idx, step)
            if all(_coverage(att.content, sent_of[j], art.text) >= CONTINUATION_COVERAGE
                   for j in between):
                hits.append((att, info, verdict))
        label = _sentence_label(s, hits)
        rows.append({
            "text": s.span.text.strip(),
            "label": label,
            "doc": art.stem,
            "sent": s.index,
            "split": art.split,
            "origin": "polnear",
        })
    for i, row in enumerate(rows):
        prev = [r["text"] for r in rows[max(0, i - 2):i]]
        row["context"] = " ".join(prev)
    return rows


def _generic_people(info: SourceInfo) -> bool:
    if info.kind == "generic":
        return True
    if info.status != "anonymous":
        return False
    return info.head_lemma in GENERIC_PEOPLE


def _sentence_label(s: Sentence, hits: list[tuple[Attribution, SourceInfo, str]]) -> str | None:
    real = [(a, i) for a, i, v in hits if v == "keep"]
    if not real:
        if any(v == "generic-state" for _, _, v in hits):
            return None
        return "unattributed"
    if denial_trigger(s.span) and not NON_ANSWER.search(s.span.text):
        return "official-denial"
    if ANONYMITY.search(s.span.text) and not re.search(r"familiar with (the|his|her) (plan|"
                                                       r"issue|matter)s?", s.span.text, re.I):
        return "anonymous-source"
    # Deepest attributions: those whose cue lies inside no other hit's content... rather,
    # those that contain no other hit's cue in their own content (the inner reports).
    def inner(a: Attribution) -> bool:
        return not any(b is not a and b.cue is not None and any(
            _overlaps(c, b.cue.start, b.cue.end) for c in a.content) for b, _ in real)

    deepest = [i for a, i in real if inner(a)] or [i for _, i in real]
    if any(i.status == "anonymous" for i in deepest):
        return "anonymous-source"
    return "named-source"


def build_rows(root: Path = DEFAULT_ROOT, splits: tuple[str, ...] = SPLITS,
               cache_dir: Path = Path("training/build/cache")) -> list[dict]:
    """All labelled PolNeAR sentence rows (dropped sentences left out)."""
    rows = []
    for split in splits:  # one cache per split, so dev-only runs reuse theirs
        articles = read_articles(root, (split,))
        segment(articles, cache_dir)
        for art in articles:
            rows.extend(r for r in label_article(art) if r["label"] is not None)
    return rows
