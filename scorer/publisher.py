"""Who published an article and whom it credits, from metadata or from the text's own signals."""

from __future__ import annotations

import re

from scorer.article import Article
from scorer.outlets import OutletRegistry, default_registry

# "WASHINGTON (Reuters) -", "NEW YORK, June 4 (Reuters) -", "KYIV (AP) —", "(AFP) -": a wire
# credit at the start of the text (the dateline may carry the date).
WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 .,'-]{0,40}\((?P<name>[A-Z][\w .&-]{1,30})\)\s*[-–—]")
DATELINE_PARAGRAPHS = 5
"""Paragraphs searched for a wire dateline: the headline, a byline and a caption may come first."""
# "— AP", "- Reuters", "(Reuters)" at the end of the text.
_TAIL_CREDIT = re.compile(r"(?:^|\n)\s*(?:[-–—]\s*|\()(?P<name>[A-Z][\w .&-]{1,30}?)\)?\s*$")


def canonical(name: str, registry: OutletRegistry) -> str:
    """The registry's spelling of an outlet name, else the name in title case if it was shouted."""
    outlet = registry.lookup(name)
    if outlet is not None:
        return outlet.name
    name = name.strip(" .:")
    return name.title() if name.isupper() else name


def resolve_publisher(
    article: Article, *, publisher: str | None = None, registry: OutletRegistry | None = None
) -> Article:
    """Set `publisher` and `credit`: explicit > input field > HTML metadata > text signals.

    Text signals are lines such as "A Message from The Moscow Times", "READ MORE FROM THE
    WASHINGTON EXAMINER" (publisher), "Fuente: Kyiv Independent", "(Reuters) -" or "— AP"
    (credit: where the whole article comes from).
    """
    registry = registry or default_registry()
    if publisher:
        article.publisher, article.publisher_origin = publisher, "option"
    if article.publisher is None and article.url:
        outlet = registry.by_domain(article.url)
        if outlet is not None:
            article.publisher, article.publisher_origin = outlet.name, "url"
    if article.publisher is None:
        for kind, name in article.signals:
            if kind == "publisher":
                article.publisher, article.publisher_origin = name, "text"
                break
    if article.publisher:
        article.publisher = canonical(article.publisher, registry)
    if article.credit is None:
        head = article.paragraphs[0] if article.paragraphs else ""
        for paragraph in article.paragraphs[:DATELINE_PARAGRAPHS]:
            match = WIRE_DATELINE.match(paragraph)
            if match and registry.lookup(match["name"]):
                article.credit = match["name"]
                break
        tail = article.raw.rstrip()[-80:]
        match = _TAIL_CREDIT.search(tail)
        if article.credit is None and match and registry.lookup(match["name"]) and head:
            article.credit = match["name"]
    if article.credit:
        article.credit = canonical(article.credit, registry)
        if article.publisher and article.credit.lower() == article.publisher.lower():
            article.credit = None
    return article
