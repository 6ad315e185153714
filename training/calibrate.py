"""Temperature scaling of the classifier's confidence, fitted on the real-news dev split.

Desks sort by confidence, so it should mean what it says: of the sentences labelled with
confidence 0.8, about 80% should be right. One temperature T divides the logits before the
softmax (Guo et al., 2017); it changes no label, only the confidence. T is fitted by minimising
the negative log-likelihood on held-out gold, written to the model's `scorer.json`, and the
expected calibration error (ECE, 15 equal-width bins of top-label confidence) is reported before
and after, with a reliability diagram.

Usage:
    python -m training.realnews.corpus gold --split dev --out /tmp/realnews_dev.jsonl
    python -m training.calibrate runs/model --gold /tmp/realnews_dev.jsonl \\
        --plot models/sourcing-minilm/reliability.png
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar

from scorer.classifiers.transformer import TransformerClassifier
from scorer.evaluate import read_gold

BINS = 15


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, bins: int = BINS
) -> float:
    """ECE: the bin-size-weighted mean |accuracy - mean confidence| over equal-width bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return float(ece)


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The T > 0 minimising the mean negative log-likelihood of `gold` under softmax(logits/T)."""

    def nll(log_t: float) -> float:
        z = logits / np.exp(log_t)
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(gold)), gold].mean())

    result = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(result.x))


@dataclass
class Calibration:
    temperature: float
    ece_before: float
    ece_after: float
    n: int


def calibrate(model_dir: Path, gold: Path, plot: Path | None = None) -> Calibration:
    """Fit T on `gold`, write it to `model_dir/scorer.json`, optionally draw the diagram."""
    clf = TransformerClassifier.load(model_dir)
    clf.meta.pop("temperature", None)
    sentences = read_gold(gold, clf.context_sentences)
    probs = clf.probabilities([(s.text, s.context) for s in sentences])
    index = {label: i for i, label in enumerate(clf.labels)}
    y = np.array([index[s.label] for s in sentences])
    logits = np.log(np.clip(probs, 1e-12, 1.0))  # log-softmax: logits up to a constant per row
    t = fit_temperature(logits, y)
    scaled = np.exp(logits / t)
    scaled /= scaled.sum(axis=1, keepdims=True)
    before = expected_calibration_error(probs.max(axis=1), probs.argmax(axis=1) == y)
    after = expected_calibration_error(scaled.max(axis=1), scaled.argmax(axis=1) == y)
    meta_path = model_dir / "scorer.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    meta["temperature"] = round(t, 4)
    meta["calibration"] = {
        "gold": gold.name,
        "n": len(y),
        "ece_before": round(before, 4),
        "ece_after": round(after, 4),
        "bins": BINS,
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if plot is not None:
        draw(probs, scaled, y, plot)
    return Calibration(t, before, after, len(y))


def ece_on(model_dir: Path, gold: Path) -> tuple[float, int]:
    """ECE of the model as it stands (its temperature applied) on another gold file."""
    clf = TransformerClassifier.load(model_dir)
    sentences = read_gold(gold, clf.context_sentences)
    probs = clf.probabilities([(s.text, s.context) for s in sentences])
    index = {label: i for i, label in enumerate(clf.labels)}
    y = np.array([index[s.label] for s in sentences])
    return expected_calibration_error(probs.max(axis=1), probs.argmax(axis=1) == y), len(y)


def draw(before: np.ndarray, after: np.ndarray, y: np.ndarray, path: Path) -> None:
    """Reliability diagram: accuracy against confidence per bin, before and after scaling."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.calibration import calibration_curve

    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect")
    for probs, name in ((before, "uncalibrated"), (after, "temperature-scaled")):
        correct = probs.argmax(axis=1) == y
        acc, conf = calibration_curve(correct, probs.max(axis=1), n_bins=10, strategy="uniform")
        ece = expected_calibration_error(probs.max(axis=1), correct)
        ax.plot(conf, acc, marker="o", label=f"{name} (ECE {ece:.3f})")
    ax.set_xlabel("confidence of the predicted label")
    ax.set_ylabel("share correct")
    ax.set_title("Reliability on real-news dev")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--report", type=Path, help="a held-out gold file to report ECE on")
    args = parser.parse_args()
    c = calibrate(args.model_dir, args.gold, args.plot)
    if args.report:
        ece, n = ece_on(args.model_dir, args.report)
        meta_path = args.model_dir / "scorer.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["calibration"]["report"] = {"gold": args.report.name, "n": n, "ece": round(ece, 4)}
        meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        print(f"ECE on {args.report.name} ({n} sentences): {ece:.4f}")
    print(
        f"T = {c.temperature:.4f} on {c.n} sentences; ECE {c.ece_before:.4f} -> {c.ece_after:.4f}"
    )


if __name__ == "__main__":
    main()
