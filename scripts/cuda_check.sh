#!/bin/bash
# The GPU check (not part of CI): builds core, the CLI and the Qt-free benchmarks against
# the CUDA LibTorch inside a machine's PyTorch 2.x, then trains on CUDA (BENCH=ranking, the
# default), times latency models on that machine's quiet CPU (BENCH=latency), or runs the
# ranking study (BENCH=study): more seeds of the 5-epoch stand-alone reference (kept in
# docs/data/ranking-reference.json; the file comes back with the new trainings added) beside
# a sandwich supernet trained for as many epochs as the call leaves time for, then that
# supernet scored on held-out images; or trains a reference of another setting into the same
# file (BENCH=reference: SUBSET, STANDALONE_EPOCHS, REFERENCE_SEEDS, PARALLEL, SUBNETS and
# SKIP_SUBNETS: the draw's first 30 are the ranked subnets, later ones others to fit a
# correction on, kept in REFERENCE_FILE).
# SECONDS_LEFT bounds the whole call, build included (100-119 s on the lent H200, 128 s on
# the H100; a warm machine's second call reuses build-cuda and builds nothing).
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
rm "$out/configure.log"
# The build's own status is checked through its targets below; its errors are shown first
# (grep -m, not head, so no SIGPIPE ends the script under pipefail).
cmake --build build-cuda -j "$(nproc)" --target edgesmith-cli bench_ranking bench_latency_models -- -k 0 > "$out/build.log" 2>&1 || true
grep -m 40 -E "error|FAILED" "$out/build.log" || true
test -x build-cuda/bench_ranking || { tail -60 "$out/build.log"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
build-cuda/app/cli/edgesmith-cli info | head -12
cp docs/benchmarks.md "$out/benchmarks.md"
if [ "${BENCH:-ranking}" = latency ]; then
  timeout "${BENCH_SECONDS:-400}" build-cuda/bench_latency_models --write "$out/benchmarks.md" --section latency-models-gpu-host --runs "${RUNS:-40}" \
    --machine "the lent GPU machine's CPU ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1))" 2>&1 | tee "$out/latency.log"
  exit 0
fi
if [ "${BENCH:-ranking}" = reference ]; then
  # A stand-alone reference of another setting alone on the GPU (SUBSET of the training
  # images, STANDALONE_EPOCHS), seed by seed until SECONDS_LEFT runs out; every training is
  # kept in the file as it ends, so the file that comes back holds whatever finished, and
  # --reference-seconds starts no training that would end past the stage (on the H200, 2
  # epochs on 57,000 images took 47-215 s each, fourteen at a time).
  # REFERENCE_FILE: another file for trainings that must not join the ranked reference's
  # setups (other subnets, to fit a correction on); it comes back under its own name.
  reference=${REFERENCE_FILE:-docs/data/ranking-reference.json}
  kept="$out/$(basename "$reference")"
  if [ -f "$reference" ]; then cp "$reference" "$kept"; else echo "$reference: not in the checkout, a new file is started"; fi
  stage=$(( ${SECONDS_LEFT:-540} - ($(date +%s) - start) - 10 ))
  echo "training stage: $stage s"
  [ "$stage" -gt 60 ] || { echo "no time left to train (SECONDS_LEFT=${SECONDS_LEFT:-540})"; exit 1; }
  timeout "$stage" build-cuda/bench_ranking --device cuda --data "$deps/fashion-mnist" --subnets "${SUBNETS:-30}" --skip-subnets "${SKIP_SUBNETS:-0}" --subset "${SUBSET:-1}" \
    --reference-only --seeds "${REFERENCE_SEEDS:-2}" --parallel "${PARALLEL:-12}" --standalone-epochs "${STANDALONE_EPOCHS:-2}" \
    --reference-seconds $(( stage - 10 )) --reference "$kept" > "$out/reference.log" 2>&1 || status=$?
  tail -n 5 "$out/reference.log"
  echo "bench_ranking exit ${status:-0} (3: trainings left for a later call, 124: killed by the stage's timeout)"
  nvidia-smi --query-gpu=name,utilization.gpu,memory.used --format=csv || true
  exit 0
fi
if [ "${BENCH:-ranking}" = study ]; then
  # At most 8 files come back from a lent machine: the per-run logs stay in $work, one
  # study.log gathers them. Two levers at once on the one GPU, until the training stage ends:
  # more seeds of the 5-epoch reference (seed by seed, each training kept as it ends, so a
  # stopped run leaves whole seeds), and a sandwich supernet trained for as many epochs as
  # fit the stage (--supernet-seconds times a probe epoch under the same load). The
  # supernet is then scored on SCORING_IMAGES held-out images; the scores come back for
  # reference_agreement.py --scores, which ranks them against every reference.
  left() { echo $(( ${SECONDS_LEFT:-540} - ($(date +%s) - start) )); }
  work=$(mktemp -d)
  cp docs/data/ranking-reference.json "$out/ranking-reference.json"
  common=(--device cuda --data "$deps/fashion-mnist" --subnets 30 --subset "${SUBSET:-0.2}")
  stage=$(( $(left) - ${EVALUATION_SECONDS:-240} ))
  echo "training stage: $stage s"
  [ "$stage" -gt 60 ] || { echo "no time left to train (SECONDS_LEFT=${SECONDS_LEFT:-540})"; exit 1; }
  # Loading the data and saving the supernet take seconds: 20 s are kept back for them.
  timeout "$stage" build-cuda/bench_ranking "${common[@]}" --supernet-only --sampling sandwich --supernet-seconds $(( stage - 20 )) \
    --supernet "$work/supernet-sandwich.pt" > "$work/supernet-sandwich.log" 2>&1 &
  timeout "$stage" build-cuda/bench_ranking "${common[@]}" --reference-only --seeds "${REFERENCE_SEEDS:-8}" --parallel "${PARALLEL:-6}" \
    --standalone-epochs "${STANDALONE_EPOCHS:-5}" --reference "$out/ranking-reference.json" > "$work/reference.log" 2>&1 &
  wait || true
  tail -n 3 "$work"/*.log || true
  # The supernet comes back (1.5 MB), so it can be scored on any machine later: on the H100
  # the scoring took about 7 s per subnet, so EVALUATION_SECONDS=0 leaves it all to training.
  [ -f "$work/supernet-sandwich.pt.json" ] && cp "$work/supernet-sandwich.pt" "$work/supernet-sandwich.pt.json" "$out/"
  if [ -f "$work/supernet-sandwich.pt.json" ] && [ "$(left)" -gt 10 ]; then
    epochs=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['setup']['epochs'])" "$work/supernet-sandwich.pt.json" || true)
    # Seeds 0 and 1 of the default reference (SUBSET 0.2, 5 epochs) were kept before this
    # call, so nothing trains here; other settings would train theirs in the time left.
    [ -n "$epochs" ] && timeout "$(left)" build-cuda/bench_ranking "${common[@]}" --seeds 2 --standalone-epochs "${STANDALONE_EPOCHS:-5}" \
      --reference "$out/ranking-reference.json" --finetune-epochs "${FINETUNE_EPOCHS:-0}" --finetune-subset "${FINETUNE_SUBSET:-0.25}" \
      --scoring-images "${SCORING_IMAGES:-20000}" --sampling sandwich --supernet-epochs "$epochs" --supernet "$work/supernet-sandwich.pt" \
      --scores "$out/ranking-scores-sandwich-gpu.json" > "$work/ranking-sandwich.log" 2>&1 || true
  fi
  for log in "$work"/*.log; do echo "== $log"; cat "$log"; done > "$out/study.log"
  for log in "$work"/ranking-*.log; do [ -f "$log" ] || continue; echo "== $log"; sed -n '/^| estimator/,$p' "$log"; done
  exit 0
fi
timeout "${BENCH_SECONDS:-400}" build-cuda/bench_ranking --device cuda --data "$deps/fashion-mnist" --write "$out/benchmarks.md" \
  --subnets "${SUBNETS:-30}" --skip-subnets "${SKIP_SUBNETS:-0}" --subset "${SUBSET:-0.5}" --supernet-epochs "${SUPERNET_EPOCHS:-6}" --standalone-epochs "${STANDALONE_EPOCHS:-2}" \
  2>&1 | tee "$out/ranking.log"
