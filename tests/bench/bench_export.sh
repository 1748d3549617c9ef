#!/usr/bin/env bash
# Export benchmark (issue 17): `trailscope-cli export` of every event of the sparse 1M-event case of bench_import.sh
# in each format (targets: CSV ≤ 8 s, JSON ≤ 10 s, memory that does not grow with the rows), then HTML and PDF
# reports of its newest 10,000 events (target ≤ 10 s): every section (the findings run the shipped rules and the
# insights over the whole case) and the events table alone. Wall clock and peak RSS from /usr/bin/time, the file's
# size.
#
#   tests/bench/bench_export.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_export.sh build/release /tmp/trailscope-export-try   # try it, don't measure
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"

bench_sparse_workload

out="$work/export-bench.out"
printf '%-8s %10s %12s %12s\n' format seconds peakRSS_MB file_MB
for format in csv json jsonl; do
    /usr/bin/time -f '%e %M' -o "$out.time" "$cli" export "$case_file" --format "$format" -o "$out" 2>/dev/null
    read -r seconds kb <"$out.time"
    printf '%-8s %10s %12d %12d\n' "$format" "$seconds" $((kb / 1024)) $(($(stat -c %s "$out") / 1048576))
done
for report in "html all" "pdf all" "html events" "pdf events"; do
    read -r format sections <<<"$report"
    /usr/bin/time -f '%e %M' -o "$out.time" "$cli" export "$case_file" --format "$format" --limit 10000 \
        --sections "$sections" -o "$out" 2>/dev/null
    read -r seconds kb <"$out.time"
    printf '%-8s %10s %12d %12d   10,000 events, sections: %s\n' "$format" "$seconds" $((kb / 1024)) \
        $(($(stat -c %s "$out") / 1048576)) "$sections"
done
rm -f "$out" "$out.time"
