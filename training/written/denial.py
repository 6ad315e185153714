"""Generators of `official-denial` examples: a source denying, rejecting or disputing a claim.

Each generator takes the seeded `rng` and a news domain and returns (context, text).
"""

from __future__ import annotations

import random

from training.written.inventory import (
    CALL_QUAL,
    DAYS,
    DENIAL_QUOTES,
    DISMISS_QUAL,
    DOMAIN_PARTS,
    OUTLETS,
)
from training.written.sources import (
    Example,
    Generator,
    accused_org,
    clause,
    ctx,
    denier,
    named_person,
    np_alleg,
)
from training.written.text import act_for, cap, conj, pron, quote, tidy

#: The kinds of denial `g_denial` can build a generator for.
SUBKINDS = (
    "denied",
    "denied-that",
    "rejected",
    "dismiss",
    "refute",
    "called-false",
    "said-untrue",
    "disputes",
    "no-truth",
    "categorical",
    "pushed-back",
    "wrongdoing",
    "quote",
    "chain",
    "statement",
    "both",
)


def g_denial(sub: str) -> Generator:
    """A generator of denials of the kind `sub` (one of `SUBKINDS`)."""
    if sub not in SUBKINDS:
        raise ValueError(f"unknown denial kind {sub!r}; expected one of {', '.join(SUBKINDS)}")

    def generate(rng: random.Random, dom: str) -> Example:
        src, who, plural, p = denier(rng, dom)
        S = cap(src)
        act = act_for(rng.choice(DOMAIN_PARTS[dom]["acts"]), who)
        day = rng.choice(
            ["", "", " on %s" % rng.choice(DAYS), " in a statement", " on %s" % rng.choice(DAYS)]
        )
        if sub == "denied":
            v = rng.choice(
                [
                    "denied",
                    "has denied",
                    "denies",
                    "has repeatedly denied",
                    "flatly denied",
                    "has consistently denied",
                    "again denied",
                    "strongly denied",
                ]
            )
            t = "%s%s %s %s." % (S, day if v == "denied" else "", v, np_alleg(rng, dom, who))
        elif sub == "denied-that":
            v = rng.choice(
                [
                    "denied",
                    "has denied",
                    "denies",
                    "denied on %s" % rng.choice(DAYS),
                    "has always denied",
                ]
            )
            t = "%s %s that %s had %s." % (S, v, who, act)
        elif sub == "rejected":
            v = rng.choice(
                ["rejected", "has rejected", "rejects", "firmly rejected", "swiftly rejected"]
            )
            t = "%s %s %s as %s." % (S, v, np_alleg(rng, dom, who), rng.choice(DISMISS_QUAL))
        elif sub == "dismiss":
            v = rng.choice(["dismissed", "has dismissed", "dismisses", "quickly dismissed"])
            t = "%s%s %s %s as %s." % (
                S,
                day if v == "dismissed" else "",
                v,
                np_alleg(rng, dom, who),
                rng.choice(DISMISS_QUAL),
            )
        elif sub == "refute":
            t = rng.choice(
                [
                    "%s refuted %s." % (S, np_alleg(rng, dom, who)),
                    "%s moved to refute %s%s." % (S, np_alleg(rng, dom, who), day),
                    "%s has refuted %s, saying %s had acted lawfully."
                    % (S, np_alleg(rng, dom, who), who),
                ]
            )
        elif sub == "called-false":
            t = "%s called %s %s." % (S, np_alleg(rng, dom, who), rng.choice(CALL_QUAL))
        elif sub == "said-untrue":
            n = rng.choice(
                [
                    "the report was",
                    "the claims were",
                    "the allegations were",
                    "reports that %s had %s were" % (who, act),
                    "the story was",
                    "the accusation was",
                ]
            )
            t = "%s said %s %s." % (
                S,
                n,
                rng.choice(
                    [
                        "untrue",
                        "false",
                        "“untrue”",
                        "without foundation",
                        '"simply wrong"',
                        "not true",
                        "entirely false",
                        "inaccurate and misleading",
                    ]
                ),
            )
        elif sub == "disputes":
            t = rng.choice(
                [
                    "%s strongly disputes %s." % (S, np_alleg(rng, dom, who)),
                    "%s disputed %s%s." % (S, np_alleg(rng, dom, who), day),
                    "%s said it strongly disputes the findings." % S
                    if who == "it"
                    else "%s said %s strongly disputed the findings." % (S, who),
                ]
            )
        elif sub == "no-truth":
            q = rng.choice(
                [
                    "There is no truth to %s"
                    % rng.choice(["these claims", "the report", "the allegations", "this story"]),
                    "There is no truth whatsoever in these allegations",
                    "There is absolutely no truth to the claims",
                ]
            )
            r = rng.random()
            if r < 0.5:
                t = "%s %s." % (quote(rng, q + ","), rng.choice(["%s said" % src, "said %s" % src]))
            else:
                t = "%s said there was no truth to %s." % (S, np_alleg(rng, dom, who))
        elif sub == "categorical":
            t = rng.choice(
                [
                    "%s categorically denied %s." % (S, np_alleg(rng, dom, who)),
                    "%s categorically rejected %s." % (S, np_alleg(rng, dom, who)),
                    "%s %s denied that %s had %s."
                    % (S, rng.choice(["categorically", "emphatically", "flatly"]), who, act),
                ]
            )
        elif sub == "pushed-back":
            t = rng.choice(
                [
                    "%s pushed back on claims that %s had %s." % (S, who, act),
                    "%s pushed back against %s%s." % (S, np_alleg(rng, dom, who), day),
                    "%s hit back at %s, calling %s %s."
                    % (
                        S,
                        np_alleg(rng, dom, who),
                        rng.choice(["them", "it"]),
                        rng.choice(CALL_QUAL),
                    ),
                ]
            )
        elif sub == "wrongdoing":
            t = rng.choice(
                [
                    "%s has denied any wrongdoing." % S,
                    "%s denies wrongdoing." % S,
                    "%s has denied wrongdoing and said %s would cooperate with investigators."
                    % (S, who),
                    "%s insisted %s had done nothing wrong." % (S, who),
                    "%s maintains %s did nothing wrong." % (S, who),
                ]
                + (["%s has pleaded not guilty and denies the charges." % S] if p else [])
            )
        elif sub == "quote":
            q = rng.choice(DENIAL_QUOTES)
            r = rng.random()
            if r < 0.6:
                t = "%s %s." % (
                    quote(rng, q + ","),
                    rng.choice(
                        [
                            "%s said" % src,
                            "said %s" % src,
                            "%s said in a statement" % src,
                            "%s told reporters" % src,
                        ]
                    ),
                )
            else:
                t = "%s said: %s" % (S, quote(rng, q + "."))
        elif sub == "chain":
            base = rng.choice(
                [
                    "%s denied %s" % (S, np_alleg(rng, dom, who)),
                    "%s rejected %s as %s" % (S, np_alleg(rng, dom, who), rng.choice(DISMISS_QUAL)),
                ]
            )
            t = "%s, %s." % (
                base,
                rng.choice(
                    [
                        "according to %s" % rng.choice(OUTLETS),
                        "%s reported" % rng.choice(OUTLETS),
                        "according to a statement carried by %s" % rng.choice(OUTLETS),
                    ]
                ),
            )
        elif sub == "statement":
            t = "In a statement, %s said %s were %s and that %s had %s." % (
                src,
                rng.choice(["the allegations", "the claims", "the reports"]),
                rng.choice(CALL_QUAL),
                who,
                rng.choice(
                    [
                        "acted lawfully at all times",
                        "followed every rule",
                        "done nothing improper",
                        "complied with all regulations",
                    ]
                ),
            )
        else:  # both
            d1 = denier(rng, dom)
            o1 = d1[3]["full"] if d1[3] else d1[0].rstrip(",")
            s0 = p["full"] if p else src.rstrip(",")
            t = "Both %s and %s have %s %s." % (
                s0,
                o1,
                rng.choice(["denied", "rejected", "dismissed"]),
                rng.choice(
                    [
                        "the allegations",
                        "the claims",
                        "the reports",
                        "any wrongdoing",
                        "the accusations",
                    ]
                ),
            )
        if sub != "both":
            t = conj(t, plural)
        return ctx(rng, dom), tidy(t)

    return generate


def g_denial_pronoun(rng: random.Random, dom: str) -> Example:
    """Context: an accusation against a named person or organisation; text: their denial."""
    p = named_person(rng, dom) if rng.random() < 0.55 else None
    if p:
        act = act_for(rng.choice(DOMAIN_PARTS[dom]["acts"]), pron(p["gender"])[0])
        who_ctx = p["text"] if "," not in p["text"] else p["full"]
        pr = pron(p["gender"])[0]
        short = p["short"]
    else:
        who_ctx = accused_org(rng, dom).rstrip(",")
        pr = "it"
        short = cap(who_ctx)
        act = rng.choice(DOMAIN_PARTS[dom]["acts"])
    accuser = rng.choice(
        [
            "%s reported" % cap(rng.choice(OUTLETS)),
            "A watchdog alleged",
            "Opposition lawmakers have accused %s" % who_ctx,
            "Campaigners claim",
            "A former employee alleged",
            "Prosecutors say",
            "A report published on %s alleged" % rng.choice(DAYS),
        ]
    )
    if accuser.startswith("Opposition"):
        c = "%s of having %s." % (accuser, act)
    else:
        c = "%s that %s had %s." % (accuser, who_ctx, act)
    text = rng.choice(
        [
            "%s denied the %s."
            % (cap(pr), rng.choice(["claims", "report", "allegations", "accusation"])),
            "%s has denied this." % cap(pr),
            "%s %s the %s as %s."
            % (
                short,
                rng.choice(["dismissed", "rejected"]),
                rng.choice(["claims", "report", "allegations"]),
                rng.choice(DISMISS_QUAL),
            ),
            "%s denies it." % short,
            "%s called the allegations %s." % (cap(pr), rng.choice(CALL_QUAL)),
            "%s said the report was untrue." % cap(pr),
            "%s %s." % (quote(rng, rng.choice(DENIAL_QUOTES) + ","), pr + " said"),
            "%s has rejected the accusation." % short,
        ]
    )
    return tidy(c), tidy(text)


def g_denial_quote_cont(rng: random.Random, dom: str) -> Example:
    """The continuation of a denial quote whose speaker is in the context."""
    src, who, plural, p = denier(rng, dom)
    qs = rng.sample(DENIAL_QUOTES, 2)
    style = rng.choice(["curly", "straight"])
    c = "%s %s." % (quote(rng, qs[0] + ",", style), rng.choice(["%s said" % src, "said %s" % src]))
    more = [q for q in DENIAL_QUOTES if q not in qs]
    return tidy(c), tidy(
        quote(
            rng, qs[1] + "." + (" " + rng.choice(more) + "." if rng.random() < 0.4 else ""), style
        )
    )


def g_denial_after_report(rng: random.Random, dom: str) -> Example:
    """Context: an anonymous or named report; text: the denial of it."""
    o = rng.choice(OUTLETS)
    src_org = accused_org(rng, dom).rstrip(",")
    c = rng.choice(
        [
            "%s reported, citing unnamed sources, that %s." % (cap(o), clause(rng, dom)),
            "%s reported on %s that %s had %s."
            % (cap(o), rng.choice(DAYS), src_org, rng.choice(DOMAIN_PARTS[dom]["acts"])),
            "Media reports have claimed that %s had %s."
            % (src_org, rng.choice(DOMAIN_PARTS[dom]["acts"])),
        ]
    )
    t = rng.choice(
        [
            "%s dismissed the report as %s." % (cap(src_org), rng.choice(DISMISS_QUAL)),
            "%s denied the report." % cap(src_org),
            "%s later called the report %s." % (cap(src_org), rng.choice(CALL_QUAL)),
            "Officials rejected the report as %s." % rng.choice(DISMISS_QUAL),
            "%s said the report was %s."
            % (cap(src_org), rng.choice(["untrue", "false", '"pure speculation"', "“baseless”"])),
        ]
    )
    return tidy(c), tidy(t)


def g_denial_headline(rng: random.Random, dom: str) -> Example:
    """A headline ("Minister denies corruption claims"), with no context."""
    src, who, plural, p = denier(rng, dom)
    if p:
        src = p["short"]
    src = cap(src.rstrip(",").replace("The ", "").replace("the ", ""))
    noun = rng.choice(DOMAIN_PARTS[dom]["accnoun"])
    return "", tidy(
        "%s %s %s %s"
        % (
            src,
            rng.choice(["denies", "rejects", "dismisses", "hits back at"]),
            noun,
            rng.choice(["claims", "allegations", "report", "accusations"]),
        )
    )
