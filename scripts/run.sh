#!/usr/bin/env bash
# The main job: installs what is missing, builds, then opens the EdgeSmith workbench on
# the default project. Without a display (or with --headless) it works from the CLI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDGESMITH_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh"

PROJECT="$ROOT/projects/default.edgesmith.json"
headless=0
args=()
for argument in "$@"; do
  if [[ "$argument" == "--headless" ]]; then headless=1; else args+=("$argument"); fi
done
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then headless=1; fi

if ((headless)); then
  "$BUILD/app/cli/edgesmith-cli" info
  echo
  exec "$BUILD/app/cli/edgesmith-cli" validate "${args[@]:-$PROJECT}"
fi
exec "$BUILD/app/gui/edgesmith" "${args[@]:-$PROJECT}"
