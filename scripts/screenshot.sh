#!/usr/bin/env bash
# Regenerates docs/images/main-window.png (the README's screenshot) from the real
# window on the default project, rendered offscreen with fresh settings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh"
settings="$(mktemp -d)"
trap 'rm -rf "$settings"' EXIT
XDG_CONFIG_HOME="$settings" XDG_RUNTIME_DIR="$settings" QT_QPA_PLATFORM=offscreen \
  "$BUILD/app/gui/edgesmith" --language en --size 1400x860 \
  --screenshot "$ROOT/docs/images/main-window.png" "$ROOT/projects/default.edgesmith.json"
