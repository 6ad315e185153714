"""Hard negatives labelled by their source: non-answers ("declined to comment") deny nothing.

A named source that declines, has no information, cannot confirm or does not respond is still
a `named-source` sentence, and a vague one an `anonymous-source` sentence; neither is a denial.
"""

from __future__ import annotations

import random

from training.written.inventory import ANON_NONANSWER, DAYS, DOMAIN_PARTS, NONANSWER_TOPICS, OUTLETS
from training.written.sources import Example, Generator, ctx, named_source
from training.written.text import cap, conj, pron, tidy

#: The kinds of non-answer a generator can be built for.
SUBKINDS = ("declined", "noinfo", "confirm", "noresponse")


def nonanswer(rng: random.Random, src: str, pl: bool, g: str, sub: str) -> str:
    """A sentence in which `src` gives the non-answer `sub` (one of `SUBKINDS`)."""
    topic = rng.choice(NONANSWER_TOPICS)
    pr = pron(g)[0] if not pl else "they"
    # every alternative is built (and draws) before one is chosen
    if sub == "declined":
        return rng.choice(
            [
                "%s declined to comment." % cap(src),
                "%s declined to comment on %s." % (cap(src), topic),
                "%s %s to comment on %s on %s."
                % (cap(src), rng.choice(["declined", "refused"]), topic, rng.choice(DAYS)),
                "Asked about %s, %s declined to comment." % (topic, src),
                "%s would not comment on %s." % (cap(src), topic),
            ]
        )
    if sub == "noinfo":
        return rng.choice(
            [
                "%s said %s had no specific information to share." % (cap(src), pr),
                "%s said %s had no further information to share on %s." % (cap(src), pr, topic),
                "%s said %s had no details yet." % (cap(src), pr),
                "%s said %s was not aware of %s." % (cap(src), pr if not pl else "they", topic),
                "%s said %s was looking into %s." % (cap(src), pr, topic),
            ]
        ).replace("they was", "they were")
    if sub == "confirm":
        return rng.choice(
            [
                "%s could not confirm %s." % (cap(src), topic),
                "%s said %s could not confirm %s." % (cap(src), pr, topic),
                "%s could not immediately confirm %s." % (cap(src), topic),
                "%s would neither confirm nor deny %s." % (cap(src), topic),
            ]
        )
    if sub != "noresponse":
        raise ValueError(f"unknown non-answer {sub!r}; expected one of {', '.join(SUBKINDS)}")
    return rng.choice(
        [
            "%s did not respond to a request for comment." % cap(src),
            "%s did not immediately respond to requests for comment." % cap(src),
            "%s did not respond to questions about %s." % (cap(src), topic),
            "%s could not be reached for comment on %s." % (cap(src), rng.choice(DAYS)),
            "%s did not return calls seeking comment." % cap(src),
            "%s has not responded to %s's request for comment." % (cap(src), rng.choice(OUTLETS)),
        ]
    )


def g_nonanswer_named(sub: str) -> Generator:
    """A generator of named sources giving the non-answer `sub`."""

    def generate(rng: random.Random, dom: str) -> Example:
        src, pl, info = named_source(rng, dom)
        g = info["gender"] if info["kind"] != "org" else "n"
        if info["kind"] == "org":
            rng.random()  # an unused draw, kept so the committed files regenerate unchanged
        return ctx(rng, dom, 0.4), tidy(nonanswer(rng, src, pl, g, sub))

    return generate


def g_nonanswer_anon(sub: str) -> Generator:
    """A generator of vague sources giving the non-answer `sub`."""

    def generate(rng: random.Random, dom: str) -> Example:
        src, pl = rng.choice(ANON_NONANSWER + DOMAIN_PARTS[dom]["anon"][:4])
        g = "p" if pl else rng.choice("fm")
        return ctx(rng, dom, 0.4), tidy(conj(nonanswer(rng, src, pl, g, sub), pl))

    return generate
