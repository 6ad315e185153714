"""Deterministic generator of the project's own sourcing-label training examples.

Written by the scorer project (MIT licence).

It combines hand-written inventories of parts (``inventories/*.json``: sources, reporting
cues, contents, quotes, allegations, contexts, background sentences) into wire-style
sentences, and adds the hand-written complete sentences in ``handwritten.txt``.

Output: ``examples.jsonl`` next to this file, one JSON object per line:
    {"text", "context", "label", "domain", "kind"}
Also writes ``handwritten.jsonl`` (the hand-written part alone, same format).

Labels are `scorer.article.Label`'s, defined in /work/shared/LABELS.md:
    named-source, anonymous-source, official-denial, unattributed

One ``random.Random(SEED)`` is passed through every generator in a fixed order, so two runs
give byte-identical files.

Run:  python -m training.written.generate [--out-dir DIR]

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> rows = write_examples(out_dir=Path(tempfile.mkdtemp()))  # doctest: +SKIP
    >>> len(rows)  # doctest: +SKIP
    8438
"""

from __future__ import annotations

import argparse
import collections
import random
from pathlib import Path

from scorer.article import Label
from training.written.anonymous import (
    g_anon_according,
    g_anon_condition,
    g_anon_end,
    g_anon_experts,
    g_anon_media,
    g_anon_middle,
    g_anon_outlet_citing,
    g_anon_quote,
    g_anon_reportedly,
    g_anon_start,
    g_anon_told_outlet,
    g_anon_understood,
    g_pronoun_anon,
    g_quote_cont_anon,
)
from training.written.denial import (
    g_denial,
    g_denial_after_report,
    g_denial_headline,
    g_denial_pronoun,
    g_denial_quote_cont,
)
from training.written.inventory import DOMAINS
from training.written.long import g_anon_long, g_denial_long, g_named_long, g_unattr_long
from training.written.named import (
    g_dismiss_unrelated,
    g_named_according,
    g_named_chain,
    g_named_country,
    g_named_document,
    g_named_end,
    g_named_middle,
    g_named_outlet,
    g_named_quote,
    g_named_start,
    g_pronoun_named,
    g_quote_cont_named,
)
from training.written.nonanswers import g_nonanswer_anon, g_nonanswer_named
from training.written.rows import FIELDS, write_rows
from training.written.sources import Generator
from training.written.unattributed import (
    g_dismiss_fired,
    g_hard_trigger,
    g_scare,
    g_unattr_after_attrib,
    g_unattr_analysis,
    g_unattr_background,
    g_unattr_chrono,
    g_unattr_event,
    g_unattr_headline,
    g_unattr_quoted_title,
    g_unattr_stat,
)

SEED = 20240611
HERE = Path(__file__).resolve().parent

NAMED = Label.NAMED.value
ANON = Label.ANONYMOUS.value
DENIAL = Label.DENIAL.value
UNATTR = Label.UNATTRIBUTED.value

# The label and domain abbreviations of handwritten.txt.
_HAND_LABELS = {"N": NAMED, "A": ANON, "D": DENIAL, "U": UNATTR}
_HAND_DOMAINS = {
    "pol": "politics",
    "bus": "business",
    "cri": "crime",
    "hea": "health",
    "spo": "sport",
    "war": "war",
    "loc": "local",
    "sci": "science",
    "cou": "courts",
    "cli": "climate",
}

#: (kind, label, generator, how many) in generation order; a None generator is the
#: reporting-word hard negative, whose kind names the word (`hard-neg-<word>-word`).
PLAN: list[tuple[str, str, Generator | None, int]] = [
    # named-source
    ("named-start-said", NAMED, g_named_start, 230),
    ("named-according", NAMED, g_named_according, 120),
    ("named-cue-end", NAMED, g_named_end, 200),
    ("named-middle", NAMED, g_named_middle, 110),
    ("named-quote", NAMED, g_named_quote, 160),
    ("named-outlet-report", NAMED, g_named_outlet, 90),
    ("named-chain", NAMED, g_named_chain, 110),
    ("named-document", NAMED, g_named_document, 110),
    ("named-country-claims", NAMED, g_named_country, 60),
    ("pronoun-backref", NAMED, g_pronoun_named, 220),
    ("quote-continuation", NAMED, g_quote_cont_named, 110),
    ("hard-neg-declined-comment", NAMED, g_nonanswer_named("declined"), 90),
    ("hard-neg-no-info", NAMED, g_nonanswer_named("noinfo"), 70),
    ("hard-neg-could-not-confirm", NAMED, g_nonanswer_named("confirm"), 60),
    ("hard-neg-no-response", NAMED, g_nonanswer_named("noresponse"), 70),
    ("hard-neg-dismiss-unrelated", NAMED, g_dismiss_unrelated, 120),
    ("named-long", NAMED, g_named_long, 90),
    # anonymous-source
    ("anon-start", ANON, g_anon_start, 250),
    ("anon-cue-end", ANON, g_anon_end, 250),
    ("anon-middle", ANON, g_anon_middle, 120),
    ("anon-according", ANON, g_anon_according, 170),
    ("anon-condition", ANON, g_anon_condition, 140),
    ("anon-reportedly", ANON, g_anon_reportedly, 110),
    ("anon-understood", ANON, g_anon_understood, 90),
    ("anon-outlet-citing", ANON, g_anon_outlet_citing, 130),
    ("anon-told-outlet", ANON, g_anon_told_outlet, 100),
    ("anon-experts", ANON, g_anon_experts, 130),
    ("anon-media-reports", ANON, g_anon_media, 100),
    ("anon-quote", ANON, g_anon_quote, 80),
    ("pronoun-backref-anon", ANON, g_pronoun_anon, 160),
    ("quote-continuation-anon", ANON, g_quote_cont_anon, 70),
    ("hard-neg-declined-comment-anon", ANON, g_nonanswer_anon("declined"), 60),
    ("hard-neg-no-info-anon", ANON, g_nonanswer_anon("noinfo"), 40),
    ("hard-neg-could-not-confirm-anon", ANON, g_nonanswer_anon("confirm"), 40),
    ("hard-neg-no-response-anon", ANON, g_nonanswer_anon("noresponse"), 40),
    ("anon-long", ANON, g_anon_long, 90),
    # official-denial
    ("denial-denied", DENIAL, g_denial("denied"), 230),
    ("denial-denied-that", DENIAL, g_denial("denied-that"), 170),
    ("denial-rejected", DENIAL, g_denial("rejected"), 150),
    ("denial-dismiss", DENIAL, g_denial("dismiss"), 170),
    ("denial-refute", DENIAL, g_denial("refute"), 80),
    ("denial-called-false", DENIAL, g_denial("called-false"), 110),
    ("denial-said-untrue", DENIAL, g_denial("said-untrue"), 110),
    ("denial-disputes", DENIAL, g_denial("disputes"), 70),
    ("denial-no-truth", DENIAL, g_denial("no-truth"), 80),
    ("denial-categorical", DENIAL, g_denial("categorical"), 80),
    ("denial-pushed-back", DENIAL, g_denial("pushed-back"), 90),
    ("denial-wrongdoing", DENIAL, g_denial("wrongdoing"), 90),
    ("denial-quote", DENIAL, g_denial("quote"), 120),
    ("denial-chain", DENIAL, g_denial("chain"), 80),
    ("denial-statement", DENIAL, g_denial("statement"), 50),
    ("denial-both", DENIAL, g_denial("both"), 50),
    ("denial-pronoun", DENIAL, g_denial_pronoun, 130),
    ("denial-quote-continuation", DENIAL, g_denial_quote_cont, 60),
    ("denial-after-report", DENIAL, g_denial_after_report, 90),
    ("denial-headline", DENIAL, g_denial_headline, 40),
    ("denial-long", DENIAL, g_denial_long, 90),
    # unattributed
    ("unattr-background", UNATTR, g_unattr_background, 260),
    ("unattr-analysis", UNATTR, g_unattr_analysis, 110),
    ("unattr-event", UNATTR, g_unattr_event, 200),
    ("unattr-stat", UNATTR, g_unattr_stat, 200),
    ("unattr-chronology", UNATTR, g_unattr_chrono, 150),
    ("unattr-after-attrib", UNATTR, g_unattr_after_attrib, 170),
    ("unattr-headline", UNATTR, g_unattr_headline, 50),
    ("hard-neg-report-word", UNATTR, None, 300),
    ("hard-neg-scare-quote", UNATTR, g_scare, 90),
    ("hard-neg-dismiss-fired", UNATTR, g_dismiss_fired, 70),
    ("hard-neg-quoted-title", UNATTR, g_unattr_quoted_title, 50),
    ("unattr-long", UNATTR, g_unattr_long, 90),
]

#: Kinds starting with one of these are hard cases (counted in the statistics).
HARD_PREFIXES = (
    "hard-",
    "pronoun-",
    "quote-continuation",
    "denial-pronoun",
    "denial-quote-continuation",
    "denial-after-report",
    "denial-chain",
    "named-chain",
    "anon-outlet-citing",
    "unattr-after-attrib",
    "denial-anon-party",
)


def is_hard(kind: str) -> bool:
    """Whether examples of `kind` are hard cases."""
    return kind.startswith(HARD_PREFIXES)


def load_handwritten(path: Path = HERE / "handwritten.txt") -> list[dict]:
    """Read the hand-written examples (``LABEL|DOMAIN|KIND|CONTEXT|TEXT`` lines).

    Raises:
        ValueError: A line does not have five fields.
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|")
            if len(parts) != 5:
                raise ValueError(
                    f"{path} line {ln}: expected 5 fields separated by '|'"
                    f" (LABEL|DOMAIN|KIND|CONTEXT|TEXT), got {len(parts)}; fix the line"
                )
            label, dom, kind, context, text = parts
            out.append(
                dict(
                    text=text.strip(),
                    context=context.strip(),
                    label=_HAND_LABELS[label],
                    domain=_HAND_DOMAINS[dom],
                    kind=kind.strip(),
                    source="handwritten",
                )
            )
    return out


def example_rows(rng: random.Random, hand: list[dict]) -> list[dict]:
    """The hand-written rows and the generated ones, without repeated texts, shuffled.

    Args:
        rng: The one random source of the run, seeded with `SEED` for the committed files.
        hand: The hand-written rows (`load_handwritten`), which come first before shuffling.

    Returns:
        Rows with the `FIELDS` and a ``source`` ("handwritten" or "generated").
    """
    seen = set()
    rows = []
    for r in hand:
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        rows.append(r)

    for kind, label, fn, target in PLAN:
        got = 0
        tries = 0
        while got < target and tries < target * 40:
            tries += 1
            dom = DOMAINS[tries % len(DOMAINS)]
            if fn is None:
                key, c, t = g_hard_trigger(rng, dom)
                k = "hard-neg-%s-word" % key
            else:
                c, t = fn(rng, dom)
                k = kind
            if t in seen or not t:
                continue
            seen.add(t)
            rows.append(
                dict(text=t, context=c, label=label, domain=dom, kind=k, source="generated")
            )
            got += 1
        if got < target:
            print("WARNING: kind %s reached only %d of %d" % (kind, got, target))

    rng.shuffle(rows)
    return rows


def write_examples(*, out_dir: Path = HERE, seed: int = SEED) -> list[dict]:
    """Generate and write ``examples.jsonl`` and ``handwritten.jsonl`` into `out_dir`.

    Returns:
        The rows of ``examples.jsonl``, with their ``source``.
    """
    hand = load_handwritten()
    rows = example_rows(random.Random(seed), hand)
    write_rows(rows, Path(out_dir) / "examples.jsonl", keys=FIELDS)
    write_rows(hand, Path(out_dir) / "handwritten.jsonl", keys=FIELDS)
    return rows


def print_stats(rows: list[dict]) -> None:
    """Print counts per label, domain and kind, and text lengths."""
    lab = collections.Counter(r["label"] for r in rows)
    dom = collections.Counter(r["domain"] for r in rows)
    kinds = collections.Counter((r["label"], r["kind"]) for r in rows)
    hard = sum(1 for r in rows if is_hard(r["kind"]))
    empty = sum(1 for r in rows if not r["context"])
    src = collections.Counter(r["source"] for r in rows)
    print(
        "total examples: %d  (handwritten %d, generated %d)"
        % (len(rows), src["handwritten"], src["generated"])
    )
    print("empty context: %d (%.1f%%)" % (empty, 100.0 * empty / len(rows)))
    print("hard cases: %d" % hard)
    print("\nper label:")
    for k, v in sorted(lab.items()):
        print("  %-18s %5d" % (k, v))
    print("\nper domain:")
    for k, v in sorted(dom.items()):
        print("  %-18s %5d" % (k, v))
    print("\nper label x domain:")
    for label in sorted(lab):
        print(
            "  %-18s " % label
            + " ".join(
                "%s=%d" % (d[:4], sum(1 for r in rows if r["label"] == label and r["domain"] == d))
                for d in DOMAINS
            )
        )
    print("\nper kind:")
    for (label, k), v in sorted(kinds.items()):
        print("  %-18s %-36s %5d%s" % (label, k, v, "  (hard)" if is_hard(k) else ""))
    lens = [len(r["text"].split()) for r in rows]
    print(
        "\nwords per text: min %d, max %d, mean %.1f"
        % (min(lens), max(lens), sum(lens) / len(lens))
    )


def main(argv: list[str] | None = None) -> None:
    """Command line: write the file(s) beside this module, or into ``--out-dir``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="where to write the files")
    args = parser.parse_args(argv)
    print_stats(write_examples(out_dir=args.out_dir))


if __name__ == "__main__":
    main()
