"""The per-article sourcing profile, its 0-100 score and its flags (docs/score.md explains them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from scorer.article import ATTRIBUTED, LABELS, Article, Hop, Label


@dataclass
class ScoreWeights:
    """Weights and thresholds of the sourcing-quality score (all documented in docs/score.md).

    Attributes:
        attribution: weight of "how much of the article rests on some source".
        named: weight of "named share of attributed sentences".
        diversity: weight of "distinct sources" (saturates at `diversity_target`).
        first_hand: weight of "share of attributions not passing through another outlet".
        independence: weight of "no single source dominates".
        state_penalty: points taken off per distinct state-affiliated outlet in a chain (max 2).
        attribution_target: attributed share that earns the full attribution component.
        diversity_target: distinct sources that earn the full diversity component.
        anonymous_heavy: anonymous share of attributed sentences that raises `anonymous-heavy`.
        second_hand: second-hand share that raises `second-hand`.
        single_source: top-source share that raises `single-source`.
    """

    attribution: float = 0.25
    named: float = 0.30
    diversity: float = 0.15
    first_hand: float = 0.15
    independence: float = 0.15
    state_penalty: float = 10.0
    attribution_target: float = 0.5
    diversity_target: int = 4
    anonymous_heavy: float = 0.4
    second_hand: float = 0.3
    single_source: float = 0.6

    def __post_init__(self) -> None:
        parts = (self.attribution, self.named, self.diversity, self.first_hand, self.independence)
        if any(w < 0 for w in parts) or sum(parts) <= 0:
            raise ValueError("score weights must be non-negative and not all zero")


def _deepest(chain: list[Hop]) -> Hop | None:
    return chain[-1] if chain else None


def _source_key(hop: Hop) -> str:
    return hop.name.lower().removeprefix("the ").strip()


def build_profile(article: Article, weights: ScoreWeights | None = None) -> dict[str, Any]:
    """Counts, shares, sources, chain measures, score and flags of one labelled article."""
    weights = weights or ScoreWeights()
    sentences = [s for s in article.sentences if s.label]
    total = len(sentences)
    counts = Counter(s.label for s in sentences)
    attributed = [s for s in sentences if s.label in ATTRIBUTED]
    anonymous = [s for s in attributed if s.label == Label.ANONYMOUS.value]
    denials = [s for s in attributed if s.label == Label.DENIAL.value]
    publisher = (article.publisher or "").lower().removeprefix("the ").strip()

    sources: dict[str, Hop] = {}
    source_sentences: dict[str, list[int]] = {}
    second_hand: list[int] = []
    state_outlets: dict[str, list[int]] = {}
    deepest_chain: list[Hop] = []
    for s in attributed:
        passes_outlet = False
        for chain in s.chains:
            hops = [h for h in chain if _source_key(h) != publisher]
            if len(chain) > len(deepest_chain):
                deepest_chain = chain
            end = _deepest(hops)
            if end is not None:
                key = _source_key(end)
                sources.setdefault(key, end)
                source_sentences.setdefault(key, []).append(s.index)
            if any(h.kind == "outlet" for h in hops[:-1]):
                passes_outlet = True
            for hop in chain:
                if hop.state_affiliated:
                    state_outlets.setdefault(hop.name, []).append(s.index)
        if passes_outlet:
            second_hand.append(s.index)

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
    score -= weights.state_penalty * min(2, len(state_outlets))
    score = round(max(0.0, min(100.0, score)), 1)

    flags: list[dict[str, Any]] = []

    def flag(name: str, reason: str, indices: list[int]) -> None:
        flags.append({"flag": name, "reason": reason, "sentences": sorted(set(indices))})

    if len(anonymous) >= 2 and anonymous_share >= weights.anonymous_heavy:
        flag(
            "anonymous-heavy",
            f"{len(anonymous)} of {n_attr} attributed sentences rest on anonymous sources",
            [s.index for s in anonymous],
        )
    if second_hand and second_hand_share >= weights.second_hand:
        flag(
            "second-hand",
            f"{len(second_hand)} of {n_attr} attributed sentences come through another outlet",
            second_hand,
        )
    if n_attr >= 3 and (len(sources) <= 1 or top_share >= weights.single_source):
        name = sources[top_key].name if top_key in sources else "one source"
        flag(
            "single-source",
            f"{len(set(top_sentences))} of {n_attr} attributed sentences rest on {name}",
            top_sentences,
        )
    if denials:
        flag(
            "denial-present",
            f"{len(denials)} sentence(s) report a denial",
            [s.index for s in denials],
        )
    if total >= 5 and attributed_share < 0.2:
        flag(
            "mostly-unattributed",
            f"only {n_attr} of {total} sentences name any source",
            [s.index for s in sentences if s.label == Label.UNATTRIBUTED.value],
        )
    for name, indices in state_outlets.items():
        flag("state-affiliated-source", f"cites {name}, a state-affiliated outlet", indices)

    return {
        "sentences": total,
        "counts": {label: counts.get(label, 0) for label in LABELS},
        "shares": {
            label: round(counts.get(label, 0) / total, 3) if total else 0.0 for label in LABELS
        },
        "attributed_share": round(attributed_share, 3),
        "anonymous_share_of_attributed": round(anonymous_share, 3),
        "named_share_of_attributed": round(1 - anonymous_share, 3) if n_attr else 0.0,
        "denial_present": bool(denials),
        "distinct_sources": len(sources),
        "sources_by_kind": dict(by_kind),
        "sources": [hop.to_dict() for hop in sources.values()],
        "second_hand_share": round(second_hand_share, 3),
        "deepest_chain": [hop.to_dict() for hop in deepest_chain],
        "top_source": sources[top_key].name if top_key in sources else None,
        "top_source_share": round(top_share, 3),
        "state_affiliated_outlets": sorted(state_outlets),
        "score": score,
        "score_components": {k: round(v, 3) for k, v in components.items()},
        "flags": flags,
    }


def weights_dict(weights: ScoreWeights) -> dict[str, float]:
    """The weights as a plain dict, for the model card and reports."""
    return asdict(weights)
