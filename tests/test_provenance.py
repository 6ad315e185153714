"""Cross-article provenance on the project's own small articles: stories, links, the graph."""

from __future__ import annotations

import numpy as np

from scorer.measures import outlet_key, own_hops, publisher_keys
from scorer.outlets import default_registry
from scorer.provenance import build_graph, find_links, group_stories

COURIER = (
    "Dock workers at the port of Calder walked out on Tuesday, two of them told the Calder "
    "Courier.\n\nThe strike closed the container terminal for the day."
)
CITING = (
    "The strike at Calder closed the terminal, the Calder Courier reported, citing two dock "
    "workers.\n\nPort officials did not respond to a request for comment."
)


def _articles(rules_scorer):
    source = rules_scorer.score_text(COURIER, id="courier", publisher="Calder Courier")
    citing = rules_scorer.score_text(CITING, id="citing", publisher="Harbour Times")
    return source, citing


def _vectors(articles, similar: bool) -> dict[str, np.ndarray]:
    """One-hot sentence vectors: the citing lede is the courier's lede, or orthogonal to all."""
    vectors = {}
    for n, article in enumerate(articles):
        rows = np.zeros((len(article.sentences), 16), dtype=np.float32)
        for i in range(len(article.sentences)):
            rows[i, 8 * n + i] = 1.0
        vectors[article.id] = rows
    if similar:
        vectors["citing"][0] = vectors["courier"][0]
    return vectors


def test_a_hop_naming_an_outlet_in_the_batch_links_to_its_matching_sentence(rules_scorer):
    articles = _articles(rules_scorer)
    links = find_links(list(articles), _vectors(articles, True), default_registry(), 0.6)
    assert [(k.from_id, k.to_id, k.sentence, k.target_sentence) for k in links] == [
        ("citing", "courier", 0, 0)
    ]
    assert links[0].similarity == 1.0


def test_no_link_when_no_sentence_of_the_outlet_matches(rules_scorer):
    articles = _articles(rules_scorer)
    assert find_links(list(articles), _vectors(articles, False), default_registry(), 0.6) == []


def test_the_graph_continues_through_the_link(rules_scorer):
    articles = list(_articles(rules_scorer))
    registry = default_registry()
    links = find_links(articles, _vectors(articles, True), registry, 0.6)
    by_hop = {(k.from_id, k.sentence, outlet_key(k.via, registry) or ""): k for k in links}
    graph = build_graph(articles, by_hop, registry)
    kinds = {(e["from"], e["to"], e["kind"]) for e in graph["edges"]}
    assert ("a:citing", "a:courier", "link") in kinds
    assert {n["id"] for n in graph["nodes"]} >= {"a:citing", "a:courier"}


def test_stories_group_similar_vectors_and_keep_outliers_apart():
    a, b, c = np.eye(3, dtype=np.float32)
    near_a = (a + 0.2 * b) / np.linalg.norm(a + 0.2 * b)
    groups = group_stories(np.stack([a, c, near_a, b]), threshold=0.8)
    assert sorted(groups) == [[0, 2], [1], [3]]


def test_own_hops_drop_the_publisher_and_the_credit(rules_scorer):
    text = "Fuente: Kyiv Independent\nThe strike closed the port, the Calder Courier reported."
    article = rules_scorer.score_text(text, publisher="Harbour Times")
    registry = default_registry()
    own = publisher_keys(article, registry)
    assert own == {"harbour times", "kyiv independent"}
    chain = next(s.chains[0] for s in article.sentences if s.chains)
    assert [h.name for h in chain][:2] == ["Harbour Times", "The Kyiv Independent"]
    assert [h.name for h in own_hops(chain, own, registry)] == ["Calder Courier"]
