#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (every CTest label:
# unit, cli, gui and benchmark). GUI tests run offscreen, so no display is needed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD" --output-on-failure --parallel 2 "$@"
