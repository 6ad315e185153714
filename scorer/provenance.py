"""Cross-article provenance: embeddings, stories, and chain hops that continue in the batch.

The parts of triage that work across articles rather than on one:

- `Encoder`: the base encoder (all-MiniLM-L6-v2 from its package), loaded offline once;
- `find_copies`: near-duplicate articles (a wire story run by many outlets), reported once
  under the first of them, so that links and the report grow with the distinct articles;
- `group_stories`: articles grouped by the similarity of their embeddings;
- `find_links`: a chain hop naming an outlet whose article is in the batch, linked to that
  article's matching sentence (Washington Examiner → The Moscow Times article, sentence 4);
- `build_graph`: a story's sources and hops as nodes and edges, for the report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from scorer.article import ATTRIBUTED, Article, Hop, HopKind, Sentence
from scorer.measures import outlet_key, own_hops, publisher_keys
from scorer.names import name_key
from scorer.outlets import OutletRegistry

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    "the a an of and or to in on at for by with from that this is are was were be been it its "
    "as he she they we his her their our said says say told would could will has have had not "
    "but if so than which who what".split()
)


@dataclass
class Link:
    """A chain hop that continues into another article of the batch."""

    from_id: str
    to_id: str
    via: str
    sentence: int
    target_sentence: int
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.from_id,
            "to": self.to_id,
            "via": self.via,
            "sentence": self.sentence,
            "target_sentence": self.target_sentence,
            "similarity": round(self.similarity, 3),
        }


# --- embeddings --------------------------------------------------------------------------------


class Encoder:
    """The base encoder (all-MiniLM-L6-v2 from the installed package), loaded offline, once."""

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a CLI run should print the queue, not load bars

        from scorer.classifiers.transformer import base_model_dir

        self.model = SentenceTransformer(str(base_model_dir()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(
            self.model.encode(
                list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
            ),
            dtype=np.float32,
        )


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The process-wide encoder."""
    return Encoder()


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


# --- near-duplicates ---------------------------------------------------------------------------

# Only pairs of articles whose embeddings are at least this close have their texts compared: a
# cheap filter, far below what any near-duplicate reaches.
COPY_PREFILTER = 0.9


def shingles(article: Article, size: int = 3) -> frozenset[tuple[str, ...]]:
    """The article's word `size`-grams (casefolded), across sentence boundaries."""
    words = [w.casefold() for s in article.sentences for w in _WORD.findall(s.text)]
    if len(words) < size:
        return frozenset({tuple(words)})
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def find_copies(
    articles: Sequence[Article], vectors: np.ndarray, threshold: float
) -> dict[int, list[int]]:
    """Near-duplicate articles: each original's index → the indices of its copies.

    An article is a copy of the first earlier original whose word-trigram Jaccard similarity
    with it is at least `threshold` (only originals whose embedding is within
    `COPY_PREFILTER` are compared). Every article is compared with the originals only, never
    with other copies, so a chain of small edits cannot drift away from its original.

    Example:
        >>> find_copies([], np.zeros((0, 384)), 0.8)
        {}
    """
    originals: list[int] = []
    copies: dict[int, list[int]] = {}
    grams: dict[int, frozenset[tuple[str, ...]]] = {}
    for i in range(len(articles)):
        found = None
        if originals:
            close = vectors[originals] @ vectors[i] >= COPY_PREFILTER
            mine = shingles(articles[i])
            for k in (o for o, near in zip(originals, close) if near):
                theirs = grams.setdefault(k, shingles(articles[k]))
                shared = len(mine & theirs)
                if shared >= threshold * (len(mine) + len(theirs) - shared):
                    found = k
                    break
        if found is None:
            originals.append(i)
        else:
            copies.setdefault(found, []).append(i)
    return copies


# --- stories -----------------------------------------------------------------------------------


def group_stories(vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative grouping of unit vectors; merges while cosine ≥ threshold."""
    groups = [[i] for i in range(len(vectors))]
    sims = vectors @ vectors.T if len(vectors) else np.zeros((0, 0))
    while len(groups) > 1:
        best, pair = threshold, None
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                value = float(sims[np.ix_(groups[i], groups[j])].mean())
                if value >= best:
                    best, pair = value, (i, j)
        if pair is None:
            break
        i, j = pair
        groups[i] = sorted(groups[i] + groups.pop(j))
    return groups


def _node_id(hop: Hop) -> str:
    name = hop.descriptor or hop.name if hop.kind == HopKind.ANONYMOUS else hop.name
    return f"s:{name_key(name)}"


def build_graph(
    articles: list[Article], links: dict[tuple[str, int, str], Link], registry: OutletRegistry
) -> dict[str, list[dict[str, Any]]]:
    """Nodes (articles and sources) and edges (chain hops and cross-article links) of a story."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    ids = {a.id for a in articles}
    for a in articles:
        label = a.publisher or (f"credit: {a.credit}" if a.credit else a.id)
        nodes[f"a:{a.id}"] = {"id": f"a:{a.id}", "label": label, "kind": "article", "article": a.id}

    def edge(src: str, dst: str, kind: str, article: Article, index: int, **extra: Any) -> None:
        entry = edges.setdefault(
            (src, dst, kind),
            {"from": src, "to": dst, "kind": kind, "article": article.id, "sentences": [], **extra},
        )
        if index not in entry["sentences"]:
            entry["sentences"].append(index)

    for a in articles:
        own = publisher_keys(a, registry)
        for s in a.sentences:
            if s.label not in ATTRIBUTED:
                continue
            for chain in s.chains:
                prev = f"a:{a.id}"
                for hop in own_hops(chain, own, registry):
                    link = links.get((a.id, s.index, outlet_key(hop.name, registry) or ""))
                    if hop.kind == HopKind.OUTLET and link is not None and link.to_id in ids:
                        edge(
                            prev,
                            f"a:{link.to_id}",
                            "link",
                            a,
                            s.index,
                            via=hop.name,
                            target_sentence=link.target_sentence,
                        )
                        break
                    node = _node_id(hop)
                    nodes.setdefault(
                        node,
                        {
                            "id": node,
                            "label": hop.descriptor or hop.name,
                            "kind": hop.kind,
                            "state_affiliated": hop.state_affiliated,
                        },
                    )
                    edge(prev, node, "hop", a, s.index)
                    prev = node
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


# --- links -------------------------------------------------------------------------------------


def _quote_tokens(text: str) -> set[str]:
    return {w.casefold() for q in _QUOTE.findall(text) for w in _WORD.findall(q)} - _STOP


def _tokens(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


def find_links(
    articles: list[Article],
    sentence_vectors: dict[str, np.ndarray],
    registry: OutletRegistry,
    threshold: float,
) -> list[Link]:
    """Chain hops naming an outlet whose article is in the batch, confirmed by similarity."""
    by_key: dict[str, list[Article]] = {}
    for a in articles:
        for key in publisher_keys(a, registry):
            by_key.setdefault(key, []).append(a)
    found: dict[tuple[str, int, str], Link] = {}
    for a in articles:
        own = publisher_keys(a, registry)
        vectors = sentence_vectors[a.id]
        for s in a.sentences:
            for chain in s.chains:
                for hop in own_hops(chain, own, registry):
                    key = outlet_key(hop.name, registry)
                    if hop.kind != HopKind.OUTLET or not key:
                        continue
                    for target in by_key.get(key, []):
                        if target.id == a.id or (a.id, s.index, target.id) in found:
                            continue
                        best = _best_match(a, s, vectors, target, sentence_vectors[target.id])
                        if best is not None and best[1] >= threshold:
                            found[(a.id, s.index, target.id)] = Link(
                                a.id, target.id, hop.name, s.index, best[0], best[1]
                            )
    return sorted(found.values(), key=lambda k: (k.from_id, k.sentence, k.to_id))


def _best_match(
    article: Article,
    sentence: Sentence,
    vectors: np.ndarray,
    target: Article,
    target_vectors: np.ndarray,
) -> tuple[int, float] | None:
    """The target sentence most like the citing sentence (alone or with its neighbours)."""
    if not len(target_vectors):
        return None
    i = sentence.index
    window = unit(vectors[max(0, i - 1) : i + 2].mean(axis=0))
    cosine = np.maximum(target_vectors @ vectors[i], target_vectors @ window)
    quote = _quote_tokens(sentence.text)
    best_index, best = int(np.argmax(cosine)), float(cosine.max())
    if len(quote) >= 4:
        for t in target.sentences:
            overlap = len(quote & _tokens(t.text)) / len(quote)
            if overlap > best:
                best_index, best = t.index, overlap
    return best_index, best
