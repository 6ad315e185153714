"""Sample real-news sentences for double annotation (issue 10), as stand-off rows.

Articles come from PolNeAR's train and dev splits (read from ../shared; the test split is
never read). Each article is run through the scorer's own cleaning and segmentation, so the
annotated sentences are the ones `scorer score` labels. Sentences are picked where the labels
are hard or rare: denial cues, anonymity cues, institutions named by their function, quote
continuations, and sentences where the rule baseline and the shipped model disagree, plus a
random share of the rest so the sample is not only hard cases.

The split is by article and fixed before annotation: PolNeAR dev articles form the test split
(the shipped model never trained on their text); PolNeAR train articles are split into
train and dev by a hash of the article id.

Usage:
    python -m training.realnews.sample --out training/realnews/build
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from scorer.article import Article, Sentence
from scorer.pipeline import Scorer, ScoringConfig
from scorer.segment import locate as find

SHARED = Path(__file__).resolve().parents[3] / "shared"
POLNEAR = SHARED / "data" / "polnear"

DENIAL_CUE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|dismiss\w*|reject\w*|refut\w*|rebut\w*|disput\w*|"
    r"debunk\w*|false|untrue|not true|baseless|unfounded|groundless|fabricat\w*|nonsense|"
    r"lie|lies|lying|smear|hoax|fake|ridiculous|absurd|never|no evidence|no truth|"
    r"categorically|incorrect|inaccurate|misleading|wrong|pushed back|took issue)\b|"
    r"[\"“]No[.,!\"”]",
    re.I,
)
ANON_CUE = re.compile(
    r"\b(?:officials|sources?|aides?|advisers|allies|people (?:close|familiar|with)|"
    r"person (?:familiar|close|with)|anonymity|anonymous|unnamed|unidentified|insiders|"
    r"reportedly|reports?|experts|analysts|critics|observers|some|many|strategists|"
    r"operatives|insiders|according to)\b",
    re.I,
)
FUNCTION_CUE = re.compile(
    r"\b(?:police|the (?:court|ministry|department|army|campaign|committee|agency|"
    r"white house|state department|pentagon|fbi|justice department|prosecutors?))\b",
    re.I,
)
QUOTE_START = re.compile(r"^\W*[“\"]")

PER_ARTICLE = 30
RANDOM_SHARE = 6


def article_split(stem: str, polnear_split: str) -> str:
    """test = PolNeAR dev; PolNeAR train is split 85/15 into train/dev by a stable hash."""
    if polnear_split == "dev":
        return "test"
    digest = int(hashlib.sha1(stem.encode()).hexdigest(), 16)
    return "dev" if digest % 100 < 15 else "train"


def locate(raw: str, text: str, start_from: int) -> tuple[int, int] | None:
    """Offsets of a (cleaned) sentence in the raw text: forward from `start_from`, else from
    the top (`scorer.segment.locate`)."""
    return find(raw, text, start_from) or find(raw, text, 0)


def located_sentences(
    raw: str, sentences: list[Sentence]
) -> Iterator[tuple[Sentence, tuple[int, int]]]:
    """Each scored sentence with its offsets in the raw text, in order; sentences that cannot
    be found are skipped."""
    pos = 0
    for sentence in sentences:
        span = locate(raw, sentence.text, pos)
        if span is not None:
            pos = span[1]
            yield sentence, span


def sample_row(
    stem: str, publisher: str, split: str, span: tuple[int, int], why: list[str]
) -> dict:
    """One stand-off row of a sample: the sentence's article, offsets, split and reasons."""
    return {
        "sid": f"{stem}#{span[0]}",
        "article": stem,
        "publisher": publisher,
        "split": split,
        "start": span[0],
        "end": span[1],
        "why": why,
    }


def read_polnear() -> list[tuple[str, str, str, str]]:
    """(stem, polnear split, publisher, text) for every train/dev article."""
    meta = {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            meta[row["filename"]] = row["publisher"]
    out = []
    for split in ("train", "dev"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            out.append(
                (
                    path.stem,
                    split,
                    meta.get(path.stem, path.stem.split("_")[0]),
                    path.read_text(encoding="utf-8"),
                )
            )
    return out


STRICT_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut\w*|"
    r"rebut\w*|disput\w*|debunk\w*|not true|untrue|false(?:ly|hoods?)?|baseless|unfounded|"
    r"groundless|fabricat\w*|nonsense|lies|lying|liar|smear\w*|hoax|ridiculous|absurd|"
    r"no evidence|categorically|inaccurate|mischaracteri[sz]\w*|misrepresent\w*|never said|"
    r"did not say|didn't say|pushed back)\b",
    re.I,
)


STRICT_ANONYMOUS = re.compile(
    r"\b(?:anonymity|anonymously|unnamed|unidentified|(?:senior |top |administration |"
    r"campaign |u\.s\. |government |party |republican |democratic |white house )?officials "
    r"(?:said|say|told|says)|sources? (?:said|say|told|close|familiar)|people (?:familiar|"
    r"close to|with knowledge|briefed)|person (?:familiar|close to|with knowledge|briefed)|"
    r"according to (?:sources|officials|people|reports|aides|a source|an official|several|two|"
    r"three|multiple)|aides? (?:said|say|told)|advisers (?:said|say)|insiders|"
    r"not authorized to)\b",
    re.I,
)
BROAD_ANONYMOUS = re.compile(
    r"\b(?:experts?|analysts?|critics|observers|strategists|operatives|insiders|reportedly|"
    r"reports? (?:said|say|suggest|indicate)|media reports|polls? (?:show|shows|showed|found|"
    r"suggest)|some (?:republicans|democrats|conservatives|liberals|critics|observers|voters|"
    r"supporters)|many (?:republicans|democrats|conservatives|voters|observers)|allies|aides|"
    r"advisers|officials|sources?|people close|familiar with|rumou?rs?|speculation|is said to|"
    r"are said to|ha(?:s|ve) been reported|widely reported|according to (?:reports|media|polls))"
    r"\b",
    re.I,
)
BROAD_DENIAL = re.compile(
    r"\b(?:not true|false|denie[sd]|deny|denying|denial|dismiss\w*|reject\w*|refut\w*|rebut\w*|"
    r"disput\w*|never|no evidence|baseless|wrong|lie|lies|lying|nonsense|ridiculous|absurd|"
    r"untrue|incorrect|inaccurate|misleading|mischaracteri\w*|smear|hoax|fake)\b",
    re.I,
)
SUPPLEMENTS = {
    "denial-supplement": STRICT_DENIAL,
    "anonymous-supplement": STRICT_ANONYMOUS,
    "broad-supplement": re.compile(f"{BROAD_ANONYMOUS.pattern}|{BROAD_DENIAL.pattern}", re.I),
}


def supplement(existing: list[dict], reason: str) -> list[dict]:
    """Every sentence with a strict cue (denial or anonymity) in articles not sampled so far;
    for the broad supplement, every sentence with a looser cue not sampled so far, in any article.

    Denials and anonymous sources are rare (about 5% and 10% of sampled sentences), so the
    corpus adds every such sentence it can find.
    """
    pattern = SUPPLEMENTS[reason]
    broad = reason == "broad-supplement"
    sampled = {r["article"] for r in existing}
    taken = {(r["article"], r["start"]) for r in existing}
    rules = Scorer(ScoringConfig(classifier="rules"))
    rows = []
    for stem, psplit, publisher, text in read_polnear():
        if (stem in sampled and not broad) or not pattern.search(text):
            continue
        article = rules.score_articles([Article(id=stem, raw=text, source=stem)])[0]
        for sentence, span in located_sentences(text, article.sentences):
            if pattern.search(sentence.text) and (stem, span[0]) not in taken:
                split = article_split(stem, psplit)
                rows.append(sample_row(stem, publisher, split, span, [reason]))
    return rows


def round_two(existing: list[dict], corpus: list[dict], size: int, seed: int) -> list[dict]:
    """Every sentence not labelled so far, of PolNeAR-train articles outside the test split,
    article by article (seeded order, round robin over outlets) until `size` sentences.

    The first round sampled hard and rare cases; this one takes whole articles, so the model
    also learns the ordinary sentences of real news (the writer's own narration next to quotes,
    "he said" two sentences after the name). An article already in the corpus keeps its split;
    a new one goes to dev for DEV_SHARE% of the hash space, else to train.
    """
    from training.realnews.corpus import DEV_SHARE, _hash

    split_of = {r["article"]: r["split"] for r in corpus}
    taken = {(r["article"], r["start"]) for r in existing}
    rng = random.Random(seed)
    by_pub: dict[str, list[tuple[str, str, str]]] = {}
    for stem, psplit, publisher, text in read_polnear():
        if psplit == "train" and split_of.get(stem) != "test":
            by_pub.setdefault(publisher, []).append((stem, publisher, text))
    for group in by_pub.values():
        rng.shuffle(group)
    order = [g.pop() for _ in range(max(map(len, by_pub.values()))) for g in by_pub.values() if g]
    rules = Scorer(ScoringConfig(classifier="rules"))
    rows: list[dict] = []
    for stem, publisher, text in order:
        if len(rows) >= size:
            break
        split = split_of.get(stem) or ("dev" if _hash(stem) % 100 < DEV_SHARE else "train")
        article = rules.score_articles([Article(id=stem, raw=text, source=stem)])[0]
        for _, span in located_sentences(text, article.sentences):
            if (stem, span[0]) not in taken:
                rows.append(sample_row(stem, publisher, split, span, ["round-2"]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("training/realnews/build"))
    parser.add_argument("--articles", type=int, default=170)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument(
        "--supplement",
        choices=sorted(SUPPLEMENTS),
        help="append a supplement to an existing sample.jsonl",
    )
    parser.add_argument(
        "--round-two",
        type=int,
        metavar="N",
        help="write sample_round2.jsonl: every unlabelled sentence of whole train articles, "
        "about N sentences",
    )
    args = parser.parse_args()
    if args.round_two:
        existing = [json.loads(line) for line in (args.out / "sample.jsonl").open(encoding="utf-8")]
        corpus = [json.loads(line) for line in (args.out / "corpus.jsonl").open(encoding="utf-8")]
        rows = round_two(existing, corpus, args.round_two, args.seed)
        path = args.out / "sample_round2.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        articles = len({r["article"] for r in rows})
        print(f"{len(rows)} sentences from {articles} articles -> {path}")
        return
    if args.supplement:
        path = args.out / "sample.jsonl"
        existing = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        extra = supplement(existing, args.supplement)
        with path.open("a", encoding="utf-8") as f:
            for row in extra:
                f.write(json.dumps(row) + "\n")
        print(f"{len(extra)} {args.supplement} sentences appended to {path}")
        return
    rng = random.Random(args.seed)
    docs = read_polnear()
    rules = Scorer(ScoringConfig(classifier="rules"))
    model = Scorer(ScoringConfig(classifier="model"))

    candidates = []
    for stem, psplit, publisher, text in docs:
        n_deny = len(DENIAL_CUE.findall(text))
        n_anon = len(ANON_CUE.findall(text))
        candidates.append((stem, psplit, publisher, text, n_deny, n_anon))
    # Articles rich in denial and anonymity cues first, balanced across publishers and splits.
    by_pub: dict[tuple[str, str], list] = {}
    for c in candidates:
        by_pub.setdefault((c[2], article_split(c[0], c[1])), []).append(c)
    for group in by_pub.values():
        group.sort(key=lambda c: -(3 * c[4] + c[5] + rng.random()))
    quotas = {"test": 60, "dev": 22, "train": args.articles - 82}
    chosen = []
    for split, quota in quotas.items():
        groups = [g for (pub, s), g in sorted(by_pub.items()) if s == split]
        k = 0
        while sum(1 for c in chosen if article_split(c[0], c[1]) == split) < quota and any(groups):
            group = groups[k % len(groups)]
            if group:
                chosen.append(group.pop(0))
            k += 1

    rows = []
    for stem, psplit, publisher, text, _, _ in chosen:
        art_r = rules.score_articles([Article(id=stem, raw=text, source=stem)])[0]
        art_m = model.score_articles([Article(id=stem, raw=text, source=stem)])[0]
        sents = []
        pos = 0
        for sr, sm in zip(art_r.sentences, art_m.sentences, strict=True):
            span = locate(text, sr.text, pos)
            if span is None:
                continue
            pos = span[1]
            reasons = []
            if DENIAL_CUE.search(sr.text):
                reasons.append("denial-cue")
            if ANON_CUE.search(sr.text):
                reasons.append("anon-cue")
            if FUNCTION_CUE.search(sr.text):
                reasons.append("function-cue")
            if QUOTE_START.match(sr.text):
                reasons.append("quote")
            if sr.label != sm.label:
                reasons.append("disagree")
            sents.append((span, sr.text, reasons))
        picked = [i for i, s in enumerate(sents) if s[2]]
        if len(picked) > PER_ARTICLE:
            rank = sorted(picked, key=lambda i: (-len(sents[i][2]), rng.random()))
            picked = rank[:PER_ARTICLE]
        rest = [i for i in range(len(sents)) if i not in set(picked)]
        picked += rng.sample(rest, min(RANDOM_SHARE, len(rest)))
        split = article_split(stem, psplit)
        for i in sorted(picked):
            (start, end), _, reasons = sents[i]
            rows.append(
                {
                    "sid": f"{stem}#{start}",
                    "article": stem,
                    "publisher": publisher,
                    "split": split,
                    "start": start,
                    "end": end,
                    "why": reasons,
                }
            )
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "sample.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    print(f"{len(rows)} sentences from {len(chosen)} articles -> {args.out / 'sample.jsonl'}")


if __name__ == "__main__":
    main()
