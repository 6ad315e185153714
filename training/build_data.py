"""Build the sentence-classification data sets from PolNeAR, GUM news and written examples.

Writes, under `--out` (git-ignored; the files hold third-party text):

- `train.jsonl`: PolNeAR train, GUM train documents, 90% of the written examples.
- `dev.jsonl`: PolNeAR dev, GUM held-out documents (GUM dev + test), 10% of the written
  examples.
- `train_no_polnear.jsonl`, `train_no_written.jsonl`: `train.jsonl` without the rows of one
  origin, for the ablations (`training/recipes/v6.sh`, `joint.sh`).
- `polnear_dev_binary.jsonl`: PolNeAR dev with labels `attributed` / `unattributed`.
- `gum_gold.jsonl`: the held-out GUM documents in the project's gold format.
- `realnews_train.jsonl`: the project's adjudicated real-news labels (`training/realnews/`),
  train split, as training rows (origin `realnews`).
- `realnews_dev.jsonl`, `realnews_test.jsonl`: its dev and test splits in the gold format.
  Never train on either: dev calibrates the confidence, test is reported in the model card.

PolNeAR-derived rows are dropped for every article in the real-news test split, and for every
sentence the real-news corpus labels by hand (its human label replaces the derived one).

Every row has `text`, `context` (up to two preceding sentences), `label`, `origin`
(`polnear`, `gum`, `written`) and `split`.

Usage:
    python -m training.build_data --out training/build
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from training import gum, polnear
from training.realnews import corpus as realnews

WRITTEN = Path(__file__).parent / "written" / "examples.jsonl"
EXTRA_WRITTEN = (
    Path(__file__).parent / "written" / "spokespeople.jsonl",
    Path(__file__).parent / "written" / "references.jsonl",
)
WRITTEN_DEV_SHARE = 0.1
CONTEXT_KINDS = ("backref", "continuation", "pronoun")
SEED = 13


def split_written(path: Path = WRITTEN, *, seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """Read the hand-written examples and split them 90/10 (train/dev), seeded."""
    if not path.exists():
        return [], []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(
                f"{path}:{n}: not a JSON object ({err}); fix or remove the line"
            ) from err
        if row.get("label") not in gum.LABELS:
            raise ValueError(
                f"{path}:{n}: label {row.get('label')!r} is not one of " + ", ".join(gum.LABELS)
            )
        row.setdefault("context", "")
        row["origin"] = "written"
        # The label holds whatever the context says unless the sentence leans on it
        # ("he said", a quote continuing the previous one): such rows may get other contexts.
        kind = row.get("kind", "")
        row.setdefault("context_free", not any(k in kind for k in CONTEXT_KINDS))
        rows.append(row)
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    n_dev = round(len(rows) * WRITTEN_DEV_SHARE)
    dev_ids = set(order[:n_dev])
    train, dev = [], []
    for i, row in enumerate(rows):
        (dev if i in dev_ids else train).append(
            {**row, "split": "dev" if i in dev_ids else "train"}
        )
    return train, dev


def build(
    *,
    out: Path,
    polnear_root: Path = polnear.DEFAULT_ROOT,
    gum_root: Path = gum.DEFAULT_ROOT,
    written: Path = WRITTEN,
) -> dict[str, list[dict]]:
    """Build all data sets and write them under `out`; returns them by file name."""
    out.mkdir(parents=True, exist_ok=True)
    pn = polnear.build_rows(polnear_root, cache_dir=out / "cache")
    pn = drop_hand_labelled(pn)
    gum_rows, gum_gold = gum.build_rows(gum_root)
    w_train, w_dev = split_written(written)
    for extra in EXTRA_WRITTEN:
        e_train, e_dev = split_written(extra)
        w_train, w_dev = w_train + e_train, w_dev + e_dev
    train = (
        [r for r in pn if r["split"] == "train"]
        + [r for r in gum_rows if r["split"] == "train"]
        + w_train
    )
    dev = (
        [r for r in pn if r["split"] == "dev"]
        + [r for r in gum_rows if r["split"] == "gum-dev"]
        + w_dev
    )
    binary = [
        {
            "text": r["text"],
            "context": r["context"],
            "doc": r["doc"],
            "sent": r["sent"],
            "label": "unattributed" if r["label"] == "unattributed" else "attributed",
            "origin": "polnear",
            "split": "dev",
        }
        for r in pn
        if r["split"] == "dev"
    ]
    sets = {
        "train.jsonl": train,
        "train_no_polnear.jsonl": [r for r in train if r["origin"] != "polnear"],
        "train_no_written.jsonl": [r for r in train if r["origin"] != "written"],
        "dev.jsonl": dev,
        "polnear_dev_binary.jsonl": binary,
        "gum_gold.jsonl": gum_gold,
    }
    for name, rows in sets.items():
        with (out / name).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if realnews.CORPUS.exists():
        realnews.write_rows("train", out / "realnews_train.jsonl")
        realnews.write_gold("dev", out / "realnews_dev.jsonl")
        # the dev split as training rows: `training.joint` scores each run on it
        realnews.write_rows("dev", out / "realnews_dev_rows.jsonl")
        realnews.write_gold("test", out / "realnews_test.jsonl")
    return sets


def _keep(row: dict, test: set[str], labelled: set[tuple[str, str]]) -> bool:
    return row["doc"] not in test and (row["doc"], " ".join(row["text"].split())) not in labelled


def drop_hand_labelled(rows: list[dict]) -> list[dict]:
    """PolNeAR-derived training rows minus the real-news test articles and the hand-labelled
    sentences; the PolNeAR dev rows (a gold set of the model card) stay as they are."""
    if not realnews.CORPUS.exists():
        return rows
    test = realnews.test_articles()
    labelled = realnews.labelled_sentences()
    return [r for r in rows if r["split"] != "train" or _keep(r, test, labelled)]


def summary(sets: dict[str, list[dict]]) -> str:
    """A table of row counts per file, origin, split and label."""
    lines = []
    for name in ("train.jsonl", "dev.jsonl", "polnear_dev_binary.jsonl"):
        counts = Counter((r["origin"], r["split"], r["label"]) for r in sets[name])
        lines.append(f"{name}: {len(sets[name])} rows")
        for (origin, split, label), n in sorted(counts.items()):
            lines.append(f"  {origin:8} {split:8} {label:17} {n:6}")
    docs = sets["gum_gold.jsonl"]
    lines.append(
        f"gum_gold.jsonl: {len(docs)} documents, {sum(len(d['sentences']) for d in docs)} sentences"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("training/build"))
    parser.add_argument("--polnear", type=Path, default=polnear.DEFAULT_ROOT)
    parser.add_argument("--gum", type=Path, default=gum.DEFAULT_ROOT)
    parser.add_argument("--written", type=Path, default=WRITTEN)
    args = parser.parse_args(argv)
    try:
        sets = build(
            out=args.out, polnear_root=args.polnear, gum_root=args.gum, written=args.written
        )
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(summary(sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
