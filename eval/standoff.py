"""Turn a gold set annotated over third-party text into stand-off annotation for the repo.

Usage:
    python -m eval.standoff IN.jsonl OUT.jsonl --folder data/polnear/train/text [--folder …]

An annotator writes each article's sentences with their text (`eval.seeds`' gold format). The
text of real articles must not enter the repo, so each sentence's `text` is replaced by its
`start`/`end` character offsets in the article file (`<folder>/<id>.txt` under `../shared`),
found in order; `eval.seeds.with_text` fills the text back in when the set is read. With several
folders, each article's file is taken from the first folder that has it. A sentence
that cannot be found verbatim (or whitespace-tolerantly) stops the conversion with its id.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from eval.seeds import SHARED
from scorer.segment import locate


def to_stand_off(doc: dict[str, Any], folder: str, shared: Path = SHARED) -> dict[str, Any]:
    """`doc` with `file` set and each sentence's text replaced by offsets into that file."""
    file = f"{folder.rstrip('/')}/{doc['id']}.txt"
    raw = (shared / file).read_text(encoding="utf-8")
    sentences = []
    position = 0
    for index, sentence in enumerate(doc["sentences"]):
        span = locate(raw, sentence["text"], position) or locate(raw, sentence["text"], 0)
        if span is None:
            raise ValueError(f"{doc['id']}: sentence {index} not found: {sentence['text'][:60]!r}")
        start, end = span
        position = end
        kept = {k: v for k, v in sentence.items() if k != "text"}
        sentences.append({"start": start, "end": end, **kept})
    return {
        **{k: v for k, v in doc.items() if k != "sentences"},
        "file": file,
        "sentences": sentences,
    }


def _folder_of(article: str, folders: list[str], shared: Path = SHARED) -> str:
    """The first of `folders` that holds `<article>.txt`."""
    for folder in folders:
        if (shared / folder.rstrip("/") / f"{article}.txt").is_file():
            return folder
    raise SystemExit(f"{article}.txt is in none of {', '.join(folders)} under {shared}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--folder",
        required=True,
        action="append",
        help="article folder under ../shared (repeat it for articles in several folders)",
    )
    args = parser.parse_args()
    docs = [
        json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line
    ]
    lines = [
        json.dumps(to_stand_off(doc, _folder_of(doc["id"], args.folder)), ensure_ascii=False)
        for doc in docs
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles, {sum(len(d['sentences']) for d in docs)} sentences → {args.out}")


if __name__ == "__main__":
    main()
