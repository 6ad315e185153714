"""Print a seeded sample of derived PolNeAR rows of one label, for checking by hand.

Usage:
    python -m training.sample_check --label anonymous-source --n 50 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", required=True)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--build", type=Path, default=Path("training/build"))
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for name in ("train.jsonl", "dev.jsonl")
        for line in (args.build / name).open(encoding="utf-8")
    ]
    rows = [r for r in rows if r["origin"] == "polnear" and r["label"] == args.label]
    for i, r in enumerate(random.Random(args.seed).sample(rows, min(args.n, len(rows))), 1):
        print(
            f"[{i}] {r['doc']}#{r['sent']}\n    ctx: {r['context'][-200:]}\n    >>> {r['text']}\n"
        )


if __name__ == "__main__":
    main()
