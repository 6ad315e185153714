"""Fact-checking desk triage over a batch: a priority queue, stories and cross-article provenance.

`triage` scores a batch, then works over the whole of it:

1. each article gets a 0-100 priority from its profile (weights in `TriageConfig`, explained in
   docs/triage.md), the reasons behind it and its claims to check first;
2. near-duplicate articles (a wire story run by many outlets) are folded into the first of
   them, reported once as its copies, so links and the report stay linear in the batch;
3. the other articles are grouped into stories by the similarity of their base-encoder
   embeddings;
4. a chain hop naming an outlet whose article is in the batch is linked to that article's
   matching sentence, so the chain continues there: Washington Examiner → The Moscow Times
   article, sentence 4 → Kim Yong-hyun.

Steps 2 to 4 live in `scorer.provenance`; this module ranks and assembles the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from scorer.article import ATTRIBUTED, Article, FlagName, Hop, HopKind, Label, Profile, Sentence
from scorer.io import InputProblem
from scorer.measures import (
    is_second_hand,
    outlet_key,
    own_hops,
    publisher_keys,
    state_affiliated_outlets,
    via_outlets,
)
from scorer.outlets import OutletRegistry, default_registry
from scorer.pipeline import Scorer, ScoringConfig
from scorer.provenance import (
    Encoder,
    Link,
    build_graph,
    find_copies,
    find_links,
    group_stories,
    load_encoder,
    unit,
)
from scorer.triage_types import (
    ArticleTriage,
    Claim,
    Reason,
    Story,
    TriageConfig,
    TriageResult,
)

# A sentence that reports an accusation against a party; if the article never reports a denial,
# the desk should ask whether the accused party was asked.
_ACCUSATION = re.compile(
    r"\b(accus\w*|alleg\w*|claim(?:s|ed)?|blam(?:e|es|ed)|charg(?:ed|es)|"
    r"implicat\w*|responsible for|suspected of)\b",
    re.IGNORECASE,
)


# --- the queue ---------------------------------------------------------------------------------


@dataclass
class _Batch:
    """What ranking one article needs from the whole batch."""

    articles: dict[str, Article]
    links: dict[tuple[str, int, str], Link]
    registry: OutletRegistry
    config: TriageConfig


def _rest(n: int) -> str:
    return "rests" if n == 1 else "rest"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _via(sentence: Sentence, publisher: str | None, first: int = 0) -> list[str]:
    """The outlets a second-hand sentence came through (`via_outlets`): those of its chain
    `first` if that one is second-hand, else of its first second-hand chain; [] if first-hand."""
    order = sorted(range(len(sentence.chains)), key=lambda i: i != first)
    for i in order:
        via = via_outlets(sentence.chains[i], publisher)
        if via:
            return list(dict.fromkeys(h.name for h in via))
    return []


def _claims(article: Article, own: set[str], batch: _Batch) -> list[Claim]:
    """Attributed, non-denial sentences ranked anonymous > second-hand > single named."""
    config = batch.config
    claims = []
    for s in article.sentences:
        if s.label not in (Label.ANONYMOUS, Label.NAMED):
            continue
        chains = [own_hops(c, own, batch.registry) for c in s.chains] or [[]]
        anonymous = s.label == Label.ANONYMOUS
        main = _main_chain(chains, anonymous)
        chain = chains[main]
        outlets = _via(s, article.publisher, main)
        state = list(state_affiliated_outlets([s]))
        deepest = chain[-1] if chain else None
        if anonymous:
            risk = config.risk_anonymous + config.risk_anonymous_second_hand * bool(outlets)
        else:
            risk = config.risk_second_hand if outlets else config.risk_named
        risk += config.risk_state_affiliated * bool(state)
        anon_hop = next((h for c in chains for h in c if h.kind == HopKind.ANONYMOUS), None)
        if anonymous and anon_hop is not None:
            why = f"rests on an anonymous source ({anon_hop.descriptor or anon_hop.name})"
        elif anonymous:
            why = "labelled anonymous-source"
        elif outlets:
            why = f"rests on {deepest.name if deepest else 'a source'}, reported by another outlet"
        else:
            why = f"rests on a single named source{f', {deepest.name}' if deepest else ''}"
        if outlets:
            why += f"; second-hand through {', '.join(outlets)}"
        if state:
            why += f"; cites state-affiliated {', '.join(state)}"
        extended = _extend(article, s, chain, own, batch)
        for hop in extended:
            if hop.get("article"):
                why += f"; check it in {hop['article']} (sentence {hop['sentence']})"
                break
        claims.append(Claim(s.index, s.text, s.label or "", risk, why, extended))
    claims.sort(key=lambda c: (-c.risk, c.sentence))
    return claims[: config.max_claims]


def _main_chain(chains: list[list[Hop]], anonymous: bool) -> int:
    """The index of the chain that explains the label: one ending anonymous for an anonymous
    sentence, else the one passing through most outlets, else the longest (`chains` not empty)."""

    def rank(i: int) -> tuple[bool, int, int]:
        chain = chains[i]
        ends_anonymous = bool(chain) and chain[-1].kind == HopKind.ANONYMOUS
        return (
            ends_anonymous == anonymous,
            sum(h.kind == HopKind.OUTLET for h in chain),
            len(chain),
        )

    return max(range(len(chains)), key=rank)


def _extend(
    article: Article,
    sentence: Sentence,
    chain: list[Hop],
    own: set[str],
    batch: _Batch,
    depth: int = 0,
) -> list[dict[str, Any]]:
    """The chain, continued into linked batch articles: [publisher, outlet→article, source…]."""
    out: list[dict[str, Any]] = []
    head = article.publisher or article.credit
    if depth == 0 and head:
        out.append({"name": head, "kind": HopKind.OUTLET.value})
    for hop in chain:
        entry: dict[str, Any] = hop.to_dict()
        key = (article.id, sentence.index, outlet_key(hop.name, batch.registry) or "")
        link = batch.links.get(key)
        if hop.kind == HopKind.OUTLET and link is not None and depth < batch.config.max_link_depth:
            target = batch.articles[link.to_id]
            entry.update(article=target.id, sentence=link.target_sentence)
            out.append(entry)
            t_sentence = next(x for x in target.sentences if x.index == link.target_sentence)
            t_own = publisher_keys(target, batch.registry)
            t_chains = [own_hops(c, t_own, batch.registry) for c in t_sentence.chains] or [[]]
            t_chain = t_chains[_main_chain(t_chains, t_sentence.label == Label.ANONYMOUS)]
            out += _extend(target, t_sentence, t_chain, t_own, batch, depth + 1)
            return out
        out.append(entry)
    return out


def _prioritise(
    article: Article, own: set[str], story_denials: list[str], batch: _Batch
) -> tuple[float, list[Reason]]:
    config = batch.config
    profile = article.profile or Profile()
    attributed = [s for s in article.sentences if s.label in ATTRIBUTED]
    n_attr = len(attributed)
    reasons: list[Reason] = []

    anonymous = [s.index for s in attributed if s.label == Label.ANONYMOUS]
    if anonymous:
        reasons.append(
            Reason(
                "anonymous",
                f"{len(anonymous)} of {n_attr} attributed claims "
                f"{_rest(len(anonymous))} on anonymous sources",
                config.anonymous * len(anonymous) / n_attr,
                anonymous,
            )
        )

    second: list[int] = []
    outlets: dict[str, None] = {}
    for s in attributed:
        if is_second_hand(s, article.publisher):
            second.append(s.index)
            outlets.update(dict.fromkeys(_via(s, article.publisher)))
    if second:
        reasons.append(
            Reason(
                "second-hand",
                f"{len(second)} of {n_attr} attributed claims "
                f"{'comes' if len(second) == 1 else 'come'} second-hand through "
                f"another outlet ({', '.join(outlets)})",
                config.second_hand * len(second) / n_attr,
                second,
            )
        )
    core = next((s for s in attributed if s.label != Label.DENIAL), None)
    if core is not None and core.index in second:
        chains = [own_hops(c, own, batch.registry) for c in core.chains] or [[]]
        via = _via(core, article.publisher, _main_chain(chains, core.label == Label.ANONYMOUS))
        reasons.append(
            Reason(
                "core-second-hand",
                f"core claim second-hand through {_plural(len(via), 'outlet')} ({' → '.join(via)})",
                config.core_second_hand,
                [core.index],
            )
        )

    single = profile.flag(FlagName.SINGLE_SOURCE)
    if single is not None:
        reasons.append(
            Reason(
                "single-source",
                single.reason.replace("sentences", "claims"),
                config.single_source,
                list(single.sentences),
            )
        )

    accusations = [
        s.index for s in article.sentences if s.label != Label.DENIAL and _ACCUSATION.search(s.text)
    ]
    if accusations and not profile.denial_present:
        text = "the accused party's denial is not reported"
        if story_denials:
            named = ", ".join(story_denials[: config.max_denials_named])
            text += f" (other articles in this story report one: {named})"
        reasons.append(Reason("denial-missing", text, config.denial_missing, accusations))

    state = state_affiliated_outlets(article.sentences)
    for name, indices in list(state.items())[: config.max_state_outlets]:
        reasons.append(
            Reason(
                "state-affiliated",
                f"cites a state-affiliated outlet ({name})",
                config.state_affiliated,
                indices,
            )
        )

    unattributed = profile.flag(FlagName.MOSTLY_UNATTRIBUTED)
    if unattributed is not None:
        reasons.append(
            Reason(
                "unattributed",
                unattributed.reason,
                config.unattributed,
                unattributed.sentences[: config.max_reason_sentences],
            )
        )

    score = float(profile.score)
    if score < 100:
        reasons.append(
            Reason(
                "low-score",
                f"sourcing score {score:g}/100",
                config.low_score * (100 - score) / 100,
                [],
            )
        )
    for reason in reasons:
        reason.points = round(reason.points, 1)
    reasons = [r for r in reasons if r.points > 0]
    reasons.sort(key=lambda r: -r.points)
    return round(min(100.0, sum(r.points for r in reasons)), 1), reasons


# --- the whole batch ---------------------------------------------------------------------------


def _rank(
    article: Article, story_denials: list[str], batch: _Batch, copy_of: str | None = None
) -> ArticleTriage:
    """One article's priority, reasons and claims."""
    own = publisher_keys(article, batch.registry)
    claims = _claims(article, own, batch)
    priority, reasons = _prioritise(article, own, story_denials, batch)
    return ArticleTriage(article, priority, reasons, claims, copy_of=copy_of)


def triage_articles(
    articles: list[Article],
    *,
    config: TriageConfig | None = None,
    registry: OutletRegistry | None = None,
    encoder: Encoder | None = None,
    classifier: str = "",
    problems: Iterable[str] = (),
) -> TriageResult:
    """Rank scored articles, group them into stories and link their chains across the batch."""
    config = config or TriageConfig()
    registry = registry or default_registry()
    articles = [a for a in articles if a.sentences]
    encoder = encoder or load_encoder()
    texts = [s.text for a in articles for s in a.sentences]
    matrix = encoder.encode(texts)
    sentence_vectors: dict[str, np.ndarray] = {}
    doc_vectors = []
    start = 0
    for a in articles:
        rows = matrix[start : start + len(a.sentences)]
        start += len(a.sentences)
        sentence_vectors[a.id] = rows
        lede = unit(rows[: config.lede_sentences].mean(axis=0))
        body = unit(rows.mean(axis=0))
        doc_vectors.append(unit(config.lede_weight * lede + (1 - config.lede_weight) * body))
    vectors = np.vstack(doc_vectors) if doc_vectors else np.zeros((0, 384), np.float32)
    # near-duplicates are ranked but neither grouped nor linked: n copies citing each other's
    # outlets would otherwise make n² links
    copies = find_copies(articles, vectors, config.duplicate_threshold)
    copy_set = {i for ids in copies.values() for i in ids}
    originals = [i for i in range(len(articles)) if i not in copy_set]
    groups = [
        [originals[k] for k in g] for g in group_stories(vectors[originals], config.story_threshold)
    ]

    linked = [articles[i] for i in originals]
    links = find_links(linked, sentence_vectors, registry, config.link_threshold)
    by_hop = {(k.from_id, k.sentence, outlet_key(k.via, registry) or ""): k for k in links}
    batch = _Batch({a.id: a for a in linked}, by_hop, registry, config)

    items: list[ArticleTriage] = []
    stories: list[Story] = []
    for group in groups:
        members = [articles[i] for i in group]
        copied = {articles[i].id: [articles[c] for c in copies.get(i, [])] for i in group}
        denials: dict[str, None] = {}
        for a in members + [c for cs in copied.values() for c in cs]:
            for s in a.sentences:
                if s.label == Label.DENIAL:
                    own = publisher_keys(a, registry)
                    ends = [own_hops(c, own, registry) for c in s.chains]
                    denials.update({c[-1].name: None for c in ends if c})
        story_items = []
        copy_items = []
        for a in members:
            story_items.append(_rank(a, list(denials), batch))
            for c in copied[a.id]:
                copy_items.append(_rank(c, list(denials), batch, copy_of=a.id))
        story_items.sort(key=lambda t: (-t.priority, t.id))
        lead = story_items[0].article
        title = lead.title or (lead.sentences[0].text if lead.sentences else lead.id)
        graph = build_graph(members, by_hop, registry)
        title = title[: config.story_title_chars]
        ids = [t.id for t in story_items]
        story = Story(
            "", title, ids, graph, {i: [c.id for c in copied[i]] for i in ids if copied[i]}
        )
        stories.append(story)
        items += story_items + copy_items
    story_of = {a: k for k, story in enumerate(stories) for a in story.members()}
    urgency = [0.0] * len(stories)
    for t in items:
        urgency[story_of[t.id]] = max(urgency[story_of[t.id]], t.priority)
    order = sorted(range(len(stories)), key=lambda k: -urgency[k])
    position = {k: number for number, k in enumerate(order)}
    stories = [stories[k] for k in order]
    for number, story in enumerate(stories, start=1):
        story.id = f"story-{number}"
    for t in items:
        t.story = stories[position[story_of[t.id]]].id
    items.sort(key=lambda t: (-t.priority, t.id))
    return TriageResult(items, stories, links, list(problems), classifier, config)


def triage(
    *,
    paths: list[str],
    config: TriageConfig | None = None,
    scoring: ScoringConfig | None = None,
    stdin: Any = None,
    report: Callable[[str], None] | None = None,
    scorer: Scorer | None = None,
    encoder: Encoder | None = None,
) -> TriageResult:
    """Score every input, then rank, group and link the batch.

    Args:
        paths: files, directories or "-" (the inputs of `scorer score`).
        config: triage weights and thresholds.
        scoring: scoring settings (classifier, publisher, outlets CSV…).
        stdin: stream read for "-".
        report: called with each problem line as it happens.
        scorer: a loaded `Scorer` to reuse; `scoring` is then ignored.
        encoder: a loaded `Encoder` to reuse.

    Returns:
        The `TriageResult`; `result.over(60)` lists the articles a desk must see.

    Example:
        >>> result = triage(paths=["batch.jsonl"],
        ...                 scoring=ScoringConfig(classifier="rules"))  # doctest: +SKIP
        >>> result.articles[0].reasons[0].text  # doctest: +SKIP
        '7 of 12 attributed claims rest on anonymous sources'
    """
    scorer = scorer or Scorer(scoring or ScoringConfig())
    articles: list[Article] = []
    problems: list[str] = []
    for item in scorer.score_paths(paths, stdin=stdin):
        if isinstance(item, InputProblem):
            line = item.line()
            problems.append(line)
            if report is not None:
                report(line)
            continue
        articles.append(item)
    seen: dict[str, int] = {}
    for a in articles:  # ids key the links and the report's anchors: keep them unique
        seen[a.id] = seen.get(a.id, 0) + 1
        if seen[a.id] > 1:
            a.id = f"{a.id}#{seen[a.id]}"
    return triage_articles(
        articles,
        config=config,
        registry=scorer.registry,
        encoder=encoder,
        classifier=scorer.classifier.name,
        problems=problems,
    )
