"""Generators of `named-source` examples, and named hard negatives that dismiss without denying.

Each generator takes the seeded `rng` and a news domain and returns (context, text).
"""

from __future__ import annotations

import random
from typing import Any

from training.written.inventory import CITIES, COUNTRIES, DAYS, DISMISS_AS, DOMAIN_PARTS, OUTLETS
from training.written.sources import (
    Example,
    clause,
    content,
    ctx,
    fill,
    named_org,
    named_person,
    named_source,
    named_title,
    person,
    say_verb,
)
from training.written.text import cap, pron, quote, tidy


def _short_form(p: dict[str, Any]) -> str:
    """The person as "Title Name", or the bare name when the text carries an appositive."""
    return p["text"] if "," not in p["text"] else p["full"]


def g_named_start(rng: random.Random, dom: str) -> Example:
    """Named source first: ``The Finance Ministry said (that) ...``"""
    src, pl, _ = named_source(rng, dom)
    v = say_verb(rng, pl)
    that = rng.choice([" that", ""])
    return ctx(rng, dom), tidy("%s %s%s %s." % (cap(src), v, that, clause(rng, dom)))


def g_named_according(rng: random.Random, dom: str) -> Example:
    """``According to <named source>, ...`` and the clause-first form."""
    src, pl, _ = named_source(rng, dom)
    if rng.random() < 0.5:
        return ctx(rng, dom), tidy("According to %s, %s." % (src, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, according to %s." % (cap(clause(rng, dom)), src))


def g_named_end(rng: random.Random, dom: str) -> Example:
    """Named source after the clause: ``..., Ana Reyes said in a statement.``"""
    src, pl, info = named_source(rng, dom)
    if info["kind"] == "person" and rng.random() < 0.4:
        return ctx(rng, dom), tidy("%s, said %s." % (cap(clause(rng, dom)), src))
    v = rng.choice(
        [
            "said",
            "said",
            "says",
            "told reporters",
            "said in a statement",
            "said on %s" % rng.choice(DAYS),
            "said in a statement on %s" % rng.choice(DAYS),
            "wrote on social media",
            "said in a report",
        ]
    )
    return ctx(rng, dom), tidy("%s, %s %s." % (cap(clause(rng, dom)), src, v))


def g_named_middle(rng: random.Random, dom: str) -> Example:
    """Named source inside the clause: ``The talks, the ministry said, stalled.``"""
    s, p = content(rng, dom)
    if rng.random() < 0.5:
        src = _short_form(named_person(rng, dom, form="pre"))
    else:
        src = named_org(rng, dom)
    v = rng.choice(["said", "said", "says", "told reporters", "added"])
    return ctx(rng, dom), tidy("%s, %s %s, %s." % (cap(s), src, v, p))


def g_named_quote(rng: random.Random, dom: str) -> Example:
    """A quote from a named source."""
    q = rng.choice(DOMAIN_PARTS[dom]["quotes"])
    src, pl, info = named_source(rng, dom)
    style = rng.choice(["curly", "straight"])
    r = rng.random()
    if r < 0.5:
        v = rng.choice(
            ["said", "told reporters", "said in a statement", "wrote on social media", "added"]
        )
        if info["kind"] == "org":
            v = rng.choice(
                ["said in a statement", "wrote on social media", "said in a post on its website"]
            )
        return ctx(rng, dom), tidy("%s %s %s." % (quote(rng, q + ",", style), src, v))
    if r < 0.75 and info["kind"] == "person":
        return ctx(rng, dom), tidy("%s said %s." % (quote(rng, q + ",", style), src))
    return ctx(rng, dom), tidy("%s said: %s" % (cap(src), quote(rng, q + ".", style)))


def g_named_outlet(rng: random.Random, dom: str) -> Example:
    """A named outlet reporting: ``Radio Meridian reported that ...``"""
    o = rng.choice(OUTLETS)
    v = rng.choice(["reported", "reported on %s" % rng.choice(DAYS), "has reported", "reports"])
    if rng.random() < 0.6:
        return ctx(rng, dom), tidy("%s %s that %s." % (cap(o), v, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, %s %s." % (cap(clause(rng, dom)), o, v))


def g_named_chain(rng: random.Random, dom: str) -> Example:
    """A named person reported by, or telling, a named outlet."""
    src = _short_form(named_person(rng, dom, form="pre"))
    o = rng.choice(OUTLETS)
    r = rng.random()
    if r < 0.4:
        return ctx(rng, dom), tidy("%s said %s, according to %s." % (src, clause(rng, dom), o))
    if r < 0.7:
        return ctx(rng, dom), tidy(
            "%s reported, citing a statement from %s, that %s."
            % (cap(o), named_org(rng, dom), clause(rng, dom))
        )
    return ctx(rng, dom), tidy("%s told %s that %s." % (src, o, clause(rng, dom)))


def g_named_document(rng: random.Random, dom: str) -> Example:
    """``According to court filings / a report by <org>, ...``"""
    legal = [
        "court filings",
        "the indictment",
        "the charge sheet",
        "court documents",
        "the judgment",
        "a police report",
    ]
    # every alternative is built (and draws) before one is chosen
    doc = rng.choice(
        (legal if dom in ("courts", "crime") else [])
        + [
            "a statement from %s" % named_org(rng, dom),
            "a report by %s" % named_org(rng, dom),
            "the minutes of the meeting, published by %s" % named_org(rng, dom),
            "figures from %s" % named_org(rng, dom),
            "the company's annual report",
            "a letter from %s seen by %s" % (named_title(rng, dom), rng.choice(OUTLETS)),
            "data published by %s" % named_org(rng, dom),
            "the official gazette",
            "a transcript released by %s" % named_org(rng, dom),
        ]
    )
    if rng.random() < 0.6:
        return ctx(rng, dom), tidy("According to %s, %s." % (doc, clause(rng, dom)))
    return ctx(rng, dom), tidy("%s, according to %s." % (cap(clause(rng, dom)), doc))


def g_named_country(rng: random.Random, dom: str) -> Example:
    """A country or its government as the source: ``Valdoria says ...``"""
    c = rng.choice(COUNTRIES)
    subj = rng.choice([c[0], c[2], "the %s government" % c[1]])
    v = rng.choice(["says", "claims", "has said", "said", "insists", "announced"])
    return ctx(rng, dom), tidy(
        "%s %s %s."
        % (cap(subj), v, "that " + clause(rng, dom) if rng.random() < 0.5 else clause(rng, dom))
    )


def g_dismiss_unrelated(rng: random.Random, dom: str) -> Example:
    """A named source dismissing a person or a proposal: named, and no denial."""
    p1 = named_person(rng, dom, form="pre")
    s1 = _short_form(p1)
    f2, l2, g2 = person(rng)
    r = rng.random()
    if r < 0.35:
        a = rng.choice(DISMISS_AS)
        a = quote(rng, a) if rng.random() < 0.4 else a
        context = ctx(rng, dom)
        when = rng.choice([".", " on %s." % rng.choice(DAYS), " in a television interview."])
        return context, tidy("%s dismissed %s %s as %s%s" % (s1, f2, l2, a, when))
    if r < 0.55:
        thing = rng.choice(
            [
                "the opposition's budget plan",
                "calls to resign",
                "the union's pay demand",
                "a proposal to merge the two agencies",
                "the offer",
                "calls for an early election",
                "the idea of a salary cap",
                "demands for a public inquiry",
            ]
        )
        why = rng.choice(
            [
                "saying it was unaffordable",
                "saying the timing was wrong",
                "arguing it would cost jobs",
                "saying there was no money for it",
                "saying %s would stay to finish the job" % pron(p1["gender"])[0],
            ]
        )
        return ctx(rng, dom), tidy("%s rejected %s, %s." % (s1, thing, why))
    if r < 0.75:
        src = named_org(rng, dom)
        context = ctx(rng, dom)
        day = rng.choice(DAYS)
        whom = rng.choice(
            [
                "its chief executive,",
                "its coach,",
                "the head of its finance department,",
                "its director,",
                "the official,",
            ]
        )
        how = rng.choice(
            [
                "after an internal review",
                "with immediate effect",
                "following a string of poor results",
                "over a breach of conduct rules",
            ]
        )
        return context, tidy(
            "%s said on %s it had dismissed %s %s %s." % (cap(src), day, whom, f2 + " " + l2, how)
        )
    context = ctx(rng, dom)
    if r < 0.9:
        topic = rng.choice(
            [
                "the polls",
                "the team's form",
                "the share price",
                "his future",
                "her future",
                "the weather",
            ]
        )
        answer = rng.choice(
            [
                "the only poll that mattered was on election day",
                "there was a long way to go",
                "%s was focused on the next match" % pron(p1["gender"])[0],
                "it was too early to judge",
            ]
        )
        return context, tidy(
            "%s brushed aside questions about %s, telling reporters %s." % (s1, topic, answer)
        )
    called = rng.choice(["a “disaster” as", "unfit to serve as", "the wrong choice for"])
    post = rng.choice(["finance minister", "coach", "party leader", "chair of the committee"])
    return context, tidy("%s called %s %s %s." % (s1, f2 + " " + l2, called, post))


def _named_intro(rng: random.Random, dom: str, p: dict[str, Any]) -> str:
    """A context sentence that introduces the named person `p`."""
    src = p["text"]
    # every alternative is built (and draws) before one is chosen
    return rng.choice(
        [
            "%s spoke to reporters in %s on %s." % (src, rng.choice(CITIES), rng.choice(DAYS)),
            "%s addressed a news conference on %s." % (src, rng.choice(DAYS)),
            "%s said %s." % (src, clause(rng, dom)),
            "%s %s."
            % (
                quote(rng, rng.choice(DOMAIN_PARTS[dom]["quotes"]) + ","),
                "said " + src if rng.random() < 0.5 else src + " said",
            ),
            "%s was asked about the issue during a visit to %s." % (src, rng.choice(CITIES)),
            "In an interview with %s, %s was asked about %s plans."
            % (rng.choice(OUTLETS), src, pron(p["gender"])[1]),
        ]
    )


def g_pronoun_named(rng: random.Random, dom: str) -> Example:
    """A pronoun or short reference back to a named source in the context."""
    p = named_person(rng, dom)
    intro = _named_intro(rng, dom, p)
    he = pron(p["gender"])[0]
    r = rng.random()
    if r < 0.35:
        text = "%s %s %s." % (
            cap(he),
            rng.choice(
                ["said", "added that", "also said", "told reporters", "said that", "later said"]
            ),
            clause(rng, dom),
        )
    elif r < 0.55:
        text = "%s %s %s." % (
            p["short"],
            rng.choice(["said", "added that", "also said", "went on to say that", "noted that"]),
            clause(rng, dom),
        )
    elif r < 0.75:
        text = "%s %s %s." % (
            quote(rng, rng.choice(DOMAIN_PARTS[dom]["quotes"]) + ","),
            he,
            rng.choice(["said", "added", "told reporters", "said later"]),
        )
    else:
        text = "The %s %s %s." % (
            p["backref"],
            rng.choice(["said", "added that", "also said"]),
            clause(rng, dom),
        )
    if rng.random() < 0.7:
        context = intro
    else:
        context = fill(rng, rng.choice(DOMAIN_PARTS[dom]["background"])) + " " + intro
    return tidy(context), tidy(text)


def g_quote_cont_named(rng: random.Random, dom: str) -> Example:
    """The continuation of a quote whose named speaker is in the context."""
    p = named_person(rng, dom)
    src = p["text"]
    quotes = DOMAIN_PARTS[dom]["quotes"]
    qs = rng.sample(quotes, 2)
    style = rng.choice(["curly", "straight"])
    intro = "%s %s." % (
        quote(rng, qs[0] + ",", style),
        rng.choice(["said " + src, src + " said", src + " told reporters"]),
    )
    more = [q for q in quotes if q not in qs]
    text = quote(
        rng, qs[1] + "." + (" " + rng.choice(more) + "." if rng.random() < 0.5 else ""), style
    )
    return tidy(intro), tidy(text)
