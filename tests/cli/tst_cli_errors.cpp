// trailscope-cli facing bad input: damaged trail files, non-case files given as the case. Each problem must be
// reported where it is (file, record, line) with its stable code, while everything good is still stored.
#include "clitest.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sqlite3.h>
#include <zlib.h>

using namespace Trailscope::Test;

namespace {

const QString AccountA = QStringLiteral("111122223333");
const QString AccountB = QStringLiteral("444455556666");
const QString UsEast = QStringLiteral("us-east-1");
const QString EuWest = QStringLiteral("eu-west-1");

qint64 msAt(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// What zlib recovers from a damaged gzip stream: the content bytes before the damage.
qint64 recoverableContent(const QByteArray& gz)
{
    z_stream stream{};
    inflateInit2(&stream, 16 + MAX_WBITS);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.constData()));
    stream.avail_in = static_cast<uInt>(gz.size());
    QByteArray out(1 << 20, Qt::Uninitialized);
    qint64 produced = 0;
    for (int status = Z_OK; status == Z_OK;) {
        stream.next_out = reinterpret_cast<Bytef*>(out.data());
        stream.avail_out = static_cast<uInt>(out.size());
        status = inflate(&stream, Z_NO_FLUSH);
        produced += out.size() - stream.avail_out;
    }
    inflateEnd(&stream);
    return produced;
}

// A SQLite database as another application would make it.
void makeForeignDatabase(const QString& path, const QByteArray& sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(
        sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
        SQLITE_OK);
    const int status = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QCOMPARE(status, SQLITE_OK);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliErrors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath(const QString& stem) { return m_dir.filePath(QStringLiteral("%1-%2").arg(stem).arg(++m_serial)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(TRAILSCOPE_BINARY_DIR "/bin/trailscope-cli")),
                 "trailscope-cli is not built");
    }

    void badFilesAmongGoodOnes();
    void missingEventTimeIsOnlyAWarning();
    void storesSourcePaths();
    void infoRefusesNonCase_data();
    void infoRefusesNonCase();
    void importRefusesNonCase_data();
    void importRefusesNonCase();
};

void TestCliErrors::badFilesAmongGoodOnes()
{
    const QString root = newPath(QStringLiteral("mixed"));
    int nextId = 1;
    const TrailFile good{AccountA,
                         UsEast,
                         QStringLiteral("20260221T1805Z"),
                         {QStringLiteral("2026-02-21T18:00:00Z"), QStringLiteral("2026-02-21T18:01:00Z"),
                          QStringLiteral("2026-02-21T18:02:00Z")}};
    const QString goodPath = writeFile(root, trailKey(good.account, good.region, good.delivered),
                                       gzip(recordsEnvelope(recordsOf(good, nextId))));

    // A delivered file cut short: varied records so the compressed stream is not one long repeat.
    std::vector<QJsonObject> cut;
    for (int i = 0; i < 40; ++i)
        cut.push_back(makeRecord(fixtureEventId(100 + i),
                                 QStringLiteral("2026-02-21T18:10:%1Z").arg(i, 2, 10, QLatin1Char('0')),
                                 QStringLiteral("GetObject%1").arg(i),
                                 {{QStringLiteral("sourceIPAddress"), QStringLiteral("203.0.113.%1").arg(i * 7 % 256)},
                                  {QStringLiteral("requestID"), QStringLiteral("req-%1-%2").arg(i).arg(i * 7919)}}));
    const QByteArray whole = gzip(recordsEnvelope(cut));
    const QByteArray truncated = whole.left(whole.size() * 6 / 10);
    const QString truncatedPath = writeFile(
        root, trailKey(AccountA, UsEast, QStringLiteral("20260221T1815Z"), QStringLiteral("Truncated")), truncated);
    // Records wholly inside the recoverable content are the ones the file still proves.
    const qint64 recoverable = recoverableContent(truncated);
    int expectedFromCut = 0;
    qint64 end = qstrlen("{\"Records\":[");
    for (const QJsonObject& record : cut) {
        end += compact(record).size();
        if (end > recoverable)
            break;
        ++expectedFromCut;
        ++end; // the comma
    }
    QVERIFY2(expectedFromCut > 0 && expectedFromCut < 40, "the cut should fall inside the records");

    const QString textPath = writeFile(root, QStringLiteral("notes/readme.json"), "this is not json at all\n");
    const QString emptyPath = writeFile(root, QStringLiteral("notes/empty.json"), QByteArray());

    // One file with per-record problems: records 1, 5 and 6 are rejected; record 3 has no eventTime and is kept.
    QJsonObject noTime = makeRecord(fixtureEventId(203), QStringLiteral("2026-02-21T18:20:00Z"));
    noTime.remove(QStringLiteral("eventTime"));
    const QList<QByteArray> elements{compact(makeRecord(fixtureEventId(200), QStringLiteral("2026-02-21T18:20:00Z"))),
                                     "{\"eventVersion\":\"1.08\",\"eventID\":tru}",
                                     compact(makeRecord(fixtureEventId(202), QStringLiteral("2026-02-21T18:20:02Z"))),
                                     compact(noTime),
                                     compact(makeRecord(fixtureEventId(204), QStringLiteral("2026-02-21T18:20:04Z"))),
                                     "42",
                                     "{\"a\":1,\"b\":2}"};
    const QString recordsPath =
        writeFile(root, QStringLiteral("exports/records.json"), "{\"Records\":[" + elements.join(",\n") + "]}");

    const QString casePath = newPath(QStringLiteral("case"));
    const CliRun run = runCli({QStringLiteral("import"), casePath, root, QStringLiteral("--json")});
    COMPARE_EXIT(run, 3);
    PARSE_JSON(run, summary);
    const qint64 expectedEvents = 3 + expectedFromCut + 4;
    QCOMPARE(summary[QStringLiteral("files")].toInteger(), 5);
    QCOMPARE(summary[QStringLiteral("events")].toInteger(), expectedEvents);
    QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 6);
    QCOMPARE(summary[QStringLiteral("warningsTotal")].toInteger(), 1);

    // Each problem names its file, and the record (zero-based) and line when only a record is bad.
    QMap<QString, QJsonObject> byPlace;
    for (const QJsonValue& problem : summary[QStringLiteral("rejected")].toArray()) {
        const QJsonObject object = problem.toObject();
        QVERIFY2(!object[QStringLiteral("reason")].toString().isEmpty(), run.out.constData());
        byPlace.insert(object[QStringLiteral("path")].toString() + u'#' +
                           QString::number(object[QStringLiteral("record")].toInteger(-1)),
                       object);
    }
    QCOMPARE(byPlace.size(), 6);
    const auto codeAt = [&](const QString& path, int record) {
        return byPlace.value(path + u'#' + QString::number(record))[QStringLiteral("code")].toString();
    };
    QCOMPARE(codeAt(truncatedPath, -1), QStringLiteral("truncated-gzip"));
    QCOMPARE(codeAt(textPath, -1), QStringLiteral("invalid-json"));
    QCOMPARE(codeAt(emptyPath, -1), QStringLiteral("not-json"));
    QCOMPARE(codeAt(recordsPath, 1), QStringLiteral("invalid-json"));
    QCOMPARE(codeAt(recordsPath, 5), QStringLiteral("not-an-object"));
    QCOMPARE(codeAt(recordsPath, 6), QStringLiteral("not-a-record"));
    QCOMPARE(byPlace.value(recordsPath + QStringLiteral("#1"))[QStringLiteral("line")].toInteger(), 2);
    const QJsonArray warnings = summary[QStringLiteral("warnings")].toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0][QStringLiteral("path")].toString(), recordsPath);
    QCOMPARE(warnings[0][QStringLiteral("record")].toInteger(), 3);
    QCOMPARE(warnings[0][QStringLiteral("line")].toInteger(), 4);
    QCOMPARE(warnings[0][QStringLiteral("code")].toString(), QStringLiteral("missing-event-time"));

    // The good events are stored, including the truncated file's records before the cut, in order. Each file's
    // events have their own minute, so a time range tells them apart.
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events")), expectedEvents);
    const auto inRange = [&](const QString& what, const char* from, const char* to) {
        return queryCount(casePath, QStringLiteral("SELECT %1 FROM events WHERE time >= %2 AND time < %3")
                                        .arg(what)
                                        .arg(msAt(QString::fromLatin1(from)))
                                        .arg(msAt(QString::fromLatin1(to))));
    };
    const char* cutFrom = "2026-02-21T18:10:00Z";
    const char* cutTo = "2026-02-21T18:11:00Z";
    QCOMPARE(inRange(QStringLiteral("count(*)"), "2026-02-21T18:00:00Z", "2026-02-21T18:03:00Z"), 3);
    QCOMPARE(inRange(QStringLiteral("count(*)"), cutFrom, cutTo), expectedFromCut);
    QCOMPARE(inRange(QStringLiteral("min(time)"), cutFrom, cutTo), msAt(QString::fromLatin1(cutFrom)));
    QCOMPARE(inRange(QStringLiteral("max(time)"), cutFrom, cutTo),
             msAt(QString::fromLatin1(cutFrom)) + (expectedFromCut - 1) * 1000);
    QCOMPARE(inRange(QStringLiteral("count(*)"), "2026-02-21T18:20:00Z", "2026-02-21T18:21:00Z"), 3);
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events WHERE time IS NULL")), 1);
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM import_problems WHERE severity = 'error'")), 6);

    // The human form lists each rejection on stderr, stdout keeps the summary.
    const CliRun human = runCli({QStringLiteral("import"), newPath(QStringLiteral("case")), root});
    COMPARE_EXIT(human, 3);
    QVERIFY2(human.out.startsWith(QStringLiteral("Imported %1 events from 5 files").arg(expectedEvents).toUtf8()),
             describe(human).constData());
    QVERIFY2(!human.out.contains("rejected:"), describe(human).constData());
    const QStringList lines = human.errLines();
    const auto hasLine = [&](const QString& start, const QString& end) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const QString& line) { return line.startsWith(start) && line.endsWith(end); });
    };
    QVERIFY2(hasLine(QStringLiteral("rejected: ") + truncatedPath + QStringLiteral(": "),
                     QStringLiteral("[truncated-gzip]")),
             describe(human).constData());
    QVERIFY2(hasLine(QStringLiteral("rejected: ") + recordsPath + QStringLiteral(" record 1 (line 2): "),
                     QStringLiteral("[invalid-json]")),
             describe(human).constData());
}

void TestCliErrors::missingEventTimeIsOnlyAWarning()
{
    // A record without eventTime is kept, flagged and reported as a warning: the import is not partial.
    const QString root = newPath(QStringLiteral("trail"));
    QJsonObject noTime = makeRecord(fixtureEventId(2), QStringLiteral("2026-02-21T18:00:00Z"));
    noTime.remove(QStringLiteral("eventTime"));
    const QString path = writeFile(
        root, trailKey(AccountA, UsEast, QStringLiteral("20260221T1805Z")),
        gzip(recordsEnvelope({makeRecord(fixtureEventId(1), QStringLiteral("2026-02-21T18:00:00Z")), noTime})));
    const QString casePath = newPath(QStringLiteral("case"));
    const CliRun run = runCli({QStringLiteral("import"), casePath, root, QStringLiteral("--json")});
    COMPARE_EXIT(run, 0);
    PARSE_JSON(run, summary);
    QCOMPARE(summary[QStringLiteral("events")].toInteger(), 2);
    QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
    QCOMPARE(summary[QStringLiteral("warningsTotal")].toInteger(), 1);
    const QJsonObject warning = summary[QStringLiteral("warnings")][0].toObject();
    QCOMPARE(warning[QStringLiteral("path")].toString(), path);
    QCOMPARE(warning[QStringLiteral("record")].toInteger(), 1);
    QCOMPARE(warning[QStringLiteral("code")].toString(), QStringLiteral("missing-event-time"));
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events WHERE time IS NULL AND flags != 0")), 1);
}

void TestCliErrors::storesSourcePaths()
{
    // The case records where each piece of evidence and each problem came from, by the path the import walked.
    const QString root = newPath(QStringLiteral("trail"));
    QStringList files = writeTrail(root, smallTrail());
    const QString badPath = writeFile(root, QStringLiteral("exports/readme.json"), "not json\n");
    files << badPath;
    files.sort();
    const QString casePath = newPath(QStringLiteral("case"));
    const CliRun run = runCli({QStringLiteral("import"), casePath, root, QStringLiteral("--json")});
    COMPARE_EXIT(run, 3);
    PARSE_JSON(run, summary);
    QCOMPARE(summary[QStringLiteral("rejected")][0][QStringLiteral("path")].toString(), badPath);
    QCOMPARE(queryStrings(casePath, "SELECT path FROM source_files ORDER BY path"), files);
    QCOMPARE(queryStrings(casePath, "SELECT path FROM import_problems"), QStringList{badPath});
}

namespace {

void addNonCaseRows(bool missing)
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("text file") << QStringLiteral("text") << QStringLiteral("not a Trailscope case");
    QTest::newRow("another app's SQLite") << QStringLiteral("foreign") << QStringLiteral("another application");
    QTest::newRow("another application_id") << QStringLiteral("foreign-id") << QStringLiteral("another application");
    QTest::newRow("case id, no schema") << QStringLiteral("hollow") << QStringLiteral("incomplete");
    QTest::newRow("newer case") << QStringLiteral("newer") << QStringLiteral("newer Trailscope (case schema 99");
    QTest::newRow("case with a trigger") << QStringLiteral("trigger") << QStringLiteral("holds a trigger named spy");
    QTest::newRow("case cut short") << QStringLiteral("truncated") << QStringLiteral("cut short");
    if (missing) { // import creates a missing case and makes an empty file one, info refuses both
        QTest::newRow("missing path") << QStringLiteral("missing") << QStringLiteral("no such file");
        QTest::newRow("empty file") << QStringLiteral("empty") << QStringLiteral("empty (0 bytes)");
    }
}

} // namespace

void TestCliErrors::infoRefusesNonCase_data()
{
    addNonCaseRows(true);
}

void TestCliErrors::importRefusesNonCase_data()
{
    addNonCaseRows(false);
}

namespace {

// Makes the non-case of one kind at path.
void makeNonCase(const QString& kind, const QString& path)
{
    const QByteArray caseId =
        "PRAGMA application_id=" + QByteArray::number(Trailscope::Core::CaseSchema::ApplicationId);
    if (kind == QLatin1String("text"))
        writeFile(QFileInfo(path).absolutePath(), QFileInfo(path).fileName(), "Meeting notes\nnot a database\n");
    else if (kind == QLatin1String("foreign"))
        makeForeignDatabase(path, "CREATE TABLE contacts(name TEXT, phone TEXT);"
                                  "INSERT INTO contacts VALUES('Ada', '555-0100');");
    else if (kind == QLatin1String("foreign-id")) // a GeoPackage
        makeForeignDatabase(path, "PRAGMA application_id=1196444487; CREATE TABLE gpkg_contents(table_name TEXT);");
    else if (kind == QLatin1String("hollow"))
        makeForeignDatabase(path, caseId + "; PRAGMA user_version=1; CREATE TABLE t(x);");
    else if (kind == QLatin1String("newer"))
        makeForeignDatabase(path, caseId + "; PRAGMA user_version=99; CREATE TABLE events(x);");
    else if (kind == QLatin1String("empty"))
        writeFile(QFileInfo(path).absolutePath(), QFileInfo(path).fileName(), QByteArray());
    else if (kind == QLatin1String("trigger") || kind == QLatin1String("truncated")) {
        // A real case, then altered as anyone holding the file could.
        const QString root = path + QStringLiteral("-trail");
        writeTrail(root, smallTrail());
        const CliRun imported = runCli({QStringLiteral("import"), path, root});
        COMPARE_EXIT(imported, 0);
        if (kind == QLatin1String("trigger")) {
            makeForeignDatabase(path, "CREATE TRIGGER spy AFTER INSERT ON meta BEGIN DELETE FROM event_rows; END;");
        } else {
            QFile file(path);
            QVERIFY(file.resize(file.size() / 2));
        }
    }
}

} // namespace

void TestCliErrors::infoRefusesNonCase()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString path = newPath(QStringLiteral("noncase"));
    makeNonCase(kind, path);
    if (QTest::currentTestFailed())
        return;
    const QByteArray before = readAll(path);
    for (const QStringList& extra : {QStringList(), QStringList{QStringLiteral("--json")}}) {
        const CliRun run = runCli(QStringList{QStringLiteral("info"), path} + extra);
        COMPARE_EXIT(run, 1);
        QVERIFY2(run.out.isEmpty(), describe(run).constData());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(path) && err.contains(message), describe(run).constData());
    }
    QCOMPARE(readAll(path), before); // looking never changes the file
    QCOMPARE(QFile::exists(path), kind != QLatin1String("missing"));
}

void TestCliErrors::importRefusesNonCase()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString root = newPath(QStringLiteral("trail"));
    writeTrail(root, smallTrail());
    const QString path = newPath(QStringLiteral("noncase"));
    makeNonCase(kind, path);
    if (QTest::currentTestFailed())
        return;
    const QByteArray before = readAll(path);
    const CliRun run = runCli({QStringLiteral("import"), path, root, QStringLiteral("--json")});
    COMPARE_EXIT(run, 1);
    QVERIFY2(run.out.isEmpty(), describe(run).constData());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(path) && err.contains(message), describe(run).constData());
    QCOMPARE(readAll(path), before); // another application's file is never written to
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
