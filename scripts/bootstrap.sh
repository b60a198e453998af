#!/usr/bin/env bash
# Installs the Debian packages EdgeSmith needs when they are missing (quiet when all are
# there), then configures and builds into build/ (or $EDGESMITH_BUILD_DIR).
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqcustomplot-dev libgl-dev
  libtorch-dev nlohmann-json3-dev libsqlite3-dev libonnx-dev zlib1g-dev libstb-dev
  # LibTorch calls whichever libblas.so.3 is selected; Debian's reference BLAS makes
  # matrix products ~30x slower than OpenBLAS on a 2-core machine.
  libopenblas0-pthread
  dataset-fashion-mnist
  # The PyTorch and Optuna peers of the benchmarks, and the ONNX checker of the export tests.
  python3-torch
  python3-optuna
  python3-onnx
  fonts-dejavu-core
  # The MPI executor and its tests (mpirun), and the one-node Slurm cluster the cluster
  # test starts in a temporary folder (its own slurm.conf and munge socket).
  openmpi-bin libopenmpi-dev
  slurmctld slurmd slurm-client munge
)

# Node.js runs ONNX Runtime (npm onnxruntime-node) in the export tests; a Node.js from
# elsewhere (with its own npm) is fine.
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(nodejs npm); fi

missing=()
for package in "${PACKAGES[@]}"; do
  [[ "$package" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ONNX Runtime for the export tests, pinned in tests/export/package.json. Its installer
# would download GPU binaries; ONNXRUNTIME_NODE_INSTALL=skip keeps it to the CPU ones that
# ship inside the npm package.
NODE_DIR="$BUILD/node"
if [[ ! -f "$NODE_DIR/node_modules/onnxruntime-node/package.json" ]] || ! cmp -s "$ROOT/tests/export/package.json" "$NODE_DIR/package.json"; then
  echo "bootstrap: installing onnxruntime-node into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp "$ROOT/tests/export/package.json" "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Building needs a bit over 2 GB per parallel torch translation unit; ccache and the
# precompiled torch header keep rebuilds short.
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGESMITH_WERROR=ON >"$ROOT/.bootstrap-configure.log" 2>&1 ||
    { cat "$ROOT/.bootstrap-configure.log"; exit 1; }
fi
cmake --build "$BUILD" --parallel "$(nproc)"
