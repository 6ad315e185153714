"""The seed checks behind issues 2 and 4: furniture let through, content kept, chains found.

Usage:
    python -m eval.seeds [--gold ../shared/gold/seeds.jsonl] [--classifier auto|model|rules]

It runs the full `scorer score` pipeline on each seed file, matches the output sentences to the
gold sentences by normalised text (a fragment of a gold sentence counts as that sentence), and
reports per seed and in total: furniture/duplicate sentences let through, gold content sentences
kept, and attributed gold sentences whose first gold chain is among the predicted chains
(hop names matched loosely, order and length exact), and how many sentences had their chains
cut back or re-typed to agree with their label (`scorer.consistency.reconcile`; the label
always wins). The gold publisher is passed as `--publisher`, as the issue prescribes.

A gold document without a `file` (the project's `eval/gold/written_articles.jsonl`) is scored
from its own sentences, one per line: `python -m eval.seeds --gold eval/gold/written_articles.jsonl`
then measures chains on articles the seeds never steered.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scorer.article import ATTRIBUTED
from scorer.clean import normalise
from scorer.consistency import reconcile
from scorer.outlets import default_registry
from scorer.pipeline import Scorer, ScoringConfig

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _key(text: str) -> str:
    return re.sub(r"[^\w ]", "", normalise(text))


def hop_matches(gold: str, predicted: str) -> bool:
    """Loose hop-name match: case, leading "the", punctuation and word containment ignored; an
    acronym matches the name it abbreviates ("UPI", "United Press International"), and two
    names of one registry outlet match ("AP", "The Associated Press").

    >>> hop_matches("UPI", "United Press International"), hop_matches("AP", "Associated Press")
    (True, True)
    >>> hop_matches("CBS News", "NBC News")
    False
    """
    a = re.sub(r"^the ", "", _key(gold))
    b = re.sub(r"^the ", "", _key(predicted))
    if not a or not b:
        return False
    if a == b or a in b or b in a:
        return True
    if _abbreviates(gold, predicted) or _abbreviates(predicted, gold):
        return True
    registry = default_registry()
    outlet = registry.lookup(gold)
    if outlet is not None and outlet is registry.lookup(predicted):
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / len(wa | wb) >= 0.5


def _abbreviates(short: str, long: str) -> bool:
    """`short` is an all-capitals acronym of `long`'s capitalised words ("CDC" of "Centers
    for Disease Control")."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", long) if w[0].isupper())
    return len(letters) >= 2 and letters.isupper() and letters == initials


def chain_matches(gold: list[str], predicted: list[dict[str, Any]]) -> bool:
    return len(gold) == len(predicted) and all(
        hop_matches(g, p["name"]) for g, p in zip(gold, predicted)
    )


@dataclass
class SeedReport:
    """Figures for one seed document."""

    id: str
    content_total: int = 0
    content_kept: int = 0
    leaked: list[str] = field(default_factory=list)
    chains_total: int = 0
    chains_found: int = 0
    chain_misses: list[str] = field(default_factory=list)
    overrides: int = 0
    chain_wins: int = 0
    """Sentences whose cited chain set the label over the classifier's (`model_label`)."""
    chain_wins_right: int = 0
    """Of those, how many now carry the gold label."""
    """Sentences whose chains contradicted their label and were changed to agree with it."""


def match_sentences(output: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[int, int]:
    """Map output sentence index → gold sentence index (content sentences only)."""
    content = [(i, _key(s["text"])) for i, s in enumerate(gold) if s["content"]]
    used: set[int] = set()
    mapping: dict[int, int] = {}
    for out in output:
        key = _key(out["text"])
        for i, gold_key in content:
            if i not in used and key == gold_key:
                mapping[out["index"]] = i
                used.add(i)
                break
        else:
            for i, gold_key in content:
                if key and key in gold_key and len(key) >= 15:
                    mapping[out["index"]] = i
                    used.add(i)
                    break
                if i not in used and gold_key and gold_key in key:
                    mapping[out["index"]] = i
                    used.add(i)
                    break
    return mapping


def doc_text(doc: dict[str, Any], shared: Path = SHARED) -> str:
    """The text to score for a gold document: its seed file under `shared`, or else its own
    sentences, one paragraph each (a gold set written as sentences only, like eval/gold/)."""
    if doc.get("file"):
        return (shared / doc["file"]).read_text(encoding="utf-8")
    return "\n".join(s["text"] for s in doc["sentences"])


def with_text(doc: dict[str, Any], shared: Path = SHARED) -> dict[str, Any]:
    """A gold document kept as stand-off annotation over third-party text (which never enters
    the repo): its sentences give `start`/`end` character offsets into `file` under `shared`
    instead of `text`. Returns the document with every sentence's text filled in.

    >>> with_text({"file": "x.txt", "sentences": [{"text": "Hi."}]})["sentences"][0]["text"]
    'Hi.'
    """
    if all("text" in s for s in doc["sentences"]):
        return doc
    text = doc_text(doc, shared)
    sentences = [
        s if "text" in s else {**s, "text": text[s["start"] : s["end"]]} for s in doc["sentences"]
    ]
    return {**doc, "sentences": sentences}


def gold_root(gold_path: Path) -> Path:
    """Where a gold file's `file` paths are relative to: the shared folder it lies in (the
    seeds), else `../shared` (the stand-off sets in eval/gold/)."""
    root = gold_path.resolve().parent.parent
    return root if (root / "seeds").is_dir() else SHARED


def check_seed(
    scorer: Scorer, doc: dict[str, Any], shared: Path = SHARED, *, flat: bool = False
) -> SeedReport:
    """Score one seed and compare it with its gold; `flat` first joins all lines into one."""
    from scorer.pipeline import article_to_dict

    text = doc_text(doc, shared)
    if flat:  # as from an export that lost the line breaks
        text = re.sub(r"\s*\n\s*", " ", text)
    scored = scorer.score_text(text, id=doc["id"], publisher=doc.get("publisher"))
    reconcile(scored)  # a no-op where the pipeline has reconciled already
    overrides = sum(s.model_chains is not None for s in scored.sentences)
    article = article_to_dict(scored)
    gold = doc["sentences"]
    mapping = match_sentences(article["sentences"], gold)
    report = SeedReport(id=doc["id"], overrides=overrides)
    for out_index, gold_index in mapping.items():
        sentence = scored.sentences[out_index]
        if sentence.model_label is not None:
            report.chain_wins += 1
            report.chain_wins_right += sentence.label == gold[gold_index].get("label")
    report.content_total = sum(1 for s in gold if s["content"])
    report.content_kept = len(set(mapping.values()))
    report.leaked = [s["text"] for s in article["sentences"] if s["index"] not in mapping]
    by_gold: dict[int, list[dict[str, Any]]] = {}
    for out_index, gold_index in mapping.items():
        by_gold.setdefault(gold_index, []).append(article["sentences"][out_index])
    for i, sentence in enumerate(gold):
        if (
            not sentence["content"]
            or sentence.get("label") not in ATTRIBUTED
            or not sentence["chains"]
        ):
            continue
        report.chains_total += 1
        predicted = [c for out in by_gold.get(i, []) for c in out["chains"]]
        if any(chain_matches(sentence["chains"][0], chain) for chain in predicted):
            report.chains_found += 1
        else:
            shown = [" → ".join(h["name"] for h in c) for c in predicted] or ["(none)"]
            report.chain_misses.append(
                f"{' → '.join(sentence['chains'][0])}  ≠  {' | '.join(shown)}"
                f"   [{sentence['text'][:60]}]"
            )
    return report


def run(gold_path: Path, classifier: str = "auto", *, flat: bool = False) -> list[SeedReport]:
    scorer = Scorer(ScoringConfig(classifier=classifier))
    docs = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    root = gold_root(gold_path)
    return [check_seed(scorer, with_text(doc, root), root, flat=flat) for doc in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.jsonl")
    parser.add_argument("--classifier", default="auto")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--flat", action="store_true", help="join each seed's lines into one, as a lossy export"
    )
    args = parser.parse_args()
    reports = run(args.gold, args.classifier, flat=args.flat)
    for r in reports:
        print(
            f"{r.id}: content kept {r.content_kept}/{r.content_total}, leaked {len(r.leaked)}, "
            f"chains {r.chains_found}/{r.chains_total}, label overrode chains {r.overrides}, "
            f"chain set the label {r.chain_wins} ({r.chain_wins_right} right)"
        )
        if args.verbose:
            for text in r.leaked:
                print(f"   leaked: {text[:100]}")
            for miss in r.chain_misses:
                print(f"   chain miss: {miss}")
    kept = sum(r.content_kept for r in reports)
    total = sum(r.content_total for r in reports)
    chains = sum(r.chains_found for r in reports)
    chains_total = sum(r.chains_total for r in reports)
    print(
        f"TOTAL: furniture/duplicates let through {sum(len(r.leaked) for r in reports)}; "
        f"content kept {kept}/{total} = {kept / total:.1%}; "
        f"gold chain found {chains}/{chains_total} = {chains / chains_total:.1%}; "
        f"label overrode chains in {sum(r.overrides for r in reports)} sentence(s); "
        f"chain set the label in {sum(r.chain_wins for r in reports)} "
        f"({sum(r.chain_wins_right for r in reports)} now match gold)"
    )


if __name__ == "__main__":
    main()
