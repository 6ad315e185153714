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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.descriptor:
            out["descriptor"] = self.descriptor
        if self.state_affiliated:
            out["state_affiliated"] = True
        return out


@dataclass
class Attribution:
    """A source, its reporting cue and where it sits in the sentence."""

    source: str
    kind: str
    cue: str = ""
    via: list[Hop] = field(default_factory=list)
    start: int = -1
    end: int = -1


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
    attributions: list[Attribution] = field(default_factory=list)
    span: Any = field(default=None, repr=False, compare=False)
    """The spaCy `Span` of the sentence, for stages that read the parse; never serialised."""


@dataclass
class Removal:
    """A piece of page furniture or a duplicate taken out before labelling, and why."""

    text: str
    reason: str


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
    profile: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    html: str | None = None
