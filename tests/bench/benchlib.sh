# Shared by the benchmark scripts; sourced, not run, after `root` (the source tree) is set.

# bench_tools [BUILD_DIR] [WORK_DIR]: sets build (default build/release), work (default /tmp/trailscope-bench, made
# when missing), cli (trailscope-cli) and gen (trailgen), and stops when either is not built.
bench_tools() {
    build="${1:-$root/build/release}"
    work="${2:-/tmp/trailscope-bench}"
    cli="$build/bin/trailscope-cli"
    gen="$build/bin/trailgen"
    [ -x "$cli" ] && [ -x "$gen" ] || { echo "build first: $cli and $gen are needed" >&2; exit 1; }
    mkdir -p "$work"
}

# bench_duckdb_install: installs @duckdb/node-api@1.5.6-r.1 under WORK_DIR/duckdb when node and npm are there and
# sets duckdb_ready to 1 when it can be used, else 0.
bench_duckdb_install() {
    duckdb_ready=0
    if command -v node >/dev/null && command -v npm >/dev/null; then
        if [ ! -d "$work/duckdb/node_modules/@duckdb/node-api" ]; then
            mkdir -p "$work/duckdb"
            (cd "$work/duckdb" && npm install --silent --no-audit --no-fund @duckdb/node-api@1.5.6-r.1 >/dev/null 2>&1) ||
                true
        fi
        [ -d "$work/duckdb/node_modules/@duckdb/node-api" ] && duckdb_ready=1
    fi
    return 0
}

# bench_sparse_workload: the sparse 1M-event tree and case of bench_import.sh, or with EVENTS=N a smaller one in
# WORK_DIR/lake-N, generated and imported when missing (the case also when the CLI is newer); sets tree, case_file and duck_db (the DuckDB database's path).
bench_sparse_workload() {
    if [ -n "${EVENTS:-}" ]; then
        tree="$work/lake-$EVENTS"
        case_file="$work/lake-$EVENTS.tscase"
        duck_db="$work/lake-$EVENTS.duckdb"
        [ -d "$tree/AWSLogs" ] || "$gen" --out "$tree" --workload sparse --events "$EVENTS" >/dev/null
    else
        tree="$work/sparse"
        case_file="$work/sparse.tscase"
        duck_db="$work/sparse.duckdb"
        [ -d "$tree/AWSLogs" ] || "$gen" --out "$tree" --workload sparse >/dev/null
    fi
    # A case older than the CLI may predate what the build stores (the format of the evidence, of the field index):
    # imported again rather than measured as it was.
    if [ ! -f "$case_file" ] || [ "$cli" -nt "$case_file" ]; then
        rm -f "$case_file" "$case_file-wal" "$case_file-shm"
        "$cli" import "$case_file" "$tree" >/dev/null
    fi
}
