"""The `scorer` command line: thin wrappers that parse options and call the library."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import typer

from scorer import errors
from scorer.render import Format

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Sourcing labels, citation chains and sourcing scores for news articles.",
)


# Options shared by `score` and `triage`.
PUBLISHER_OPTION = typer.Option(None, help="Publisher of every input (overrides metadata).")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="Write here instead of stdout.")
MODEL_OPTION = typer.Option(None, help="Model directory (default: the shipped model).")
CLASSIFIER_OPTION = typer.Option(
    "auto",
    help="A registered classifier: auto (the model if installed), transformer (alias model), "
    "onnx (int8, `fast` extra), rules, or a plugin's; `scorer classifiers` lists them.",
)
OUTLETS_OPTION = typer.Option(None, help="Extra outlets CSV: name,aliases,domains,country,kind.")
PRECISION_OPTION = typer.Option(
    "int8", help="The model's inference precision: int8 (faster on CPU) or fp32."
)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def score(
    paths: list[str] = typer.Argument(
        ..., help="Files (.txt, .html, .htm, .jsonl), directories, or - for stdin."
    ),
    format: Format = typer.Option(Format.TABLE, "--format", "-f", help="Output format."),
    publisher: str | None = PUBLISHER_OPTION,
    output: Path | None = OUTPUT_OPTION,
    model: Path | None = MODEL_OPTION,
    classifier: str = CLASSIFIER_OPTION,
    precision: str = PRECISION_OPTION,
    outlets: Path | None = OUTLETS_OPTION,
    max_mb: float = typer.Option(10.0, help="Refuse single articles larger than this many MB."),
    workers: int = typer.Option(
        0,
        help="Processes that score in parallel; 0: one per core (a single batch of up to 16 "
        "articles is always scored in one process). The output is the same for any number.",
    ),
    engine: str = typer.Option(
        "local",
        help="local (this machine, --workers processes) or ray (Ray Data: JSONL/Parquet inputs, "
        "shards written into the -o directory, resumable; needs the `ray` extra).",
    ),
    address: str | None = typer.Option(
        None, help="With --engine ray: a running cluster (auto, or ray://host:10001)."
    ),
    shard_size: int = typer.Option(
        0,
        help="With --engine ray: articles per output shard (the unit of resumption and of "
        "parallel work); 0: about 64 shards of 16 to 1,000 articles.",
    ),
) -> None:
    """Label every sentence, extract citation chains and profile each article."""
    from scorer.pipeline import ScoringConfig, score_files
    from scorer.progress import Progress, estimate_articles, is_terminal

    if engine not in ("local", "ray"):
        _fail(errors.E_BAD_CHOICE.format(field="--engine", choices="local, ray", value=engine))
    if engine == "ray":
        _score_on_ray(
            paths,
            output=output,
            fmt=format,
            address=address,
            workers=workers,
            shard_size=shard_size,
            classifier=classifier,
            model=model,
            precision=precision,
            publisher=publisher,
            outlets=outlets,
            max_mb=max_mb,
        )
        return
    if format is Format.PARQUET:
        _fail(errors.E_PARQUET_LOCAL)

    if not math.isfinite(max_mb) or max_mb <= 0:
        _fail(errors.E_MAX_MB.format(field="--max-mb", value=max_mb))
    try:
        config = ScoringConfig(
            classifier=classifier,
            model_dir=model,
            precision=precision,
            publisher=publisher,
            outlets_csv=outlets,
            max_mb=max_mb,
        )
        total = estimate_articles(paths) if is_terminal(sys.stderr) else None
        with Progress(stream=sys.stderr, total=total) as progress:
            summary = score_files(
                paths=paths,
                config=config,
                fmt=format.value,
                output=output,
                stream=sys.stdout,
                report=progress.print,
                color=output is None and format is Format.TABLE and sys.stdout.isatty(),
                workers=workers,
                progress=progress,
            )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        message = errors.E_INTERRUPTED_FILE if output else errors.E_INTERRUPTED_STDOUT
        typer.echo(message.format(done=progress.done, output=output), err=True)
        raise typer.Exit(130) from None
    typer.echo(summary.line() + (f"; wrote {output}" if output else ""), err=True)
    if summary.failed:
        raise typer.Exit(1)


def _score_on_ray(
    paths: list[str],
    *,
    output: Path | None,
    fmt: Format,
    address: str | None,
    workers: int,
    shard_size: int,
    **settings,
) -> None:
    from scorer.pipeline import ScoringConfig
    from scorer.progress import Progress, estimate_articles, is_terminal

    if output is None:
        _fail(errors.E_RAY_NEEDS_OUTPUT)
    shards = "jsonl" if fmt in (Format.TABLE, Format.JSONL) else fmt.value
    if shards not in ("jsonl", "parquet"):
        _fail(
            errors.E_BAD_CHOICE.format(field="--format", choices="jsonl, parquet", value=fmt.value)
        )
    try:
        from scorer.distributed import score_dataset
    except ImportError:
        _fail(errors.E_RAY_MISSING)
    try:
        config = ScoringConfig(
            classifier=settings["classifier"],
            model_dir=settings["model"],
            precision=settings["precision"],
            publisher=settings["publisher"],
            outlets_csv=settings["outlets"],
            max_mb=settings["max_mb"],
        )
        total = estimate_articles(paths) if is_terminal(sys.stderr) else None
        with Progress(stream=sys.stderr, total=total) as progress:
            summary = score_dataset(
                paths,
                output,
                config=config,
                fmt=shards,
                address=address,
                actors=workers,
                shard_size=shard_size,
                progress=progress,
            )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        typer.echo(errors.E_RAY_INTERRUPTED.format(output=output), err=True)
        raise typer.Exit(130) from None
    for line in summary.problems:
        typer.echo(line, err=True)
    typer.echo(summary.line(), err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def classifiers() -> None:
    """List the classifiers `--classifier` accepts: built-ins and installed plugins."""
    from scorer.classifiers.registry import describe

    for name, summary in describe().items():
        typer.echo(f"{name:<12} {summary}")


@app.command()
def train(
    data: list[Path] = typer.Argument(
        ...,
        help="Training data: JSONL/CSV (text, label, optional context) or a datasets directory.",
    ),
    output: Path = typer.Option(
        Path("runs/model"), "--output", "-o", help="Model directory to write."
    ),
    dev: list[Path] = typer.Option([], help="Held-out data to report at the end (repeatable)."),
    epochs: float = typer.Option(2.0, help="Passes over the data."),
    batch_size: int = typer.Option(32, help="Examples per step."),
    learning_rate: float = typer.Option(6e-5, help="Peak learning rate."),
    max_length: int = typer.Option(112, help="Tokens for sentence + context."),
    seed: int = typer.Option(13, help="Random seed."),
    save_steps: int = typer.Option(200, help="Checkpoint every N steps (resumable)."),
    no_resume: bool = typer.Option(False, "--no-resume", help="Ignore an existing checkpoint."),
    overwrite: bool = typer.Option(
        False,
        "--overwrite",
        help="Delete the output directory's checkpoint and start afresh; without it, a "
        "checkpoint of another run (other data or settings) is refused.",
    ),
    max_steps: int = typer.Option(0, help="Stop after N steps (0: no limit)."),
    device: str = typer.Option("auto", help="auto, cpu or cuda."),
    max_per_label: int = typer.Option(
        5000, help="Cap examples per label, shared fairly between origins (seeded; 0: all)."
    ),
    context_swap: float = typer.Option(
        0.5, help="Share of context-free examples repeated with a foreign context."
    ),
    init_model: Path | None = typer.Option(
        None, help="Start from this trained model directory instead of the packaged base."
    ),
) -> None:
    """Fine-tune the sentence classifier on labelled data, offline, from the packaged base."""
    from scorer.train import TrainingConfig
    from scorer.train import train as run_training

    try:
        config = TrainingConfig(
            train_files=data,
            output_dir=output,
            dev_files=dev,
            epochs=epochs,
            batch_size=batch_size,
            learning_rate=learning_rate,
            max_length=max_length,
            seed=seed,
            save_steps=save_steps,
            resume=not no_resume,
            overwrite=overwrite,
            max_steps=max_steps,
            device=device,
            max_per_label=max_per_label,
            context_swap=context_swap,
            init_model=init_model,
        )
        run_training(config=config, log=lambda line: typer.echo(line, err=True))
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))


@app.command(name="eval")
def evaluate(
    gold: Path = typer.Option(..., help="Gold file in the seeds.jsonl format."),
    model: Path | None = MODEL_OPTION,
    predictions: Path | None = typer.Option(None, help="Write one JSON line per scored sentence."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    precision: str = PRECISION_OPTION,
) -> None:
    """Per-class precision/recall/F1, macro-F1, accuracy, confusion matrix; model and rules."""
    from scorer.evaluate import run_eval

    if format not in ("table", "json"):
        _fail(errors.E_BAD_CHOICE.format(field="--format", choices="table, json", value=format))
    from scorer.progress import Progress

    try:
        with Progress(stream=sys.stderr, unit="classifiers", description="evaluating") as progress:
            run_eval(
                gold=gold,
                model_dir=model,
                predictions=predictions,
                fmt=format,
                stream=sys.stdout,
                precision=precision,
                progress=progress,
            )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))
    typer.echo(progress.summary(), err=True)


@app.command()
def triage(
    paths: list[str] = typer.Argument(
        ..., help="Files (.txt, .html, .htm, .jsonl), directories, or - for stdin."
    ),
    format: str = typer.Option("table", "--format", "-f", help="table, json, csv or html."),
    output: Path | None = OUTPUT_OPTION,
    fail_over: float | None = typer.Option(
        None,
        "--fail-over",
        help="Exit with code 3 if any article's priority is at least this (0-100).",
    ),
    publisher: str | None = PUBLISHER_OPTION,
    model: Path | None = MODEL_OPTION,
    classifier: str = CLASSIFIER_OPTION,
    precision: str = PRECISION_OPTION,
    outlets: Path | None = OUTLETS_OPTION,
    story_threshold: float = typer.Option(
        0.55, help="Cosine similarity that makes two articles one story."
    ),
    link_threshold: float = typer.Option(
        0.6, help="Similarity that confirms a chain hop continues into a batch article."
    ),
) -> None:
    """Rank a batch for a fact-checking desk: priorities, reasons, claims, stories, links."""
    from scorer.pipeline import ScoringConfig
    from scorer.report import TriageFormat, triage_files
    from scorer.triage import TriageConfig

    if format not in [f.value for f in TriageFormat]:
        _fail(
            errors.E_BAD_CHOICE.format(
                field="--format", choices="table, json, csv, html", value=format
            )
        )
    try:
        result = triage_files(
            paths=paths,
            fmt=format,
            output=output,
            color=output is None and sys.stdout.isatty(),
            config=TriageConfig(story_threshold=story_threshold, link_threshold=link_threshold),
            scoring=ScoringConfig(
                classifier=classifier,
                model_dir=model,
                precision=precision,
                publisher=publisher,
                outlets_csv=outlets,
            ),
            report=lambda line: typer.echo(line, err=True),
        )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        typer.echo(errors.E_TRIAGE_INTERRUPTED.format(output=output or "stdout"), err=True)
        raise typer.Exit(130) from None
    if output:
        typer.echo(f"wrote {len(result.articles)} article(s) to {output}", err=True)
    if fail_over is not None and result.over(fail_over):
        typer.echo(
            f"{len(result.over(fail_over))} article(s) at priority {fail_over:g} or more", err=True
        )
        raise typer.Exit(3)
    if any(p.startswith("error") for p in result.problems):
        raise typer.Exit(1)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind (default: this machine only)."),
    port: int = typer.Option(8000, help="TCP port."),
    workers: int = typer.Option(1, help="Scoring workers, each with its own loaded model."),
    threads: int = typer.Option(
        0, help="Torch threads per worker; 0: the available cores shared among the workers."
    ),
    max_batch: int = typer.Option(100, help="Articles one batch or triage request may hold."),
    max_mb: float = typer.Option(10.0, help="Refuse single articles larger than this many MB."),
    max_batch_mb: float = typer.Option(50.0, help="Refuse batch bodies larger than this many MB."),
    queue_timeout: float = typer.Option(
        30.0, help="Seconds a request may wait for a free worker before it gets 503."
    ),
    token: str | None = typer.Option(
        None,
        envvar="SCORER_TOKEN",
        help="Bearer token every /v1 request must carry (default: $SCORER_TOKEN; none: open).",
        show_envvar=False,
    ),
    model: Path | None = MODEL_OPTION,
    classifier: str = CLASSIFIER_OPTION,
    precision: str = PRECISION_OPTION,
    outlets: Path | None = OUTLETS_OPTION,
) -> None:
    """Serve the scorer over HTTP for a desk, with a web page at / (needs the serve extra)."""
    from scorer.pipeline import ScoringConfig
    from scorer.serve.config import ServeConfig, check_extra

    try:
        check_extra()
        from scorer.serve.app import serve as run_server

        config = ServeConfig(
            scoring=ScoringConfig(
                classifier=classifier,
                model_dir=model,
                precision=precision,
                outlets_csv=outlets,
                max_mb=max_mb,
            ),
            host=host,
            port=port,
            workers=workers,
            threads=threads,
            max_batch=max_batch,
            max_batch_mb=max_batch_mb,
            queue_timeout=queue_timeout,
            token=token or None,
        )
        run_server(config, log_line=lambda line: typer.echo(line, err=True))
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))


def main() -> None:  # pragma: no cover
    app()
