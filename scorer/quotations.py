"""Quotations over sentence boundaries: which tokens are quoted, where a quotation runs on, and
who speaks the sentences inside one.

A segmenter cuts a long quotation into sentences ("“I think she has to contrast. / And start
talking about the real issues. / The American people do not agree with Trump,” Sanders said.").
The middle sentences carry no quotation mark and no speaker, yet LABELS.md's rule 4 gives them
the speaker's label, and "Mr. Trump, tell me …" inside one names no source of its own.
`scorer.attribution.attribute` reads these helpers while it builds the chains:

- `quoted_tokens`: the token indices of a sentence inside quotation marks, given whether the
  sentence starts inside a quotation (`opened_quotations`);
- `join_split_quotes`: the opening pieces of a quotation take the chains of the piece that
  names the speaker;
- `speak_quotations`: a piece inside a quotation that the classifier labelled `unattributed`
  takes the speaker's label and chains (rule 4), the classifier's label kept as `model_label`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from scorer.article import ATTRIBUTED, Hop, HopKind, Label, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

QUOTE_MARKS = re.compile(r"[“”\"]")
"""Double quotation marks: a sentence that quotes someone (single ones double as apostrophes)."""


def quoted_tokens(sent: Span, opened: bool = False) -> set[int]:
    """Indices of tokens inside quotation marks: quoted speech names no sources of its own.
    `opened`: the sentence starts inside a quotation an earlier sentence opened."""
    inside, out = opened, set()
    for token in sent:
        if (
            token.text in ("“", "”", '"', "‘", "’")
            and token.text != "’"
            or token.text == "’"
            and inside
            and token.whitespace_
        ):
            inside = token.text in ("“", "‘") or (token.text == '"' and not inside)
            continue
        if inside:
            out.add(token.i)
    return out


def opened_quotations(sentences: list[Sentence], raw: str = "", longest: int = 8) -> list[bool]:
    """For each sentence, whether it starts inside a double quotation an earlier sentence
    opened and did not close. A new paragraph starts afresh (a quotation running over
    paragraphs opens each with a mark of its own; a transcript's turns never close theirs),
    except a piece of one long line of `raw` that cleaning cut at sentence ends
    (`scorer.clean.split_blocks`). A quotation runs on for at most `longest` sentences, and
    one that never closes (nor goes on in a paragraph that opens with a mark) was a stray mark
    ("He called the plan “a disaster. Police said …"): its sentences are not inside it.

    Example:
        >>> texts = ["“We will win.", "We have the votes.", "Trust us,” she said.", "Rain."]
        >>> opened_quotations([Sentence(i, t) for i, t in enumerate(texts)])
        [False, True, True, False]
    """
    opened, inside, run, cursor = [], False, 0, 0
    for k, sentence in enumerate(sentences):
        if k and sentence.paragraph != sentences[k - 1].paragraph and inside:
            cursor = _same_line(raw, sentences[k - 1].text, sentence.text, cursor)
            inside = cursor >= 0
            cursor = max(cursor, 0)
        run = run + 1 if inside else 0
        inside = inside and run <= longest
        opened.append(inside)
        if inside and _closes(sentence.text):
            run = 0  # it may open the next quotation: "…,” she said, “and more."
        inside = _inside_after(sentence.text, inside)
    # A quotation that never closes (“a disaster. Police said …) was a stray mark, unless the
    # next paragraph goes on quoting with a mark of its own.
    closed = False
    for k in range(len(sentences) - 1, -1, -1):
        if not opened[k]:
            closed = False
            continue
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        paragraph_goes_on = (
            nxt is not None
            and nxt.paragraph != sentences[k].paragraph
            and nxt.text.lstrip()[:1] in '“"'
        )
        closed = _closes(sentences[k].text) or paragraph_goes_on or (closed and opened[k + 1])
        opened[k] = closed
    return opened


def _inside_after(text: str, inside: bool) -> bool:
    """Whether a sentence that starts inside a double quotation or not (`inside`) ends inside
    one."""
    states = list(_states(text, inside))
    return states[-1] if states else inside


def _closes(text: str) -> bool:
    """Whether a sentence that starts inside a double quotation closes it (it may open
    another after)."""
    return False in _states(text, True)


def _states(text: str, inside: bool) -> Iterator[bool]:
    """Whether the text is inside a double quotation after each of its quotation marks. A
    single closing mark after punctuation closes a single quotation the sentence opened
    (“She told me, ‘Leave now.’ …), else a double one opened by mistake ("Schumer tweeted:
    “Let's go. We can do it.’ Schumer was …")."""
    single = False
    for mark in _MARKS.findall(text):
        if mark == "‘":
            single = True
        elif mark == "’":
            inside = inside and single
            single = False
        else:
            inside = mark == "“" or (mark == '"' and not inside)
        yield inside


_MARKS = re.compile(r"[“”\"]|(?<!\w)‘|(?<=[.!?,])’(?=\s|$)")
"""Double quotation marks, an opening single one, and a closing single one after
punctuation."""


def _same_line(raw: str, before: str, after: str, start: int = 0, window: int = 20_000) -> int:
    """Where in `raw` `after` follows `before` on the same line, searching `window`
    characters from `start` (the last such place: the sentences come in order, and a bounded
    search keeps a long text with many open quotations linear); -1 where it does not."""
    if not before.strip() or not after.strip():
        return -1
    pattern = re.escape(before[-40:].strip()) + r"[ \t]*" + re.escape(after[:40].strip())
    match = re.compile(pattern).search(raw, start, start + window)
    return match.start() if match else -1


def continues_quote(text: str) -> bool:
    """Whether a sentence goes on with a quotation: it opens with a quotation mark, or it closes
    one it did not open ("But peace cannot mean that," he said.)."""
    stripped = text.lstrip()
    return stripped[:1] in "“\"‘'" or quote_balance(text) < 0


def quote_balance(text: str) -> int:
    """Opening minus closing quotation marks: > 0 where a quotation opens and runs on."""
    curly = text.count("“") - text.count("”")
    straight = text.count('"') % 2 if text.lstrip().startswith('"') else 0
    return curly + straight


def join_split_quotes(sentences: list[Sentence], own: list[bool]) -> None:
    """A quotation the segmenter cut into several sentences ("“We will not be intimidated. /
    We will keep reporting,” the editor said.") takes, in every piece, the chains of the piece
    that names its speaker, when the opening pieces name none of their own."""
    for i, sentence in enumerate(sentences):
        if own[i] or sentence.label not in ATTRIBUTED or quote_balance(sentence.text) <= 0:
            continue
        balance = quote_balance(sentence.text)
        for j in range(i + 1, min(i + 4, len(sentences))):
            balance += quote_balance(sentences[j].text)
            if balance <= 0:  # the quotation closes in sentence j
                if own[j] and sentences[j].chains:
                    sentence.chains = [uncited(chain) for chain in sentences[j].chains]
                    for k in range(i + 1, j):
                        if not own[k] and sentences[k].label in ATTRIBUTED:
                            sentences[k].chains = [uncited(chain) for chain in sentences[j].chains]
                break


def uncited(chain: list[Hop]) -> list[Hop]:
    """A copy of a chain another sentence found, its hops no longer marked `cited` nor
    `unnamed`: only a sentence's own "citing" or unnamed source may set its label
    (`scorer.consistency`)."""
    return [
        replace(hop, cited=False, unnamed=False) if hop.cited or hop.unnamed else hop
        for hop in chain
    ]


def spoken(text: str) -> bool:
    """Whether a sentence of quoted speech is speech, not a stage direction in brackets
    ("(CROSSTALK.)") or bare punctuation."""
    bare = text.strip().strip("“”\"'‘’ ")
    return bool(re.search(r"[^\W\d_]", bare)) and not re.fullmatch(r"[(\[][^()\[\]]*[)\]]\W*", bare)


def speak_quotations(sentences: list[Sentence], opened: list[bool], own: list[bool]) -> None:
    """LABELS.md's rule 4: a sentence the classifier labelled `unattributed` inside a quotation
    whose speaker an adjacent sentence names is the speaker's (`quotation_speakers`). It takes
    the speaker's chains and the label the first chain's deepest hop implies (`named-source`,
    or `anonymous-source` for an anonymous one; never `official-denial`: a denial's next
    sentence need not deny), the classifier's label kept as `model_label` and the confidence
    null. A stage direction ("(CROSSTALK.)") stays as it is."""
    for i, speaker in quotation_speakers(sentences, opened, own).items():
        sentence = sentences[i]
        if sentence.label != Label.UNATTRIBUTED.value or not spoken(sentence.text):
            continue
        anonymous = speaker[0][-1].kind == HopKind.ANONYMOUS.value
        sentence.overrule((Label.ANONYMOUS if anonymous else Label.NAMED).value)
        sentence.chains = [uncited(chain) for chain in speaker]


def quotation_speakers(
    sentences: list[Sentence], opened: list[bool], own: list[bool]
) -> dict[int, list[list[Hop]]]:
    """The speaker's chains for each sentence inside a quotation another sentence introduces:

    - a sentence inside a quotation an earlier one opened (`opened`): the source the
      sentence that opened it names, else the one the sentence that closes it names;
    - the paragraph after an attributed sentence that ends with a colon and names a source
      ("The governor added:" / "It's typical of Hillary Clinton. She knows nothing."): that
      source.

    `own`: whether a sentence's chains were found in it, not taken from the one before. A
    quotation with no speaker named where it opens or closes is nobody's.
    """

    def named(k: int) -> list[list[Hop]]:
        sentence = sentences[k]
        return sentence.chains if own[k] and sentence.label in ATTRIBUTED else []

    speakers: dict[int, list[list[Hop]]] = {}
    introduced: tuple[int, list[list[Hop]]] | None = None  # (paragraph, speaker) after a colon
    for i, sentence in enumerate(sentences):
        speaker: list[list[Hop]] = []
        if opened[i]:
            # the sentence that opened this quotation: the nearest before that was outside
            # one, or that closed one and opened this one ("…,” Sanders replied, “and more.")
            first = i - 1
            while first > 0 and opened[first] and not _closes(sentences[first].text):
                first -= 1
            last = i
            while not _closes(sentences[last].text) and last + 1 < len(sentences):
                last += 1
            adjacent = first > 0 and sentences[first - 1].paragraph == sentences[first].paragraph
            speaker = (
                named(first)
                or (named(last) if _closes(sentences[last].text) else [])
                # “We will win,” Sanders said. “We have the votes. / We always have.”
                or (named(first - 1) if adjacent and continues_quote(sentences[first].text) else [])
            )
        if not speaker and introduced is not None and introduced[0] == sentence.paragraph:
            speaker = introduced[1]
        if speaker:
            speakers[i] = speaker
        if i and sentences[i - 1].text.rstrip().endswith(":") and named(i - 1):
            if sentence.paragraph != sentences[i - 1].paragraph:
                introduced = (sentence.paragraph, named(i - 1))
                speakers.setdefault(i, introduced[1])
        elif introduced is not None and introduced[0] != sentence.paragraph:
            introduced = None
    return speakers
