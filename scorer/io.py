"""Reading articles from plain text, HTML, JSONL, directories and stdin, one at a time."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from scorer import errors
from scorer.article import Article

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_MB = 10.0

_COMMON_ENGLISH = frozenset(
    "the of and to a in that is for on was with he it as at by said his from are be have has "
    "but not they were this which or an who had their been its will would more after also than "
    "one about up into over new there when what two last year she her we our could other".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


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
    words = _WORD.findall(text[:20000].lower())[:sample_words]
    if not words:
        return 0.0
    return sum(word in _COMMON_ENGLISH for word in words) / len(words)


def _decode(data: bytes, source: str) -> tuple[str, InputProblem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        count = text.count("\ufffd")
        return text, InputProblem(source, errors.W_BAD_UTF8.format(count=count), fatal=False)


def html_to_article(html: str, *, id: str, source: str) -> Article:
    """Extract the main text and publisher metadata from a saved HTML page."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    meta = trafilatura.extract_metadata(html)
    article = Article(id=id, raw=text or "", source=source, html=html)
    if meta is not None:
        article.title = meta.title or None
        article.url = meta.url or None
        if meta.sitename:
            article.publisher = meta.sitename.strip()
            article.publisher_origin = "html-metadata"
    if article.title and text and not text.lstrip().startswith(article.title[:40]):
        article.raw = f"{article.title}\n{text}"
    return article


def _check_text(text: str, source: str) -> InputProblem | None:
    if not text.strip():
        return InputProblem(source, errors.E_EMPTY)
    share = english_share(text)
    if share < 0.08 and len(_WORD.findall(text[:20000])) >= 20:
        return InputProblem(source, errors.E_NOT_ENGLISH.format(share=share))
    return None


def _read_bytes(path: Path, source: str, max_mb: float) -> bytes | InputProblem:
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        return InputProblem(
            source, errors.E_TOO_LARGE.format(size_mb=size / 1024 / 1024, limit_mb=max_mb)
        )
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
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


def _iter_jsonl(stream: IO[str], source: str, max_mb: float) -> Iterator[Article | InputProblem]:
    seen_any = False
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        if len(line) > max_mb * 1024 * 1024:
            yield InputProblem(
                where, errors.E_TOO_LARGE.format(size_mb=len(line) / 1024 / 1024, limit_mb=max_mb)
            )
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(source, errors.E_BAD_JSON.format(line=number, detail=exc.msg))
            continue
        if not isinstance(row, dict):
            yield InputProblem(source, errors.E_JSON_NO_TEXT.format(line=number))
            continue
        text, kind = row.get("text"), "text"
        if not isinstance(text, str) or not text.strip():
            text, kind = row.get("html"), "html"
        if not isinstance(text, str):
            yield InputProblem(source, errors.E_JSON_NO_TEXT.format(line=number))
            continue
        item = _article_from_text(text, kind=kind, id=str(row.get("id") or where), source=where)
        if isinstance(item, Article):
            for key in ("publisher", "url", "title"):
                value = row.get(key)
                if isinstance(value, str) and value.strip():
                    setattr(item, key, value.strip())
                    if key == "publisher":
                        item.publisher_origin = "input"
        yield item
    if not seen_any:
        yield InputProblem(source, errors.E_EMPTY)


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
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not (skip and p.resolve() in skip)
            )
            if not found:
                yield InputProblem(name, "directory holds no .txt, .html, .htm or .jsonl files")
            yield from found
        elif path.exists():
            yield path
        else:
            yield InputProblem(name, errors.E_MISSING_PATH)


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: IO[str] | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    exclude: Iterable[Path | str] = (),
) -> Iterator[Article | InputProblem]:
    """Yield one `Article` per input article, or an `InputProblem` for each one that failed.

    Inputs stream: a JSONL file is read line by line, so memory does not grow with the batch.
    Files in `exclude` are skipped when walking a directory (a run's own output file, which
    would otherwise be read back as input).

    Example:
        >>> for item in read_inputs(["examples/article.txt"]):
        ...     print(item.id)
        article
    """
    for item in _expand(paths, exclude):
        if isinstance(item, InputProblem):
            yield item
            continue
        if item == "-":
            stream = stdin or sys.stdin
            text = stream.read()
            kind = (
                "jsonl"
                if text.lstrip().startswith("{")
                else ("html" if text.lstrip()[:1] == "<" else "text")
            )
            if kind == "jsonl":
                yield from _iter_jsonl(iter(text.splitlines(keepends=True)), "stdin", max_mb)
            else:
                yield _article_from_text(text, kind=kind, id="stdin", source="stdin")
            continue
        path = Path(item)
        source = str(path)
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            yield InputProblem(source, errors.E_UNSUPPORTED.format(suffix=path.suffix or "(none)"))
            continue
        if kind == "jsonl":
            with path.open("rb") as handle:
                head = handle.read(8192)
            if b"\x00" in head:
                yield InputProblem(source, errors.E_BINARY)
                continue
            with path.open(encoding="utf-8", errors="replace") as stream:
                yield from _iter_jsonl(stream, source, max_mb)
            continue
        data = _read_bytes(path, source, max_mb)
        if isinstance(data, InputProblem):
            yield data
            continue
        text, warning = _decode(data, source)
        result = _article_from_text(text, kind=kind, id=path.stem, source=source)
        if warning is not None:
            if isinstance(result, Article):
                result.warnings.append(warning.message)
            yield warning
        yield result
