"""Labelled sentence data: reading JSONL, CSV or `datasets` data sets and checking every row."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer import errors
from scorer.article import LABELS


@dataclass(frozen=True)
class Example:
    """One labelled sentence with the preceding context it is read with."""

    text: str
    label: str
    context: str = ""
    origin: str = ""
    context_free: bool = False
    """True when the label does not depend on the context (it may be swapped in training)."""


@dataclass
class LoadReport:
    """What reading a data file found: the usable examples and the rows that were not."""

    examples: list[Example]
    bad_rows: list[str]


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


def _row_problem(row: Any, labels: tuple[str, ...]) -> str | None:
    if not isinstance(row, dict):
        return "not an object with 'text' and 'label'"
    text, label = row.get("text"), row.get("label")
    if not isinstance(text, str) or not text.strip():
        return "missing or empty 'text'"
    if not isinstance(label, str) or not label.strip():
        return "missing 'label'"
    if label not in labels:
        return f"unknown label {label!r}"
    context = row.get("context", "")
    if context is not None and not isinstance(context, str):
        return "'context' must be a string"
    return None


def _text(path: Path) -> str:
    """The file as text; invalid UTF-8 is a `DataError` naming the line."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise errors.DataError(
            errors.E_DATA_NOT_UTF8.format(path=path, line=line, detail=exc.reason)
        ) from exc


def _csv_rows(path: Path) -> list[tuple[str, Any]]:
    """A CSV file's rows, each named by the line it starts on; a field over the csv module's
    limit (128 KB) is a `DataError` naming that line (most often a quote left open)."""
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    rows: list[tuple[str, Any]] = []
    start = 1
    try:
        if reader.fieldnames is None:
            return rows  # an empty file
        while True:
            start = reader.line_num + 1
            rows.append((f"{path}:{start}", next(reader)))
    except StopIteration:
        return rows
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            limit_kb = csv.field_size_limit() // 1024
            message = errors.E_CSV_FIELD.format(path=path, line=start, limit_kb=limit_kb)
        else:
            message = f"{path}:{start}: not valid CSV ({exc})"
        raise errors.DataError(message) from exc


def _rows(path: Path) -> list[tuple[str, Any]]:
    if path.is_dir():
        from datasets import load_from_disk

        dataset = load_from_disk(str(path))
        if hasattr(dataset, "keys"):
            splits = list(dataset.keys())
            if "train" not in splits:
                raise errors.DataError(
                    f"{path}: a DatasetDict with the splits {splits}; expected a 'train' split "
                    "or a single Dataset"
                )
            dataset = dataset["train"]
        return [(f"{path}: row {i + 1}", dict(row)) for i, row in enumerate(dataset)]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".jsonl", ".json"):
        rows: list[tuple[str, Any]] = []
        # only "\n" ends a line: JSON strings may hold U+2028 and other Unicode line breaks
        for number, line in enumerate(_text(path).split("\n"), start=1):
            if not line.strip():
                continue
            try:
                rows.append((f"{path}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                rows.append((f"{path}:{number}", f"invalid JSON ({exc.msg})"))
        return rows
    raise errors.DataError(
        f"{path}: unsupported data file '{suffix}'; expected .jsonl, .csv or a `datasets` directory"
    )


def load_examples(path: Path | str, *, labels: tuple[str, ...] = LABELS) -> LoadReport:
    """Read labelled examples; report bad rows by line number and list unknown labels.

    Raises:
        DataError: the file is missing, of an unknown type, has no usable row, or uses labels
            outside `labels` (listed with the valid ones).

    Example:
        >>> report = load_examples("training/written/examples.jsonl")  # doctest: +SKIP
        >>> len(report.examples) > 1000, report.bad_rows  # doctest: +SKIP
        (True, [])
    """
    path = Path(path)
    if not path.exists():
        raise errors.DataError(f"{path}: no such data file or directory")
    examples: list[Example] = []
    bad: list[str] = []
    unknown: set[str] = set()
    for where, row in _rows(path):
        problem = row if isinstance(row, str) else _row_problem(row, labels)
        if problem:
            bad.append(f"{where}: {problem}")
            if (
                isinstance(row, dict)
                and isinstance(row.get("label"), str)
                and row["label"] not in labels
            ):
                unknown.add(row["label"])
            continue
        examples.append(
            Example(
                text=row["text"].strip(),
                label=row["label"],
                context=(row.get("context") or "").strip(),
                origin=str(row.get("origin") or path.stem),
                context_free=_truthy(row.get("context_free")) or row["label"] == "unattributed",
            )
        )
    if unknown:
        raise errors.DataError(
            f"{path}: unknown labels {sorted(unknown)}; valid labels are {list(labels)} "
            f"({len(bad)} bad rows, first: {bad[0]})"
        )
    if not examples:
        raise errors.DataError(
            f"{path}: no usable rows ({len(bad)} bad rows)" + (f"; first: {bad[0]}" if bad else "")
        )
    return LoadReport(examples=examples, bad_rows=bad)
