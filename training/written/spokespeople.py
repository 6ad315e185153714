"""Written examples: unnamed spokespeople of *named* organisations are named sources.

LABELS.md counts "a named organisation" as a named source; a spokesperson speaking for one
("a spokesperson for the Health Ministry said", "a Norvik Energy spokeswoman told Reuters")
passes the organisation's name on, so the sentence, its non-answers and the quotes that continue
it are `named-source` (a denial by one is `official-denial`). The generated examples were
missing this pattern. Deterministic: `python training/written/spokespeople.py` rewrites
`spokespeople.jsonl` beside it.
"""

from __future__ import annotations

import random

from generate import write_rows

ORGS = [
    "the Health Ministry",
    "the Interior Ministry",
    "the Ministry of Defence",
    "the Treasury",
    "the Foreign Office",
    "the European Commission",
    "the World Health Organization",
    "the United Nations refugee agency",
    "the city council",
    "Norvik Energy",
    "Baltra Airlines",
    "the Port of Santa Lena",
    "Halvorsen Bank",
    "the National Weather Service",
    "the Federal Aviation Administration",
    "the Department of Education",
    "the state police",
    "the regional water board",
    "Meridian Pharmaceuticals",
    "the Supreme Court",
    "the Department of Homeland Security",
    "the Pentagon",
    "the Kenyan government",
    "the Brazilian Football Confederation",
    "the International Olympic Committee",
    "NATO",
    "the Red Cross",
    "Tessaro Motors",
    "the Bank of Portugal",
    "the mayor's office",
    "the prosecutor's office",
    "the Finnish border guard",
    "the transport authority",
    "Coastal Rail",
    "the Ministry of Agriculture",
    "the electoral commission",
]
ROLES = ["spokesperson", "spokesman", "spokeswoman", "representative", "press officer"]
OUTLETS = [
    "Reuters",
    "the BBC",
    "The Associated Press",
    "Le Monde",
    "Al Jazeera",
    "the Guardian",
    "Bloomberg",
    "the Financial Times",
    "CNN",
    "the local newspaper",
    "reporters",
]
CONTENTS = [
    "the inspection would be completed by the end of the month",
    "talks with the unions would resume on Monday",
    "the figures would be published after an internal review",
    "no decision had been taken on the new terminal",
    "the service would run on a reduced timetable through the weekend",
    "the vaccine supply was sufficient for the winter",
    "staff had been told to prepare for longer shifts",
    "the budget for the programme had doubled since last year",
    "the agency was monitoring the situation closely",
    "the closure was expected to last at least two weeks",
    "an investigation into the outage was under way",
    "the company planned to hire 400 workers at the new plant",
    "officers had been sent to the border crossing",
    "the new rules would apply from January",
]
NON_ANSWERS = [
    "had no further information to share",
    "could not confirm the figures",
    "would not comment on an ongoing investigation",
    "had no specific information to share about the reports",
]
QUOTES = [
    "We are doing everything we can to restore normal service",
    "This is a serious situation and we are treating it as such",
    "Our priority is the safety of passengers and staff",
    "We expect more details to become available next week",
    "There is still a great deal of work to do",
]
DENIALS = [
    "denied the report",
    "rejected the allegations as false",
    "dismissed the claims as baseless",
    "said the accusations were untrue",
]
BACKGROUND = [
    "The decision follows weeks of public pressure.",
    "Flooding closed several roads on Tuesday.",
    "The plan was first announced in March.",
    "Prices have risen sharply this year.",
    "The dispute has dragged on for months.",
    "",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def generate(seed: int = 29) -> list[dict]:
    rng = random.Random(seed)
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
            add(
                f"A {role} for {org} said {content}.", "named-source", background, "org-spokes-said"
            )
        elif pattern == 1:
            add(
                f"A {bare} {role} told {outlet} that {content}.",
                "named-source",
                background,
                "org-spokes-told",
            )
        elif pattern == 2:
            add(
                f"{_cap(content)}, a {role} for {org} said on Friday.",
                "named-source",
                background,
                "org-spokes-end",
            )
        elif pattern == 3:
            add(
                f"A {role} for {org} told {outlet} that the {bare.split()[-1].lower()} "
                f"{rng.choice(NON_ANSWERS)}.",
                "named-source",
                background,
                "org-spokes-non-answer",
            )
        elif pattern == 4:
            intro = f"A {role} for {org} told {outlet} that {content}."
            quote = rng.choice(QUOTES)
            add(
                f"“{quote},” the {role} added.",
                "named-source",
                intro,
                "org-spokes-continuation",
                False,
            )
            add(
                f"“{quote}.”",
                "named-source",
                f"{intro} “We are aware of the concerns,” the {role} said.",
                "org-spokes-quote-continuation",
                False,
            )
        elif pattern == 5:
            add(
                f"A {role} for {org} {rng.choice(DENIALS)}.",
                "official-denial",
                background,
                "org-spokes-denial",
            )
        else:
            add(
                f"According to a {role} for {org}, {content}.",
                "named-source",
                background,
                "org-spokes-according",
            )
    return list(rows.values())


def main() -> None:
    write_rows(generate(), "spokespeople.jsonl")


if __name__ == "__main__":
    main()
