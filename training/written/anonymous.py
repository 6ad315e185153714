"""Generators of `anonymous-source` examples: vague sources, unnamed reports, "reportedly".

Each generator takes the seeded `rng` and a news domain and returns (context, text).
"""

from __future__ import annotations

import random

from training.written.inventory import ANON_INTRO_PL, ANON_INTRO_SG, DAYS, DOMAIN_PARTS, OUTLETS
from training.written.sources import (
    Example,
    anon_source,
    clause,
    content,
    content_kind,
    ctx,
    say_verb,
)
from training.written.text import cap, quote, tidy


def g_anon_start(rng: random.Random, dom: str) -> Example:
    """Vague source first: ``Officials said the talks stalled.``"""
    src, pl = anon_source(rng, dom)
    v = say_verb(rng, pl)
    return ctx(rng, dom), tidy(
        "%s %s%s %s." % (cap(src), v, rng.choice([" that", ""]), clause(rng, dom))
    )


def g_anon_end(rng: random.Random, dom: str) -> Example:
    """Vague source after the clause: ``The talks stalled, diplomats said.``"""
    src, pl = anon_source(rng, dom)
    v = rng.choice(
        [
            "said",
            "said",
            "say" if pl else "says",
            "told reporters",
            "said on %s" % rng.choice(DAYS),
            "have said" if pl else "has said",
            "told %s" % rng.choice(OUTLETS),
        ]
    )
    return ctx(rng, dom), tidy("%s, %s %s." % (cap(clause(rng, dom)), src, v))


def g_anon_middle(rng: random.Random, dom: str) -> Example:
    """Vague source inside the clause: ``The talks, officials said, stalled.``"""
    s, p = content(rng, dom)
    src, pl = anon_source(rng, dom)
    return ctx(rng, dom), tidy(
        "%s, %s %s, %s." % (cap(s), src, rng.choice(["said", "said", "say" if pl else "says"]), p)
    )


def g_anon_according(rng: random.Random, dom: str) -> Example:
    """``According to people familiar with the matter, ...`` and the clause-first form."""
    src = rng.choice(
        [
            "reports",
            "media reports",
            "local media",
            "people familiar with the matter",
            "a person briefed on the talks",
            "sources",
            "unconfirmed reports",
            "several people with knowledge of the plans",
            "one estimate",
            "two officials",
            "sources quoted by local media",
            "reports on social media",
            "diplomatic sources",
            anon_source(rng, dom)[0],
        ]
    )
    if rng.random() < 0.5:
        return ctx(rng, dom), tidy("According to %s, %s." % (src, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, according to %s." % (cap(clause(rng, dom)), src))


def g_anon_condition(rng: random.Random, dom: str) -> Example:
    """A source speaking on condition of anonymity."""
    single = [a for a, pl in DOMAIN_PARTS[dom]["anon"] if not pl] + [
        "a senior official",
        "an official",
        "a diplomat",
        "one source",
    ]
    src = rng.choice(single)
    why = rng.choice(
        [
            "speaking on condition of anonymity",
            "speaking on the condition of anonymity",
            "who asked not to be named",
            "who requested anonymity",
            "who spoke on condition of anonymity because they were not authorised to discuss"
            " the matter publicly",
            "who declined to be identified",
        ]
    )
    r = rng.random()
    if r < 0.5:
        return ctx(rng, dom), tidy("%s, %s, said %s." % (cap(src), why, clause(rng, dom)))
    if r < 0.8:
        return ctx(rng, dom), tidy("%s, said %s, %s." % (cap(clause(rng, dom)), src, why))
    return ctx(rng, dom), tidy("%s, %s %s said." % (cap(clause(rng, dom)), src, why))


def g_anon_reportedly(rng: random.Random, dom: str) -> Example:
    """``reportedly``, ``It has been reported that``, ``is said to be``."""
    s, p = content(rng, dom)
    r = rng.random()
    if r < 0.55:
        w = p.split(" ", 1)
        if w[0] in ("will", "is", "has", "have", "was", "were", "could", "are") and len(w) > 1:
            return ctx(rng, dom), tidy("%s %s reportedly %s." % (cap(s), w[0], w[1]))
        return ctx(rng, dom), tidy("%s reportedly %s." % (cap(s), p))
    if r < 0.7:
        return ctx(rng, dom), tidy("Reportedly, %s %s." % (s, p))
    if r < 0.85:
        return ctx(rng, dom), tidy("It has been reported that %s." % (s + " " + p))
    context = ctx(rng, dom)
    state = rng.choice(
        [
            "close to a decision",
            "furious about the leak",
            "considering its options",
            "under pressure to act",
            "preparing a response",
        ]
    )
    return context, tidy("%s is said to be %s." % (cap(s), state))


def g_anon_understood(rng: random.Random, dom: str) -> Example:
    """``It is understood (that) ...``, ``It is believed that ...``."""
    r = rng.random()
    c = clause(rng, dom)
    if r < 0.4:
        return ctx(rng, dom), tidy("It is understood that %s." % c)
    if r < 0.6:
        return ctx(rng, dom), tidy("It is understood %s." % c)
    if r < 0.8:
        return ctx(rng, dom), tidy("%s, it is understood." % cap(c))
    return ctx(rng, dom), tidy("It is believed that %s." % c)


def g_anon_outlet_citing(rng: random.Random, dom: str) -> Example:
    """A named outlet citing unnamed sources: the deepest source is anonymous."""
    o = rng.choice(OUTLETS)
    who = rng.choice(
        [
            "unnamed sources",
            "unnamed officials",
            "people familiar with the matter",
            "anonymous sources",
            "two people with knowledge of the plans",
            "a source close to the negotiations",
            "unnamed sources with access to the documents",
            "sources in the government",
            "an unnamed official",
        ]
    )
    r = rng.random()
    if r < 0.4:
        return ctx(rng, dom), tidy(
            "%s reported, citing %s, that %s." % (cap(o), who, clause(rng, dom))
        )
    if r < 0.7:
        return ctx(rng, dom), tidy("%s, %s reported, citing %s." % (cap(clause(rng, dom)), o, who))
    return ctx(rng, dom), tidy(
        "%s, citing %s, reported on %s that %s." % (cap(o), who, rng.choice(DAYS), clause(rng, dom))
    )


def g_anon_told_outlet(rng: random.Random, dom: str) -> Example:
    """A vague source telling a named outlet."""
    o = rng.choice(OUTLETS)
    src, pl = anon_source(rng, dom)
    if rng.random() < 0.6:
        return ctx(rng, dom), tidy("%s told %s that %s." % (cap(src), o, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, %s told %s." % (cap(clause(rng, dom)), src, o))


def g_anon_experts(rng: random.Random, dom: str) -> Example:
    """Unnamed experts, analysts or critics predicting something."""
    src = rng.choice(
        [
            "experts",
            "analysts",
            "critics",
            "observers",
            "many experts",
            "some analysts",
            "critics of the plan",
            "independent experts",
            "commentators",
        ]
        + [a for a, pl in DOMAIN_PARTS[dom]["anon"] if pl]
    )
    v = rng.choice(
        [
            "say",
            "believe",
            "argue",
            "warn",
            "expect that",
            "have long said",
            "have warned",
            "fear",
            "think",
        ]
    )
    c = " ".join(content_kind(rng, dom, True))
    if rng.random() < 0.6:
        return ctx(rng, dom), tidy("%s %s %s." % (cap(src), v, c))
    context = ctx(rng, dom)
    verb = rng.choice(["say", "believe", "argue", "have said", "warn"])
    return context, tidy("%s, %s %s." % (cap(c), src, verb))


def g_anon_media(rng: random.Random, dom: str) -> Example:
    """Unnamed media, social media posts or channels."""
    src = rng.choice(
        [
            "local media",
            "media reports",
            "Telegram channels",
            "social media posts",
            "news reports",
            "reports in the local press",
            "several news outlets",
            "pro-government bloggers",
            "state-aligned channels",
        ]
    )
    v = rng.choice(["reported", "said", "have reported", "suggested", "claimed"])
    if src.startswith(("media reports", "news reports", "reports")) and v in (
        "said",
        "reported",
        "have reported",
    ):
        v = "suggested"
    if rng.random() < 0.6:
        return ctx(rng, dom), tidy("%s %s that %s." % (cap(src), v, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, %s %s." % (cap(clause(rng, dom)), src, v))


def g_anon_quote(rng: random.Random, dom: str) -> Example:
    """A quote from an unnamed speaker."""
    q = rng.choice(DOMAIN_PARTS[dom]["quotes"])
    sg = [a for a, pl in DOMAIN_PARTS[dom]["anon"] if not pl]
    if rng.random() < 0.5 and sg:
        context = ctx(rng, dom)
        quoted = quote(rng, q + ",")
        who = rng.choice(["%s said" % rng.choice(sg), "said %s" % rng.choice(sg)])
        return context, tidy("%s %s." % (quoted, who))
    src = rng.choice(
        [
            "one official said",
            "a source said",
            "said one resident",
            "a witness told reporters",
            "said a diplomat who asked not to be named",
            "one person familiar with the matter said",
            "an aide said",
            "a senior figure in the party said",
            "said a person close to the club",
            "one worker said",
            "a doctor at the hospital said",
            "said one insider",
        ]
    )
    return ctx(rng, dom), tidy("%s %s." % (quote(rng, q + ","), src))


def g_pronoun_anon(rng: random.Random, dom: str) -> Example:
    """A pronoun or role noun referring back to a vague source in the context."""
    if rng.random() < 0.65:
        intro, back = rng.choice(ANON_INTRO_SG)
        why = rng.choice(
            [
                ", speaking on condition of anonymity,",
                ", who asked not to be named,",
                "",
                ", who requested anonymity,",
            ]
        )
        he = rng.choice(["he", "she", "the " + back.split()[-1]])
    else:
        intro, back = rng.choice(ANON_INTRO_PL)
        why = ""
        he = "they"
    c1 = "%s%s %s %s." % (
        cap(intro),
        why,
        rng.choice(["said", "told reporters"]),
        clause(rng, dom),
    )
    if rng.random() < 0.3:
        c1 = "%s %s." % (
            quote(rng, rng.choice(DOMAIN_PARTS[dom]["quotes"]) + ","),
            "%s%s said" % (intro, why) if why else intro + " said",
        )
    r = rng.random()
    if r < 0.45:
        text = "%s %s %s." % (
            cap(back),
            rng.choice(["said", "added that", "also said", "said that"]),
            clause(rng, dom),
        )
    elif r < 0.75:
        text = "%s %s %s." % (
            cap(he),
            rng.choice(["said", "added that", "also said"]),
            clause(rng, dom),
        )
    else:
        text = "%s %s %s." % (
            quote(rng, rng.choice(DOMAIN_PARTS[dom]["quotes"]) + ","),
            he if rng.random() < 0.5 else back,
            rng.choice(["said", "added"]),
        )
    return tidy(c1), tidy(text)


def g_quote_cont_anon(rng: random.Random, dom: str) -> Example:
    """The continuation of a quote whose unnamed speaker is in the context."""
    quotes = DOMAIN_PARTS[dom]["quotes"]
    qs = rng.sample(quotes, 2)
    style = rng.choice(["curly", "straight"])
    who = rng.choice(
        [
            "one official said",
            "said a resident who did not want to be named",
            "a witness said",
            "said one source",
            "a diplomat told reporters",
            "one nurse said",
            "a player told reporters on condition of anonymity",
            "an aide said",
            "said a person close to the talks",
        ]
    )
    intro = "%s %s." % (quote(rng, qs[0] + ",", style), who)
    more = [q for q in quotes if q not in qs]
    return tidy(intro), tidy(
        quote(
            rng, qs[1] + "." + (" " + rng.choice(more) + "." if rng.random() < 0.5 else ""), style
        )
    )
