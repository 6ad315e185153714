"""The triage result as one self-contained HTML page (`scorer triage --format html`).

Inline CSS, inline SVG for each story's provenance graph, no scripts, no external assets; every
piece of article text is escaped. Near-duplicate copies are folded into the row of the article
they copy. The helpers that fold copies are shared with the terminal table (`scorer.report`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from scorer.article import HopKind, Label
from scorer.provenance import Link
from scorer.render import LABEL_SHORT, chain_text
from scorer.triage_types import ArticleTriage, Story, TriageResult


def publisher_line(item: ArticleTriage) -> str:
    a = item.article
    if a.publisher and a.credit:
        return f"{a.publisher} (credit: {a.credit})"
    return a.publisher or (f"credit: {a.credit}" if a.credit else "")


def copies_by_original(result: TriageResult) -> dict[str, list[ArticleTriage]]:
    """Each original's near-duplicate copies (the articles with `copy_of`), in queue order."""
    out: dict[str, list[ArticleTriage]] = {}
    for item in result.articles:
        if item.copy_of is not None:
            out.setdefault(item.copy_of, []).append(item)
    return out


def copies_note(copies: list[ArticleTriage]) -> str:
    """`+2 near-duplicate copies (priority 40–52)`."""
    if not copies:
        return ""
    low, high = min(c.priority for c in copies), max(c.priority for c in copies)
    span = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return f"+{len(copies)} near-duplicate {copy_noun(len(copies))} (priority {span})"


def copy_noun(n: int) -> str:
    return "copy" if n == 1 else "copies"


LABEL_COLOUR = {
    Label.NAMED.value: "#e2f0d9",
    Label.ANONYMOUS.value: "#fff2cc",
    Label.DENIAL.value: "#ecdcf7",
    Label.UNATTRIBUTED.value: "#f3f3f3",
}
NODE_COLOUR = {  # graph nodes: the batch's articles, and hops by kind
    "article": "#1f4e79",
    HopKind.OUTLET.value: "#d9d9d9",
    HopKind.PERSON.value: "#c6e0b4",
    HopKind.ORGANIZATION.value: "#c6e0b4",
    HopKind.DOCUMENT.value: "#bdd7ee",
    HopKind.ANONYMOUS.value: "#ffe699",
}
STATE_COLOUR = "#f4b183"
# one colour per citing article, so a desk can follow one article's chains through the graph
EDGE_COLOURS = (
    "#4472c4",
    "#70ad47",
    "#7f6000",
    "#7030a0",
    "#00b0f0",
    "#808080",
    "#ed7d31",
    "#375623",
)

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;
background:#fafafa}
main{max-width:1240px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #1f4e79}
h3{font-size:15px;margin:18px 0 6px}
table.queue{border-collapse:collapse;width:100%;background:#fff}
.queue th,.queue td{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
.queue th{background:#1f4e79;color:#fff}
.queue td:nth-child(4){white-space:nowrap}
.prio{font-weight:700;font-size:16px;white-space:nowrap}
.bar{height:6px;background:#eee;border-radius:3px;margin-top:4px;width:70px}
.bar span{display:block;height:6px;border-radius:3px;background:#c00000}
ul.reasons{margin:0;padding-left:18px}.muted{color:#777;font-size:12px}
.claim{margin:2px 0}.why{color:#555;font-size:12px}
.graph{background:#fff;border:1px solid #ddd;overflow-x:auto;padding:6px}
.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px;
border:1px solid #999}
.article{background:#fff;border:1px solid #ddd;padding:8px 14px;margin:14px 0}
.s{padding:4px 8px;margin:2px 0;border-radius:3px}
.s .i{color:#777;font-size:12px;margin-right:6px}
.tag{font-size:11px;font-weight:700;margin-right:6px;color:#444}
.chain{font-size:12px;color:#333;margin-left:22px}
.flag{border-left:4px solid #c00000}
.note{font-size:12px;margin-left:22px;color:#7a0000}
"""


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _anchors(result: TriageResult) -> dict[str, str]:
    """Each article's anchor: the originals numbered in queue order, a copy its original's."""
    shown = [item for item in result.articles if item.copy_of is None]
    anchors = {item.id: f"article-{rank}" for rank, item in enumerate(shown, start=1)}
    for item in result.articles:
        if item.copy_of is not None:
            anchors[item.id] = anchors[item.copy_of]
    return anchors


@dataclass
class _Page:
    """What every part of the page looks up, indexed once so the page stays linear."""

    anchors: dict[str, str]
    copies: dict[str, list[ArticleTriage]]
    outgoing: dict[tuple[str, int], Link] = field(default_factory=dict)
    incoming: dict[tuple[str, int], list[Link]] = field(default_factory=dict)
    by_story: dict[str, list[Link]] = field(default_factory=dict)


def _page(result: TriageResult) -> _Page:
    page = _Page(_anchors(result), copies_by_original(result))
    story_of = {a: story.id for story in result.stories for a in story.articles}
    for k in result.links:
        page.outgoing[(k.from_id, k.sentence)] = k
        page.incoming.setdefault((k.to_id, k.target_sentence), []).append(k)
        if k.from_id in story_of:
            page.by_story.setdefault(story_of[k.from_id], []).append(k)
    return page


def html_report(result: TriageResult) -> str:
    """The whole report as one HTML page: queue, stories with their graphs, articles."""
    page = _page(result)
    n_copies = sum(len(copies) for copies in page.copies.values())
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>scorer triage</title>",
        f"<style>{CSS}</style></head><body><main>",
        "<h1>Fact-checking triage</h1>",
        f'<p class="muted">{len(result.articles)} article(s)'
        + (
            f" ({n_copies} near-duplicate {copy_noun(n_copies)}, each shown once under the "
            "article it copies)"
            if n_copies
            else ""
        )
        + f", {len(result.stories)} "
        f"story(ies), {len(result.links)} cross-article link(s); classifier: "
        f"{_e(result.classifier or 'unknown')}. Priority 0–100: higher means check first.</p>",
    ]
    parts.append(_queue(result, page))
    parts.append('<h2 id="stories">Stories and provenance</h2>')
    parts.append(_legend())
    for story in result.stories:
        parts.append(_story(story, page))
    parts.append('<h2 id="articles">Articles</h2>')
    for item in result.articles:
        if item.copy_of is None:
            parts.append(_article(item, page))
    if result.problems:
        parts.append(
            "<h2>Problems</h2><ul>"
            + "".join(f"<li>{_e(p)}</li>" for p in result.problems)
            + "</ul>"
        )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _queue(result: TriageResult, page: _Page) -> str:
    anchors = page.anchors
    rows = [
        '<h2 id="queue">Queue</h2>',
        '<table class="queue" id="queue-table">',
        "<thead><tr><th>#</th><th>priority</th><th>article</th><th>story</th>"
        "<th>reasons</th><th>check first</th></tr></thead><tbody>",
    ]
    shown = [item for item in result.articles if item.copy_of is None]
    for rank, item in enumerate(shown, start=1):
        note = copies_note(page.copies.get(item.id, []))
        reasons = "".join(
            f"<li>{_e(r.text)} <span class='muted'>+{r.points:g}</span></li>" for r in item.reasons
        )
        claims = "".join(
            f'<div class="claim"><a href="#{anchors[item.id]}-s{c.sentence}">[{c.sentence}]</a> '
            f'{_e(_short(c.text, 140))}<div class="why">{_e(c.why)}</div></div>'
            for c in item.claims[:2]
        )
        width = max(0.0, min(100.0, item.priority))
        rows.append(
            f'<tr class="queue-row" data-priority="{item.priority:g}"><td>{rank}</td>'
            f'<td><span class="prio">{item.priority:g}</span>'
            f'<div class="bar"><span style="width:{width:.0f}%"></span></div></td>'
            f'<td><a href="#{anchors[item.id]}">{_e(item.id)}</a><br>'
            f'<span class="muted">{_e(publisher_line(item) or "publisher unknown")}</span>'
            + (f'<br><span class="muted">{_e(note)}</span>' if note else "")
            + "</td>"
            f'<td><a href="#{_e(item.story)}">{_e(item.story)}</a></td>'
            f'<td><ul class="reasons">{reasons}</ul></td><td>{claims}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _legend() -> str:
    items = [
        ("article in the batch", NODE_COLOUR["article"]),
        ("outlet", NODE_COLOUR[HopKind.OUTLET.value]),
        ("state-affiliated outlet", STATE_COLOUR),
        ("named source", NODE_COLOUR[HopKind.PERSON.value]),
        ("document", NODE_COLOUR[HopKind.DOCUMENT.value]),
        ("anonymous source", NODE_COLOUR[HopKind.ANONYMOUS.value]),
    ]
    spans = "".join(f'<span><i style="background:{c}"></i>{_e(t)}</span>' for t, c in items)
    spans += (
        '<span><i style="background:#c00000"></i>chain continues into another '
        "article (dashed)</span>"
    )
    return f'<p class="legend">{spans}</p>'


def _story(story: Story, page: _Page) -> str:
    anchors = page.anchors
    links = page.by_story.get(story.id, [])
    items = "".join(
        f'<li><a href="#{anchors[k.from_id]}-s{k.sentence}">{_e(k.from_id)} [{k.sentence}]</a> '
        f'cites {_e(k.via)} → <a href="#{anchors[k.to_id]}-s{k.target_sentence}">'
        f"{_e(k.to_id)} [{k.target_sentence}]</a> <span class='muted'>similarity "
        f"{k.similarity:.2f}</span></li>"
        for k in links
    )
    members = ", ".join(f'<a href="#{anchors[i]}">{_e(i)}</a>' for i in story.articles)
    copies = "".join(
        f"<p class='muted'>near-duplicate {copy_noun(len(ids))} of "
        f'<a href="#{anchors[original]}">{_e(original)}</a>: {_e(", ".join(ids))}</p>'
        for original, ids in story.copies.items()
    )
    return (
        f'<section class="story" id="{_e(story.id)}"><h3>{_e(story.id)}: '
        f"{_e(_short(story.title, 140))}</h3><p class='muted'>{members}</p>{copies}"
        f'<div class="graph">{svg_graph(story)}</div>'
        + (
            f"<ul>{items}</ul>"
            if items
            else "<p class='muted'>No chain in this story "
            "continues into another article of the batch.</p>"
        )
        + "</section>"
    )


def _layers(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, int]:
    """Columns: longest path from the articles; sources that cite nobody go to the last one."""
    layer = {n["id"]: 0 for n in nodes}
    for _ in range(len(nodes)):  # at most n passes: a cycle stops growing after that
        changed = False
        for e in edges:
            if e["from"] != e["to"] and layer[e["to"]] < layer[e["from"]] + 1 <= len(nodes):
                layer[e["to"]] = layer[e["from"]] + 1
                changed = True
        if not changed:
            break
    has_out = {e["from"] for e in edges}
    last = max(layer.values(), default=0)
    for n in nodes:
        if n["kind"] != "article" and n["id"] not in has_out:
            layer[n["id"]] = last
    return layer


def svg_graph(story: Story) -> str:
    """The story's provenance graph as inline SVG: articles left, deepest sources right."""
    nodes, edges = story.graph.get("nodes", []), story.graph.get("edges", [])
    if not nodes:
        return ""
    layer = _layers(nodes, edges)
    columns: dict[int, list[dict[str, Any]]] = {}
    order = {aid: k for k, aid in enumerate(story.articles)}
    for n in sorted(nodes, key=lambda n: order.get(n.get("article", ""), len(order))):
        columns.setdefault(layer[n["id"]], []).append(n)
    row_h, col_w, box_w, box_h, pad = 26, 300, 230, 20, 12
    pos: dict[str, tuple[float, float]] = {}
    for col in sorted(columns):
        members = columns[col]
        if col > 0:  # order a column by where its parents sit, which keeps edges short
            parents: dict[str, list[float]] = {}
            for e in edges:
                if e["from"] in pos:
                    parents.setdefault(e["to"], []).append(pos[e["from"]][1])
            members.sort(
                key=lambda n: sum(parents.get(n["id"], [0])) / len(parents.get(n["id"], [0]))
            )
        for k, n in enumerate(members):
            pos[n["id"]] = (pad + col * col_w, pad + k * row_h)
    width = pad * 2 + (max(columns) + 1) * col_w - (col_w - box_w)
    height = pad * 2 + max(len(c) for c in columns.values()) * row_h
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="provenance" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="provenance graph of {_e(story.id)}">',
        '<defs><marker id="arrow-' + _e(story.id) + '" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#c00000"/></marker></defs>',
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        x1, y1, y2 = x1 + box_w, y1 + box_h / 2, y2 + box_h / 2
        bend = max(40.0, abs(x2 - x1) / 2)
        path = (
            f"M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} "
            f"{x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        )
        sentences = ", ".join(map(str, e["sentences"]))
        if e["kind"] == "link":
            tip = (
                f"{e['article']} sentence {sentences} cites {e.get('via', '')}: the chain "
                f"continues in this article (sentence {e.get('target_sentence')})"
            )
            out.append(
                f'<path class="edge link" d="{path}" fill="none" stroke="#c00000" '
                f'stroke-width="2.5" stroke-dasharray="6 3" '
                f'marker-end="url(#arrow-{_e(story.id)})"><title>{_e(tip)}</title></path>'
            )
        else:
            tip = f"{e['article']}, sentence(s) {sentences}"
            w = min(4.0, 0.8 + 0.4 * len(e["sentences"]))
            ink = EDGE_COLOURS[order.get(e["article"], 0) % len(EDGE_COLOURS)]
            out.append(
                f'<path class="edge hop" d="{path}" fill="none" stroke="{ink}" '
                f'stroke-opacity="0.7" stroke-width="{w:.1f}"><title>{_e(tip)}</title>'
                "</path>"
            )
    for n in nodes:
        x, y = pos[n["id"]]
        fill = STATE_COLOUR if n.get("state_affiliated") else NODE_COLOUR.get(n["kind"], "#eee")
        ink = "#fff" if n["kind"] == "article" else "#111"
        label = n["label"]
        if n["kind"] == "article":
            rank = order.get(n["article"])
            label = f"{'#' + str(rank + 1) + ' ' if rank is not None else ''}{label}"
        out.append(
            f'<g class="node {_e(n["kind"])}"><title>{_e(label)} ({_e(n["kind"])})'
            f'</title><rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="4" '
            f'fill="{fill}" stroke="#555" stroke-width="0.6"/>'
            f'<text x="{x + 6}" y="{y + 14}" font-size="11" fill="{ink}" '
            f'font-family="system-ui,sans-serif">{_e(_short(label, 38))}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _article(item: ArticleTriage, page: _Page) -> str:
    anchors = page.anchors
    a, anchor = item.article, anchors[item.id]
    copies = page.copies.get(item.id, [])
    flagged = {c.sentence: c for c in item.claims}
    score, counts = (a.profile.score, a.profile.counts) if a.profile else ("?", {})
    head = (
        f'<section class="article" id="{anchor}"><h3>#{anchor.removeprefix("article-")} '
        f"{_e(item.id)} — {_e(publisher_line(item) or 'publisher unknown')}</h3>"
        f'<p class="muted">priority <b>{item.priority:g}</b> · sourcing score '
        f"{_e(score)}/100 · {_e(item.story)} · "
        + " · ".join(f"{_e(k)} {_e(v)}" for k, v in counts.items())
        + "</p>"
        + (
            f'<p class="muted">{_e(copies_note(copies))}: '
            + ", ".join(f"{_e(c.id)} ({c.priority:g})" for c in copies)
            + "</p>"
            if copies
            else ""
        )
    )
    rows = [
        head,
        '<ul class="reasons">' + "".join(f"<li>{_e(r.text)}</li>" for r in item.reasons) + "</ul>",
    ]
    for s in a.sentences:
        label = s.label or Label.UNATTRIBUTED.value
        css = "s flag" if s.index in flagged else "s"
        line = (
            f'<div class="{css}" id="{anchor}-s{s.index}" '
            f'style="background:{LABEL_COLOUR.get(label, "#fff")}" data-label="{_e(label)}">'
            f'<span class="i">{s.index}</span><span class="tag" title="{_e(label)}">'
            f"{_e(LABEL_SHORT.get(label, label))}</span>{_e(s.text)}"
        )
        for chain in s.chains:
            line += f'<div class="chain">{_e(chain_text([h.to_dict() for h in chain]))}</div>'
        if s.index in flagged:
            line += f'<div class="note">⚑ check first: {_e(flagged[s.index].why)}</div>'
        k = page.outgoing.get((item.id, s.index))
        if k is not None:
            line += (
                f'<div class="note">↪ {_e(k.via)} is in this batch: continues in '
                f'<a href="#{anchors[k.to_id]}-s{k.target_sentence}">{_e(k.to_id)} '
                f"sentence {k.target_sentence}</a></div>"
            )
        for k in page.incoming.get((item.id, s.index), []):
            line += (
                f'<div class="note">↩ cited by <a href="#{anchors[k.from_id]}-s{k.sentence}">'
                f"{_e(k.from_id)} sentence {k.sentence}</a></div>"
            )
        rows.append(line + "</div>")
    return "\n".join(rows) + "</section>"


__all__ = [
    "copies_by_original",
    "copies_note",
    "copy_noun",
    "html_report",
    "publisher_line",
    "svg_graph",
]
