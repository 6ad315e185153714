"""Generators of long examples (30 to 60 words) for every label.

Each generator takes the seeded `rng` and a news domain and returns (context, text).
"""

from __future__ import annotations

import random

from training.written.inventory import (
    CALL_QUAL,
    DAYS,
    DISMISS_QUAL,
    DOMAIN_PARTS,
    HEDGES,
    OUTLETS,
    SETTINGS,
)
from training.written.sources import (
    Example,
    accused_org,
    ctx,
    denier,
    fill,
    named_org,
    named_person,
    np_alleg,
    two_clauses,
)
from training.written.text import POSS, act_for, cap, conj, lower_first, tidy


def g_named_long(rng: random.Random, dom: str) -> Example:
    """A named person or organisation reporting two clauses."""
    p = named_person(rng, dom)
    c1, c2 = two_clauses(rng, dom)
    r = rng.random()
    if r < 0.5:
        t = "%s, %s, said %s, adding that %s, %s." % (
            p["full"],
            fill(rng, rng.choice(DOMAIN_PARTS[dom]["roles"])[1]),
            c1,
            c2,
            rng.choice(HEDGES),
        )
    elif r < 0.8:
        t = "%s, %s, said %s and that %s." % (
            cap(named_org(rng, dom)),
            fill(rng, rng.choice(SETTINGS)),
            c1,
            c2,
        )
    else:
        t = (
            "%s, %s, told %s on %s that %s, a claim that was later repeated in a written statement"
            " from %s."
            % (
                p["full"],
                fill(rng, rng.choice(DOMAIN_PARTS[dom]["roles"])[1]),
                rng.choice(OUTLETS),
                rng.choice(DAYS),
                c1,
                named_org(rng, dom),
            )
        )
    return ctx(rng, dom), tidy(t)


def g_anon_long(rng: random.Random, dom: str) -> Example:
    """An unnamed source reporting two clauses, with the reason for anonymity."""
    c1, c2 = two_clauses(rng, dom)
    sg = [a for a, pl in DOMAIN_PARTS[dom]["anon"] if not pl] or ["a senior official"]
    why = rng.choice(
        [
            "because they were not authorised to speak publicly",
            "because the discussions were private",
            "because the matter is sensitive",
            "for fear of reprisals",
            "because the plans have not been announced",
        ]
    )
    r = rng.random()
    if r < 0.5:
        t = "%s, %s, who spoke on condition of anonymity %s, said on %s, adding that %s." % (
            cap(c1),
            rng.choice(sg),
            why,
            rng.choice(DAYS),
            c2,
        )
    elif r < 0.8:
        t = (
            "%s said %s and that %s, though %s stressed that the situation could still change in"
            " the coming days."
            % (
                cap(
                    rng.choice(
                        [
                            "two people familiar with the matter",
                            "several officials",
                            "people briefed on the discussions",
                            "sources close to the negotiations",
                        ]
                    )
                ),
                c1,
                c2,
                rng.choice(["they", "they"]),  # a draw kept so the files regenerate unchanged
            )
        )
    else:
        t = "%s reported on %s, citing %s, that %s and that %s." % (
            cap(rng.choice(OUTLETS)),
            rng.choice(DAYS),
            rng.choice(
                [
                    "three people with direct knowledge of the plans",
                    "unnamed officials",
                    "people familiar with the matter",
                    "a person who has seen the draft",
                ]
            ),
            c1,
            c2,
        )
    return ctx(rng, dom), tidy(t)


def g_denial_long(rng: random.Random, dom: str) -> Example:
    """A denial with its reasons, or a rejection with a counter-accusation."""
    src, who, plural, p = denier(rng, dom)
    act = act_for(rng.choice(DOMAIN_PARTS[dom]["acts"]), who)
    r = rng.random()
    if r < 0.5:
        t = (
            "%s denied %s, saying in a statement on %s that %s had %s and would cooperate fully"
            " with any inquiry."
            % (
                cap(src),
                np_alleg(rng, dom, who),
                rng.choice(DAYS),
                who,
                rng.choice(
                    [
                        "always complied with the law",
                        "acted in good faith throughout",
                        "followed every applicable rule",
                        "done nothing improper",
                    ]
                ),
            )
        )
    elif r < 0.8:
        t = "%s, which %s, rejected %s as %s and accused %s of %s." % (
            cap(accused_org(rng, dom)),
            fill(
                rng,
                rng.choice(
                    [
                        "has faced scrutiny since {year}",
                        "is based in {city}",
                        "employs thousands of people in the region",
                        "was founded in {year}",
                    ]
                ),
            ),
            np_alleg(rng, dom, "it"),
            rng.choice(DISMISS_QUAL),
            rng.choice(["its critics", "rivals", "the opposition", "the newspaper"]),
            rng.choice(
                [
                    "trying to damage its reputation",
                    "spreading misinformation",
                    "pursuing a political agenda",
                    "acting in bad faith",
                ]
            ),
        )
    else:
        t = (
            "%s has repeatedly denied that %s had %s, and on %s %s lawyers said the claims were %s"
            " and that %s would sue."
            % (
                cap(src),
                who,
                act,
                rng.choice(DAYS),
                "its" if who == "it" else POSS.get(who, "their"),
                rng.choice(CALL_QUAL),
                who,
            )
        )
    return ctx(rng, dom), tidy(conj(t, plural))


def g_unattr_long(rng: random.Random, dom: str) -> Example:
    """Two background sentences joined, sometimes with a comment."""
    a, b = rng.sample(DOMAIN_PARTS[dom]["background"], 2)
    c = ctx(rng, dom, exclude=a)
    a, b = fill(rng, a).rstrip("."), lower_first(fill(rng, b))
    t = rng.choice(["%s, and %s", "%s, while %s", "%s; %s"]) % (a, b)
    if rng.random() < 0.4:
        t = (
            t.rstrip(".")
            + ", "
            + rng.choice(
                [
                    "a fact that has shaped the debate ever since.",
                    "which few people outside the region realise.",
                    "and little is expected to change soon.",
                    "figures that have barely moved in a decade.",
                ]
            )
        )
    return c, tidy(t)
