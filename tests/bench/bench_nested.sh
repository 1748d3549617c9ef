#!/usr/bin/env bash
# Nested-field benchmark (issue 14, "every field at column speed"): a fixed set of questions on nested CloudTrail
# fields (requestParameters, responseElements, additionalEventData; Lake SQL predicates, a GROUP BY, a projection, a
# hot column with a nested key, a {…} filter pattern and a free-text search) on both engines over the same sparse
# 1M-event workload: Trailscope through `trailscope-cli query --timing` / `trailscope-cli lookup`, DuckDB through
# @duckdb/node-api over the table bench_import.sh loads (nested parts kept as JSON; WORK_DIR/sparse.duckdb).
# For each question it prints the result rows on each side (`≠` where they differ), Trailscope's in-process best and
# median milliseconds of RUNS runs, its whole-process wall clock (median), DuckDB's in-process best and median, and
# the ratio Trailscope / DuckDB of the medians; then the geometric-mean ratio and the worst question.
# The target: as fast as DuckDB's in-process time (ratio ≤ 1) and never more than 1 s as a whole process.
#
#   tests/bench/bench_nested.sh [BUILD_DIR] [WORK_DIR]
#   EVENTS=20000 tests/bench/bench_nested.sh build/release /tmp/trailscope-nested-try   # try it, don't measure
#
# BUILD_DIR defaults to build/release; WORK_DIR (default /tmp/trailscope-bench) is shared with bench_import.sh and
# bench_lake.sh: its sparse tree, case and sparse.duckdb are reused when present, else made here (the DuckDB table
# takes over a minute to load). EVENTS=N makes a smaller workload in WORK_DIR/lake-N (+ lake-N.tscase,
# lake-N.duckdb) instead. RUNS (default 7) sets the runs per question; the free-text question still reads every raw
# record (seconds a run on the 1M case), so RUNS=3 gives a quicker look.
#
# How each side is timed: a Lake SQL question runs twice in one `trailscope-cli query --timing` process and the
# second run (warm page cache) is the in-process time, as in bench_lake.sh; the whole-process time is that command's
# wall clock less its second run, i.e. what the question costs as the only statement of a fresh process. A
# search-bar question runs once per process (`lookup --timing`: from the open case to the last event written), so
# its in-process time has a warm page cache but a cold process; where a lookup prints no timing its ratio falls back
# to the wall clock (marked "w": an upper bound of the in-process ratio). DuckDB (duckdb_lookup.mjs) runs each query once to warm up, then
# RUNS times. Result rows are counted in full on both sides: no question has a LIMIT unless it says so.
# DuckDB comes from npm (@duckdb/node-api@1.5.6-r.1, installed under WORK_DIR/duckdb); without node/npm its side is
# skipped and the Trailscope side still prints.
set -euo pipefail

# The questions, one `ask` each: kind (sql = Lake SQL through `query`, search = the search bar through `lookup`),
# label, what Trailscope runs, and under it DuckDB's SQL for the same answer over its `events` table (nested parts as
# JSON columns). $policy, $itype, $ami, $bucket, $new_key, $session_key and $role_arn are picked from the case below,
# before this is called. Labels are [A-Za-z0-9 +=<>-] only (they pass through DuckDB's JSON and awk).
kinds=()
labels=()
ours=()
theirs=()
ask() { kinds+=("$1"); labels+=("$2"); ours+=("$3"); theirs+=("$4"); }
define_questions() {
    cols="eventTime, eventName, eventID"
    ask sql "policyArn LIKE" \
        "SELECT $cols FROM cloudtrail_logs WHERE element_at(requestParameters, 'policyArn') LIKE '%$policy%' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(requestParameters, '\$.policyArn') LIKE '%$policy%' ORDER BY eventTime DESC"
    ask sql "instanceType =" \
        "SELECT $cols FROM cloudtrail_logs WHERE element_at(requestParameters, 'instanceType') = '$itype' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(requestParameters, '\$.instanceType') = '$itype' ORDER BY eventTime DESC"
    ask sql "bucketName =" \
        "SELECT $cols FROM cloudtrail_logs WHERE element_at(requestParameters, 'bucketName') = '$bucket' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(requestParameters, '\$.bucketName') = '$bucket' ORDER BY eventTime DESC"
    ask sql "imageId deep path" \
        "SELECT $cols FROM cloudtrail_logs WHERE json_extract_scalar(element_at(requestParameters, 'instancesSet'), '\$.items[0].imageId') = '$ami' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(requestParameters, '\$.instancesSet.items[0].imageId') = '$ami' ORDER BY eventTime DESC"
    ask sql "new accessKeyId" \
        "SELECT $cols FROM cloudtrail_logs WHERE json_extract_scalar(element_at(responseElements, 'accessKey'), '\$.accessKeyId') = '$new_key' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(responseElements, '\$.accessKey.accessKeyId') = '$new_key' ORDER BY eventTime DESC"
    ask sql "AssumeRole credentials" \
        "SELECT $cols FROM cloudtrail_logs WHERE json_extract_scalar(element_at(responseElements, 'credentials'), '\$.accessKeyId') = '$session_key' ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE json_extract_string(responseElements, '\$.credentials.accessKeyId') = '$session_key' ORDER BY eventTime DESC"
    ask sql "bytesOut > 10 MB" \
        "SELECT $cols FROM cloudtrail_logs WHERE CAST(element_at(additionalEventData, 'bytesTransferredOut') AS bigint) > 10000000 ORDER BY eventTime DESC" \
        "SELECT $cols FROM events WHERE CAST(json_extract_string(additionalEventData, '\$.bytesTransferredOut') AS BIGINT) > 10000000 ORDER BY eventTime DESC"
    ask sql "count by bucketName" \
        "SELECT element_at(requestParameters, 'bucketName') AS bucket, count(*) AS n FROM cloudtrail_logs GROUP BY 1 ORDER BY n DESC" \
        "SELECT json_extract_string(requestParameters, '\$.bucketName') AS bucket, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC"
    ask sql "nested keys LIMIT 100" \
        "SELECT eventTime, eventName, element_at(requestParameters, 'bucketName'), element_at(requestParameters, 'key'), element_at(additionalEventData, 'bytesTransferredOut') FROM cloudtrail_logs ORDER BY eventTime DESC LIMIT 100" \
        "SELECT eventTime, eventName, json_extract_string(requestParameters, '\$.bucketName'), json_extract_string(requestParameters, '\$.key'), json_extract_string(additionalEventData, '\$.bytesTransferredOut') FROM events ORDER BY eventTime DESC LIMIT 100"
    ask sql "eventName + roleArn" \
        "SELECT eventTime, element_at(requestParameters, 'roleSessionName') FROM cloudtrail_logs WHERE eventName = 'AssumeRole' AND element_at(requestParameters, 'roleArn') = '$role_arn' ORDER BY eventTime DESC LIMIT 100" \
        "SELECT eventTime, json_extract_string(requestParameters, '\$.roleSessionName') FROM events WHERE eventName = 'AssumeRole' AND json_extract_string(requestParameters, '\$.roleArn') = '$role_arn' ORDER BY eventTime DESC LIMIT 100"
    # Filter patterns are case-sensitive, `*` a wildcard; free text ignores ASCII case over the raw record's text,
    # which on DuckDB's side is its JSON columns and errorMessage (the other columns are names, ids, IPs and agents).
    ask search "filter pattern policyArn" \
        "{ \$.requestParameters.policyArn = \"*$policy*\" }" \
        "SELECT $cols FROM events WHERE json_extract_string(requestParameters, '\$.policyArn') LIKE '%$policy%' ORDER BY eventTime DESC"
    ask search "free text" \
        "\"AdministratorAccess\"" \
        "SELECT $cols FROM events WHERE concat_ws(' ', userIdentity, requestParameters, responseElements, additionalEventData, resources, serviceEventDetails, tlsDetails, errorMessage) ILIKE '%AdministratorAccess%' ORDER BY eventTime DESC"
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/tests/bench/benchlib.sh"
bench_tools "$@"
runs="${RUNS:-7}"

# The same files feed both engines: the sparse tree of bench_import.sh (or a small one for EVENTS=N).
bench_sparse_workload

# DuckDB: installed and loaded the way bench_import.sh does it, only when missing.
bench_duckdb_install
if [ "$duckdb_ready" = 1 ] && [ ! -f "$duck_db" ]; then
    echo "loading $tree into $duck_db (DuckDB read_json, as bench_import.sh does)..." >&2
    # Into a temporary name first, so that an interrupted load is not taken for a table next time.
    rm -f "$duck_db.loading" "$duck_db.loading.wal"
    (cd "$work/duckdb" && cp "$root/tests/bench/duckdb_import.mjs" . &&
        node duckdb_import.mjs "$tree" "$duck_db.loading") >/dev/null
    [ ! -f "$duck_db.loading.wal" ] || { echo "DuckDB left a WAL beside $duck_db.loading" >&2; exit 1; }
    mv "$duck_db.loading" "$duck_db"
fi
[ "$duckdb_ready" = 1 ] || echo "DuckDB side skipped: node/npm or @duckdb/node-api unavailable" >&2

# Values that exist in the generated data, each found on an indexed eventName so that picking stays cheap.
# AdministratorAccess is never a policyArn in the sparse workload (only in trailgen's incident of the sample
# workload), so the policy questions use the newest policy that AttachUserPolicy attached; the free text keeps
# AdministratorAccess, which the SSO role's ARNs carry.
pick() { "$cli" query "$case_file" "$1" --format csv | sed -n '2p' | tr -d '\r'; }
policy_arn=$(pick "SELECT element_at(requestParameters, 'policyArn') FROM cloudtrail_logs WHERE eventName = 'AttachUserPolicy' ORDER BY eventTime DESC LIMIT 1")
policy="${policy_arn##*/}"
itype_and_ami=$(pick "SELECT element_at(requestParameters, 'instanceType'), json_extract_scalar(element_at(requestParameters, 'instancesSet'), '\$.items[0].imageId') FROM cloudtrail_logs WHERE eventName = 'RunInstances' ORDER BY eventTime DESC LIMIT 1")
itype="${itype_and_ami%%,*}"
ami="${itype_and_ami#*,}"
bucket=$(pick "SELECT element_at(requestParameters, 'bucketName') FROM cloudtrail_logs WHERE eventName = 'DeleteObject' ORDER BY eventTime DESC LIMIT 1")
new_key=$(pick "SELECT json_extract_scalar(element_at(responseElements, 'accessKey'), '\$.accessKeyId') FROM cloudtrail_logs WHERE eventName = 'CreateAccessKey' AND responseElements IS NOT NULL ORDER BY eventTime DESC LIMIT 1")
role_and_key=$(pick "SELECT element_at(requestParameters, 'roleArn'), json_extract_scalar(element_at(responseElements, 'credentials'), '\$.accessKeyId') FROM cloudtrail_logs WHERE eventName = 'AssumeRole' AND responseElements IS NOT NULL ORDER BY eventTime DESC LIMIT 1")
role_arn="${role_and_key%%,*}"
session_key="${role_and_key#*,}"
for value in policy itype ami bucket new_key role_arn session_key; do
    [ -n "${!value}" ] || { echo "no value for $value in $case_file" >&2; exit 1; }
done

define_questions

sorted_at() { printf '%s\n' "${@:2}" | sort -g | sed -n "$1p"; } # sorted_at N VALUES...: the Nth smallest
mid=$(((runs + 1) / 2))
out="$(mktemp)"
trap 'rm -f "$out" "$out.err"' EXIT

# Trailscope: rows, best, median (in-process; "-" for a lookup) and wall median for each question, in ts_*.
ts_rows=()
ts_best=()
ts_median=()
ts_wall=()
for i in "${!labels[@]}"; do
    text="${ours[$i]}"
    inproc=()
    wall=()
    rows="-"
    for _ in $(seq "$runs"); do
        if [ "${kinds[$i]}" = sql ]; then
            start=$(date +%s%N)
            # "statement 2: N rows in R ms (all statements prepared in P ms)"
            stats=$("$cli" query "$case_file" "$text; $text" --format jsonl --timing 2>&1 >/dev/null | tail -n 1) || true
            end=$(date +%s%N)
            run_ms=$(echo "$stats" | sed -n 's/^statement 2: [0-9]* rows in \([0-9.]*\) ms.*/\1/p')
            [ -n "$run_ms" ] || { echo "${labels[$i]} failed: $stats" >&2; rows="failed"; break; }
            rows=$(echo "$stats" | sed -n 's/^statement 2: \([0-9]*\) rows.*/\1/p')
            inproc+=("$run_ms")
            wall+=("$(awk -v t=$((end - start)) -v r="$run_ms" 'BEGIN {printf "%.0f", t / 1e6 - r}')")
        else
            start=$(date +%s%N)
            "$cli" lookup "$case_file" "$text" --limit 0 --format csv --timing >"$out" 2>"$out.err" || {
                echo "${labels[$i]} failed: $(head -c 300 "$out.err")" >&2
                rows="failed"
                break
            }
            end=$(date +%s%N)
            rows=$(($(wc -l <"$out") - 1)) # csv: a header line, then a line per event
            searched=$(sed -n 's/^lookup: [0-9]* events in \([0-9.]*\) ms$/\1/p' "$out.err" | tail -n 1)
            [ -n "$searched" ] && inproc+=("$searched")
            wall+=($(((end - start) / 1000000)))
        fi
    done
    ts_rows+=("$rows")
    if [ "${#inproc[@]}" = "$runs" ]; then
        ts_best+=("$(sorted_at 1 "${inproc[@]}")")
        ts_median+=("$(sorted_at "$mid" "${inproc[@]}")")
    else
        ts_best+=("-")
        ts_median+=("-")
    fi
    if [ "${#wall[@]}" = "$runs" ]; then ts_wall+=("$(sorted_at "$mid" "${wall[@]}")"); else ts_wall+=("-"); fi
done

# DuckDB: every question in one process (duckdb_lookup.mjs), read back as "rows best median" per label.
declare -A duck_of
if [ "$duckdb_ready" = 1 ]; then
    entries=()
    for i in "${!labels[@]}"; do entries+=("${labels[$i]}|${theirs[$i]}"); done
    cp "$root/tests/bench/duckdb_lookup.mjs" "$work/duckdb/"
    (cd "$work/duckdb" && node duckdb_lookup.mjs "$duck_db" "$runs" "${entries[@]}") >"$out" ||
        { echo "DuckDB side failed (see above); printing Trailscope's alone" >&2; echo '{}' >"$out"; }
    while IFS=$'\t' read -r label rows best median; do
        duck_of[$label]="$rows $best $median"
    done < <(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        for (const [k, v] of Object.entries(r)) console.log([k, v.rows, v.best.toFixed(2), v.median.toFixed(2)].join("\t"));' "$out")
fi

events=$("$cli" query "$case_file" "SELECT count(*) FROM events" --format csv | sed -n '2p' | tr -d '\r')
echo "case: $case_file ($events events); $runs runs each; milliseconds; ratio = Trailscope / DuckDB median"
echo "picked: policy $policy, instanceType $itype, imageId $ami, bucket $bucket, new key $new_key,"
echo "        role $role_arn, session key $session_key"
ratio_line=""
printf '%-26s %8s %8s %9s %9s %8s %9s %9s %8s\n' question ts_rows duck_rows ts_best ts_median ts_wall duck_best \
    duck_med ratio
for i in "${!labels[@]}"; do
    label="${labels[$i]}"
    read -r duck_rows duck_best duck_median <<<"${duck_of[$label]:-- - -}"
    ours_ms="${ts_median[$i]}"
    basis=""
    if [ "$ours_ms" = "-" ] && [ "${ts_wall[$i]}" != "-" ]; then
        ours_ms="${ts_wall[$i]}"
        basis="w"
    fi
    awk -v l="$label" -v tr="${ts_rows[$i]}" -v dr="$duck_rows" -v tb="${ts_best[$i]}" -v tm="${ts_median[$i]}" \
        -v tw="${ts_wall[$i]}" -v db="$duck_best" -v dm="$duck_median" -v o="$ours_ms" -v basis="$basis" 'BEGIN {
        ratio = "-"
        if (o != "-" && dm != "-") {
            r = o / (dm > 0 ? dm : 0.01)
            ratio = sprintf(r < 10 ? "%.2f×" : "%.0f×", r) basis
        }
        marks = (dr != "-" && tr != dr) ? "  ≠ rows" : ""
        if (tw != "-" && tw + 0 > 1000) marks = marks "  > 1 s"
        printf "%-26s %8s %8s %9s %9s %8s %9s %9s %8s%s\n", l, tr, dr, tb, tm, tw, db, dm, ratio, marks }'
    if [ "$duck_median" != "-" ] && [ "$ours_ms" != "-" ]; then
        ratio_line+="$label"$'\t'"$ours_ms"$'\t'"$duck_median"$'\t'"$basis"$'\n'
    fi
done
echo "(ts_best/ts_median: in-process, second run in the process; ts_wall: median whole process, the question alone;"
echo " a lookup's in-process time is its only run in the process; w: ratio on ts_wall; target: ratio ≤ 1 and"
echo " ts_wall ≤ 1000 ms)"
if [ -n "$ratio_line" ]; then
    printf '%s' "$ratio_line" | awk -F'\t' '{
        r = $2 / ($3 > 0 ? $3 : 0.01); sum += log(r); n++; if ($4 == "w") w++
        if (n == 1 || r > worst) { worst = r; name = $1 } }
        END { printf "geometric-mean ratio %.2f× over %d questions (%d on whole-process wall); worst: %s at %.2f×\n",
              exp(sum / n), n, w, name, worst }'
else
    echo "no ratio: the DuckDB side was skipped"
fi
