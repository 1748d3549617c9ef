#!/usr/bin/env bash
# Installs what the build needs, builds the release preset and runs every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# The packaging test (tests/packaging/test_package.sh) validates the .deb with desktop-file-utils, appstream
# and lintian; it skips them where absent. poppler-utils: the report tests read the PDFs back.
trailscope_install_packages "${TRAILSCOPE_TEST_PACKAGES[@]}" desktop-file-utils appstream lintian
trailscope_build release
cd "$TRAILSCOPE_ROOT"
ctest --preset release --parallel "$(nproc)"
