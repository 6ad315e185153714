"""The Ray engine on a local Ray instance with 2 CPUs: same articles as one process, error
rows for bad articles, resumable shards, Parquet in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.pipeline import ScoringConfig

ray = pytest.importorskip("ray", reason="the ray extra is part of .[dev]; CI installs it")
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two JSONL files, 30 articles, one malformed line and a blank line in the second."""
    texts = [(ROOT / "examples" / "article.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    directory = tmp_path_factory.mktemp("ray_in")
    rows = [json.dumps({"id": f"r{i:02d}", "text": texts[i % len(texts)]}) for i in range(30)]
    (directory / "a.jsonl").write_text("\n".join(rows[:18]) + "\n", encoding="utf-8")
    (directory / "b.jsonl").write_text(
        "\n".join(rows[18:24] + ['{"id": "broken", "text": ', ""] + rows[24:]) + "\n",
        encoding="utf-8",
    )
    return directory


def _single_process(inputs: Path) -> str:
    result = CliRunner().invoke(
        app,
        [
            "score",
            str(inputs / "a.jsonl"),
            str(inputs / "b.jsonl"),
            "-f",
            "jsonl",
            "--classifier",
            "rules",
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 1  # the malformed line
    return result.stdout


def _parts(directory: Path, suffix: str = "jsonl") -> list[Path]:
    return sorted(directory.glob(f"part-*.{suffix}"))


def test_ray_writes_what_one_process_writes_with_errors_on_the_side(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "scored"
    result = CliRunner().invoke(
        app,
        [
            "score",
            str(inputs),
            "--engine",
            "ray",
            "-o",
            str(out),
            "--classifier",
            "rules",
            "--shard-size",
            "7",
            "--workers",
            "2",
        ],
    )
    assert result.exit_code == 1, result.output  # one article failed
    assert "30 article(s)" in result.stderr and "1 failed" in result.stderr
    merged = "".join(p.read_text(encoding="utf-8") for p in _parts(out))
    assert merged == _single_process(inputs)
    errors = [
        json.loads(line)
        for p in sorted(out.glob("errors-*.jsonl"))
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    assert len(errors) == 1
    assert errors[0]["source"].endswith("b.jsonl") and "line 7" in errors[0]["reason"]


def test_ray_resumes_only_the_missing_shards(inputs: Path, tmp_path: Path) -> None:
    from scorer.distributed import score_dataset

    out = tmp_path / "resumed"
    config = ScoringConfig(classifier="rules")
    first = score_dataset([str(inputs)], out, config=config, shard_size=10)
    assert (first.shards, first.skipped, first.articles) == (4, 0, 30)
    before = {p.name: p.read_bytes() for p in _parts(out)}
    (out / "part-00001.jsonl").unlink()
    again = score_dataset([str(inputs)], out, config=config, shard_size=10)
    assert (again.skipped, again.articles) == (3, len(before["part-00001.jsonl"].splitlines()))
    assert again.failed == 1  # counted from the errors file of a skipped shard
    assert {p.name: p.read_bytes() for p in _parts(out)} == before
    with pytest.raises(ValueError, match="run over other inputs"):
        score_dataset([str(inputs)], out, config=config, shard_size=5)


def test_ray_reads_and_writes_parquet(inputs: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from scorer.distributed import score_dataset

    rows = [json.loads(line) for line in (inputs / "a.jsonl").read_text().splitlines()[:5]]
    source = tmp_path / "in"
    source.mkdir()
    pq.write_table(pa.Table.from_pylist(rows), source / "articles.parquet")
    out = tmp_path / "pq_out"
    summary = score_dataset(
        [str(source)], out, config=ScoringConfig(classifier="rules"), fmt="parquet"
    )
    assert (summary.articles, summary.failed) == (5, 0)
    table = pq.read_table(_parts(out, "parquet")[0])
    assert table.column("id").to_pylist() == [r["id"] for r in rows]
    article = json.loads(table.column("article")[0].as_py())
    assert article["sentences"] and article["profile"]["score"] == table.column("score")[0].as_py()


def test_ray_refuses_inputs_it_cannot_shard(tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("Officials said the dam is safe.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["score", str(text), "--engine", "ray", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and ".jsonl and .parquet" in result.stderr
    result = CliRunner().invoke(app, ["score", str(text), "--engine", "ray"])
    assert result.exit_code == 2 and "-o DIR" in result.stderr
