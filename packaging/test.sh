#!/usr/bin/env bash
# Installs what the build needs, builds the release preset and runs every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# The packaging test (tests/packaging/test_package.sh) validates the .deb with these; it skips them where absent.
trailscope_install_packages desktop-file-utils appstream lintian
trailscope_build release
cd "$TRAILSCOPE_ROOT"
ctest --preset release --parallel "$(nproc)"
