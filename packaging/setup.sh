#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: installs the Debian 12 packages the build needs (only the missing ones),
# then configures and builds the given CMake preset. Sourced, not run.
set -euo pipefail

TRAILSCOPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRAILSCOPE_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6opengl6-dev libgl-dev libxkbcommon-dev libvulkan-dev
    libsqlite3-dev zlib1g-dev libssl-dev libarchive-dev libdeflate-dev libzstd-dev libsimdjson-dev libyaml-cpp-dev libtcmalloc-minimal4
    fonts-dejavu-core
    help2man # the man pages, from the programs' --help (packaging/CMakeLists.txt)
)
# Only the tests need these: pdftotext reads the PDF reports back.
TRAILSCOPE_TEST_PACKAGES=(poppler-utils)

trailscope_install_packages() {
    local missing=()
    for p in "${TRAILSCOPE_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

trailscope_build() {
    local preset="$1"
    cd "$TRAILSCOPE_ROOT"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc)"
}
