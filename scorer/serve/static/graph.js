/* The provenance graph of one story, drawn as lanes: one lane per article, in queue order, so a
   story of many articles grows downwards instead of into a tangle of crossing curves.

   In a lane, the article is on the left, the outlets its chains pass through in the middle,
   and the sources the chains end at on the right, grouped by kind (people, organisations,
   documents, anonymous). Each outlet's sources sit on the rows beside and below it; the
   sources the article cites directly come after, so every branch runs along its own row and no
   line passes behind a box. A source several articles cite appears in each of their lanes,
   marked ×N; focusing one highlights every copy. A chain that continues in another article of
   the batch is a red arrow in the left gutter. All text goes in with textContent. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const KINDS = ["outlet", "person", "organization", "document", "anonymous"];
  const KIND_ORDER = { person: 0, organization: 1, document: 2, anonymous: 3, outlet: 4 };
  const FILL = {
    outlet: "#d9d9d9",
    person: "#c6e0b4",
    organization: "#a9d18e",
    document: "#bdd7ee",
    anonymous: "#ffe699",
  };
  const STATE_FILL = "#f4b183";
  const INK = ["#2f5597", "#548235", "#7f6000", "#7030a0", "#00708f", "#595959", "#c55a11"];
  const GUTTER = 64;
  const ARTICLE_W = 200;
  const ARTICLE_H = 40;
  const OUTLET_W = 200;
  const SOURCE_W = 300;
  const GAP_X = 56;
  const NODE_H = 24;
  const GAP_Y = 6;
  const HEAD = 30;
  const PAD = 10;
  const LINK_LINE = 15;
  const X_OUTLET = GUTTER + ARTICLE_W + GAP_X;
  const X_SOURCE = X_OUTLET + OUTLET_W + GAP_X;
  const WIDTH = X_SOURCE + SOURCE_W + PAD;

  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clip(text, n) {
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  function first(e) {
    return Math.min(...(e.sentences && e.sentences.length ? e.sentences : [1e9]));
  }

  /* Lanes (hop edges per article), links, and which articles cite each node in which sentences. */
  function collect(story) {
    const nodes = new Map(story.graph.nodes.map((n) => [n.id, n]));
    const lanes = story.articles.map((id) => ({ id, edges: [] }));
    const laneOf = new Map(lanes.map((l) => [l.id, l]));
    const citedBy = new Map();
    const links = [];
    for (const e of story.graph.edges) {
      if (e.kind === "link") {
        links.push(e);
        continue;
      }
      const lane = laneOf.get(e.article);
      if (!lane || !nodes.has(e.to)) continue;
      lane.edges.push(e);
      if (!citedBy.has(e.to)) citedBy.set(e.to, new Map());
      const seen = citedBy.get(e.to);
      seen.set(e.article, (seen.get(e.article) || []).concat(e.sentences || []));
    }
    return { nodes, lanes, citedBy, links };
  }

  /* The rows of one lane: [{outlet, source}], each outlet followed by its sources, then the
     sources cited directly, each group ordered by kind, then by first citing sentence. */
  function laneRows(lane, nodes, shown) {
    const start = "a:" + lane.id;
    const edges = lane.edges.filter((e) => (e.from === start || shown.has(e.from)) && shown.has(e.to));
    // only what the article reaches through shown nodes: a hidden outlet hides what it relays
    const reached = new Set([start]);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of edges) {
        if (reached.has(e.from) && !reached.has(e.to)) {
          reached.add(e.to);
          grew = true;
        }
      }
    }
    const kept = edges.filter((e) => reached.has(e.from));
    const order = new Map();
    for (const e of kept) order.set(e.to, Math.min(order.get(e.to) ?? 1e9, first(e)));
    const byKind = (a, b) =>
      KIND_ORDER[nodes.get(a).kind] - KIND_ORDER[nodes.get(b).kind] || order.get(a) - order.get(b);
    const outlets = [...order.keys()].filter((id) => nodes.get(id).kind === "outlet");
    outlets.sort((a, b) => order.get(a) - order.get(b));
    const rows = [];
    const placed = new Set();
    for (const outlet of outlets) {
      const targets = [...new Set(kept.filter((e) => e.from === outlet).map((e) => e.to))]
        .filter((id) => nodes.get(id).kind !== "outlet" && !placed.has(id))
        .sort(byKind);
      rows.push({ outlet, source: targets[0] || null });
      for (const t of targets.slice(1)) rows.push({ outlet: null, source: t });
      targets.forEach((t) => placed.add(t));
    }
    const direct = [...order.keys()]
      .filter((id) => nodes.get(id).kind !== "outlet" && !placed.has(id))
      .sort(byKind);
    for (const id of direct) rows.push({ outlet: null, source: id });
    return { rows, edges: kept };
  }

  /**
   * Draw `story` into `host` (emptied first).
   * options: {kinds: Set of shown kinds, query: names to highlight, shared: only sources cited
   * by 2+ articles, queue: Map id → queue item, onArticle(id), onInfo(text)}.
   */
  function render(host, story, options) {
    host.replaceChildren();
    const { nodes, lanes, citedBy, links } = collect(story);
    const query = (options.query || "").trim().toLowerCase();
    const shown = new Set(
      [...nodes.values()]
        .filter((n) => n.kind !== "article" && options.kinds.has(n.kind))
        .filter((n) => !options.shared || n.kind === "outlet" || (citedBy.get(n.id) || new Map()).size > 1)
        .map((n) => n.id)
    );
    const outgoing = new Map();
    for (const link of links) {
      const from = link.from.replace(/^a:/, "");
      outgoing.set(from, (outgoing.get(from) || []).concat([link]));
    }

    const pos = new Map();
    const laid = [];
    let y = HEAD;
    for (const lane of lanes) {
      const { rows, edges } = laneRows(lane, nodes, shown);
      const linkRows = (outgoing.get(lane.id) || []).length;
      const height = Math.max(
        rows.length * (NODE_H + GAP_Y) - GAP_Y,
        ARTICLE_H + (linkRows ? 6 + linkRows * LINK_LINE : 0)
      ) + 2 * PAD;
      pos.set("a:" + lane.id, { x: GUTTER, y: y + PAD, w: ARTICLE_W, h: ARTICLE_H });
      rows.forEach((row, r) => {
        const top = y + PAD + r * (NODE_H + GAP_Y);
        if (row.outlet) pos.set(lane.id + "|" + row.outlet, { x: X_OUTLET, y: top, w: OUTLET_W, h: NODE_H, r });
        if (row.source) pos.set(lane.id + "|" + row.source, { x: X_SOURCE, y: top, w: SOURCE_W, h: NODE_H, r });
      });
      laid.push({ lane, rows, edges, y, height });
      y += height;
    }
    const height = y + PAD;
    const root = svg("svg", {
      class: "provenance",
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "group",
      "aria-label": `Provenance of ${story.id}: one lane per article, ${lanes.length} lanes`,
    });
    const defs = svg("defs");
    const marker = svg("marker", {
      id: "arrow",
      viewBox: "0 0 10 10",
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: "auto-start-reverse",
    });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#a4000f" }));
    defs.append(marker);
    root.append(defs);
    for (const [x, title] of [
      [GUTTER, "Articles (queue order)"],
      [X_OUTLET, "Through outlets"],
      [X_SOURCE, "Sources, by kind"],
    ]) {
      root.append(svg("text", { class: "col-head", x, y: 18 }, title));
    }
    laid.forEach((box, i) => {
      root.append(svg("rect", {
        class: "lane-bg" + (i % 2 ? " odd" : ""),
        x: 0,
        y: box.y,
        width: WIDTH,
        height: box.height,
        "data-lane": box.lane.id,
      }));
    });
    const edgeLayer = svg("g", { class: "edges" });
    const nodeLayer = svg("g", { class: "nodes" });
    root.append(edgeLayer, nodeLayer);

    laid.forEach(({ lane, rows, edges }, i) => {
      const ink = INK[i % INK.length];
      for (const e of edges) {
        const from = e.from.startsWith("a:") ? pos.get(e.from) : pos.get(lane.id + "|" + e.from);
        const to = pos.get(lane.id + "|" + e.to);
        if (!from || !to) continue;
        const x1 = from.x + from.w;
        const y1 = from.y + from.h / 2;
        const y2 = to.y + to.h / 2;
        const trunk = x1 + 14;
        // a branch along its row, unless an outlet's box sits on that row in between
        const blocked = from.x < X_OUTLET && to.x === X_SOURCE && rows[to.r].outlet;
        const d = to.x > x1 && !blocked
          ? `M${x1},${y1} H${trunk} V${y2} H${to.x}`
          : `M${x1},${y1} C${x1 + 40},${y1} ${to.x - 40},${y2} ${to.x},${y2}`;
        const path = svg("path", {
          class: "edge hop",
          d,
          stroke: ink,
          "stroke-width": (1.4 + Math.min(3, (e.sentences || []).length - 1) * 0.5).toFixed(1),
          "data-from": e.from,
          "data-to": e.to,
        });
        path.append(svg("title", {}, `${lane.id}: sentence${(e.sentences || []).length === 1 ? "" : "s"} ${(e.sentences || []).join(", ")}`));
        edgeLayer.append(path);
      }
    });

    links.forEach((link, k) => {
      const from = pos.get(link.from);
      const to = pos.get(link.to);
      if (!from || !to) return;
      const x = GUTTER - 12 - (k % 5) * 9;
      const path = svg("path", {
        class: "edge link",
        d: `M${from.x},${from.y + from.h / 2} H${x} V${to.y + to.h / 2} H${to.x - 2}`,
        "marker-end": "url(#arrow)",
      });
      path.append(svg("title", {}, `${link.article} sentence ${(link.sentences || []).join(", ")} ` +
        `cites ${link.via || "an outlet"}: continues in ${link.to.replace(/^a:/, "")} sentence ${link.target_sentence}`));
      edgeLayer.append(path);
    });

    const copies = new Map();
    for (const { lane } of laid) {
      const p = pos.get("a:" + lane.id);
      const item = options.queue.get(lane.id);
      const node = nodes.get("a:" + lane.id);
      const g = svg("g", {
        class: "node article",
        tabindex: 0,
        role: "button",
        "data-article": lane.id,
        "aria-label": `Article ${lane.id}${item ? ", rank " + item.rank : ""}: show its sentences`,
      });
      g.append(svg("rect", { x: p.x, y: p.y, width: p.w, height: p.h, rx: 4 }));
      const head = item ? `#${item.rank} · priority ${item.priority}` : lane.id;
      g.append(svg("text", { x: p.x + 8, y: p.y + 16 }, clip(head, 30)));
      g.append(svg("text", { x: p.x + 8, y: p.y + 32 }, clip(node ? node.label : lane.id, 30)));
      g.append(svg("title", {}, lane.id));
      const open = () => options.onArticle(lane.id);
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          open();
        }
      });
      nodeLayer.append(g);
      (outgoing.get(lane.id) || []).forEach((link, r) => {
        const label = `↪ via ${link.via || "outlet"} → ${link.to.replace(/^a:/, "")} ` +
          `(s.${(link.sentences || []).join(",")} → s.${link.target_sentence})`;
        nodeLayer.append(svg("text", {
          class: "link-label",
          x: p.x + 2,
          y: p.y + p.h + 14 + r * LINK_LINE,
        }, clip(label, 38)));
      });
    }

    for (const [key, p] of pos) {
      if (key.startsWith("a:")) continue;
      const split = key.indexOf("|");
      const laneId = key.slice(0, split);
      const id = key.slice(split + 1);
      const n = nodes.get(id);
      const cites = citedBy.get(id) || new Map();
      const dim = Boolean(query) && !n.label.toLowerCase().includes(query);
      const g = svg("g", {
        class: `node kind-${n.kind}` + (dim ? " dim" : ""),
        tabindex: 0,
        role: "button",
        "data-node": id,
        "data-lane": laneId,
        "aria-label": `${n.label}, ${n.kind}${n.state_affiliated ? ", state-affiliated" : ""}, ` +
          `cited by ${cites.size} article${cites.size === 1 ? "" : "s"}`,
      });
      g.append(svg("rect", {
        x: p.x,
        y: p.y,
        width: p.w,
        height: p.h,
        rx: 3,
        fill: n.state_affiliated ? STATE_FILL : FILL[n.kind] || "#eee",
      }));
      const label = n.label + (n.state_affiliated ? " (state)" : "");
      const room = Math.floor((p.w - 12) / 6.6) - (cites.size > 1 ? 4 : 0);
      g.append(svg("text", { x: p.x + 6, y: p.y + 16 }, clip(label, room)));
      if (cites.size > 1) {
        g.append(svg("text", { class: "badge", x: p.x + p.w - 24, y: p.y + 16 }, `×${cites.size}`));
      }
      g.append(svg("title", {}, `${label} (${n.kind})`));
      const show = () => {
        for (const other of nodeLayer.querySelectorAll(".node.hl")) other.classList.remove("hl");
        for (const copy of copies.get(id)) copy.classList.add("hl");
        const parts = [...cites].map(([article, s]) => {
          const unique = [...new Set(s)].sort((a, b) => a - b);
          return `${article} (sentence${unique.length === 1 ? "" : "s"} ${unique.join(", ")})`;
        });
        options.onInfo(`${label} (${n.kind}): cited by ${parts.join("; ")}`);
      };
      g.addEventListener("focus", show);
      g.addEventListener("click", show);
      nodeLayer.append(g);
      copies.set(id, (copies.get(id) || []).concat([g]));
    }
    if (query) {
      for (const path of edgeLayer.querySelectorAll(".edge.hop")) {
        const to = nodes.get(path.dataset.to);
        if (to && !to.label.toLowerCase().includes(query)) path.classList.add("dim");
      }
    }
    host.append(root);
    return { lanes: lanes.length, nodes: pos.size - lanes.length };
  }

  /* The colour key of the graph, as an HTML list (built by the page). */
  const LEGEND = [
    ["outlet", FILL.outlet],
    ["person", FILL.person],
    ["organization", FILL.organization],
    ["document", FILL.document],
    ["anonymous", FILL.anonymous],
    ["state-affiliated outlet", STATE_FILL],
  ];

  window.ScorerGraph = { render, KINDS, LEGEND };
})();
