"""The `scorer` command line: thin wrappers that parse options and call the library."""

from __future__ import annotations

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
) -> None:
    """Label every sentence, extract citation chains and profile each article."""
    from scorer.pipeline import ScoringConfig, score_files

    try:
        config = ScoringConfig(
            classifier=classifier,
            model_dir=model,
            precision=precision,
            publisher=publisher,
            outlets_csv=outlets,
            max_mb=max_mb,
        )
        summary = score_files(
            paths=paths,
            config=config,
            fmt=format.value,
            output=output,
            stream=sys.stdout,
            report=lambda line: typer.echo(line, err=True),
            color=output is None and format is Format.TABLE and sys.stdout.isatty(),
        )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))
        return
    if output:
        typer.echo(f"wrote {summary.scored} article(s) to {output}", err=True)
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
    try:
        run_eval(
            gold=gold,
            model_dir=model,
            predictions=predictions,
            fmt=format,
            stream=sys.stdout,
            precision=precision,
        )
    except (errors.ScorerError, ValueError, OSError) as exc:
        _fail(str(exc))


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
    if output:
        typer.echo(f"wrote {len(result.articles)} article(s) to {output}", err=True)
    if fail_over is not None and result.over(fail_over):
        typer.echo(
            f"{len(result.over(fail_over))} article(s) at priority {fail_over:g} or more", err=True
        )
        raise typer.Exit(3)
    if any(p.startswith("error") for p in result.problems):
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()
