#!/usr/bin/env bash
# Regenerates the screenshots in docs/images from the real windows, rendered offscreen
# with fresh settings: main-window.png (the README's, the default project) and one per
# view (space.png, pareto.png, layers.png, compare.png, launcher.png, launcher-supernet.png,
# compression-layers.png, compress-dialog.png, cluster.png, device-measure.png), which the GUI test draws after driving a real search on a
# tabular oracle.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh"
settings="$(mktemp -d)"
trap 'rm -rf "$settings"' EXIT
XDG_CONFIG_HOME="$settings" XDG_RUNTIME_DIR="$settings" QT_QPA_PLATFORM=offscreen \
  "$BUILD/app/gui/edgesmith" --language en --size 1400x860 \
  --screenshot "$ROOT/docs/images/main-window.png" "$ROOT/projects/default.edgesmith.json"
XDG_CONFIG_HOME="$settings" XDG_RUNTIME_DIR="$settings" QT_QPA_PLATFORM=offscreen \
  EDGESMITH_SCREENSHOT_DIR="$ROOT/docs/images" "$BUILD/tests/test_main_window" >/dev/null
