#!/usr/bin/env bash
# Static analysis stage: builds the release preset (moc output and compile_commands.json) and runs clang-tidy with
# the checks of .clang-tidy over the sources of core/ (ui/ and app/ are not yet checked); non-zero on a finding.
#   packaging/tidy.sh [REGEX]   (REGEX limits the files, e.g. 'core/query')
# Debian 12's clang-tidy-16 reads g++ 12's libstdc++, but its __cpp_concepts (201907) hides std::expected, which
# clang 16 does implement: the macro is raised for the analysis only. clang does not know -std=c++23 by that name.
# The resource table is one std::array of 400 rows, deduced through a fold deeper than clang's default limit of 256.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trailscope_install_packages clang-tidy-16
trailscope_build release
cd "$TRAILSCOPE_ROOT"
mkdir -p build/tidy
sed 's/-std=c++23/-std=c++2b/g' build/release/compile_commands.json > build/tidy/compile_commands.json
filter="${1:-}"
run-clang-tidy-16 -clang-tidy-binary clang-tidy-16 -p build/tidy -j "$(nproc)" -quiet -use-color=false \
    -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L -extra-arg=-fbracket-depth=1024 \
    "$TRAILSCOPE_ROOT/core/.*${filter}.*\.cpp\$"
