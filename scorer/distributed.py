"""Scoring an archive on Ray: shards of JSONL or Parquet, an actor pool, resumable outputs.

The driver plans shards (`shard_size` consecutive articles of one input file), Ray Data reads
each pending shard, an actor pool scores it (each actor loads the scorer once), and the
driver writes each shard's articles to ``part-NNNNN.jsonl`` (or ``.parquet``) and its failed
articles to ``errors-NNNNN.jsonl``, each file moved into place only when complete. Re-running
with the same output directory skips the shards already written, so an interrupted job
resumes where it stopped.

A JSONL shard is read with the reader `scorer score` uses (`scorer.io.read_jsonl_lines`), so
an article scores exactly as it does in one process: same id, same source (``file:line``),
same output line; a malformed line becomes an error row instead of failing the whole read,
as `ray.data.read_json` would. Parquet inputs are read with `ray.data.read_parquet`, one
shard per file; their rows need a `text` or `html` column (`id`, `publisher`, `url`, `title`
optional).

Example (a local Ray instance starts inside the call):
    >>> from scorer.pipeline import ScoringConfig
    >>> summary = score_dataset(["archive/"], "scored/", config=ScoringConfig())  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scorer import errors
from scorer.io import InputProblem, read_jsonl_lines
from scorer.pipeline import SCHEMA_VERSION, Scorer, ScoringConfig, article_to_dict

FORMATS = ("jsonl", "parquet")
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Shard:
    """Consecutive articles of one input file: JSONL lines [first, last] or a Parquet file."""

    index: int
    path: str
    kind: str  # "jsonl" or "parquet"
    first: int = 0  # first line (1-based) of a JSONL shard
    offset: int = 0  # its byte offset
    length: int = 0  # its length in bytes

    @property
    def name(self) -> str:
        return f"{self.index:05d}"


@dataclass
class DistributedSummary:
    """What one `score_dataset` run did."""

    output: str
    shards: int = 0
    skipped: int = 0  # shards already written by an earlier run
    articles: int = 0
    sentences: int = 0
    failed: int = 0
    seconds: float = 0.0
    actors: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        rate = self.sentences / self.seconds if self.seconds > 0 else 0.0
        return (
            f"ray: scored {self.articles} article(s), {self.sentences} sentence(s), "
            f"{self.failed} failed, {self.shards - self.skipped} shard(s) written, "
            f"{self.skipped} already done, in {self.seconds:.1f} s ({rate:.1f} sentences/s, "
            f"{self.actors} actor(s)); output in {self.output}"
        )


def _input_files(inputs: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".parquet")
            )
            if not found:
                raise errors.InputError(name, errors.E_RAY_NO_INPUT)
            files.extend(found)
        elif path.is_file() and path.suffix in (".jsonl", ".parquet"):
            files.append(path)
        elif path.exists():
            raise errors.InputError(name, errors.E_RAY_NO_INPUT)
        else:
            raise errors.InputError(name, errors.E_MISSING_PATH)
    return files


def _jsonl_shard(index: int, path: Path, first: int, start: int, end: int) -> Shard:
    return Shard(index, str(path), "jsonl", first, start, end - start)


def plan_shards(inputs: list[str], *, shard_size: int) -> list[Shard]:
    """Cut the inputs into shards of `shard_size` articles (non-blank JSONL lines).

    Only byte offsets are recorded: the driver scans each file once and never parses it.
    """
    shards: list[Shard] = []
    for path in _input_files(inputs):
        if path.suffix == ".parquet":
            shards.append(Shard(len(shards), str(path), "parquet"))
            continue
        with path.open("rb") as handle:
            start_offset, start_line, count, offset = 0, 1, 0, 0
            for number, line in enumerate(handle, start=1):
                if count == 0:
                    start_offset, start_line = offset, number
                offset += len(line)
                count += bool(line.strip())
                if count == shard_size:
                    shards.append(_jsonl_shard(len(shards), path, start_line, start_offset, offset))
                    count = 0
            if count:
                shards.append(_jsonl_shard(len(shards), path, start_line, start_offset, offset))
    return shards


def _auto_shards(inputs: list[str]) -> list[Shard]:
    """Shards sized from the input alone (about 64, of 16 to 1,000 articles), in one scan:
    plan shards of 16, then join runs of consecutive ones of the same file."""
    base = plan_shards(inputs, shard_size=16)
    join = max(1, min(1000 // 16, -(-len(base) // 64)))
    shards: list[Shard] = []
    run: list[Shard] = []

    def close() -> None:
        if run:
            first = run[0]
            length = sum(s.length for s in run)
            shards.append(
                Shard(len(shards), first.path, first.kind, first.first, first.offset, length)
            )
            run.clear()

    for shard in base:
        if shard.kind == "parquet" or (run and (shard.path != run[0].path or len(run) == join)):
            close()
        if shard.kind == "parquet":
            shards.append(Shard(len(shards), shard.path, "parquet"))
        else:
            run.append(shard)
    close()
    return shards


def _fingerprint(shards: list[Shard], config: ScoringConfig) -> str:
    digest = hashlib.sha256()
    for shard in shards:
        path = Path(shard.path)
        stat = path.stat()
        digest.update(json.dumps([asdict(shard), stat.st_size, stat.st_mtime_ns]).encode())
    digest.update(repr(config).encode())
    return digest.hexdigest()


class _ScoreShard:
    """A Ray actor: loads the scorer once, scores one shard per call."""

    def __init__(self, config: ScoringConfig, threads: int) -> None:
        import torch

        torch.set_num_threads(threads)
        self.scorer = Scorer(config)
        self.name = self.scorer.classifier.name

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        out: dict[str, list] = {"shard": [], "kind": [], "payload": []}
        for position in range(len(batch["shard"])):
            shard = Shard(**json.loads(str(batch["shard"][position])))
            for kind, payload in self._score(shard):
                out["shard"].append(shard.index)
                out["kind"].append(kind)
                out["payload"].append(payload)
        return out

    def _articles(self, shard: Shard) -> Iterator[Any]:
        if shard.kind == "parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(shard.path)
            for number, row in enumerate(table.to_pylist(), start=1):
                yield from read_jsonl_lines(
                    [json.dumps(row, default=str) + "\n"],
                    source=shard.path,
                    start=number,
                    max_mb=self.scorer.config.max_mb,
                )
            return
        with open(shard.path, "rb") as handle:
            handle.seek(shard.offset)
            data = handle.read(shard.length)
        lines = data.decode("utf-8", errors="surrogateescape").splitlines(keepends=True)
        yield from read_jsonl_lines(
            lines, source=shard.path, start=shard.first, max_mb=self.scorer.config.max_mb
        )

    def _score(self, shard: Shard) -> Iterator[tuple[str, str]]:
        batch_size = self.scorer.config.batch_articles
        pending: list[Any] = []

        def flush() -> Iterator[tuple[str, str]]:
            for item in self.scorer.score_batch(pending):
                yield _row(item, self.name)
            pending.clear()

        for item in self._articles(shard):
            if isinstance(item, InputProblem):
                yield from flush()
                yield _row(item, self.name)
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


def _row(item: Any, classifier: str) -> tuple[str, str]:
    if isinstance(item, InputProblem):
        kind = "error" if item.fatal else "warning"
        return kind, json.dumps({"source": item.source, "reason": item.message})
    article = article_to_dict(item, classifier=classifier)
    return "article", json.dumps(article, ensure_ascii=False)


def _write_atomic(path: Path, write: Any) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_shard(directory: Path, shard: Shard, rows: list[tuple[str, str]], fmt: str) -> None:
    articles = [payload for kind, payload in rows if kind == "article"]
    problems = [payload for kind, payload in rows if kind != "article"]

    def write_errors(temp: Path) -> None:
        temp.write_text("".join(p + "\n" for p in problems), encoding="utf-8")

    # The errors file first: a part file on disk means the whole shard is done.
    _write_atomic(directory / f"errors-{shard.name}.jsonl", write_errors)
    if fmt == "jsonl":

        def write_part(temp: Path) -> None:
            temp.write_text("".join(a + "\n" for a in articles), encoding="utf-8")

    else:

        def write_part(temp: Path) -> None:
            import pyarrow as pa
            import pyarrow.parquet as pq

            parsed = [json.loads(a) for a in articles]
            table = pa.table(
                {
                    "id": [a["id"] for a in parsed],
                    "source": [a["source"] for a in parsed],
                    "score": [a["profile"].get("score") for a in parsed],
                    "article": articles,
                }
            )
            pq.write_table(table, temp)

    _write_atomic(directory / f"part-{shard.name}.{fmt}", write_part)


def score_dataset(
    inputs: list[str],
    output: Path | str,
    *,
    config: ScoringConfig | None = None,
    fmt: str = "jsonl",
    address: str | None = None,
    actors: int = 0,
    shard_size: int = 0,
    num_cpus: int | None = None,
    progress: Any = None,
) -> DistributedSummary:
    """Score JSONL/Parquet `inputs` on Ray into shards under the directory `output`.

    Args:
        inputs: JSONL or Parquet files, or directories holding them.
        output: a directory; created if missing. Holding shards of an earlier run over the
            same inputs and settings, only the missing shards are scored.
        config: scoring settings (classifier, model, publisher…).
        fmt: "jsonl" (one article object per line, as `scorer score -f jsonl`) or "parquet"
            (columns id, source, score and article, the article object as JSON text).
        address: a running Ray cluster ("auto" on one of its nodes, or "ray://host:10001");
            None starts a local Ray instance for the call.
        actors: scoring actors (each loads the model once); 0: one per CPU Ray has.
        shard_size: articles per output shard (the unit of resumption and of parallel
            work); 0 (default): from the input's size alone, so that a rerun plans the same
            shards: about 64 shards, between 16 and 1,000 articles each.
        num_cpus: CPUs of the local instance (None: all); ignored with `address`.
        progress: a `scorer.progress.Progress`, advanced per shard's articles.

    Returns:
        What was done; errors (failed articles) are in ``errors-*.jsonl`` and counted.
    """
    _require_ray()
    config = config or ScoringConfig()
    if fmt not in FORMATS:
        raise errors.ConfigError(
            errors.E_BAD_CHOICE.format(field="--format", choices=", ".join(FORMATS), value=fmt)
        )
    if shard_size < 0:
        raise errors.ConfigError("shard_size must be 0 (automatic) or a positive number")
    started = time.perf_counter()
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise errors.ConfigError(errors.E_RAY_OUTPUT.format(output=directory))
    directory.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(inputs, shard_size=shard_size) if shard_size else _auto_shards(inputs)
    fingerprint = _fingerprint(shards, config)
    manifest_path = directory / MANIFEST
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") != fingerprint:
            raise errors.ConfigError(errors.E_RAY_OTHER_RUN.format(output=directory))
    else:
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": fingerprint,
            "format": fmt,
            "shard_size": shard_size,
            "shards": [asdict(s) for s in shards],
        }
        _write_atomic(
            manifest_path, lambda t: t.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        )
    done = {s.index for s in shards if (directory / f"part-{s.name}.{fmt}").exists()}
    pending = [s for s in shards if s.index not in done]
    summary = DistributedSummary(output=str(directory), shards=len(shards), skipped=len(done))
    for shard in shards:
        if shard.index in done:
            summary.failed += _count_lines(directory / f"errors-{shard.name}.jsonl", "error")
    if pending:
        _run(pending, directory, config, fmt, address, actors, num_cpus, summary, progress)
    summary.seconds = time.perf_counter() - started
    return summary


def _require_ray() -> None:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        raise errors.ConfigError(errors.E_RAY_MISSING) from None


def _count_lines(path: Path, kind: str) -> int:
    if not path.exists():
        return 0
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def _run(
    pending: list[Shard],
    directory: Path,
    config: ScoringConfig,
    fmt: str,
    address: str | None,
    actors: int,
    num_cpus: int | None,
    summary: DistributedSummary,
    progress: Any,
) -> None:
    import logging

    import ray

    for name in ("ray", "ray.data"):  # Ray's own warnings are for Ray developers, not users
        logging.getLogger(name).setLevel(logging.ERROR)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=None if address else num_cpus,
            include_dashboard=False,
            log_to_driver=False,
            logging_level="ERROR",
            configure_logging=True,
        )
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        summary.actors = actors or min(cpus, len(pending))
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        threads = max(1, cpus // summary.actors) if not address else 1
        dataset = ray.data.from_items(
            [{"shard": json.dumps(asdict(s))} for s in pending], override_num_blocks=len(pending)
        ).map_batches(
            _ScoreShard,
            fn_constructor_args=(config, threads),
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=summary.actors),
            num_cpus=threads,
        )
        by_index = {s.index: s for s in pending}
        current: int | None = None
        rows: list[tuple[str, str]] = []

        def finish() -> None:
            shard = by_index[current]
            _write_shard(directory, shard, rows, fmt)
            articles = [json.loads(p) for k, p in rows if k == "article"]
            failed = sum(k == "error" for k, _ in rows)
            summary.articles += len(articles)
            summary.sentences += sum(len(a["sentences"]) for a in articles)
            summary.failed += failed
            summary.problems.extend(
                f"{k}: {json.loads(p)['source']}: {json.loads(p)['reason']}"
                for k, p in rows
                if k != "article"
            )
            if progress is not None:
                progress.advance(len(articles) + failed, failed=failed)
            written.add(current)

        written: set[int] = set()
        for row in dataset.iter_rows():
            index = int(row["shard"])
            if current is not None and index != current:
                finish()
                rows = []
            current = index
            rows.append((str(row["kind"]), str(row["payload"])))
        if current is not None:
            finish()
        for shard in pending:  # a shard whose every line was blank
            if shard.index not in written:
                current, rows = shard.index, []
                finish()
    finally:
        if started_here:
            ray.shutdown()
