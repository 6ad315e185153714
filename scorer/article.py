"""The typed objects that flow through the pipeline: an `Article` goes in, each stage adds to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Label(str, Enum):
    """Sentence sourcing labels; definitions in docs/labels.md (from ../shared/LABELS.md)."""

    NAMED = "named-source"
    ANONYMOUS = "anonymous-source"
    DENIAL = "official-denial"
    UNATTRIBUTED = "unattributed"


LABELS: tuple[str, ...] = tuple(label.value for label in Label)
ATTRIBUTED: frozenset[str] = frozenset(
    {Label.NAMED.value, Label.ANONYMOUS.value, Label.DENIAL.value}
)


class HopKind(str, Enum):
    """What a hop in a citation chain is."""

    OUTLET = "outlet"
    PERSON = "person"
    ORGANIZATION = "organization"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"


@dataclass
class Hop:
    """One source in a citation chain, e.g. ``Hop("The Moscow Times", "outlet")``."""

    name: str
    kind: str
    descriptor: str | None = None
    state_affiliated: bool = False
    cited: bool = field(default=False, compare=False, repr=False)
    """Reached through an explicit "citing Y" of the hop before it (not in the output): the
    structure the label model misses most, so `scorer.consistency` lets such a hop decide."""
    interview: bool = field(default=False, compare=False, repr=False)
    """An outlet the next hop spoke to ("told CNN", "in an interview with", "said on MSNBC"),
    not one that reported on it (not in the output): `scorer.attribution` keeps it as a hop on
    that person's later quotes."""

    unnamed: bool = field(default=False, compare=False, repr=False)
    """One person the text does not name ("a nurse at a Bristol hospital"), read from the
    parse (not in the output): `scorer.consistency` lets such a hop set `anonymous-source`."""

    def to_dict(self) -> dict[str, Any]:
        """The hop of the output contract: descriptor and state flag only when set."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.descriptor:
            out["descriptor"] = self.descriptor
        if self.state_affiliated:
            out["state_affiliated"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hop:
        """The hop of a `to_dict` output."""
        return cls(
            data["name"],
            data["kind"],
            descriptor=data.get("descriptor"),
            state_affiliated=bool(data.get("state_affiliated", False)),
        )


@dataclass
class Attribution:
    """A source, its reporting cue and where it sits in the sentence."""

    source: str
    kind: str
    cue: str = ""
    via: list[Hop] = field(default_factory=list)
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class AttributionSpan:
    """A span tagged by the span head (`scorer.classifiers.spans`): its kind ("source", "cue"
    or "content") and character offsets in the sentence's text."""

    kind: str
    start: int
    end: int


@dataclass
class Sentence:
    """A content sentence with its context, label and chains."""

    index: int
    text: str
    paragraph: int = 0
    context: str = ""
    label: str | None = None
    confidence: float | None = None
    chains: list[list[Hop]] = field(default_factory=list)
    model_chains: list[list[Hop]] | None = None
    """The chains `attribute` found, kept by `scorer.consistency.reconcile` where it changed
    them to agree with the label; None where they were left as found. Not serialised."""
    model_label: str | None = None
    """The classifier's label where a structure set the label instead (its confidence is then
    null): a cited chain (`scorer.consistency.reconcile`), a quotation's speaker
    (`scorer.quotations.speak_quotations`) or a transcript turn's speaker tag
    (`scorer.interviews.speaker_turns`); None otherwise. Not serialised."""
    attributions: list[Attribution] = field(default_factory=list)
    spans: list[AttributionSpan] = field(default_factory=list)
    """Attribution spans from the span head, if the classifier has one."""
    span: Any = field(default=None, repr=False, compare=False)
    """The spaCy `Span` of the sentence, for stages that read the parse; never serialised."""

    def overrule(self, label: str | None) -> None:
        """Set a label a structure decided over the classifier's (a cited chain, a quoted or
        transcript speaker): the classifier's stays as `model_label`, and the confidence,
        which was for it, becomes null."""
        self.model_label, self.label, self.confidence = self.label, label, None


def text_start(sentence: Sentence) -> int | None:
    """Where the sentence's text starts in its parse (the first token that is not white
    space), or None without a parse: the origin of `AttributionSpan` offsets."""
    if sentence.span is None:
        return None
    return next((t.idx for t in sentence.span if not t.is_space), None)


def sentence_words(sentence: Sentence) -> list[tuple[int, int]]:
    """Character offsets of the sentence's words (its spaCy tokens, white space left out) in
    its text: the words the span head tags."""
    base = text_start(sentence)
    if base is None:
        return []
    words = [(t.idx - base, t.idx - base + len(t)) for t in sentence.span if not t.is_space]
    return [(start, end) for start, end in words if end <= len(sentence.text)]


@dataclass
class Removal:
    """A piece of page furniture or a duplicate taken out before labelling, and why."""

    text: str
    reason: str


class FlagName(str, Enum):
    """The flags a profile can raise; docs/score.md says when each is raised."""

    ANONYMOUS_HEAVY = "anonymous-heavy"
    SECOND_HAND = "second-hand"
    SINGLE_SOURCE = "single-source"
    DENIAL_PRESENT = "denial-present"
    MOSTLY_UNATTRIBUTED = "mostly-unattributed"
    STATE_AFFILIATED = "state-affiliated-source"


@dataclass
class Flag:
    """A caution about an article's sourcing and the sentence indices behind it."""

    name: FlagName
    reason: str
    sentences: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"flag": self.name.value, "reason": self.reason, "sentences": list(self.sentences)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        return cls(FlagName(data["flag"]), data["reason"], list(data["sentences"]))


@dataclass
class Profile:
    """The sourcing profile of one article: counts, shares, sources, score and flags.

    Shares and components are kept rounded as they are written (3 places; the score 1 place),
    so `to_dict` is the `profile` object of the output contract and `from_dict` reads it back.
    docs/score.md defines every field.

    Attributes:
        sentences: labelled content sentences.
        counts: sentences per label, in `LABELS` order.
        shares: share of sentences per label.
        attributed_share: share of sentences that rest on some source.
        anonymous_share_of_attributed: anonymous share of the attributed sentences.
        named_share_of_attributed: 1 - the anonymous share (0 without attributed sentences).
        denial_present: whether any sentence reports a denial.
        distinct_sources: distinct deepest sources of the chains.
        sources_by_kind: distinct deepest sources per hop kind.
        sources: the distinct deepest sources, first seen first.
        second_hand_share: share of attributed sentences that are second-hand
            (`scorer.measures.is_second_hand`).
        deepest_chain: the longest chain of the article.
        top_source: the source most attributed sentences rest on, if any.
        top_source_share: share of attributed sentences resting on `top_source`.
        state_affiliated_outlets: state-affiliated outlets in the chains, sorted.
        score: the 0-100 sourcing score.
        score_components: the components of the score, each 0-1.
        flags: the flags raised, in the order docs/score.md lists them.
    """

    sentences: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    attributed_share: float = 0.0
    anonymous_share_of_attributed: float = 0.0
    named_share_of_attributed: float = 0.0
    denial_present: bool = False
    distinct_sources: int = 0
    sources_by_kind: dict[str, int] = field(default_factory=dict)
    sources: list[Hop] = field(default_factory=list)
    second_hand_share: float = 0.0
    deepest_chain: list[Hop] = field(default_factory=list)
    top_source: str | None = None
    top_source_share: float = 0.0
    state_affiliated_outlets: list[str] = field(default_factory=list)
    score: float = 0.0
    score_components: dict[str, float] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    def flag(self, name: FlagName) -> Flag | None:
        """The flag called `name`, if the profile raised it."""
        return next((f for f in self.flags if f.name is name), None)

    def to_dict(self) -> dict[str, Any]:
        """The `profile` object of the output contract (scorer/schema/article.schema.json)."""
        return {
            "sentences": self.sentences,
            "counts": dict(self.counts),
            "shares": dict(self.shares),
            "attributed_share": self.attributed_share,
            "anonymous_share_of_attributed": self.anonymous_share_of_attributed,
            "named_share_of_attributed": self.named_share_of_attributed,
            "denial_present": self.denial_present,
            "distinct_sources": self.distinct_sources,
            "sources_by_kind": dict(self.sources_by_kind),
            "sources": [hop.to_dict() for hop in self.sources],
            "second_hand_share": self.second_hand_share,
            "deepest_chain": [hop.to_dict() for hop in self.deepest_chain],
            "top_source": self.top_source,
            "top_source_share": self.top_source_share,
            "state_affiliated_outlets": list(self.state_affiliated_outlets),
            "score": self.score,
            "score_components": dict(self.score_components),
            "flags": [flag.to_dict() for flag in self.flags],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """The profile of a `to_dict` output (a scored article's JSON `profile`)."""
        return cls(
            sentences=data["sentences"],
            counts=dict(data["counts"]),
            shares=dict(data["shares"]),
            attributed_share=data["attributed_share"],
            anonymous_share_of_attributed=data["anonymous_share_of_attributed"],
            named_share_of_attributed=data["named_share_of_attributed"],
            denial_present=data["denial_present"],
            distinct_sources=data["distinct_sources"],
            sources_by_kind=dict(data["sources_by_kind"]),
            sources=[Hop.from_dict(hop) for hop in data["sources"]],
            second_hand_share=data["second_hand_share"],
            deepest_chain=[Hop.from_dict(hop) for hop in data["deepest_chain"]],
            top_source=data["top_source"],
            top_source_share=data["top_source_share"],
            state_affiliated_outlets=list(data["state_affiliated_outlets"]),
            score=data["score"],
            score_components=dict(data["score_components"]),
            flags=[Flag.from_dict(flag) for flag in data["flags"]],
        )


@dataclass
class Article:
    """One news article and everything the pipeline found in it."""

    id: str
    raw: str
    publisher: str | None = None
    credit: str | None = None
    url: str | None = None
    title: str | None = None
    source: str = ""
    publisher_origin: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    signals: list[tuple[str, str]] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    profile: Profile | None = None
    """Set by the profile stage (`scorer.profile.build_profile`); None before scoring."""
    warnings: list[str] = field(default_factory=list)
    html: str | None = None
