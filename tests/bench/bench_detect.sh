#!/usr/bin/env bash
# Detections benchmark (issue 16) on the sparse 1M-event case of bench_import.sh: the shipped rules alone, then the
# shipped rules plus SigmaHQ's 57 CloudTrail rules (target ≤ 5 s), as `trailscope-cli detect --timing` reports the
# rules' own time (best and median of RUNS runs), and the whole command's wall clock with JSON out.
#
#   tests/bench/bench_detect.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_detect.sh build/release /tmp/trailscope-detect-try   # try it, don't measure
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh: its
# sparse tree and case are reused when present, else generated (~170 MB of input, ~10 s of import). EVENTS=N makes a
# smaller workload in WORK_DIR/lake-N instead. RUNS (default 5) sets the runs; SIGMA (default
# ../shared/corpus/sigma/rules beside the checkout) the Sigma rules.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
runs="${RUNS:-5}"
sigma="${SIGMA:-$root/../shared/corpus/sigma/rules}"
[ -d "$sigma" ] || { echo "no Sigma rules at $sigma (set SIGMA)" >&2; exit 1; }

bench_sparse_workload

events=$("$cli" query "$case_file" "SELECT count(*) FROM events" --format csv | sed -n '2p' | tr -d '\r')
echo "case: $case_file ($events events); Sigma rules: $sigma"
printf '%-44s %9s %9s\n' "piece" "best ms" "median ms"

# measure LABEL ARGS...: the rules' time from --timing (stderr: "detect: N rules, M fired in X ms"), and the wall
# clock of the whole command (process start, open, rules, JSON out). Exit 3 (some rule files not loaded) is a result.
measure() {
    local label="$1" times=() wall=() line start end
    shift
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        line=$("$cli" detect "$case_file" "$@" --format json --timing 2>&1 >/dev/null | grep ' fired in ' || true)
        end=$(date +%s%N)
        [ -n "$line" ] || { echo "detect failed: $*" >&2; exit 1; }
        times+=("$(echo "$line" | sed -E 's/.* in ([0-9.]+) ms/\1/')")
        wall+=($(((end - start) / 1000000)))
    done
    summary=$(echo "$line" | sed -E 's/^detect: //; s/ in [0-9.]+ ms//')
    printf '%-44s %9s %9s   (%s)\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | head -n 1)" \
        "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")" "$summary"
    printf '%-44s %9s %9s\n' "$label (wall)" "$(printf '%s\n' "${wall[@]}" | sort -n | head -n 1)" \
        "$(printf '%s\n' "${wall[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
}

measure "shipped rules" --only-shipped
measure "shipped + Sigma rules (target <= 5000)" --rules "$sigma"
