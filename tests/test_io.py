"""Bad input: each problem is one line naming the input; the rest of the batch is still scored."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from scorer.cli import app
from scorer.io import InputProblem, read_inputs

GOOD = (
    "Harbor officials said on Monday that the channel would reopen next week. "
    "The channel was closed after a barge ran aground in the fog on Friday night."
)


def _problems(paths, **kwargs):
    return [
        str(item)
        for item in read_inputs([str(p) for p in paths], **kwargs)
        if isinstance(item, InputProblem)
    ]


def test_missing_path(tmp_path):
    assert _problems([tmp_path / "nope.txt"]) == [
        f"{tmp_path / 'nope.txt'}: no such file or directory; check the path"
    ]


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    assert "empty input" in _problems([tmp_path / "empty.txt"])[0]


def test_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert "binary file" in _problems([tmp_path / "image.txt"])[0]


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(
        GOOD.encode() + " Caf\xe9 owners said so.".encode("latin-1")
    )
    items = list(read_inputs([str(tmp_path / "latin1.txt")]))
    warnings = [i for i in items if isinstance(i, InputProblem)]
    articles = [i for i in items if not isinstance(i, InputProblem)]
    assert len(warnings) == 1 and not warnings[0].fatal and "invalid UTF-8" in warnings[0].message
    assert len(articles) == 1 and "\ufffd" in articles[0].raw


def test_too_large_file(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as handle:
        handle.write((GOOD + "\n") * (50 * 1024 * 1024 // len(GOOD)))
    assert "larger than the 10 MB limit" in _problems([big])[0]


def test_malformed_jsonl_line_is_reported_and_others_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": GOOD})
        + "\n{not json\n"
        + json.dumps({"id": "b", "title": "no text"})
        + "\n"
        + json.dumps({"id": "c", "text": GOOD, "publisher": "Reuters"})
        + "\n"
    )
    items = list(read_inputs([str(path)]))
    problems = [str(i) for i in items if isinstance(i, InputProblem)]
    articles = [i for i in items if not isinstance(i, InputProblem)]
    assert [a.id for a in articles] == ["a", "c"]
    assert articles[1].publisher == "Reuters"
    assert problems == [
        f"{path}: line 2: not valid JSON (Expecting property name enclosed in double quotes); "
        "the line was skipped",
        f"{path}: line 3: the object has neither a 'text' nor an 'html' string; "
        "the line was skipped",
    ]


def test_non_english_article(tmp_path):
    (tmp_path / "es.txt").write_text(
        "El gobierno anunció hoy nuevas medidas económicas para las familias. Según el ministro, "
        "las ayudas llegarán en marzo a todas las regiones del país y serán revisadas cada año."
    )
    assert "does not look like English" in _problems([tmp_path / "es.txt"])[0]


def test_unsupported_suffix(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert "unsupported file type '.pdf'" in _problems([tmp_path / "notes.pdf"])[0]


def test_cli_scores_good_inputs_and_fails_on_bad_ones_without_traceback(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(
        app,
        [
            "score",
            str(tmp_path / "good.txt"),
            str(tmp_path / "empty.txt"),
            str(tmp_path / "bin.txt"),
            str(tmp_path / "missing.txt"),
            "--format",
            "jsonl",
            "--classifier",
            "rules",
        ],
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["id"] for a in lines] == ["good"]
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and all(str(tmp_path) in line for line in errors)


def test_html_input_uses_page_metadata(tmp_path):
    html = """<html><head><title>Dam repairs start</title>
    <meta property="og:site_name" content="Calder Courier"></head><body>
    <nav>Home | News | Sport</nav><article><h1>Dam repairs start</h1>
    <p>Engineers began repairing the Calder dam on Monday, the regional water board said.</p>
    <p>The work is expected to take six weeks and will close the road along the reservoir.</p>
    <p>A board spokesperson said the dam had never been at risk of failing.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    (tmp_path / "page.html").write_text(html)
    articles = [
        i for i in read_inputs([str(tmp_path / "page.html")]) if not isinstance(i, InputProblem)
    ]
    assert articles[0].publisher == "Calder Courier"
    assert "Engineers began repairing" in articles[0].raw
    assert "Home | News" not in articles[0].raw
