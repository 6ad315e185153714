"""The scoring pipeline: read → clean → segment → classify → attribute → profile."""

from __future__ import annotations

import copy
import itertools
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorer import errors
from scorer.article import Article, sentence_words
from scorer.attribution import attribute
from scorer.classifiers import registry
from scorer.classifiers.base import Classifier, check_precision, context_size
from scorer.clean import CleanConfig, apply_cleaning
from scorer.consistency import reconcile
from scorer.io import DEFAULT_MAX_MB, InputProblem, read_inputs
from scorer.outlets import OutletRegistry
from scorer.profile import ScoreWeights, build_profile
from scorer.publisher import resolve_publisher
from scorer.segment import load_nlp, segment

if TYPE_CHECKING:
    from spacy.language import Language

    from scorer.progress import Progress

SCHEMA_VERSION = "1.2"


@dataclass
class ScoringConfig:
    """Settings of `scorer score`.

    Attributes:
        classifier: a registered classifier (`scorer classifiers` lists them): "auto" (the
            shipped model if installed, else rules), "transformer" (or "model"), "onnx" (int8
            ONNX Runtime, needs the `fast` extra), "rules", or one a package registers.
        model_dir: a model directory, from `scorer train` or a Hugging Face `save_pretrained`
            sequence classifier with our four labels; default: the shipped model.
        precision: the PyTorch model's inference precision: "int8" (dynamic quantisation of
            the linear layers, about 1.8× faster on CPU) or "fp32".
        publisher: publisher of every input, overriding metadata and text signals.
        outlets_csv: a user CSV of extra outlets (name, aliases, domains, country, kind).
        batch_articles: articles processed together; bounds memory on large batches.
        max_mb: inputs larger than this (one article) are refused.
        exclude: files never read when walking an input directory (a run's own output).
        weights: score weights and flag thresholds.
        clean: cleaning settings.
    """

    classifier: str = "auto"
    model_dir: Path | None = None
    precision: str = "int8"
    publisher: str | None = None
    outlets_csv: Path | None = None
    batch_articles: int = 16
    max_mb: float = DEFAULT_MAX_MB
    exclude: tuple[Path, ...] = ()
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    clean: CleanConfig = field(default_factory=CleanConfig)

    def __post_init__(self) -> None:
        registry.check_name(self.classifier)
        check_precision(self.precision)
        if self.batch_articles < 1:
            raise errors.ConfigError("batch_articles must be at least 1")
        if not math.isfinite(self.max_mb) or self.max_mb <= 0:  # NaN compares False
            raise errors.ConfigError(errors.E_MAX_MB.format(field="max_mb", value=self.max_mb))


class Scorer:
    """Holds the loaded spaCy pipeline, classifier and outlet registry; scores articles.

    Example:
        >>> from scorer import Scorer, ScoringConfig
        >>> scorer = Scorer(ScoringConfig(classifier="rules"))
        >>> article = scorer.score_text("Officials said the dam is safe. It was built in 1950.")
        >>> [s.label for s in article.sentences]
        ['anonymous-source', 'unattributed']
    """

    def __init__(
        self,
        config: ScoringConfig | None = None,
        *,
        classifier: Classifier | None = None,
        nlp: Language | None = None,
    ) -> None:
        """Load what scoring needs once.

        Args:
            config: scoring settings; default `ScoringConfig()`.
            classifier: a ready classifier, instead of the one `config` names.
            nlp: an existing spaCy pipeline with a parser and NER to parse with, instead of
                spaCy's small English pipeline (e.g. one a user already has loaded).
        """
        self.config = config or ScoringConfig()
        self.classifier = classifier or registry.load(
            self.config.classifier, self.config.model_dir, precision=self.config.precision
        )
        self.registry = OutletRegistry.load(self.config.outlets_csv)
        self.nlp = nlp or load_nlp()

    def score_articles(self, articles: list[Article]) -> list[Article]:
        """Score a batch of read articles; returns those with content (others get warnings)."""
        for article in articles:
            apply_cleaning(article, self.config.clean)
            resolve_publisher(article, publisher=self.config.publisher, registry=self.registry)
        segment(
            articles,
            nlp=self.nlp,
            config=self.config.clean,
            context_size=context_size(self.classifier),
        )
        for article in articles:
            # One call per article: int8 inference scales activations per batch, so an
            # article's labels must not depend on which other articles share its batch.
            items = [(s.text, s.context) for s in article.sentences]
            if getattr(self.classifier, "spans", None) is not None:
                # One forward pass gives the label and the attribution spans.
                words = [sentence_words(s) for s in article.sentences]
                annotated = self.classifier.annotate(items, words) if items else []
            else:
                annotated = [(p, []) for p in self.classifier.predict(items)] if items else []
            for sentence, (prediction, spans) in zip(article.sentences, annotated):
                sentence.label, sentence.confidence = prediction.label, prediction.confidence
                sentence.spans = spans
            attribute(article, registry=self.registry)
            reconcile(article, registry=self.registry)  # the label and the chains agree
            article.profile = build_profile(article, self.config.weights)
            for sentence in article.sentences:
                sentence.span = None  # the parse is not needed past this point
        return articles

    def score_text(self, text: str, *, id: str = "text", publisher: str | None = None) -> Article:
        """Score one article given as plain text."""
        article = Article(
            id=id,
            raw=text,
            source=id,
            publisher=publisher,
            publisher_origin="input" if publisher else None,
        )
        return self.score_articles([article])[0]

    def score_paths(
        self, paths: Iterable[str], *, stdin: Any = None
    ) -> Iterator[Article | InputProblem]:
        """Read, score and yield articles batch by batch; problems are yielded as they come."""
        for item in read_batches(paths, config=self.config, stdin=stdin):
            if isinstance(item, InputProblem):
                yield item
            else:
                yield from self.score_batch(item)

    def score_batch(self, batch: list[Article]) -> list[Article | InputProblem]:
        """Score a batch of read articles; an article that fails becomes an `InputProblem`.

        One bad article never costs the others: if the batch fails, each article is scored
        again on its own (from a pristine copy) and only the ones that still fail are reported.
        """
        pristine = [copy.deepcopy(article) for article in batch]
        try:
            scored: list[Article | InputProblem] = list(self.score_articles(batch))
        except Exception:  # noqa: BLE001 - any failure of one article must not stop the run
            scored = []
            for original in pristine:
                article = copy.deepcopy(original)
                try:
                    scored.extend(self.score_articles([article]))
                except Exception as exc:  # noqa: BLE001
                    detail = " ".join(str(exc).split())[:200] or "no detail"
                    scored.append(
                        InputProblem(
                            article.source or article.id,
                            errors.E_ARTICLE_FAILED.format(kind=type(exc).__name__, detail=detail),
                        )
                    )
        return [_content_or_problem(item) for item in scored]


def read_batches(
    paths: Iterable[str], *, config: ScoringConfig, stdin: Any = None
) -> Iterator[list[Article] | InputProblem]:
    """Read inputs as batches of `config.batch_articles` articles; problems pass through."""
    batch: list[Article] = []
    for item in read_inputs(paths, stdin=stdin, max_mb=config.max_mb, exclude=config.exclude):
        if isinstance(item, InputProblem):
            yield item
            continue
        batch.append(item)
        if len(batch) >= config.batch_articles:
            yield batch
            batch = []
    if batch:
        yield batch


def _content_or_problem(item: Article | InputProblem) -> Article | InputProblem:
    if isinstance(item, Article) and not item.sentences:
        return InputProblem(
            item.source or item.id, errors.E_NO_CONTENT.format(removed=len(item.removed))
        )
    return item


def article_to_dict(article: Article, *, classifier: str = "") -> dict[str, Any]:
    """The article object of the output contract (schema: scorer/schema/article.schema.json)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "publisher": article.publisher,
        "publisher_origin": article.publisher_origin,
        "credit": article.credit,
        "classifier": classifier,
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "label": s.label,
                "confidence": s.confidence,
                "chains": [[hop.to_dict() for hop in chain] for chain in s.chains],
                "spans": [
                    {
                        "kind": t.kind,
                        "start": t.start,
                        "end": t.end,
                        "text": s.text[t.start : t.end],
                    }
                    for t in s.spans
                ],
            }
            for s in article.sentences
        ],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "profile": article.profile.to_dict() if article.profile else {},
        "warnings": list(article.warnings),
    }


@dataclass
class RunSummary:
    """What one `score_files` run did."""

    scored: int = 0
    sentences: int = 0
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints at the end."""
        rate = self.sentences / self.seconds if self.seconds > 0 else 0.0
        return (
            f"scored {self.scored} article(s), {self.sentences} sentence(s), "
            f"{len(self.failed)} failed, in {self.seconds:.1f} s ({rate:.1f} sentences/s, "
            f"{self.workers} process{'es' if self.workers > 1 else ''})"
        )


def score_stream(
    paths: list[str], *, config: ScoringConfig, workers: int = 1, stdin: Any = None
) -> tuple[str, int, Iterator[Article | InputProblem]]:
    """Score `paths` on `workers` processes: (classifier name, processes used, results).

    Results come in input order, problems where they occurred. `workers` 0 means one per
    core. An input of a single batch (`config.batch_articles` articles) is scored in this
    process: starting workers would cost more than it saves.
    """
    from scorer.workers import WorkerPool, resolve_workers

    workers = resolve_workers(workers)
    items = read_batches(paths, config=config, stdin=stdin)
    head: list[list[Article] | InputProblem] = []
    if workers > 1:
        for item in items:
            head.append(item)
            if sum(isinstance(h, list) for h in head) > 1:
                break
    if workers == 1 or sum(isinstance(h, list) for h in head) <= 1:
        scorer = Scorer(config)

        def in_process() -> Iterator[Article | InputProblem]:
            for item in itertools.chain(head, items):
                if isinstance(item, InputProblem):
                    yield item
                else:
                    yield from scorer.score_batch(item)

        return scorer.classifier.name, 1, in_process()
    pool = WorkerPool(config, workers=workers, make_scorer=Scorer)

    def in_workers() -> Iterator[Article | InputProblem]:
        with pool:
            yield from pool.map(itertools.chain(head, items))

    return pool.classifier_name, workers, in_workers()


def score_files(
    *,
    paths: list[str],
    config: ScoringConfig,
    fmt: str,
    output: Path | None = None,
    stream: Any = None,
    stdin: Any = None,
    report: Any = None,
    color: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
) -> RunSummary:
    """Score every input and write each article as it is done, in `fmt`.

    With `output`, the articles go to that file, which must not be one of the inputs (it is
    skipped inside an input directory) and appears complete or not at all; else to `stream`
    (default stdout). `report` receives each problem line as it happens (the CLI prints them
    to stderr). `workers` processes score in parallel (0: one per core); the output is the
    same whatever their number. `progress` is advanced per article (the CLI's bar).

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> summary = score_files(paths=["examples/article.txt"], config=ScoringConfig(
        ...     classifier="rules"), fmt="jsonl", stream=out)
        >>> summary.scored, summary.failed
        (1, [])
    """
    from scorer.outputs import open_output
    from scorer.render import Writer

    started = time.perf_counter()
    if output is not None:
        config = replace(config, exclude=(*config.exclude, Path(output)))
    summary = RunSummary()
    with open_output(output, inputs=paths, stream=stream) as out:
        name, summary.workers, results = score_stream(
            paths, config=config, workers=workers, stdin=stdin
        )
        writer = Writer(fmt, out, color=color)
        writer.start({"schema_version": SCHEMA_VERSION, "classifier": name})
        for item in results:
            if isinstance(item, InputProblem):
                line = item.line()
                (summary.failed if item.fatal else summary.warnings).append(line)
                if report is not None:
                    report(line)
                if progress is not None and item.fatal:
                    progress.advance(1, failed=1)
                continue
            writer.write(article_to_dict(item, classifier=name))
            summary.scored += 1
            summary.sentences += len(item.sentences)
            if progress is not None:
                progress.advance(1, sentences=len(item.sentences))
        writer.finish(summary.failed + summary.warnings)
    summary.seconds = time.perf_counter() - started
    return summary
