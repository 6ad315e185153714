"""Scaling benchmark: `scorer score` on 100 / 1,000 / 10,000 articles, one process vs
`--workers N` vs `--engine ray` (local), sentences/s and peak RSS of the whole process tree.

Usage:
    python bench/scale.py [--sizes 100 1000 10000] [--modes single workers ray]
                          [--out bench/scale.json] [--plot bench/scale.png]

The batch repeats the project's own texts: `examples/article.txt` and the articles of
`eval/gold/written_articles*.jsonl` (sentences joined into paragraphs), each with its own id.
Every run is a fresh `scorer score` command writing JSONL to a temporary file, so times include
start-up (loading spaCy and the model, and starting workers or Ray). Peak RSS is sampled every
0.2 s over the command and all its child processes (Ray's raylet and workers included).
Results are appended to `--out` as they come (a long run can be stopped and resumed: sizes and
modes already measured are skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    out = [(ROOT / "examples" / "article.txt").read_text(encoding="utf-8")]
    for gold in sorted((ROOT / "eval" / "gold").glob("written_articles*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            out.append("\n\n".join(s["text"] for s in article["sentences"]))
    return out


def make_batch(path: Path, articles: int) -> None:
    pool = texts()
    with path.open("w", encoding="utf-8") as handle:
        for i in range(articles):
            handle.write(json.dumps({"id": f"s{i:06d}", "text": pool[i % len(pool)]}) + "\n")


def _tree_rss_mb(pid: int) -> float:
    """RSS of `pid` and all its descendants, from /proc (Linux)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(match.group(1)) if match else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, ValueError):
            continue
    return total / 1024


def run(command: list[str]) -> tuple[float, float, str]:
    """Run `command`; return (seconds, peak tree RSS in MB, stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_mb(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return seconds, peak, stderr


def command(mode: str, batch: Path, out: Path, workers: int) -> list[str]:
    scorer = str(Path(sys.executable).parent / "scorer")
    base = [scorer, "score", str(batch), "-f", "jsonl", "-o"]
    if mode == "single":
        return [*base, str(out), "--workers", "1"]
    if mode == "workers":
        return [*base, str(out), "--workers", str(workers)]
    return [*base, str(out.with_suffix("")), "--engine", "ray", "--workers", str(workers)]


def sentences_in(stderr: str) -> int:
    match = re.search(r"(\d+) sentence\(s\)", stderr)
    if not match:
        raise SystemExit(f"no summary line in:\n{stderr}")
    return int(match.group(1))


def _startups(modes: list[str], tmp: Path, workers: int) -> dict[str, float]:
    """Seconds each mode takes on a one-article batch: loading, starting workers or Ray."""
    one = tmp / "one.jsonl"
    make_batch(one, 1)
    return {m: run(command(m, one, tmp / f"one-{m}.jsonl", workers))[0] for m in modes}


def _same_output(single: Path, ray_dir: Path) -> bool:
    """Whether Ray's part files, in order, hold the single-process output line for line."""
    ray_lines = [
        line
        for part in sorted(ray_dir.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    return ray_lines == single.read_text(encoding="utf-8").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--modes", nargs="+", default=["single", "workers", "ray"])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "scale.json")
    parser.add_argument("--plot", type=Path, default=ROOT / "bench" / "scale.png")
    parser.add_argument(
        "--no-startup",
        action="store_true",
        help="skip timing each mode on one article (the start-up subtracted for steady rates)",
    )
    args = parser.parse_args()
    results = json.loads(args.out.read_text()) if args.out.exists() else []
    done = {(r["articles"], r["mode"]) for r in results}
    with tempfile.TemporaryDirectory() as tmp:
        startup = {} if args.no_startup else _startups(args.modes, Path(tmp), args.workers)
        for size in args.sizes:
            batch = Path(tmp) / f"batch{size}.jsonl"
            make_batch(batch, size)
            for mode in args.modes:
                if (size, mode) in done:
                    continue
                out = Path(tmp) / f"{mode}{size}.jsonl"
                seconds, peak, stderr = run(command(mode, batch, out, args.workers))
                n = sentences_in(stderr)
                row = {
                    "articles": size,
                    "mode": mode,
                    "workers": 1 if mode == "single" else args.workers,
                    "sentences": n,
                    "seconds": round(seconds, 1),
                    "sentences_per_s": round(n / seconds, 1),
                    "ms_per_article": round(1000 * seconds / size, 1),
                    "peak_rss_mb": round(peak),
                }
                if mode in startup:
                    # steady rate: the fixed start-up (one article's run) taken out
                    row["startup_s"] = round(startup[mode], 1)
                    row["steady_sentences_per_s"] = round(n / (seconds - startup[mode]), 1)
                if mode == "ray" and (Path(tmp) / f"single{size}.jsonl").exists():
                    row["identical_to_single"] = _same_output(
                        Path(tmp) / f"single{size}.jsonl", out.with_suffix("")
                    )
                results.append(row)
                args.out.write_text(json.dumps(results, indent=1) + "\n")
                print(json.dumps(row), flush=True)
    plot(results, args.plot)


def plot(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (speed, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for mode in ("single", "workers", "ray"):
        rows = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["articles"])
        if not rows:
            continue
        sizes = [r["articles"] for r in rows]
        speed.plot(sizes, [r["sentences_per_s"] for r in rows], marker="o", label=mode)
        memory.plot(sizes, [r["peak_rss_mb"] for r in rows], marker="o", label=mode)
    for axis, title in ((speed, "sentences/s (start-up included)"), (memory, "peak RSS, MB")):
        axis.set_xscale("log")
        axis.set_xlabel("articles")
        axis.set_title(title)
        axis.grid(alpha=0.3)
        axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
