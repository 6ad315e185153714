"""Reading articles from plain text, HTML, JSONL, directories and stdin, one at a time.

Whatever an input holds, reading it gives articles or `InputProblem`s, never an exception:
a file that cannot be read (permission denied, a socket, an I/O error) is one error; bytes
that are not valid in their encoding are replaced and warned about (per line in JSONL);
UTF-8 with or without a BOM, and UTF-16 or UTF-32 with a BOM, are decoded; directories are
walked following their links, and an unreadable subdirectory, a symbolic link loop or a
broken link is a warning; a repeated article id is a warning.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from scorer import errors
from scorer.article import Article
from scorer.normalise import normalise_text
from scorer.pages import html_to_article

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_MB = 10.0
MB = 1024 * 1024

_COMMON_ENGLISH = frozenset(
    "the of and to a in that is for on was with he it as at by said his from are be have has "
    "but not they were this which or an who had their been its will would more after also than "
    "one about up into over new there when what two last year she her we our could other".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Undecodable bytes, as the `scorer.escape` error handler decodes them (U+DC00 + the byte; no
# valid UTF-8, UTF-16 or UTF-32 decodes to a lone surrogate); and any lone surrogate (a JSON
# "\udce9" escape, or text from a stream read with `surrogateescape`).
_ESCAPE = "scorer.escape"
_ESCAPED_BYTE = re.compile("[\udc00-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SNIFF_BYTES = 8192


def _escape_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Like `surrogateescape`, for any byte and any codec: each bad byte to U+DC00 + byte."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + byte) for byte in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_ESCAPE, _escape_bytes)


@dataclass
class InputProblem:
    """A failed input (error) or a scored input with a caveat (warning)."""

    source: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def line(self) -> str:
        """The one-line report: ``error: SOURCE: MESSAGE``, or ``warning: …`` if not fatal."""
        return f"{'error' if self.fatal else 'warning'}: {self}"


def english_share(text: str, sample_words: int = 400) -> float:
    """Share of the first words that are common English function words (0.0-1.0)."""
    words = _WORD.findall(normalise_text(text[:20000]).lower())[:sample_words]
    if not words:
        return 0.0
    return sum(word in _COMMON_ENGLISH for word in words) / len(words)


def _limit_bytes(max_mb: float) -> int | None:
    """`max_mb` in bytes; None for no limit (infinite, as `scorer serve` passes)."""
    size = max_mb * MB
    return int(size) if math.isfinite(size) else None


def _encoding(head: bytes) -> tuple[str, str]:
    """The codec and the name of the encoding a file's first bytes announce (UTF-8 without)."""
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return codec, name
    return "utf-8", "UTF-8"


def _replace_escaped(text: str) -> tuple[str, int]:
    """`text` decoded with `scorer.escape`, its undecodable bytes made U+FFFD; and how many."""
    count = len(_ESCAPED_BYTE.findall(text))
    return (_ESCAPED_BYTE.sub("\ufffd", text), count) if count else (text, 0)


def _decode(data: bytes, source: str) -> tuple[str, InputProblem | None]:
    codec, name = _encoding(data[:4])
    text, count = _replace_escaped(data.decode(codec, errors=_ESCAPE))
    if not count:
        return text, None
    return text, InputProblem(
        source, errors.W_BAD_ENCODING.format(encoding=name, count=count), fatal=False
    )


def _scrub(value: str) -> tuple[str, int]:
    """`value` with lone surrogates replaced by U+FFFD, so that it can be written as UTF-8."""
    count = len(_SURROGATE.findall(value))
    return (_SURROGATE.sub("\ufffd", value), count) if count else (value, 0)


def _check_text(text: str, source: str) -> InputProblem | None:
    if not text.strip():
        return InputProblem(source, errors.E_EMPTY)
    share = english_share(text)
    if share < 0.08 and len(_WORD.findall(normalise_text(text[:20000]))) >= 20:
        return InputProblem(source, errors.E_NOT_ENGLISH.format(share=share))
    return None


def _too_large(source: str, size: int, max_mb: float) -> InputProblem:
    return InputProblem(source, errors.E_TOO_LARGE.format(size_mb=size / MB, limit_mb=max_mb))


def _unreadable(source: str, exc: OSError) -> InputProblem:
    return InputProblem(source, errors.E_UNREADABLE.format(detail=exc.strerror or exc))


def _read_bytes(path: Path, source: str, max_mb: float) -> bytes | InputProblem:
    limit = _limit_bytes(max_mb)
    try:
        with path.open("rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        return _unreadable(source, exc)
    if limit is not None and len(data) > limit:
        try:
            size = path.stat().st_size
        except OSError:
            size = len(data)
        return _too_large(source, max(size, len(data)), max_mb)
    if b"\x00" in data[:_SNIFF_BYTES] and _encoding(data[:4])[1] == "UTF-8":
        return InputProblem(source, errors.E_BINARY)
    return data


def _article_from_text(text: str, *, kind: str, id: str, source: str) -> Article | InputProblem:
    if kind == "html":
        if not text.strip():
            return InputProblem(source, errors.E_EMPTY)
        article = html_to_article(text, id=id, source=source)
    else:
        article = Article(id=id, raw=text, source=source)
    problem = _check_text(article.raw, source)
    return problem if problem else article


@dataclass
class _Line:
    """One line of a JSONL input: its text (None if over the size limit), size and the number
    of undecodable bytes replaced in it."""

    number: int
    text: str | None
    size: int = 0
    replaced: int = 0


def _binary_lines(stream: IO[bytes], limit: int | None, start: int = 1) -> Iterator[_Line]:
    """The lines of a binary UTF-8 stream (a BOM on the first is dropped), each read with at
    most `limit` bytes in memory; a longer line is skipped to its end and given as too large."""
    number = start
    while True:
        raw = stream.readline() if limit is None else stream.readline(limit + 1)
        if not raw:
            return
        if number == start and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if limit is not None and len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(MB)
                size += len(raw)
            yield _Line(number, None, size)
        else:
            text, replaced = _replace_escaped(raw.decode("utf-8", errors=_ESCAPE))
            yield _Line(number, text, len(raw), replaced)
        number += 1


def _text_lines(stream: IO[str], limit: int | None, start: int = 1) -> Iterator[_Line]:
    """The lines of a decoded stream (UTF-16 or UTF-32 read with `scorer.escape`)."""
    number = start
    while True:
        line = stream.readline() if limit is None else stream.readline(limit + 1)
        if not line:
            return
        if limit is not None and len(line) > limit and not line.endswith("\n"):
            size = len(line)
            while line and not line.endswith("\n"):
                line = stream.readline(MB)
                size += len(line)
            yield _Line(number, None, size)
        else:
            text, replaced = _replace_escaped(line)
            yield _Line(number, text, len(line), replaced)
        number += 1


def _article_id(value: Any, where: str) -> str:
    """The id of a JSONL article: a string as given, anything else as its JSON text (12 is
    "12", 0 is "0", never a Python repr); missing, null or blank: `where`, its file and line."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return where
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _iter_jsonl(
    lines: Iterable[_Line], source: str, max_mb: float, encoding: str = "UTF-8"
) -> Iterator[Article | InputProblem]:
    seen_any = False
    for line in lines:
        if line.text is not None and not line.text.strip():
            continue
        seen_any = True
        number, where = line.number, f"{source}:{line.number}"
        if line.text is None:
            yield _too_large(where, line.size, max_mb)
            continue
        bad_bytes = None
        if line.replaced:
            message = errors.W_BAD_ENCODING.format(encoding=encoding, count=line.replaced)
            bad_bytes = InputProblem(source, f"line {number}: {message}", fatal=False)
            yield bad_bytes
        try:
            item = _jsonl_article(line.text, number=number, source=source, where=where)
        except Exception as exc:  # noqa: BLE001 - one line never stops the file
            message = errors.E_READ_FAILED.format(detail=_detail(exc))
            item = InputProblem(source, f"line {number}: {message}")
        if isinstance(item, tuple):
            item, escapes = item
            if escapes:
                warning = errors.W_SURROGATES.format(line=number, count=escapes)
                item.warnings.append(warning)
                yield InputProblem(source, warning, fatal=False)
            if bad_bytes is not None:
                item.warnings.append(bad_bytes.message)
        yield item
    if not seen_any:
        yield InputProblem(source, errors.E_EMPTY)


def _jsonl_article(
    line: str, *, number: int, source: str, where: str
) -> tuple[Article, int] | InputProblem:
    """The article of one JSONL line and the lone surrogates replaced in it, or a problem."""
    try:
        row = json.loads(line)
    except (ValueError, RecursionError) as exc:  # also a 5,000-digit number, 10,000 "["
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]
        return InputProblem(source, errors.E_BAD_JSON.format(line=number, detail=detail))
    if not isinstance(row, dict):
        return InputProblem(source, errors.E_JSON_NO_TEXT.format(line=number))
    text, kind = row.get("text"), "text"
    if not isinstance(text, str) or not text.strip():
        text, kind = row.get("html"), "html"
    if not isinstance(text, str):
        return InputProblem(source, errors.E_JSON_NO_TEXT.format(line=number))
    text, escapes = _scrub(text)
    article_id, id_escapes = _scrub(_article_id(row.get("id"), where))
    item = _article_from_text(text, kind=kind, id=article_id, source=where)
    if isinstance(item, InputProblem):
        return item
    escapes += id_escapes
    for key in ("publisher", "url", "title"):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            value, count = _scrub(value.strip())
            escapes += count
            setattr(item, key, value)
            if key == "publisher":
                item.publisher_origin = "input"
    return item, escapes


def _detail(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def read_jsonl_lines(
    lines: Iterable[str], *, source: str, start: int, max_mb: float = DEFAULT_MAX_MB
) -> Iterator[Article | InputProblem]:
    """Articles (or problems) from JSONL lines of `source`, the first being line `start`.

    The same reading as `read_inputs` gives a JSONL file, for a slice of it (a shard of a
    distributed run): ids, sources and messages name the real line numbers.
    """
    limit = _limit_bytes(max_mb)

    def rows() -> Iterator[_Line]:
        for number, line in enumerate(lines, start=start):
            if number == 1 and line.startswith("\ufeff"):  # a UTF-8 BOM read as a character
                line = line[1:]
            if limit is not None and len(line) > limit:
                yield _Line(number, None, len(line))
            else:
                text, replaced = _replace_escaped(line)
                yield _Line(number, text, len(line), replaced)

    yield from _iter_jsonl(rows(), source, max_mb)


class _Prefixed(io.RawIOBase):
    """A binary stream whose first bytes were already read (to sniff the encoding and kind)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _jsonl_stream(
    handle: IO[bytes], source: str, max_mb: float
) -> Iterator[Article | InputProblem]:
    """The articles of a JSONL byte stream in any encoding `_encoding` recognises."""
    head = handle.read(_SNIFF_BYTES)
    codec, name = _encoding(head[:4])
    stream = io.BufferedReader(_Prefixed(head, handle))
    limit = _limit_bytes(max_mb)
    if name == "UTF-8":
        if b"\x00" in head:
            yield InputProblem(source, errors.E_BINARY)
            return
        yield from _iter_jsonl(_binary_lines(stream, limit), source, max_mb)
        return
    text = io.TextIOWrapper(stream, encoding=codec, errors=_ESCAPE, newline="")
    yield from _iter_jsonl(_text_lines(text, limit), source, max_mb, encoding=name)


def _stdin_bytes(stream: IO[Any]) -> IO[bytes]:
    """stdin as bytes: its binary buffer, or a text stream encoded back (bytes it decoded with
    `surrogateescape` come back as they were)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    data = stream.read()
    if isinstance(data, bytes):
        return io.BytesIO(data)
    try:
        return io.BytesIO(data.encode("utf-8", errors="surrogateescape"))
    except UnicodeEncodeError:  # other lone surrogates: they become invalid UTF-8, then U+FFFD
        return io.BytesIO(data.encode("utf-8", errors="surrogatepass"))


def _read_stdin(stream: IO[Any], max_mb: float) -> Iterator[Article | InputProblem]:
    handle = _stdin_bytes(stream)
    head = handle.read(_SNIFF_BYTES)
    codec, _ = _encoding(head[:4])
    start = head.decode(codec, errors="ignore").lstrip()[:1]
    if start == "{":
        yield from _jsonl_stream(_Prefixed(head, handle), "stdin", max_mb)
        return
    limit = _limit_bytes(max_mb)
    rest = handle.read() if limit is None else handle.read(max(0, limit + 1 - len(head)))
    data = head + rest
    if limit is not None and len(data) > limit:
        yield _too_large("stdin", len(data), max_mb)
        return
    text, warning = _decode(data, "stdin")
    result = _article_from_text(
        text, kind="html" if start == "<" else "text", id="stdin", source="stdin"
    )
    if warning is not None:
        if isinstance(result, Article):
            result.warnings.append(warning.message)
        yield warning
    yield result


_Directory = tuple[Path, tuple[tuple[int, int], ...]]
"""A directory to read and the (device, inode) of it and the directories above it."""


def _walk(root: Path, skip: set[Path]) -> Iterator[Path | InputProblem]:
    """The input files under `root`, sorted; links are followed, each directory read once.

    Directories reached through a link are read after all the others, so a directory inside
    `root` is read under its own path. An unreadable subdirectory, a link back to a directory
    being read (a loop), a link to one already read and a broken link are warnings; `root`
    itself unreadable is an error.
    """
    found: list[Path] = []
    problems: list[InputProblem] = []
    try:
        top = root.stat()
    except OSError as exc:
        yield _unreadable(str(root), exc)
        return
    pending: list[_Directory] = [(root, ((top.st_dev, top.st_ino),))]
    linked: list[_Directory] = []
    read: dict[tuple[int, int], Path] = {(top.st_dev, top.st_ino): root}
    while pending or linked:
        if pending:
            directory, ancestors = pending.pop()
        else:
            directory, ancestors = linked.pop(0)
            if ancestors[-1] in read:  # another link to it was read first
                message = errors.W_LINK_REPEAT.format(target=read[ancestors[-1]])
                problems.append(InputProblem(str(directory), message, fatal=False))
                continue
            read[ancestors[-1]] = directory
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            if directory == root:
                yield _unreadable(str(root), exc)
                return
            detail = exc.strerror or str(exc)
            problems.append(
                InputProblem(str(directory), errors.W_DIR_UNREADABLE.format(detail=detail), False)
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
                status = entry.stat() if is_dir else None
            except OSError:
                is_dir = is_file = False
                status = None
            if status is not None:
                key = (status.st_dev, status.st_ino)
                if key in ancestors:
                    message = errors.W_LINK_LOOP.format(target=read.get(key, directory))
                    problems.append(InputProblem(str(path), message, fatal=False))
                elif key in read:
                    message = errors.W_LINK_REPEAT.format(target=read[key])
                    problems.append(InputProblem(str(path), message, fatal=False))
                elif entry.is_symlink():
                    linked.append((path, (*ancestors, key)))
                else:
                    read[key] = path
                    pending.append((path, (*ancestors, key)))
            elif is_file:
                if path.suffix.lower() in SUFFIXES and not (skip and path.resolve() in skip):
                    found.append(path)
            elif entry.is_symlink() and path.suffix.lower() in SUFFIXES:
                problems.append(InputProblem(str(path), errors.W_BROKEN_LINK, fatal=False))
    yield from problems
    if not found:
        yield InputProblem(str(root), errors.E_EMPTY_DIR)
    yield from sorted(found)


def _expand(
    paths: Iterable[str], exclude: Iterable[Path | str] = ()
) -> Iterator[str | Path | InputProblem]:
    skip = {Path(p).resolve() for p in exclude}
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            yield from _walk(path, skip)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield InputProblem(name, errors.E_BROKEN_LINK)
        else:
            yield InputProblem(name, errors.E_MISSING_PATH)


def _read_file(path: Path, max_mb: float) -> Iterator[Article | InputProblem]:
    source = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield InputProblem(source, errors.E_UNSUPPORTED.format(suffix=path.suffix or "(none)"))
        return
    if kind == "jsonl":
        try:
            handle = path.open("rb")
        except OSError as exc:
            yield _unreadable(source, exc)
            return
        with handle:
            try:
                yield from _jsonl_stream(handle, source, max_mb)
            except OSError as exc:  # the file went away or failed while being read
                yield _unreadable(source, exc)
        return
    data = _read_bytes(path, source, max_mb)
    if isinstance(data, InputProblem):
        yield data
        return
    text, warning = _decode(data, source)
    result = _article_from_text(text, kind=kind, id=path.stem, source=source)
    if warning is not None:
        if isinstance(result, Article):
            result.warnings.append(warning.message)
        yield warning
    yield result


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: IO[Any] | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    exclude: Iterable[Path | str] = (),
) -> Iterator[Article | InputProblem]:
    """Yield one `Article` per input article, or an `InputProblem` for each one that failed.

    Inputs stream: a JSONL file is read line by line, so memory does not grow with the batch.
    Files in `exclude` are skipped when walking a directory (a run's own output file, which
    would otherwise be read back as input). Every input gives at least one item, and no
    exception escapes for a bad input: what cannot be read is an error, what was read with a
    caveat (replaced bytes, a repeated id, an HTML page read as plain text) a warning.

    Example:
        >>> for item in read_inputs(["examples/article.txt"]):
        ...     print(item.id)
        article
    """
    first_source: dict[str, str] = {}
    for entry in _expand(paths, exclude):
        if isinstance(entry, InputProblem):
            yield entry
            continue
        source = "stdin" if entry == "-" else str(entry)
        try:
            if entry == "-":
                items = _read_stdin(stdin or sys.stdin, max_mb)
            else:
                items = _read_file(Path(entry), max_mb)
            for item in items:
                if isinstance(item, Article):
                    yield from _check_id(item, first_source)
                    if errors.W_HTML_FALLBACK in item.warnings:
                        yield InputProblem(item.source, errors.W_HTML_FALLBACK, fatal=False)
                yield item
        except OSError as exc:
            yield _unreadable(source, exc)
        except Exception as exc:  # noqa: BLE001 - one input never stops the others
            yield InputProblem(source, errors.E_READ_FAILED.format(detail=_detail(exc)))


def _check_id(article: Article, first_source: dict[str, str]) -> Iterator[InputProblem]:
    """A warning if an earlier input of this run had the same id (outputs are told apart by
    id; the same file given twice is a repeat too)."""
    source = article.source or article.id
    first = first_source.get(article.id)
    if first is None:
        first_source[article.id] = source
        return
    message = errors.W_DUPLICATE_ID.format(id=article.id, first=first)
    article.warnings.append(message)
    yield InputProblem(source, message, fatal=False)
