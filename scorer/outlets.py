"""A registry of news outlets: who they are, what kind of outlet, and how they appear in text.

The packaged registry (``scorer/data/outlets.csv``) holds several hundred outlets worldwide.
A user CSV with the same columns adds outlets or replaces them by name.

Example:
    >>> from scorer.outlets import default_registry
    >>> registry = default_registry()
    >>> registry.lookup("the Guardian's").name
    'The Guardian'
    >>> [o.name for _, _, o in registry.find_in("South Korean news agency Yonhap said")]
    ['Yonhap News Agency']
    >>> registry.by_domain("https://edition.cnn.com/2024/01/01/world").name
    'CNN'
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

from scorer.errors import DataError
from scorer.names import APOSTROPHES, name_key

COLUMNS = ("name", "aliases", "domains", "country", "kind")

# Messages (kept beside the parser; same shape as scorer.errors: expected, found, what to do).
E_OUTLET_COLUMNS = (
    "missing column(s) {missing}; the header must be name,aliases,domains,country,kind"
)
E_OUTLET_FIELDS = "expected 5 fields (name,aliases,domains,country,kind), found {found}"
E_OUTLET_NAME = "the name is empty; every row needs the outlet's name as written in copy"
E_OUTLET_KIND = "unknown kind {value!r}"
E_OUTLET_COUNTRY = "country {value!r} is not an ISO 3166-1 alpha-2 code (two letters) or INT{hint}"
E_OUTLET_DOMAIN = "domain {value!r} is not a host name such as example.com"
E_OUTLET_DUPLICATE = "outlet {name!r} is listed twice in this file (first on line {first})"


class OutletKind(str, Enum):
    """What kind of organisation an outlet is; see docs/outlets.md for the definitions."""

    WIRE_AGENCY = "wire-agency"
    PUBLIC_BROADCASTER = "public-broadcaster"
    STATE_AFFILIATED = "state-affiliated"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    DIGITAL_NATIVE = "digital-native"
    AGGREGATOR = "aggregator"
    MAGAZINE = "magazine"

    def __str__(self) -> str:
        return self.value


VALID_KINDS = ", ".join(kind.value for kind in OutletKind)


@dataclass(frozen=True)
class Outlet:
    """One news outlet.

    Attributes:
        name: The name as commonly written in copy, e.g. "The New York Times".
        aliases: Other unambiguous ways copy refers to it, e.g. ("NYT", "New York Times").
        domains: Registrable host names without "www.", e.g. ("nytimes.com",).
        country: ISO 3166-1 alpha-2 code of its base, or "INT" for international networks.
        kind: What kind of outlet it is.
    """

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    kind: OutletKind

    @property
    def state_affiliated(self) -> bool:
        """Whether the outlet is under documented state editorial control or state funding."""
        return self.kind is OutletKind.STATE_AFFILIATED

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


# ---------------------------------------------------------------------------------------------
# Normalisation

normalise_name = name_key
"""The key under which `lookup` compares names: `scorer.names.name_key`, under its old name."""


_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


def normalise_host(url_or_domain: str) -> str:
    """The bare, lower-case host of a URL or domain, without "www." or a port.

    Example:
        >>> normalise_host("https://www.BBC.co.uk:443/news/world?x=1")
        'bbc.co.uk'
    """
    host = url_or_domain.strip().lower()
    if "://" in host:
        host = host.split("://", 1)[1]
    elif host.startswith("//"):
        host = host[2:]
    host = re.split(r"[/?#\s]", host, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    return host


# ---------------------------------------------------------------------------------------------
# Matching rules for find_in

# Words that also work as ordinary words or other proper nouns ("the Times Square", "Fortune
# 500", "Vanguard Group"). A name made only of such words must not run on into another
# capitalised word, a number or "of"; if it is a single word it must follow "the".
_COMMON_WORDS = frozenset(
    """
    affairs age and atlantic australian bell blaze bulwark business caravan channel chronicle
    city conversation current daily dawn deadline diplomat dispatch economist evening express
    federalist financial focus foreign fortune free global globe guardian herald hill hindu
    independent information insider intercept journal london mail markup mint mirror monitor
    morning nation national new news observer one outlook paper policy post press print punch
    quartz reason record reforma republic rest review sabah scotsman scroll spectator standard
    star stars stern stripes stuff sun sunday telegraph telex tempo time times today tribune
    variety vanguard verge week wire world yorker irrawaddy
    """.split()
)

# Single words with a strong second reading as a place, people or adjective ("across the
# Atlantic", "the Australian government", "a New Yorker"): they count only after "the" and
# before punctuation, the end of the text or a word that says someone reported something.
_AMBIGUOUS_WORDS = frozenset(
    "atlantic australian hill hindu independent irrawaddy nation national scotsman stripes sun "
    "yorker".split()
)
_REPORTING_WORDS = frozenset(
    """
    reported reports report reporting said says say wrote writes write published publishes
    revealed reveals quoted quotes cited cites noted notes found obtained learned confirmed
    confirms according first earlier also previously has had newspaper paper magazine tabloid
    daily weekly website site editor editors columnist columnists journalist journalists
    reporter reporters correspondent correspondents article articles story stories interview
    investigation podcast piece op-ed opinion headline analysis
    """.split()
)
_FOLLOWING_PUNCTUATION = frozenset(',;:.!?)]"”')
_SENTENCE_END = frozenset('.!?:;"“”')

_TOKEN = re.compile(r"\w+|[^\w\s]")
_END = ""  # trie key that holds the forms ending at a node; no token is ever empty


_APOSTROPHE_TOKENS = ("'", "’", "‘", "ʼ", "`")


def _token_keys(token: str) -> tuple[str, ...]:
    """The trie keys for a token of a written name; text tokens are looked up case-folded."""
    if token in _APOSTROPHE_TOKENS:
        return _APOSTROPHE_TOKENS  # so "People’s Daily" matches "People's Daily"
    return (token.casefold(),)


def _is_acronym(token: str) -> bool:
    return token.isupper() and sum(ch.isalpha() for ch in token) >= 2


@dataclass(frozen=True)
class _Form:
    """One way an outlet is written, prepared for matching."""

    outlet: Outlet
    tokens: tuple[str, ...]
    leading_article: bool  # the written form began with "The", which is matched optionally
    common: bool  # every word is in _COMMON_WORDS
    ambiguous: bool  # the last word is in _AMBIGUOUS_WORDS

    @classmethod
    def build(cls, outlet: Outlet, text: str) -> _Form | None:
        tokens = [m.group() for m in _TOKEN.finditer(text.translate(APOSTROPHES))]
        leading_article = len(tokens) > 1 and tokens[0].casefold() == "the"
        if leading_article:
            tokens = tokens[1:]
        if not tokens:
            return None
        words = [t.casefold() for t in tokens if t[0].isalnum()]
        common = bool(words) and all(w in _COMMON_WORDS for w in words)
        ambiguous = common and words[-1] in _AMBIGUOUS_WORDS
        return cls(outlet, tuple(tokens), leading_article, common, ambiguous)

    def accepts(self, tokens: list[str], start: int, end: int) -> bool:
        """Whether text tokens[start:end + 1] are a mention of this form, judging the context."""
        for written, seen in zip(self.tokens, tokens[start : end + 1], strict=True):
            if _is_acronym(written):
                if not seen.isupper():
                    return False
            elif written[0].isupper() and not seen[0].isupper():
                return False
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        after_the = start > 0 and tokens[start - 1].casefold() == "the"
        if self.ambiguous:
            if not after_the:
                return False
            after_key = after.casefold() if after is not None else ""
            if after is None or after in _FOLLOWING_PUNCTUATION:
                # "across the Atlantic," is the ocean; "told The Atlantic," the magazine: take
                # punctuation only after a capital "The" that does not start the sentence
                before = tokens[start - 2] if start > 1 else "."
                if tokens[start - 1] != "The" or before in _SENTENCE_END:
                    return False
            elif after_key not in _REPORTING_WORDS and after_key not in _APOSTROPHE_TOKENS:
                return False
        if self.common:
            if after is not None and (
                after[0].isupper() or after[0].isdigit() or after.casefold() == "of"
            ):
                return False
            if len(self.tokens) == 1 and not after_the:
                return False
        return True


# ---------------------------------------------------------------------------------------------
# Reading CSV


def _fail(source: str, line: int, problem: str) -> DataError:
    return DataError(f"{source}, line {line}: {problem}. Valid kinds: {VALID_KINDS}")


def _split(field: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in field.split("|") if part.strip()))


class _Rows:
    """A csv reader whose format errors (e.g. a field over the size limit) name the line."""

    def __init__(self, reader: Any, source: str) -> None:
        self.reader, self.source = reader, source

    @property
    def line_num(self) -> int:
        return self.reader.line_num

    def __iter__(self) -> _Rows:
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self.reader)
        except csv.Error as exc:
            raise _fail(self.source, self.reader.line_num, f"not valid CSV ({exc})") from None


def parse_outlets(text: str, *, source: str) -> list[Outlet]:
    """Parse outlet rows from CSV text with the header name,aliases,domains,country,kind.

    Blank lines and lines whose first field starts with "#" are skipped.

    Args:
        text: The CSV content.
        source: The file name to put in error messages.

    Returns:
        The outlets, in file order.

    Raises:
        DataError: (a ValueError) naming the source, the line, the problem and the valid kinds.
    """
    reader = _Rows(csv.reader(io.StringIO(text)), source)
    header = next(reader, None)
    columns = [c.strip().lower() for c in header or []]
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise _fail(source, 1, E_OUTLET_COLUMNS.format(missing=", ".join(missing)))
    index = {column: columns.index(column) for column in COLUMNS}
    outlets: list[Outlet] = []
    first_line: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) != len(columns):
            raise _fail(source, line, E_OUTLET_FIELDS.format(found=len(row)))
        name = row[index["name"]].strip()
        if not name:
            raise _fail(source, line, E_OUTLET_NAME)
        kind_text = row[index["kind"]].strip().lower()
        try:
            kind = OutletKind(kind_text)
        except ValueError:
            raise _fail(source, line, E_OUTLET_KIND.format(value=kind_text)) from None
        country = row[index["country"]].strip().upper()
        if country == "UK" or not (country == "INT" or re.fullmatch(r"[A-Z]{2}", country)):
            # "UK" has the right shape but is not the ISO code, a common slip
            hint = "; the United Kingdom is 'GB'" if country == "UK" else ""
            raise _fail(source, line, E_OUTLET_COUNTRY.format(value=country, hint=hint))
        domains = []
        for raw in _split(row[index["domains"]]):
            host = normalise_host(raw)
            if not _HOST.match(host):
                raise _fail(source, line, E_OUTLET_DOMAIN.format(value=raw))
            domains.append(host)
        key = name_key(name)
        if key in first_line:
            raise _fail(source, line, E_OUTLET_DUPLICATE.format(name=name, first=first_line[key]))
        first_line[key] = line
        aliases = tuple(a for a in _split(row[index["aliases"]]) if a != name)
        outlets.append(Outlet(name, aliases, tuple(dict.fromkeys(domains)), country, kind))
    return outlets


# ---------------------------------------------------------------------------------------------
# The registry


class OutletRegistry:
    """Outlets indexed by name, alias and domain, with a matcher for mentions in text.

    Later outlets take precedence: an outlet with the same name as an earlier one replaces it,
    and an alias or domain claimed by two outlets belongs to the later one.

    Example:
        >>> registry = OutletRegistry.load()
        >>> registry.lookup("AFP").kind
        <OutletKind.WIRE_AGENCY: 'wire-agency'>
    """

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        by_name: dict[str, Outlet] = {}
        for outlet in outlets:
            key = name_key(outlet.name)
            by_name.pop(key, None)  # a replacement moves to the end, after what it overrides
            by_name[key] = outlet
        self._outlets = tuple(by_name.values())
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self._outlets:
            for written in outlet.names:
                self._by_key[name_key(written)] = outlet
            for domain in outlet.domains:
                self._by_domain[domain] = outlet
        self._trie: dict[str, Any] = {}
        for outlet in self._outlets:
            for written in outlet.names:
                if self._by_key.get(name_key(written)) is not outlet:
                    continue  # the key went to a later outlet
                form = _Form.build(outlet, written)
                if form is None:
                    continue
                nodes = [self._trie]
                for token in form.tokens:
                    child = next((n[k] for n in nodes for k in _token_keys(token) if k in n), {})
                    for node in nodes:
                        for key in _token_keys(token):
                            node.setdefault(key, child)
                    nodes = [child]
                forms = nodes[0].setdefault(_END, [])
                forms.append(form)
                # "the Times of Israel" should keep its article: forms written with it go first
                forms.sort(key=lambda f: not f.leading_article)

    @classmethod
    def load(cls, extra_csv: Path | str | None = None) -> OutletRegistry:
        """Load the packaged registry and, if given, a user CSV that adds or overrides by name.

        Args:
            extra_csv: A CSV file with the header name,aliases,domains,country,kind.

        Returns:
            The registry.

        Raises:
            DataError: (a ValueError) if the user CSV has a bad row; the message names the
                file, the line and the problem, and lists the valid kinds.
            FileNotFoundError: if `extra_csv` does not exist.

        Example:
            >>> OutletRegistry.load().lookup("Meduza").country
            'RU'
        """
        package = resources.files(__package__ or "scorer")
        text = package.joinpath("data").joinpath("outlets.csv").read_text(encoding="utf-8")
        outlets = parse_outlets(text, source="scorer/data/outlets.csv")
        if extra_csv is not None:
            path = Path(extra_csv)
            outlets += parse_outlets(path.read_text(encoding="utf-8-sig"), source=str(path))
        return cls(outlets)

    def __len__(self) -> int:
        return len(self._outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def __repr__(self) -> str:
        return f"OutletRegistry({len(self)} outlets)"

    def lookup(self, text: str) -> Outlet | None:
        """The outlet whose name or alias is exactly `text`, after `name_key`.

        Example:
            >>> default_registry().lookup("WSJ").name
            'The Wall Street Journal'
        """
        return self._by_key.get(name_key(text))

    def by_domain(self, url_or_domain: str) -> Outlet | None:
        """The outlet that owns a URL's host or one of its parent domains.

        Example:
            >>> default_registry().by_domain("edition.cnn.com").name
            'CNN'
        """
        labels = normalise_host(url_or_domain).split(".")
        for i in range(len(labels) - 1):
            outlet = self._by_domain.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
        return None

    def find_in(self, text: str) -> list[tuple[int, int, Outlet]]:
        """All non-overlapping outlet mentions in `text`, as (start, end, outlet) offsets.

        Matches whole words, prefers the longest name at each position, and includes a
        preceding "the" in the span when the outlet's written name begins with "The". Capital
        letters written in a name must be capitals in the text ("the guardian of the child" is
        not a mention), and names made of ordinary words need context: see docs/outlets.md.

        Example:
            >>> text = "the British newspaper The Guardian reported"
            >>> [(text[s:e], o.name) for s, e, o in default_registry().find_in(text)]
            [('The Guardian', 'The Guardian')]
        """
        trie = self._trie
        tokens = _TOKEN.findall(text)
        keys = [token.casefold() for token in tokens]
        if trie.keys().isdisjoint(keys):
            return []  # the common case, decided without building offsets
        matches = list(_TOKEN.finditer(text))
        found: list[tuple[int, int, Outlet]] = []
        i, n = 0, len(tokens)
        while i < n:
            node = trie.get(keys[i])
            if node is None:
                i += 1
                continue
            best: tuple[int, _Form] | None = None
            j = i
            while True:
                for form in node.get(_END, ()):
                    if form.accepts(tokens, i, j):
                        best = (j, form)
                        break
                j += 1
                if j >= n:
                    break
                node = node.get(keys[j])
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            end, form = best
            start = matches[i].start()
            if form.leading_article and i > 0 and tokens[i - 1].casefold() == "the":
                start = matches[i - 1].start()
            found.append((start, matches[end].end(), form.outlet))
            i = end + 1
        return found


@functools.lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    """The packaged registry, loaded once per process."""
    return OutletRegistry.load()
