"""The service's OpenAPI description: request bodies, responses, and the output contract.

The answers of `/v1/score` and `/v1/triage` are described by the contract's own JSON Schemas
(`scorer/schema/*.json`), moved under `components/schemas` (their `$defs` become components
named `Article_hop`, `Triage_claim`, …), so `/docs` and a client generator see exactly what
the tests validate against.
"""

from __future__ import annotations

import copy
from typing import Any

from scorer.article import LABELS
from scorer.contract import schema
from scorer.serve.inputs import ARTICLE_FIELDS, HTML, JSON, JSONL, TEXT


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _component(name: str, source: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A contract schema as components: the schema as `name`, each `$defs` entry as
    `name_entry`, references rewritten to match."""
    body = copy.deepcopy(source)
    defs = body.pop("$defs", {})
    for key in ("$schema", "$id"):
        body.pop(key, None)

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                node["$ref"] = f"#/components/schemas/{name}_{ref.rsplit('/', 1)[1]}"
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)
        return node

    out = {name: rewrite(body)}
    out.update({f"{name}_{key}": rewrite(value) for key, value in defs.items()})
    return out


ARTICLE_IN: dict[str, Any] = {
    "title": "ArticleIn",
    "type": "object",
    "description": "One article to score: its text or the saved HTML page, and optional "
    "metadata. Fields other than these are ignored.",
    "properties": {
        "text": {"type": "string", "minLength": 1, "description": "The article's text."},
        "html": {
            "type": "string",
            "minLength": 1,
            "description": "A saved HTML page: its main text and publisher metadata are "
            "extracted (used when `text` is absent or blank).",
        },
        "id": {"type": "string", "description": "Your id; echoed back. Default `request`."},
        "publisher": {
            "type": "string",
            "description": "The publisher, overriding what the page or text says.",
        },
        "url": {"type": "string"},
        "title": {"type": "string"},
    },
    "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
    "example": {
        "id": "harbor-1",
        "publisher": "Calder Courier",
        "text": "The Port Calder Harbor Authority on Tuesday rejected claims that dredging "
        'crews had dumped contaminated sediment. "There is no truth to the suggestion," '
        "authority spokeswoman Marta Ellison told reporters.",
    },
}

ERROR: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "type": "string",
            "description": "What is wrong and what to do, worded as by the CLI.",
        }
    },
}

BATCH_LINE: dict[str, Any] = {
    "title": "BatchLine",
    "description": "One line of the JSONL answer of `/v1/score/batch`, in input order: the "
    "article object of the contract, or an error line for an article that was not scored.",
    "oneOf": [
        _ref("Article"),
        {
            "title": "BatchError",
            "type": "object",
            "required": ["id", "error", "status"],
            "properties": {
                "id": {"type": "string", "description": "The article's id, or `request:N`."},
                "error": {"type": "string"},
                "status": {
                    "type": "integer",
                    "description": "The status the article would get alone: 413, 422, 500, 503.",
                },
            },
        },
    ],
}

HEALTH: dict[str, Any] = {
    "title": "Health",
    "type": "object",
    "required": ["status", "classifier", "workers", "running", "waiting"],
    "properties": {
        "status": {"const": "ok"},
        "classifier": {"type": "string"},
        "workers": {"type": "integer", "minimum": 1},
        "running": {"type": "integer", "minimum": 0, "description": "Jobs being scored now."},
        "waiting": {"type": "integer", "minimum": 0, "description": "Jobs waiting for a worker."},
    },
}

MODEL: dict[str, Any] = {
    "title": "ModelInfo",
    "type": "object",
    "required": ["name", "version", "classifier", "labels", "metrics", "schema_version"],
    "properties": {
        "name": {"type": "string", "description": "The model directory's name, or `rules`."},
        "version": {"type": ["string", "null"], "description": "From the model card."},
        "classifier": {"type": "string", "description": "As in the article objects."},
        "labels": {"type": "array", "items": {"enum": list(LABELS)}},
        "precision": {"type": ["string", "null"]},
        "base_model": {"type": ["string", "null"]},
        "date": {"type": ["string", "null"]},
        "temperature": {"type": ["number", "null"]},
        "calibration": {"type": ["object", "null"]},
        "metrics": {
            "type": "object",
            "description": "The card's figures for this classifier, per gold set: macro_f1, "
            "accuracy, per_class precision/recall/F1, n.",
            "additionalProperties": {"type": "object"},
        },
        "schema_version": {"type": "string"},
    },
}

COMPONENTS: dict[str, Any] = {
    **_component("Article", schema("article")),
    **_component("Triage", schema("triage")),
    "ArticleIn": ARTICLE_IN,
    "Error": ERROR,
    "BatchLine": BATCH_LINE,
    "Health": HEALTH,
    "ModelInfo": MODEL,
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": _ref("Error")}}}


def errors_for(*codes: int, auth: bool = False) -> dict[int | str, dict[str, Any]]:
    """The documented error answers of an endpoint."""
    text = {
        401: "No bearer token, or the wrong one (only when the server has a token).",
        413: "Over the size limit (`--max-mb` for one article, `--max-batch-mb` for a batch "
        "body) or more articles than `--max-batch`.",
        415: "A content type the endpoint does not read.",
        422: "A body that is not what the endpoint reads, or has nothing to score.",
        500: "The pipeline failed on an article: a bug in scorer, not in the input.",
        503: "No worker was free within `--queue-timeout`, or too many requests are waiting.",
    }
    out: dict[int | str, dict[str, Any]] = {code: _error(text[code]) for code in codes}
    if auth:
        out[401] = _error(text[401])
    return out


def article_body() -> dict[str, Any]:
    """`requestBody` of `/v1/score`."""
    params = ", ".join(ARTICLE_FIELDS)
    return {
        "required": True,
        "description": f"An article object as JSON, or the article itself as {TEXT} or "
        f"{HTML} (then the query parameters {params} fill in its fields).",
        "content": {
            JSON: {"schema": _ref("ArticleIn")},
            TEXT: {"schema": {"type": "string", "minLength": 1}},
            HTML: {"schema": {"type": "string", "minLength": 1}},
        },
    }


def batch_body() -> dict[str, Any]:
    """`requestBody` of `/v1/score/batch` and `/v1/triage`."""
    return {
        "required": True,
        "description": f"A JSON array of article objects, or JSONL ({JSONL}, also "
        "application/jsonl): one article object per line.",
        "content": {
            JSON: {"schema": {"type": "array", "items": _ref("ArticleIn"), "minItems": 1}},
            JSONL: {"schema": {"type": "string"}},
        },
    }


def json_answer(name: str, description: str) -> dict[str, Any]:
    """A 200 answer whose body is the component `name`."""
    return {"description": description, "content": {JSON: {"schema": _ref(name)}}}
