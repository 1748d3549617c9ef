#!/usr/bin/env bash
# Import benchmark (issue 2): generates the sparse and dense 1M-event workloads with trailgen, imports each into a
# fresh case with trailscope-cli and prints seconds until searchable, seconds until every index is built, events/s,
# peak RSS, and the case size split into rows + indexes and retained evidence; then an append into a case that
# already holds events; then DuckDB's read_json + unnest over the same files, side by side, with the ratio.
#
#   tests/bench/bench_import.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR defaults to build/release (run packaging/test.sh or `cmake --build --preset release` first);
# WORK_DIR (default /tmp/trailscope-bench) holds the generated trees (~0.5 GB) and the cases.
# DuckDB comes from npm (@duckdb/node-api@1.5.6-r.1, installed under WORK_DIR); without node/npm it is skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"

number() { # number KEY FILE: the first numeric value of "KEY": in a pretty-printed JSON file
    sed -n "s/^ *\"$1\": *\([-0-9.e]*\),\{0,1\}$/\1/p" "$2" | head -n 1
}

bench_duckdb_install
[ "$duckdb_ready" = 1 ] || echo "DuckDB comparison skipped: node/npm or @duckdb/node-api unavailable" >&2

printf '%-8s %10s %10s %10s %9s %9s %9s %10s %8s %9s\n' workload events searchable indexed events/s peakRSS_MB rows_B/ev evidence× duckdb_s ratio
for workload in sparse dense; do
    tree="$work/$workload"
    if [ ! -d "$tree/AWSLogs" ]; then
        "$gen" --out "$tree" --workload "$workload" >/dev/null
    fi
    input_bytes=$(find "$tree" -name '*.json.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')
    case_file="$work/$workload.tscase"
    rm -f "$case_file" "$case_file-wal" "$case_file-shm"
    sync
    "$cli" import "$case_file" "$tree" --json > "$work/$workload.import.json"
    "$cli" info "$case_file" --json > "$work/$workload.info.json"
    events=$(number events "$work/$workload.import.json")
    searchable=$(number searchableSeconds "$work/$workload.import.json")
    seconds=$(number seconds "$work/$workload.import.json")
    rss=$(number peakRssBytes "$work/$workload.import.json")
    rows=$(number rowsAndIndexesBytes "$work/$workload.info.json")
    evidence=$(number evidenceBytes "$work/$workload.info.json")
    duck="-"
    ratio="-"
    if [ "$duckdb_ready" = 1 ]; then
        rm -f "$work/$workload.duckdb"
        (cd "$work/duckdb" && cp "$root/tests/bench/duckdb_import.mjs" . &&
            node duckdb_import.mjs "$tree" "$work/$workload.duckdb") > "$work/$workload.duckdb.json"
        duck=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$work/$workload.duckdb.json")
        duck=$(awk -v d="$duck" 'BEGIN {printf "%.2f", d}')
        ratio=$(awk -v d="$duck" -v s="$searchable" 'BEGIN {printf "%.2f", d / s}')
    fi
    awk -v w="$workload" -v e="$events" -v s="$searchable" -v t="$seconds" -v r="$rss" -v b="$rows" \
        -v v="$evidence" -v i="$input_bytes" -v d="$duck" -v q="$ratio" 'BEGIN {
        printf "%-8s %10d %10.2f %10.2f %9.0f %9.0f %9.0f %10.2f %8s %9s\n", w, e, s, t, e / s, r / 1048576, b / e, v / i, d, q }'
done
echo "(searchable/indexed in seconds from the start of the import; ratio = DuckDB seconds / Trailscope searchable seconds)"

# Appending: another dense day (its own seed, so new eventIDs) into a copy of the sparse case, whose indexes stay live.
[ -d "$work/append-dense/AWSLogs" ] || "$gen" --out "$work/append-dense" --workload dense --seed 97 >/dev/null
cp "$work/sparse.tscase" "$work/append.tscase"
"$cli" import "$work/append.tscase" "$work/append-dense" --json > "$work/append.import.json"
awk -v e="$(number events "$work/append.import.json")" -v s="$(number searchableSeconds "$work/append.import.json")" \
    -v t="$(number seconds "$work/append.import.json")" -v r="$(number peakRssBytes "$work/append.import.json")" 'BEGIN {
    printf "append   %10d events into a 1M-event case: %.2f s searchable, %.2f s with every index (%.0f events/s), peak RSS %.0f MB\n", e, s, t, e / s, r / 1048576 }'
