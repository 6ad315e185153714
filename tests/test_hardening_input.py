"""Hostile inputs from the hardening issue, input side: reading, cleaning and segmenting.

Each test is named after the defect it guards and runs through the CLI on real files (or the
library, where the CLI cannot reach the case). The last test is property-based: arbitrary
Unicode, markup and sizes through the reader, the cleaner and the segmenter.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from scorer.article import Article
from scorer.clean import apply_cleaning, clean_blocks
from scorer.cli import app
from scorer.io import InputProblem, read_inputs
from scorer.segment import MAX_SENTENCE_CHARS, locate, segment

GOOD = (
    "Harbor officials said on Monday that the channel would reopen next week. "
    "The channel was closed after a barge ran aground in the fog on Friday night."
)
PICTOGRAPHS = re.compile("[\u2190-\u2bff\U0001f000-\U0001faff]")


def score(*args: str | Path, input: bytes | None = None):
    """`scorer score ARGS -f jsonl --classifier rules`: the articles, and the stderr lines."""
    result = CliRunner().invoke(
        app, ["score", *map(str, args), "-f", "jsonl", "--classifier", "rules"], input=input
    )
    assert "Traceback" not in result.output, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("error:", "warning:"))
    ]
    return result, articles, problems


def only_line(problems: list[str], name: str | Path) -> str:
    """The one problem line naming `name`."""
    lines = [line for line in problems if f" {name}:" in line or f" {name} " in line]
    assert len(lines) == 1, problems
    return lines[0]


def chains(article: dict) -> list[list[list[str]]]:
    return [[[hop["name"] for hop in chain] for chain in s["chains"]] for s in article["sentences"]]


def _denied(path: Path) -> bool:
    """chmod 000 on `path`; whether this process is now refused (not when privileged)."""
    path.chmod(0)
    return not os.access(path, os.R_OK)


# --- item 2: one bad input never loses the others -------------------------------------------


def test_unreadable_file_is_one_problem_line_and_others_are_scored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short relative path for the socket
    Path("good.txt").write_text(GOOD)
    unreadable = [Path("socket.txt")]  # open() fails: "No such device or address"
    server = socket.socket(socket.AF_UNIX)
    server.bind("socket.txt")
    locked = Path("locked.txt")
    locked.write_text(GOOD)
    if _denied(locked):  # Permission denied (a privileged run reads it anyway)
        unreadable.append(locked)
    try:
        result, articles, problems = score("socket.txt", "locked.txt", "good.txt")
    finally:
        server.close()
    assert result.exit_code == 1
    assert "good" in [a["id"] for a in articles]
    for path in unreadable:
        assert only_line(problems, path).startswith(f"error: {path}: could not be read (")
    assert len([p for p in problems if p.startswith("error:")]) == len(unreadable)


def test_invalid_utf8_on_stdin_is_one_warning_line_and_others_are_scored(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    stdin = (GOOD + " Caf\xe9 owners agreed.").encode("latin-1")
    result, articles, problems = score(tmp_path / "good.txt", "-", input=stdin)
    assert result.exit_code == 0, result.output
    assert sorted(a["id"] for a in articles) == ["good", "stdin"]
    line = only_line(problems, "stdin")
    assert line == "warning: stdin: invalid UTF-8 decoded with replacement characters (1 replaced)"
    # A terminal's stdin decodes invalid UTF-8 to lone surrogates (surrogateescape): they are
    # replaced too, so the article can be written as UTF-8.
    text = stdin.decode("utf-8", errors="surrogateescape")
    items = list(read_inputs(["-"], stdin=io.StringIO(text)))
    assert [type(i) for i in items] == [InputProblem, Article]
    assert "Caf\ufffd owners" in items[1].raw and items[1].raw.encode("utf-8")


def test_article_over_spacys_two_million_characters_is_scored_whole(tmp_path):
    huge = tmp_path / "huge.txt"
    tail = "See https://example.com/" + "a" * 2_100_000 + " for the report."
    huge.write_text(f"{GOOD} {tail}\n")
    (tmp_path / "good.txt").write_text(GOOD)
    result, articles, problems = score(huge, tmp_path / "good.txt")
    assert result.exit_code == 0 and not problems, problems
    article = next(a for a in articles if a["id"] == "huge")
    texts = [s["text"] for s in article["sentences"]]
    assert max(map(len, texts)) <= MAX_SENTENCE_CHARS
    assert "".join(texts).replace(" ", "") == f"{GOOD}{tail}".replace(" ", "")  # nothing lost
    assert article["sentences"][0]["label"] == "anonymous-source"  # "Harbor officials said"


# --- item 3: run-on and unpunctuated text, linear and capped ------------------------------------


def _run_on(size: int) -> str:
    """One line of distinct sentences (the numbers keep repeats from being dropped)."""
    sentences, number = [], 0
    while sum(map(len, sentences)) < size:
        number += 1
        day = number % 28 + 1
        sentences.append(
            f"Officials in district {number} said the U.S. office would reopen on Oct. {day} "
            f"after repairs costing {number * 7} dollars."
        )
    return " ".join(sentences)


def test_run_on_line_of_two_megabytes_is_split_into_its_sentences():
    # Before: each sentence break searched all the text before it (200 KB took 28 s; this
    # never finished). Timings: bench/linear.py.
    line = _run_on(2_000_000)
    paragraphs = clean_blocks(line).paragraphs
    assert len(paragraphs) == line.count(" dollars.")
    assert paragraphs[0].startswith("Officials in district 1 said the U.S. office would reopen")
    assert " ".join(paragraphs) == line


def test_unpunctuated_paragraph_is_cut_into_capped_sentences_without_losing_text(rules_scorer):
    words = "the council of district {} would meet again in week {} to discuss road repairs"
    text = " ".join(words.format(n, n * 3) for n in range(600))  # 50 KB, no sentence end
    article = rules_scorer.score_text(text)
    texts = [s.text for s in article.sentences]
    assert len(texts) >= 50 and max(map(len, texts)) <= MAX_SENTENCE_CHARS
    assert " ".join(texts) == text


# --- item 8: invisible characters ---------------------------------------------------------------


def test_zero_width_space_inside_a_name_gives_the_plain_name(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text("Prime Minister Jo\u200bhn Keller said the bridge would reopen next week.")
    _, [article], _ = score(path)
    sentence = article["sentences"][0]
    assert sentence["text"] == "Prime Minister John Keller said the bridge would reopen next week."
    assert chains(article)[0] == [["John Keller"]]
    # the sentence is found again in the text as read, invisible character and all
    raw = path.read_text()
    assert locate(raw, sentence["text"]) == (0, len(raw))


def test_right_to_left_override_does_not_split_a_sentence(tmp_path):
    path = tmp_path / "rlo.txt"
    path.write_text(
        "Prime Minister John Keller said on Monday that\u202e the bridge over the river would "
        "reopen next week after engineers finished the repairs to its damaged supports."
    )
    _, [article], _ = score(path)
    assert len(article["sentences"]) == 1
    assert "\u202e" not in article["sentences"][0]["text"]


def test_emoji_after_a_name_is_no_source_and_is_not_carried_to_later_sentences(tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_text(
        '"The bridge will reopen next week," said Keller \u2764\ufe0f. '
        '"It was never unsafe," he added. "Repairs are on schedule," he said.\n'
        "The minister \U0001f4e2 said the road would reopen too. "
        '"Traffic will flow again," he added.'
    )
    _, [article], _ = score(path)
    assert chains(article) == [[["Keller"]]] * 3 + [[["The minister"]]] * 2
    assert "\u2764" in article["sentences"][0]["text"]  # the text keeps the emoji
    hops = [hop for s in article["sentences"] for c in s["chains"] for hop in c]
    assert not any(PICTOGRAPHS.search(hop["name"]) for hop in hops)


# --- item 9: deep HTML --------------------------------------------------------------------------


def test_html_nested_300_levels_deep_keeps_its_text(tmp_path):
    body = "".join(f"<p>{sentence}.</p>" for sentence in GOOD.rstrip(".").split(". "))
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><head><title>Channel to reopen</title><style>p {}</style></head><body>"
        + "<div>" * 300
        + body
        + "</div>" * 300
        + "<script>var x = 'not text';</script></body></html>"
    )
    result, [article], problems = score(path)
    assert result.exit_code == 0
    assert [s["text"] for s in article["sentences"]] == [
        "Channel to reopen",
        *(f"{s}." for s in GOOD.rstrip(".").split(". ")),
    ]
    assert only_line(problems, path).startswith(f"warning: {path}: no main text found")


# --- item 10: encodings, ids, directories -------------------------------------------------------


def test_utf16_with_bom_is_decoded_not_refused_as_binary(tmp_path):
    (tmp_path / "le.txt").write_bytes(GOOD.encode("utf-16"))  # with a BOM
    (tmp_path / "be.jsonl").write_bytes(
        b"\xfe\xff" + (json.dumps({"id": "be", "text": GOOD}) + "\n").encode("utf-16-be")
    )
    result, articles, problems = score(tmp_path / "le.txt", tmp_path / "be.jsonl")
    assert result.exit_code == 0 and not problems, problems
    assert [(a["id"], len(a["sentences"])) for a in articles] == [("le", 2), ("be", 2)]


def test_utf8_bom_keeps_the_first_jsonl_line(tmp_path):
    path = tmp_path / "bom.jsonl"
    lines = [json.dumps({"id": name, "text": GOOD}) for name in ("first", "second")]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    result, articles, problems = score(path)
    assert result.exit_code == 0 and not problems, problems
    assert [a["id"] for a in articles] == ["first", "second"]


def test_invalid_utf8_inside_jsonl_is_a_warning_naming_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a", "text": GOOD}).encode()
    bad = json.dumps({"id": "b", "text": GOOD + " Caf"}).encode()[:-2] + b'\xe9 owners."}'
    path.write_bytes(b"\n".join([good, bad, good.replace(b'"a"', b'"c"')]) + b"\n")
    result, articles, problems = score(path)
    assert [a["id"] for a in articles] == ["a", "b", "c"]
    assert problems == [
        f"warning: {path}: line 2: invalid UTF-8 decoded with replacement characters (1 replaced)"
    ]
    assert "Caf\ufffd owners" in articles[1]["sentences"][-1]["text"]
    assert articles[1]["warnings"] == [problems[0].split(f"{path}: ", 1)[1]]


def test_unreadable_subdirectory_is_a_warning_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD)
    if not _denied(locked):
        locked.chmod(0o755)
        pytest.skip("a privileged process reads the directory anyway")
    try:
        result, articles, problems = score(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [a["id"] for a in articles] == ["a"]
    assert only_line(problems, locked) == (
        f"warning: {locked}: directory could not be read (Permission denied); "
        "the files in it were not scored"
    )


def test_symlink_loop_and_broken_link_are_warning_lines(tmp_path):
    top = tmp_path / "in"
    (top / "sub").mkdir(parents=True)
    (top / "a.txt").write_text(GOOD)
    (top / "sub" / "b.txt").write_text(GOOD)
    (top / "sub" / "up").symlink_to("..")  # a loop
    (top / "gone.txt").symlink_to("missing.txt")
    result, articles, problems = score(top)
    assert result.exit_code == 0
    assert [a["id"] for a in articles] == ["a", "b"]
    assert only_line(problems, top / "sub" / "up") == (
        f"warning: {top / 'sub' / 'up'}: a link back to '{top}', which is being read (a loop); "
        "not followed"
    )
    assert only_line(problems, top / "gone.txt").startswith(
        f"warning: {top / 'gone.txt'}: a symbolic link to a missing file"
    )


def test_duplicate_ids_are_reported(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": "x", "text": GOOD}) for _ in range(2)) + "\n")
    (tmp_path / "x.txt").write_text(GOOD)
    result, articles, problems = score(path, tmp_path / "x.txt")
    assert [a["id"] for a in articles] == ["x", "x", "x"]
    assert problems == [
        f"warning: {path}:2: the id 'x' was already given to {path}:1; both are in the output, "
        "told apart by their source",
        f"warning: {tmp_path / 'x.txt'}: the id 'x' was already given to {path}:1; both are in "
        "the output, told apart by their source",
    ]


def test_id_zero_is_kept_and_other_ids_are_their_json_text(tmp_path):
    path = tmp_path / "ids.jsonl"
    ids = [0, 12, 1.5, True, None, "", "0", [1, "a"]]
    path.write_text("\n".join(json.dumps({"id": i, "text": GOOD}) for i in ids) + "\n")
    _, articles, _ = score(path)
    assert [a["id"] for a in articles] == [
        "0", "12", "1.5", "true", f"{path}:5", f"{path}:6", "0", '[1, "a"]',
    ]  # fmt: skip


# --- property: arbitrary input never raises -----------------------------------------------------

WORDS = "the officials said that a minister told reporters Keller Mr. U.S. denied ( ) « » … —"
TEXT = st.lists(
    st.text(st.characters(codec=None, exclude_categories=["Cs"]), max_size=6)
    | st.sampled_from([*WORDS.split(), " ", "\n", ". ", "? ", "\u200b", "\u202e", "😀", "\t"]),
    max_size=120,
).map(" ".join)
MARKUP = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br/>", "<!--", "-->", "<script>",
                         "&amp;", "&#x202e;", "<", ">", "[/bold]", "{", "}", '"']),
    ),
    max_size=40,
).map("".join)  # fmt: skip


@st.composite
def inputs(draw) -> tuple[str, bytes]:
    """A file name and its bytes: text, HTML or a JSONL line, in UTF-8 (maybe broken), UTF-16,
    or a long run of one piece."""
    kind = draw(st.sampled_from([".txt", ".html", ".jsonl", "-"]))
    text = draw(MARKUP if kind == ".html" else TEXT)
    if draw(st.booleans()):  # a long input: the piece repeated up to 5,000 characters
        text = text * draw(st.integers(1, 5000 // max(1, len(text))))
    if kind == ".jsonl":
        text = json.dumps({"id": draw(st.none() | st.integers() | TEXT), "text": text})
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
    data = text.encode(encoding)
    if draw(st.booleans()) and not (kind == ".jsonl" and encoding == "utf-16"):
        cut = draw(st.integers(0, len(data)))  # broken bytes (no line break: one JSONL line)
        data = data[:cut] + draw(st.binary(max_size=8)).translate(None, b"\n\r") + data[cut:]
    return kind, data


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(item=inputs())
def test_reader_cleaner_and_segmenter_never_raise_on_arbitrary_input(item, tmp_path, rules_scorer):
    kind, data = item
    if kind == "-":
        read = list(read_inputs(["-"], stdin=io.TextIOWrapper(io.BytesIO(data), "utf-8")))
    else:
        path = tmp_path / f"input{kind}"
        path.write_bytes(data)
        read = list(read_inputs([str(path)]))
    articles = [i for i in read if isinstance(i, Article)]
    errors = [i for i in read if isinstance(i, InputProblem) and i.fatal]
    if kind in (".txt", ".html"):
        assert len(articles) + len(errors) == 1, read  # an article, or one problem line
    else:  # JSONL (stdin that opens with "{" is JSONL too): an item per line
        assert articles or errors
        sources = [i.source for i in read]  # every line names its input
        assert all(source.startswith(("stdin", str(tmp_path))) for source in sources), read
    if kind != ".jsonl":  # the cleaner and segmenter also get the text as it is, unchecked
        articles.append(Article(id="raw", raw=data.decode("utf-8", errors="replace")))
    for article in articles:
        apply_cleaning(article)
        segment([article], nlp=rules_scorer.nlp)
        for sentence in article.sentences:
            assert sentence.text.strip() and len(sentence.text) <= MAX_SENTENCE_CHARS
            assert sentence.text.encode("utf-8")  # never a lone surrogate
            assert locate(article.raw, sentence.text) is not None  # traceable to the input
