#!/usr/bin/env bash
# Insights benchmark (issue 15) on the sparse 1M-event case of bench_import.sh: all insights from scratch (target
# ≤ 3 s), AWS's delivered insights, first-seen activity and each who/what/where table over every event and under a
# search (target ≤ 1 s each), in-process through bench_insights (best and median of RUNS runs, each on a fresh
# read-only connection); then the whole `trailscope-cli insights --format json` command's wall clock.
#
#   tests/bench/bench_insights.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_insights.sh build/release /tmp/trailscope-insights-try   # try it, don't measure
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh: its
# sparse tree and case are reused when present, else generated (~170 MB of input, ~10 s of import). EVENTS=N makes a
# smaller workload in WORK_DIR/lake-N instead. RUNS (default 5) sets the runs per piece; SEARCH (default
# `errorCode:*`) the search the limited tables run under.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
bench="$build/bin/bench_insights"
[ -x "$bench" ] || { echo "build first: $bench is needed" >&2; exit 1; }
runs="${RUNS:-5}"

bench_sparse_workload

events=$("$cli" query "$case_file" "SELECT count(*) FROM events" --format csv | sed -n '2p' | tr -d '\r')
echo "case: $case_file ($events events)"
"$bench" "$case_file" "$runs" "${SEARCH:-errorCode:*}"

# The whole command, as an analyst runs it: process start, open, insights, delivered, first seen, JSON out.
wall=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$cli" insights "$case_file" --format json >/dev/null
    end=$(date +%s%N)
    wall+=($(((end - start) / 1000000)))
done
median=$(printf '%s\n' "${wall[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
best=$(printf '%s\n' "${wall[@]}" | sort -n | head -n 1)
printf '%-36s %9s %9s %9s\n' "trailscope-cli insights (wall)" "-" "$best" "$median"
