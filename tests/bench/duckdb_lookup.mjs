// Times lookups on the DuckDB table duckdb_import.mjs made (nested parts kept as JSON), the side-by-side of
// bench_lake.sh: each query runs RUNS times after one warm-up, and the best and median milliseconds print as JSON.
//   node duckdb_lookup.mjs DB_FILE RUNS 'label|SQL' ...
import { DuckDBInstance } from '@duckdb/node-api';

const [dbPath, runsText, ...entries] = process.argv.slice(2);
const runs = Number(runsText);
const instance = await DuckDBInstance.create(dbPath, { threads: '2', access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const results = {};
for (const entry of entries) {
    const at = entry.indexOf('|');
    const label = entry.slice(0, at), sql = entry.slice(at + 1);
    await connection.runAndReadAll(sql);
    const times = [];
    let rows = 0;
    for (let i = 0; i < runs; ++i) {
        const t = performance.now();
        const reader = await connection.runAndReadAll(sql);
        times.push(performance.now() - t);
        rows = reader.getRows().length;
    }
    times.sort((a, b) => a - b);
    results[label] = { rows, best: times[0], median: times[Math.floor((runs - 1) / 2)] };
}
console.log(JSON.stringify(results));
