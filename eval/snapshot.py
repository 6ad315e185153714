"""Score the fixed inputs and write their JSONL, to prove a refactor leaves outputs unchanged.

Usage:
    python -m eval.snapshot OUT_DIR [--classifier auto|rules]
    diff -r BEFORE_DIR AFTER_DIR   # empty when outputs are byte-identical

The inputs: the five seeds (with their gold publisher, as `eval.seeds` passes it), every file
in `examples/`, and both `eval/gold` sets (each gold article scored from its sentences, one
per line, with its publisher). Each input set becomes one JSONL file of `scorer score
--format jsonl` output.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
from pathlib import Path

from scorer.pipeline import ScoringConfig, score_files

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_SETS = ("written_articles.jsonl", "written_articles_2.jsonl")


def _score(paths: list[str], classifier: str, publisher: str | None = None) -> str:
    out = io.StringIO()
    score_files(
        paths=paths,
        config=ScoringConfig(classifier=classifier, publisher=publisher),
        fmt="jsonl",
        stream=out,
    )
    return out.getvalue()


def _gold_docs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def snapshot(out_dir: Path, classifier: str = "auto") -> list[Path]:
    """Write one JSONL per input set into `out_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    sets: dict[str, str] = {}
    sets["examples"] = _score(sorted(str(p) for p in (ROOT / "examples").iterdir()), classifier)
    seeds = []
    for doc in _gold_docs(SHARED / "gold" / "seeds.jsonl"):
        seeds.append(_score([str(SHARED / doc["file"])], classifier, doc["publisher"]))
    sets["seeds"] = "".join(seeds)
    with tempfile.TemporaryDirectory() as tmp:
        for name in GOLD_SETS:
            chunks = []
            for doc in _gold_docs(ROOT / "eval" / "gold" / name):
                path = Path(tmp) / f"{doc['id']}.txt"
                path.write_text("\n".join(s["text"] for s in doc["sentences"]), encoding="utf-8")
                chunks.append(_score([str(path)], classifier, doc["publisher"]))
            sets[name.removesuffix(".jsonl")] = "".join(chunks).replace(tmp, "<tmp>")
    for name, text in sets.items():
        path = out_dir / f"{name}.{classifier}.jsonl"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--classifier", default="auto")
    args = parser.parse_args()
    for path in snapshot(args.out_dir, args.classifier):
        print(path)


if __name__ == "__main__":
    main()
