#!/usr/bin/env bash
# Dashboard benchmark (issue 15): the dashboard's whole background computation (insights, AWS's insights, first
# seen, every who/what/where table, the shipped detection rules) on the sparse 1M-event case of bench_import.sh, then
# again after an import of 10,000 more events into a copy of it, which is what the window recomputes when an import
# ends (target: current again ≤ 1 s). Best and median of RUNS runs, in-process through bench_dashboard.
#
#   tests/bench/bench_dashboard.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_dashboard.sh build/release /tmp/trailscope-dashboard-try   # try it, don't measure
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
bench="$build/bin/bench_dashboard"
[ -x "$bench" ] || { echo "build first: $bench is needed" >&2; exit 1; }
runs="${RUNS:-5}"

bench_sparse_workload

more="$work/dashboard-more-10000"
[ -d "$more/AWSLogs" ] || "$gen" --out "$more" --workload sparse --events 10000 --seed 4711 >/dev/null
copy="$work/dashboard.tscase"
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$case_file" "$copy"

printf '%-44s %9s %9s\n' piece best_ms median_ms
"$bench" "$copy" "$runs" "from scratch"
"$cli" import "$copy" "$more" >/dev/null
"$bench" "$copy" "$runs" "after 10,000 more events (target <= 1000)"
rm -f "$copy" "$copy-wal" "$copy-shm"
