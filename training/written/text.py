"""String helpers shared by the written-example generators: capitals, quotes, tidying, agreement."""

from __future__ import annotations

import random
import re

#: Possessive for a pronoun standing for the accused.
POSS = {"it": "its", "he": "his", "she": "her", "they": "their"}

# Sentence-initial words that are lower-cased when the sentence is joined on after a comma.
_LOWER_WHEN_JOINED = (
    "The",
    "A",
    "About",
    "Most",
    "Both",
    "Fighting",
    "Flu",
    "Global",
    "Coal",
    "Lithium",
    "Inflation",
    "Tourism",
    "Oil",
    "Car",
    "Measles",
    "Life",
    "Burglaries",
    "Homicides",
    "Knife",
    "Parliament",
    "Turnout",
    "Appeals",
)

# Singular verb forms and their plurals, for a plural subject.
_PLURAL_VERBS = (
    (" has ", " have "),
    (" denies ", " deny "),
    (" rejects ", " reject "),
    (" dismisses ", " dismiss "),
    (" disputes ", " dispute "),
    (" maintains ", " maintain "),
    (" was ", " were "),
    (" denies.", " deny."),
    (" says ", " say "),
)


def cap(text: str) -> str:
    """Upper-case the first letter, skipping leading quotes and punctuation."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def quote(rng: random.Random, text: str, style: str | None = None) -> str:
    """Wrap `text` in curly or straight double quotes; `style` None draws one (curly 2:1)."""
    style = style or rng.choice(["curly", "curly", "straight"])
    return ("\u201c" + text + "\u201d") if style == "curly" else ('"' + text + '"')


def tidy(text: str) -> str:
    """Collapse spaces and repair the punctuation that joining parts leaves behind."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace(" ,", ",").replace(" .", ".").replace("..", ".")
    text = text.replace(".\u201d.", ".\u201d").replace('.".', '."')
    text = text.replace(",.", ".").replace(",,", ",").replace(", ,", ",").replace(",:", ":")
    text = re.sub(r"\b([A-Z][A-Za-z]+)s's\b", r"\1s'", text)
    text = re.sub(r"\b([Aa]) (8|11|18|80|8\d)\b", r"\1n \2", text)
    return text


def pron(gender: str) -> tuple[str, str]:
    """(subject pronoun, possessive) for gender f, m, n (neuter) or p (plural)."""
    return {"f": ("she", "her"), "m": ("he", "his"), "n": ("it", "its"), "p": ("they", "their")}[
        gender
    ]


def agree(verb_sg: str, verb_pl: str, plural: bool) -> str:
    """The verb form that agrees with a singular or plural subject."""
    return verb_pl if plural else verb_sg


def conj(text: str, plural: bool) -> str:
    """Turn singular verb forms into plural ones for a plural subject."""
    if not plural:
        return text
    for singular, plural_form in _PLURAL_VERBS:
        text = text.replace(singular, plural_form)
    return text


def act_for(act: str, who: str) -> str:
    """Make the possessive in an allegation agree with the accused (`who`)."""
    poss = POSS.get(who, "their" if who.endswith("s") else "its")
    return act.replace(" its ", " %s " % poss)


def lower_first(text: str) -> str:
    """Lower-case a sentence's first word when it is a common word (for joining sentences)."""
    return text[0].lower() + text[1:] if text.split()[0] in _LOWER_WHEN_JOINED else text
