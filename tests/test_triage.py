"""`scorer triage`: the queue, stories and provenance links on the five seeds as one batch."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import subprocess
import zlib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from scorer import errors
from scorer.article import ATTRIBUTED, FlagName
from scorer.cli import app
from scorer.pipeline import Scorer, ScoringConfig
from scorer.triage import TriageConfig, TriageResult, load_encoder, triage, triage_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"
EXAMINER, MOSCOW_TIMES = "001_ee8c396bf0e88c3d", "000_e3f52e87623f8a67"
CREDITED = "002_b9f3baa6008ae6d6"  # no publisher; credits The Kyiv Independent

runner = CliRunner()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, gold_docs: list[dict]) -> Path:
    """The five seeds as one JSONL batch: id = file stem, publisher = gold publisher if known.

    Built at test time so no seed text is copied into the repository.
    """
    gold = {row["id"]: row for row in gold_docs}
    path = tmp_path_factory.mktemp("triage") / "seeds.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for seed in sorted(SEEDS.glob("*.txt")):
            row = {"id": seed.stem, "text": seed.read_text("utf-8")}
            if gold.get(seed.stem, {}).get("publisher"):
                row["publisher"] = gold[seed.stem]["publisher"]
            handle.write(json.dumps(row) + "\n")
    return path


def run(*args: str) -> tuple[int, str]:
    # The shipped model, as users run it: the label wins over the chain (scorer.consistency),
    # and the rule baseline labels the Kim quote anonymous, which cuts its Moscow Times chain.
    result = runner.invoke(app, ["triage", *args, "--classifier", "model"])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def document(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("json") / "triage.json"
    code, output = run(str(batch), "--format", "json", "--output", str(out))
    assert code == 0, output
    return json.loads(out.read_text("utf-8"))


@pytest.fixture(scope="module")
def html_path(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "triage.html"
    code, output = run(str(batch), "--format", "html", "--output", str(out))
    assert code == 0, output
    return out


# --- the queue ---------------------------------------------------------------------------------


def test_json_matches_the_schema(document: dict) -> None:
    schema = json.loads(resources.files("scorer").joinpath("schema/triage.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)


def test_all_five_seeds_are_ranked_with_reasons(document: dict) -> None:
    articles = document["articles"]
    assert sorted(a["id"] for a in articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert [a["rank"] for a in articles] == [1, 2, 3, 4, 5]
    priorities = [a["priority"] for a in articles]
    assert priorities == sorted(priorities, reverse=True)
    assert all(0 < p <= 100 for p in priorities)
    for article in articles:
        assert article["reasons"], article["id"]
        assert round(sum(r["points"] for r in article["reasons"]), 1) == pytest.approx(
            min(100.0, article["priority"]), abs=0.2
        )
        assert article["claims"] and all(c["why"] for c in article["claims"])


def test_examiner_reasons_and_claims(document: dict) -> None:
    examiner = next(a for a in document["articles"] if a["id"] == EXAMINER)
    texts = [r["text"] for r in examiner["reasons"]]
    assert any(
        re.fullmatch(r"\d+ of \d+ attributed claims rest on anonymous sources", t) for t in texts
    ), texts
    assert any(t.startswith("core claim second-hand through 1 outlet (Kyiv Post)") for t in texts)
    risks = [c["risk"] for c in examiner["claims"]]
    assert risks == sorted(risks, reverse=True)
    assert examiner["claims"][0]["label"] == "anonymous-source"


# --- provenance across the batch ---------------------------------------------------------------


def test_moscow_times_hop_links_to_the_moscow_times_article(document: dict) -> None:
    links = [k for k in document["links"] if k["from"] == EXAMINER and k["to"] == MOSCOW_TIMES]
    assert links, document["links"]
    assert all(k["via"] == "The Moscow Times" and k["similarity"] >= 0.6 for k in links)
    examiner = next(a for a in document["articles"] if a["id"] == EXAMINER)
    mt = next(a for a in document["articles"] if a["id"] == MOSCOW_TIMES)
    for link in links:  # the linked sentences carry the same quote
        cited = examiner["sentences"][link["sentence"]]["text"]
        found = mt["sentences"][link["target_sentence"]]["text"]
        assert cited[:40] == found[:40]
    # Washington Examiner → The Moscow Times article → Kim Yong-hyun
    chains = [c["chain"] for c in examiner["claims"] if any(h.get("article") for h in c["chain"])]
    assert chains, examiner["claims"]
    names = [h["name"] for h in chains[0]]
    assert names[:2] == ["Washington Examiner", "The Moscow Times"] and "Kim Yong-hyun" in names
    assert chains[0][1]["article"] == MOSCOW_TIMES


def test_seeds_are_one_story_with_the_link_in_its_graph(document: dict) -> None:
    assert len(document["stories"]) == 1
    story = document["stories"][0]
    assert sorted(story["articles"]) == sorted(a["id"] for a in document["articles"])
    assert all(a["story"] == story["id"] for a in document["articles"])
    edges = story["graph"]["edges"]
    assert {"from": f"a:{EXAMINER}", "to": f"a:{MOSCOW_TIMES}", "kind": "link"}.items() <= next(
        e for e in edges if e["kind"] == "link"
    ).items()
    kinds = {n["kind"] for n in story["graph"]["nodes"]}
    assert {"article", "outlet", "person", "anonymous"} <= kinds


def test_an_unrelated_article_is_its_own_story(batch: Path) -> None:
    result = triage(paths=[str(batch), str(EXAMPLE)], scoring=ScoringConfig(classifier="rules"))
    assert len(result.stories) == 2
    harbor = next(s for s in result.stories if "article" in s.articles)
    assert harbor.articles == ["article"]


# --- formats -----------------------------------------------------------------------------------


def test_csv_has_one_row_per_article(batch: Path) -> None:
    code, output = run(str(batch), "--format", "csv")
    assert code == 0, output
    rows = list(csv.reader(io.StringIO(output[output.index("id,publisher") :])))
    assert rows[0] == ["id", "publisher", "priority", "story", "reasons", "top_claim"]
    assert len(rows) == 6
    priorities = [float(row[2]) for row in rows[1:]]
    assert priorities == sorted(priorities, reverse=True)
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id[EXAMINER][1] == "Washington Examiner"
    assert by_id[CREDITED][1] == "credit: The Kyiv Independent"
    assert "anonymous sources" in by_id[EXAMINER][4] and by_id[EXAMINER][5].startswith("[")


def test_table_shows_the_queue_and_the_link(batch: Path) -> None:
    code, output = run(str(batch))
    assert code == 0, output
    assert "Triage queue" in output and EXAMINER in output
    assert f"cites The Moscow Times → {MOSCOW_TIMES}" in output


def test_html_is_self_contained(html_path: Path) -> None:
    page = html_path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="queue-table"' in page and page.count('class="queue-row"') == 5
    assert "<svg" in page and 'class="edge link"' in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<script" not in page and "<link" not in page


def test_html_escapes_article_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "Officials said <script>alert(1)</script> the dam is safe & sound. "
        "The mayor told reporters the dam was inspected in May.",
        encoding="utf-8",
    )
    out = tmp_path / "hostile.html"
    code, output = run(str(path), "--format", "html", "--output", str(out))
    assert code == 0, output
    page = out.read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- pipelines ---------------------------------------------------------------------------------


def test_fail_over_exits_3_when_an_article_crosses(batch: Path) -> None:
    code, output = run(str(batch), "--format", "csv", "--fail-over", "1")
    assert code == 3 and "article(s) at priority 1 or more" in output
    code, output = run(str(batch), "--format", "csv", "--fail-over", "100.5")
    assert code == 0, output


@pytest.fixture(scope="module")
def result(batch: Path) -> TriageResult:
    return triage(paths=[str(batch)], scoring=ScoringConfig(classifier="rules"))


def test_python_api_gives_the_same_decision(result: TriageResult) -> None:
    top = result.articles[0].priority
    assert [a.id for a in result.over(top)] == [result.articles[0].id]
    assert result.over(100.5) == []
    assert result.to_dict()["links"][0]["to"] == MOSCOW_TIMES


def test_second_hand_is_the_profiles_definition(result: TriageResult) -> None:
    for item in result.articles:
        profile = item.article.profile
        attributed = [s for s in item.article.sentences if s.label in ATTRIBUTED]
        reason = next((r for r in item.reasons if r.code == "second-hand"), None)
        second = reason.sentences if reason else []
        assert profile.second_hand_share == round(len(second) / len(attributed), 3), item.id
        flag = profile.flag(FlagName.SECOND_HAND)
        assert flag is None or flag.sentences == second
    # an article that credits another outlet passes on that outlet's reporting
    credited = next(item for item in result.articles if item.id == CREDITED)
    codes = {r.code: r for r in credited.reasons}
    assert "(The Kyiv Independent)" in codes["second-hand"].text
    assert codes["core-second-hand"].text.endswith("1 outlet (The Kyiv Independent)")
    assert all("second-hand through The Kyiv Independent" in c.why for c in credited.claims)


def test_missing_denial_is_a_reason(rules_scorer: Scorer) -> None:
    text = (
        "Prosecutors accused the mayor of taking bribes from a builder, officials said. "
        "The allegations were first reported by a local paper. "
        "Two city employees, speaking on condition of anonymity, said cash changed hands. "
        "The builder's contracts were renewed in May."
    )
    article = rules_scorer.score_text(text, id="bribes")
    result = triage_articles([article], encoder=load_encoder())
    codes = {r.code: r for r in result.articles[0].reasons}
    assert "denial-missing" in codes
    assert codes["denial-missing"].text.startswith("the accused party's denial is not reported")
    assert codes["denial-missing"].points == TriageConfig().denial_missing


def test_bad_options_are_one_line_errors(batch: Path) -> None:
    code, output = run(str(batch), "--format", "pdf")
    assert code == 2 and "--format must be one of table, json, csv, html" in output
    with pytest.raises(errors.ConfigError, match="story_threshold"):
        TriageConfig(story_threshold=2.0)
    with pytest.raises(errors.ConfigError, match="max_link_depth"):
        TriageConfig(max_link_depth=-1)


# --- a real browser ----------------------------------------------------------------------------


def _png_pixels_vary(data: bytes) -> bool:
    """A stdlib check that a PNG decodes and is not one flat colour."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(set(raw)) > 32  # one flat colour filters down to a handful of byte values


@pytest.mark.slow
def test_report_renders_in_headless_chromium(
    html_path: Path, tmp_path: Path, chromium: str
) -> None:
    browser = chromium
    common = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,2000",
    ]
    url = html_path.resolve().as_uri()
    dom = subprocess.run(
        [*common, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert 'id="queue-table"' in dom and dom.count('class="queue-row"') == 5
    assert re.search(r'<svg[^>]*class="provenance"', dom)
    assert dom.count('class="node article"') == 5 and 'class="edge link"' in dom
    shot = tmp_path / "triage.png"
    subprocess.run(
        [*common, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True
    )
    data = shot.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000 and _png_pixels_vary(data)
