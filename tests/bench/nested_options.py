#!/usr/bin/env python3
"""Measures storage options for nested fields (issue 14) on the records of a case, before one is chosen.

  tests/bench/nested_options.py RECORDS.jsonl [--events N] [--block N] [--levels 3,9,19] [--sqlite OUT.db]

RECORDS.jsonl is one stored record per line, in storage order, as `trailscope-cli lookup CASE "" --limit 0 --format
jsonl` prints them. It prints, per option, bytes per event and how long the questions of bench_nested.sh take:

  evidence   the records compressed in blocks that can be read alone (zlib, as gzip does now; zstd at several
             levels, with and without a dictionary trained on a sample): bytes, and the time to decompress all.
  pathvalue  a path/value index: every scalar leaf of requestParameters, responseElements, additionalEventData and
             serviceEventDetails as (path, value, event) over interned strings, in an SQLite WITHOUT ROWID table
             keyed for lookups: bytes, leaves per event, distinct paths and values, and the benchmark's predicates
             as index lookups.

Build times are Python's and say nothing of a C++ import; sizes and SQLite query times are what an implementation
would see. zstd is called through libzstd.so.1 with ctypes (Debian's libzstd1, present wherever the zstd tool is).
"""
import argparse
import ctypes
import json
import os
import sqlite3
import sys
import tempfile
import time
import zlib

NESTED = ("requestParameters", "responseElements", "additionalEventData", "serviceEventDetails")


def load_zstd():
    lib = ctypes.CDLL("libzstd.so.1")
    lib.ZSTD_compressBound.restype = ctypes.c_size_t
    lib.ZSTD_compressBound.argtypes = [ctypes.c_size_t]
    lib.ZSTD_createCCtx.restype = ctypes.c_void_p
    lib.ZSTD_createDCtx.restype = ctypes.c_void_p
    lib.ZSTD_compress_usingDict.restype = ctypes.c_size_t
    lib.ZSTD_compress_usingDict.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                            ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    lib.ZSTD_decompress_usingDict.restype = ctypes.c_size_t
    lib.ZSTD_decompress_usingDict.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                              ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]
    lib.ZSTD_isError.argtypes = [ctypes.c_size_t]
    lib.ZDICT_trainFromBuffer.restype = ctypes.c_size_t
    lib.ZDICT_trainFromBuffer.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                          ctypes.POINTER(ctypes.c_size_t), ctypes.c_uint]
    lib.ZDICT_isError.argtypes = [ctypes.c_size_t]
    return lib


def train_dictionary(lib, samples, size):
    data = b"".join(samples)
    sizes = (ctypes.c_size_t * len(samples))(*[len(s) for s in samples])
    out = ctypes.create_string_buffer(size)
    n = lib.ZDICT_trainFromBuffer(out, size, data, sizes, len(samples))
    if lib.ZDICT_isError(n):
        sys.exit("dictionary training failed")
    return out.raw[:n]


def zstd_blocks(lib, blocks, level, dictionary):
    cctx, dctx = lib.ZSTD_createCCtx(), lib.ZSTD_createDCtx()
    compressed = []
    for block in blocks:
        bound = lib.ZSTD_compressBound(len(block))
        out = ctypes.create_string_buffer(bound)
        n = lib.ZSTD_compress_usingDict(cctx, out, bound, block, len(block), dictionary, len(dictionary), level)
        if lib.ZSTD_isError(n):
            sys.exit("zstd compression failed")
        compressed.append((out.raw[:n], len(block)))
    start = time.perf_counter()
    for data, size in compressed:
        out = ctypes.create_string_buffer(size)
        lib.ZSTD_decompress_usingDict(dctx, out, size, data, len(data), dictionary, len(dictionary))
    return sum(len(d) for d, _ in compressed), time.perf_counter() - start


def measure_evidence(records, block_events, levels):
    blocks = [b"\n".join(records[i:i + block_events]) for i in range(0, len(records), block_events)]
    raw = sum(len(r) for r in records)
    events = len(records)
    print(f"evidence: {events} records, {raw / events:.0f} B/event uncompressed; blocks of {block_events} records")
    print(f"  {'option':34s} {'B/event':>8s} {'ratio':>7s} {'decompress all':>15s}")
    compressed = [zlib.compress(b, 6) for b in blocks]
    start = time.perf_counter()
    for data in compressed:
        zlib.decompress(data)
    print(f"  {'zlib 6 (like gzip)':34s} {sum(map(len, compressed)) / events:8.1f} "
          f"{raw / sum(map(len, compressed)):6.1f}× {time.perf_counter() - start:13.2f} s")
    lib = load_zstd()
    step = max(1, events // 20000)
    dictionary = train_dictionary(lib, records[::step][:20000], 112 * 1024)
    for level in levels:
        for name, dic in (("no dictionary", b""), (f"{len(dictionary) // 1024} KiB dictionary", dictionary)):
            size, seconds = zstd_blocks(lib, blocks, level, dic)
            size += len(dic)
            print(f"  {f'zstd {level}, {name}':34s} {size / events:8.1f} {raw / size:6.1f}× {seconds:13.2f} s")


def leaves(value, path, out):
    if isinstance(value, dict):
        for key, child in value.items():
            leaves(child, f"{path}.{key}", out)
    elif isinstance(value, list):
        for child in value:
            leaves(child, f"{path}[*]", out)
    elif value is not None:
        out.append((path, value if isinstance(value, str) else json.dumps(value)))


def measure_path_values(records, db_path):
    paths, values = {}, {}
    rows = []
    for event, record in enumerate(records):
        parsed = json.loads(record)
        found = []
        for part in NESTED:
            if isinstance(parsed.get(part), (dict, list)):
                leaves(parsed[part], part, found)
        for path, value in sorted(set(found)):
            rows.append((paths.setdefault(path, len(paths)), values.setdefault(value, len(values)), event))
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;"
                     "CREATE TABLE paths(id INTEGER PRIMARY KEY, path TEXT NOT NULL);"
                     "CREATE TABLE vals(id INTEGER PRIMARY KEY, value TEXT NOT NULL);"
                     "CREATE TABLE pv(path INT NOT NULL, value INT NOT NULL, event INT NOT NULL,"
                     " PRIMARY KEY(path, value, event)) WITHOUT ROWID;")
    db.executemany("INSERT INTO paths VALUES (?, ?)", ((i, p) for p, i in paths.items()))
    db.executemany("INSERT INTO vals VALUES (?, ?)", ((i, v) for v, i in values.items()))
    rows.sort()
    db.executemany("INSERT INTO pv VALUES (?, ?, ?)", rows)
    db.commit()
    db.execute("VACUUM")
    events = len(records)
    sizes = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()) \
        if has_dbstat(db) else {}
    total = os.path.getsize(db_path)
    print(f"pathvalue: {len(rows)} leaves ({len(rows) / events:.1f} per event), {len(paths)} paths, "
          f"{len(values)} distinct values")
    print(f"  file {total / events:.1f} B/event" + "".join(f"; {name} {size / events:.1f}" for name, size in
                                                            sorted(sizes.items())))
    return db


def has_dbstat(db):
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1")
        return True
    except sqlite3.OperationalError:
        return False


def time_questions(db, heading):
    print(f"  {heading}")
    # The generated workloads' values (trailgen): a managed policy, an instance type, a bucket, key prefixes.
    questions = [
        ("policyArn LIKE", "requestParameters.policyArn", "LIKE '%ReadOnlyAccess%'"),
        ("instanceType =", "requestParameters.instanceType", "= 'm5.large'"),
        ("bucketName =", "requestParameters.bucketName", "= 'acme-prod-alb-logs'"),
        ("new accessKeyId", "responseElements.accessKey.accessKeyId", "GLOB 'AKIA*'"),
        ("AssumeRole credentials", "responseElements.credentials.accessKeyId", "GLOB 'ASIA*'"),
    ]
    print(f"  {'question':26s} {'events':>8s} {'ms':>8s}")
    for label, path, predicate in questions:
        sql = (f"SELECT count(*) FROM pv WHERE path = (SELECT id FROM paths WHERE path = '{path}') AND value IN "
               f"(SELECT id FROM vals WHERE value {predicate})")
        db.execute(sql).fetchone()  # warm
        start = time.perf_counter()
        count = db.execute(sql).fetchone()[0]
        print(f"  {label:26s} {count:8d} {(time.perf_counter() - start) * 1000:8.1f}")
    sql = ("SELECT v.value, count(*) FROM pv JOIN vals v ON v.id = pv.value WHERE pv.path = (SELECT id FROM paths "
           "WHERE path = 'requestParameters.bucketName') GROUP BY pv.value ORDER BY 2 DESC LIMIT 20")
    db.execute(sql).fetchall()
    start = time.perf_counter()
    groups = len(db.execute(sql).fetchall())
    print(f"  {'count by bucketName':26s} {groups:8d} {(time.perf_counter() - start) * 1000:8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records")
    parser.add_argument("--events", type=int, default=0, help="only the first N records")
    parser.add_argument("--block", type=int, default=128, help="records per independently readable block")
    parser.add_argument("--levels", default="3,9,19", help="zstd levels to try (19 is slow: ~3 MB/s; empty: no evidence figures)")
    parser.add_argument("--sqlite", default=os.path.join(tempfile.gettempdir(), "nested_options.db"))
    args = parser.parse_args()
    records = []
    with open(args.records, "rb") as source:
        for line in source:
            records.append(line.rstrip(b"\n"))
            if args.events and len(records) == args.events:
                break
    if args.levels:
        measure_evidence(records, args.block, [int(level) for level in args.levels.split(",")])
    db = measure_path_values(records, args.sqlite)
    time_questions(db, "values by scan (no index on the value text):")
    before = os.path.getsize(args.sqlite)
    db.execute("CREATE INDEX vals_value ON vals(value)")
    db.commit()
    print(f"  with an index on the value text: +{(os.path.getsize(args.sqlite) - before) / len(records):.1f} B/event")
    time_questions(db, "values by index (equality and prefix GLOB use it; a '%x%' LIKE still scans):")


if __name__ == "__main__":
    main()
