#!/usr/bin/env bash
# Installs what the build needs, builds Trailscope and opens it on the bundled sample trail.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trailscope_install_packages
trailscope_build release
cd "$TRAILSCOPE_ROOT"
bin="$TRAILSCOPE_ROOT/build/release/bin"
sample="$TRAILSCOPE_ROOT/resources/sample/sample-trail.tar.gz"
if [ -x "$bin/trailscope" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$bin/trailscope" --sample
fi
echo "No display or no desktop window yet: importing the sample trail with trailscope-cli instead." >&2
case_file="${XDG_DATA_HOME:-$HOME/.local/share}/trailscope/sample.tscase"
mkdir -p "$(dirname "$case_file")"
status=0
"$bin/trailscope-cli" import "$case_file" "$sample" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    exit "$status"
fi
exec "$bin/trailscope-cli" info "$case_file"
