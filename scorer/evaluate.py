"""`scorer eval`: the classifier on a gold file, with the rule baseline beside it."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from scorer import errors
from scorer.article import LABELS, Label
from scorer.classifiers import registry
from scorer.classifiers.base import Classifier, context_size
from scorer.classifiers.rules import RuleClassifier
from scorer.outputs import atomic_output, check_output
from scorer.segment import CONTEXT_SENTENCES


@dataclass(frozen=True)
class GoldSentence:
    """One scored gold sentence: document id, index in the gold list, text, context, label."""

    doc: str
    index: int
    text: str
    context: str
    label: str


def _gold_sentences(doc: Any, path: Path, line: int) -> list[dict[str, Any]]:
    """A gold document's sentences, each checked to be an object with a string `text`.

    Raises:
        DataError: naming the file, the line and the sentence.
    """
    if not isinstance(doc, dict) or "sentences" not in doc:
        found = "no 'sentences'" if isinstance(doc, dict) else f"{_json_type(doc)}, not an object"
        raise errors.DataError(errors.E_GOLD_DOC.format(path=path, line=line, detail=found))
    sentences = doc["sentences"]
    if not isinstance(sentences, list):
        detail = f"'sentences' is {_json_type(sentences)}, not a list"
        raise errors.DataError(errors.E_GOLD_DOC.format(path=path, line=line, detail=detail))
    for index, sentence in enumerate(sentences):
        if not isinstance(sentence, dict):
            problem = f"{_json_type(sentence)}, not an object"
        elif "text" not in sentence:
            problem = "no 'text'"
        elif not isinstance(sentence["text"], str):
            problem = f"'text' is {_json_type(sentence['text'])}, not a string"
        else:
            continue
        raise errors.DataError(
            errors.E_GOLD_SENTENCE.format(
                path=path, line=line, index=index, problem=problem, labels=list(LABELS)
            )
        )
    return sentences


def _json_type(value: Any) -> str:
    """`null`, `a string`, `an integer`… : a value's JSON type, as a gold file's author sees it."""
    if value is None:
        return "null"
    names = {bool: "a boolean", str: "a string", int: "an integer", float: "a number"}
    names |= {list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def read_gold(path: Path | str, context_size: int = CONTEXT_SENTENCES) -> list[GoldSentence]:
    """Gold sentences to score: `content: false` and `label: null` are skipped, but every content
    sentence (scored or not) counts as context for the sentences after it.

    Raises:
        DataError: the file is missing, a line is not a gold document (a JSON object whose
            `sentences` is a list of objects with a string `text`), a label is not ours, or
            nothing is scored; the message names the file and the line.
    """
    path = Path(path)
    if not path.exists():
        raise errors.DataError(f"{path}: no such gold file")
    out: list[GoldSentence] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise errors.DataError(
                    errors.E_GOLD_DOC.format(path=path, line=number, detail=exc)
                ) from exc
            previous: list[str] = []
            for index, sentence in enumerate(_gold_sentences(doc, path, number)):
                if not sentence.get("content", True):
                    continue
                label = sentence.get("label")
                if label is not None:
                    if label not in LABELS:
                        raise errors.DataError(
                            f"{path}:{number}: unknown label {label!r}; "
                            f"valid labels are {list(LABELS)}"
                        )
                    out.append(
                        GoldSentence(
                            str(doc.get("id", number)),
                            index,
                            sentence["text"],
                            " ".join(previous[-context_size:]),
                            label,
                        )
                    )
                previous.append(sentence["text"])
    if not out:
        raise errors.DataError(f"{path}: no scored sentences")
    return out


def metrics(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro-F1, accuracy and the confusion matrix (scikit-learn).

    Macro-F1 averages the classes present in the gold labels.

    Example:
        >>> m = metrics(["named-source", "unattributed"], ["named-source", "named-source"])
        >>> m["per_class"]["named-source"]["precision"], m["macro_f1"], m["accuracy"]
        (0.5, 0.3333, 0.5)
    """
    labels = list(labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, pred, labels=labels, zero_division=0
    )
    per_class = {
        label: {
            "precision": round(float(precision[i]), 4),
            "recall": round(float(recall[i]), 4),
            "f1": round(float(f1[i]), 4),
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }
    present = [label for label in labels if per_class[label]["support"] > 0]
    macro = sum(per_class[label]["f1"] for label in present) / len(present) if present else 0.0
    matrix = confusion_matrix(gold, pred, labels=labels) if gold else None
    confusion = {
        g: {p: int(matrix[i][j]) if matrix is not None else 0 for j, p in enumerate(labels)}
        for i, g in enumerate(labels)
    }
    return {
        "per_class": per_class,
        "macro_f1": round(macro, 4),
        "accuracy": round(float(accuracy_score(gold, pred)), 4) if gold else 0.0,
        "n": len(gold),
        "confusion": confusion,
    }


def binary_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """F1 of attributed (any label but `unattributed`) against not."""
    unattributed = Label.UNATTRIBUTED.value
    y_true = [g != unattributed for g in gold]
    y_pred = [p != unattributed for p in pred]
    return round(float(f1_score(y_true, y_pred, zero_division=0)), 4)


def evaluate(
    *, gold: Path | str, classifiers: Sequence[Classifier], progress: Any = None
) -> dict[str, Any]:
    """Score every classifier on the gold file; returns metrics and predictions per classifier.

    `progress` (a `scorer.progress.Progress`) is advanced once per classifier evaluated.
    """
    sentences = read_gold(gold)
    labels = [s.label for s in sentences]
    results: dict[str, Any] = {"gold": str(gold), "n": len(sentences), "classifiers": {}}
    for classifier in classifiers:
        # each classifier reads the context size it was trained with
        context = read_gold(gold, context_size(classifier))
        # one call per document, as the pipeline classifies (one article at a time)
        predictions = [
            prediction
            for _, group in itertools.groupby(context, key=lambda s: s.doc)
            for prediction in classifier.predict([(s.text, s.context) for s in group])
        ]
        if progress is not None:
            progress.advance(1, sentences=len(context))
        result = metrics(labels, [p.label for p in predictions])
        result["attributed_f1"] = binary_f1(labels, [p.label for p in predictions])
        result["predictions"] = [
            {
                "id": s.doc,
                "index": s.index,
                "text": s.text,
                "gold": s.label,
                "pred": p.label,
                "confidence": p.confidence,
            }
            for s, p in zip(sentences, predictions)
        ]
        results["classifiers"][classifier.name] = result
    return results


def render_table(results: dict[str, Any], stream: TextIO) -> None:
    """Side-by-side per-class table, macro-F1, accuracy and confusion matrices."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=stream, width=120, emoji=False)
    names = list(results["classifiers"])
    table = Table(title=f"{escape(results['gold'])} — {results['n']} sentences")
    table.add_column("class")
    for name in names:
        for column in ("P", "R", "F1"):
            table.add_column(f"{name} {column}", justify="right")
    table.add_column("support", justify="right")
    for label in LABELS:
        row = [label]
        for name in names:
            stats = results["classifiers"][name]["per_class"][label]
            row += [f"{stats['precision']:.3f}", f"{stats['recall']:.3f}", f"{stats['f1']:.3f}"]
        row.append(str(results["classifiers"][names[0]]["per_class"][label]["support"]))
        table.add_row(*row)
    console.print(table)
    for name in names:
        r = results["classifiers"][name]
        console.print(
            f"[bold]{escape(name)}[/bold]: macro-F1 {r['macro_f1']:.4f} · accuracy "
            f"{r['accuracy']:.4f} · attributed-vs-not F1 {r['attributed_f1']:.4f}"
        )
        matrix = Table(title=f"{escape(name)}: confusion (rows gold, columns predicted)")
        matrix.add_column("gold \\ pred")
        for label in LABELS:
            matrix.add_column(label[:10], justify="right")
        for g in LABELS:
            matrix.add_row(g, *[str(r["confusion"][g][p]) for p in LABELS])
        console.print(matrix)


def run_eval(
    *,
    gold: Path,
    model_dir: Path | None,
    predictions: Path | None,
    fmt: str,
    stream: TextIO,
    precision: str = "int8",
    progress: Any = None,
) -> dict[str, Any]:
    """What `scorer eval` does: evaluate the model (if any) and rules, print, write predictions.

    `predictions`, the file of the first classifier's predictions, must be neither the gold file
    nor a file of the model directory; it appears complete or not at all.

    Raises:
        OutputError: `predictions` is one of the inputs; nothing is read or written.
        DataError: the gold file is not one (`read_gold`); no model is loaded.
    """
    if predictions is not None:
        model_files = sorted(model_dir.iterdir()) if model_dir and model_dir.is_dir() else []
        check_output(predictions, [gold, *model_files])
    read_gold(gold)  # a bad gold file fails before a model is loaded
    classifiers: list[Classifier] = []
    model = registry.load(
        "auto" if model_dir is None else "transformer", model_dir, precision=precision
    )
    if model.name != "rules":
        classifiers.append(model)
    classifiers.append(RuleClassifier())
    if progress is not None:
        progress.set_total(len(classifiers))
    results = evaluate(gold=gold, classifiers=classifiers, progress=progress)
    if predictions is not None:
        first = results["classifiers"][classifiers[0].name]["predictions"]
        with atomic_output(predictions) as handle:
            for row in first:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if fmt == "json":
        slim = {
            **results,
            "classifiers": {
                k: {kk: vv for kk, vv in v.items() if kk != "predictions"}
                for k, v in results["classifiers"].items()
            },
        }
        stream.write(json.dumps(slim, indent=2) + "\n")
    else:
        render_table(results, stream)
    return results
