"""Joint fine-tuning: one encoder, two heads, trained together.

The sentence label comes from the pair's [CLS] (as in `scorer train`); the SOURCE / CUE /
CONTENT spans from the hidden states of the sentence's words (encoder layers 2, 4 and 6 at each
word's first word piece, read by the BiLSTM of `scorer.classifiers.spans`). `training.span_head`
trains that BiLSTM on a frozen encoder; here the encoder learns from both tasks. Each step
takes one batch of labelled sentences and one batch of PolNeAR train's span-annotated
sentences, and the loss is the label loss plus `span_weight` times the span loss.

The result is a model directory that `scorer` loads as it is: the classifier's weights, the
span head beside them (`spans.safetensors`, `spans.json`) and `joint.json` with the dev scores.

It needs torch and transformers but neither spaCy nor ../shared once the span rows are
written, so it runs on a GPU machine with the repository and two files:

    python -m training.joint rows --split train     # training/build/span_text_train.jsonl.gz
    python -m training.joint rows --split dev       # (PolNeAR text + offsets + tags, local)
    python -m training.joint train training/build/train.jsonl training/build/realnews_train.jsonl \\
        training/build/realnews_train.jsonl --output runs/joint --device cuda
    python -m training.joint train training/build/realnews_train.jsonl --init-model runs/joint \\
        --output runs/joint-adapt --epochs 2 --learning-rate 2e-5 --max-per-label 0
    python -m training.joint package runs/joint-adapt --output runs/joint-adapt-local
    python -m training.joint soup runs/a-adapt runs/b-adapt --output runs/soup   # mean weights

`package` re-saves a run against the installed base encoder (a GPU machine may carry the base
encoder's weights in fp16, which changes its checksum).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer.classifiers.spans import SPAN_META, SPAN_TYPES, SPAN_WEIGHTS, TAGS
from training.span_scores import format_table

BUILD = Path("training/build")
LAYERS = (2, 4, 6)
CONTEXT = 2
HIDDEN = 160


@dataclass
class SpanRow:
    """A PolNeAR sentence with its text: words as offsets into `text`, a tag column per type."""

    article: str
    sentence: int
    text: str
    context: str
    words: list[tuple[int, int]]
    tags: list[list[int]]  # per word: the tag index of each span type

    def labels(self, kind: str) -> list[str]:
        k = SPAN_TYPES.index(kind)
        return [TAGS[t[k]] for t in self.tags]


def write_rows(split: str, out: Path | None = None) -> Path:
    """`training/build/spans_{split}.jsonl` with each sentence's text and context (from
    ../shared), gzipped: what `train` reads on a machine without ../shared."""
    from training.span_head import _rows, _texts

    rows, texts = _rows(split), _texts(split)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    out = out or BUILD / f"span_text_{split}.jsonl.gz"
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for article, sentences in by_article.items():
            text = texts[article]
            plain = [text[r["start"] : r["end"]] for r in sentences]
            for i, row in enumerate(sentences):
                record = {
                    "article": article,
                    "sentence": row["sentence"],
                    "text": plain[i],
                    "context": " ".join(plain[max(0, i - CONTEXT) : i]),
                    "words": [[s - row["start"], e - row["start"]] for s, e in row["tokens"]],
                    **{kind.lower(): row[kind.lower()] for kind in SPAN_TYPES},
                }
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def read_rows(path: Path) -> list[SpanRow]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return [
        SpanRow(
            article=r["article"],
            sentence=int(r["sentence"]),
            text=r["text"],
            context=r["context"],
            words=[tuple(w) for w in r["words"]],
            tags=[
                [TAGS.index(r[kind.lower()][i]) for kind in SPAN_TYPES]
                for i in range(len(r["words"]))
            ],
        )
        for r in records
    ]


def span_batch(tokenizer: Any, rows: Sequence[SpanRow], max_length: int) -> tuple[Any, list, list]:
    """The tokenizer's batch for span rows, each row's first-piece indices and kept words."""
    from scorer.classifiers.spans import first_pieces, kept_words
    from scorer.classifiers.transformer import encode_pairs

    encoded = encode_pairs(
        tokenizer,
        [(r.text, r.context) for r in rows],
        max_length,
        return_offsets_mapping=True,
        return_tensors="pt",
    )
    offsets = encoded.pop("offset_mapping").tolist()
    pieces, kept = [], []
    for i, row in enumerate(rows):
        ids = encoded.sequence_ids(i)
        pieces.append(first_pieces(row.words, offsets[i], ids))
        words = set(kept_words(row.words, offsets[i], ids))
        kept.append([k for k, word in enumerate(row.words) if word in words])
    return encoded, pieces, kept


def span_logits_for(model: Any, head: Any, encoded: Any, pieces: list[list[int]]) -> Any:
    """Span logits `(B, T, types, tags)` at each row's first pieces (T: the longest row)."""
    import torch

    from scorer.classifiers.spans import span_logits

    out = model.bert(**encoded, output_hidden_states=True)
    stacked = torch.cat([out.hidden_states[k] for k in LAYERS], dim=-1)
    length = max(1, max(len(p) for p in pieces))
    index = torch.zeros(len(pieces), length, dtype=torch.long, device=stacked.device)
    for i, p in enumerate(pieces):
        if p:
            index[i, : len(p)] = torch.tensor(p, device=stacked.device)
    gathered = stacked.gather(1, index.unsqueeze(-1).expand(-1, -1, stacked.shape[-1]))
    lengths = [max(1, len(p)) for p in pieces]
    return span_logits(head, gathered, lengths)


def span_targets(rows: Sequence[SpanRow], kept: list[list[int]], length: int) -> Any:
    import torch

    target = torch.full((len(rows), length, len(SPAN_TYPES)), -1, dtype=torch.long)
    for i, (row, words) in enumerate(zip(rows, kept)):
        for j, w in enumerate(words):
            target[i, j] = torch.tensor(row.tags[w])
    return target


@dataclass
class JointConfig:
    """Settings of a joint run; those shared with `scorer train` mean what they mean there
    (`scorer.train.TrainingConfig`).

    Attributes:
        label_files: labelled sentences (`text`, `label`, optional `context`), as `scorer train`.
        spans: span rows with their text (`write_rows`), gzipped JSONL.
        output: the model directory written.
        dev_labels / dev_spans: scored at the end (fp32) and written to `joint.json`.
        init_model: a joint (or `scorer train`) run to continue from; its span head too.
        head_learning_rate: the span head's (the encoder takes `learning_rate`).
        span_weight: the span loss's weight beside the label loss (0: labels only, no head).
    """

    label_files: list[Path]
    spans: Path
    output: Path
    dev_labels: Path | None = None
    dev_spans: Path | None = None
    init_model: Path | None = None
    epochs: float = 2.0
    batch_size: int = 32
    learning_rate: float = 6e-5
    head_learning_rate: float = 1e-3
    span_weight: float = 1.0
    max_length: int = 112
    max_per_label: int = 5000
    context_swap: float = 0.5
    seed: int = 13
    device: str = "auto"


def train(config: JointConfig, log: Any = print) -> Path:
    """Fine-tune encoder, label head and span head together; write a model directory."""
    import torch
    from safetensors.torch import load_file, save_file
    from transformers import AutoTokenizer

    from scorer.article import LABELS
    from scorer.classifiers.spans import span_module
    from scorer.classifiers.transformer import (
        FROZEN_PREFIX,
        base_model_dir,
        build_checked,
        build_model,
        check_model_dir,
        save_model,
    )
    from scorer.segment import CONTEXT_SENTENCES
    from scorer.train import (
        _encode,
        _seed_everything,
        batch_order,
        cap_per_label,
        class_weights,
        read_training_data,
        swap_contexts,
    )

    started = time.time()
    device = "cuda" if config.device != "cpu" and torch.cuda.is_available() else "cpu"
    if device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
    _seed_everything(config.seed)
    init = config.init_model
    labels = check_model_dir(init, check_base=False)[0] if init else list(LABELS)
    examples = cap_per_label(
        read_training_data(config.label_files, log), config.max_per_label, config.seed
    )
    examples = swap_contexts(examples, config.context_swap, config.seed)
    span_rows = [r for r in read_rows(config.spans) if r.words]
    log(f"{len(examples)} labelled sentences, {len(span_rows)} span sentences, on {device}")
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    tokenizer.truncation_side = "left"
    model = (build_checked(labels, init) if init else build_model(labels)).to(device)
    head = span_module(len(LAYERS) * model.config.hidden_size, HIDDEN)
    if init and (init / SPAN_WEIGHTS).exists():
        head.load_state_dict({k: v.float() for k, v in load_file(str(init / SPAN_WEIGHTS)).items()})
    head.to(device)
    model.train()
    head.train()
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith(FROZEN_PREFIX)
    weights = torch.tensor(class_weights(examples, labels, "sqrt"), device=device)
    label_loss = torch.nn.CrossEntropyLoss(weight=weights)
    tag_loss = torch.nn.CrossEntropyLoss(ignore_index=-1)
    optimizer = torch.optim.AdamW(
        [
            {"params": [p for p in model.parameters() if p.requires_grad]},
            {"params": list(head.parameters()), "lr": config.head_learning_rate},
        ],
        lr=config.learning_rate,
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = math.ceil(steps_per_epoch * config.epochs)
    warmup = max(1, int(total * 0.06))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: s / warmup if s < warmup else max(0.0, (total - s) / max(1, total - warmup)),
    )
    label_ids = {label: i for i, label in enumerate(labels)}
    rng = random.Random(config.seed)
    span_order: list[int] = []
    step, epoch, running = 0, 0, [0.0, 0.0]
    while step < total:
        for indices in batch_order(examples, config.batch_size, config.seed + epoch):
            if step >= total:
                break
            batch = [examples[i] for i in indices]
            encoded = _encode(tokenizer, batch, config.max_length).to(device)
            target = torch.tensor([label_ids[e.label] for e in batch], device=device)
            loss_l = label_loss(model(**encoded).logits, target)
            loss = loss_l
            if config.span_weight > 0:
                if len(span_order) < config.batch_size:
                    span_order += rng.sample(range(len(span_rows)), len(span_rows))
                chosen = [span_rows[i] for i in span_order[: config.batch_size]]
                del span_order[: config.batch_size]
                enc, pieces, kept = span_batch(tokenizer, chosen, config.max_length)
                logits = span_logits_for(model, head, enc.to(device), pieces)
                tags = span_targets(chosen, kept, logits.shape[1]).to(device)
                loss_s = tag_loss(logits.reshape(-1, len(TAGS)), tags.reshape(-1))
                loss = loss_l + config.span_weight * loss_s
                running[1] = 0.98 * running[1] + 0.02 * loss_s.item()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(
                [p for g in optimizer.param_groups for p in g["params"]], 1.0
            )
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            running[0] = 0.98 * running[0] + 0.02 * loss_l.item()
            if step % 100 == 0 or step == total:
                log(
                    f"step {step}/{total} label loss {running[0]:.3f} span loss "
                    f"{running[1]:.3f} ({time.time() - started:.0f} s)"
                )
        epoch += 1
    model.eval()
    head.eval()
    scores: dict[str, Any] = {}
    if config.dev_labels:
        scores["labels"] = label_scores(model, tokenizer, config.dev_labels, config.max_length)
        log(f"dev labels: {json.dumps(scores['labels'])}")
    if config.dev_spans and config.span_weight > 0:
        rows = read_rows(config.dev_spans)
        spans = tag_rows(model, head, tokenizer, rows, config.max_length)
        log(format_table(spans))
        scores["spans"] = {
            kind: {"exact": round(s.exact.f1, 4), "overlap": round(s.overlap.f1, 4)}
            for kind, s in spans.items()
        }
    model.to("cpu")
    minutes = (time.time() - started) / 60
    meta = {
        "max_length": config.max_length,
        "context_sentences": CONTEXT_SENTENCES,
        "training": {
            **{
                k: (str(v) if isinstance(v, Path) else v)
                for k, v in vars(config).items()
                if k != "label_files"
            },
            "recipe": "training.joint",
            "train_files": [str(p) for p in config.label_files],
            "examples": len(examples),
            "label_counts": dict(Counter(e.label for e in examples)),
            "class_weighting": "sqrt",
            "stage1": training_of(init),
            "steps": step,
            "minutes": round(minutes, 1),
            "device": device,
        },
    }
    save_model(model, tokenizer, config.output, meta)
    if config.span_weight > 0:
        head.to("cpu")
        save_file(
            {k: v.contiguous() for k, v in head.state_dict().items()},
            str(config.output / SPAN_WEIGHTS),
        )
        span_meta = {
            "layers": list(LAYERS),
            "tags": list(TAGS),
            "span_types": list(SPAN_TYPES),
            "hidden": HIDDEN,
            "epochs": config.epochs,
            "joint": True,
        }
        (config.output / SPAN_META).write_text(json.dumps(span_meta, indent=1) + "\n")
    (config.output / "joint.json").write_text(json.dumps(scores, indent=1) + "\n")
    log(f"wrote {config.output} after {step} steps in {minutes:.1f} min")
    return config.output


def training_of(model_dir: Path | None) -> dict[str, Any]:
    """The training settings recorded in a model directory's `scorer.json` (an `--init-model`:
    the card shows both stages), without that model's own stage 1."""
    path = model_dir / "scorer.json" if model_dir else None
    if path is None or not path.exists():
        return {}
    training = json.loads(path.read_text(encoding="utf-8")).get("training")
    if not isinstance(training, dict):
        return {}
    return {k: v for k, v in training.items() if k != "stage1"}


def _device(model: Any) -> Any:
    return next(model.parameters()).device


def label_scores(model: Any, tokenizer: Any, path: Path, max_length: int) -> dict[str, float]:
    """Macro-F1 and per-class F1 of the model on labelled rows (`text`, `context`, `label`)."""
    import torch

    from scorer.evaluate import metrics
    from scorer.train import _encode, read_training_data

    examples = read_training_data([path])
    labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
    predicted = []
    with torch.inference_mode():
        for start in range(0, len(examples), 128):
            batch = examples[start : start + 128]
            encoded = _encode(tokenizer, batch, max_length).to(_device(model))
            predicted += [labels[i] for i in model(**encoded).logits.argmax(-1).tolist()]
    scores = metrics([e.label for e in examples], predicted, labels)
    return {"macro_f1": scores["macro_f1"], **{k: v["f1"] for k, v in scores["per_class"].items()}}


def tag_rows(model: Any, head: Any, tokenizer: Any, rows: list[SpanRow], max_length: int) -> dict:
    """Span F1 (`training.span_head.score`) of the model's span head on `rows`; a word the
    tokenizer truncated away is tagged O."""
    import numpy as np
    import torch

    from training.span_head import score

    rows = [r for r in rows if r.words]
    tags: list[np.ndarray] = []
    with torch.inference_mode():
        for start in range(0, len(rows), 128):
            chosen = rows[start : start + 128]
            enc, pieces, kept = span_batch(tokenizer, chosen, max_length)
            best = span_logits_for(model, head, enc.to(_device(model)), pieces).argmax(-1)
            best = best.cpu().numpy()
            for i, row in enumerate(chosen):
                words = np.zeros((len(row.words), len(SPAN_TYPES)), dtype=int)
                words[kept[i]] = best[i, : len(kept[i])]
                tags.append(words)
    gold = [
        {"article": r.article, "sentence": r.sentence}
        | {kind.lower(): r.labels(kind) for kind in SPAN_TYPES}
        for r in rows
    ]
    return score(gold, tags)


def package(run: Path, out: Path) -> Path:
    """Re-save a run (trained elsewhere) against this machine's base encoder."""
    return _resave([run], out)


def soup(runs: Sequence[Path], out: Path) -> Path:
    """A uniform model soup (Wortsman et al., 2022): the mean of the weights of runs fine-tuned
    from the same base encoder (classifier and span head), saved against this machine's base
    encoder. Runs of one recipe with other span weights, epochs or data land in one basin, so
    their mean is a model, and on the real-news splits a better one than any of them."""
    return _resave(runs, out)


def _resave(runs: Sequence[Path], out: Path) -> Path:
    """The mean of the runs' weights (of one run: its own weights) saved against this
    machine's base encoder, with the first run's settings, tokenizer and span-head metadata."""
    import shutil

    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    from scorer.classifiers.transformer import build_model, check_model_dir, save_model

    labels, meta = check_model_dir(runs[0], check_base=False)
    model = build_model(labels, weights_dir=runs[0])
    model.load_state_dict(_mean(runs, "model.safetensors"), strict=False)
    keep = {k: v for k, v in meta.items() if k not in ("base_sha256", "weights_sha256")}
    if len(runs) > 1:
        keep["training"] = {**keep.get("training", {}), "soup": [str(r) for r in runs]}
    tokenizer = AutoTokenizer.from_pretrained(runs[0], local_files_only=True)
    save_model(model, tokenizer, out, keep)
    if all((run / SPAN_WEIGHTS).exists() for run in runs):
        save_file(_mean(runs, SPAN_WEIGHTS), str(out / SPAN_WEIGHTS))
        shutil.copy(runs[0] / SPAN_META, out / SPAN_META)
    if len(runs) == 1 and (runs[0] / "joint.json").exists():
        shutil.copy(runs[0] / "joint.json", out / "joint.json")
    return out


def _mean(runs: Sequence[Path], name: str) -> dict[str, Any]:
    """The mean of a weights file over runs, in the first run's dtypes (one run: unchanged)."""
    from safetensors.torch import load_file

    states = [load_file(str(run / name)) for run in runs]
    return {
        k: (sum(s[k].float() for s in states) / len(states)).to(v.dtype).contiguous()
        for k, v in states[0].items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rows = sub.add_parser("rows", help="span rows with their text, gzipped")
    rows.add_argument("--split", required=True, choices=("train", "dev"))
    tr = sub.add_parser("train", help="fine-tune encoder, label head and span head together")
    tr.add_argument("files", nargs="+", type=Path)
    tr.add_argument("--spans", type=Path, default=BUILD / "span_text_train.jsonl.gz")
    tr.add_argument("--output", type=Path, required=True)
    tr.add_argument("--dev-labels", type=Path)
    tr.add_argument("--dev-spans", type=Path)
    tr.add_argument("--init-model", type=Path)
    tr.add_argument("--epochs", type=float, default=2.0)
    tr.add_argument("--learning-rate", type=float, default=6e-5)
    tr.add_argument("--span-weight", type=float, default=1.0)
    tr.add_argument("--max-per-label", type=int, default=5000)
    tr.add_argument("--seed", type=int, default=13)
    tr.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    sp = sub.add_parser("soup", help="the mean of several runs' weights (a uniform model soup)")
    sp.add_argument("runs", nargs="+", type=Path)
    sp.add_argument("--output", type=Path, required=True)
    pk = sub.add_parser("package", help="re-save a run against the installed base encoder")
    pk.add_argument("run", type=Path)
    pk.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "rows":
        print(write_rows(args.split))
    elif args.command == "soup":
        print(soup(args.runs, args.output))
    elif args.command == "package":
        print(package(args.run, args.output))
    else:
        config = JointConfig(
            label_files=args.files,
            spans=args.spans,
            output=args.output,
            dev_labels=args.dev_labels,
            dev_spans=args.dev_spans,
            init_model=args.init_model,
            epochs=args.epochs,
            learning_rate=args.learning_rate,
            span_weight=args.span_weight,
            max_per_label=args.max_per_label,
            seed=args.seed,
            device=args.device,
        )
        train(config)


if __name__ == "__main__":
    main()
