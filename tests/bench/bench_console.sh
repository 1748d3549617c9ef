#!/usr/bin/env bash
# Console responsiveness benchmark (issue 4) on the 1M-event sparse case of bench_import.sh: search refresh times,
# scrolling stalls, and GUI stalls while another 1M-event import runs into the open case.
#
#   tests/bench/bench_console.sh [BUILD_DIR] [WORK_DIR]
#
# Needs the release build and the sparse case + append-dense tree that bench_import.sh leaves in WORK_DIR
# (default /tmp/trailscope-bench); it makes them when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
work="${2:-/tmp/trailscope-bench}"
bench="$build/bin/bench_console"
[ -x "$bench" ] || { echo "build first: $bench is needed" >&2; exit 1; }
if [ ! -f "$work/sparse.tscase" ] || [ ! -d "$work/append-dense/AWSLogs" ]; then
    "$root/tests/bench/bench_import.sh" "$build" "$work"
fi
cp "$work/sparse.tscase" "$work/console.tscase"
rm -f "$work/console.tscase-wal" "$work/console.tscase-shm"
QT_QPA_PLATFORM=offscreen "$bench" "$work/console.tscase" "$work/append-dense"
