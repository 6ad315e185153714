"""Join our stand-off labels for the GUM news documents with the GUM text.

`training/annotations/gum_news.tsv` holds one hand-assigned label per GUM news sentence
(`doc`, `sent_id`, `label`), no text. The text comes from the CoNLL-U files of the GUM
corpus (Wikinews, CC BY 2.5), read at build time.

Besides the four labels, the file uses `not-content` for page furniture (datelines,
photo captions and credits, pull quotes, "Sources"/category lists); such sentences are
left out of training rows and written with `content: false` into the gold file.

Example:
    >>> rows, gold = build_rows()                      # doctest: +SKIP
    >>> {r["split"] for r in rows}                     # doctest: +SKIP
    {'train', 'gum-dev'}
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path("/work/shared/data/gum_news")
ANNOTATIONS = Path(__file__).parent / "annotations" / "gum_news.tsv"
LABELS = ("named-source", "anonymous-source", "official-denial", "unattributed")
NOT_CONTENT = "not-content"


@dataclass
class GumSentence:
    doc: str
    sent_id: str
    text: str


def read_conllu(path: Path) -> list[GumSentence]:
    """The sentences (`# sent_id`, `# text`) of one GUM CoNLL-U file, in order."""
    doc = path.stem
    out: list[GumSentence] = []
    sent_id = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text") and sent_id is not None:
            out.append(GumSentence(doc, sent_id, line.split("=", 1)[1].strip()))
            sent_id = None
    return out


def read_documents(root: Path = DEFAULT_ROOT) -> dict[str, list[GumSentence]]:
    """Map GUM news document id -> its sentences."""
    return {p.stem: read_conllu(p) for p in sorted((root / "dep").glob("GUM_news_*.conllu"))}


def read_annotations(path: Path = ANNOTATIONS) -> dict[tuple[str, str], str]:
    """Map (doc, sent_id) -> label from the stand-off TSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["doc"], r["sent_id"]): r["label"] for r in csv.DictReader(fh, delimiter="\t")}


def held_out_docs(root: Path = DEFAULT_ROOT) -> set[str]:
    """GUM news documents listed under `## dev` or `## test` in `splits.md`."""
    held, section = set(), None
    for line in (root / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif section in ("dev", "test") and (m := re.match(r"\s*\*\s*(GUM_news_\S+)", line)):
            held.add(m.group(1))
    return held


def build_rows(
    root: Path = DEFAULT_ROOT, annotations: Path = ANNOTATIONS
) -> tuple[list[dict], list[dict]]:
    """Labelled GUM rows (split `train` or `gum-dev`) and gold documents for the held-out ones.

    Raises:
        ValueError: when a sentence has no label or a label is not a known one.
    """
    docs = read_documents(root)
    labels = read_annotations(annotations)
    held = held_out_docs(root)
    rows: list[dict] = []
    gold: list[dict] = []
    for doc, sents in docs.items():
        split = "gum-dev" if doc in held else "train"
        content: list[str] = []
        gold_sents = []
        for sent in sents:
            label = labels.get((doc, sent.sent_id))
            if label is None:
                raise ValueError(
                    f"No label for {doc} {sent.sent_id} in {annotations}; "
                    "add a row with one of " + ", ".join(LABELS + (NOT_CONTENT,))
                )
            if label not in LABELS and label != NOT_CONTENT:
                raise ValueError(
                    f"Unknown label {label!r} for {sent.sent_id}; expected one of "
                    + ", ".join(LABELS + (NOT_CONTENT,))
                )
            if label == NOT_CONTENT:
                gold_sents.append(
                    {"text": sent.text, "content": False, "label": None, "chains": []}
                )
                continue
            rows.append(
                {
                    "text": sent.text,
                    "context": " ".join(content[-2:]),
                    "label": label,
                    "origin": "gum",
                    "doc": doc,
                    "sent": sent.sent_id,
                    "split": split,
                }
            )
            content.append(sent.text)
            gold_sents.append({"text": sent.text, "content": True, "label": label, "chains": []})
        if split == "gum-dev":
            gold.append(
                {
                    "id": doc,
                    "file": f"{doc}.conllu",
                    "publisher": "Wikinews",
                    "credit": None,
                    "sentences": gold_sents,
                }
            )
    return rows, gold
