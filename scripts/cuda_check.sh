#!/bin/bash
# The GPU check (not part of CI): builds core, the CLI and the Qt-free benchmarks against
# the CUDA LibTorch inside a machine's PyTorch 2.x, then trains on CUDA (BENCH=ranking, the
# default), times latency models on that machine's quiet CPU (BENCH=latency), or runs the
# ranking study (BENCH=study): a longer stand-alone reference with two seeds, run four at a
# time (kept in docs/data/ranking-reference.json, so a later call skips it), beside a
# sandwich and a uniform supernet of equal cost (UNIFORM=0: sandwich alone), then both
# ranked against it with inherited weights and after a short fine-tune. SECONDS_LEFT bounds
# the whole call, build included (about 100 s on the lent machine).
# DEPS is a folder carried to that machine with what its image lacks: include/ (sqlite3.h,
# zlib.h, stb/, nlohmann/), lib/ (libsqlite3.so, libstb.so), share/cmake/nlohmann_json and
# fashion-mnist/ (the idx files). OUT receives the log and the benchmark table.
set -eo pipefail
deps=$(realpath "${DEPS:-.devicedeps}")
out=${OUT:-/tmp/cuda-check}
mkdir -p "$out"
prefix=$(python3 -c "import torch; print(torch.utils.cmake_prefix_path)")
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.get_device_name(0))"
export LD_LIBRARY_PATH="$deps/lib:${LD_LIBRARY_PATH}"
start=$(date +%s)
cmake -S . -B build-cuda -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGESMITH_BUILD_GUI=OFF -DEDGESMITH_BUILD_TESTS=OFF \
  -DCMAKE_PREFIX_PATH="$prefix;$deps" \
  -DSQLite3_INCLUDE_DIR="$deps/include" -DSQLite3_LIBRARY="$deps/lib/libsqlite3.so" \
  -DSTB_LIBRARY="$deps/lib/libstb.so" -DSTB_INCLUDE_DIR="$deps/include/stb" \
  -DZLIB_INCLUDE_DIR="$deps/include" -DZLIB_LIBRARY="$deps/lib/libz.so" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
cmake --build build-cuda -j "$(nproc)" --target edgesmith-cli bench_ranking bench_latency_models -- -k 0 2>&1 | tee "$out/build.log" | grep -E "error|FAILED" | head -40
test -x build-cuda/bench_ranking || { tail -60 "$out/build.log"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
build-cuda/app/cli/edgesmith-cli info | head -12
cp docs/benchmarks.md "$out/benchmarks.md"
if [ "${BENCH:-ranking}" = latency ]; then
  timeout "${BENCH_SECONDS:-400}" build-cuda/bench_latency_models --write "$out/benchmarks.md" --section latency-models-gpu-host --runs "${RUNS:-40}" \
    --machine "the lent GPU machine's CPU ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1))" 2>&1 | tee "$out/latency.log"
  exit 0
fi
if [ "${BENCH:-ranking}" = study ]; then
  # At most 8 files come back from a lent machine: the supernets and the per-run logs stay
  # in $work, one study.log gathers the logs.
  left() { echo $(( ${SECONDS_LEFT:-540} - ($(date +%s) - start) )); }
  work=$(mktemp -d)
  cp docs/data/ranking-reference.json "$out/ranking-reference.json"
  common=(--device cuda --data "$deps/fashion-mnist" --subnets 30 --subset "${SUBSET:-0.2}")
  epochs=${SUPERNET_EPOCHS:-12}
  stage=$(( $(left) - ${EVALUATION_SECONDS:-150} ))
  echo "training stage: $stage s"
  [ "$stage" -gt 30 ] || { echo "no time left to train (SECONDS_LEFT=${SECONDS_LEFT:-540})"; exit 1; }
  timeout "$stage" build-cuda/bench_ranking "${common[@]}" --supernet-only --sampling sandwich --supernet-epochs "$epochs" \
    --supernet "$work/supernet-sandwich.pt" > "$work/supernet-sandwich.log" 2>&1 &
  # Sandwich trains four subnets per step, uniform one: four times the epochs is equal cost.
  [ "${UNIFORM:-1}" = 1 ] && timeout "$stage" build-cuda/bench_ranking "${common[@]}" --supernet-only --sampling uniform --supernet-epochs $(( epochs * 4 )) \
    --supernet "$work/supernet-uniform.pt" > "$work/supernet-uniform.log" 2>&1 &
  timeout "$stage" build-cuda/bench_ranking "${common[@]}" --reference-only --seeds 2 --parallel 4 \
    --standalone-epochs "${STANDALONE_EPOCHS:-5}" --reference "$out/ranking-reference.json" > "$work/reference.log" 2>&1 && complete=1 || complete=0
  wait || true
  tail -n 3 "$work"/*.log || true
  # A ranking whose reference or supernet is unfinished would train the rest itself, in the
  # little time left and racing the other ranking for the same files: those are skipped.
  # A quarter of the supernet's images for the fine-tune (the estimator's own is the whole
  # set, four times longer): it fits EVALUATION_SECONDS. The scores come back for
  # reference_agreement.py --scores.
  evaluation=(--seeds 2 --standalone-epochs "${STANDALONE_EPOCHS:-5}" --reference "$out/ranking-reference.json" --finetune-epochs 1
              --finetune-subset "${FINETUNE_SUBSET:-0.25}")
  if [ "$complete" = 1 ] && [ -f "$work/supernet-uniform.pt.json" ] && [ "$(left)" -gt 10 ]; then
    timeout "$(left)" build-cuda/bench_ranking "${common[@]}" "${evaluation[@]}" --sampling uniform \
      --supernet-epochs $(( epochs * 4 )) --supernet "$work/supernet-uniform.pt" --scores "$out/ranking-scores-uniform.json" > "$work/ranking-uniform.log" 2>&1 &
  fi
  if [ "$complete" = 1 ] && [ -f "$work/supernet-sandwich.pt.json" ] && [ "$(left)" -gt 10 ]; then
    timeout "$(left)" build-cuda/bench_ranking "${common[@]}" "${evaluation[@]}" --sampling sandwich \
      --supernet-epochs "$epochs" --supernet "$work/supernet-sandwich.pt" --scores "$out/ranking-scores-sandwich.json" --write "$out/benchmarks.md" > "$work/ranking-sandwich.log" 2>&1 || true
  fi
  wait || true
  for log in "$work"/*.log; do echo "== $log"; cat "$log"; done > "$out/study.log"
  for log in "$work"/ranking-*.log; do [ -f "$log" ] || continue; echo "== $log"; sed -n '/^| estimator/,$p' "$log"; done
  exit 0
fi
timeout "${BENCH_SECONDS:-400}" build-cuda/bench_ranking --device cuda --data "$deps/fashion-mnist" --write "$out/benchmarks.md" \
  --subnets "${SUBNETS:-30}" --subset "${SUBSET:-0.5}" --supernet-epochs "${SUPERNET_EPOCHS:-6}" --standalone-epochs "${STANDALONE_EPOCHS:-2}" \
  2>&1 | tee "$out/ranking.log"
