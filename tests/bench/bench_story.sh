#!/usr/bin/env bash
# Credential-story benchmark (issue 19) on the sparse 1M-event case of bench_import.sh, with the sample workload's
# chain (a leaked key → AssumeRole → AssumeRole into the other account, resources/sample/README.md incident 8;
# trailgen's sample with another seed, as the bundled one shares eventIDs with the sparse workload) imported into a
# copy of it: `trailscope-cli story --timing` for the library's time (target ≤ 100 ms) and the
# whole process's wall clock with JSON out (target ≤ 300 ms), best and median of RUNS runs, for the sample's seeds
# and for the busiest access key of the case (the most events, and every key it issued); then what credential_links
# costs: bytes an event (SQLite's dbstat, through python3) and, with BASELINE_CLI, the import's searchable seconds
# against a trailscope-cli built without it (target ≤ 5% more).
#
#   tests/bench/bench_story.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=50000 tests/bench/bench_story.sh build/release /tmp/trailscope-story-try   # try it, don't measure
#   BASELINE_CLI=/tmp/base/bin/trailscope-cli IMPORT_RUNS=3 tests/bench/bench_story.sh
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh: its
# sparse tree and case are reused when present, else generated. EVENTS=N makes a smaller workload in WORK_DIR/lake-N
# instead. RUNS (default 5) sets the story runs, IMPORT_RUNS (default 3) the imports of each CLI, alternated.
# A baseline CLI is built from the commit before the credential index, e.g.:
#   git archive 1ceb453 | tar -x -C /tmp/base-src && cmake -S /tmp/base-src -B /tmp/base -G Ninja \
#       -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/base --target trailscope-cli
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
runs="${RUNS:-5}"
import_runs="${IMPORT_RUNS:-3}"
sample="$work/sample-seed-7"
[ -d "$sample/AWSLogs" ] || "$gen" --out "$sample" --workload sample --seed 7 >/dev/null

bench_sparse_workload

story_case="${case_file%.tscase}-story.tscase"
if [ ! -f "$story_case" ] || [ "$case_file" -nt "$story_case" ] || [ "$cli" -nt "$story_case" ]; then
    rm -f "$story_case" "$story_case-wal" "$story_case-shm"
    cp "$case_file" "$story_case"
    [ -f "$case_file-wal" ] && cp "$case_file-wal" "$story_case-wal"
    "$cli" import "$story_case" "$sample" --json >"$work/story-import.json" 2>/dev/null
    conflicts=$(sed -n 's/^ *"conflicts": *\([0-9]*\),\{0,1\}$/\1/p' "$work/story-import.json" | head -n 1)
    [ "${conflicts:-0}" = 0 ] || echo "warning: the sample's import set $conflicts events aside as conflicts" >&2
fi
events=$("$cli" query "$story_case" "SELECT count(*) FROM events" --format csv | sed -n '2p' | tr -d '\r')
busiest=$("$cli" query "$story_case" "SELECT k.value FROM event_rows r JOIN identities i ON i.id = r.identity JOIN \
strings k ON k.id = i.access_key_id WHERE k.value <> '' GROUP BY k.value ORDER BY count(*) DESC LIMIT 1" --format csv |
    sed -n '2p' | tr -d '\r')
echo "case: $story_case ($events events: the sparse workload and the sample)"

median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
best() { sort -n | head -n 1; }

printf '%-58s %8s %8s %8s %8s %6s %7s\n' "story" "lib best" "lib med" "wall bst" "wall med" "keys" "events"
# measure LABEL ARGS...: the library's milliseconds from --timing ("story: X ms" on stderr) and the wall clock of
# the whole command (process start, open, story, JSON out).
measure() {
    local label="$1" lib=() wall=() line start end out keys count
    shift
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        line=$("$cli" story "$story_case" "$@" --format json --timing 2>&1 >"$work/story.json" | grep '^story: [0-9.]* ms' ||
            true)
        end=$(date +%s%N)
        [ -n "$line" ] || { echo "story failed: $*" >&2; exit 1; }
        lib+=("$(echo "$line" | sed -E 's/story: ([0-9.]+) ms/\1/')")
        wall+=($(((end - start) / 1000000)))
    done
    out=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["keys"]), len(d["events"]))' \
        "$work/story.json" 2>/dev/null || echo "? ?")
    keys=${out% *}
    count=${out#* }
    printf '%-58s %8s %8s %8s %8s %6s %7s\n' "$label" "$(printf '%s\n' "${lib[@]}" | best)" \
        "$(printf '%s\n' "${lib[@]}" | median)" "$(printf '%s\n' "${wall[@]}" | best)" \
        "$(printf '%s\n' "${wall[@]}" | median)" "$keys" "$count"
}

measure "--key ASIAEXAMPLESTAGING01 (sample: the cross-account hop)" --key ASIAEXAMPLESTAGING01
measure "--key AKIAEXAMPLELEAKED001 (sample: the leaked key's tree)" --key AKIAEXAMPLELEAKED001
measure "--arn (sample: the staging session's ARN)" \
    --arn arn:aws:sts::583920174466:assumed-role/OrganizationAccountAccessRole/cleanup-session
measure "--key $busiest (the case's busiest key)" --key "$busiest"
echo "(ms; targets: library ≤ 100, whole process ≤ 300)"

if command -v python3 >/dev/null; then
    python3 - "$story_case" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
events = db.execute("SELECT count(*) FROM event_rows").fetchone()[0]
links = db.execute("SELECT count(*) FROM credential_links").fetchone()[0]
try:
    pages, payload = db.execute("SELECT sum(pgsize), sum(payload) FROM dbstat WHERE name IN "
                                "('credential_links', 'credential_links_key')").fetchone()
    print(f"credential_links: {links} rows for {events} events; {pages / events:.2f} bytes an event in pages, "
          f"{payload / events:.2f} of payload (target ≤ 10)")
except sqlite3.OperationalError as error:
    print(f"credential_links: {links} rows for {events} events (no dbstat: {error})")
EOF
fi

if [ -n "${BASELINE_CLI:-}" ]; then
    [ -x "$BASELINE_CLI" ] || { echo "BASELINE_CLI $BASELINE_CLI is not executable" >&2; exit 1; }
    searchable() { sed -n 's/^ *"searchableSeconds": *\([0-9.]*\),\{0,1\}$/\1/p' "$1" | head -n 1; }
    with=() without=()
    for _ in $(seq "$import_runs"); do
        for which in baseline story; do
            binary="$cli"
            [ "$which" = baseline ] && binary="$BASELINE_CLI"
            target="$work/import-$which.tscase"
            rm -f "$target" "$target-wal" "$target-shm"
            sync
            "$binary" import "$target" "$tree" --json >"$work/import-$which.json"
            if [ "$which" = baseline ]; then without+=("$(searchable "$work/import-$which.json")"); else
                with+=("$(searchable "$work/import-$which.json")"); fi
        done
    done
    rm -f "$work"/import-baseline.tscase* "$work"/import-story.tscase*
    runs="$import_runs"
    a=$(printf '%s\n' "${without[@]}" | median)
    b=$(printf '%s\n' "${with[@]}" | median)
    echo "import searchable seconds, median of $import_runs alternated runs: without credential_links $a" \
        "(${without[*]}), with $b (${with[*]}): $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%+.1f%%", (b / a - 1) * 100}')" \
        "(target ≤ +5%)"
else
    echo "import overhead: set BASELINE_CLI to a trailscope-cli built without credential_links to measure it"
fi
