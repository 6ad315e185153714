"""Request bodies → articles, with the checks and messages of `scorer score`.

A body is one article (`POST /v1/score`: a JSON object, plain text or HTML) or a batch (a JSON
array of article objects, or JSONL). Each article object goes through `scorer.io.read_inputs`
as a one-line JSONL input, so the service refuses exactly what the CLI refuses (empty text, not
English, no text left in an HTML page) with the same words. What is wrong with the request as a
whole raises `RequestError` with its HTTP status; what is wrong with one article of a batch is
a `Failure`, and the rest of the batch is scored.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from scorer import errors
from scorer.article import Article
from scorer.io import InputProblem, read_inputs

ARTICLE_FIELDS = ("id", "publisher", "url", "title")
"""Optional string fields of an article object, beside `text` or `html`."""

JSON = "application/json"
TEXT = "text/plain"
HTML = "text/html"
JSONL = "application/x-ndjson"
JSONL_TYPES = frozenset(
    {
        JSONL,
        "application/jsonl",
        "application/jsonlines",
        "application/x-jsonlines",
        "application/ndjson",
    }
)
ARTICLE_TYPES = f"{JSON} (an article object), {TEXT} or {HTML}"
BATCH_TYPES = f"{JSON} (an array of article objects) or {JSONL} (one object per line)"
MB = 1024 * 1024


class RequestError(Exception):
    """The request as a whole cannot be served: its HTTP status and a message a person can act
    on (the `detail` of the answer)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Failure:
    """An article that could not be scored, and why.

    Attributes:
        id: the article's id (its `id` field, else `request:N`, N its line or item number).
        message: what is wrong and what to do, worded as by `scorer score`.
        status: the HTTP status the problem would have on its own: 413 too large, 422 not an
            article or nothing to score, 500 the pipeline failed (a bug, not the input).
    """

    id: str
    message: str
    status: int = 422


def media_type(header: str | None) -> str:
    """The media type of a Content-Type header, without parameters, lower case."""
    return (header or "").split(";", 1)[0].strip().lower()


def _kind(value: Any) -> str:
    """How JSON names the type of `value`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def decode(body: bytes) -> tuple[str, str | None]:
    """The body as text, and the CLI's warning if it was not valid UTF-8."""
    try:
        return body.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        text = body.decode("utf-8", errors="replace")
        return text, errors.W_BAD_UTF8.format(count=text.count("\ufffd"))


def read_row(row: Any, *, number: int | None, max_mb: float, where: str = "") -> Article | Failure:
    """One article object → an unscored `Article`, or the `Failure` that says what is wrong.

    Args:
        row: the decoded JSON value.
        number: its line (JSONL) or item (array) number in a batch; None for a single article.
        max_mb: the size limit of one article.
        where: the prefix of a message in a batch, e.g. "line 3: ".
    """
    fallback = f"request:{number}" if number is not None else "request"
    if not isinstance(row, dict):
        return Failure(fallback, errors.E_HTTP_NOT_ARTICLE.format(where=where, found=_kind(row)))
    raw_id = row.get("id")
    article_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else fallback
    for key in ("text", "html", *ARTICLE_FIELDS):
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            return Failure(
                article_id,
                errors.E_HTTP_FIELD_TYPE.format(where=where, field=key, found=_kind(value)),
            )
    text, html = row.get("text"), row.get("html")
    body = text if text and text.strip() else html
    if body is None:
        if text is not None:  # a text field that holds only white space
            return Failure(article_id, where + errors.E_EMPTY)
        return Failure(article_id, errors.E_HTTP_NO_TEXT.format(where=where))
    size = len(body.encode("utf-8", errors="replace"))
    if size > max_mb * MB:
        message = errors.E_TOO_LARGE.format(size_mb=size / MB, limit_mb=max_mb)
        return Failure(article_id, where + message, status=413)
    kept = {k: row[k] for k in ("text", "html", "publisher", "url", "title") if row.get(k)}
    line = json.dumps(kept, ensure_ascii=False) + "\n"
    # the CLI's reader, on a one-line JSONL input: its checks, its messages; the size was
    # checked above on the text itself (the JSON line is longer by its escapes)
    items = list(read_inputs(["-"], stdin=io.StringIO(line), max_mb=float("inf")))
    item = next((i for i in items if isinstance(i, Article) or i.fatal), None)
    if item is None:  # pragma: no cover - read_inputs yields an article or a problem
        return Failure(article_id, errors.E_HTTP_NO_TEXT.format(where=where))
    if isinstance(item, InputProblem):
        return Failure(article_id, where + item.message)
    item.id = article_id
    item.source = fallback
    return item


def parse_article(
    body: bytes, content_type: str | None, params: dict[str, str], *, max_mb: float
) -> Article:
    """The one article of a `POST /v1/score` body.

    A JSON body is an article object; a text/plain or text/html body is the article itself,
    and `params` (the query string: id, publisher, url, title) fill in its fields. For a JSON
    object, they fill in only the fields it lacks.

    Raises:
        RequestError: 415 for another content type, 413 for an article over `max_mb`, 422 for
            a body that is not an article or has nothing to score.
    """
    kind = media_type(content_type)
    if kind not in (JSON, TEXT, HTML):
        raise RequestError(
            415, errors.E_HTTP_MEDIA_TYPE.format(found=kind or "(none)", expected=ARTICLE_TYPES)
        )
    text, warning = decode(body)
    extra = {k: v for k, v in params.items() if k in ARTICLE_FIELDS and v}
    if kind == JSON:
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RequestError(
                422, errors.E_HTTP_BAD_JSON.format(detail=exc.msg, expected="an article object")
            ) from None
        if isinstance(row, dict):
            row = {**extra, **{k: v for k, v in row.items() if v is not None}}
    else:
        row = {**extra, ("text" if kind == TEXT else "html"): text}
    item = read_row(row, number=None, max_mb=max_mb)
    if isinstance(item, Failure):
        raise RequestError(item.status, item.message)
    if warning is not None:
        item.warnings.append(warning)
    return item


def parse_batch(
    body: bytes, content_type: str | None, *, max_batch: int, max_mb: float
) -> list[Article | Failure]:
    """The articles of a batch body, in order; a bad one is a `Failure` in its place.

    Raises:
        RequestError: 415 for another content type, 413 for more than `max_batch` articles,
            422 for a JSON body that is not an array, or a batch with no article.
    """
    kind = media_type(content_type)
    if kind != JSON and kind not in JSONL_TYPES:
        raise RequestError(
            415, errors.E_HTTP_MEDIA_TYPE.format(found=kind or "(none)", expected=BATCH_TYPES)
        )
    text, _ = decode(body)
    rows: list[tuple[int, Any, str | None]] = []  # (number, value, JSON error)
    if kind == JSON:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RequestError(
                422,
                errors.E_HTTP_BAD_JSON.format(detail=exc.msg, expected="an array of articles"),
            ) from None
        if not isinstance(value, list):
            raise RequestError(422, errors.E_HTTP_NOT_BATCH.format(found=_kind(value)))
        rows = [(n, row, None) for n, row in enumerate(value, start=1)]
        label = "item"
    else:
        label = "line"
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((n, json.loads(line), None))
            except json.JSONDecodeError as exc:
                rows.append((n, None, errors.E_BAD_JSON.format(line=n, detail=exc.msg)))
    if not rows:
        raise RequestError(422, errors.E_EMPTY)
    if len(rows) > max_batch:
        raise RequestError(413, errors.E_HTTP_TOO_MANY.format(count=len(rows), limit=max_batch))
    out: list[Article | Failure] = []
    for n, row, problem in rows:
        if problem is not None:
            out.append(Failure(f"request:{n}", problem))
        else:
            out.append(read_row(row, number=n, max_mb=max_mb, where=f"{label} {n}: "))
    return out
