"""`scorer serve`: the API on real inputs, through FastAPI's TestClient.

Answers are validated against the output contract (scorer/schema/*.json) and compared with what
the library and the CLI produce for the same inputs; refusals carry the CLI's messages. The rules
classifier keeps these fast where the model is not the point; one test serves the shipped model.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason='the serve extra is not installed: pip install -e ".[serve]"')

from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from scorer import errors  # noqa: E402
from scorer.cli import app as cli_app  # noqa: E402
from scorer.contract import validator  # noqa: E402
from scorer.pipeline import ScoringConfig, article_to_dict  # noqa: E402
from scorer.serve.app import STATIC, create_app  # noqa: E402
from scorer.serve.config import ServeConfig  # noqa: E402
from scorer.triage import triage  # noqa: E402
from tests.conftest import MODEL_DIR, ROOT, SEEDS  # noqa: E402

EXAMPLE = ROOT / "examples" / "article.txt"
JSONL = {"content-type": "application/x-ndjson"}


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _jsonl(rows: list[object]) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n"


@pytest.fixture(scope="module")
def make_client(rules_scorer):
    """Clients of apps that share the session's rules scorer (a worker each, one at a time)."""
    opened: list[TestClient] = []

    def make(max_mb: float = 10.0, **settings) -> TestClient:
        settings = {"token": None, "load_encoder": False, **settings}
        config = ServeConfig(scoring=ScoringConfig(classifier="rules", max_mb=max_mb), **settings)
        client = TestClient(create_app(config, scorers=[rules_scorer]))
        client.__enter__()  # runs the lifespan: the pool is closed on exit
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(make_client) -> TestClient:
    return make_client()


# --- scoring ---------------------------------------------------------------------------------


def test_score_returns_the_article_object_of_the_contract(client, rules_scorer) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    answer = client.post(
        "/v1/score", json={"id": "harbor", "text": text, "publisher": "Calder Courier"}
    )
    assert answer.status_code == 200, answer.text
    article = answer.json()
    validator("article").validate(article)
    assert (article["id"], article["publisher"], article["classifier"]) == (
        "harbor",
        "Calder Courier",
        "rules",
    )
    chains = [[h["name"] for h in c] for s in article["sentences"] for c in s["chains"]]
    assert ["Calder Courier", "Marta Ellison"] in chains
    # the same labels, chains and profile as the library gives for the same text
    expected = article_to_dict(
        rules_scorer.score_text(text, id="harbor", publisher="Calder Courier"), classifier="rules"
    )
    assert article["sentences"] == expected["sentences"]
    assert article["profile"] == expected["profile"]
    assert article["removed"] == expected["removed"]


def test_plain_text_takes_its_fields_from_the_query(client) -> None:
    answer = client.post(
        "/v1/score?id=harbor-2&publisher=Calder%20Courier&title=Dredging",
        content=EXAMPLE.read_bytes(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert answer.status_code == 200, answer.text
    article = answer.json()
    validator("article").validate(article)
    assert (article["id"], article["publisher"], article["publisher_origin"]) == (
        "harbor-2",
        "Calder Courier",
        "input",
    )
    assert article["title"] == "Dredging"


def test_html_is_read_like_the_cli_reads_a_saved_page(client) -> None:
    lines = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = "".join(f"<p>{line}</p>" for line in lines[2:10])
    page = (
        '<html><head><meta property="og:site_name" content="Calder Courier">'
        f"<title>{lines[1]}</title></head><body><article><h1>{lines[1]}</h1>{paragraphs}"
        "</article></body></html>"
    )
    for request in (
        {"json": {"id": "page", "html": page}},
        {"content": page.encode(), "headers": {"content-type": "text/html"}},
    ):
        answer = client.post("/v1/score", **request)
        assert answer.status_code == 200, answer.text
        article = answer.json()
        validator("article").validate(article)
        assert (article["publisher"], article["publisher_origin"]) == (
            "Calder Courier",
            "html-metadata",
        )
        assert any("Marta Ellison" in s["text"] for s in article["sentences"])


def test_a_script_in_an_article_comes_back_as_text(client) -> None:
    script = "<script>document.title = 'pwned'</script>"
    answer = client.post(
        "/v1/score",
        json={"text": f"{script} Officials said the dam is safe. It was built in 1950."},
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert script in answer.json()["sentences"][0]["text"]


def test_invalid_utf8_is_scored_with_the_cli_warning(client) -> None:
    body = EXAMPLE.read_bytes().replace(b"Tuesday", b"Tues\xffday")
    answer = client.post("/v1/score", content=body, headers={"content-type": "text/plain"})
    assert answer.status_code == 200
    assert answer.json()["warnings"] == [errors.W_BAD_UTF8.format(count=1)]


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"text": ', errors.E_HTTP_BAD_JSON.split("(")[0]),
        ("[1, 2]", errors.E_HTTP_NOT_ARTICLE.format(where="", found="an array")),
        ('"just a string"', errors.E_HTTP_NOT_ARTICLE.format(where="", found="a string")),
        ('{"text": "   "}', errors.E_EMPTY),
        ("{}", errors.E_HTTP_NO_TEXT.format(where="")),
        ('{"title": "no text"}', errors.E_HTTP_NO_TEXT.format(where="")),
        ('{"text": 5}', errors.E_HTTP_FIELD_TYPE.format(where="", field="text", found="a number")),
        (
            '{"text": "Officials said so.", "publisher": ["a"]}',
            errors.E_HTTP_FIELD_TYPE.format(where="", field="publisher", found="an array"),
        ),
        (
            json.dumps(
                {
                    "text": "Die Behörde sagte am Dienstag, dass die Arbeiten im Hafen "
                    "nach Plan verlaufen und keine Proben genommen werden müssen, weil "
                    "alle Werte unter den Grenzen liegen."
                }
            ),
            "does not look like English",
        ),
        (
            json.dumps({"text": "Sign up for our Business newsletter\nLeave a Comment"}),
            errors.E_NO_CONTENT.format(removed=2),
        ),
        (json.dumps({"html": "<html><body></body></html>"}), errors.E_EMPTY),
    ],
)
def test_malformed_bodies_get_422_with_the_cli_message(client, body: str, message: str) -> None:
    answer = client.post("/v1/score", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"].startswith(message)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/v1/score", "application/x-www-form-urlencoded"),
        ("/v1/score", "multipart/form-data; boundary=x"),
        ("/v1/score", None),
        ("/v1/score/batch", "text/plain"),
        ("/v1/triage", "application/xml"),
    ],
)
def test_unsupported_content_types_get_415(client, path: str, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    answer = client.post(path, content=b'{"text": "Officials said so."}', headers=headers)
    assert answer.status_code == 415
    assert answer.json()["detail"].startswith("unsupported content type")


def test_an_article_over_the_size_limit_gets_413(make_client) -> None:
    small = make_client(max_mb=1.0)
    text = EXAMPLE.read_text(encoding="utf-8") * 1000  # about 1.5 MB
    answer = small.post("/v1/score", json={"text": text})
    assert answer.status_code == 413
    size = len(text.encode()) / 1024 / 1024
    assert answer.json()["detail"] == errors.E_TOO_LARGE.format(size_mb=size, limit_mb=1.0)
    # a body far over the limit is refused by its length, before it is read
    huge = small.post(
        "/v1/score", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "text/plain"}
    )
    assert huge.status_code == 413 and "limit for one article" in huge.json()["detail"]
    # and one sent without a length is cut off as it streams in
    chunks = (b"x" * 65536 for _ in range(64))
    streamed = small.post("/v1/score", content=chunks, headers={"content-type": "text/plain"})
    assert streamed.status_code == 413


def test_a_batch_over_its_limits_gets_413(make_client) -> None:
    strict = make_client(max_batch=2, max_batch_mb=0.01)
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")[:1000]} for p in _seeds()]
    answer = strict.post("/v1/score/batch", json=rows[:3])
    assert answer.status_code == 413
    assert answer.json()["detail"] == errors.E_HTTP_TOO_MANY.format(count=3, limit=2)
    full = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in _seeds()]
    answer = strict.post("/v1/triage", content=_jsonl(full), headers=JSONL)
    assert answer.status_code == 413
    assert "larger than the 0.01 MB" in answer.json()["detail"]


def test_no_endpoint_reads_a_server_side_path(client) -> None:
    secret = str(EXAMPLE.resolve())
    for path in ("/v1/score", "/v1/score/batch"):
        body = {"text": secret} if path == "/v1/score" else [{"text": secret}]
        answer = client.post(path, json=body)
        assert answer.status_code in (200, 422)
        assert "Harbor Authority" not in answer.text  # the path is text, not a file to open
    spec = client.get("/openapi.json").json()
    for operation in (op for item in spec["paths"].values() for op in item.values()):
        for parameter in operation.get("parameters", []):
            assert parameter["name"] not in ("path", "file", "paths")


# --- batches and triage ------------------------------------------------------------------------


def test_batch_streams_one_line_per_article_errors_in_place(client) -> None:
    seeds = _seeds()
    rows: list[object] = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    rows[1:1] = ['{"id": "broken", "text": ', {"id": "blank", "text": " "}, "[3]"]
    answer = client.post("/v1/score/batch", content=_jsonl(rows), headers=JSONL)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert [line["id"] for line in lines] == [
        seeds[0].stem,
        "request:2",
        "blank",
        "request:4",
        *(p.stem for p in seeds[1:]),
    ]
    assert lines[1] == {
        "id": "request:2",
        "error": errors.E_BAD_JSON.format(line=2, detail="Expecting value"),
        "status": 422,
    }
    assert lines[2]["error"] == "line 3: " + errors.E_EMPTY
    assert lines[3]["error"] == errors.E_HTTP_NOT_ARTICLE.format(where="line 4: ", found="an array")
    check = validator("article")
    for line in (lines[0], *lines[4:]):
        check.validate(line)
        assert line["sentences"]


def test_batch_reads_a_json_array_too(client) -> None:
    rows = [{"text": p.read_text(encoding="utf-8")} for p in _seeds()[:2]] + [{"html": 7}]
    answer = client.post("/v1/score/batch", json=rows)
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert [line["id"] for line in lines] == ["request:1", "request:2", "request:3"]
    assert lines[2]["error"] == "item 3: 'html' must be a string, got a number"
    assert client.post("/v1/score/batch", json={"text": "x"}).json()["detail"] == (
        errors.E_HTTP_NOT_BATCH.format(found="an object")
    )
    assert client.post("/v1/score/batch", content="\n\n", headers=JSONL).status_code == 422


@pytest.mark.slow
def test_triage_gives_what_the_cli_gives(client, rules_scorer) -> None:
    seeds = _seeds()
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    answer = client.post("/v1/triage", content=_jsonl(rows), headers=JSONL)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    validator("triage").validate(result)
    expected = triage(paths=[str(p) for p in seeds], scorer=rules_scorer).to_dict()
    assert result == json.loads(json.dumps(expected))
    assert len(result["articles"]) == 5 and result["links"]


def test_triage_reports_bad_articles_and_refuses_an_all_bad_batch(client) -> None:
    rows = [{"id": "a", "text": EXAMPLE.read_text(encoding="utf-8")}, {"id": "b", "text": ""}]
    answer = client.post("/v1/triage", json=rows)
    assert answer.status_code == 200
    assert answer.json()["problems"] == ["error: b: item 2: " + errors.E_EMPTY]
    assert [a["id"] for a in answer.json()["articles"]] == ["a"]
    bad = client.post("/v1/triage", json=[{"text": ""}])
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("no article of the batch could be scored")


# --- the service -------------------------------------------------------------------------------


def test_a_token_guards_the_api_but_not_the_health_check(make_client) -> None:
    guarded = make_client(token="s3cret-token")
    body = {"text": "Officials said the dam is safe."}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"}):
        answer = guarded.post("/v1/score", json=body, headers=headers)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
        assert answer.json()["detail"] == errors.E_HTTP_UNAUTHORIZED
    ok = guarded.post("/v1/score", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200
    assert guarded.get("/v1/model").status_code == 401
    assert guarded.get("/healthz").status_code == 200
    assert guarded.get("/").status_code == 200
    spec = guarded.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_requests_beyond_the_workers_wait_then_get_503(make_client) -> None:
    busy = make_client(queue_timeout=0.5, max_queue=1)
    pool = busy.app.state.service.pool
    release = threading.Event()
    holder = threading.Thread(
        target=lambda: asyncio.run(pool.run(lambda scorer: release.wait(30))), daemon=True
    )
    holder.start()
    try:
        deadline = time.monotonic() + 10
        while pool.running == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        # the event loop still answers while the only worker is busy
        health = busy.get("/healthz").json()
        assert (health["running"], health["workers"]) == (1, 1)
        started = time.monotonic()
        answer = busy.post("/v1/score", json={"text": "Officials said the dam is safe."})
        assert answer.status_code == 503
        assert time.monotonic() - started >= 0.5
        assert answer.json()["detail"] == errors.E_HTTP_BUSY.format(seconds=0.5)
        assert answer.headers["retry-after"]
    finally:
        release.set()
        holder.join(10)
    after = busy.post("/v1/score", json={"text": "Officials said the dam is safe."})
    assert after.status_code == 200


def test_a_full_queue_gets_503_at_once(make_client) -> None:
    full = make_client(max_queue=0, queue_timeout=30)
    pool = full.app.state.service.pool
    release = threading.Event()
    holder = threading.Thread(
        target=lambda: asyncio.run(pool.run(lambda scorer: release.wait(30))), daemon=True
    )
    holder.start()
    try:
        deadline = time.monotonic() + 10
        while pool.running == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        started = time.monotonic()
        answer = full.post("/v1/score", json={"text": "Officials said the dam is safe."})
        assert answer.status_code == 503 and time.monotonic() - started < 5
        assert answer.json()["detail"].startswith("the server is busy")
    finally:
        release.set()
        holder.join(10)


@pytest.mark.slow
def test_two_workers_score_concurrent_requests_like_one(rules_scorer) -> None:
    config = ServeConfig(
        scoring=ScoringConfig(classifier="rules"), workers=2, token=None, load_encoder=False
    )
    app = create_app(config)
    first, second = app.state.service.pool.scorers
    assert first.nlp is not second.nlp  # a spaCy pipeline must not parse in two threads
    texts = [p.read_text(encoding="utf-8") for p in _seeds()] * 2
    answers: dict[int, dict] = {}
    with TestClient(app) as two:

        def post(i: int) -> None:
            answers[i] = two.post("/v1/score", json={"id": str(i), "text": texts[i]}).json()

        threads = [threading.Thread(target=post, args=(i,)) for i in range(len(texts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    for i, text in enumerate(texts):
        expected = article_to_dict(rules_scorer.score_text(text, id=str(i)), classifier="rules")
        assert answers[i]["sentences"] == expected["sentences"]
        assert answers[i]["profile"] == expected["profile"]


def test_model_endpoint_reads_the_card(client) -> None:
    info = client.get("/v1/model").json()
    assert (info["name"], info["classifier"], info["version"]) == ("rules", "rules", None)
    card = json.loads((MODEL_DIR / "scorer.json").read_text(encoding="utf-8"))
    assert info["metrics"]["realnews_test"] == card["metrics"]["realnews_test"]["rules"]


@pytest.mark.slow
def test_the_shipped_model_serves_and_describes_itself(model_scorer) -> None:
    config = ServeConfig(token=None, load_encoder=False)
    with TestClient(create_app(config, scorers=[model_scorer])) as model_client:
        info = model_client.get("/v1/model").json()
        card = json.loads((MODEL_DIR / "scorer.json").read_text(encoding="utf-8"))
        version = re.search(r"\(model (v\d+)\)", (MODEL_DIR / "README.md").read_text("utf-8"))
        assert info["name"] == MODEL_DIR.name and info["version"] == version.group(1)
        assert info["classifier"] == "model"
        assert sorted(info["labels"]) == sorted(
            ["named-source", "anonymous-source", "official-denial", "unattributed"]
        )
        assert (
            info["metrics"]["realnews_test"]["macro_f1"]
            == (card["metrics"]["realnews_test"]["model"]["macro_f1"])
        )
        text = EXAMPLE.read_text(encoding="utf-8")
        answer = model_client.post("/v1/score", json={"text": text, "publisher": "Calder Courier"})
        assert answer.status_code == 200
        article = answer.json()
        validator("article").validate(article)
        assert article["classifier"] == "model"
        assert all(0 <= s["confidence"] <= 1 for s in article["sentences"])
        expected = article_to_dict(
            model_scorer.score_text(text, id="request", publisher="Calder Courier"),
            classifier="model",
        )
        assert [s["label"] for s in article["sentences"]] == [
            s["label"] for s in expected["sentences"]
        ]


def test_health_docs_and_schema(client) -> None:
    assert client.get("/healthz").json() == {
        "status": "ok",
        "classifier": "rules",
        "workers": 1,
        "running": 0,
        "waiting": 0,
    }
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text  # works air-gapped
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/v1/score", "/v1/score/batch", "/v1/triage", "/v1/model", "/healthz"} <= set(
        spec["paths"]
    )
    assert spec["paths"]["/v1/score"]["post"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Article"}
    assert "Article_hop" in spec["components"]["schemas"]


def test_the_page_is_self_contained_and_never_writes_markup(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    for name in ("app.js", "graph.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
        assert not urls, f"{path.name} loads from elsewhere: {urls}"
        risky = re.findall(r"\.(?:inner|outer)HTML\b|insertAdjacentHTML|\.write\(|\beval\(", text)
        assert not risky, f"{path.name} writes markup: {risky}"
    assert "<script>" not in page.text and "style=" not in page.text


# --- the command line --------------------------------------------------------------------------


def test_cli_serve_says_what_to_install_without_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "fastapi", None)
    result = CliRunner().invoke(cli_app, ["serve"])
    assert result.exit_code == 2
    assert result.output.strip() == ("error: " + errors.E_SERVE_MISSING.format(missing="fastapi"))
    assert 'pip install -e ".[serve]"' in result.output


def test_cli_serve_refuses_bad_settings_in_one_line() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--workers", "0", "--classifier", "rules"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: workers must be a whole number of at least 1, got 0"
    result = CliRunner().invoke(cli_app, ["serve", "--classifier", "nope"])
    assert result.exit_code == 2 and "classifier must be one of" in result.output


# --- fuzz --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fuzz_the_api_from_its_openapi_schema(make_client) -> None:
    """Schemathesis generates bodies and parameters from /openapi.json, valid and invalid:
    no answer may be a 5xx, and every answer must match the schema of its status."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error, response_schema_conformance

    @schemathesis.serializer("application/x-ndjson")
    def _jsonl_body(ctx, value):  # the schema's JSONL body is a string: send it as it is
        return value.encode("utf-8") if isinstance(value, str) else json.dumps(value).encode()

    fuzzed = make_client(max_batch=5, token="fuzz-token")
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.app)
    statuses: dict[str, set[int]] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=12,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def run(case) -> None:
                answer = case.call_and_validate(
                    headers={"Authorization": "Bearer fuzz-token"},
                    checks=[not_a_server_error, response_schema_conformance],
                )
                statuses.setdefault(case.operation.label, set()).add(answer.status_code)

            try:
                run()
            except Unsatisfiable:  # an operation without inputs has no invalid ones
                assert mode is schemathesis.GenerationMode.NEGATIVE
    assert 200 in statuses["POST /v1/score"] and 422 in statuses["POST /v1/score"]
    assert all(code < 500 for codes in statuses.values() for code in codes)
