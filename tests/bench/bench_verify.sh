#!/usr/bin/env bash
# Integrity validation benchmark (issue 18): `trailscope-cli verify` over the sparse 1M-event tree with a digest
# chain per account, region and hour, signed with a key made here (target <= 10 s on 2 cores), then over the case
# imported from it (no original read). Best and median wall clock of RUNS runs each, and the ratio to the target.
#
#   tests/bench/bench_verify.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_verify.sh build/release /tmp/trailscope-verify-try   # try it, don't measure
#
# BUILD_DIR defaults to build/release; WORK_DIR defaults to /tmp/trailscope-verify (never bench_import.sh's
# /tmp/trailscope-bench: its tree has no digests). The tree (trailgen --workload sparse --digests KEY) and the case
# are made when missing. RUNS (default 3) sets the runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "${1:-}" "${2:-/tmp/trailscope-verify}"
runs="${RUNS:-3}"
target_ms=10000

events="${EVENTS:-1000000}"
tree="$work/sparse-$events"
case_file="$work/sparse-$events.tscase"
key="$work/digest-key.pem"
[ -f "$key" ] || openssl genrsa -out "$key" 2048 2>/dev/null
[ -f "$work/digest-key.pub.pem" ] || openssl rsa -in "$key" -pubout -out "$work/digest-key.pub.pem" 2>/dev/null
if [ ! -d "$tree/AWSLogs" ]; then
    start=$(date +%s%N)
    "$gen" --out "$tree" --workload sparse --events "$events" --digests "$key"
    echo "generated in $((($(date +%s%N) - start) / 1000000)) ms"
fi
files=$(find "$tree" -name '*.json.gz' | wc -l)
echo "tree: $tree ($files .json.gz files, $(du -sh "$tree" | cut -f1))"

# measure LABEL PATH: the whole command's wall clock (walk, inflate, SHA-256, chains, RSA, JSON out to /dev/null).
measure() {
    local label="$1" path="$2" wall=() start code summary
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        code=0
        "$cli" verify "$path" --public-keys "$work/digest-key.pub.pem" --format json >"$work/verify.json" || code=$?
        wall+=($((($(date +%s%N) - start) / 1000000)))
        [ "$code" -eq 0 ] || { echo "verify exited $code on $path" >&2; exit 1; }
    done
    summary=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print("digests %d/%d, logs %d/%d, signatures %d" % (s["digestFiles"]["valid"], s["digestFiles"]["valid"]+s["digestFiles"]["invalid"], s["logFiles"]["valid"], s["logFiles"]["valid"]+s["logFiles"]["invalid"], s["signaturesVerified"]))' "$work/verify.json")
    local best median
    best=$(printf '%s\n' "${wall[@]}" | sort -n | head -n 1)
    median=$(printf '%s\n' "${wall[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    printf '%-34s %9s %9s %8s   (%s)\n' "$label" "$best" "$median" \
        "$(awk -v m="$median" -v t="$target_ms" 'BEGIN { printf "%.2f", m / t }')" "$summary"
}

printf '%-34s %9s %9s %8s\n' "piece" "best ms" "median ms" "/target"
measure "verify tree (target <= 10000)" "$tree"
if [ ! -f "$case_file" ] || [ "$cli" -nt "$case_file" ]; then
    rm -f "$case_file" "$case_file-wal" "$case_file-shm"
    "$cli" import "$case_file" "$tree" >/dev/null
fi
measure "verify case (no original read)" "$case_file"
