#!/usr/bin/env bash
# Model v6 and its ablations, from the data `python -m training.build_data` writes.
# Usage: bash training/recipes/v6.sh [full|adapt|realnews-only|no-written|no-polnear] ...
# (default: full then adapt). Each run writes runs/$PREFIX-<name> (PREFIX defaults to v6; model
# v10 is `PREFIX=v10 bash training/recipes/v6.sh`, the same recipe since sentence-first
# truncation). The shipped model is `adapt`:
# stage 1 `full` (every source, the real-news rows twice, from the base encoder), then stage 2
# (2 epochs on the real-news train split alone, learning rate 2e-5, from stage 1).
# STAGE1 names the run `adapt` starts from (default: $PREFIX-full); model v11 is
# `PREFIX=v11 STAGE1=v11-no-polnear bash training/recipes/v6.sh no-polnear adapt`.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=training/build
PREFIX=${PREFIX:-v6}
STAGE1=${STAGE1:-$PREFIX-full}
for name in "${@:-full adapt}"; do
  for run in $name; do
    case "$run" in
      full) base=$BUILD/train.jsonl ;;
      adapt)
        scorer train $BUILD/realnews_train.jsonl --init-model runs/$STAGE1 --output runs/$PREFIX-adapt \
          --epochs 2 --learning-rate 2e-5 --max-per-label 0 --no-resume
        continue ;;
      realnews-only)
        scorer train $BUILD/realnews_train.jsonl --output runs/$PREFIX-realnews-only --epochs 2 \
          --max-per-label 0 --no-resume
        continue ;;
      no-written) base=$BUILD/train_no_written.jsonl ;;
      no-polnear) base=$BUILD/train_no_polnear.jsonl ;;
      *) echo "unknown run $run" >&2; exit 2 ;;
    esac
    # The real-news rows are given twice: they are the text the model exists for.
    scorer train "$base" $BUILD/realnews_train.jsonl $BUILD/realnews_train.jsonl \
      --output "runs/$PREFIX-$run" --no-resume
  done
done
