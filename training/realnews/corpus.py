"""The real-news corpus: two independent label passes, agreement, adjudication, splits.

Stand-off only: `training/realnews/corpus.jsonl` holds, per sentence, the article id, character
offsets into the PolNeAR text in ../shared, both annotators' labels, the adjudicated label and the
split. Text is read from ../shared whenever a data set is built.

Usage:
    python -m training.realnews.corpus merge --passes /tmp/realnews/passA /tmp/realnews/passB \\
        --adjudicated /tmp/realnews/adjudicated   # writes corpus.jsonl, prints kappa per label
    python -m training.realnews.corpus gold --split test --out /tmp/realnews_test.jsonl
    python -m training.realnews.corpus rows --split train --out training/build/realnews_train.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from scorer.article import LABELS, Article, Label
from scorer.pipeline import Scorer, ScoringConfig
from scorer.segment import CONTEXT_SENTENCES
from training.realnews.packets import article_text
from training.realnews.sample import locate

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"
SAMPLE = HERE / "sample.jsonl"
NOT_CONTENT = "not-content"
VALID = (*LABELS, NOT_CONTENT)


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_ids(ids_dir: Path) -> dict[str, dict[str, str]]:
    """Packet id maps by packet name (`shard` for the article shards, one per supplement)."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in ids_dir.glob("*.json")}


def read_pass(directory: Path, id_maps: dict[str, dict[str, str]]) -> dict[str, str]:
    """sid → label from one pass's files (`{"id": "a007.s3", "label": ...}` lines); a file
    `supplement_x.jsonl` uses the id map of its packet, `shardN.jsonl` the shards' map."""
    labels: dict[str, str] = {}
    for path in sorted(directory.glob("*.jsonl")):
        ids = id_maps.get(path.stem) or id_maps[path.stem.rstrip("0123456789")]
        for row in _read_jsonl(path):
            label = str(row.get("label", "")).strip()
            if row.get("id") in ids and label in VALID:
                labels[ids[row["id"]]] = label
    return labels


def read_adjudicated(directory: Path, id_maps: dict[str, dict[str, str]]) -> dict[str, str]:
    """sid → label from `adjudicatedK.jsonl` files, each read with its `worklistK.jsonl`
    (which names the packet of every id)."""
    labels: dict[str, str] = {}
    for path in sorted(directory.glob("adjudicated*.jsonl")):
        worklist = directory / path.name.replace("adjudicated", "worklist")
        packet = {w["id"]: Path(w["packet"]).stem for w in _read_jsonl(worklist)}
        for row in _read_jsonl(path):
            stem = packet.get(row.get("id", ""))
            label = str(row.get("label", "")).strip()
            if stem is None or label not in VALID:
                continue
            ids = id_maps.get(stem) or id_maps[stem.rstrip("0123456789")]
            labels[ids[row["id"]]] = label
    return labels


def kappa_per_label(a: list[str], b: list[str]) -> dict[str, float]:
    """Cohen's kappa overall and for each label one-vs-rest (before adjudication)."""
    out = {"overall": float(cohen_kappa_score(a, b))}
    for label in VALID:
        x = [v == label for v in a]
        y = [v == label for v in b]
        if any(x) or any(y):
            out[label] = float(cohen_kappa_score(x, y))
    return out


TEST_FLOORS = {"sentences": 850, Label.DENIAL.value: 85, Label.ANONYMOUS.value: 160}
"""The test split must hold at least these (issue 10 asks 800 / 80 / 150; a margin on top)."""


DEV_SHARE = 20


def _hash(stem: str) -> int:
    return int(hashlib.sha1(stem.encode()).hexdigest(), 16)


def assign_splits(rows: list[dict]) -> None:
    """Split by article, in place, in a fixed hash order, so that no PolNeAR-dev text is ever
    trained on (the card reports PolNeAR dev) and the test split holds enough rare labels:

    1. test takes PolNeAR-dev articles, richest in the rare labels first, until it holds
       TEST_FLOORS["sentences"];
    2. then articles the supplements sampled (a sentence or two each, mostly denials and
       anonymous sources) until it reaches the label floors;
    3. dev takes the other PolNeAR-dev articles and DEV_SHARE% of the other supplement articles
       (so that it has rare labels to calibrate on); train takes the rest.

    Training builds drop the PolNeAR-derived rows of test articles (`test_articles`)."""
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)

    def polnear_dev(article: str) -> bool:
        return by_article[article][0]["sample_split"] == "test"

    def supplement(article: str) -> bool:
        return all(w.endswith("-supplement") for w in by_article[article][0]["why"])

    test: set[str] = set()

    def count(key: str) -> int:
        if key == "sentences":
            return sum(len(by_article[a]) for a in test)
        return sum(r["label"] == key for a in test for r in by_article[a])

    def rare(article: str) -> int:
        rare_labels = (Label.DENIAL.value, Label.ANONYMOUS.value)
        return sum(r["label"] in rare_labels for r in by_article[article])

    for article in sorted(
        (a for a in by_article if polnear_dev(a)), key=lambda a: (-rare(a), _hash(a))
    ):
        if count("sentences") >= TEST_FLOORS["sentences"]:
            break
        test.add(article)
    for article in sorted((a for a in by_article if supplement(a)), key=_hash):
        if all(count(k) >= v for k, v in TEST_FLOORS.items()):
            break
        test.add(article)
    for article, article_rows in by_article.items():
        dev = polnear_dev(article) or (supplement(article) and _hash(article) % 100 < DEV_SHARE)
        split = "test" if article in test else ("dev" if dev else "train")
        for row in article_rows:
            row["split"] = split


def test_articles() -> set[str]:
    """PolNeAR article ids in the real-news test split (never to be trained on)."""
    if not CORPUS.exists():
        return set()
    return {r["article"] for r in _read_jsonl(CORPUS) if r["split"] == "test"}


def labelled_sentences() -> set[tuple[str, str]]:
    """(article id, whitespace-normalised sentence text) of every sentence the corpus labels."""
    out = set()
    texts: dict[str, str] = {}
    for row in _read_jsonl(CORPUS):
        if row["article"] not in texts:
            texts[row["article"]] = article_text(row["article"])
        sentence = texts[row["article"]][row["start"] : row["end"]]
        out.add((row["article"], " ".join(sentence.split())))
    return out


def _corpus_row(row: dict, a: str, b: str, label: str | None, annotators: str) -> dict:
    """A sample row joined with its two passes' labels and the adjudicated one."""
    return {
        **{k: row[k] for k in ("sid", "article", "publisher", "start", "end", "why")},
        "sample_split": row["split"],
        "annotator_a": f"{annotators}-a",
        "label_a": a,
        "annotator_b": f"{annotators}-b",
        "label_b": b,
        "label": label,
    }


def _summary(rows: list[dict], splits: tuple[str, ...]) -> dict:
    """Counts, agreement before adjudication and labels per split of a set of corpus rows."""
    done = [r for r in rows if r["label"] and r["label"] != NOT_CONTENT]
    return {
        "sentences": len(rows),
        "articles": len({r["article"] for r in rows}),
        "agreed": sum(r["label_a"] == r["label_b"] for r in rows),
        "unadjudicated": sum(r["label"] is None for r in rows),
        "kappa": kappa_per_label([r["label_a"] for r in rows], [r["label_b"] for r in rows]),
        "by_split": {
            split: dict(Counter(r["label"] for r in done if r["split"] == split))
            for split in splits
        },
    }


def merge(passes: list[Path], adjudicated: Path | None, ids_dir: Path) -> dict:
    """Join the sample with both passes and the adjudication; write corpus.jsonl."""
    ids = read_ids(ids_dir)
    pass_a, pass_b = (read_pass(p, ids) for p in passes)
    adj = read_adjudicated(adjudicated, ids) if adjudicated and adjudicated.exists() else {}
    rows = []
    for row in _read_jsonl(SAMPLE):
        sid = row["sid"]
        if sid not in pass_a or sid not in pass_b:
            continue
        a, b = pass_a[sid], pass_b[sid]
        label = a if a == b else adj.get(sid)
        rows.append(_corpus_row(row, a, b, label, "pass"))
    assign_splits(rows)
    with CORPUS.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    summary = _summary(rows, ("train", "dev", "test"))
    done = [r for r in rows if r["label"] and r["label"] != NOT_CONTENT]
    return {
        **summary,
        "publishers": len({r["publisher"] for r in rows}),
        "labels": dict(Counter(r["label"] for r in done)),
    }


def add_round(
    sample: Path, passes: list[Path], adjudicated: Path | None, ids_dir: Path, name: str
) -> dict:
    """Append a later annotation round to corpus.jsonl: its sample's rows with both passes and
    the adjudication. The round's rows keep the split their sample gave them (never test), and
    the rows already in the corpus are left as they are, so the test split does not move."""
    ids = read_ids(ids_dir)
    pass_a, pass_b = (read_pass(p, ids) for p in passes)
    adj = read_adjudicated(adjudicated, ids) if adjudicated and adjudicated.exists() else {}
    old = _read_jsonl(CORPUS)
    known = {r["sid"] for r in old}
    test = {r["article"] for r in old if r["split"] == "test"}
    rows = []
    for row in _read_jsonl(sample):
        sid = row["sid"]
        if sid in known or sid not in pass_a or sid not in pass_b:
            continue
        if row["split"] == "test" or row["article"] in test:
            raise ValueError(f"{sid}: a later round never adds to the test split")
        a, b = pass_a[sid], pass_b[sid]
        label = a if a == b else adj.get(sid)
        rows.append({**_corpus_row(row, a, b, label, name), "split": row["split"]})
    with CORPUS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return _summary(rows, ("train", "dev"))


def articles_with_labels(split: str) -> Iterable[tuple[str, str, list[tuple[str, str | None]]]]:
    """(article id, publisher, [(sentence, gold label or None)]) in the scorer's segmentation."""
    rows = [r for r in _read_jsonl(CORPUS) if r["split"] == split and r["label"]]
    by_article: dict[str, dict[tuple[int, int], dict]] = {}
    for row in rows:
        by_article.setdefault(row["article"], {})[(row["start"], row["end"])] = row
    scorer = Scorer(ScoringConfig(classifier="rules"))
    for stem in sorted(by_article):
        text = article_text(stem)
        article = scorer.score_articles([Article(id=stem, raw=text, source=stem)])[0]
        out, pos = [], 0
        for sentence in article.sentences:
            span = locate(text, sentence.text, pos)
            if span:
                pos = span[1]
            row = by_article[stem].get(span) if span else None
            if row is None and span:
                # a sentence that now starts earlier (a wire dateline kept with it) keeps the
                # label its text was given
                row = next(
                    (r for (a, b), r in by_article[stem].items() if b == span[1] and a > span[0]),
                    None,
                )
            label = row["label"] if row and row["label"] in LABELS else None
            out.append((sentence.text, label))
        publisher = next(iter(by_article[stem].values()))["publisher"]
        yield stem, publisher, out


def write_gold(split: str, out: Path) -> int:
    """A gold file in `scorer eval`'s format (unlabelled sentences are context only)."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for stem, publisher, sentences in articles_with_labels(split):
            doc = {
                "id": stem,
                "file": None,
                "publisher": publisher,
                "credit": None,
                "sentences": [{"text": t, "content": True, "label": lab} for t, lab in sentences],
            }
            n += sum(lab is not None for _, lab in sentences)
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return n


def write_rows(split: str, out: Path) -> int:
    """Training rows (`text`, `context`, `label`, `origin`) for `scorer train`."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for stem, _, sentences in articles_with_labels(split):
            texts = [t for t, _ in sentences]
            for i, (text, label) in enumerate(sentences):
                if label is None:
                    continue
                context = " ".join(texts[max(0, i - CONTEXT_SENTENCES) : i])
                f.write(
                    json.dumps(
                        {
                            "text": text,
                            "context": context,
                            "label": label,
                            "origin": "realnews",
                            "doc": stem,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
                n += 1
    return n


def disputes(passes: list[Path], ids_dir: Path, packets: Path) -> list[dict]:
    """The adjudicator's work list: every sentence the two passes labelled differently, with
    its packet file and both labels in a neutral (sorted) order."""
    id_maps = read_ids(ids_dir)
    pass_a, pass_b = (read_pass(p, id_maps) for p in passes)
    where: dict[str, tuple[str, str]] = {}
    for path in sorted(passes[0].glob("*.jsonl")):
        ids = id_maps.get(path.stem) or id_maps[path.stem.rstrip("0123456789")]
        for row in _read_jsonl(path):
            sid = ids.get(row.get("id", ""))
            if sid:
                where[sid] = (row["id"], str(packets / f"{path.stem}.txt"))
    out = []
    for sid, (pid, packet) in where.items():
        if sid in pass_b and pass_a.get(sid) != pass_b[sid]:
            out.append({"id": pid, "packet": packet, "options": sorted({pass_a[sid], pass_b[sid]})})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("merge")
    m.add_argument("--passes", type=Path, nargs=2, required=True)
    m.add_argument("--adjudicated", type=Path)
    m.add_argument("--ids", type=Path, default=Path("/tmp/realnews/ids"))
    d = sub.add_parser("disputes")
    d.add_argument("--passes", type=Path, nargs=2, required=True)
    d.add_argument("--ids", type=Path, default=Path("/tmp/realnews/ids"))
    d.add_argument("--packets", type=Path, default=Path("/tmp/realnews"))
    d.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("add", help="append a later annotation round (train/dev only)")
    r.add_argument("--sample", type=Path, required=True)
    r.add_argument("--passes", type=Path, nargs=2, required=True)
    r.add_argument("--adjudicated", type=Path)
    r.add_argument("--ids", type=Path, required=True)
    r.add_argument("--name", default="round-2")
    for name in ("gold", "rows"):
        p = sub.add_parser(name)
        p.add_argument("--split", choices=("train", "dev", "test"), required=True)
        p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "disputes":
        items = disputes(args.passes, args.ids, args.packets)
        args.out.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        print(f"{len(items)} disputed sentences -> {args.out}")
    elif args.command == "add":
        summary = add_round(args.sample, args.passes, args.adjudicated, args.ids, args.name)
        print(json.dumps(summary, indent=1))
    elif args.command == "merge":
        print(json.dumps(merge(args.passes, args.adjudicated, args.ids), indent=1))
    elif args.command == "gold":
        print(f"{write_gold(args.split, args.out)} labelled sentences -> {args.out}")
    else:
        print(f"{write_rows(args.split, args.out)} rows -> {args.out}")


if __name__ == "__main__":
    main()
