"""Unicode normalisation before cleaning and parsing, with a map back to the text as read.

`normalise_text` is the first thing cleaning does (`scorer.clean.split_blocks`), so every
sentence, source name and chain is built from normalised text:

- invisible characters are removed: zero-width spaces, joiners and non-joiners, bidi marks,
  embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the soft hyphen, the BOM,
  variation selectors, tag characters, Hangul fillers and control characters ("Jo\\u200bhn"
  becomes "John"; U+202E no longer splits a sentence);
- compatibility forms that only change the look are folded, as NFKC would: full-width and
  half-width forms, mathematical and letterlike font variants ("𝐉𝐨𝐡𝐧") and the ligatures
  ﬀ-ﬆ. Other NFKC foldings change what the reader sees or what it means ("…" to "...", "½",
  "x²" to "x2", "™"), so they are not done. Canonical composition (NFC) is, cluster by
  cluster: "e" + U+0301 becomes "é";
- line separators (CR LF, CR, VT, FF, U+0085, U+2028, U+2029) become "\\n", and any run of
  other white space (tabs, no-break and other special spaces, several spaces, with invisible
  characters among them) becomes one space;
- two apostrophes or two backticks used as a double quotation mark (''So far,'' Mr. Trump
  said; the typewriter style of some newspapers' archives) become one '"', so a quotation
  is found as any other;
- a lone surrogate (from invalid UTF-8 read with `surrogateescape`, or a JSON "\\udce9")
  becomes U+FFFD, so the text can always be written out as UTF-8.

Offsets stay traceable: `normalise_with_offsets` returns an `OffsetMap` from the normalised
text back to the input, and `scorer.segment.locate` uses it to find a scored sentence in the
text as read (`Article.raw` keeps that text unchanged).

`mask_for_parse` is what spaCy parses instead of a normalised paragraph: the same length (so
every offset of the parse is an offset of the text), with pictographs (emoji, dingbats,
arrows) blanked, so that an emoji after a name never becomes part of the name or a source of
its own, and the middle of an overlong unbroken run (over `MAX_TOKEN_CHARS`) replaced by
letters, which spaCy's tokenizer would otherwise split in quadratic time.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

MAX_TOKEN_CHARS = 100
"""Longer runs without white space are masked for the parser (`mask_for_parse`)."""

_LINE_BREAKS = "\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"  # control characters, but tab and line breaks
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
# White space other than a line break (str.isspace() is true for these and for line breaks).
_BLANK = "\t\x1f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Characters whose NFKC form only changes the look; each is checked against its
# decomposition tag before it is folded (see _SAFE_TAGS).
_COMPAT = "\u2102-\u2149\ufb00-\ufb06\uff01-\uffee\U0001d400-\U0001d7ff"
_SAFE_TAGS = ("<wide>", "<narrow>", "<font>")
_LIGATURES = frozenset("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")

_EDITS = re.compile(
    r"(?P<crlf>\r\n)"
    r"|(?P<quote>''|``)"
    rf"|(?P<newline>[{_LINE_BREAKS}])"
    # a run of blanks and invisible characters holding at least one blank, unless it is
    # already a single space
    rf"|(?! (?![{_BLANK}{_INVISIBLE}]))[{_BLANK}{_INVISIBLE}]*[{_BLANK}][{_BLANK}{_INVISIBLE}]*"
    rf"|(?P<invisible>[{_INVISIBLE}]+)"
    rf"|(?P<compat>[{_COMPAT}])"
    r"|(?P<surrogate>[\ud800-\udfff])"
)
_PICTOGRAPHS = re.compile(
    "[\u20e3\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]+"
)
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
_RUN_HEAD = re.compile(r"[\"'“‘(\[«]{0,3}")
_RUN_TAIL = re.compile(r"[.,;:!?\"'”’)\]»]{0,3}$")
# Hangul vowel and final jamo compose with the syllable before them (NFC), like marks.
_HANGUL_VT = re.compile("[\u1161-\u11c2]")


@dataclass
class _Stage:
    """One rewrite of a text: segments of the output, each copied or replaced from the input.

    A copied segment maps character for character; a replaced one maps as a whole. Input
    characters between two segments were removed.
    """

    out_starts: array = field(default_factory=lambda: array("q"))
    in_starts: array = field(default_factory=lambda: array("q"))
    in_ends: array = field(default_factory=lambda: array("q"))
    copied: array = field(default_factory=lambda: array("b"))
    out_length: int = 0

    def add(self, out_start: int, in_start: int, in_end: int, out_length: int, copy: bool):
        self.out_starts.append(out_start)
        self.in_starts.append(in_start)
        self.in_ends.append(in_end)
        self.copied.append(1 if copy else 0)
        self.out_length = out_start + out_length

    def _out_end(self, k: int) -> int:
        return self.out_starts[k + 1] if k + 1 < len(self.out_starts) else self.out_length

    def input_start(self, index: int) -> int:
        """The input offset where the output text from `index` on comes from."""
        k = bisect_right(self.out_starts, index) - 1
        if k < 0:
            return self.in_starts[0] if self.in_starts else 0
        if self.copied[k]:
            length = self._out_end(k) - self.out_starts[k]
            return self.in_starts[k] + min(index - self.out_starts[k], length)
        return self.in_starts[k] if index == self.out_starts[k] else self.in_ends[k]

    def input_end(self, index: int) -> int:
        """The input offset where the output text up to `index` ends."""
        k = bisect_left(self.out_starts, index) - 1
        if k < 0:
            return self.in_starts[0] if self.in_starts else 0
        if self.copied[k]:
            return self.in_starts[k] + (index - self.out_starts[k])
        return self.in_ends[k]

    def output_start(self, offset: int) -> int:
        """The output offset of the text from input `offset` on."""
        k = bisect_right(self.in_starts, offset) - 1
        if k < 0:
            return 0
        if offset < self.in_ends[k]:
            if self.copied[k]:
                return self.out_starts[k] + (offset - self.in_starts[k])
            return self.out_starts[k] if offset == self.in_starts[k] else self._out_end(k)
        return self._out_end(k)


@dataclass
class OffsetMap:
    """Where each stretch of a normalised text came from in the text as read.

    Example:
        >>> text, offsets = normalise_with_offsets("Prime Minister Jo\\u200bhn  Keller")
        >>> text
        'Prime Minister John Keller'
        >>> start = text.index("John Keller")
        >>> offsets.to_original(start, start + len("John Keller"))
        (15, 28)
    """

    stages: list[_Stage] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the normalised `[start, end)` comes from."""
        for stage in reversed(self.stages):
            start, end = stage.input_start(start), stage.input_end(end)
        return start, max(start, end)

    def to_normalised(self, offset: int) -> int:
        """The normalised offset of the original text from `offset` on."""
        for stage in self.stages:
            offset = stage.output_start(offset)
        return offset


def _replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind in ("crlf", "newline"):
        return "\n"
    if kind == "invisible":
        return ""
    if kind == "quote":
        return '"'
    if kind == "surrogate":
        return "\ufffd"
    if kind == "compat":
        char = match.group()
        tag = unicodedata.decomposition(char).split(" ", 1)[0]
        safe = tag in _SAFE_TAGS or char in _LIGATURES
        return unicodedata.normalize("NFKC", char) if safe else char
    return " "  # a run of blanks


def _edit(text: str) -> tuple[str, _Stage | None]:
    """Remove invisible characters, unify white space, fold safe compatibility forms."""
    stage, parts, last, out = _Stage(), [], 0, 0
    for match in _EDITS.finditer(text):
        new = _replacement(match)
        if new == match.group():
            continue
        if match.start() > last:
            stage.add(out, last, match.start(), match.start() - last, copy=True)
            parts.append(text[last : match.start()])
            out += match.start() - last
        if new:
            stage.add(out, match.start(), match.end(), len(new), copy=False)
            parts.append(new)
            out += len(new)
        last = match.end()
    if last == 0 and not parts:
        return text, None
    if last < len(text):
        stage.add(out, last, len(text), len(text) - last, copy=True)
        parts.append(text[last:])
    stage.out_length = sum(map(len, parts))
    return "".join(parts), stage


def _compose(text: str) -> tuple[str, _Stage | None]:
    """NFC, one cluster (a character and the marks after it) at a time."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    stage, parts, out, start, size = _Stage(), [], 0, 0, len(text)
    copy_from = 0
    while start < size:
        end = start + 1
        while end < size and (
            unicodedata.combining(text[end])
            or unicodedata.category(text[end])[0] == "M"
            or _HANGUL_VT.match(text[end])
        ):
            end += 1
        cluster = text[start:end]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            if start > copy_from:
                stage.add(out, copy_from, start, start - copy_from, copy=True)
                parts.append(text[copy_from:start])
                out += start - copy_from
            stage.add(out, start, end, len(composed), copy=False)
            parts.append(composed)
            out += len(composed)
            copy_from = end
        start = end
    if copy_from < size:
        stage.add(out, copy_from, size, size - copy_from, copy=True)
        parts.append(text[copy_from:])
        out += size - copy_from
    stage.out_length = out
    return "".join(parts), stage


def normalise_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """The normalised text (see the module docstring) and its map back to `text`."""
    edited, first = _edit(text)
    composed, second = _compose(edited)
    return composed, OffsetMap([stage for stage in (first, second) if stage is not None])


def normalise_text(text: str) -> str:
    """`text` without invisible characters, with safe NFKC foldings, NFC and plain white space.

    Example:
        >>> normalise_text("Prime Minister Jo\\u200bhn\\u00a0 Keller said \\u202etoday")
        'Prime Minister John Keller said today'
    """
    return normalise_with_offsets(text)[0]


def _mask_run(match: re.Match[str]) -> str:
    run = match.group()
    head = _RUN_HEAD.match(run).end()
    tail = len(run) - _RUN_TAIL.search(run, head).start()
    return run[:head] + "x" * (len(run) - head - tail) + run[len(run) - tail :]


def mask_for_parse(text: str) -> str:
    """What spaCy parses for `text`: the same length, with pictographs and overlong runs masked.

    Example:
        >>> mask_for_parse("said John Keller \\U0001F600.") == "said John Keller  ."
        True
    """
    masked = _PICTOGRAPHS.sub(lambda m: " " * len(m.group()), text)
    return _LONG_RUN.sub(_mask_run, masked)
