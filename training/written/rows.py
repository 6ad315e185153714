"""Writing example rows as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

#: The fields of a written example, in the order they are written.
FIELDS = ("text", "context", "label", "domain", "kind")


def write_rows(rows: Sequence[dict], path: Path, *, keys: Iterable[str] | None = None) -> Path:
    """Write `rows` to `path`, one JSON object per line, non-ASCII characters kept as they are.

    Args:
        rows: The examples.
        path: The file to (over)write.
        keys: The fields to write, in this order; None writes each row whole.

    Returns:
        `path`.
    """
    keys = tuple(keys) if keys is not None else None
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            out = row if keys is None else {key: row[key] for key in keys}
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    return path
