"""The output contract: JSON Schemas shipped in `scorer/schema/`, and validators for them.

Example:
    >>> from scorer.contract import validator
    >>> validator("article").validate({"schema_version": "1.0"})  # doctest: +SKIP
    Traceback (most recent call last):
    jsonschema.exceptions.ValidationError: 'id' is a required property
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMAS = ("article", "batch", "triage")


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema `name` ("article", "batch" or "triage") as a dict."""
    if name not in SCHEMAS:
        raise ValueError(f"schema must be one of {', '.join(SCHEMAS)}, got {name!r}")
    text = resources.files("scorer").joinpath("schema", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def validator(name: str) -> Any:
    """A jsonschema validator for `name` that resolves references between our schemas offline."""
    import jsonschema
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other)))
        for other in SCHEMAS
        if resources.files("scorer").joinpath("schema", f"{other}.schema.json").is_file()
    )
    cls = jsonschema.validators.validator_for(schema(name))
    return cls(schema(name), registry=registry)
