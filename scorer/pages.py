"""Saved web pages: the main text and publisher metadata of an HTML page.

trafilatura finds the main text and the metadata. Where it finds no text (a page nested deeper
than the lxml parser goes, 255 levels; markup it cannot parse), `html_text` reads the text of
the whole page in one linear pass over the markup, so no page loses its text.
"""

from __future__ import annotations

import re

from scorer import errors
from scorer.article import Article


def html_to_article(html: str, *, id: str, source: str) -> Article:
    """Extract the main text and publisher metadata from a saved HTML page.

    When trafilatura finds no main text (a page nested deeper than its parser goes, 255
    levels, or one it cannot parse), the text of the whole page is read instead
    (`html_text`) and the article carries a warning saying so.
    """
    import trafilatura

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True
        )
        meta = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot handle is read as plain text
        text, meta = None, None
    article = Article(id=id, raw=text or "", source=source, html=html)
    if not (text and text.strip()):
        article.raw = html_text(html)
        if article.raw.strip():
            article.warnings.append(errors.W_HTML_FALLBACK)
    if meta is not None:
        article.title = meta.title or None
        article.url = meta.url or None
        if meta.sitename:
            article.publisher = meta.sitename.strip()
            article.publisher_origin = "html-metadata"
    raw = article.raw
    if article.title and raw.strip() and not raw.lstrip().startswith(article.title[:40]):
        article.raw = f"{article.title}\n{raw}"
    return article


_TAG = re.compile(r"</?([A-Za-z][\w:-]*)[^>]*>")
# Elements whose content is not text; each is skipped to its closing tag.
_SKIPPED = {
    name: re.compile(f"</{name}", re.IGNORECASE)
    for name in ("script", "style", "noscript", "template", "svg", "math")
}
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th title tr ul".split()
)


def html_text(html: str) -> str:
    """The text of an HTML page, one line per block element, in one pass over the markup.

    No tree is built, so any depth of nesting reads in linear time; scripts, styles and
    comments are left out, entities are decoded.

    Example:
        >>> html_text("<div><div><p>Officials said so.</p><script>x()</script><p>Next.</p>")
        'Officials said so.\\nNext.'
    """
    from html import unescape

    parts, pos, size = [], 0, len(html)
    gt = -1  # the first ">" at or after the current "<": one search serves many "<"
    while pos < size:
        lt = html.find("<", pos)
        if lt < 0:
            parts.append(html[pos:])
            break
        parts.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = size if end < 0 else end + 3
            continue
        if gt < lt:
            gt = html.find(">", lt)
        if gt < 0:  # no tag closes any more: the rest is text
            parts.append(html[lt:])
            break
        tag = _TAG.match(html, lt, gt + 1)
        if tag is None:  # "<" in text ("a < b"), or a declaration
            if html.startswith("<!", lt) or html.startswith("<?", lt):
                pos = gt + 1
            else:
                parts.append("<")
                pos = lt + 1
            continue
        name = tag.group(1).lower()
        pos = gt + 1
        if name in _SKIPPED and not html.startswith("</", lt) and html[gt - 1] != "/":
            close = _SKIPPED[name].search(html, pos)
            pos = size if close is None else html.find(">", close.end()) + 1 or size
        elif name in _BLOCKS:
            parts.append("\n")
    text = unescape("".join(parts))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
