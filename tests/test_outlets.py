"""The outlet registry: its data, name lookup, mentions in text, domains and user CSVs."""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from scorer.outlets import (
    Outlet,
    OutletKind,
    OutletRegistry,
    default_registry,
    normalise_name,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "outlets.md"


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return default_registry()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    text = resources.files("scorer").joinpath("data").joinpath("outlets.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def mentions(registry: OutletRegistry, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], outlet.name) for start, end, outlet in registry.find_in(text)]


# --- the packaged data ------------------------------------------------------------------------


def test_registry_holds_at_least_300_outlets(registry: OutletRegistry, rows) -> None:
    assert len(registry) >= 300
    assert len(registry) == len(rows) == len(list(registry))


def test_every_row_is_well_formed(rows) -> None:
    kinds = {kind.value for kind in OutletKind}
    for row in rows:
        assert list(row) == ["name", "aliases", "domains", "country", "kind"]
        assert row["kind"] in kinds, row
        assert re.fullmatch(r"[A-Z]{2}|INT", row["country"]), row
        assert row["country"] != "UK", row
        assert row["name"] == row["name"].strip() and row["name"], row


def test_every_kind_is_represented(registry: OutletRegistry) -> None:
    counts = Counter(outlet.kind for outlet in registry)
    assert set(counts) == set(OutletKind)
    assert counts[OutletKind.WIRE_AGENCY] >= 20
    assert counts[OutletKind.AGGREGATOR] >= 10


def test_no_name_or_alias_belongs_to_two_outlets(registry: OutletRegistry) -> None:
    owners: dict[str, str] = {}
    for outlet in registry:
        for written in outlet.names:
            key = normalise_name(written)
            assert owners.setdefault(key, outlet.name) == outlet.name, (written, owners[key])


def test_no_domain_belongs_to_two_outlets(registry: OutletRegistry) -> None:
    owners: dict[str, str] = {}
    for outlet in registry:
        for domain in outlet.domains:
            assert owners.setdefault(domain, outlet.name) == outlet.name, domain
            assert domain == domain.lower() and not domain.startswith("www.")


def test_short_aliases_are_capitalised_acronyms(registry: OutletRegistry) -> None:
    # two-letter aliases such as "AP" or "FT" only match in capitals, so they cannot be words
    for outlet in registry:
        for alias in outlet.aliases:
            if len(alias) <= 2:
                assert alias.isupper(), (outlet.name, alias)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("RT", OutletKind.STATE_AFFILIATED),
        ("Sputnik", OutletKind.STATE_AFFILIATED),
        ("TASS", OutletKind.STATE_AFFILIATED),
        ("RIA Novosti", OutletKind.STATE_AFFILIATED),
        ("Xinhua", OutletKind.STATE_AFFILIATED),
        ("CGTN", OutletKind.STATE_AFFILIATED),
        ("Global Times", OutletKind.STATE_AFFILIATED),
        ("People's Daily", OutletKind.STATE_AFFILIATED),
        ("KCNA", OutletKind.STATE_AFFILIATED),
        ("Press TV", OutletKind.STATE_AFFILIATED),
        ("IRNA", OutletKind.STATE_AFFILIATED),
        ("BBC", OutletKind.PUBLIC_BROADCASTER),
        ("NPR", OutletKind.PUBLIC_BROADCASTER),
        ("PBS", OutletKind.PUBLIC_BROADCASTER),
        ("Deutsche Welle", OutletKind.PUBLIC_BROADCASTER),
        ("NHK", OutletKind.PUBLIC_BROADCASTER),
        ("CBC", OutletKind.PUBLIC_BROADCASTER),
        ("Reuters", OutletKind.WIRE_AGENCY),
        ("AP", OutletKind.WIRE_AGENCY),
        ("Yonhap", OutletKind.WIRE_AGENCY),
        ("Interfax", OutletKind.WIRE_AGENCY),
        ("The Economist", OutletKind.MAGAZINE),
        ("Der Spiegel", OutletKind.MAGAZINE),
        ("Yahoo News", OutletKind.AGGREGATOR),
        ("Bellingcat", OutletKind.DIGITAL_NATIVE),
        ("Fox News", OutletKind.BROADCASTER),
        ("The Guardian", OutletKind.NEWSPAPER),
    ],
)
def test_kinds_of_well_known_outlets(registry: OutletRegistry, name: str, kind: OutletKind) -> None:
    outlet = registry.lookup(name)
    assert outlet is not None, name
    assert outlet.kind is kind
    assert outlet.state_affiliated is (kind is OutletKind.STATE_AFFILIATED)


# --- lookup -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Guardian", "The Guardian"),
        ("the guardian", "The Guardian"),
        ("Guardian", "The Guardian"),
        ("The Guardian's", "The Guardian"),
        ("the Guardian’s", "The Guardian"),
        ("“Reuters”", "Reuters"),
        ("Reuters'", "Reuters"),
        ("(AP)", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("NYT", "The New York Times"),
        ("new york times", "The New York Times"),
        ("WSJ", "The Wall Street Journal"),
        ("Moscow Times", "The Moscow Times"),
        ("THE WASHINGTON EXAMINER", "Washington Examiner"),
        ("Kyiv Independent", "The Kyiv Independent"),
        ("Korea JoongAng Daily", "Korea JoongAng Daily"),
        ("Daily NK", "Daily NK"),
        ("People’s Daily", "People's Daily"),
        ("Breitbart", "Breitbart News"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("RFE/RL", "Radio Free Europe/Radio Liberty"),
        ("  Meduza.  ", "Meduza"),
    ],
)
def test_lookup_finds_names_and_aliases(registry: OutletRegistry, text: str, name: str) -> None:
    outlet = registry.lookup(text)
    assert outlet is not None, text
    assert outlet.name == name


@pytest.mark.parametrize("text", ["", "the", "guardian of the child", "New York", "Times Square"])
def test_lookup_returns_none_for_other_text(registry: OutletRegistry, text: str) -> None:
    assert registry.lookup(text) is None


def test_outlet_fields(registry: OutletRegistry) -> None:
    outlet = registry.lookup("Yonhap")
    assert outlet == Outlet(
        name="Yonhap News Agency",
        aliases=("Yonhap",),
        domains=("yna.co.kr",),
        country="KR",
        kind=OutletKind.WIRE_AGENCY,
    )
    assert "Yonhap" in registry and "Yonhap Agency" not in registry


# --- find_in ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the British newspaper The Guardian reported on Tuesday",
            [("The Guardian", "The Guardian")],
        ),
        (
            "South Korean news agency Yonhap said, citing military officials.",
            [("Yonhap", "Yonhap News Agency")],
        ),
        (
            "according to the Kyiv Independent and Ukrainska Pravda",
            [
                ("the Kyiv Independent", "The Kyiv Independent"),
                ("Ukrainska Pravda", "Ukrainska Pravda"),
            ],
        ),
        (
            "Russian state news agencies TASS and RIA Novosti, and RT, quoted the ministry.",
            [("TASS", "TASS"), ("RIA Novosti", "RIA Novosti"), ("RT", "RT")],
        ),
        (
            "A spokesperson told the Times of India, not the Times.",
            [("the Times of India", "The Times of India"), ("the Times", "The Times")],
        ),
        (
            "Interfax-Ukraine, unlike Interfax, was not blocked.",
            [("Interfax-Ukraine", "Interfax-Ukraine"), ("Interfax", "Interfax")],
        ),
        (
            "the Guardian’s editor and the BBC's correspondent",
            [("the Guardian", "The Guardian"), ("BBC", "BBC")],
        ),
        ("WASHINGTON (AP) — The Senate voted.", [("AP", "Associated Press")]),
        ("Time magazine named her person of the year.", [("Time magazine", "Time")]),
        (
            "READ MORE FROM THE WASHINGTON EXAMINER",
            [("THE WASHINGTON EXAMINER", "Washington Examiner")],
        ),
        ("Writing in The Atlantic, she argued", [("The Atlantic", "The Atlantic")]),
        ("The Atlantic reported that", [("The Atlantic", "The Atlantic")]),
        ("a profile in The New Yorker's latest issue", [("The New Yorker", "The New Yorker")]),
        ("Pakistan's Dawn newspaper reported", [("Dawn newspaper", "Dawn")]),
        (
            "Daily NK and NK News, both based in Seoul, cited KCNA.",
            [
                ("Daily NK", "Daily NK"),
                ("NK News", "NK News"),
                ("KCNA", "Korean Central News Agency"),
            ],
        ),
    ],
)
def test_find_in_finds_mentions(registry: OutletRegistry, text: str, expected) -> None:
    assert mentions(registry, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the guardian of the child must consent",
        "He was appointed guardian by the court.",
        "Crowds gathered in Times Square.",
        "The company entered the Fortune 500 last year.",
        "Time will tell whether the plan works.",
        "Shipping across the Atlantic, the storm grew.",
        "the Australian government announced new rules",
        "A New Yorker, she moved to Kyiv in 2019.",
        "The Independent Electoral Commission delayed the count.",
        "Vice President Kamala Harris spoke.",
        "CCTV footage showed the suspect.",
        "Lawmakers on Capitol Hill returned.",
        "the economist John Smith said",
        "In difficult financial times, the post office closed.",
        "the Nation of Islam held a rally",
        "the Vanguard Group manages the fund",
        "Reutersville is a town.",
    ],
)
def test_find_in_ignores_ordinary_words(registry: OutletRegistry, text: str) -> None:
    assert mentions(registry, text) == []


def test_find_in_spans_are_ordered_and_disjoint(registry: OutletRegistry) -> None:
    text = (
        "Reuters, AFP and dpa reported it first; the New York Times, The Washington Post, "
        "Fox News, MSNBC, Breitbart and Mother Jones followed, as did Xinhua and the Global Times."
    )
    found = registry.find_in(text)
    assert [outlet.name for _, _, outlet in found] == [
        "Reuters",
        "Agence France-Presse",
        "Deutsche Presse-Agentur",
        "The New York Times",
        "The Washington Post",
        "Fox News",
        "MSNBC",
        "Breitbart News",
        "Mother Jones",
        "Xinhua News Agency",
        "Global Times",
    ]
    ends = [0] + [end for _, end, _ in found]
    assert all(start >= previous for (start, _, _), previous in zip(found, ends, strict=False))


def test_find_in_on_text_without_outlets(registry: OutletRegistry) -> None:
    assert registry.find_in("") == []
    assert registry.find_in("The minister said the talks would resume on Friday.") == []


# --- by_domain --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://edition.cnn.com/2024/02/24/europe/ukraine-war", "CNN"),
        ("www.bbc.co.uk/news/world-europe-123", "BBC"),
        ("nytimes.com", "The New York Times"),
        ("HTTP://User@WWW.Reuters.com:443/world/?id=1#top", "Reuters"),
        ("https://asia.nikkei.com/Politics", "Nikkei Asia"),
        ("https://www.nikkei.com/article/1", "Nikkei"),
        ("https://oglobo.globo.com/mundo", "O Globo"),
        ("https://g1.globo.com/mundo", "TV Globo"),
        ("//kyivindependent.com/some-story/", "The Kyiv Independent"),
        ("https://en.yna.co.kr/view/AEN2024", "Yonhap News Agency"),
        ("https://news.yahoo.com/story", "Yahoo News"),
    ],
)
def test_by_domain(registry: OutletRegistry, url: str, name: str) -> None:
    outlet = registry.by_domain(url)
    assert outlet is not None, url
    assert outlet.name == name


@pytest.mark.parametrize(
    "url", ["https://example.com/news", "notreuters.com", "finance.yahoo.com", "", "reuters"]
)
def test_by_domain_returns_none_for_unknown_hosts(registry: OutletRegistry, url: str) -> None:
    assert registry.by_domain(url) is None


# --- user CSV ---------------------------------------------------------------------------------


def test_user_csv_adds_and_overrides(tmp_path: Path, registry: OutletRegistry) -> None:
    path = tmp_path / "my_outlets.csv"
    path.write_text(
        "name,aliases,domains,country,kind\n"
        "# local additions\n"
        "Zeteo,,zeteo.com,US,digital-native\n"
        '"The Local, Sweden",The Local Sweden,thelocal.se,SE,digital-native\n'
        "Euronews,Euronews English,https://www.euronews.com/,FR,broadcaster\n",
        encoding="utf-8",
    )
    extended = OutletRegistry.load(path)
    assert len(extended) == len(registry) + 2
    assert extended.lookup("zeteo").kind is OutletKind.DIGITAL_NATIVE
    assert extended.by_domain("https://thelocal.se/2024/x").name == "The Local, Sweden"
    euronews = extended.lookup("Euronews English")
    assert euronews is not None and euronews.country == "FR"
    assert extended.by_domain("euronews.com") is euronews
    assert mentions(extended, "Mehdi Hasan told Zeteo readers") == [("Zeteo", "Zeteo")]
    # the packaged registry is untouched
    assert registry.lookup("Zeteo") is None
    assert registry.lookup("Euronews").country == "INT"


def test_user_csv_can_take_over_an_alias(tmp_path: Path) -> None:
    path = tmp_path / "sbs.csv"
    path.write_text(
        "name,aliases,domains,country,kind\nSBS News,SBS,sbs.com.au,AU,public-broadcaster\n",
        encoding="utf-8",
    )
    extended = OutletRegistry.load(path)
    assert extended.lookup("SBS").name == "SBS News"
    assert extended.by_domain("sbs.com.au").name == "SBS News"
    assert mentions(extended, "SBS reported") == [("SBS", "SBS News")]


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (
            "name,aliases,domains,country,kind\nZeteo,,zeteo.com,US,digital-native\n"
            "The Sun,,thesun.co.uk,GB,tabloid\n",
            3,
            "unknown kind 'tabloid'",
        ),
        ("name,aliases,domains,country,kind\nThe Sun,,thesun.co.uk,UK,newspaper\n", 2, "'GB'"),
        ("name,aliases,domains,country,kind\nZeteo,,zeteo.com,US\n", 2, "expected 5 fields"),
        ("name,aliases,domains,country,kind\n,,zeteo.com,US,newspaper\n", 2, "name is empty"),
        ("name,aliases,domains,country,kind\nZeteo,,zeteo com,US,newspaper\n", 2, "zeteo com"),
        (
            "name,aliases,domains,country,kind\nZeteo,,,US,newspaper\n\nzeteo,,,US,newspaper\n",
            4,
            "listed twice",
        ),
        ("name,aliases,country,kind\nZeteo,,US,newspaper\n", 1, "missing column(s) domains"),
    ],
)
def test_bad_user_csv_names_file_line_and_kinds(
    tmp_path: Path, content: str, line: int, problem: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        OutletRegistry.load(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"line {line}:" in message
    assert problem in message
    for kind in OutletKind:
        assert kind.value in message


def test_docs_example_csv_loads(tmp_path: Path) -> None:
    block = re.search(r"```csv\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert block is not None, "docs/outlets.md should show an example user CSV"
    path = tmp_path / "example.csv"
    path.write_text(block.group(1), encoding="utf-8")
    extended = OutletRegistry.load(path)
    assert len(extended) > len(default_registry())


# --- the registry object ----------------------------------------------------------------------


def test_default_registry_is_loaded_once() -> None:
    assert default_registry() is default_registry()


def test_later_outlets_take_precedence() -> None:
    first = Outlet("Example Times", ("ET",), ("example.com",), "US", OutletKind.NEWSPAPER)
    second = Outlet("Example Post", ("ET",), ("example.com",), "GB", OutletKind.MAGAZINE)
    replacement = Outlet("example times", (), (), "CA", OutletKind.NEWSPAPER)
    registry = OutletRegistry([first, second, replacement])
    assert len(registry) == 2
    assert registry.lookup("ET") is second
    assert registry.by_domain("example.com") is second
    assert registry.lookup("Example Times") is replacement
