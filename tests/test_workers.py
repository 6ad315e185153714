"""Scoring on several processes: same output as one process, input order, bounded, robust."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.article import Article
from scorer.classifiers.base import Prediction
from scorer.cli import app
from scorer.pipeline import Scorer, ScoringConfig, read_batches, score_files
from scorer.progress import Progress
from scorer.workers import WorkerPool, resolve_workers

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def _texts() -> list[str]:
    texts = [(ROOT / "examples" / "article.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 articles (three batches of 16), each text several times under different ids."""
    texts = _texts()
    path = tmp_path_factory.mktemp("workers") / "batch.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(40):
            handle.write(json.dumps({"id": f"a{i:02d}", "text": texts[i % len(texts)]}) + "\n")
    return path


def _score(path: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(app, ["score", str(path), "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_two_workers_write_what_one_process_writes(batch: Path) -> None:
    one, _ = _score(batch, "--classifier", "rules", "--workers", "1")
    two, stderr = _score(batch, "--classifier", "rules", "--workers", "2")
    assert two == one
    ids = [json.loads(line)["id"] for line in two.splitlines()]
    assert ids == [f"a{i:02d}" for i in range(40)]  # input order
    assert "2 processes" in stderr


@pytest.mark.slow
def test_two_workers_with_the_model_are_byte_identical(tmp_path: Path) -> None:
    texts = _texts()
    path = tmp_path / "twenty.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"m{i}", "text": texts[i % len(texts)]}) + "\n" for i in range(20)
        ),
        encoding="utf-8",
    )
    one, _ = _score(path, "--workers", "1")
    two, stderr = _score(path, "--workers", "2")
    assert two == one
    assert json.loads(one.splitlines()[0])["classifier"] != "rules"
    assert "2 processes" in stderr


def test_a_single_batch_is_scored_in_process() -> None:
    out = io.StringIO()
    summary = score_files(
        paths=[str(ROOT / "examples" / "article.txt")],
        config=ScoringConfig(classifier="rules"),
        fmt="jsonl",
        stream=out,
        workers=2,
    )
    assert (summary.scored, summary.workers) == (1, 1)


def test_problems_stay_in_place_among_worker_results(batch: Path, tmp_path: Path) -> None:
    paths = [str(batch), str(tmp_path / "missing.txt"), str(batch)]
    config = ScoringConfig(classifier="rules")
    with WorkerPool(config, workers=2, make_scorer=Scorer) as pool:
        items = list(pool.map(read_batches(paths, config=config)))
    expected = list(Scorer(config).score_paths(paths))

    def kinds(results: list) -> list[str]:
        return [r.id if isinstance(r, Article) else r.line() for r in results]

    assert kinds(items) == kinds(expected)
    assert sum(isinstance(r, Article) for r in items) == 80
    assert sum("missing.txt" in k for k in kinds(items)) == 1


def test_worker_pool_reads_ahead_only_a_bounded_window(batch: Path) -> None:
    consumed = 0

    def batches():
        nonlocal consumed
        for item in read_batches([str(batch)] * 10, config=ScoringConfig(batch_articles=4)):
            consumed += 1
            yield item

    with WorkerPool(
        ScoringConfig(classifier="rules", batch_articles=4), workers=2, make_scorer=Scorer
    ) as pool:
        results = pool.map(batches())
        next(results)
        assert consumed <= 2 * 2 + 1  # the window, plus the batch being handed over
    assert consumed < 100


def test_a_worker_that_cannot_load_the_model_fails_with_the_loading_error(
    tmp_path: Path,
) -> None:
    with pytest.raises(Exception, match="can't find a model"):
        WorkerPool(
            ScoringConfig(classifier="model", model_dir=tmp_path / "nowhere"),
            workers=2,
            make_scorer=Scorer,
        )


class _FailsOnMarker:
    """A classifier that breaks on one article's text, like a bug triggered by odd input."""

    name = "fails-on-marker"
    context_size = 2

    def predict(self, items):
        if any("XYZZY" in text for text, _ in items):
            raise RuntimeError("boom on XYZZY")
        return [Prediction("unattributed", 0.9) for _ in items]


def test_one_failing_article_becomes_a_problem_and_the_batch_is_still_scored() -> None:
    scorer = Scorer(ScoringConfig(classifier="rules"), classifier=_FailsOnMarker())
    articles = [
        Article(id="good1", raw="The bridge opened in 1932. It is painted grey.", source="good1"),
        Article(id="bad", raw="The XYZZY plan was announced. It failed.", source="bad"),
        Article(id="good2", raw="Rain is expected on Tuesday. Roads may flood.", source="good2"),
    ]
    results = scorer.score_batch(articles)
    assert [getattr(r, "id", None) for r in results] == ["good1", None, "good2"]
    problem = results[1]
    assert (
        problem.fatal
        and "bad" in problem.line()
        and "RuntimeError: boom on XYZZY" in problem.line()
    )
    assert [s.text for s in results[0].sentences] == [
        "The bridge opened in 1932.",
        "It is painted grey.",
    ]


@pytest.mark.parametrize("value", [-1, -5])
def test_negative_workers_is_a_one_line_error(value: int) -> None:
    result = CliRunner().invoke(
        app, ["score", str(ROOT / "examples" / "article.txt"), "--workers", str(value)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error: --workers must be 0")
    with pytest.raises(ValueError):
        resolve_workers(value)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal(batch: Path) -> None:
    stream = _Terminal()
    with Progress(stream=stream, total=40) as progress:
        score_files(
            paths=[str(batch)],
            config=ScoringConfig(classifier="rules"),
            fmt="jsonl",
            stream=io.StringIO(),
            workers=1,
            progress=progress,
        )
    assert progress.done == 40 and progress.sentences > 40
    drawn = stream.getvalue()
    assert "scoring" in drawn and "40/40" in drawn and "articles/s" in drawn


def test_cli_is_quiet_in_a_pipe_but_for_one_summary_line(batch: Path) -> None:
    _, stderr = _score(batch, "--classifier", "rules", "--workers", "1")
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("scored 40 article(s), ") and "0 failed" in lines[0]
    assert "\x1b[" not in stderr and "━" not in stderr
