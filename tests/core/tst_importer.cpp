#include "casedb/caseschema.h"
#include "casedb/importlock.h"
#include "casedb/rawrecordreader.h"
#include "testsupport.h"
#include "util/eventtime.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

QString id(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QString at(int minute)
{
    return QStringLiteral("2026-02-21T18:%1:00Z").arg(minute, 2, 10, QLatin1Char('0'));
}

std::vector<QJsonObject> records(int first, int count, int minute = 0)
{
    std::vector<QJsonObject> result;
    for (int i = first; i < first + count; ++i)
        result.push_back(makeRecord(id(i), at(minute)));
    return result;
}

// Every stored raw record, by eventID, read back through the evidence kept in the case.
QMap<QString, QJsonObject> storedRecords(const QString& casePath)
{
    QMap<QString, QJsonObject> result;
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        qFatal("cannot open %s", qPrintable(casePath));
    RawRecordReader reader(*db);
    auto rows = db->prepare("SELECT id FROM events ORDER BY id");
    while (rows.step() == SQLITE_ROW) {
        const auto raw = reader.eventRecord(rows.columnInt(0));
        if (!raw)
            qFatal("cannot read event: %s", qPrintable(raw.error().toString()));
        const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(*raw)).object();
        result.insert(object.value(QStringLiteral("eventID")).toString(), object);
    }
    return result;
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_case = 0;
    QString newCase() { return m_dir.filePath(QStringLiteral("case%1.tscase").arg(++m_case)); }
    QString input(const QString& name, const QByteArray& bytes) { return writeFile(m_dir.path(), name, bytes); }

    // event_names holds, per (source, name), exactly the number of events stored (0 for an absent source or name).
    static void verifyEventNames(const QString& casePath)
    {
        const qint64 pairs =
            queryCount(casePath, "SELECT count(*) FROM (SELECT DISTINCT ifnull(source, 0), name_key FROM events)");
        QVERIFY(pairs > 0);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM event_names WHERE events <> 0"), pairs);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM (SELECT ifnull(source, 0) AS s, name_key AS n, count(*) "
                                      "AS c FROM events GROUP BY 1, 2) g JOIN event_names x ON x.source = g.s AND "
                                      "x.name = g.n AND x.events = g.c"),
                 pairs);
    }

private Q_SLOTS:
    void eachInputFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("events");
        const auto three = records(1, 3);
        QTest::newRow("trail json.gz") << trailKey("111122223333", "us-east-1", "20260221T1810Z")
                                       << gzip(recordsEnvelope(three)) << 3;
        QTest::newRow("plain json envelope") << "x/records.json" << recordsEnvelope(three) << 3;
        QTest::newRow("bare array") << "x/array.json.cloudtrail" << jsonArray(three) << 3;
        QTest::newRow("single object") << "x/one.json" << compact(three.front()) << 1;
        QTest::newRow("json lines") << "x/lines.jsonl" << jsonLines(three) << 3;
        QTest::newRow("json lines gzip") << "x/lines.jsonl.gz" << gzip(jsonLines(three)) << 3;
        QJsonArray events;
        for (const QJsonObject& record : three)
            events.append(QJsonObject{{QStringLiteral("EventId"), record[QStringLiteral("eventID")]},
                                      {QStringLiteral("CloudTrailEvent"), QString::fromUtf8(compact(record))}});
        QTest::newRow("lookup-events") << "x/lookup.json"
                                       << QJsonDocument(QJsonObject{{QStringLiteral("Events"), events}}).toJson() << 3;
        QByteArray bridge;
        for (const QJsonObject& record : three)
            bridge +=
                compact(QJsonObject{{QStringLiteral("version"), QStringLiteral("0")},
                                    {QStringLiteral("detail-type"), QStringLiteral("AWS API Call via CloudTrail")},
                                    {QStringLiteral("source"), QStringLiteral("aws.ec2")},
                                    {QStringLiteral("detail"), record}}) +
                '\n';
        QTest::newRow("eventbridge lines") << "x/bridge.jsonl" << bridge << 3;
        QTest::newRow("event history download") << "x/event_history.json" << recordsEnvelope(three) << 3;
    }

    void eachInputFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, events);
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QString path = writeFile(dir.path(), name, bytes);
        const auto summary = importPaths(casePath, {dir.path()});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->counts.events, events);
        QCOMPARE(summary->counts.rejected, 0);
        // Round trip: each stored raw record is the original record.
        const auto stored = storedRecords(casePath);
        QCOMPARE(stored.size(), events);
        for (const QJsonObject& original : records(1, events))
            QCOMPARE(stored.value(original[QStringLiteral("eventID")].toString()), original);
    }

    void evidenceIsBitExact()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QByteArray content = recordsEnvelope(records(1, 5));
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z"), gzip(content));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader reader(*db);
        QByteArray kept;
        const auto read =
            reader.content(queryCount(casePath, "SELECT id FROM source_files"), [&](std::string_view chunk) {
                kept.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
                return true;
            });
        QVERIFY(read.has_value());
        QCOMPARE(kept, content);
        QCOMPARE(queryCount(casePath, "SELECT evidence_format FROM source_files"), 1); // zstd
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE complete=1 AND account='111122223333' "
                                      "AND region='us-east-1' AND delivered=1771697400000"),
                 1);
    }

    void largeFilesAreReadSliceBySlice()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), "big.json.gz", gzip(recordsEnvelope(records(1, 300))));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader cached(*db);
        RawRecordReader tiny(*db, 4096); // smaller than the file's content: never decoded whole
        for (qint64 row = 1; row <= 300; row += 37) {
            const auto expected = cached.eventRecord(row);
            const auto streamed = tiny.eventRecord(row);
            QVERIFY(expected.has_value() && streamed.has_value());
            QCOMPARE(*streamed, *expected);
        }
    }

    // A scan reads events in whatever order its query gives, across many files; a cache that holds only a few of
    // them evicts the least recently used and reads the others again, and every record comes back exact.
    void aSmallCacheServesManyFilesInAnyOrder()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        constexpr int Files = 12, PerFile = 5;
        for (int file = 0; file < Files; ++file)
            writeFile(dir.path(),
                      trailKey("111122223333", "us-east-1", QStringLiteral("20260221T18%1Z").arg(file + 10)),
                      gzip(recordsEnvelope(records(1 + file * PerFile, PerFile, file))));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        const QMap<QString, QJsonObject> expected = storedRecords(casePath);
        QCOMPARE(expected.size(), Files * PerFile);
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const qint64 fileBytes = queryCount(casePath, "SELECT max(content_size) FROM source_files");
        QVERIFY(fileBytes > 0);
        RawRecordReader small(*db, static_cast<std::size_t>(fileBytes * 3)); // three files' content at most
        QList<qint64> order;
        for (int pass = 0; pass < 2; ++pass) // round robin over the files, twice: every read after the third misses
            for (int i = 0; i < PerFile; ++i)
                for (int file = 0; file < Files; ++file)
                    order << 1 + file * PerFile + i;
        for (const qint64 row : order) {
            const auto raw = small.eventRecord(row);
            QVERIFY2(raw.has_value(), qPrintable(raw ? QString() : raw.error().toString()));
            const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(*raw)).object();
            QCOMPARE(object, expected.value(object.value(QStringLiteral("eventID")).toString()));
        }
    }

    void duplicatesAndReimport()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA1"),
                  gzip(recordsEnvelope(records(1, 10))));
        // CloudTrail occasionally delivers an event twice: same ID, same content, another file.
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1815Z", "AAAAAAAAAAAAAAA2"),
                  gzip(recordsEnvelope(records(8, 5))));
        const auto first = importPaths(casePath, {dir.path()});
        QVERIFY(first.has_value());
        QCOMPARE(first->counts.events, 12);
        QCOMPARE(first->counts.duplicates, 3);
        QCOMPARE(first->counts.conflicts, 0);
        const auto again = importPaths(casePath, {dir.path()});
        QVERIFY(again.has_value());
        QCOMPARE(again->counts.events, 0);
        QCOMPARE(again->counts.skippedFiles, 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM events"), 12);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files"), 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM import_sessions WHERE status='complete'"), 2);
    }

    void duplicatesInsideOneFile()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        std::vector<QJsonObject> list = records(1, 3);
        list.push_back(records(2, 1).front());                             // identical copy
        list.push_back(makeRecord(id(3), at(5), QStringLiteral("Other"))); // same ID, other content
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z"), gzip(recordsEnvelope(list)));
        const auto summary = importPaths(casePath, {dir.path()});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.events, 3);
        QCOMPARE(summary->counts.duplicates, 1);
        QCOMPARE(summary->counts.conflicts, 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE complete = 1 AND events = 3"), 1);
        QCOMPARE(storedRecords(casePath).size(), 3);
    }

    void sameContentRecompressedIsSkipped()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QByteArray plain = recordsEnvelope(records(1, 4));
        writeFile(dir.path(), "a/file.json.gz", gzip(plain));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        QTemporaryDir other;
        writeFile(other.path(), "b/file.json", plain);
        const auto second = importPaths(casePath, {other.path()});
        QVERIFY(second.has_value());
        QCOMPARE(second->counts.skippedFiles, 1);
        QCOMPARE(second->counts.events, 0);
    }

    void conflictingDuplicateIsKeptAside()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        QJsonObject tampered = makeRecord(id(2), at(0), QStringLiteral("DeleteTrail"));
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA1"),
                  gzip(recordsEnvelope(records(1, 3))));
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1815Z", "AAAAAAAAAAAAAAA2"),
                  gzip(recordsEnvelope({tampered})));
        const auto summary = importPaths(casePath, {dir.path()});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.events, 3);
        QCOMPARE(summary->counts.conflicts, 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM event_variants WHERE reason='conflict'"), 1);
        QCOMPARE(storedRecords(casePath).value(id(2))[QStringLiteral("eventName")].toString(),
                 QStringLiteral("DescribeInstances"));
        verifyEventNames(casePath);
    }

    void trailCopySupersedesEventHistory()
    {
        const QString casePath = newCase();
        QTemporaryDir history;
        std::vector<QJsonObject> abridged = records(1, 2);
        for (QJsonObject& record : abridged)
            record.remove(QStringLiteral("tlsDetails"));
        writeFile(history.path(), "event_history.json", recordsEnvelope(abridged));
        QVERIFY(importPaths(casePath, {history.path()}).has_value());
        QTemporaryDir trail;
        writeFile(trail.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z"),
                  gzip(recordsEnvelope(records(1, 2))));
        const auto summary = importPaths(casePath, {trail.path()});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.superseded, 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM events"), 2);
        QVERIFY(storedRecords(casePath).value(id(1)).contains(QStringLiteral("tlsDetails")));
        verifyEventNames(casePath); // the copies moved aside no longer count
        // And an abridged copy arriving after the trail copy changes nothing.
        QTemporaryDir later;
        writeFile(later.path(), "event_history.json", recordsEnvelope(abridged) + "\n");
        const auto third = importPaths(casePath, {later.path()});
        QVERIFY(third.has_value());
        QCOMPARE(third->counts.events, 0);
        QCOMPARE(third->counts.duplicates, 2);
        QVERIFY(storedRecords(casePath).value(id(1)).contains(QStringLiteral("tlsDetails")));
    }

    void archives_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("zip") << "zip";
        QTest::newRow("tar") << "tar";
        QTest::newRow("tar.gz") << "tar.gz";
        QTest::newRow("zip inside tar.gz") << "nested";
    }

    void archives()
    {
        QFETCH(QString, kind);
        const Members members{
            {trailKey("111122223333", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA1"),
             gzip(recordsEnvelope(records(1, 4)))},
            {trailKey("444455556666", "eu-west-1", "20260221T1810Z", "AAAAAAAAAAAAAAA2"),
             gzip(recordsEnvelope(records(5, 3)))},
            {QStringLiteral("README.txt"), QByteArray("not a trail")},
            {QStringLiteral("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/02/21/"
                            "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20260221T190000Z.json.gz"),
             gzip("{\"awsAccountId\":\"111122223333\",\"logFiles\":[]}")}};
        QByteArray archive;
        QString name;
        if (kind == QLatin1String("zip")) {
            archive = makeZip(members), name = QStringLiteral("logs.zip");
        } else if (kind == QLatin1String("tar")) {
            archive = makeTar(members), name = QStringLiteral("logs.tar");
        } else if (kind == QLatin1String("tar.gz")) {
            archive = makeTarGz(members), name = QStringLiteral("logs.tar.gz");
        } else {
            archive = makeTarGz({{QStringLiteral("inner/logs.zip"), makeZip(members)}});
            name = QStringLiteral("outer.tgz");
        }
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QString path = writeFile(dir.path(), name, archive);
        const auto summary = importPaths(casePath, {path});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.events, 7);
        QCOMPARE(summary->counts.rejected, 0);
        QCOMPARE(summary->ignoredFiles, 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE folder=3"), 1); // the digest, kept
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE member LIKE '%AWSLogs/444455556666/%'"),
                 1);
        QCOMPARE(storedRecords(casePath).size(), 7);
    }

    void oddMemberNamesAreRefused()
    {
        const Members members{{QStringLiteral("../../escape.json"), recordsEnvelope(records(1, 1))},
                              {QStringLiteral("/absolute.json"), recordsEnvelope(records(2, 1))},
                              {QStringLiteral("ok/fine.json"), recordsEnvelope(records(3, 2))}};
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QString path = writeFile(dir.path(), QStringLiteral("odd.tar"), makeTar(members));
        const auto summary = importPaths(casePath, {path});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.events, 2);
        QStringList refused;
        for (const Error& error : summary->rejected) {
            QCOMPARE(error.code, ErrorCode::BadArchiveMemberName);
            QCOMPARE(error.path, path);
            refused << error.member;
        }
        refused.sort();
        QCOMPARE(refused, (QStringList{QStringLiteral("../../escape.json"), QStringLiteral("/absolute.json")}));
    }

    void badInputNeverStopsTheOthers()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QByteArray good = gzip(recordsEnvelope(records(1, 3)));
        const QByteArray longFile = gzip(recordsEnvelope(records(10, 200)));
        writeFile(dir.path(), "a/good.json.gz", good);
        writeFile(dir.path(), "b/truncated.json.gz", longFile.left(longFile.size() * 2 / 3));
        writeFile(dir.path(), "c/notjson.json", "this is not json");
        QJsonObject noTime = makeRecord(id(500), at(0));
        noTime.remove(QStringLiteral("eventTime"));
        writeFile(dir.path(), "d/mixed.json",
                  "[" + compact(makeRecord(id(501), at(1))) + ",{\"eventID\":\"bad\",}," + compact(noTime) + "]");
        const auto summary = importPaths(casePath, {dir.path()});
        QVERIFY(summary.has_value());
        QCOMPARE(summary->counts.files, 4);
        const auto codeAt = [&](const QString& fileName) {
            for (const Error& error : summary->rejected)
                if (error.path.endsWith(fileName))
                    return errorCodeName(error.code);
            return QString();
        };
        QCOMPARE(codeAt("truncated.json.gz"), QStringLiteral("truncated-gzip"));
        QCOMPARE(codeAt("notjson.json"), QStringLiteral("invalid-json"));
        QCOMPARE(codeAt("mixed.json"), QStringLiteral("invalid-json"));
        const auto stored = storedRecords(casePath);
        QVERIFY(stored.contains(id(1)) && stored.contains(id(501)) && stored.contains(id(500)));
        QVERIFY(stored.contains(id(10))); // before the truncation point
        QVERIFY(!stored.contains(id(209)));
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT flags FROM events WHERE time IS NULL")),
                 qint64(FlagUnusableTime));
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM import_problems WHERE severity='error'"),
                 summary->counts.rejected);
    }

    void scopeDecidesFromTheKey()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA1"),
                  gzip(recordsEnvelope(records(1, 2))));
        writeFile(dir.path(), trailKey("444455556666", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA2"),
                  gzip(recordsEnvelope(records(3, 2))));
        writeFile(dir.path(), trailKey("111122223333", "eu-west-1", "20260221T1810Z", "AAAAAAAAAAAAAAA3"),
                  gzip(recordsEnvelope(records(5, 2))));
        writeFile(dir.path(), trailKey("111122223333", "us-east-1", "20260225T1810Z", "AAAAAAAAAAAAAAA4"),
                  gzip(recordsEnvelope(records(7, 2))));
        ImportScope scope;
        scope.accounts = {QStringLiteral("111122223333")};
        scope.regions = {QStringLiteral("us-east-1")};
        scope.until = *parseTimeForTest("2026-02-22T00:00:00Z");
        const auto summary = importPaths(casePath, {dir.path()}, scope);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->outOfScopeFiles, 3);
        QCOMPARE(summary->counts.events, 2);
    }

    void coverageShowsDeliveryGap()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        int n = 1;
        // Deliveries every 5 minutes from 10:00 to 12:00, none until 15:00 (logging stopped), then again.
        for (int minutes = 600; minutes <= 1000; minutes += 5) {
            if (minutes > 720 && minutes < 900)
                continue;
            const QString stamp = QStringLiteral("20260221T%1%2Z")
                                      .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                                      .arg(minutes % 60, 2, 10, QLatin1Char('0'));
            std::vector<QJsonObject> batch;
            const QString time = QStringLiteral("2026-02-21T%1:%2:00Z")
                                     .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                                     .arg(minutes % 60, 2, 10, QLatin1Char('0'));
            batch.push_back(makeRecord(id(n++), time));
            writeFile(
                dir.path(),
                trailKey("111122223333", "us-east-1", stamp, QStringLiteral("U%1").arg(n, 15, 10, QLatin1Char('0'))),
                gzip(recordsEnvelope(batch)));
        }
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        auto row = db->prepare("SELECT gaps, events FROM coverage WHERE account='111122223333' AND region='us-east-1'");
        QCOMPARE(row.step(), SQLITE_ROW);
        const QJsonArray gaps =
            QJsonDocument::fromJson(QByteArray::fromStdString(std::string(row.columnText(0)))).array();
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps[0][QStringLiteral("from")].toString(), QStringLiteral("2026-02-21T12:00:00.000Z"));
        QCOMPARE(gaps[0][QStringLiteral("to")].toString(), QStringLiteral("2026-02-21T15:00:00.000Z"));
    }

    void otherSqliteFilesAreRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.db"));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        const auto summary = importPaths(path, {m_dir.path()});
        QVERIFY(!summary.has_value());
        QCOMPARE(summary.error().code, ErrorCode::NotACase);
        const QString text = input(QStringLiteral("notes.txt"), "hello");
        const auto opened = CaseSchema::open(text, CaseSchema::OpenMode::ReadWrite);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, ErrorCode::NotACase);
        QCOMPARE(opened.error().path, text);
    }

    void olderCasesAreRefused()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), "a.json", recordsEnvelope(records(1, 2)));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        {
            auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
            QVERIFY(db.has_value());
            QVERIFY(db->exec("PRAGMA user_version=1").has_value());
        }
        writeFile(dir.path(), "b.json", recordsEnvelope(records(3, 2)));
        const auto refused = importPaths(casePath, {dir.path()});
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, ErrorCode::OlderCase);
        QCOMPARE(refused.error().path, casePath);
        const auto opened = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, ErrorCode::OlderCase);
        QVERIFY(opened.error().detail.contains(QStringLiteral("new case")));
    }

    // Another SQLite tool reads the case, but checking it needs ts_hash (strings_value is on it): registered, the
    // check passes; without it, it fails with a message naming the function instead of passing silently.
    void integrityCheckNeedsTheCaseFunctions()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), "a.json", recordsEnvelope(records(1, 3)));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        const auto integrity = [&](bool registered) {
            sqlite3* db = nullptr;
            QString result;
            if (sqlite3_open_v2(casePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
                (!registered || CaseSchema::registerFunctions(db))) {
                sqlite3_stmt* check = nullptr;
                if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK &&
                    sqlite3_step(check) == SQLITE_ROW)
                    result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(check, 0)));
                else
                    result = QString::fromUtf8(sqlite3_errmsg(db));
                sqlite3_finalize(check);
            }
            sqlite3_close(db);
            return result;
        };
        QCOMPARE(integrity(true), QStringLiteral("ok"));
        QVERIFY2(integrity(false).contains(QStringLiteral("ts_hash")), qPrintable(integrity(false)));
    }

    // Events sharing region, account, agent, type, version and flags share one context row, and the view gives
    // every column back as stored, absent values as NULL.
    void contextsAreSharedAndReadBack()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        std::vector<QJsonObject> all = records(1, 3);
        QJsonObject other = makeRecord(id(4), at(1));
        other[QStringLiteral("awsRegion")] = QStringLiteral("eu-west-1");
        other[QStringLiteral("readOnly")] = false;
        other.remove(QStringLiteral("eventVersion"));
        all.push_back(other);
        writeFile(dir.path(), "a.json", recordsEnvelope(all));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM event_contexts"), 2);
        QCOMPARE(queryCount(casePath, "SELECT count(DISTINCT context) FROM event_rows"), 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM events e JOIN strings s ON s.id = e.region "
                                      "WHERE s.value = 'eu-west-1' AND e.read_only = 0 AND e.version_major IS NULL"),
                 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM events WHERE region IS NOT NULL AND version_major = 1"), 3);
    }

    // eventSource has no index of its own: a source's events are found through its names, including events whose
    // record has no eventName (stored under name 0, shown as NULL).
    void sourcesAreFoundThroughTheirNames()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        std::vector<QJsonObject> all = records(1, 3);
        QJsonObject nameless = makeRecord(id(4), at(1));
        nameless.remove(QStringLiteral("eventName"));
        all.push_back(nameless);
        QJsonObject s3 = makeRecord(id(5), at(2), QStringLiteral("GetObject"));
        s3[QStringLiteral("eventSource")] = QStringLiteral("s3.amazonaws.com");
        all.push_back(s3);
        writeFile(dir.path(), "a.json", recordsEnvelope(all));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        verifyEventNames(casePath);
        const auto sourceCount = [&](const char* source) {
            const std::string condition =
                std::string("source IN (SELECT id FROM strings WHERE value = '") + source + "')";
            return queryCount(casePath, QString::fromStdString("SELECT count(*) FROM events e WHERE " +
                                                               CaseSchema::sourceMatch("e", condition)));
        };
        QCOMPARE(sourceCount("ec2.amazonaws.com"), 4);
        QCOMPARE(sourceCount("s3.amazonaws.com"), 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM events WHERE name IS NULL AND name_key = 0"), 1);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM event_names WHERE name = 0"), 1);
    }

    // A resource's type, account and ARN-or-prefix are one resource_kinds row, shared; the view reads them back.
    void resourceKindsAreShared()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        std::vector<QJsonObject> all;
        for (int n = 1; n <= 2; ++n) {
            QJsonObject record = makeRecord(id(n), at(n), QStringLiteral("GetObject"));
            record[QStringLiteral("resources")] =
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("AWS::S3::Object")},
                                       {QStringLiteral("ARN"), QStringLiteral("arn:aws:s3:::logs/%1").arg(n)}},
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("AWS::S3::Object")},
                                       {QStringLiteral("ARNPrefix"), QStringLiteral("arn:aws:s3:::logs/")},
                                       {QStringLiteral("accountId"), QStringLiteral("111122223333")}}};
            all.push_back(record);
        }
        writeFile(dir.path(), "a.json", recordsEnvelope(all));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM resource_kinds"), 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM resources r JOIN strings t ON t.id = r.type "
                                      "WHERE t.value = 'AWS::S3::Object'"),
                 4);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM resources r JOIN strings a ON a.id = r.account "
                                      "JOIN strings s ON s.id = r.arn WHERE r.arn_is_prefix = 1 AND "
                                      "a.value = '111122223333' AND s.value = 'arn:aws:s3:::logs/' AND r.ordinal = 1"),
                 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM resources WHERE arn_is_prefix = 0 AND account IS NULL"), 2);
    }

    // Files of one folder share its source_dirs row (path, organization, account, region); the source_files view
    // gives back each file's whole path.
    void filesShareTheirFolder()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        const QString first = trailKey("111122223333", "us-east-1", "20260221T1810Z", "AAAAAAAAAAAAAAA1");
        const QString second = trailKey("111122223333", "us-east-1", "20260221T1815Z", "AAAAAAAAAAAAAAA2");
        const QString other = trailKey("111122223333", "eu-west-1", "20260221T1815Z", "AAAAAAAAAAAAAAA3");
        writeFile(dir.path(), first, gzip(recordsEnvelope(records(1, 1))));
        writeFile(dir.path(), second, gzip(recordsEnvelope(records(2, 1))));
        writeFile(dir.path(), other, gzip(recordsEnvelope(records(3, 1))));
        // A name CloudTrail did not give keeps its whole self; CloudTrail's own keep only their unique part.
        const QString renamed = first.section(u'/', 0, -2) + QStringLiteral("/copy of 111122223333_CloudTrail.json.gz");
        writeFile(dir.path(), renamed, gzip(recordsEnvelope(records(4, 1))));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_dirs"), 2);
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_file_rows WHERE name_form = 1 AND "
                                      "name GLOB 'AAAAAAAAAAAAAAA[123]'"),
                 3);
        QCOMPARE(queryCount(
                     casePath,
                     QStringLiteral("SELECT count(*) FROM source_files WHERE path = '%1'").arg(dir.filePath(renamed))),
                 1);
        for (const QString& key : {first, second, other})
            QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM source_files WHERE path = '%1' AND "
                                                         "account = '111122223333' AND region = '%2'")
                                              .arg(dir.filePath(key), key.section(u'/', 3, 3))),
                     1);
    }

    void oneImportAtATime()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), "a.json", recordsEnvelope(records(1, 1)));
        ImportLock held(casePath);
        QVERIFY(held.tryAcquire());
        QVERIFY(ImportLock::isHeld(casePath));
        const auto refused = importPaths(casePath, {dir.path()});
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, ErrorCode::CaseBusy);
    }

    void caseCarriesItsIdentity()
    {
        const QString casePath = newCase();
        QTemporaryDir dir;
        writeFile(dir.path(), "a.json", recordsEnvelope(records(1, 1)));
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        QCOMPARE(queryCount(casePath, "PRAGMA application_id"), qint64(CaseSchema::ApplicationId));
        QCOMPARE(queryCount(casePath, "PRAGMA user_version"), qint64(CaseSchema::Version));
        QCOMPARE(queryCount(casePath, "SELECT value FROM meta WHERE key = 'content_files'"), 1);
        // The recorded fingerprint is the SHA-256 of the file's decompressed bytes, hashed once more.
        const QByteArray fileHash =
            QCryptographicHash::hash(recordsEnvelope(records(1, 1)), QCryptographicHash::Sha256);
        const QByteArray expected = QCryptographicHash::hash(fileHash, QCryptographicHash::Sha256).toHex();
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        auto row = db->prepare("SELECT value FROM meta WHERE key = 'content_sha256'");
        QCOMPARE(row.step(), SQLITE_ROW);
        QCOMPARE(QByteArray::fromStdString(std::string(row.columnText(0))), expected);
        for (const auto& index : CaseSchema::browseIndexes())
            QCOMPARE(
                queryCount(casePath, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name='%1'")
                                         .arg(QString::fromLatin1(index.name.data(), qsizetype(index.name.size())))),
                1);
    }

private:
    static std::optional<std::int64_t> parseTimeForTest(const char* text) { return parseEventTime(text); }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
