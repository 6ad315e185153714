#!/usr/bin/env bash
# Build `.gpu/`, what a lent GPU machine needs to run `training.joint` (see NOTES.md, eleventh
# session): the base encoder re-saved in fp16 (the fp32 package is 88 MB, a call carries at most
# 64 MiB with the tree), the built data as tar.xz, and `device_sweep.sh`. The device has torch
# and transformers but not spaCy nor this package's other dependencies.
# Usage: bash training/recipes/device_bundle.sh; then move models/sourcing-minilm/*.safetensors
# out of the tree for the call (25 MB) and run, with `.gpu` carried:
#   RUNS="w1:1:train w2:2:train" LIMIT=540 bash .gpu/run.sh
# (RUNS: name:span-weight:data-file[:seed]; EPOCHS1/EPOCHS2 set the stages' epochs.) The two
# best stage-2 runs by real-news dev come back as split tars under $OUT; `cat NAME.tar.part* |
# tar -x -C runs/gpu-NAME-raw`, then `python -m training.joint package runs/gpu-NAME-raw
# --output runs/NAME` (or `soup`).
set -euo pipefail
cd "$(dirname "$0")/../.."
grep -qx "/.gpu/" .git/info/exclude 2>/dev/null || { mkdir -p .git/info; echo "/.gpu/" >> .git/info/exclude; }
mkdir -p .gpu/base
python - <<'PY'
import shutil
from safetensors.torch import load_file, save_file
from scorer.classifiers.transformer import base_model_dir
src = base_model_dir()
state = load_file(str(src / "model.safetensors"))
save_file({k: v.half().contiguous() for k, v in state.items()}, ".gpu/base/model.safetensors",
          metadata={"format": "pt"})
for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
             "vocab.txt"):
    shutil.copy(src / name, f".gpu/base/{name}")
PY
for split in train dev; do
  [ -f training/build/span_text_$split.jsonl.gz ] || python -m training.joint rows --split $split
done
tar -C training/build -cJf .gpu/data.tar.xz train.jsonl train_no_polnear.jsonl \
  realnews_train.jsonl realnews_dev_rows.jsonl span_text_train.jsonl.gz span_text_dev.jsonl.gz
cp training/recipes/device_sweep.sh .gpu/run.sh
du -sh .gpu
