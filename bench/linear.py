"""Hostile input sizes: time per character of read + clean + segment, 25 KB to 2 MB.

Usage:
    python bench/linear.py [--sizes 25000 100000 500000 2000000] [--kinds run-on ...]

Three kinds of one-article input, each written to a file and read back as `scorer score`
reads it:
  run-on:      one line of distinct news-like sentences (no line breaks), which cleaning
               cuts into its sentences (`scorer.clean.split_run_on`);
  unpunctuated: one paragraph of words with no sentence end, which spaCy parses in pieces
               and segmentation cuts into sentences of at most 1,000 characters;
  deep-html:   the run-on text in paragraphs nested in size/400 (at least 300) `<div>`s,
               deeper than the HTML parser goes, read by the linear fallback.
Each case runs in a fresh process (so its peak memory is its own) and reports seconds, µs per
character and the peak resident memory of the process (spaCy loaded: about 330 MB before any
input). Read + clean + segment is linear when µs/char stays flat as the size grows. Nothing is
asserted; timings go to stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("run-on", "unpunctuated", "deep-html")
SIZES = (25_000, 100_000, 500_000, 2_000_000)
_NAMES = ("Anna Keller", "the ministry", "Reuters", "a senior official", "Mr. Kim", "the U.S. Navy")
_VERBS = ("said", "told reporters", "denied", "reported", "confirmed", "wrote on Telegram")
_THINGS = ("the bridge", "the budget", "the talks", "the dam", "the channel", "the strike")


def _sentence(rng: random.Random, number: int) -> str:
    return (
        f"{rng.choice(_NAMES).capitalize()} {rng.choice(_VERBS)} on Oct. {number % 28 + 1} that "
        f"{rng.choice(_THINGS)} in district {number} would cost {rng.randint(2, 900)} million "
        f"dollars."
    )


def make(kind: str, size: int) -> tuple[str, str]:
    """A file suffix and the text of one hostile article of about `size` characters."""
    rng = random.Random(size)
    if kind == "unpunctuated":
        words = [f"{rng.choice(_THINGS)} {rng.choice(_VERBS)} {n}" for n in range(size // 20)]
        return ".txt", " ".join(words)[:size]
    sentences, length, number = [], 0, 0
    while length < size:
        number += 1
        sentences.append(_sentence(rng, number))
        length += len(sentences[-1]) + 1
    if kind == "run-on":
        return ".txt", " ".join(sentences)
    depth = max(300, size // 400)
    paragraphs = "".join(
        f"<p>{' '.join(sentences[i : i + 5])}</p>" for i in range(0, len(sentences), 5)
    )
    body = "<div>" * depth + paragraphs + "</div>" * depth
    return ".html", f"<html><head><title>Report</title></head><body>{body}</body></html>"


def run_one(kind: str, size: int) -> dict:
    """Read, clean and segment one input in this process; the figures as a dict."""
    from scorer.clean import apply_cleaning
    from scorer.io import InputProblem, read_inputs
    from scorer.segment import load_nlp, segment

    nlp = load_nlp()
    suffix, text = make(kind, size)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        items = list(read_inputs([str(path)]))
        read = time.perf_counter()
        articles = [item for item in items if not isinstance(item, InputProblem)]
        for article in articles:
            apply_cleaning(article)
        cleaned = time.perf_counter()
        segment(articles, nlp=nlp)
        done = time.perf_counter()
    return {
        "kind": kind,
        "chars": len(text),
        "read_s": read - start,
        "clean_s": cleaned - read,
        "segment_s": done - cleaned,
        "total_s": done - start,
        "us_per_char": (done - start) / len(text) * 1e6,
        "sentences": sum(len(a.sentences) for a in articles),
        "longest": max((len(s.text) for a in articles for s in a.sentences), default=0),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    print("| input | characters | read s | clean s | segment s | µs/char | sentences | longest "
          "| peak MB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in args.kinds:
        for size in args.sizes:
            child = subprocess.run(
                [sys.executable, __file__, "--one", kind, str(size)],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"| {kind} | {r['chars']:,} | {r['read_s']:.2f} | {r['clean_s']:.2f} | "
                f"{r['segment_s']:.1f} | {r['us_per_char']:.1f} | {r['sentences']:,} | "
                f"{r['longest']:,} | {r['peak_mb']:,.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
