#!/usr/bin/env bash
# Lake SQL benchmark (issue 3): on the sparse 1M-event case of the import benchmark, runs the two guide queries of
# the issue verbatim and a few lookups on nested fields through `trailscope-cli query --timing`, each several times,
# and prints the fastest and the median in-process milliseconds (the second run in the process, on a warm page cache,
# without process start) and the
# wall-clock milliseconds of the whole command. The target is ≤ 200 ms for each guide query. Then the nested-field
# lookups side by side with DuckDB over the table bench_import.sh loaded (nested parts as JSON; WORK_DIR/sparse.duckdb,
# @duckdb/node-api under WORK_DIR/duckdb), with the ratio; the target is ≥ 10× on nested fields.
#
#   tests/bench/bench_lake.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh: its
# sparse tree and case are reused when present, else generated (~170 MB of input, ~10 s of import).
# EVENTS=N makes a smaller workload in WORK_DIR/lake-N instead (to try the script, not to measure).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
runs="${RUNS:-7}"

bench_sparse_workload

# Values that exist in the generated case, for the nested lookups.
pick() { "$cli" query "$case_file" "$1" --format csv | sed -n '2p' | tr -d '\r'; }
user_and_name=$(pick "SELECT userIdentity.username, eventName FROM cloudtrail_logs WHERE userIdentity.username IS NOT NULL AND eventName <> 'ConsoleLogin' ORDER BY eventTime DESC LIMIT 1")
user="${user_and_name%%,*}"
name="${user_and_name#*,}"
key=$(pick "SELECT userIdentity.accesskeyid FROM cloudtrail_logs WHERE userIdentity.accesskeyid LIKE 'AKIA%' ORDER BY eventTime DESC LIMIT 1")
issuer=$(pick "SELECT userIdentity.sessioncontext.sessionissuer.arn FROM cloudtrail_logs WHERE userIdentity.sessioncontext.sessionissuer.arn IS NOT NULL ORDER BY eventTime DESC LIMIT 1")

queries=(
    "guide: DeleteBucket|SELECT eventName, userIdentity.arn, eventTime, awsRegion FROM my_event_data_store WHERE eventName = 'DeleteBucket' AND eventTime > '2026-01-01' ORDER BY eventTime DESC LIMIT 100"
    "guide: RunInstances|SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters FROM cloudtrail_logs WHERE eventName = 'RunInstances' AND eventTime > '2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 100;"
    # The generated workloads end before 2026-02-21 23:00: the same queries within their span return full pages.
    "guide 1 within the span|SELECT eventName, userIdentity.arn, eventTime, awsRegion FROM my_event_data_store WHERE eventName = 'DeleteBucket' AND eventTime > '2026-02-01' ORDER BY eventTime DESC LIMIT 100"
    "guide 2 within the span|SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters FROM cloudtrail_logs WHERE eventName = 'RunInstances' AND eventTime > '2026-02-05 23:00:00' ORDER BY eventTime DESC LIMIT 100;"
    "time only, raw columns|SELECT eventTime, eventName, requestParameters, responseElements FROM cloudtrail_logs WHERE eventTime > '2026-02-10 12:00:00' ORDER BY eventTime DESC LIMIT 100"
    "userName + eventName|SELECT eventTime, eventName, userIdentity.arn FROM cloudtrail_logs WHERE userIdentity.username = '$user' AND eventName = '$name' ORDER BY eventTime DESC LIMIT 100"
    "accessKeyId|SELECT eventTime, eventName, sourceIPAddress FROM cloudtrail_logs WHERE userIdentity.accesskeyid = '$key' ORDER BY eventTime DESC LIMIT 100"
    "session issuer ARN|SELECT eventTime, eventName FROM cloudtrail_logs WHERE userIdentity.sessioncontext.sessionissuer.arn = '$issuer' ORDER BY eventTime DESC LIMIT 100"
    "errorCode (flat)|SELECT eventTime, eventName, errorMessage FROM cloudtrail_logs WHERE errorCode = 'AccessDenied' ORDER BY eventTime DESC LIMIT 100"
    "count by source, name|SELECT eventSource, eventName, count(*) AS apiCount FROM cloudtrail_logs WHERE eventTime > '2026-02-13 00:00:00' GROUP BY eventSource, eventName ORDER BY apiCount DESC LIMIT 20"
)

declare -A median_of
events=$("$cli" query "$case_file" "SELECT count(*) FROM events" --format csv | sed -n '2p' | tr -d '\r')
echo "case: $case_file ($events events); $runs runs each; milliseconds"
printf '%-24s %6s %9s %9s %9s\n' query rows best median wall_med
for entry in "${queries[@]}"; do
    label="${entry%%|*}"
    sql="${entry#*|}"
    inproc=()
    wall=()
    rows=0
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        # The statement twice in one process: the second runs on a warm page cache, as DuckDB's timed runs do after
        # their warm-up; the wall clock still covers the whole command.
        stats=$("$cli" query "$case_file" "${sql%;}; ${sql%;}" --format jsonl --timing 2>&1 >/dev/null | tail -n 1)
        end=$(date +%s%N)
        # "statement 2: N rows in R ms (all statements prepared in P ms)"
        rows=$(echo "$stats" | sed -n 's/^statement 2: \([0-9]*\) rows.*/\1/p')
        run_ms=$(echo "$stats" | sed -n 's/.* rows in \([0-9.]*\) ms.*/\1/p')
        [ -n "$run_ms" ] || { echo "$label failed: $stats" >&2; continue 2; }
        inproc+=("$run_ms")
        wall+=($(((end - start) / 1000000)))
    done
    best=$(printf '%s\n' "${inproc[@]}" | sort -g | head -n 1)
    median=$(printf '%s\n' "${inproc[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")
    wall_median=$(printf '%s\n' "${wall[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    printf '%-24s %6s %9s %9s %9s\n' "$label" "$rows" "$best" "$median" "$wall_median"
    median_of[$label]=$median
done

# DuckDB side by side: the same lookups on its table, nested parts extracted from JSON with json_extract_string.
if [ -n "${EVENTS:-}" ] || [ ! -f "$duck_db" ] || [ ! -d "$work/duckdb/node_modules/@duckdb/node-api" ] || ! command -v node >/dev/null; then
    echo "DuckDB side-by-side skipped: needs node and the sparse.duckdb table of bench_import.sh in $work" >&2
    exit 0
fi
duck_queries=(
    "userName + eventName|SELECT eventTime, eventName, json_extract_string(userIdentity, '\$.arn') FROM events WHERE json_extract_string(userIdentity, '\$.userName') = '$user' AND eventName = '$name' ORDER BY eventTime DESC LIMIT 100"
    "accessKeyId|SELECT eventTime, eventName, sourceIPAddress FROM events WHERE json_extract_string(userIdentity, '\$.accessKeyId') = '$key' ORDER BY eventTime DESC LIMIT 100"
    "session issuer ARN|SELECT eventTime, eventName FROM events WHERE json_extract_string(userIdentity, '\$.sessionContext.sessionIssuer.arn') = '$issuer' ORDER BY eventTime DESC LIMIT 100"
    "errorCode (flat)|SELECT eventTime, eventName, errorMessage FROM events WHERE errorCode = 'AccessDenied' ORDER BY eventTime DESC LIMIT 100"
)
cp "$root/tests/bench/duckdb_lookup.mjs" "$work/duckdb/"
duck=$(cd "$work/duckdb" && node duckdb_lookup.mjs "$duck_db" "$runs" "${duck_queries[@]}")
echo
echo "side by side with DuckDB (same lookups, LIMIT 100, in-process median ms; ratio = DuckDB / Trailscope):"
printf '%-24s %6s %11s %9s %8s\n' lookup rows trailscope duckdb ratio
for entry in "${duck_queries[@]}"; do
    label="${entry%%|*}"
    ours="${median_of[$label]:-}"
    theirs=$(echo "$duck" | sed -n "s/.*\"$label\":{\"rows\":\([0-9]*\),\"best\":[0-9.e-]*,\"median\":\([0-9.e-]*\)}.*/\1 \2/p")
    duck_rows="${theirs%% *}"
    duck_ms="${theirs#* }"
    awk -v l="$label" -v r="$duck_rows" -v o="$ours" -v d="$duck_ms" 'BEGIN {
        ratio = (o > 0) ? d / o : d / 0.01
        printf "%-24s %6s %11s %9.1f %7.0f×\n", l, r, o, d, ratio }'
done
echo "(in-process milliseconds of the second run in one process, both sides on a warm cache)"
