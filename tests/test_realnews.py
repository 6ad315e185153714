"""The real-news corpus: stand-off rows, two independent passes, adjudication, article splits."""

from __future__ import annotations

import json
from collections import Counter
from itertools import islice

import pytest

from scorer.article import LABELS
from training.build_data import _keep
from training.realnews import corpus
from training.realnews.packets import article_text

ROWS = [json.loads(line) for line in corpus.CORPUS.read_text(encoding="utf-8").splitlines()]


def test_corpus_is_stand_off_and_large_enough() -> None:
    assert len(ROWS) >= 3000
    assert len({r["article"] for r in ROWS}) >= 100
    assert len({r["publisher"] for r in ROWS}) >= 5
    for row in ROWS:
        assert "text" not in row  # third-party text stays in ../shared
        assert row["end"] > row["start"] >= 0


def test_every_sentence_has_two_labels_and_an_adjudicated_one() -> None:
    valid = set(corpus.VALID)
    for row in ROWS:
        assert row["label_a"] in valid and row["label_b"] in valid
        assert row["annotator_a"] != row["annotator_b"]
        if row["label_a"] == row["label_b"]:
            assert row["label"] == row["label_a"]
        else:
            assert row["label"] in valid, f"{row['sid']} is not adjudicated"


def test_agreement_before_adjudication_is_substantial() -> None:
    kappa = corpus.kappa_per_label([r["label_a"] for r in ROWS], [r["label_b"] for r in ROWS])
    assert kappa["overall"] >= 0.8
    for label in LABELS:
        assert kappa[label] >= 0.7, label


def test_splits_are_by_article_and_test_meets_its_floors() -> None:
    split_of: dict[str, set[str]] = {}
    for row in ROWS:
        split_of.setdefault(row["article"], set()).add(row["split"])
    assert all(len(splits) == 1 for splits in split_of.values())
    test = Counter(r["label"] for r in ROWS if r["split"] == "test" and r["label"] in LABELS)
    assert sum(test.values()) >= 800
    assert test["official-denial"] >= 80 and test["anonymous-source"] >= 150
    # PolNeAR-dev text (a gold set of the model card) is never in the training split
    assert not any(r["sample_split"] == "test" and r["split"] == "train" for r in ROWS)


def test_offsets_point_at_sentences_of_the_shared_text() -> None:
    for row in islice(ROWS, 0, None, 97):
        text = article_text(row["article"])
        sentence = text[row["start"] : row["end"]]
        assert row["end"] <= len(text)
        assert sentence == sentence.strip() and any(ch.isalpha() for ch in sentence)


def test_test_articles_never_reach_training() -> None:
    test = corpus.test_articles()
    labelled = corpus.labelled_sentences()
    article = next(iter(test))
    assert not _keep({"doc": article, "text": "Anything at all."}, test, labelled)
    train_row = next(r for r in ROWS if r["split"] == "train")
    text = " ".join(
        article_text(train_row["article"])[train_row["start"] : train_row["end"]].split()
    )
    assert not _keep({"doc": train_row["article"], "text": text}, test, labelled)
    assert _keep(
        {"doc": train_row["article"], "text": "A sentence nobody labelled."}, test, labelled
    )


@pytest.mark.slow
def test_gold_file_labels_the_corpus_sentences(tmp_path) -> None:
    out = tmp_path / "test.jsonl"
    n = corpus.write_gold("test", out)
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    labelled = sum(1 for r in ROWS if r["split"] == "test" and r["label"] in LABELS)
    assert n >= 0.97 * labelled  # a few sentences the segmenter now splits differently are lost
    assert {d["id"] for d in docs} == corpus.test_articles()


def _write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_a_later_round_appends_without_moving_the_splits(tmp_path, monkeypatch) -> None:
    old = [r for r in ROWS[:40]]
    base = tmp_path / "corpus.jsonl"
    _write_jsonl(base, old)
    monkeypatch.setattr(corpus, "CORPUS", base)
    train_article = next(r["article"] for r in ROWS if r["split"] == "train")
    new = [
        {
            "sid": f"{train_article}#{9000 + k}",
            "article": train_article,
            "publisher": "nyt",
            "split": "train",
            "start": 9000 + k,
            "end": 9010 + k,
            "why": ["round-2"],
        }
        for k in range(3)
    ]
    sample = tmp_path / "sample.jsonl"
    _write_jsonl(sample, new)
    ids = tmp_path / "ids"
    ids.mkdir()
    (ids / "shard.json").write_text(json.dumps({f"a000.s{k}": r["sid"] for k, r in enumerate(new)}))
    for name, labels in (("A", ["named-source"] * 3), ("B", ["named-source", "unattributed"] * 2)):
        (tmp_path / name).mkdir()
        _write_jsonl(
            tmp_path / name / "shard1.jsonl",
            [{"id": f"a000.s{k}", "label": labels[k]} for k in range(3)],
        )
    adjudicated = tmp_path / "adj"
    adjudicated.mkdir()
    _write_jsonl(adjudicated / "worklist1.jsonl", [{"id": "a000.s1", "packet": "x/shard1.txt"}])
    _write_jsonl(adjudicated / "adjudicated1.jsonl", [{"id": "a000.s1", "label": "unattributed"}])

    summary = corpus.add_round(sample, [tmp_path / "A", tmp_path / "B"], adjudicated, ids, "r2")

    rows = [json.loads(line) for line in base.read_text().splitlines()]
    assert rows[: len(old)] == old  # the first round is untouched
    added = rows[len(old) :]
    assert [r["label"] for r in added] == ["named-source", "unattributed", "named-source"]
    assert {r["split"] for r in added} == {"train"} and added[0]["annotator_a"] == "r2-a"
    assert summary["sentences"] == 3 and summary["agreed"] == 2


def test_a_later_round_never_adds_to_the_test_split(tmp_path, monkeypatch) -> None:
    base = tmp_path / "corpus.jsonl"
    test_row = next(r for r in ROWS if r["split"] == "test")
    _write_jsonl(base, [test_row])
    monkeypatch.setattr(corpus, "CORPUS", base)
    sid = f"{test_row['article']}#99999"
    row = {**{k: test_row[k] for k in ("article", "publisher", "why")}, "sid": sid}
    _write_jsonl(tmp_path / "s.jsonl", [{**row, "split": "train", "start": 1, "end": 2}])
    ids = tmp_path / "ids"
    ids.mkdir()
    (ids / "shard.json").write_text(json.dumps({"a000.s1": sid}))
    for name in ("A", "B"):
        (tmp_path / name).mkdir()
        _write_jsonl(tmp_path / name / "shard1.jsonl", [{"id": "a000.s1", "label": "unattributed"}])
    with pytest.raises(ValueError, match="test split"):
        corpus.add_round(tmp_path / "s.jsonl", [tmp_path / "A", tmp_path / "B"], None, ids, "r2")
