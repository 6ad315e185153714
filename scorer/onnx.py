"""Optional fast path: the classifier exported to ONNX and quantised to int8 on first use.

Nothing is committed for it: `OnnxClassifier.load(model_dir)` exports the fp16 model (with the
base's word embeddings) to ONNX, applies ONNX Runtime dynamic int8 quantisation, and caches the
result under `$SCORER_CACHE` (default `~/.cache/scorer`) keyed by the model's sha256. Needs the
`fast` extra (`pip install -e ".[fast]"`: onnxruntime, onnx, onnxscript).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer.classify import Prediction
from scorer.model import ModelClassifier, predict_batched


def cache_dir() -> Path:
    return Path(os.environ.get("SCORER_CACHE", Path.home() / ".cache" / "scorer"))


def _digest(path: Path) -> str:
    return hashlib.sha256((path / "model.safetensors").read_bytes()).hexdigest()[:16]


def export_int8(model: ModelClassifier, out: Path) -> Path:
    """Export `model` to ONNX (dynamic batch and length) and quantise its weights to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    sample = model.tokenizer(["a b"], ["c"], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
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
    name: str = "model-onnx-int8"

    @classmethod
    def load(cls, path: Path | str | None = None) -> OnnxClassifier:
        import onnxruntime as ort

        from scorer.classify import default_model_dir

        path = Path(path) if path else default_model_dir()
        base = ModelClassifier.load(path, precision="fp32")
        target = cache_dir() / _digest(path) / "model.int8.onnx"
        if not target.exists():
            export_int8(base, target.parent)
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, (os.cpu_count() or 2))
        session = ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
        return cls(
            session=session,
            tokenizer=base.tokenizer,
            labels=base.labels,
            max_length=base.max_length,
        )

    def predict(self, items: Sequence[tuple[str, str]]) -> list[Prediction]:
        import numpy as np

        def forward(encoded: Any) -> Any:
            feeds = {
                k: encoded[k].astype(np.int64)
                for k in ("input_ids", "attention_mask", "token_type_ids")
            }
            logits = self.session.run(["logits"], feeds)[0]
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
