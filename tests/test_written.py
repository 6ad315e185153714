"""The written-example generators: byte-identical regeneration, injected randomness, layout."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from scorer.article import LABELS
from training.written import generate, references, spokespeople
from training.written.inventory import COUNTRIES, DOMAIN_PARTS, DOMAINS

WRITTEN = Path(__file__).resolve().parent.parent / "training" / "written"
COMMITTED = ("examples.jsonl", "handwritten.jsonl", "spokespeople.jsonl", "references.jsonl")


def test_regenerates_committed_files_byte_for_byte(tmp_path: Path) -> None:
    generate.write_examples(out_dir=tmp_path)
    spokespeople.write_spokespeople(out_dir=tmp_path)
    references.write_references(out_dir=tmp_path)
    for name in COMMITTED:
        assert (tmp_path / name).read_bytes() == (WRITTEN / name).read_bytes(), name


def test_generators_draw_only_from_the_injected_rng() -> None:
    """Same seed, same rows; the module-level random state plays no part."""
    hand = generate.load_handwritten()
    random.seed(1)
    first = generate.example_rows(random.Random(7), hand)
    random.seed(2)
    second = generate.example_rows(random.Random(7), hand)
    assert first == second
    assert first != generate.example_rows(random.Random(8), hand)


@pytest.mark.parametrize(
    "kind, label, fn, target", generate.PLAN, ids=[p[0] for p in generate.PLAN]
)
def test_each_generator_writes_a_sentence(kind: str, label: str, fn, target: int) -> None:
    assert label in LABELS
    rng = random.Random(kind)
    for dom in DOMAINS:
        if fn is None:
            word, context, text = generate.g_hard_trigger(rng, dom)
            assert word and isinstance(context, str)
        else:
            context, text = fn(rng, dom)
        assert text and text == text.strip() and "{" not in text and "{" not in context


def test_every_label_comes_from_scorer() -> None:
    rows = [
        *generate.example_rows(random.Random(0), generate.load_handwritten()),
        *spokespeople.spokesperson_rows(random.Random(0)),
        *references.reference_rows(random.Random(0)),
    ]
    assert {row["label"] for row in rows} == set(LABELS)


def test_inventories_load_records_as_tuples_in_order() -> None:
    assert COUNTRIES[0] == ("Valdoria", "Valdorian", "Port Ansel")
    assert DOMAINS[:3] == ["politics", "business", "crime"]
    role = DOMAIN_PARTS["politics"]["roles"][0]
    assert role == ("Finance Minister", "the finance minister", "minister")


def test_modules_stay_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in WRITTEN.glob("*.py")}
    assert {"generate.py", "inventory.py", "spokespeople.py", "references.py"} <= set(sizes)
    assert max(sizes.values()) <= 700, sizes
