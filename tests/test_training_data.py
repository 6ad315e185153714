"""Checks of the training-data builders on the real corpora under /work/shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from training import build_data, gum, polnear
from training import sourcing_rules as rules

POLNEAR = polnear.DEFAULT_ROOT
GUM = gum.DEFAULT_ROOT

pytestmark = pytest.mark.skipif(
    not (POLNEAR.exists() and GUM.exists()), reason="shared corpora not present"
)

LYNCH = "wash-post_2016-09-14_a-lesson-from-loretta-lynch-be-t"
GRAYSON = "politico_2016-07-29_sex-lies-and-the-grayson-family-"


@pytest.fixture(scope="module")
def nlp():
    from training.nlp import load_nlp

    return load_nlp()


def _article(stem: str, split: str, cache: Path) -> polnear.Article:
    art = next(a for a in polnear.read_articles(POLNEAR, (split,)) if a.stem == stem)
    polnear.segment([art], cache, cache_name=f"test_{stem}")
    return art


def _sentence(nlp, split: str, stem: str, needle: str):
    text = (POLNEAR / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if needle in line)
    return next(s for s in nlp(line).sents if needle in s.text)


# --- brat reading ------------------------------------------------------------


def test_one_annotator_per_article_chosen_alphabetically():
    chosen = polnear.pick_annotations(POLNEAR / "train")
    assert len(chosen) == len(list((POLNEAR / "train" / "text").glob("*.txt")))
    stem = "wash-post_2016-07-02_judge-blocks-mississippi-s-relig"
    multi = sorted((POLNEAR / "train" / "attributions").glob(f"{stem}_*.ann"))
    assert len(multi) == 6
    assert chosen[stem] == multi[0]


def test_read_ann_offsets_match_text():
    ann = polnear.pick_annotations(POLNEAR / "dev")[LYNCH]
    text = (POLNEAR / "dev" / "text" / f"{LYNCH}.txt").read_text(encoding="utf-8")
    atts = polnear.read_ann(ann)
    assert len(atts) > 10
    sources = [text[a.source.start : a.source.end] for a in atts if a.source]
    assert "She" in sources or "she" in sources


# --- derivation on real articles -------------------------------------------


@pytest.mark.slow
def test_article_has_attributed_and_unattributed_rows(tmp_path):
    rows = polnear.label_article(_article(LYNCH, "dev", tmp_path))
    labels = {r["label"] for r in rows}
    assert "named-source" in labels and "unattributed" in labels
    assert all(r["doc"] == LYNCH and r["split"] == "dev" for r in rows)
    assert rows[0]["context"] == "" and rows[2]["context"].startswith(rows[0]["text"])


@pytest.mark.slow
def test_pronoun_source_resolves_to_named_antecedent(tmp_path):
    art = _article(LYNCH, "dev", tmp_path)
    atts, infos = polnear.classify_attributions(art)
    pronouns = [i for i in infos if i.kind == "pronoun" and i.text.lower() == "she"]
    assert pronouns and all(i.status == "named" for i in pronouns)
    she_said = [r for r in polnear.label_article(art) if r["text"].startswith("She said")]
    assert she_said and all(r["label"] == "named-source" for r in she_said)


def test_back_reference_keeps_anonymity():
    infos = [
        rules.SourceInfo(
            "a senior administration official",
            "anonymous",
            head_lemma="official",
            status="anonymous",
            person=True,
        ),
        rules.SourceInfo("Clinton", "named", head_lemma="clinton", status="named", person=True),
        rules.SourceInfo("the official", "backref", head_lemma="official"),
        rules.SourceInfo("she", "pronoun"),
    ]
    rules.resolve_sources(infos)
    assert infos[2].status == "anonymous"  # matched by head noun, not by recency
    assert infos[3].status == "named"


def test_titled_role_is_named(nlp):
    doc = nlp("Clinton's campaign manager said the polls were wrong.")
    span = doc[0:4]
    assert rules.classify_source(span, span.text).status == "named"
    doc = nlp("A source familiar with Clinton's thinking said so.")
    span = doc[0:7]
    assert rules.classify_source(span, span.text).status == "anonymous"


def test_denial_rule_fires_on_real_denials(nlp):
    sent = _sentence(
        nlp,
        "dev",
        "usa-today_2016-09-08_candidates-vie-for-vets-support-",
        "she denied that she mishandled",
    )
    assert rules.denial_trigger(sent) == "denied"
    sent = _sentence(nlp, "train", GRAYSON, "He denied the charges")
    assert rules.denial_trigger(sent) == "denied"


def test_denial_rule_ignores_non_answers_and_put_downs(nlp):
    sent = _sentence(
        nlp, "dev", "nyt_2016-10-02_a-curious-plan-to-fight-climate-", "he declined to comment"
    )
    assert rules.denial_trigger(sent) is None
    put_down = next(nlp("Trump dismissed Walker as ineffective.").sents)
    assert rules.denial_trigger(put_down) is None
    claim = next(nlp("The Kremlin dismissed the report as fake news.").sents)
    assert rules.denial_trigger(claim) == "dismissed"


# --- GUM ----------------------------------------------------------------------


def test_gum_annotations_cover_every_sentence_with_valid_labels():
    docs = gum.read_documents(GUM)
    labels = gum.read_annotations()
    assert len(docs) == 24
    wanted = {(doc, s.sent_id) for doc, sents in docs.items() for s in sents}
    assert set(labels) == wanted
    assert set(labels.values()) <= set(gum.LABELS) | {gum.NOT_CONTENT}
    assert {v for v in labels.values()} >= set(gum.LABELS)


def test_gum_rows_and_gold_split_by_splits_md():
    rows, gold = gum.build_rows(GUM)
    held = gum.held_out_docs(GUM)
    assert held == {
        "GUM_news_homeopathic",
        "GUM_news_iodine",
        "GUM_news_nasa",
        "GUM_news_sensitive",
    }
    assert {r["split"] for r in rows if r["doc"] in held} == {"gum-dev"}
    assert {r["split"] for r in rows if r["doc"] not in held} == {"train"}
    assert {g["id"] for g in gold} == held
    for doc in gold:
        assert doc["publisher"] == "Wikinews" and doc["credit"] is None
        for s in doc["sentences"]:
            assert s["content"] == (s["label"] is not None)
            assert s["chains"] == []
    # The headline is content.
    assert all(d["sentences"][0]["content"] for d in gold)


# --- the builder ---------------------------------------------------------------


def test_written_examples_split_ninety_ten(tmp_path):
    path = tmp_path / "examples.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "text": f"Officials said {i}.",
                    "context": "",
                    "label": "anonymous-source",
                    "domain": "test",
                    "kind": "plain",
                }
            )
            + "\n"
            for i in range(50)
        )
    )
    train, dev = build_data.split_written(path)
    assert (len(train), len(dev)) == (45, 5)
    assert {r["origin"] for r in train + dev} == {"written"}
    assert build_data.split_written(path) == (train, dev)  # seeded


def test_written_examples_bad_label_is_reported(tmp_path):
    path = tmp_path / "examples.jsonl"
    path.write_text(json.dumps({"text": "x", "label": "named"}) + "\n")
    with pytest.raises(ValueError, match="not one of"):
        build_data.split_written(path)
