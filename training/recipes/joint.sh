#!/usr/bin/env bash
# Model v11: encoder, label head and span head fine-tuned together (`training.joint`), from the
# data `python -m training.build_data --out training/build` writes.
# Usage: PREFIX=v11 SPAN_WEIGHT=2 bash training/recipes/joint.sh
# Stage 1 (`runs/$PREFIX-joint`): every source, the real-news rows twice, from the base encoder,
# 2 epochs, each step adding SPAN_WEIGHT times the span loss of a batch of PolNeAR train's span
# rows. Stage 2 (`runs/$PREFIX-adapt`, the shipped model): 2 epochs on the real-news train split
# alone, learning rate 2e-5, spans still on. Each run prints its real-news dev macro-F1 and its
# PolNeAR dev span F1 (fp32). On one H100: 2.3 + 0.8 min; on 2 CPU cores, hours.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=training/build
PREFIX=${PREFIX:-v11}
W=${SPAN_WEIGHT:-2}
for split in train dev; do
  [ -f $BUILD/span_text_$split.jsonl.gz ] || python -m training.joint rows --split $split
done
DEV="--dev-labels $BUILD/realnews_dev_rows.jsonl --dev-spans $BUILD/span_text_dev.jsonl.gz"
python -m training.joint train $BUILD/train.jsonl $BUILD/realnews_train.jsonl \
  $BUILD/realnews_train.jsonl --output runs/$PREFIX-joint --span-weight "$W" $DEV
python -m training.joint train $BUILD/realnews_train.jsonl --init-model runs/$PREFIX-joint \
  --output runs/$PREFIX-adapt --epochs 2 --learning-rate 2e-5 --max-per-label 0 \
  --span-weight "$W" $DEV
