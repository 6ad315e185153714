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

Invented people, places and countries (from `generate.py`); deterministic:
`python training/written/references.py` rewrites `references.jsonl` beside it.
"""

from __future__ import annotations

import random

from generate import CITIES, COMPANIES, COUNTRIES, FIRST_F, FIRST_M, LAST, OUTLETS, write_rows

TITLES = [  # (title before a name, role noun for a back-reference)
    ("Finance Minister", "minister"),
    ("Health Minister", "minister"),
    ("Defence Minister", "minister"),
    ("Interior Minister", "minister"),
    ("Mayor", "mayor"),
    ("Police Chief", "chief"),
    ("Senator", "senator"),
    ("Governor", "governor"),
    ("Chief Executive", "executive"),
    ("Judge", "judge"),
    ("Coach", "coach"),
    ("Prosecutor", "prosecutor"),
    ("General", "general"),
]
ORGS = [
    "the Health Ministry",
    "the Transport Ministry",
    "the Foreign Ministry",
    "the city council",
    "the port authority",
    "the national rail operator",
    "the central bank",
    "the state police",
    "the electoral commission",
    "the Department of Energy",
    "the European Commission",
    "the World Bank",
    "the army",
    "the prosecutor's office",
    "the football association",
] + COMPANIES
SPOKES = ["spokesperson", "spokesman", "spokeswoman", "representative", "press officer"]
BACKREF_NAMED = ["the person", "the spokesperson", "the official", "the representative"]
ANON_INTROS = [  # (indefinite source, back-reference)
    ("a senior official, speaking on condition of anonymity,", "the official"),
    ("an official who was not authorised to speak publicly", "the official"),
    ("a person familiar with the talks", "the person"),
    ("a person with knowledge of the negotiations", "the person"),
    ("a source close to the investigation", "the source"),
    ("a government adviser who asked not to be named", "the adviser"),
    (
        "a {dem} intelligence official, who spoke on condition of anonymity,",
        "the {dem} intelligence official",
    ),
    ("a {dem} military officer who declined to be identified", "the officer"),
    ("a senior diplomat who requested anonymity", "the diplomat"),
    ("an executive at the company who spoke on condition of anonymity", "the executive"),
]
VAGUE = [
    "officials",
    "senior officials",
    "unnamed officials",
    "government sources",
    "people familiar with the matter",
    "two officials with knowledge of the plan",
    "diplomats",
    "security sources",
    "local officials",
    "sources in {capital}",
    "officials in {capital} and {capital2}",
    "intelligence officials",
]
ACTORS = [  # a group doing something (not speaking)
    "Local officials publicly welcomed the plan",
    "{dem} officials quietly shelved the proposal",
    "Several families returned to the flooded district",
    "Some workers appear to have been moved to the new site",
    "Hundreds of residents queued outside the clinic overnight",
    "Police officers sealed off the square before dawn",
    "A group of investors pulled out of the deal",
    "Dozens of fans were turned away at the gate",
]
CONTENT = [
    "the talks would resume next week",
    "the budget would be cut by a fifth",
    "the bridge would stay closed until the spring",
    "about {n} soldiers had been sent to the border",
    "the company had lost two major contracts",
    "the vote had been delayed again",
    "the hospital was running out of beds",
    "the ceasefire was unlikely to hold",
    "the new line would open in {month}",
    "the factory would close by the end of the year",
    "the minister had offered to resign",
    "the deal was close to collapse",
    "{n} people had been detained",
    "the shipment had been held at the port",
]
QUOTES = [
    "This is a serious moment and we are treating it as such",
    "We will not be rushed into a decision",
    "Nobody expected the numbers to rise this quickly",
    "There is still a great deal of work to do",
    "If the reports are accurate, it would be a very worrying development",
    "We have been clear about our position from the start",
    "It could take months before we know the full cost",
    "The priority now is to keep people safe",
]
BACKGROUND = [
    "The dispute has dragged on for months.",
    "Prices have risen sharply this year.",
    "The region was hit by floods in {month}.",
    "The plan was first announced last year.",
    "Elections are due in the autumn.",
    "The port handles a third of the country's trade.",
]
EVENTS = [  # a named person acting, nothing reported: unattributed
    "{title} {name} signed a trade agreement with {country2} in {month} during a state visit to {capital2}.",
    "{title} {name} visited the flooded towns in {month}, a first trip outside the capital this year.",
    "In {month}, {name} and the {dem2} president signed a defence pact obliging each side to help the other if attacked.",
    "{name} took office in {month} after a narrow win in the runoff.",
    "Having promised a quick settlement, {name} has instead seen the talks stall for {n} weeks.",
    "{title} {name} met union leaders on {day} for the third time this month.",
    "{company} opened its new plant in {city} in {month}, two years behind schedule.",
    "{name} resigned in {month} after losing a confidence vote.",
]
THERE_REPORTS = [
    "There have been reports of {topic}.",
    "In addition, there have been previous reports of {topic}.",
    "There were also unconfirmed reports that {content}.",
    "Earlier reports suggested that {content}.",
    "Previous reports have said {content}.",
    "There have been repeated reports in recent weeks that {content}.",
]
TOPICS = [
    "soldiers being moved to the northern border",
    "workers being sent to rebuild the port",
    "shortages of fuel in the eastern provinces",
    "talks between the two companies",
    "arrests of opposition activists in {capital}",
    "fighters training at a base outside {city}",
]
COUNTRY_CUES = ["claims", "says", "insists", "alleges", "has said", "maintains"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.rows: dict[str, dict] = {}

    def pick(self, items):
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
            label = "named-source" if named else "anonymous-source"
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
                "anonymous-source",
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
                self.add(text, "anonymous-source", [self.pick(BACKGROUND)], "anon-outlet-nested")
            else:
                title, _ = self.pick(TITLES)
                text = f"{_cap(outlet)} reported on {day} that {title} {self.fill('{name}')} had said {content}."
                self.add(text, "named-source", [self.pick(BACKGROUND)], "named-outlet-nested")

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
            self.add(text, "named-source", [self.pick(BACKGROUND)], "named-outlet-actors")

    def countries(self, n: int) -> None:
        for _ in range(n):
            country, _, capital = self.pick(COUNTRIES)
            subject = self.pick([country, capital, f"the government in {capital}"])
            text = f"{_cap(subject)} {self.pick(COUNTRY_CUES)} that {self.fill('{content}')}."
            intro, _ = self.named_intro() if self.rng.random() < 0.5 else self.anon_intro()
            self.add(text, "named-source", [intro], "named-country-claims")

    def events(self, n: int) -> None:
        for _ in range(n):
            intro, _ = self.named_intro() if self.rng.random() < 0.5 else self.anon_intro()
            self.add(self.fill(self.pick(EVENTS)), "unattributed", [intro], "unattr-named-actor")


def generate(seed: int = 31) -> list[dict]:
    writer = _Writer(seed)
    writer.references(1100)
    writer.reports(220)
    writer.nested(300)
    writer.actors(220)
    writer.countries(200)
    writer.events(400)
    return list(writer.rows.values())


def main() -> None:
    write_rows(generate(), "references.jsonl")


if __name__ == "__main__":
    main()
