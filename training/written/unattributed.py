"""Generators of `unattributed` examples, and hard negatives that look sourced but are not.

The hard negatives carry reporting words in other senses ("insurance claims", "denied bail"),
scare quotes, dismissals from a job, quoted titles, and background after a sourced sentence.
Each generator takes the seeded `rng` and a news domain and returns (context, text).
"""

from __future__ import annotations

import random

from training.written.anonymous import g_anon_end, g_anon_start
from training.written.inventory import (
    ANALYSIS,
    CHRONO,
    CLUBS,
    COMPANIES,
    DOMAIN_PARTS,
    EVENTS,
    SCARE,
    SCARE_X,
    STAT,
    SUBJ,
    THING2,
    THINGS,
    TRIGGER_U,
)
from training.written.named import g_named_end, g_named_quote, g_named_start
from training.written.sources import Example, content, content_kind, ctx, fill, person
from training.written.text import cap, quote, tidy

# Subjects of `ANALYSIS` sentences that take a plural verb.
_PLURAL_SUBJECTS = (
    "investors",
    "hospitals",
    "patients",
    "the rebels",
    "civilians in the city",
    "residents",
    "local businesses",
    "farmers",
    "the police",
)


def g_unattr_background(rng: random.Random, dom: str) -> Example:
    """A background sentence of the domain."""
    b = rng.choice(DOMAIN_PARTS[dom]["background"])
    return ctx(rng, dom, exclude=b), tidy(fill(rng, b))


def g_unattr_analysis(rng: random.Random, dom: str) -> Example:
    """The writer's own analysis: ``The stakes are high for the club.``"""
    s = rng.choice(SUBJ[dom])
    t = rng.choice(ANALYSIS)
    if s in _PLURAL_SUBJECTS:
        t = t.replace("now faces", "now face")
    return ctx(rng, dom), tidy(t.replace("{subj}", s).replace("{Subj}", cap(s)))


def g_unattr_event(rng: random.Random, dom: str) -> Example:
    """Writer's own description of an event, subject + predicate in plain past tense."""
    s, p = content_kind(rng, dom, False)  # only predicates that read as plain facts
    t = "%s %s." % (cap(s), p)
    return ctx(rng, dom), tidy(t)


def g_unattr_stat(rng: random.Random, dom: str) -> Example:
    """A statistic with no source."""
    t = rng.choice(STAT)
    th = rng.choice(THINGS[dom])
    plural = th.endswith("*")
    th = th.rstrip("*")
    t = t.replace("{Thing}", th).replace("{thing2}", rng.choice(THING2))
    if plural:
        t = t.replace(" has ", " have ")
    return ctx(rng, dom), tidy(fill(rng, t))


def g_unattr_chrono(rng: random.Random, dom: str) -> Example:
    """A chronology sentence about an event."""
    t = rng.choice(CHRONO).replace("{ev}", rng.choice(EVENTS[dom]))
    return ctx(rng, dom), tidy(cap(fill(rng, t)))


def g_hard_trigger(rng: random.Random, dom: str) -> tuple[str, str, str]:
    """A reporting word used in another sense: (the word, context, text)."""
    key = rng.choice(list(TRIGGER_U.keys()))
    return key, ctx(rng, dom), tidy(cap(fill(rng, rng.choice(TRIGGER_U[key]))))


def g_scare(rng: random.Random, dom: str) -> Example:
    """A phrase in scare quotes, which quotes nobody."""
    return ctx(rng, dom), tidy(fill(rng, rng.choice(SCARE).replace("{x}", rng.choice(SCARE_X))))


def g_dismiss_fired(rng: random.Random, dom: str) -> Example:
    """An organisation dismissing an employee: "dismissed" that is not a denial."""
    first, last, _ = person(rng)
    if rng.random() < 0.4:
        org = rng.choice(CLUBS)
        role = rng.choice(
            ["coach", "manager", "head coach", "sporting director", "goalkeeping coach"]
        )
    else:
        org = rng.choice(
            COMPANIES + ["The council", "The ministry", "The university", "The hospital trust"]
        )
        role = rng.choice(
            [
                "chief executive",
                "finance director",
                "chief operating officer",
                "director",
                "head of communications",
            ]
        )
    why = rng.choice(
        [
            "after a run of {n2} defeats",
            "after a string of losses",
            "in {year}",
            "on {day}",
            "following a review",
            "with immediate effect",
            "after just {n2} months in charge",
        ]
    )
    t = "%s %s its %s, %s %s, %s." % (
        cap(org),
        rng.choice(["dismissed", "sacked", "fired", "dismissed"]),
        role,
        first,
        last,
        fill(rng, why),
    )
    return ctx(rng, dom), tidy(t)


def g_unattr_after_attrib(rng: random.Random, dom: str) -> Example:
    """Context has a (named or anonymous) attribution; text is plain background."""
    c = rng.choice([g_named_start, g_anon_end, g_named_quote, g_anon_start, g_named_end])(rng, dom)[
        1
    ]
    return tidy(c), tidy(fill(rng, rng.choice(DOMAIN_PARTS[dom]["background"])))


def g_unattr_headline(rng: random.Random, dom: str) -> Example:
    """A headline with no source and no context."""
    s, p = content(rng, dom)
    t = cap("%s %s" % (s, p))
    t = t.replace("the ", "").replace("The ", "")
    return "", tidy(cap(t.strip()))


def g_unattr_quoted_title(rng: random.Random, dom: str) -> Example:
    """A quoted book or film title, which quotes nobody."""
    first, last, _ = person(rng)
    w = rng.choice(["memoir", "novel", "documentary", "album", "report", "film", "podcast"])
    title = rng.choice(
        [
            "Denial",
            "The Source",
            "Officials Say",
            "Unnamed",
            "Off the Record",
            "The Quiet Year",
            "Northern Lights",
            "Claims and Counterclaims",
            "A Long Way Home",
            "Fake News",
            "The Spokesman",
            "Breaking Point",
        ]
    )
    by = rng.random() < 0.5
    t = "%s %s %s, %s, %s in %s." % (
        "The" if by else rng.choice(["Her", "His", "The"]),
        w if w != "report" else "novel",
        "by " + first + " " + last if by else "",
        quote(rng, title),
        rng.choice(["was published", "was released", "came out", "premiered"]),
        fill(rng, "{year}"),
    )
    return ctx(rng, dom), tidy(t)
