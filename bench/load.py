"""A bounded load test of `scorer serve` on loopback: latency percentiles, errors, memory.

Starts `scorer serve` (the shipped model unless told otherwise) on a free port of 127.0.0.1,
sends `--requests` single-article `POST /v1/score` requests, `--concurrency` at a time, cycling
through the articles given (default: the example article), and samples the server's resident
memory (RSS, from /proc) throughout. Prints a Markdown table for bench/README.md.

    python bench/load.py                                  # 500 requests, 8 at a time
    python bench/load.py --workers 2 --articles examples/article.txt ../shared/seeds/*.txt

Nothing leaves the machine: the server binds to 127.0.0.1 and the client only calls it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB, from /proc (None once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def training_running() -> bool:
    """Whether a `scorer train` process shares the machine (it skews every figure)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(w.endswith(b"scorer") for w in words) and b"train" in words:
            return True
    return False


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Sampler(threading.Thread):
    """Samples a process's RSS every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            value = rss_mb(self.pid)
            if value is not None:
                self.samples.append((time.monotonic(), value))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def start_server(args: argparse.Namespace, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-c", "from scorer.cli import app; app()", "serve",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
        "--threads", str(args.threads), "--classifier", args.classifier,
        "--queue-timeout", str(args.queue_timeout),
    ]  # fmt: skip
    env = {**os.environ, "SCORER_TOKEN": ""}
    with log.open("wb") as handle:  # a file, not a pipe: a pipe nobody reads can fill up
        return subprocess.Popen(command, cwd=ROOT, env=env, stderr=handle)


def wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"scorer serve exited:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("scorer serve did not come up in time")


async def run_load(
    url: str, bodies: list[dict[str, str]], requests: int, concurrency: int
) -> tuple[list[float], list[str], list[int]]:
    """(latencies in seconds of the successful requests, error descriptions, sentences)."""
    latencies: list[float] = []
    failures: list[str] = []
    sentences: list[int] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def worker() -> None:
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                started = time.perf_counter()
                try:
                    answer = await client.post("/v1/score", json=bodies[i % len(bodies)])
                except httpx.HTTPError as exc:
                    failures.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = time.perf_counter() - started
                if answer.status_code != 200:
                    failures.append(f"{answer.status_code}: {answer.text[:200]}")
                    continue
                latencies.append(elapsed)
                sentences.append(len(answer.json()["sentences"]))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, failures, sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="scorer serve --workers")
    parser.add_argument("--threads", type=int, default=0, help="scorer serve --threads")
    parser.add_argument("--classifier", default="auto", help="scorer serve --classifier")
    parser.add_argument("--queue-timeout", type=float, default=60.0)
    parser.add_argument("--warmup", type=int, default=8, help="requests before measuring")
    parser.add_argument(
        "--articles", nargs="+", type=Path, default=[ROOT / "examples" / "article.txt"]
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    bodies = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in args.articles]
    training = training_running()
    load_before = os.getloadavg()[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = Path(tempfile.mkstemp(prefix="scorer-serve-", suffix=".log")[1])
    proc = start_server(args, port, log)
    try:
        started = time.monotonic()
        wait_until_up(url, proc, log)
        load_s = time.monotonic() - started
        asyncio.run(run_load(url, bodies, args.warmup, min(args.concurrency, args.warmup)))
        sampler = Sampler(proc.pid)
        sampler.start()
        began = time.perf_counter()
        latencies, failures, sentences = asyncio.run(
            run_load(url, bodies, args.requests, args.concurrency)
        )
        wall = time.perf_counter() - began
        sampler.stop()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    rss = [value for _, value in sampler.samples]
    tenth = max(1, len(rss) // 10)
    figures = {
        "requests": args.requests,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "threads": args.threads,
        "classifier": args.classifier,
        "articles": [p.name for p in args.articles],
        "errors": args.requests - len(latencies),
        "p50_s": round(percentile(latencies, 50), 3),
        "p95_s": round(percentile(latencies, 95), 3),
        "p99_s": round(percentile(latencies, 99), 3),
        "max_s": round(max(latencies), 3) if latencies else None,
        "mean_s": round(statistics.fmean(latencies), 3) if latencies else None,
        "throughput_rps": round(len(latencies) / wall, 2),
        "sentences_per_s": round(sum(sentences) / wall, 1),
        "wall_s": round(wall, 1),
        "startup_s": round(load_s, 1),
        "rss_start_mb": round(rss[0], 1) if rss else None,
        "rss_first_tenth_mb": round(statistics.fmean(rss[:tenth]), 1) if rss else None,
        "rss_last_tenth_mb": round(statistics.fmean(rss[-tenth:]), 1) if rss else None,
        "rss_peak_mb": round(max(rss), 1) if rss else None,
        "rss_samples": len(rss),
        "training_in_background": training,
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }
    if failures:
        print("errors (first 5):", *failures[:5], sep="\n  ", file=sys.stderr)
    print(json.dumps(figures, indent=2))
    print()
    print("| requests | concurrency | workers | errors | p50 | p95 | p99 | max | req/s |"
          " RSS start → peak → end (MB) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {figures['requests']} | {figures['concurrency']} | {figures['workers']} | "
        f"{figures['errors']} | {figures['p50_s']} s | {figures['p95_s']} s | "
        f"{figures['p99_s']} s | {figures['max_s']} s | {figures['throughput_rps']} | "
        f"{figures['rss_start_mb']} → {figures['rss_peak_mb']} → "
        f"{figures['rss_last_tenth_mb']} |"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
