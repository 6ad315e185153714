"""Parts of a written example: filled slots, people, named and vague sources, clauses, context.

Every function draws from the `rng` it is given, and the order of draws is part of the
output: the committed jsonl files are reproduced only if each call draws exactly as before.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from training.written.inventory import (
    ANON_DENIERS,
    CITIES,
    CLUBS,
    COMPANIES,
    COUNTRIES,
    DAYS,
    DOMAIN_PARTS,
    FIRST_F,
    FIRST_M,
    LAST,
    MONTHS,
    OUTLETS,
)
from training.written.text import act_for, agree, pron

#: A generated example: (context, text).
Example = tuple[str, str]
#: A generator of one kind of example: (rng, domain) -> (context, text).
Generator = Callable[[random.Random, str], Example]

_AMOUNTS = ["1.2", "2.5", "3", "450", "800", "12", "4.7", "60"]
_SCALES = ["million", "million", "million", "billion"]
_CURRENCIES = ["euros", "pounds", "dollars"]

# Generic vague sources offered in every domain besides the domain's own.
_GENERIC_ANON = [
    ("officials", True),
    ("sources", True),
    ("a source familiar with the matter", False),
    ("people familiar with the matter", True),
    ("experts", True),
    ("analysts", True),
]

# Predicates containing one of these read as predictions or plans rather than plain facts.
PREDICTIVE = (
    "will ",
    "could ",
    "likely",
    "may ",
    "would ",
    "need",
    "expected",
    "considering",
    "intends",
    "plans ",
    "preparing",
    "willing",
    "weighing",
    "is close to",
    "is in talks",
    "is raising",
    "has no plans",
    "is drafting",
    "is heading",
)

_ALLEGATION_NOUNS = [
    "the allegations",
    "the accusations",
    "the claims",
    "the report",
    "the reports",
    "the allegation",
    "these claims",
    "the accusation",
    "the story",
    "the charges",
]


def num(rng: random.Random, lo: int = 2, hi: int = 95) -> str:
    """A whole number between `lo` and `hi`, as text."""
    return str(rng.randint(lo, hi))


def money(rng: random.Random) -> str:
    """An amount of money: "$2.5 million" one time in three, else "450 million euros"."""
    if rng.choice(["$", "", ""]):
        return "$%s %s" % (rng.choice(_AMOUNTS), rng.choice(_SCALES))
    return "%s %s %s" % (rng.choice(_AMOUNTS), rng.choice(_SCALES), rng.choice(_CURRENCIES))


def fill(rng: random.Random, text: str, **extra: str) -> str:
    """Fill the slot markers (``{city}``, ``{year}``...) in an inventory string.

    Every slot is drawn on every call, used or not, so the number of draws does not depend
    on the text.
    """
    country = rng.choice(COUNTRIES)
    vals = {
        "n": num(rng),
        "n2": num(rng, 2, 9),
        "n3": num(rng, 100, 990),
        "pct": num(rng, 2, 40) + " percent",
        "money": money(rng),
        "city": rng.choice(CITIES),
        "city2": rng.choice(CITIES),
        "country": country[0],
        "cadj": country[1],
        "capital": country[2],
        "year": str(rng.randint(1985, 2023)),
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
        "company": rng.choice(COMPANIES),
        "company2": rng.choice(COMPANIES),
        "club": rng.choice(CLUBS),
        "outlet": rng.choice(OUTLETS),
        "date": "%s %d" % (rng.choice(MONTHS), rng.randint(1, 28)),
        "lname": rng.choice(LAST),
        "ord": rng.choice(["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]),
        "k": num(rng, 2, 60),
        "hour": rng.choice(["7", "8", "9", "10", "11"]),
    }
    vals.update(extra)
    for key, value in vals.items():
        text = text.replace("{" + key + "}", value)
    return text


def person(rng: random.Random, gender: str | None = None) -> tuple[str, str, str]:
    """(first name, last name, gender) of an invented person; gender "f" or "m"."""
    gender = gender or rng.choice("fm")
    first = rng.choice(FIRST_F if gender == "f" else FIRST_M)
    return first, rng.choice(LAST), gender


def named_person(rng: random.Random, dom: str, form: str | None = None) -> dict[str, Any]:
    """A named person source: dict(text, short, gender, backref, full, kind="person")."""
    pre, post, back = rng.choice(DOMAIN_PARTS[dom]["roles"])
    first, last, gender = person(rng)
    full = first + " " + last
    form = form or rng.choice(["pre", "post", "pre", "bare-post"])
    if pre and form == "pre":
        text = "%s %s" % (pre, full)
    else:
        text = "%s, %s," % (full, fill(rng, post))
    return dict(text=text, short=last, gender=gender, backref=back, full=full, kind="person")


def named_org(rng: random.Random, dom: str) -> str:
    """A named organisation of the domain."""
    return fill(rng, rng.choice(DOMAIN_PARTS[dom]["orgs"]))


def named_title(rng: random.Random, dom: str) -> str:
    """A title that picks out one person ("the mayor of {city}")."""
    return fill(rng, rng.choice(DOMAIN_PARTS[dom]["titles"]))


def named_source(rng: random.Random, dom: str) -> tuple[str, bool, dict[str, Any]]:
    """Any named source, as (text, plural, info) with info shaped as `named_person`'s."""
    r = rng.random()
    if r < 0.45:
        p = named_person(rng, dom)
        return p["text"], False, p
    if r < 0.8:
        o = named_org(rng, dom)
        return o, False, dict(text=o, short=o, gender="n", backref=None, kind="org")
    t = named_title(rng, dom)
    return t, False, dict(text=t, short=t, gender=rng.choice("fm"), backref=None, kind="title")


def anon_source(rng: random.Random, dom: str) -> tuple[str, bool]:
    """A vague source, as (text, plural)."""
    return rng.choice(DOMAIN_PARTS[dom]["anon"] + _GENERIC_ANON)


def content(rng: random.Random, dom: str) -> tuple[str, str]:
    """A reportable (subject, predicate) of the domain, slots filled."""
    s, p = rng.choice(DOMAIN_PARTS[dom]["content"])
    return fill(rng, s), fill(rng, p)


def clause(rng: random.Random, dom: str) -> str:
    """A reportable clause of the domain."""
    s, p = content(rng, dom)
    return s + " " + p


def content_kind(rng: random.Random, dom: str, predictive: bool) -> tuple[str, str]:
    """Like `content`, restricted to predictions (`predictive`) or to plain facts."""
    pool = [
        c for c in DOMAIN_PARTS[dom]["content"] if any(w in c[1] for w in PREDICTIVE) == predictive
    ]
    s, p = rng.choice(pool)
    return fill(rng, s), fill(rng, p)


def say_verb(rng: random.Random, plural: bool, tense: str | None = None) -> str:
    """A speech verb ("said", "says", "told Reuters"...) agreeing with the source."""
    tense = tense or rng.choice(["past"] * 6 + ["present", "perfect", "told", "day"])
    if tense == "past":
        return rng.choice(["said", "said", "told reporters", "noted", "added"])
    if tense == "present":
        return agree("says", "say", plural)
    if tense == "perfect":
        return agree("has said", "have said", plural)
    if tense == "told":
        return "told %s" % rng.choice(OUTLETS)
    return "said on %s" % rng.choice(DAYS)


def accused_org(rng: random.Random, dom: str) -> str:
    """An organisation that can be accused of something."""
    return fill(rng, rng.choice(DOMAIN_PARTS[dom]["accused"]))


def ctx(rng: random.Random, dom: str, p_empty: float = 0.3, exclude: str | None = None) -> str:
    """Context: empty with probability `p_empty`, else one or two background sentences."""
    if rng.random() < p_empty:
        return ""
    k = 1 if rng.random() < 0.6 else 2
    bg = rng.sample([b for b in DOMAIN_PARTS[dom]["background"] if b != exclude], k)
    return " ".join(fill(rng, b) for b in bg)


def two_clauses(rng: random.Random, dom: str) -> tuple[str, str]:
    """Two different reportable clauses of the domain."""
    a, b = rng.sample(DOMAIN_PARTS[dom]["content"], 2)
    return fill(rng, a[0] + " " + a[1]), fill(rng, b[0] + " " + b[1])


def denier(rng: random.Random, dom: str) -> tuple[str, str, bool, dict[str, Any] | None]:
    """Who denies: (text, pronoun or reference for them, plural, person info or None)."""
    r = rng.random()
    if r < 0.33:
        p = named_person(rng, dom)
        return p["text"], pron(p["gender"])[0], False, p
    if r < 0.66:
        return accused_org(rng, dom), "it", False, None
    if r < 0.8:
        t = named_title(rng, dom)
        gender = rng.choice("fm")
        return t, pron(gender)[0], False, None
    t, who, plural = rng.choice(ANON_DENIERS)
    return fill(rng, t), who, plural, None


def np_alleg(rng: random.Random, dom: str, who: str) -> str:
    """A noun phrase for what is denied: "the claims", "allegations that it had ..."."""
    r = rng.random()
    act = act_for(rng.choice(DOMAIN_PARTS[dom]["acts"]), who)
    if r < 0.25:
        return rng.choice(_ALLEGATION_NOUNS)
    if r < 0.55:
        return "%s that %s had %s" % (
            rng.choice(
                ["allegations", "claims", "reports", "accusations", "suggestions", "a report"]
            ),
            who,
            act,
        )
    if r < 0.75:
        return "accusations of %s" % rng.choice(DOMAIN_PARTS[dom]["accnoun"])
    return "%s claim that %s had %s" % (
        rng.choice(["a", "a newspaper's", "the opposition's", "a rival's", "a watchdog's"]),
        who,
        act,
    )
