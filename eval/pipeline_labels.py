"""Sentence labels as `scorer score` gives them, against a gold file's labels.

Usage:
    python -m eval.pipeline_labels --gold training/build/realnews_dev.jsonl --original \
        [--classifier auto|transformer|onnx|rules] [--errors FILE]

`scorer eval` measures the classifier alone on the gold sentences. A user sees the pipeline's
labels instead: after segmentation, furniture removal, chains and `scorer.consistency.reconcile`
(a cited chain may set the label, a quotation continued from a sentence that names its speaker
takes that speaker's label). This scores each gold document through the whole pipeline (its
sentences one per line, or its `file` under `../shared`, or with `--original` the real-news
article as published), matches output sentences to gold ones
by text as `eval.seeds` does, and reports per-class F1 and macro-F1 over the matched sentences,
with how many gold sentences found no output sentence and how many labels the pipeline's
structural rules changed (`model_label` set: a quotation's or a transcript turn's speaker,
"citing", an institution named by its function), and how many of those now match gold.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from eval.seeds import doc_text, gold_root, match_sentences, with_text
from scorer.evaluate import metrics
from scorer.pipeline import Scorer, ScoringConfig, article_to_dict


def score_docs(
    gold_path: Path, classifier: str = "auto", *, original: bool = False
) -> list[dict[str, Any]]:
    """One row per matched labelled gold sentence: doc id, text, gold, pipeline label, and the
    classifier's label where the consistency step changed it. `original` scores the real-news
    corpus's articles as published (`training.realnews.corpus.article_text`, paragraphs and
    all) instead of the gold sentences one per line."""
    scorer = Scorer(ScoringConfig(classifier=classifier))
    root = gold_root(gold_path)
    rows: list[dict[str, Any]] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = with_text(json.loads(line), root)
        text = _original_text(doc["id"]) if original else doc_text(doc, root)
        scored = scorer.score_text(text, id=doc["id"], publisher=doc.get("publisher"))
        output = article_to_dict(scored)["sentences"]
        gold = doc["sentences"]
        mapping = match_sentences(output, gold)
        seen: set[int] = set()
        for out_index, gold_index in mapping.items():
            label = gold[gold_index].get("label")
            if label is None or gold_index in seen:
                continue
            seen.add(gold_index)
            sentence = scored.sentences[out_index]
            rows.append(
                {
                    "id": doc["id"],
                    "gold_index": gold_index,
                    "text": gold[gold_index]["text"],
                    "gold": label,
                    "pred": sentence.label,
                    "model_label": sentence.model_label,
                }
            )
        missing = sum(
            1 for i, s in enumerate(gold) if s.get("content") and s.get("label") and i not in seen
        )
        if missing:
            rows.append({"id": doc["id"], "missing": missing})
    return rows


def _original_text(stem: str) -> str:
    from training.realnews.corpus import article_text

    return article_text(stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--classifier", default="auto")
    parser.add_argument(
        "--original",
        action="store_true",
        help="score the real-news articles as published (PolNeAR text under ../shared)",
    )
    parser.add_argument("--errors", type=Path, help="write the mislabelled sentences as JSONL")
    args = parser.parse_args(argv)
    rows = score_docs(args.gold, args.classifier, original=args.original)
    scored = [r for r in rows if "gold" in r]
    result = metrics([r["gold"] for r in scored], [r["pred"] for r in scored])
    changed = [r for r in scored if r["model_label"] is not None]
    print(
        f"matched {len(scored)} labelled sentences, "
        f"{sum(r.get('missing', 0) for r in rows)} found no output sentence"
    )
    for label, figures in result["per_class"].items():
        print(f"  {label:18} F1 {figures['f1']:.3f}  (support {figures['support']})")
    print(f"macro-F1 {result['macro_f1']:.4f}")
    print(
        f"rules changed {len(changed)} label(s), "
        f"{sum(r['pred'] == r['gold'] for r in changed)} now gold, "
        f"{sum(r['model_label'] == r['gold'] for r in changed)} were gold before"
    )
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as stream:
            for r in scored:
                if r["pred"] != r["gold"]:
                    stream.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
