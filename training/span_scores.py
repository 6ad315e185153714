"""Span scores: exact, overlap and token F1 of predicted SOURCE / CUE / CONTENT spans.

Kept apart from `training.spans` (which builds the rows with the project's spaCy pipeline) so
that scoring needs nothing beyond the standard library: `training.joint` scores spans on a
training machine that has torch but not spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class TypedSpan(NamedTuple):
    """A span of one type in one document; `start`/`end` are token indices, end exclusive."""

    doc: object
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class PRF:
    """Matched predictions and gold spans (or tokens) out of all, and what they give."""

    matched_pred: float
    pred: int
    matched_gold: float
    gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class SpanScores:
    """Span scores of one type: `exact`, `overlap` (partial match) and `tokens` (proportional)."""

    kind: str
    exact: PRF
    overlap: PRF
    tokens: PRF


def span_f1(
    gold_spans: Iterable[TypedSpan], pred_spans: Iterable[TypedSpan]
) -> dict[str, SpanScores]:
    """Precision, recall and F1 of predicted spans per span type, three ways.

    Spans are sets: a span listed twice counts once. Within each document and type:

    - exact: a prediction is correct when a gold span has the same start and end.
    - overlap ("partial match", as PARC and CofeNet-style evaluations report it): predictions
      and gold spans are paired one-to-one, greedily, largest token overlap first (ties: text
      order); a pair needs at least one shared token. P = pairs / predictions,
      R = pairs / gold spans. A second prediction on the same gold span is a false positive.
    - tokens (proportional, Johansson & Moschitti 2010): over the same pairs, P = shared
      tokens / predicted tokens, R = shared tokens / gold tokens.

    Example:
        >>> gold = [TypedSpan("d", "SOURCE", 0, 2)]
        >>> pred = [TypedSpan("d", "SOURCE", 1, 2), TypedSpan("d", "SOURCE", 5, 6)]
        >>> s = span_f1(gold, pred)["SOURCE"]
        >>> s.exact.f1, s.overlap.precision, s.overlap.recall, s.tokens.recall
        (0.0, 0.5, 1.0, 0.5)
    """
    gold, pred = set(gold_spans), set(pred_spans)
    out = {}
    for kind in sorted({s.kind for s in gold | pred}):
        g = {s for s in gold if s.kind == kind}
        p = {s for s in pred if s.kind == kind}
        exact = len(g & p)
        pairs = _greedy_pairs(g, p)
        shared = sum(_overlap(a, b) for a, b in pairs)
        out[kind] = SpanScores(
            kind,
            exact=PRF(exact, len(p), exact, len(g)),
            overlap=PRF(len(pairs), len(p), len(pairs), len(g)),
            tokens=PRF(shared, _tokens(p), shared, _tokens(g)),
        )
    return out


def _tokens(spans: set[TypedSpan]) -> int:
    return sum(s.end - s.start for s in spans)


def _overlap(a: TypedSpan, b: TypedSpan) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _greedy_pairs(gold: set[TypedSpan], pred: set[TypedSpan]) -> list[tuple[TypedSpan, TypedSpan]]:
    candidates = sorted(
        ((g, p) for g in gold for p in pred if g.doc == p.doc and _overlap(g, p) > 0),
        key=lambda gp: (-_overlap(*gp), gp[0].start, gp[1].start),
    )
    used_gold: set[TypedSpan] = set()
    used_pred: set[TypedSpan] = set()
    pairs = []
    for g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def format_table(scores: dict[str, SpanScores]) -> str:
    """A plain-text table: one line per span type and way of matching."""
    lines = [f"{'type':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for kind, s in scores.items():
        for name, prf in (("exact", s.exact), ("overlap", s.overlap), ("tokens", s.tokens)):
            numbers = f"{prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}"
            lines.append(f"{kind:8} {name:8} {numbers} {prf.gold:6d} {prf.pred:6d}")
    return "\n".join(lines)
