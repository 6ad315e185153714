"""Written examples: unnamed spokespeople of *named* organisations are named sources.

LABELS.md counts "a named organisation" as a named source; a spokesperson speaking for one
("a spokesperson for the Health Ministry said", "a Norvik Energy spokeswoman told Reuters")
passes the organisation's name on, so the sentence, its non-answers and the quotes that continue
it are `named-source` (a denial by one is `official-denial`). The generated examples were
missing this pattern. The parts are in ``inventories/spokespeople.json``. Deterministic:
`python -m training.written.spokespeople [--out-dir DIR]` rewrites `spokespeople.jsonl` beside it.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from scorer.article import Label
from training.written.inventory import load
from training.written.rows import write_rows

SEED = 29
HERE = Path(__file__).resolve().parent

_PARTS = load("spokespeople")
ORGS: list[str] = _PARTS["orgs"]
ROLES: list[str] = _PARTS["roles"]
OUTLETS: list[str] = _PARTS["outlets"]
CONTENTS: list[str] = _PARTS["contents"]
NON_ANSWERS: list[str] = _PARTS["non_answers"]
QUOTES: list[str] = _PARTS["quotes"]
DENIALS: list[str] = _PARTS["denials"]
BACKGROUND: list[str] = _PARTS["background"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def spokesperson_rows(rng: random.Random) -> list[dict]:
    """Examples of spokespeople for named organisations, first occurrence of each text kept.

    Args:
        rng: The random source, seeded with `SEED` for the committed file.
    """
    named, denial = Label.NAMED.value, Label.DENIAL.value
    rows: dict[str, dict] = {}

    def add(text: str, label: str, context: str, kind: str, free: bool = True) -> None:
        rows.setdefault(
            text,
            {
                "text": text,
                "context": context,
                "label": label,
                "domain": "mixed",
                "kind": kind,
                "context_free": free,
            },
        )

    for _ in range(900):
        org, role, outlet = rng.choice(ORGS), rng.choice(ROLES), rng.choice(OUTLETS)
        content, background = rng.choice(CONTENTS), rng.choice(BACKGROUND)
        bare = org.removeprefix("the ")
        pattern = rng.randrange(7)
        if pattern == 0:
            add(f"A {role} for {org} said {content}.", named, background, "org-spokes-said")
        elif pattern == 1:
            add(
                f"A {bare} {role} told {outlet} that {content}.",
                named,
                background,
                "org-spokes-told",
            )
        elif pattern == 2:
            add(
                f"{_cap(content)}, a {role} for {org} said on Friday.",
                named,
                background,
                "org-spokes-end",
            )
        elif pattern == 3:
            add(
                f"A {role} for {org} told {outlet} that the {bare.split()[-1].lower()} "
                f"{rng.choice(NON_ANSWERS)}.",
                named,
                background,
                "org-spokes-non-answer",
            )
        elif pattern == 4:
            intro = f"A {role} for {org} told {outlet} that {content}."
            quote = rng.choice(QUOTES)
            add(
                f"“{quote},” the {role} added.",
                named,
                intro,
                "org-spokes-continuation",
                False,
            )
            add(
                f"“{quote}.”",
                named,
                f"{intro} “We are aware of the concerns,” the {role} said.",
                "org-spokes-quote-continuation",
                False,
            )
        elif pattern == 5:
            add(
                f"A {role} for {org} {rng.choice(DENIALS)}.",
                denial,
                background,
                "org-spokes-denial",
            )
        else:
            add(
                f"According to a {role} for {org}, {content}.",
                named,
                background,
                "org-spokes-according",
            )
    return list(rows.values())


def write_spokespeople(*, out_dir: Path = HERE, seed: int = SEED) -> list[dict]:
    """Generate and write ``spokespeople.jsonl`` into `out_dir`; returns the rows."""
    rows = spokesperson_rows(random.Random(seed))
    path = write_rows(rows, Path(out_dir) / "spokespeople.jsonl")
    print(f"wrote {len(rows)} rows to {path}")
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line: write the file(s) beside this module, or into ``--out-dir``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="where to write the file")
    write_spokespeople(out_dir=parser.parse_args(argv).out_dir)


if __name__ == "__main__":
    main()
