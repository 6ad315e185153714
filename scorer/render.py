"""Output formats: a rich terminal table, JSON, JSON Lines and Markdown."""

from __future__ import annotations

import html
import json
import re
from enum import Enum
from typing import Any, TextIO

from scorer.article import Label, Profile

LABEL_STYLE = {
    Label.NAMED.value: "green",
    Label.ANONYMOUS.value: "yellow",
    Label.DENIAL.value: "magenta",
    Label.UNATTRIBUTED.value: "dim",
}
LABEL_SHORT = {
    Label.NAMED.value: "NAMED",
    Label.ANONYMOUS.value: "ANON",
    Label.DENIAL.value: "DENIAL",
    Label.UNATTRIBUTED.value: "—",
}


class Format(str, Enum):
    """Output formats of `scorer score`."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    PARQUET = "parquet"  # shards of `--engine ray` only


def chain_text(chain: list[dict[str, Any]], *, markup: bool = False) -> str:
    """`Washington Examiner (outlet) → The Moscow Times (outlet) → Kim Yong-hyun (person)`.

    With `markup`, rich markup dims the kinds and the names are escaped for rich.
    """
    from rich.markup import escape

    parts = []
    for hop in chain:
        kind = hop["kind"] + (", state-affiliated" if hop.get("state_affiliated") else "")
        parts.append(
            f"{escape(hop['name'])} [dim]({kind})[/dim]" if markup else f"{hop['name']} ({kind})"
        )
    return " → ".join(parts)


class Writer:
    """Writes article objects as they come, so a batch never has to sit in memory."""

    def __init__(self, fmt: Format, stream: TextIO, *, color: bool = True) -> None:
        self.fmt = Format(fmt)
        self.stream = stream
        self.count = 0
        self.color = color
        self._console: Any = None

    def start(self, meta: dict[str, Any]) -> None:
        if self.fmt is Format.JSON:
            head = json.dumps(meta, ensure_ascii=False)[:-1]
            self.stream.write(head + (", " if len(meta) else "") + '"articles": [\n')

    def write(self, article: dict[str, Any]) -> None:
        if self.fmt is Format.JSONL:
            self.stream.write(json.dumps(article, ensure_ascii=False) + "\n")
        elif self.fmt is Format.JSON:
            self.stream.write(
                (",\n" if self.count else "") + json.dumps(article, ensure_ascii=False, indent=2)
            )
        elif self.fmt is Format.MARKDOWN:
            self.stream.write(markdown(article) + "\n")
        else:
            self._table(article)
        self.count += 1

    def finish(self, problems: list[str]) -> None:
        if self.fmt is Format.JSON:
            self.stream.write(
                "\n], " + json.dumps({"problems": problems}, ensure_ascii=False)[1:] + "\n"
            )
        self.stream.flush()

    def _table(self, article: dict[str, Any]) -> None:
        # every piece of article text is escaped: brackets in it are text, not rich markup
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        if self._console is None:
            self._console = Console(
                file=self.stream,
                force_terminal=self.color,
                no_color=not self.color,
                width=None if self.color else 140,
                emoji=False,
            )
        profile = Profile.from_dict(article["profile"])
        title = f"{article['id']} — publisher: {article['publisher'] or 'unknown'}"
        if article.get("credit"):
            title += f", credit: {article['credit']}"
        title = escape(title)
        table = Table(title=title, show_lines=False, expand=True)
        table.add_column("#", justify="right", width=3)
        table.add_column("label", width=8)
        table.add_column("conf", justify="right", width=5)
        table.add_column("sentence", ratio=3)
        table.add_column("chain", ratio=2)
        for s in article["sentences"]:
            style = LABEL_STYLE.get(s["label"], "")
            short = escape(LABEL_SHORT.get(s["label"], s["label"]))
            chains = "\n".join(chain_text(c, markup=True) for c in s["chains"])
            conf = f"{s['confidence']:.2f}" if s["confidence"] is not None else ""
            table.add_row(
                str(s["index"]),
                f"[{style}]{short}[/{style}]" if style else short,
                conf,
                escape(s["text"]),
                chains,
            )
        self._console.print(table)
        counts = ", ".join(f"{k} {v}" for k, v in profile.counts.items())
        self._console.print(
            f"[bold]score {profile.score}[/bold] · {counts} · "
            f"{profile.distinct_sources} distinct sources · "
            f"{len(article['removed'])} furniture/duplicate pieces removed"
        )
        for flag in profile.flags:
            self._console.print(
                f"  [red]⚑ {flag.name.value}[/red]: {escape(flag.reason)} "
                f"(sentences {', '.join(map(str, flag.sentences))})"
            )
        self._console.print()


# Markdown's inline syntax (emphasis, code, links, table cells, escapes); `#`, `>` and list
# markers only act at the start of a line, where user text never stands. An underscore inside a
# word (`file_name`) is never emphasis, so it stays as written.
_MD_SPECIAL = re.compile(r"([\\`*\[\]|~]|(?<!\w)_|_(?!\w))")


def md_text(text: str) -> str:
    """User text as literal Markdown: raw HTML escaped, inline syntax backslash-escaped, on one
    line (a line break would end a table row).

    Example:
        >>> print(md_text("<script>x</script> [click](https://evil.example) *a*|b"))
        &lt;script&gt;x&lt;/script&gt; \\[click\\](https://evil.example) \\*a\\*\\|b
    """
    escaped = html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=False)
    return " ".join(escaped.split())


def markdown(article: dict[str, Any]) -> str:
    """One article object (`article_to_dict`) as a Markdown section: profile, flags, sentences.

    Every piece of user text (id, publisher, sentences, chains, reasons, removed text) goes
    through `md_text`: raw HTML in an article shows as text, never as markup.
    """
    profile = Profile.from_dict(article["profile"])
    lines = [f"## {md_text(article['id'])}", ""]
    lines.append(
        f"- publisher: {md_text(article['publisher'] or 'unknown')}"
        + (f" (credit: {md_text(article['credit'])})" if article.get("credit") else "")
    )
    lines.append(f"- score: **{profile.score}** / 100")
    lines.append("- counts: " + ", ".join(f"{k} {v}" for k, v in profile.counts.items()))
    lines.append(
        f"- distinct sources: {profile.distinct_sources}; second-hand share: "
        f"{profile.second_hand_share:.0%}; anonymous share of attributed: "
        f"{profile.anonymous_share_of_attributed:.0%}"
    )
    for flag in profile.flags:
        lines.append(
            f"- ⚑ **{flag.name.value}**: {md_text(flag.reason)} (sentences "
            f"{', '.join(map(str, flag.sentences))})"
        )
    lines += ["", "| # | label | sentence | chain |", "|---|---|---|---|"]
    for s in article["sentences"]:
        chains = "<br>".join(md_text(chain_text(c)) for c in s["chains"])
        lines.append(f"| {s['index']} | {s['label']} | {md_text(s['text'])} | {chains} |")
    if article["removed"]:
        lines += ["", f"<details><summary>{len(article['removed'])} removed</summary>", ""]
        lines += [
            f"- *{md_text(r['reason'])}*: {md_text(r['text'][:120])}" for r in article["removed"]
        ]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
