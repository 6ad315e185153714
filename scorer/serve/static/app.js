/* The scorer sourcing desk page. It talks to this server's API only. Article text is only
   ever put into the page with textContent (never innerHTML), so a <script> in an article is
   shown as text and never runs; the server's Content-Security-Policy also forbids inline
   scripts. */
"use strict";
(function () {
  const LABELS = [
    ["named-source", "named source"],
    ["anonymous-source", "anonymous source"],
    ["official-denial", "official denial"],
    ["unattributed", "unattributed"],
  ];
  const LABEL_NAME = Object.fromEntries(LABELS);
  const TOKEN_KEY = "scorer-token";
  const $ = (selector, root) => (root || document).querySelector(selector);
  let pendingFiles = [];
  let lastTriage = null;

  /* A DOM element; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function status(text, isError) {
    const box = $("#status");
    box.textContent = text;
    box.classList.toggle("error", Boolean(isError));
    box.setAttribute("role", isError ? "alert" : "status");
  }

  /* fetch with the bearer token; a non-2xx answer throws its `detail` (the CLI's words). */
  async function api(path, options) {
    const token = $("#token").value.trim();
    const headers = Object.assign({}, (options || {}).headers);
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (_) {
        /* not JSON: keep the status text */
      }
      const error = new Error(`${response.status}: ${detail}`);
      error.status = response.status;
      if (response.status === 401) {
        $("#token-box").open = true;
        $("#token").focus();
      }
      throw error;
    }
    return response.json();
  }

  async function loadModel() {
    const line = $("#model-line");
    try {
      const m = await api("/v1/model");
      const test = m.metrics && m.metrics.realnews_test;
      line.textContent =
        `Classifier: ${m.classifier}` +
        (m.classifier !== m.name ? ` (${m.name}${m.version ? " " + m.version : ""})` : "") +
        (test ? ` · macro-F1 ${test.macro_f1} on the real-news test split` : "");
    } catch (error) {
      line.textContent =
        error.status === 401
          ? "This server needs a token: open “API token” below."
          : `Model card unavailable (${error.message}).`;
    }
  }

  function stem(name) {
    return name.replace(/\.[^.]+$/, "");
  }

  function extension(name) {
    const match = /\.([^.]+)$/.exec(name.toLowerCase());
    return match ? match[1] : "";
  }

  function looksLikeJsonl(text) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    return lines.length > 0 && lines.every((l) => l.trim().startsWith("{"));
  }

  /* What to send: one article (→ /v1/score) or a batch of JSONL lines (→ /v1/triage). */
  async function collect() {
    const publisher = $("#publisher").value.trim();
    if (pendingFiles.length) {
      const lines = [];
      let single = null;
      for (const file of pendingFiles) {
        const text = await file.text();
        const ext = extension(file.name);
        if (ext === "jsonl") {
          lines.push(...text.split(/\r?\n/).filter((l) => l.trim()));
          continue;
        }
        const article = { id: stem(file.name) };
        article[ext === "html" || ext === "htm" ? "html" : "text"] = text;
        if (publisher) article.publisher = publisher;
        lines.push(JSON.stringify(article));
        single = article;
      }
      if (pendingFiles.length === 1 && single) return { mode: "single", article: single };
      return { mode: "batch", lines };
    }
    const text = $("#article-text").value;
    if (!text.trim()) throw new Error("Paste an article or choose a file first.");
    if (looksLikeJsonl(text)) {
      return { mode: "batch", lines: text.split(/\r?\n/).filter((l) => l.trim()) };
    }
    const article = { id: "pasted", text };
    if (publisher) article.publisher = publisher;
    return { mode: "single", article };
  }

  async function submit(event) {
    event.preventDefault();
    const button = $("#score-button");
    button.disabled = true;
    const started = performance.now();
    try {
      const input = await collect();
      status(input.mode === "single" ? "Scoring the article…" : `Triaging ${input.lines.length} articles…`);
      if (input.mode === "single") {
        const article = await api("/v1/score", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(input.article),
        });
        showArticle(article);
        status(`Scored ${article.sentences.length} sentences in ${seconds(started)}.`);
      } else {
        const result = await api("/v1/triage", {
          method: "POST",
          headers: { "Content-Type": "application/x-ndjson" },
          body: input.lines.join("\n") + "\n",
        });
        showTriage(result);
        status(`Triaged ${result.articles.length} articles in ${seconds(started)}.`);
      }
      $("#results").focus({ preventScroll: true });
    } catch (error) {
      status(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function seconds(started) {
    return `${((performance.now() - started) / 1000).toFixed(1)} s`;
  }

  function swatch(label) {
    return el("span", { class: `swatch lab-${label}`, "aria-hidden": "true" });
  }

  function legend() {
    return el(
      "ul",
      { class: "legend", "aria-label": "Legend: sentence labels" },
      LABELS.map(([label, name]) => el("li", {}, swatch(label), name))
    );
  }

  function chainList(chain) {
    const items = [];
    chain.forEach((hop, i) => {
      if (i) items.push(el("li", { class: "arrow", "aria-hidden": "true" }, "→"));
      items.push(
        el(
          "li",
          { class: `hop kind-${hop.kind}${hop.state_affiliated ? " state" : ""}` },
          hop.name,
          el("span", { class: "kind" }, hop.kind + (hop.state_affiliated ? ", state" : "")),
          hop.article ? el("span", { class: "kind" }, ` in ${hop.article}, s.${hop.sentence}`) : null
        )
      );
    });
    const text = chain.map((h) => h.name).join(" → ");
    return el("ol", { class: "chain", "aria-label": text, "data-chain": text }, items);
  }

  /* One article: summary, flags with links to their sentences, the marked-up text and the
     chain panel. `extra` carries the triage view of it (rank, priority, reasons, claims). */
  function articleView(a, extra) {
    extra = extra || {};
    const profile = a.profile && a.profile.flags ? a.profile : null;
    const flags = profile
      ? profile.flags
      : (extra.reasons || []).map((r) => ({ flag: r.code, reason: r.text, sentences: r.sentences }));
    const flagged = new Map();
    for (const f of flags) {
      for (const i of f.sentences) flagged.set(i, (flagged.get(i) || []).concat([f.flag]));
    }
    const claims = new Map((extra.claims || []).map((c) => [c.sentence, c]));
    const panel = el(
      "aside",
      { class: "chain-panel", id: "chain-panel", "aria-live": "polite", "aria-label": "Selected sentence" },
      el("h3", {}, "Chains of citation"),
      el("p", { class: "muted" }, "Select a sentence (click it, or Tab to it) to see who it rests on, publisher first.")
    );
    const byIndex = new Map(a.sentences.map((s) => [s.index, s]));
    const text = el("div", { class: "sentences", id: "sentences" });

    function select(s, span) {
      for (const other of text.querySelectorAll(".sent.current")) other.classList.remove("current");
      span.classList.add("current");
      const body = [
        el("h3", {}, `Sentence ${s.index}`),
        el("p", {}, swatch(s.label), " ", el("strong", {}, LABEL_NAME[s.label] || s.label),
          s.confidence === null || s.confidence === undefined ? "" : ` · confidence ${s.confidence.toFixed(2)}`),
      ];
      if (s.chains.length) {
        body.push(el("p", { class: "muted" }, s.chains.length === 1 ? "Chain:" : `${s.chains.length} chains:`));
        for (const chain of s.chains) body.push(chainList(chain));
      } else {
        body.push(el("p", { class: "muted" }, "No chain: the sentence names no source."));
      }
      if (flagged.has(s.index)) body.push(el("p", {}, "Flagged: " + flagged.get(s.index).join(", ")));
      const claim = claims.get(s.index);
      if (claim) {
        body.push(el("p", {}, el("strong", {}, "Check first: "), claim.why));
        if (claim.chain.length) body.push(chainList(claim.chain));
      }
      panel.replaceChildren(...body);
    }

    for (const s of a.sentences) {
      const span = el(
        "span",
        {
          class: `sent lab-${s.label}${flagged.has(s.index) ? " flagged" : ""}`,
          id: `s-${s.index}`,
          tabindex: 0,
          role: "button",
          "aria-controls": "chain-panel",
          "data-index": s.index,
          "data-label": s.label,
        },
        el("span", { class: "n", "aria-hidden": "true" }, s.index),
        el("span", { class: "visually-hidden" }, `Sentence ${s.index}, ${LABEL_NAME[s.label] || s.label}: `),
        s.text
      );
      span.addEventListener("focus", () => select(s, span));
      span.addEventListener("click", () => select(s, span));
      text.append(span, " ");
    }

    function goTo(index) {
      return (event) => {
        event.preventDefault();
        const span = text.querySelector(`#s-${index}`);
        if (span) {
          span.focus();
          span.scrollIntoView({ block: "center" });
        }
      };
    }

    const facts = [
      ["Publisher", a.publisher || "unknown"],
      ["Credit", a.credit],
      ["Title", a.title],
      ["Classifier", a.classifier],
      ["Sentences", a.sentences.length],
      ["Priority", extra.priority],
      ["Story", extra.story],
    ].filter(([, v]) => v !== null && v !== undefined && v !== "");
    const counts = {};
    for (const s of a.sentences) counts[s.label] = (counts[s.label] || 0) + 1;
    const score = profile ? profile.score : extra.score;
    const view = el(
      "section",
      { class: "article-view", id: "article-view", "aria-labelledby": "article-heading" },
      el("h2", { id: "article-heading" }, a.title ? a.title : `Article “${a.id}”`),
      el(
        "div",
        { class: "summary" },
        el("div", { class: "score" },
          el("span", { class: "big", id: "article-score" }, score === null || score === undefined ? "–" : score),
          " / 100", el("br"), "sourcing score"),
        el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
        el("ul", { class: "counts", "aria-label": "Sentences per label" },
          LABELS.map(([label, name]) => el("li", {}, swatch(label), `${name}: ${counts[label] || 0}`)))
      ),
      el("h3", {}, profile ? "Flags" : "Why check it"),
      flags.length
        ? el("ul", { class: "flags", id: "flags" }, flags.map((f) =>
          el("li", { "data-flag": f.flag }, el("strong", {}, f.flag), " — ", f.reason,
            f.sentences.length ? [" (sentence" + (f.sentences.length > 1 ? "s" : "") + " ",
              f.sentences.map((i, k) => [k ? ", " : "", byIndex.has(i)
                ? el("a", { href: `#s-${i}`, onclick: goTo(i) }, i) : String(i)]), ")"] : null)))
        : el("p", { class: "muted" }, "None."),
      el("h3", {}, "Sentences"),
      legend(),
      el("div", { class: "reader" }, text, panel)
    );
    if (a.removed && a.removed.length) {
      view.append(el("details", { class: "removed" },
        el("summary", {}, `Removed before labelling: ${a.removed.length} blocks of page furniture`),
        el("ul", {}, a.removed.map((r) => el("li", {}, `${r.reason}: `, r.text)))));
    }
    if (a.warnings && a.warnings.length) {
      view.append(el("ul", { class: "problems" }, a.warnings.map((w) => el("li", {}, "warning: " + w))));
    }
    return view;
  }

  function showArticle(article) {
    lastTriage = null;
    $("#results").replaceChildren(articleView(article));
  }

  /* A batch: the queue, the provenance graph of a story, and one article's sentences. */
  function showTriage(result) {
    lastTriage = result;
    const queue = new Map(result.articles.map((a) => [a.id, a]));
    const host = el("div", { id: "article-host" });
    const rows = result.articles.map((a) =>
      el("tr", { class: "queue-row", "data-id": a.id },
        el("td", {}, a.rank),
        el("td", {}, el("div", { class: "priority" }, a.priority),
          el("div", { class: "bar", "aria-hidden": "true" }, el("span", { style: null }))),
        el("td", {},
          el("button", { type: "button", class: "link open-article", onclick: () => openArticle(a.id) }, a.id),
          el("div", { class: "muted" }, a.publisher || (a.credit ? "credit: " + a.credit : "publisher unknown")),
          a.title ? el("div", {}, a.title) : null),
        el("td", {}, a.story),
        el("td", {}, el("ul", { class: "reasons" }, a.reasons.map((r) => el("li", {}, r.text)))),
        el("td", {}, el("ol", { class: "claims" }, a.claims.slice(0, 3).map((c) =>
          el("li", {}, `[${c.sentence}] `, c.text.length > 140 ? c.text.slice(0, 139) + "…" : c.text,
            el("div", { class: "why" }, c.why)))))
      ));
    rows.forEach((row, i) => {
      // the bar's width is set through the CSSOM: the page's policy allows no inline styles
      row.querySelector(".bar span").style.width = `${Math.min(100, result.articles[i].priority)}%`;
    });
    const table = el("table", { class: "queue", id: "queue-table" },
      el("caption", {}, "Check from the top: priority 0–100, with the reasons and the claims to check first."),
      el("thead", {}, el("tr", {}, ["#", "Priority", "Article", "Story", "Reasons", "Check first"].map((h) =>
        el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows));

    const graphHost = el("div", { class: "graph-wrap", id: "graph" });
    const info = el("p", { class: "graph-info", id: "graph-info", "aria-live": "polite" });
    const kinds = new Set(window.ScorerGraph.KINDS);
    const storySelect = el("select", { id: "story-select" }, result.stories.map((s) =>
      el("option", { value: s.id }, `${s.id} (${s.articles.length} article${s.articles.length === 1 ? "" : "s"}): ${s.title.slice(0, 80)}`)));
    const query = el("input", { id: "graph-filter", type: "search", autocomplete: "off" });
    const shared = el("input", { id: "graph-shared", type: "checkbox" });
    function draw() {
      const story = result.stories.find((s) => s.id === storySelect.value) || result.stories[0];
      if (!story) return;
      window.ScorerGraph.render(graphHost, story, {
        kinds, query: query.value, shared: shared.checked, queue,
        onArticle: openArticle,
        onInfo: (text) => { info.textContent = text; },
      });
    }
    const kindBoxes = window.ScorerGraph.KINDS.map((kind) => {
      const box = el("input", { type: "checkbox", id: `kind-${kind}`, checked: true, "data-kind": kind });
      box.addEventListener("change", () => {
        if (box.checked) kinds.add(kind);
        else kinds.delete(kind);
        draw();
      });
      return el("label", { for: `kind-${kind}` }, box, " " + kind);
    });
    storySelect.addEventListener("change", draw);
    query.addEventListener("input", draw);
    shared.addEventListener("change", draw);
    const key = el("ul", { class: "legend", "aria-label": "Legend: source kinds" },
      window.ScorerGraph.LEGEND.map(([name, colour]) => {
        const chip = el("span", { class: "swatch", "aria-hidden": "true" });
        chip.style.background = colour; // through the CSSOM: the page allows no inline styles
        return el("li", {}, chip, name);
      }));
    const controls = el("div", { class: "graph-controls" },
      el("label", { for: "story-select" }, "Story "), storySelect,
      el("fieldset", {}, el("legend", {}, "Show sources"), kindBoxes),
      el("label", { for: "graph-filter" }, "Highlight names "), query,
      el("label", { for: "graph-shared" }, shared, " only sources cited by 2+ articles"));

    const problems = result.problems.length
      ? el("ul", { class: "problems", id: "problems" }, result.problems.map((p) => el("li", {}, p)))
      : null;
    $("#results").replaceChildren(el("section", { class: "batch-view", "aria-labelledby": "queue-heading" },
      el("h2", { id: "queue-heading" }, "Triage queue"),
      el("p", { class: "muted" }, `${result.articles.length} articles in ${result.stories.length} stor${result.stories.length === 1 ? "y" : "ies"}; classifier ${result.classifier}.`),
      problems, table,
      el("h2", {}, "Provenance by story"),
      el("p", { class: "muted" }, "One lane per article, in queue order: the outlets its chains pass through, then the sources they end at, grouped by kind. ×N: cited by N articles of the story (focus one to highlight every copy). Red arrows: a chain that continues in another article of the batch."),
      controls, key, graphHost, info, host));
    draw();
    if (result.articles.length) openArticle(result.articles[0].id, true);
  }

  function openArticle(id, quiet) {
    if (!lastTriage) return;
    const a = lastTriage.articles.find((x) => x.id === id);
    if (!a) return;
    for (const row of document.querySelectorAll(".queue-row")) {
      row.classList.toggle("selected", row.dataset.id === id);
    }
    const view = articleView(
      { id: a.id, publisher: a.publisher, credit: a.credit, title: a.title, classifier: lastTriage.classifier, sentences: a.sentences },
      { rank: a.rank, priority: a.priority, story: a.story, reasons: a.reasons, claims: a.claims, score: a.score }
    );
    $("#article-host").replaceChildren(view);
    if (!quiet) view.scrollIntoView({ block: "start" });
  }

  function setFiles(files) {
    pendingFiles = [...files];
    $("#file-list").replaceChildren(...pendingFiles.map((f) => el("li", {}, `${f.name} (${Math.ceil(f.size / 1024)} KB)`)));
  }

  function init() {
    const token = $("#token");
    token.value = sessionStorage.getItem(TOKEN_KEY) || "";
    token.addEventListener("change", () => {
      sessionStorage.setItem(TOKEN_KEY, token.value.trim());
      loadModel();
    });
    $("#score-form").addEventListener("submit", submit);
    $("#files").addEventListener("change", (event) => setFiles(event.target.files));
    $("#clear-button").addEventListener("click", () => {
      $("#score-form").reset();
      token.value = sessionStorage.getItem(TOKEN_KEY) || "";
      setFiles([]);
      $("#results").replaceChildren();
      status("");
    });
    const zone = $("#drop-zone");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      if (event.dataTransfer && event.dataTransfer.files.length) setFiles(event.dataTransfer.files);
    });
    loadModel();
  }

  init();
})();
