"""Writing a triage result: a terminal queue, JSON, CSV, or one self-contained HTML page.

`triage_files` triages inputs and writes the result (what `scorer triage` calls); `write_report`
writes a `TriageResult` already made.

The HTML page (`scorer.report_html`) needs nothing but a browser: inline CSS, inline SVG for
each story's provenance graph, no scripts, no external assets. Every piece of article text is
escaped, and a CSV cell that a spreadsheet would read as a formula is neutralised.
Near-duplicate copies (`copy_of`) are folded into the row of the article they copy in the table
and the page, reported once; the JSON and the CSV keep one entry per article.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TextIO

from scorer.outputs import open_output
from scorer.pipeline import ScoringConfig
from scorer.report_html import (
    copies_by_original,
    copies_note,
    copy_noun,
    html_report,
    publisher_line,
)
from scorer.triage import triage
from scorer.triage_types import TriageConfig, TriageResult


class TriageFormat(str, Enum):
    """Output formats of `scorer triage`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


CSV_HEADER = ("id", "publisher", "priority", "story", "reasons", "top_claim")
# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_report(
    result: TriageResult, *, fmt: TriageFormat | str, stream: TextIO, color: bool = False
) -> None:
    """Write `result` to `stream` in `fmt` (table, json, csv or html)."""
    fmt = TriageFormat(fmt)
    if fmt is TriageFormat.JSON:
        stream.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt is TriageFormat.CSV:
        write_csv(result, stream)
    elif fmt is TriageFormat.HTML:
        stream.write(html_report(result))
    else:
        write_table(result, stream, color=color)
    stream.flush()


def triage_files(
    *,
    paths: list[str],
    fmt: TriageFormat | str = TriageFormat.TABLE,
    output: Path | None = None,
    stream: TextIO | None = None,
    color: bool = False,
    config: TriageConfig | None = None,
    scoring: ScoringConfig | None = None,
    report: Callable[[str], None] | None = None,
) -> TriageResult:
    """`triage` the inputs and write the result in `fmt` to `output` (a file) or `stream`.

    Args:
        paths: files, directories or "-" (the inputs of `scorer score`).
        fmt: table, json, csv or html.
        output: a file to write, complete or not at all; it must not be one of `paths`, and
            is skipped inside an input directory. Else `stream` (default: stdout).
        stream: where to write without `output`.
        color: colour the table (never in a file).
        config: triage weights and thresholds.
        scoring: scoring settings (classifier, publisher, outlets CSV…).
        report: called with each problem line as it happens.

    Returns:
        The `TriageResult` written.

    Example:
        >>> import io
        >>> result = triage_files(paths=["examples/article.txt"], fmt="csv", stream=io.StringIO(),
        ...                       scoring=ScoringConfig(classifier="rules"))  # doctest: +SKIP
        >>> result.over(101)  # doctest: +SKIP
        []
    """
    scoring = scoring or ScoringConfig()
    if output is not None:
        scoring = replace(scoring, exclude=(*scoring.exclude, Path(output)))
    with open_output(output, inputs=paths, stream=stream) as handle:
        result = triage(paths=paths, config=config, scoring=scoring, report=report)
        write_report(result, fmt=fmt, stream=handle, color=color and output is None)
    return result


def spreadsheet_safe(cell: str) -> str:
    """`cell` with a leading apostrophe if a spreadsheet would run it as a formula.

    Example:
        >>> print(spreadsheet_safe('=HYPERLINK("https://evil.example", "click")'))
        '=HYPERLINK("https://evil.example", "click")
        >>> spreadsheet_safe("Reuters")
        'Reuters'
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def write_csv(result: TriageResult, stream: TextIO) -> None:
    """One row per article, in queue order: id, publisher, priority, story, reasons, top claim.

    A cell starting with =, +, -, @, a tab or a carriage return (an id, a publisher) gets a
    leading apostrophe, so a spreadsheet shows it as text instead of running it; a carriage
    return inside a cell becomes a line feed, which the writer quotes (it leaves a bare "\\r"
    unquoted, and readers take it for the end of the row).
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for item in result.articles:
        top = item.claims[0] if item.claims else None
        row = [
            item.id,
            publisher_line(item),
            f"{item.priority:g}",
            item.story,
            "; ".join(r.text for r in item.reasons),
            f"[{top.sentence}] {top.text} ({top.why})" if top else "",
        ]
        writer.writerow(
            [spreadsheet_safe(cell).replace("\r\n", "\n").replace("\r", "\n") for cell in row]
        )


def _ids(ids: list[str], limit: int) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def write_table(result: TriageResult, stream: TextIO, *, color: bool = False) -> None:
    """The queue as a terminal table, then the stories and the cross-article links.

    Article text, ids and names are escaped, so brackets in them print as written rather than
    being read as rich markup.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        width=None if color else 160,
        emoji=False,
    )
    table = Table(title="Triage queue (check from the top)", show_lines=True, expand=True)
    for name, options in (
        ("#", {"justify": "right", "width": 3}),
        ("priority", {"justify": "right", "width": 8}),
        ("article", {"ratio": 2}),
        ("story", {"width": 8}),
        ("reasons", {"ratio": 4}),
        ("check first", {"ratio": 4}),
    ):
        table.add_column(name, **options)
    copies = copies_by_original(result)
    shown = [item for item in result.articles if item.copy_of is None]
    for rank, item in enumerate(shown, start=1):
        claims = "\n".join(
            f"[{c.sentence}] {escape(c.text[:90])}{'…' if len(c.text) > 90 else ''}\n"
            f"  [dim]{escape(c.why)}[/dim]"
            for c in item.claims[:2]
        )
        note = copies_note(copies.get(item.id, []))
        table.add_row(
            str(rank),
            f"[bold]{item.priority:g}[/bold]",
            f"{escape(item.id)}\n[dim]{escape(publisher_line(item) or 'publisher unknown')}[/dim]"
            + (f"\n[dim]{escape(note)}[/dim]" if note else ""),
            escape(item.story),
            "\n".join(f"• {escape(r.text)}" for r in item.reasons),
            claims,
        )
    console.print(table)
    for story in result.stories:
        n_copies = sum(len(ids) for ids in story.copies.values())
        console.print(
            f"[bold]{escape(story.id)}[/bold] ({len(story.articles)} article(s)"
            + (f", {n_copies} near-duplicate {copy_noun(n_copies)}" if n_copies else "")
            + f"): {escape(story.title)}"
        )
        for original, ids in story.copies.items():
            console.print(f"  ≡ copies of {escape(original)}: {escape(_ids(ids, 10))}")
    for link in result.links:
        console.print(
            f"  ↪ {escape(link.from_id)} sentence {link.sentence} cites {escape(link.via)} → "
            f"{escape(link.to_id)} sentence {link.target_sentence} "
            f"(similarity {link.similarity:.2f})"
        )
    for problem in result.problems:
        console.print(f"[red]{escape(problem)}[/red]")


__all__ = [
    "CSV_HEADER",
    "TriageFormat",
    "html_report",
    "triage_files",
    "write_csv",
    "write_report",
    "write_table",
]
