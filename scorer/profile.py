"""The per-article sourcing profile, its 0-100 score and its flags (docs/score.md explains them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from scorer.article import ATTRIBUTED, LABELS, Article, Flag, FlagName, Hop, Label, Profile
from scorer.measures import deepest_source, is_second_hand, state_affiliated_outlets
from scorer.names import name_key


@dataclass
class ScoreWeights:
    """Weights and thresholds of the sourcing-quality score (all documented in docs/score.md).

    Attributes:
        attribution: weight of "how much of the article rests on some source".
        named: weight of "named share of attributed sentences".
        diversity: weight of "distinct sources" (saturates at `diversity_target`).
        first_hand: weight of "share of attributed sentences that are not second-hand".
        independence: weight of "no single source dominates".
        state_penalty: points taken off per distinct state-affiliated outlet in a chain.
        state_penalty_max: state-affiliated outlets that cost points, at most.
        attribution_target: attributed share that earns the full attribution component.
        diversity_target: distinct sources that earn the full diversity component.
        anonymous_heavy: anonymous share of attributed sentences that raises `anonymous-heavy`.
        anonymous_heavy_count: anonymous sentences needed, at least, for `anonymous-heavy`.
        second_hand: second-hand share that raises `second-hand`.
        single_source: top-source share that raises `single-source`.
        single_source_attributed: attributed sentences needed, at least, for `single-source`.
        mostly_unattributed: attributed share below which `mostly-unattributed` is raised.
        mostly_unattributed_sentences: sentences needed, at least, for `mostly-unattributed`.
    """

    attribution: float = 0.25
    named: float = 0.30
    diversity: float = 0.15
    first_hand: float = 0.15
    independence: float = 0.15
    state_penalty: float = 10.0
    state_penalty_max: int = 2
    attribution_target: float = 0.5
    diversity_target: int = 4
    anonymous_heavy: float = 0.4
    anonymous_heavy_count: int = 2
    second_hand: float = 0.3
    single_source: float = 0.6
    single_source_attributed: int = 3
    mostly_unattributed: float = 0.2
    mostly_unattributed_sentences: int = 5

    def __post_init__(self) -> None:
        parts = (self.attribution, self.named, self.diversity, self.first_hand, self.independence)
        if any(w < 0 for w in parts) or sum(parts) <= 0:
            raise ValueError("score weights must be non-negative and not all zero")
        counts = (
            "state_penalty_max",
            "anonymous_heavy_count",
            "single_source_attributed",
            "mostly_unattributed_sentences",
        )
        for name in counts:
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more")
        if self.attribution_target <= 0 or self.diversity_target <= 0:
            raise ValueError("attribution_target and diversity_target must be positive")


def build_profile(article: Article, weights: ScoreWeights | None = None) -> Profile:
    """Counts, shares, sources, chain measures, score and flags of one labelled article.

    Example:
        >>> from scorer import Scorer, ScoringConfig
        >>> article = Scorer(ScoringConfig(classifier="rules")).score_text(
        ...     "Officials said the dam is safe. It was built in 1950.")
        >>> profile = build_profile(article)
        >>> profile.counts["anonymous-source"], profile.score
        (1, 43.8)
    """
    weights = weights or ScoreWeights()
    sentences = [s for s in article.sentences if s.label]
    total = len(sentences)
    counts = Counter(s.label for s in sentences)
    attributed = [s for s in sentences if s.label in ATTRIBUTED]
    anonymous = [s for s in attributed if s.label == Label.ANONYMOUS]
    denials = [s for s in attributed if s.label == Label.DENIAL]

    sources: dict[str, Hop] = {}
    source_sentences: dict[str, list[int]] = {}
    deepest_chain: list[Hop] = []
    for s in attributed:
        for chain in s.chains:
            if len(chain) > len(deepest_chain):
                deepest_chain = chain
            end = deepest_source(chain, article.publisher)
            if end is not None:
                key = name_key(end.name)
                sources.setdefault(key, end)
                source_sentences.setdefault(key, []).append(s.index)
    second_hand = [s.index for s in attributed if is_second_hand(s, article.publisher)]
    state_outlets = state_affiliated_outlets(attributed)

    n_attr = len(attributed)
    attributed_share = n_attr / total if total else 0.0
    anonymous_share = len(anonymous) / n_attr if n_attr else 0.0
    second_hand_share = len(second_hand) / n_attr if n_attr else 0.0
    top_key, top_sentences = max(
        source_sentences.items(), key=lambda kv: len(set(kv[1])), default=("", [])
    )
    top_share = len(set(top_sentences)) / n_attr if n_attr else 0.0
    by_kind = Counter(hop.kind for hop in sources.values())

    components = {
        "attribution": min(1.0, attributed_share / weights.attribution_target),
        "named": 1.0 - anonymous_share if n_attr else 0.0,
        "diversity": min(1.0, len(sources) / weights.diversity_target),
        "first_hand": 1.0 - second_hand_share if n_attr else 0.0,
        "independence": (1.0 - top_share if len(sources) > 1 else 0.0) if n_attr else 0.0,
    }
    weight_of = {k: getattr(weights, k) for k in components}
    score = 100 * sum(components[k] * weight_of[k] for k in components) / sum(weight_of.values())
    score -= weights.state_penalty * min(weights.state_penalty_max, len(state_outlets))
    score = round(max(0.0, min(100.0, score)), 1)

    flags: list[Flag] = []

    def flag(name: FlagName, reason: str, indices: list[int]) -> None:
        flags.append(Flag(name, reason, sorted(set(indices))))

    if (
        len(anonymous) >= weights.anonymous_heavy_count
        and anonymous_share >= weights.anonymous_heavy
    ):
        flag(
            FlagName.ANONYMOUS_HEAVY,
            f"{len(anonymous)} of {n_attr} attributed sentences rest on anonymous sources",
            [s.index for s in anonymous],
        )
    if second_hand and second_hand_share >= weights.second_hand:
        flag(
            FlagName.SECOND_HAND,
            f"{len(second_hand)} of {n_attr} attributed sentences come through another outlet",
            second_hand,
        )
    if n_attr >= weights.single_source_attributed and (
        len(sources) <= 1 or top_share >= weights.single_source
    ):
        name = sources[top_key].name if top_key in sources else "one source"
        flag(
            FlagName.SINGLE_SOURCE,
            f"{len(set(top_sentences))} of {n_attr} attributed sentences rest on {name}",
            top_sentences,
        )
    if denials:
        flag(
            FlagName.DENIAL_PRESENT,
            f"{len(denials)} sentence(s) report a denial",
            [s.index for s in denials],
        )
    if (
        total >= weights.mostly_unattributed_sentences
        and attributed_share < weights.mostly_unattributed
    ):
        flag(
            FlagName.MOSTLY_UNATTRIBUTED,
            f"only {n_attr} of {total} sentences name any source",
            [s.index for s in sentences if s.label == Label.UNATTRIBUTED],
        )
    for name, indices in state_outlets.items():
        flag(FlagName.STATE_AFFILIATED, f"cites {name}, a state-affiliated outlet", indices)

    return Profile(
        sentences=total,
        counts={label: counts.get(label, 0) for label in LABELS},
        shares={
            label: round(counts.get(label, 0) / total, 3) if total else 0.0 for label in LABELS
        },
        attributed_share=round(attributed_share, 3),
        anonymous_share_of_attributed=round(anonymous_share, 3),
        named_share_of_attributed=round(1 - anonymous_share, 3) if n_attr else 0.0,
        denial_present=bool(denials),
        distinct_sources=len(sources),
        sources_by_kind=dict(by_kind),
        sources=list(sources.values()),
        second_hand_share=round(second_hand_share, 3),
        deepest_chain=list(deepest_chain),
        top_source=sources[top_key].name if top_key in sources else None,
        top_source_share=round(top_share, 3),
        state_affiliated_outlets=sorted(state_outlets),
        score=score,
        score_components={k: round(v, 3) for k, v in components.items()},
        flags=flags,
    )


def weights_dict(weights: ScoreWeights) -> dict[str, float]:
    """The weights as a plain dict, for the model card and reports."""
    return asdict(weights)
