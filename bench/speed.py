"""Speed benchmark: classification alone, end-to-end `scorer score`, and the fp32 base encoder.

Usage:
    python bench/speed.py [--articles 200] [--model models/sourcing-minilm] [--onnx]

It builds a large batch from the project's example article and the seeds in ../shared/seeds
(repeated with a varying id), then reports sentences per second for:
  1. classification alone (the shipped model on (sentence, context) pairs, PyTorch, with the
     default int8 dynamic quantisation and in fp32);
  2. the same with ONNX Runtime int8 (with --onnx, if onnxruntime is installed);
  3. a plain fp32 PyTorch forward pass of the base encoder over the same pairs (the target);
  4. end-to-end scoring (read, clean, segment, classify, chains, profile) of the whole batch,
     with the default settings;
and the peak resident memory of the process. Timings go to stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _batch(articles: int, directory: Path) -> Path:
    texts = [(ROOT / "examples" / "article.txt").read_text()]
    seeds = ROOT.parent / "shared" / "seeds"
    texts += [p.read_text() for p in sorted(seeds.glob("*.txt"))] if seeds.exists() else []
    path = directory / "batch.jsonl"
    with path.open("w") as handle:
        for i in range(articles):
            handle.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--onnx", action="store_true")
    parser.add_argument(
        "--workers", type=int, default=2, help="also time end-to-end on this many processes"
    )
    args = parser.parse_args()

    import torch

    from scorer import Scorer, ScoringConfig
    from scorer.classifiers.onnx import OnnxClassifier
    from scorer.classifiers.registry import load as load_classifier
    from scorer.classifiers.transformer import base_model_dir

    with tempfile.TemporaryDirectory() as tmp:
        batch = _batch(args.articles, Path(tmp))
        classifier = load_classifier("model", args.model)
        scorer = Scorer(
            ScoringConfig(classifier="model", model_dir=args.model), classifier=classifier
        )
        started = time.perf_counter()
        articles = [a for a in scorer.score_paths([str(batch)]) if hasattr(a, "sentences")]
        end_to_end = time.perf_counter() - started
        items = [(s.text, s.context) for a in articles for s in a.sentences]
        n = len(items)
        print(
            f"batch: {len(articles)} articles, {n} sentences, "
            f"torch threads {torch.get_num_threads()}"
        )
        print(f"end-to-end scorer score: {n / end_to_end:8.1f} sentences/s ({end_to_end:.1f} s)")
        if args.workers > 1:
            from scorer.pipeline import read_batches
            from scorer.workers import WorkerPool

            config = ScoringConfig(classifier="model", model_dir=args.model)
            # the pool is started (models loaded) before the clock starts
            with WorkerPool(config, workers=args.workers, make_scorer=Scorer) as pool:
                started = time.perf_counter()
                scored = [
                    a
                    for a in pool.map(read_batches([str(batch)], config=config))
                    if hasattr(a, "sentences")
                ]
                parallel = time.perf_counter() - started
            assert sum(len(a.sentences) for a in scored) == n
            print(
                f"end-to-end on {args.workers} worker processes: {n / parallel:8.1f} sentences/s "
                f"({parallel:.1f} s; {end_to_end / parallel:.2f}x one process)"
            )

        started = time.perf_counter()
        classifier.predict(items)
        alone = time.perf_counter() - started
        print(f"classification alone (PyTorch int8, default): {n / alone:8.1f} sentences/s")
        if args.workers > 1:
            print(
                f"  end-to-end on {args.workers} workers / classification alone: "
                f"{(n / parallel) / (n / alone):.2f}"
            )

        fp32 = load_classifier("model", args.model, precision="fp32")
        started = time.perf_counter()
        fp32.predict(items)
        alone = time.perf_counter() - started
        print(f"classification alone (PyTorch fp32): {n / alone:8.1f} sentences/s")

        if args.onnx:
            onnx = OnnxClassifier.load(args.model)
            onnx.predict(items[:32])
            started = time.perf_counter()
            onnx.predict(items)
            took = time.perf_counter() - started
            print(f"classification alone (ONNX int8): {n / took:8.1f} sentences/s")

        from transformers import AutoModel, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
        encoder = AutoModel.from_pretrained(base_model_dir(), local_files_only=True).eval()
        started = time.perf_counter()
        with torch.inference_mode():
            for i in range(0, n, 32):
                chunk = items[i : i + 32]
                encoded = tokenizer(
                    [t for t, _ in chunk],
                    [c for _, c in chunk],
                    truncation=True,
                    max_length=128,
                    padding=True,
                    return_tensors="pt",
                )
                encoder(**encoded)
        base = time.perf_counter() - started
        print(f"base encoder fp32 forward (unsorted batches of 32): {n / base:8.1f} sentences/s")
        print(f"peak memory: {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
