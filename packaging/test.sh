#!/usr/bin/env bash
# Installs what the build needs, builds the release preset and runs every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trailscope_install_packages "${TRAILSCOPE_TEST_PACKAGES[@]}"
trailscope_build release
cd "$TRAILSCOPE_ROOT"
ctest --preset release --parallel "$(nproc)"
