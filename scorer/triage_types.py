"""What `scorer triage` is configured with and what it returns: `TriageConfig` (weights and
thresholds), and `TriageResult` with each article's place in the queue (`ArticleTriage`, its
`Reason`s and `Claim`s) and the `Story`s. `scorer.triage` builds them; `scorer.report` and
`scorer.report_html` write them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scorer import errors
from scorer.article import Article
from scorer.pipeline import SCHEMA_VERSION, article_to_dict
from scorer.provenance import Link


@dataclass
class TriageConfig:
    """Weights and thresholds of `scorer triage` (docs/triage.md shows them at work).

    A priority is the sum of the points below, capped at 100; higher means check first.

    Attributes:
        anonymous: points when every attributed sentence rests on an anonymous source (scaled
            by the anonymous share of attributed sentences).
        second_hand: points when every attributed sentence is second-hand (scaled by the
            second-hand share; `scorer.measures.is_second_hand`, as in the profile).
        core_second_hand: points when the core claim (the first attributed, non-denial
            sentence) is second-hand.
        single_source: points when one source carries most attributed sentences (the
            profile's `single-source` flag).
        denial_missing: points when the article reports accusations but no denial.
        state_affiliated: points per distinct state-affiliated outlet cited.
        max_state_outlets: state-affiliated outlets that earn points, at most.
        low_score: points at a sourcing score of 0 (scaled by (100 - score) / 100).
        unattributed: points when most sentences name no source (`mostly-unattributed`).
        max_reason_sentences: sentence indices the `unattributed` reason lists, at most.
        max_denials_named: deniers from other articles of the story that the
            `denial-missing` reason names, at most.
        risk_anonymous: risk of an anonymous claim.
        risk_second_hand: risk of a named claim that is second-hand.
        risk_named: risk of a first-hand named claim.
        risk_anonymous_second_hand: risk added when an anonymous claim is also second-hand.
        risk_state_affiliated: risk added when a claim's chain passes a state-affiliated outlet.
        max_claims: claims to check first, per article.
        max_link_depth: linked batch articles a claim's chain is followed into, at most.
        lede_sentences: first sentences whose mean embedding stands for the article's lede.
        lede_weight: weight of the lede in an article's embedding (the rest: all sentences).
        story_threshold: cosine similarity of article embeddings above which two groups of
            articles are one story (average linkage).
        story_title_chars: characters of a story's title kept, at most.
        link_threshold: similarity a citing sentence must reach with a sentence of the cited
            outlet's article for the chain to continue there.
        duplicate_threshold: word-trigram Jaccard similarity at or above which an article is
            a near-duplicate copy of an earlier one: it is ranked, but not linked, and its
            story lists it once among the copies of that article.
    """

    anonymous: float = 30.0
    second_hand: float = 20.0
    core_second_hand: float = 10.0
    single_source: float = 10.0
    denial_missing: float = 15.0
    state_affiliated: float = 10.0
    max_state_outlets: int = 2
    low_score: float = 20.0
    unattributed: float = 10.0
    max_reason_sentences: int = 20
    max_denials_named: int = 3
    risk_anonymous: float = 3.0
    risk_second_hand: float = 2.0
    risk_named: float = 1.0
    risk_anonymous_second_hand: float = 0.5
    risk_state_affiliated: float = 0.25
    max_claims: int = 5
    max_link_depth: int = 4
    lede_sentences: int = 3
    lede_weight: float = 0.5
    story_threshold: float = 0.55
    story_title_chars: int = 160
    link_threshold: float = 0.6
    duplicate_threshold: float = 0.8

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if name.endswith("_threshold"):
                if not -1.0 <= value <= 1.0:
                    raise errors.ConfigError(f"{name} must be a cosine similarity between -1 and 1")
            elif value < 0:
                raise errors.ConfigError(f"{name} must be 0 or more (it is {value})")
        if self.lede_sentences < 1 or self.story_title_chars < 1:
            raise errors.ConfigError("lede_sentences and story_title_chars must be at least 1")
        if not 0.0 < self.duplicate_threshold <= 1.0:
            raise errors.ConfigError(
                f"duplicate_threshold must be above 0 and at most 1 (it is "
                f"{self.duplicate_threshold})"
            )
        if self.lede_weight > 1.0:
            raise errors.ConfigError(
                f"lede_weight must be between 0 and 1 (it is {self.lede_weight})"
            )


@dataclass
class Reason:
    """Why an article is where it is in the queue: a sentence, its points and its evidence."""

    code: str
    text: str
    points: float
    sentences: list[int] = field(default_factory=list)


@dataclass
class Claim:
    """A sentence to check, its risk (higher first), why, and its chain across the batch."""

    sentence: int
    text: str
    label: str
    risk: float
    why: str
    chain: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ArticleTriage:
    """One article's place in the queue."""

    article: Article
    priority: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    story: str = ""
    copy_of: str | None = None
    """The id of the article this one is a near-duplicate copy of (None: an original)."""

    @property
    def id(self) -> str:
        return self.article.id


@dataclass
class Story:
    """Articles about the same event, and the provenance graph across them.

    `articles` holds the originals; `copies` maps an original's id to the ids of its
    near-duplicate copies (reported once, here, and left out of the graph and the links).
    """

    id: str
    title: str
    articles: list[str]
    graph: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    copies: dict[str, list[str]] = field(default_factory=dict)

    def members(self) -> list[str]:
        """Every article of the story: the originals, then their copies."""
        return self.articles + [c for ids in self.copies.values() for c in ids]


@dataclass
class TriageResult:
    """The queue (highest priority first), the stories and the cross-article links.

    Example:
        >>> result = triage(paths=["examples/article.txt"],
        ...                 scoring=ScoringConfig(classifier="rules"))  # doctest: +SKIP
        >>> [a.id for a in result.over(50)]  # doctest: +SKIP
        []
    """

    articles: list[ArticleTriage]
    stories: list[Story]
    links: list[Link]
    problems: list[str] = field(default_factory=list)
    classifier: str = ""
    config: TriageConfig = field(default_factory=TriageConfig)

    def over(self, threshold: float) -> list[ArticleTriage]:
        """The articles whose priority is at least `threshold` (what `--fail-over` tests)."""
        return [a for a in self.articles if a.priority >= threshold]

    def to_dict(self) -> dict[str, Any]:
        """The triage output contract (schema: scorer/schema/triage.schema.json)."""
        articles = []
        for rank, item in enumerate(self.articles, start=1):
            a = item.article
            articles.append(
                {
                    "id": a.id,
                    "rank": rank,
                    "priority": item.priority,
                    "story": item.story,
                    "copy_of": item.copy_of,
                    "publisher": a.publisher,
                    "credit": a.credit,
                    "title": a.title,
                    "score": a.profile.score if a.profile else None,
                    "reasons": [asdict(r) for r in item.reasons],
                    "claims": [asdict(c) for c in item.claims],
                    "sentences": article_to_dict(a, classifier=self.classifier)["sentences"],
                }
            )
        return {
            "schema_version": SCHEMA_VERSION,
            "classifier": self.classifier,
            "config": asdict(self.config),
            "articles": articles,
            "stories": [asdict(s) for s in self.stories],
            "links": [link.to_dict() for link in self.links],
            "problems": list(self.problems),
        }
