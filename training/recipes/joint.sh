#!/usr/bin/env bash
# Model v11: a uniform soup (the mean weights) of four runs of `training.joint`, each an encoder
# with its label head and span head fine-tuned together, from the data
# `python -m training.build_data --out training/build` writes.
# Usage: PREFIX=v11 bash training/recipes/joint.sh
# Each run: stage 1 (`runs/$PREFIX-<run>-joint`) on every source, the real-news rows twice, from
# the base encoder, each step adding W times the span loss of a batch of PolNeAR train's span
# rows; stage 2 (`runs/$PREFIX-<run>-adapt`) 2 epochs on the real-news train split alone,
# learning rate 2e-5, spans still on. The four runs:
#   w1        span weight 1, stage 1 2 epochs
#   w2        span weight 2, stage 1 2 epochs
#   w3e3      span weight 3, stage 1 3 epochs
#   nopolnear span weight 1, without the PolNeAR-derived labels
# then `runs/$PREFIX-adapt` = the mean of the four stage-2 models (`training.joint soup`).
# Each run prints its real-news dev macro-F1 and PolNeAR dev span F1 (fp32). On one H100 about
# 3 min a run; on 2 CPU cores, hours. RUNS="w2" trains one run only (and no soup).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=training/build
PREFIX=${PREFIX:-v11}
RUNS=${RUNS:-w1 w2 w3e3 nopolnear}
for split in train dev; do
  [ -f $BUILD/span_text_$split.jsonl.gz ] || python -m training.joint rows --split $split
done
DEV="--dev-labels $BUILD/realnews_dev_rows.jsonl --dev-spans $BUILD/span_text_dev.jsonl.gz"
RN=$BUILD/realnews_train.jsonl
adapted=()
for run in $RUNS; do
  case "$run" in
    w1) w=1; epochs=2; data=$BUILD/train.jsonl ;;
    w2) w=2; epochs=2; data=$BUILD/train.jsonl ;;
    w3e3) w=3; epochs=3; data=$BUILD/train.jsonl ;;
    nopolnear)
      w=1; epochs=2; data=$BUILD/train_no_polnear.jsonl ;;
    *) echo "unknown run $run" >&2; exit 2 ;;
  esac
  python -m training.joint train "$data" $RN $RN --output runs/$PREFIX-$run-joint \
    --span-weight $w --epochs $epochs $DEV
  python -m training.joint train $RN --init-model runs/$PREFIX-$run-joint \
    --output runs/$PREFIX-$run-adapt --epochs 2 --learning-rate 2e-5 --max-per-label 0 \
    --span-weight $w $DEV
  adapted+=(runs/$PREFIX-$run-adapt)
done
if [ ${#adapted[@]} -gt 1 ]; then
  python -m training.joint soup "${adapted[@]}" --output runs/$PREFIX-adapt
fi
