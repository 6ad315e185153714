"""Written examples: references back to a source, nested reports, and look-alikes.

Patterns the other generators covered thinly, each following /work/shared/LABELS.md:

- A role noun referring back to a source ("the person added", "the spokesperson said",
  "the official said") takes the label of the source it refers to: named when the earlier
  sentence named the person or the organisation they speak for, anonymous when it withheld
  them. The antecedent may sit one or two sentences back. These rows lean on their context.
- "There have been reports of ..." and "Earlier reports said ..." rest on unnamed reports:
  anonymous.
- "<Outlet> reported that <vague officials> had said ..." : the deepest source is anonymous;
  with a named person in that slot it is named.
- "<Officials/residents did something>, <Outlet> reported": the outlet is the source and the
  group is what the report is about, so named.
- "<Country> claims/says/insists ..." : a government is a named source.
- A named person doing something, with no speech ("X signed a treaty in June"), after
  sourced sentences: unattributed.

The parts are in ``inventories/references.json``, with invented people, places and countries
shared with `generate` (``inventories/names.json``, ``places.json``...). Deterministic:
`python -m training.written.references [--out-dir DIR]` rewrites `references.jsonl` beside it.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from scorer.article import Label
from training.written.inventory import (
    CITIES,
    COMPANIES,
    COUNTRIES,
    FIRST_F,
    FIRST_M,
    LAST,
    OUTLETS,
    load,
)
from training.written.rows import write_rows

SEED = 31
HERE = Path(__file__).resolve().parent

NAMED = Label.NAMED.value
ANON = Label.ANONYMOUS.value
UNATTR = Label.UNATTRIBUTED.value

_PARTS = load("references")
#: (title before a name, role noun for a back-reference)
TITLES: list[tuple[str, str]] = _PARTS["titles"]
ORGS: list[str] = _PARTS["orgs"] + COMPANIES
SPOKES: list[str] = _PARTS["spokes"]
BACKREF_NAMED: list[str] = _PARTS["backref_named"]
#: (indefinite source, back-reference)
ANON_INTROS: list[tuple[str, str]] = _PARTS["anon_intros"]
VAGUE: list[str] = _PARTS["vague"]
#: A group doing something (not speaking).
ACTORS: list[str] = _PARTS["actors"]
CONTENT: list[str] = _PARTS["content"]
QUOTES: list[str] = _PARTS["quotes"]
BACKGROUND: list[str] = _PARTS["background"]
#: A named person acting, nothing reported: unattributed.
EVENTS: list[str] = _PARTS["events"]
THERE_REPORTS: list[str] = _PARTS["there_reports"]
TOPICS: list[str] = _PARTS["topics"]
COUNTRY_CUES: list[str] = _PARTS["country_cues"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Collects rows (first occurrence of each text), drawing everything from one `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: dict[str, dict] = {}

    def pick(self, items: list):
        return self.rng.choice(items)

    def fill(self, text: str) -> str:
        country, dem, capital = self.pick(COUNTRIES)
        country2, dem2, capital2 = self.pick([c for c in COUNTRIES if c[0] != country])
        first = self.pick(FIRST_F + FIRST_M)
        values = {
            "country": country,
            "dem": dem,
            "capital": capital,
            "country2": country2,
            "dem2": dem2,
            "capital2": capital2,
            "name": f"{first} {self.pick(LAST)}",
            "title": self.pick(TITLES)[0],
            "month": self.pick(
                ["January", "March", "April", "June", "July", "September", "November"]
            ),
            "day": self.pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
            "n": str(self.rng.randint(3, 900)),
            "city": self.pick(CITIES),
            "company": self.pick(COMPANIES),
            "topic": "",
            "content": "",
        }
        values["topic"] = self.pick(TOPICS).format(**values)
        values["content"] = self.pick(CONTENT).format(**values)
        return text.format(**values)

    def add(self, text: str, label: str, context: list[str], kind: str) -> None:
        context_text = " ".join(self.fill(c) for c in context if c)
        self.rows.setdefault(
            text,
            {
                "text": text,
                "context": context_text,
                "label": label,
                "domain": "mixed",
                "kind": kind,
            },
        )

    def named_intro(self) -> tuple[str, str]:
        """A sentence naming a source, and a role noun that can refer back to it."""
        title, role = self.pick(TITLES)
        name = self.fill("{name}")
        content = self.fill("{content}")
        org = self.pick(ORGS)
        spokes = self.pick(SPOKES)
        choice = self.rng.randrange(4)
        if choice == 0:
            return f"{title} {name} said on {self.fill('{day}')} that {content}.", f"the {role}"
        if choice == 1:
            return (
                f"A {spokes} for {org} told {self.pick(OUTLETS)} that {content}.",
                self.pick([f"the {spokes}", *BACKREF_NAMED]),
            )
        if choice == 2:
            bare = org.removeprefix("the ")
            return (
                f"“{self.pick(QUOTES)},” a {bare} {spokes} told {self.pick(OUTLETS)}.",
                self.pick([f"the {spokes}", *BACKREF_NAMED]),
            )
        return f"{name}, the {role} in charge of the inquiry, said {content}.", f"the {role}"

    def anon_intro(self) -> tuple[str, str]:
        source, ref = self.pick(ANON_INTROS)
        source, ref = self.fill(source), self.fill(ref)
        if source[:2] == "a " and source[2] in "AEIOU":
            source = "an " + source[2:]
        if self.rng.random() < 0.5:
            return f"{_cap(source)} said {self.fill('{content}')}.", ref
        return f"“{self.pick(QUOTES)},” said {source.rstrip(',')}.", ref

    def backref_target(self, ref: str) -> str:
        choice = self.rng.randrange(4)
        if choice == 0:
            return f"“{self.pick(QUOTES)},” {ref} added."
        if choice == 1:
            return f"{_cap(ref)} said {self.fill('{content}')}."
        if choice == 2:
            return f"{_cap(ref)} added that {self.fill('{content}')}, without giving details."
        return f"“{self.pick(QUOTES)}, and we will say more when we can,” {ref} said."

    def references(self, n: int) -> None:
        for _ in range(n):
            named = self.rng.random() < 0.5
            intro, ref = self.named_intro() if named else self.anon_intro()
            label = NAMED if named else ANON
            middle = self.rng.randrange(3)
            if middle == 0:
                context = [intro]
            elif middle == 1:  # the antecedent two sentences back, a quote between
                context = [intro, f"“{self.pick(QUOTES)}.”"]
            else:  # a sentence of background between
                context = [intro, self.pick(BACKGROUND)]
                if self.rng.random() < 0.5:
                    context = [self.pick(BACKGROUND), intro]
            kind = "backref-role-named" if named else "backref-role-anon"
            self.add(self.backref_target(ref), label, context, kind)

    def reports(self, n: int) -> None:
        for _ in range(n):
            self.add(
                self.fill(self.pick(THERE_REPORTS)),
                ANON,
                [self.pick(BACKGROUND)],
                "anon-there-reports",
            )

    def nested(self, n: int) -> None:
        for _ in range(n):
            outlet, day = self.pick(OUTLETS), self.fill("{day}")
            content = self.fill("{content}")
            if self.rng.random() < 0.5:
                who = self.fill(self.pick(VAGUE))
                text = f"{_cap(outlet)} reported on {day} that {who} had said {content}."
                self.add(text, ANON, [self.pick(BACKGROUND)], "anon-outlet-nested")
            else:
                title, _ = self.pick(TITLES)
                text = (
                    f"{_cap(outlet)} reported on {day} that {title} {self.fill('{name}')}"
                    f" had said {content}."
                )
                self.add(text, NAMED, [self.pick(BACKGROUND)], "named-outlet-nested")

    def actors(self, n: int) -> None:
        for _ in range(n):
            outlet = self.pick(OUTLETS)
            act = self.fill(self.pick(ACTORS))
            if self.rng.random() < 0.5:
                text = (
                    f"{act}, reported {outlet}, which has correspondents in {self.fill('{city}')}."
                )
            else:
                text = f"{act}, according to {outlet}."
            self.add(text, NAMED, [self.pick(BACKGROUND)], "named-outlet-actors")

    def countries(self, n: int) -> None:
        for _ in range(n):
            country, _, capital = self.pick(COUNTRIES)
            subject = self.pick([country, capital, f"the government in {capital}"])
            text = f"{_cap(subject)} {self.pick(COUNTRY_CUES)} that {self.fill('{content}')}."
            intro, _ = self.named_intro() if self.rng.random() < 0.5 else self.anon_intro()
            self.add(text, NAMED, [intro], "named-country-claims")

    def events(self, n: int) -> None:
        for _ in range(n):
            intro, _ = self.named_intro() if self.rng.random() < 0.5 else self.anon_intro()
            self.add(self.fill(self.pick(EVENTS)), UNATTR, [intro], "unattr-named-actor")


def reference_rows(rng: random.Random) -> list[dict]:
    """Back-references, nested reports and look-alikes, first occurrence of each text kept.

    Args:
        rng: The random source, seeded with `SEED` for the committed file.
    """
    writer = _Writer(rng)
    writer.references(1100)
    writer.reports(220)
    writer.nested(300)
    writer.actors(220)
    writer.countries(200)
    writer.events(400)
    return list(writer.rows.values())


def write_references(*, out_dir: Path = HERE, seed: int = SEED) -> list[dict]:
    """Generate and write ``references.jsonl`` into `out_dir`; returns the rows."""
    rows = reference_rows(random.Random(seed))
    path = write_rows(rows, Path(out_dir) / "references.jsonl")
    print(f"wrote {len(rows)} rows to {path}")
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line: write the file(s) beside this module, or into ``--out-dir``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="where to write the file")
    write_references(out_dir=parser.parse_args(argv).out_dir)


if __name__ == "__main__":
    main()
