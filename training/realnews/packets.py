"""Render annotation packets: each sampled article's text with the sentences to label marked.

The packets hold third-party text, so they are written outside the repository (default
/tmp/realnews). Each article is printed whole, with every sentence to label wrapped as
`⟦a07.s3⟧ … ⟦/a07.s3⟧`; the annotator returns one JSON line per marked sentence:
`{"id": "a07.s3", "label": "<label>"}`. `ids.json` maps packet ids back to stand-off sids.

Usage:
    python -m training.realnews.packets --sample training/realnews/sample.jsonl --shards 4
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.realnews.sample import POLNEAR


def article_text(stem: str) -> str:
    for split in ("train", "dev"):
        path = POLNEAR / split / "text" / f"{stem}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(stem)


def render(stem: str, rows: list[dict], prefix: str) -> tuple[str, dict[str, str]]:
    text = article_text(stem)
    ids: dict[str, str] = {}
    out, pos = [], 0
    for k, row in enumerate(sorted(rows, key=lambda r: r["start"]), start=1):
        pid = f"{prefix}.s{k}"
        ids[pid] = row["sid"]
        out.append(text[pos : row["start"]])
        out.append(f"⟦{pid}⟧ {text[row['start'] : row['end']]} ⟦/{pid}⟧")
        pos = row["end"]
    out.append(text[pos:])
    return "".join(out), ids


WINDOW_CHARS = 2500
"""Text shown before a supplement sentence: its paragraph and those before, up to about this."""


def render_window(stem: str, row: dict, pid: str, window: int = WINDOW_CHARS) -> str:
    """The headline, the paragraphs before the sentence (about WINDOW_CHARS), the sentence marked,
    and the rest of its paragraph: enough context for denial sentences sampled one by one."""
    text = article_text(stem)
    headline = text.strip().splitlines()[0]
    start = text.rfind("\n", 0, max(0, row["start"] - window)) + 1
    end = text.find("\n", row["end"])
    end = len(text) if end < 0 else end
    body = (
        text[start : row["start"]]
        + f"⟦{pid}⟧ {text[row['start'] : row['end']]} ⟦/{pid}⟧"
        + text[row["end"] : end]
    )
    lead = "" if start == 0 else f"{headline}\n[...]\n"
    return lead + body.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=Path("training/realnews/sample.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/realnews"))
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--window", type=int, default=WINDOW_CHARS)
    parser.add_argument("--parts", type=int, default=1, help="supplement packets to write")
    parser.add_argument(
        "--supplement",
        choices=("denial-supplement", "anonymous-supplement", "broad-supplement"),
        help="render only that supplement, one window per sentence",
    )
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.sample.read_text(encoding="utf-8").splitlines()]
    supplement = [r for r in rows if args.supplement in r["why"]]
    rows = [r for r in rows if not any(w.endswith("-supplement") for w in r["why"])]
    if args.supplement:
        args.out.mkdir(parents=True, exist_ok=True)
        parts, ids = [], {}
        letter, name = args.supplement[0], args.supplement.split("-")[0]
        for n, row in enumerate(supplement):
            pid = f"{letter}{n:03d}.s1"
            ids[pid] = row["sid"]
            parts.append(
                f"===== EXCERPT {letter}{n:03d} ({row['publisher']}) =====\n"
                + render_window(row["article"], row, pid, args.window)
                + "\n"
            )
        size = -(-len(parts) // args.parts)
        for k in range(args.parts):
            suffix = str(k + 1) if args.parts > 1 else ""
            chunk = "\n".join(parts[k * size : (k + 1) * size])
            (args.out / f"supplement_{name}{suffix}.txt").write_text(chunk, encoding="utf-8")
        (args.out / f"ids_{name}.json").write_text(json.dumps(ids, indent=0), encoding="utf-8")
        print(f"{len(supplement)} {args.supplement} sentences -> supplement_{name}.txt")
        return
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)
    args.out.mkdir(parents=True, exist_ok=True)
    shards: list[list[str]] = [[] for _ in range(args.shards)]
    counts = [0] * args.shards
    ids: dict[str, str] = {}
    for n, (stem, arows) in enumerate(sorted(by_article.items(), key=lambda kv: -len(kv[1]))):
        k = counts.index(min(counts))
        prefix = f"a{n:03d}"
        body, art_ids = render(stem, arows, prefix)
        ids.update(art_ids)
        header = f"===== ARTICLE {prefix} ({arows[0]['publisher']}) ====="
        shards[k].append(f"{header}\n{body.strip()}\n")
        counts[k] += len(arows)
    for k, parts in enumerate(shards):
        (args.out / f"shard{k + 1}.txt").write_text("\n".join(parts), encoding="utf-8")
    (args.out / "ids.json").write_text(json.dumps(ids, indent=0), encoding="utf-8")
    print(f"{len(rows)} sentences in {len(by_article)} articles; per shard: {counts}")


if __name__ == "__main__":
    main()
