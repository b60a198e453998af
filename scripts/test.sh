#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (CTest labels unit,
# cli, gui and benchmark). GUI tests run offscreen, so no display is needed. The
# 10-minute accuracy run and the 5-minute compression benchmark (label "long") are left to
# `ctest --test-dir build -L long`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD" --output-on-failure --parallel 2 --label-exclude long "$@"
