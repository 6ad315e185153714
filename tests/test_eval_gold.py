"""The stand-off gold sets: real articles' text stays in ../shared, offsets in the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.seeds import SHARED, gold_root, hop_matches, with_text
from eval.standoff import to_stand_off

ROOT = Path(__file__).resolve().parent.parent
CHAINS_5 = ROOT / "eval" / "gold" / "chains_5.jsonl"
CHAINS_6 = ROOT / "eval" / "gold" / "chains_6.jsonl"


def _docs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", [CHAINS_5, CHAINS_6], ids=["chains_5", "chains_6"])
def test_real_chain_sets_keep_no_article_text_and_their_offsets_find_every_sentence(
    path: Path,
) -> None:
    docs = _docs(path)
    assert len(docs) == 10
    assert gold_root(path) == SHARED
    for doc in docs:
        assert all("text" not in s for s in doc["sentences"])
        filled = with_text(doc, SHARED)
        texts = [s["text"] for s in filled["sentences"]]
        assert texts[0] and all(t.strip() == t and t for t in texts)
        # offsets run forward through the article and survive a round trip
        starts = [s["start"] for s in doc["sentences"]]
        assert starts == sorted(starts)
        assert to_stand_off(filled, doc["file"].rsplit("/", 1)[0]) == doc


def test_hop_match_takes_acronyms_and_outlet_aliases_but_not_other_outlets() -> None:
    assert hop_matches("UPI", "United Press International")
    assert hop_matches("AP", "The Associated Press")
    assert not hop_matches("CBS News", "NBC News")
    assert not hop_matches("UPI", "Associated Press")


def test_pipeline_labels_scores_a_gold_file_through_the_whole_pipeline(tmp_path: Path) -> None:
    from eval.pipeline_labels import main, score_docs

    doc = {
        "id": "ward",
        "file": None,
        "publisher": "Daily Ledger",
        "sentences": [
            {
                "text": "Mayor Ed Ward said the bridge will close on Friday.",
                "content": True,
                "label": "named-source",
            },
            {
                "text": "It rained all week in the harbour town.",
                "content": True,
                "label": "named-source",
            },
            {"text": "Share this story", "content": False, "label": None},
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    rows = score_docs(gold, "rules")
    assert [(r["gold_index"], r["gold"], r["pred"]) for r in rows] == [
        (0, "named-source", "named-source"),
        (1, "named-source", "unattributed"),
    ]
    errors = tmp_path / "errors.jsonl"
    assert main(["--gold", str(gold), "--classifier", "rules", "--errors", str(errors)]) == 0
    assert [json.loads(line)["gold_index"] for line in errors.read_text().splitlines()] == [1]
