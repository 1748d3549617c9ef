// Loads a trail tree into a DuckDB table the way an analyst would (read_json + unnest(Records), explicit columns,
// nested parts kept as JSON, 2 threads) and prints {"seconds", "events"} as JSON. Used by bench_import.sh.
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, dbPath] = process.argv.slice(2);
const json = 'JSON';
const columns = {
    eventVersion: 'VARCHAR', userIdentity: json, eventTime: 'VARCHAR', eventSource: 'VARCHAR', eventName: 'VARCHAR',
    awsRegion: 'VARCHAR', sourceIPAddress: 'VARCHAR', userAgent: 'VARCHAR', errorCode: 'VARCHAR',
    errorMessage: 'VARCHAR', requestParameters: json, responseElements: json, additionalEventData: json,
    requestID: 'VARCHAR', eventID: 'VARCHAR', readOnly: 'BOOLEAN', resources: json, eventType: 'VARCHAR',
    apiVersion: 'VARCHAR', managementEvent: 'BOOLEAN', recipientAccountId: 'VARCHAR', sharedEventID: 'VARCHAR',
    vpcEndpointId: 'VARCHAR', eventCategory: 'VARCHAR', tlsDetails: json, sessionCredentialFromConsole: 'VARCHAR',
    serviceEventDetails: json,
};
const struct = 'STRUCT(' + Object.entries(columns).map(([k, v]) => `"${k}" ${v}`).join(', ') + ')[]';
const instance = await DuckDBInstance.create(dbPath ?? ':memory:', { threads: '2' });
const connection = await instance.connect();
const started = performance.now();
await connection.run(`CREATE TABLE events AS SELECT unnest(r) FROM (SELECT unnest(Records) AS r FROM read_json(` +
    `'${dir}/**/*.json.gz', format = 'auto', columns = {Records: '${struct}'}, maximum_object_size = 268435456))`);
const seconds = (performance.now() - started) / 1000;
const count = await connection.runAndReadAll('SELECT count(*) FROM events');
const events = Number(count.getRows()[0][0]);
const lookups = {};
for (const [name, sql] of Object.entries({
    userNameAndEventName: `SELECT count(*) FROM events WHERE json_extract_string(userIdentity, '$.userName') = 'dev-temp-key' AND eventName = 'RunInstances'`,
    accessKey: `SELECT count(*) FROM events WHERE json_extract_string(userIdentity, '$.accessKeyId') = 'AKIAEXAMPLELEAKED001'`,
    errorCode: `SELECT count(*) FROM events WHERE errorCode = 'AccessDenied'`,
})) {
    const t = performance.now();
    await connection.runAndReadAll(sql);
    lookups[name] = (performance.now() - t) / 1000;
}
console.log(JSON.stringify({ seconds, events, lookups }));
