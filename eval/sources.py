"""Do the chains find the sources that people marked in real news? (PolNeAR dev)

PolNeAR's annotators marked the SOURCE span of every attribution in 100 US political news
articles. This check scores each dev article with `scorer score` and asks, for every annotated
attribution with a source that is not a bare pronoun:

Only attributions whose cue is a speech cue count (a form of the lexicon's reporting verbs, or
"according to"): PolNeAR also marks beliefs and actions, which LABELS.md does not treat as
sources.

- **recall**: does the sentence holding the attribution's cue have a chain with a hop whose name
  matches the annotated source (`eval.seeds.hop_matches`: case, "the", punctuation and word
  containment ignored)?
- **precision**: of the chains the scorer gives in sentences holding annotated cues, how many
  end in a hop that matches a source annotated in that sentence? (Only the deepest hop counts:
  the hops before it, a wire credit or the outlet a person spoke to, are not PolNeAR sources.)

It is a real-news proxy for the chain check, not the chain check itself: PolNeAR marks one level
of attribution at a time (the nested source of "X, citing Y" is a second attribution) and has no
publisher hop, and pronoun sources ("he said") are skipped because the annotation does not say
who they refer to. PolNeAR's test split is never read.

Usage:
    python -m eval.sources                     # all dev articles
    python -m eval.sources --articles 30 -v    # a quicker look, with the misses
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from eval.seeds import hop_matches
from scorer.article import Article
from scorer.lexicon import inflections
from scorer.pipeline import Scorer, ScoringConfig
from scorer.sources import chain_words
from training.polnear import DEFAULT_ROOT, pick_annotations, read_ann
from training.realnews.sample import located_sentences

HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|dr|gov|sen|rep|president|senator|governor|secretary|speaker)\.?\s+", re.I
)
PRONOUNS = frozenset(
    "he she they it i we you him her them his hers its their theirs our us me who which that "
    "this these those".split()
)


def speech_cues() -> frozenset[str]:
    """Every form of the lexicon's reporting verbs, and "according": PolNeAR also marks beliefs
    and actions ("agreed", "question the wisdom"), which LABELS.md does not count as sources."""
    words = chain_words()
    forms = {f for verb in words.cues for f in inflections(verb)}
    return frozenset(forms | {"according"})


def _matches(gold: str, name: str) -> bool:
    """`hop_matches`, with a leading honorific or title dropped from the annotated span
    ("Mr. Barrett" is Kevin Barrett's hop)."""
    return hop_matches(gold, name) or hop_matches(HONORIFIC.sub("", gold), name)


@dataclass
class SourceReport:
    """Counts over the articles checked; `misses` and `extras` keep examples."""

    gold: int = 0
    found: int = 0
    pronouns: int = 0
    hops: int = 0
    hops_right: int = 0
    sentences_missing: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.hops_right / self.hops if self.hops else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "attributions": self.gold,
            "found": self.found,
            "recall": round(self.recall, 3),
            "chains": self.hops,
            "chains_ending_in_a_source": self.hops_right,
            "precision": round(self.precision, 3),
            "pronoun_sources_skipped": self.pronouns,
            "attributions_whose_sentence_was_not_located": self.sentences_missing,
        }


def _span_text(text: str, pieces: list[tuple[int, int]]) -> str:
    return re.sub(r"\s+", " ", " ".join(text[s:e] for s, e in pieces)).strip()


def check(root: Path = DEFAULT_ROOT, *, limit: int | None = None) -> SourceReport:
    """Score PolNeAR dev articles and compare their chains with the annotated sources."""
    scorer = Scorer(ScoringConfig(classifier="model"))
    report = SourceReport()
    cues = speech_cues()
    chosen = sorted(pick_annotations(root / "dev").items())[:limit]
    for stem, ann in chosen:
        raw = (root / "dev" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        scored = scorer.score_articles([Article(id=stem, raw=raw, source=stem)])[0]
        position = {id(s): i for i, s in enumerate(scored.sentences)}
        spans: list[tuple[int, int] | None] = [None] * len(scored.sentences)
        for sentence, where in located_sentences(raw, scored.sentences):
            spans[position[id(sentence)]] = where
        golds: dict[int, list[str]] = {}
        for att in read_ann(ann):
            if att.source is None or att.cue is None:
                continue
            at = next((i for i, s in enumerate(spans) if s and s[0] <= att.cue.start < s[1]), None)
            cue_words = _span_text(raw, att.cue.pieces).lower().split()
            if not cues.intersection(w.strip(".,;:\"“”'’") for w in cue_words):
                continue
            name = _span_text(raw, att.source.pieces)
            if name.lower().strip(" ,.") in PRONOUNS:
                report.pronouns += 1
                continue
            report.gold += 1
            if at is None:
                report.sentences_missing += 1
                continue
            golds.setdefault(at, []).append(name)
        for i, names in golds.items():
            sentence = scored.sentences[i]
            hops = [h for chain in sentence.chains for h in chain if h.name != scored.publisher]
            for name in names:
                if any(_matches(name, h.name) for h in hops):
                    report.found += 1
                else:
                    chains = [" → ".join(h.name for h in c) for c in sentence.chains]
                    report.misses.append(f"{stem}: {name!r} | {sentence.text[:160]!r} | {chains}")
            for hop in [chain[-1] for chain in sentence.chains if chain]:
                report.hops += 1
                if any(_matches(name, hop.name) for name in names):
                    report.hops_right += 1
                else:
                    report.extras.append(f"{stem}: {hop.name!r} not in {names}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses and extras")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    args = parser.parse_args()
    report = check(args.root, limit=args.articles)
    if args.verbose:
        print("\n".join(["MISSES", *report.misses, "", "EXTRAS", *report.extras, ""]))
    print(json.dumps(report.as_dict(), indent=1))


if __name__ == "__main__":
    main()
