"""The desk service: a FastAPI app over a pool of loaded scorers, and its web page.

`create_app` loads the scorers once and returns the app; `serve` runs it with uvicorn (what
`scorer serve` calls). docs/serve.md describes every endpoint.

Example:
    >>> from fastapi.testclient import TestClient
    >>> from scorer.pipeline import ScoringConfig
    >>> app = create_app(ServeConfig(scoring=ScoringConfig(classifier="rules"), token=None,
    ...                              load_encoder=False))
    >>> with TestClient(app) as client:
    ...     answer = client.post("/v1/score", json={"text": "Officials said the dam is safe."})
    >>> answer.status_code, answer.json()["sentences"][0]["label"]
    (200, 'anonymous-source')
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles

from scorer import errors
from scorer.article import Article
from scorer.pipeline import Scorer, article_to_dict
from scorer.provenance import Encoder, load_encoder
from scorer.segment import load_nlp
from scorer.serve import openapi
from scorer.serve.config import ServeConfig, check_extra, is_loopback
from scorer.serve.info import model_info
from scorer.serve.inputs import (
    JSONL,
    MB,
    Failure,
    RequestError,
    parse_article,
    parse_batch,
)
from scorer.serve.pool import Busy, WorkerPool, score_each
from scorer.triage import TriageConfig, triage_articles

log = logging.getLogger("scorer.serve")
STATIC = Path(str(resources.files("scorer.serve").joinpath("static")))
# The page loads nothing from elsewhere and runs no inline script: article text can never run.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DESCRIPTION = """Sourcing labels, citation chains and sourcing scores for news articles, as a
service for a fact-checking desk. The article and triage objects are those of `scorer score
--format jsonl` and `scorer triage --format json` (schemas in `scorer/schema/`). The web page
is at `/`."""


def _version() -> str:
    try:
        return metadata.version("scorer")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        return "0+unknown"


class _Service:
    """What the endpoints share: the settings, the worker pool, the encoder, the model card."""

    def __init__(self, config: ServeConfig, scorers: list[Scorer], encoder: Encoder | None) -> None:
        self.config = config
        self.pool = WorkerPool(
            scorers, max_queue=config.max_queue, queue_timeout=config.queue_timeout
        )
        self.model = model_info(scorers[0])
        self.encoder = encoder
        self._encoder_lock = threading.Lock()  # one sentence encoder, shared by the workers

    def triage(self, scorer: Scorer, articles: list[Article], problems: list[str]) -> Any:
        """Rank, group and link scored articles (on a worker thread): the triage object."""
        with self._encoder_lock:
            if self.encoder is None:
                self.encoder = load_encoder()
            result = triage_articles(
                articles,
                config=TriageConfig(),
                registry=scorer.registry,
                encoder=self.encoder,
                classifier=scorer.classifier.name,
                problems=problems,
            )
        return result.to_dict()

    async def score(self, articles: list[Article]) -> list[Article | Failure]:
        """Score articles together on one worker (`Busy` if none is free in time)."""
        return await self.pool.run(lambda scorer: score_each(scorer, articles))


def _segments(items: list[Article | Failure], size: int) -> list[list[Article] | Failure]:
    """Failures in place, consecutive articles in groups of at most `size` scored together."""
    out: list[list[Article] | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            out.append(item)
        elif out and isinstance(out[-1], list) and len(out[-1]) < size:
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _error_line(failure: Failure) -> dict[str, Any]:
    return {"id": failure.id, "error": failure.message, "status": failure.status}


async def _read_body(request: Request, limit: int, too_large: Callable[[float], str]) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` bytes (never read whole);
    `too_large(size_mb)` words the refusal."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestError(413, too_large(int(declared) / MB))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, too_large(size / MB))
        chunks.append(chunk)
    return b"".join(chunks)


def _auth(config: ServeConfig) -> list[Any]:
    """The dependency that checks the bearer token, when the server has one."""
    if config.token is None:
        return []
    token = config.token.encode()
    bearer = HTTPBearer(auto_error=False, description="The server's --token / SCORER_TOKEN.")

    async def check(
        credentials: HTTPAuthorizationCredentials | None = Security(bearer),
    ) -> None:
        given = (credentials.credentials if credentials else "").encode()
        if not hmac.compare_digest(given, token):
            raise RequestError(401, errors.E_HTTP_UNAUTHORIZED)

    return [Depends(check)]


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestError)
    async def request_error(request: Request, exc: RequestError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for item in exc.errors():
            where = " ".join(str(p) for p in item.get("loc", ()))
            parts.append(f"{where}: {item.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(parts) or "invalid request"}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        detail = " ".join(str(exc).split())[:200] or "no detail"
        message = errors.E_HTTP_SCORING_FAILED.format(kind=type(exc).__name__, detail=detail)
        return JSONResponse({"detail": message}, status_code=500)

    @app.exception_handler(errors.ConfigError)
    async def bad_setting(request: Request, exc: errors.ConfigError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)


def create_app(
    config: ServeConfig | None = None,
    *,
    scorers: list[Scorer] | None = None,
    encoder: Encoder | None = None,
) -> FastAPI:
    """The desk service's app, with its scorers loaded (once, here).

    Args:
        config: the service's settings; default `ServeConfig()`.
        scorers: loaded scorers to use, one per worker, instead of loading
            `config.workers` of them from `config.scoring`.
        encoder: a loaded sentence encoder for triage; else loaded here if
            `config.load_encoder`, or on the first triage request.

    Raises:
        ScorerError: the model or the settings are unusable (the CLI's one-line messages).
    """
    config = config or ServeConfig()
    if scorers is None:
        # `load_nlp` hands every caller the same cached pipeline; a spaCy pipeline must not
        # parse in two threads at once, so each further worker loads its own
        scorers = [
            Scorer(config.scoring, nlp=load_nlp.__wrapped__() if i else None)
            for i in range(config.workers)
        ]
    if encoder is None and config.load_encoder:
        encoder = load_encoder()
    service = _Service(config, scorers, encoder)
    auth = _auth(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.pool.close()

    app = FastAPI(
        title="scorer",
        version=_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    _install_handlers(app)
    max_mb = config.scoring.max_mb

    def too_large(size_mb: float) -> str:
        return errors.E_TOO_LARGE.format(size_mb=size_mb, limit_mb=max_mb)

    def batch_too_large(size_mb: float) -> str:
        return errors.E_HTTP_BODY_TOO_LARGE.format(
            limit_mb=config.max_batch_mb,
            advice="split the batch, or start the server with a higher --max-batch-mb",
        )

    # A JSON article may be longer than its text by its escapes; the text itself is held to
    # the --max-mb limit once decoded.
    article_body_limit = 2 * config.max_article_bytes + 64 * 1024

    @app.get(
        "/healthz",
        tags=["service"],
        summary="Health and load",
        responses={200: openapi.json_answer("Health", "Up.")},
    )
    async def healthz() -> JSONResponse:
        """Whether the service is up, and how busy its workers are (no token needed)."""
        pool = service.pool
        return JSONResponse(
            {
                "status": "ok",
                "classifier": pool.classifier_name,
                "workers": len(pool.scorers),
                "running": pool.running,
                "waiting": pool.waiting,
            }
        )

    @app.get(
        "/v1/model",
        tags=["service"],
        summary="The classifier and its model card",
        dependencies=auth,
        responses={
            200: openapi.json_answer("ModelInfo", "The classifier and its card's figures."),
            **openapi.errors_for(auth=bool(auth)),
        },
    )
    async def model() -> JSONResponse:
        """The classifier: name, version, labels and the model card's metrics."""
        return JSONResponse(service.model)

    @app.post(
        "/v1/score",
        tags=["scoring"],
        summary="Score one article",
        dependencies=auth,
        openapi_extra={"requestBody": openapi.article_body()},
        responses={
            200: openapi.json_answer("Article", "The article object of the output contract."),
            **openapi.errors_for(413, 415, 422, 500, 503, auth=bool(auth)),
        },
    )
    async def score(
        request: Request,
        id: str | None = Query(None, description="The article's id (default `request`)."),
        publisher: str | None = Query(None, description="Its publisher, overriding the page."),
        url: str | None = Query(None, description="Where it was published."),
        title: str | None = Query(None, description="Its title."),
    ) -> JSONResponse:
        """Score one article: each sentence's label and chains, the profile, score and flags."""
        body = await _read_body(request, article_body_limit, too_large)
        params = {"id": id, "publisher": publisher, "url": url, "title": title}
        article = parse_article(
            body,
            request.headers.get("content-type"),
            {k: v for k, v in params.items() if v is not None},
            max_mb=config.scoring.max_mb,
        )
        (item,) = await service.score([article])
        if isinstance(item, Failure):
            raise RequestError(item.status, item.message)
        return JSONResponse(article_to_dict(item, classifier=service.pool.classifier_name))

    async def batch_items(request: Request) -> list:
        """The batch body's articles (or per-article failures), within the batch limits."""
        body = await _read_body(request, config.max_batch_bytes, batch_too_large)
        return parse_batch(
            body,
            request.headers.get("content-type"),
            max_batch=config.max_batch,
            max_mb=config.scoring.max_mb,
        )

    @app.post(
        "/v1/score/batch",
        tags=["scoring"],
        summary="Score a batch, streamed as JSONL",
        dependencies=auth,
        openapi_extra={"requestBody": openapi.batch_body()},
        responses={
            200: {
                "description": "JSONL, streamed in input order: one article object or error "
                "line (`BatchLine`) per input article.",
                "content": {JSONL: {"schema": {"$ref": "#/components/schemas/BatchLine"}}},
            },
            **openapi.errors_for(413, 415, 422, 503, auth=bool(auth)),
        },
    )
    async def score_batch(request: Request) -> StreamingResponse:
        """Score a batch; a bad article gives an error line with its id, the others are scored."""
        items = await batch_items(request)
        segments = _segments(items, config.scoring.batch_articles)
        name = service.pool.classifier_name
        # the first group is scored before the answer starts, so a busy server says 503
        first = next((i for i, s in enumerate(segments) if isinstance(s, list)), None)
        done: dict[int, list[Article | Failure]] = {}
        if first is not None:
            done[first] = await service.score(segments[first])  # type: ignore[arg-type]

        async def lines() -> AsyncIterator[str]:
            for index, segment in enumerate(segments):
                if isinstance(segment, Failure):
                    results: list[Article | Failure] = [segment]
                elif index in done:
                    results = done.pop(index)
                else:
                    try:
                        results = await service.score(segment)
                    except Busy as exc:
                        results = [Failure(a.id, str(exc), status=503) for a in segment]
                for item in results:
                    row = (
                        _error_line(item)
                        if isinstance(item, Failure)
                        else article_to_dict(item, classifier=name)
                    )
                    yield json.dumps(row, ensure_ascii=False) + "\n"

        return StreamingResponse(lines(), media_type=JSONL)

    @app.post(
        "/v1/triage",
        tags=["triage"],
        summary="Triage a batch for the desk",
        dependencies=auth,
        openapi_extra={"requestBody": openapi.batch_body()},
        responses={
            200: openapi.json_answer(
                "Triage", "The triage object, as `scorer triage --format json` writes it."
            ),
            **openapi.errors_for(413, 415, 422, 503, auth=bool(auth)),
        },
    )
    async def triage(request: Request) -> JSONResponse:
        """Triage a batch for the desk: the priority queue, reasons, claims, stories, links."""
        items = await batch_items(request)
        scored: list[Article] = []
        problems: list[str] = []
        for segment in _segments(items, config.scoring.batch_articles):
            results = [segment] if isinstance(segment, Failure) else await service.score(segment)
            for item in results:
                if isinstance(item, Failure):
                    problems.append(f"error: {item.id}: {item.message}")
                else:
                    scored.append(item)
        if not scored:
            raise RequestError(
                422, errors.E_HTTP_NOTHING_SCORED.format(problems="; ".join(problems))
            )
        seen: dict[str, int] = {}
        for a in scored:  # ids key the links and the page's anchors: keep them unique
            seen[a.id] = seen.get(a.id, 0) + 1
            if seen[a.id] > 1:
                a.id = f"{a.id}#{seen[a.id]}"
        result = await service.pool.run(lambda s: service.triage(s, scored, problems))
        return JSONResponse(result)

    _mount_page(app)

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            spec.setdefault("components", {}).setdefault("schemas", {}).update(openapi.COMPONENTS)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app


def _mount_page(app: FastAPI) -> None:
    """The web page at `/`, its assets, and `/docs` served from the installed Swagger UI (so
    it works air-gapped too; without the package it falls back to FastAPI's CDN default)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs: dict[str, str] = {}
    try:
        import swagger_ui_bundle

        app.mount(
            "/docs-assets",
            StaticFiles(directory=str(swagger_ui_bundle.swagger_ui_path)),
            name="docs-assets",
        )
        docs = {
            "swagger_js_url": "/docs-assets/swagger-ui-bundle.js",
            "swagger_css_url": "/docs-assets/swagger-ui.css",
            "swagger_favicon_url": "/docs-assets/favicon-32x32.png",
        }
    except ImportError:  # pragma: no cover - the serve extra installs it
        pass

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="scorer API",
            swagger_ui_parameters={"validatorUrl": None},
            **docs,
        )


def serve(config: ServeConfig, *, log_line: Any = print) -> None:
    """Load the scorers, then serve until interrupted (what `scorer serve` runs).

    Raises:
        ScorerError: the `serve` extra is missing, or the model or settings are unusable.
    """
    check_extra()
    import uvicorn

    if not is_loopback(config.host) and config.token is None:
        log_line(
            f"warning: listening on {config.host} without a token: anyone who can reach "
            "this port can use the service; set --token or SCORER_TOKEN"
        )
    import torch

    # Workers score in parallel threads: their torch threads together should not outnumber
    # the cores, or they wait on one another (on 2 busy cores, 2 threads per forward pass
    # made one article 3x slower than 1 thread).
    torch.set_num_threads(config.torch_threads)
    app = create_app(config)
    shown = f"[{config.host}]" if ":" in config.host else config.host
    log_line(
        f"scorer serve: http://{shown}:{config.port}/ (classifier "
        f"{app.state.service.pool.classifier_name}, {config.workers} worker(s), "
        f"{config.torch_threads} torch thread(s) each)"
    )
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning")
