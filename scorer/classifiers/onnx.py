"""Optional fast path: the transformer backend exported to ONNX and quantised to int8 on first use.

Nothing is committed for it: `OnnxClassifier.load(model_dir)` loads the model directory with the
transformer backend (either format) in fp32, exports it to ONNX, applies ONNX Runtime dynamic
int8 quantisation, and caches the result under `$SCORER_CACHE` (default `~/.cache/scorer`)
keyed by the weights' sha256. Needs the `fast` extra (`pip install -e ".[fast]"`: onnxruntime,
onnx, onnxscript), imported only when an ONNX classifier is loaded.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer import errors
from scorer.classifiers.base import Prediction
from scorer.classifiers.transformer import (
    TransformerClassifier,
    default_model_dir,
    one_line,
    predict_batched,
)
from scorer.segment import CONTEXT_SENTENCES

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


def cache_dir() -> Path:
    """Where exported models are cached: `$SCORER_CACHE`, else `~/.cache/scorer`."""
    return Path(os.environ.get("SCORER_CACHE", Path.home() / ".cache" / "scorer"))


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    for weights in sorted(path.glob("model*.safetensors")):
        digest.update(weights.read_bytes())
    return digest.hexdigest()[:16]


def _runtime() -> Any:
    """The `onnxruntime` module; its absence is a one-line `ConfigError` naming the extra."""
    try:
        import onnxruntime
    except ImportError as exc:
        raise errors.ConfigError(errors.E_ONNX_MISSING.format(missing=exc.name or exc)) from exc
    return onnxruntime


def export_int8(model: TransformerClassifier, out: Path) -> Path:
    """Export `model` to ONNX (dynamic batch and length) and quantise its weights to int8.

    The export is written in a scratch folder and moved into `out` when complete, so a run
    stopped while exporting never leaves a truncated model in the cache.

    Raises:
        ConfigError: the `fast` extra (onnxruntime, onnx, onnxscript) is not installed.
    """
    scratch = out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"
    try:
        target = _export_int8(model, scratch)
        out.mkdir(parents=True, exist_ok=True)
        return Path(shutil.move(str(target), str(out / target.name)))
    except ImportError as exc:
        raise errors.ConfigError(errors.E_ONNX_MISSING.format(missing=exc.name or exc)) from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _export_int8(model: TransformerClassifier, out: Path) -> Path:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    sample = model.tokenizer(["a b"], ["c"], return_tensors="pt")
    names = [n for n in INPUT_NAMES if n in sample]
    torch.onnx.export(
        model.model,
        tuple(sample[n] for n in names),
        str(fp32),
        input_names=names,
        output_names=["logits"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={n: {0: "batch", 1: "length"} for n in names} | {"logits": {0: "batch"}},
    )
    target = out / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    fp32.unlink()
    return target


@dataclass
class OnnxClassifier:
    """The fine-tuned model run by ONNX Runtime with int8 weights; same labels, same inputs."""

    session: Any
    tokenizer: Any
    labels: list[str]
    max_length: int = 112
    batch_size: int = 32
    context_sentences: int = CONTEXT_SENTENCES
    temperature: float = 1.0
    name: str = "model-onnx-int8"

    @classmethod
    def load(cls, path: Path | str | None = None) -> OnnxClassifier:
        """Load (exporting once, then from the cache) the model directory at `path`, by
        default the shipped model. A cached export that does not load is exported again.

        Raises:
            ConfigError: the `fast` extra is not installed.
            ModelError: the model directory is broken (`TransformerClassifier.load`), or its
                export does not load.
        """
        ort = _runtime()
        path = Path(path) if path else default_model_dir()
        base = TransformerClassifier.load(path, precision="fp32")
        target = cache_dir() / _digest(path) / "model.int8.onnx"
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, (os.cpu_count() or 2))
        for attempt in (1, 2):
            if not target.exists():
                export_int8(base, target.parent)
            try:
                session = ort.InferenceSession(
                    str(target), options, providers=["CPUExecutionProvider"]
                )
                break
            except Exception as exc:  # onnxruntime's own classes: a damaged file in the cache
                if attempt == 2:
                    raise errors.ModelError(
                        errors.E_ONNX_UNLOADABLE.format(
                            model=path, path=target, detail=one_line(exc)
                        )
                    ) from exc
                target.unlink()
        return cls(
            session=session,
            tokenizer=base.tokenizer,
            labels=base.labels,
            max_length=base.max_length,
            context_sentences=base.context_sentences,
            temperature=base.temperature,
        )

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        import numpy as np

        inputs = [i.name for i in self.session.get_inputs()]

        def forward(encoded: Any) -> Any:
            feeds = {k: encoded[k].astype(np.int64) for k in inputs}
            logits = self.session.run(["logits"], feeds)[0] / self.temperature
            probs = np.exp(logits - logits.max(axis=1, keepdims=True))
            return probs / probs.sum(axis=1, keepdims=True)

        return predict_batched(
            items,
            self.tokenizer,
            forward,
            self.labels,
            max_length=self.max_length,
            batch_size=self.batch_size,
            tensors="np",
        )
