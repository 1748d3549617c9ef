// Exporting the events of a search (export/eventexport.h): JSON imports again to the very same records, JSON Lines
// to the same events, CSV is RFC 4180 with formula-looking cells neutralised, and a cancelled or failed export leaves
// no file behind (nor replaces an existing one). The other scopes: the starred events with their notes, a list of
// rows in its order, a query's result and the case summary (export/resultexport.h), and the CLI's scope options.
#include "casedb/analyststore.h"
#include "casedb/caseinfo.h"
#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "clitest.h"
#include "export/eventexport.h"
#include "export/resultexport.h"
#include "query/lake/lakequery.h"
#include "query/searchparser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

// Records of awkward shapes, and one pretty-printed across lines (its line breaks are part of the stored bytes).
std::vector<QJsonObject> fixture()
{
    std::vector<QJsonObject> records;
    for (int n = 0; n < 30; ++n) {
        // Event names that read as formulas, hold quotes and commas, or are not ASCII (the CSV has Event history's
        // columns, the event name among them).
        const QString name = n == 3   ? QStringLiteral("=HYPERLINK(\"http://x\")")
                             : n == 4 ? QStringLiteral("-2+3, \"quoted\"")
                             : n == 5 ? QStringLiteral("Grüße \u65e5\u672c")
                                      : QStringLiteral("DescribeInstances");
        QJsonObject overrides;
        if (n % 2 == 0)
            overrides["errorCode"] = QStringLiteral("AccessDenied");
        records.push_back(makeRecord(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')),
                                     QStringLiteral("2026-02-21T10:%1:00Z").arg(n, 2, 10, QLatin1Char('0')), name,
                                     overrides));
    }
    return records;
}

// eventID -> the record exactly as the case keeps it.
std::map<QString, std::string> storedRecords(const QString& casePath)
{
    std::map<QString, std::string> records;
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return records;
    RawRecordReader reader(*db);
    auto rows = db->prepare("SELECT id FROM event_rows");
    while (rows.step() == SQLITE_ROW) {
        auto record = reader.eventRecord(rows.columnInt(0));
        if (!record)
            continue;
        const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(*record)).object();
        records[object.value("eventID").toString()] = *record;
    }
    return records;
}

Export::EventExportOptions optionsFor(Export::EventFormat format)
{
    Export::EventExportOptions options;
    options.format = format;
    return options;
}

Result<std::int64_t> exportTo(const QString& casePath, const QString& search, const QString& path,
                              const Export::EventExportOptions& options)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    const auto parsed = Query::parseSearch(search);
    if (!parsed)
        return fail(ErrorCode::Sqlite, parsed.error().message);
    return Export::exportEvents(*db, Query::compileSearch(*parsed), {}, path, options);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The eventIDs of a JSON export's Records, or of a JSON Lines export's lines (a line's "record" when wrapped).
QStringList exportedIds(const QByteArray& bytes)
{
    QStringList ids;
    const QJsonDocument whole = QJsonDocument::fromJson(bytes);
    if (whole.isObject()) {
        for (const QJsonValue& record : whole.object().value("Records").toArray())
            ids << record["eventID"].toString();
        return ids;
    }
    for (const QByteArray& line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        ids << (object.contains("record") ? object["record"]["eventID"] : object["eventID"]).toString();
    }
    return ids;
}

// The fixture's events are a minute apart from 10:00, number n at 10:n; the pretty one last.
std::vector<std::int64_t> rowsByTime(const QString& casePath)
{
    std::vector<std::int64_t> rows;
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return rows;
    auto statement = db->prepare("SELECT id FROM event_rows ORDER BY time");
    while (statement.step() == SQLITE_ROW)
        rows.push_back(statement.columnInt(0));
    return rows;
}

QString fixtureId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestEventExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    std::vector<std::int64_t> m_rows; ///< by time: m_rows[n] is fixture event n

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<QJsonObject> records = fixture();
        writeFile(m_dir.path(), "trail/" + trailKey("111122223333", "us-east-1", "20260221T1100Z"),
                  gzip(recordsEnvelope(records)));
        // One record pretty-printed: its stored bytes span lines.
        const QJsonObject pretty = makeRecord("00000000-0000-4000-8000-000000000099", "2026-02-21T11:00:00Z");
        writeFile(m_dir.path(), "trail/pretty.json",
                  "{\"Records\": [\n" + QJsonDocument(pretty).toJson(QJsonDocument::Indented) + "]}\n");
        m_case = m_dir.filePath("case.tscase");
        QVERIFY(importPaths(m_case, {m_dir.filePath("trail")}).has_value());
        m_rows = rowsByTime(m_case);
        QCOMPARE(m_rows.size(), std::size_t(31));
        // Events 1, 2 and 7 starred, two with notes (one that HTML would take for markup); 9 has a note, no star.
        auto store = AnalystStore::open(m_case);
        QVERIFY(store.has_value());
        for (const int n : {1, 2, 7})
            QVERIFY(store->setStarred(m_rows[n], true).has_value());
        QVERIFY(store->setNote(m_rows[1], "first <b>look</b>, \"quoted\"").has_value());
        QVERIFY(store->setNote(m_rows[7], "second").has_value());
        QVERIFY(store->setNote(m_rows[9], "not starred").has_value());
    }

    // {"Records":[...]} holds every record exactly as stored: importing the export gives the same bytes back.
    void jsonImportsAgainToTheSameRecords()
    {
        const QString path = m_dir.filePath("all.json");
        const auto written = exportTo(m_case, "", path, optionsFor(Export::EventFormat::Json));
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().toString()));
        QCOMPARE(*written, 31);
        const QString again = m_dir.filePath("again.tscase");
        QVERIFY(importPaths(again, {path}).has_value());
        const auto before = storedRecords(m_case), after = storedRecords(again);
        QCOMPARE(after.size(), before.size());
        QVERIFY(after == before);
    }

    void jsonLinesImportAgainToTheSameEvents()
    {
        const QString path = m_dir.filePath("denied.jsonl");
        const auto written =
            exportTo(m_case, "errorCode:AccessDenied", path, optionsFor(Export::EventFormat::JsonLines));
        QVERIFY(written.has_value());
        QCOMPARE(*written, 15);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 15);
        const QString again = m_dir.filePath("denied.tscase");
        QVERIFY(importPaths(again, {path}).has_value());
        QCOMPARE(queryCount(again, "SELECT count(*) FROM events"), 15);
        QCOMPARE(queryCount(again, "SELECT count(*) FROM events WHERE error_code IS NULL"), 0);
    }

    // RFC 4180: CRLF, quotes doubled, a cell that a spreadsheet would run as a formula prefixed with '.
    void csvIsQuotedAndNeutralised()
    {
        const QString path = m_dir.filePath("all.csv");
        Export::EventExportOptions options = optionsFor(Export::EventFormat::Csv);
        options.byteOrderMark = true;
        QVERIFY(exportTo(m_case, "", path, options).has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "Event time,Event name,"));
        QCOMPARE(bytes.count("\r\n"), 32); // a header and 31 events
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(!text.contains(QStringLiteral(",=HYPERLINK")));
        QVERIFY(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"")));
        QVERIFY(text.contains(QStringLiteral("\"'-2+3, \"\"quoted\"\"\"")));
        QVERIFY(text.contains(QStringLiteral("Grüße \u65e5\u672c")));
    }

    // Cancelled: no file, and an existing one keeps its content; nor a temporary left in the folder.
    void cancelledExportLeavesNothing()
    {
        QTemporaryDir out;
        const QString path = out.filePath("kept.json");
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("before");
        existing.close();
        std::atomic<bool> cancelled{true};
        Export::EventExportOptions options = optionsFor(Export::EventFormat::Json);
        options.cancelled = &cancelled;
        const auto written = exportTo(m_case, "", path, options);
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().code, ErrorCode::Cancelled);
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("before"));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files), QStringList{"kept.json"});
    }

    void unwritablePlaceIsAnError()
    {
        const auto written = exportTo(m_case, "", "/nonexistent/dir/out.csv", optionsFor(Export::EventFormat::Csv));
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(written.error().detail.contains(QStringLiteral("cannot write")));
    }

    // The starred events, newest first, each with its note: a Note column in CSV.
    void starredCsvHasTheirNotes()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const QString path = m_dir.filePath("starred.csv");
        const auto written = Export::exportStarredEvents(*db, {}, path, optionsFor(Export::EventFormat::Csv));
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().toString()));
        QCOMPARE(*written, 3);
        const QStringList lines = QString::fromUtf8(readAll(path)).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].endsWith(",Note"));
        QVERIFY(lines[1].endsWith(",second"));
        QVERIFY(lines[2].endsWith(","));
        QVERIFY(lines[3].endsWith(",\"first <b>look</b>, \"\"quoted\"\"\""));
        QVERIFY(!QString::fromUtf8(readAll(path)).contains("not starred"));
    }

    // JSON: the records as stored (the file imports again to those events) and a Notes list beside them.
    void starredJsonKeepsRecordsAndNotes()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        Query::SearchOptions oldestFirst;
        oldestFirst.order = Query::SortOrder::OldestFirst;
        const QString path = m_dir.filePath("starred.json");
        QVERIFY(Export::exportStarredEvents(*db, oldestFirst, path, optionsFor(Export::EventFormat::Json)));
        const QByteArray bytes = readAll(path);
        QCOMPARE(exportedIds(bytes), QStringList({fixtureId(1), fixtureId(2), fixtureId(7)}));
        const QJsonArray notes = QJsonDocument::fromJson(bytes).object().value("Notes").toArray();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes[0]["eventID"].toString(), fixtureId(1));
        QCOMPARE(notes[0]["note"].toString(), QString("first <b>look</b>, \"quoted\""));
        QCOMPARE(notes[1]["eventID"].toString(), fixtureId(7));
        const auto stored = storedRecords(m_case);
        const QString again = m_dir.filePath("starred.tscase");
        QVERIFY(importPaths(again, {path}).has_value());
        const auto imported = storedRecords(again);
        QCOMPARE(imported.size(), std::size_t(3));
        for (const auto& [id, record] : imported)
            QCOMPARE(record, stored.at(id));
    }

    // JSON Lines: each line {"note", "record"}, the record's bytes those stored (line breaks aside).
    void starredJsonLinesWrapEachRecord()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const QString path = m_dir.filePath("starred.jsonl");
        QVERIFY(Export::exportStarredEvents(*db, {}, path, optionsFor(Export::EventFormat::JsonLines)));
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 4); // three and the empty rest after the last line break
        const auto stored = storedRecords(m_case);
        QVERIFY(lines[1].startsWith("{\"note\":\"\",\"record\":"));
        QVERIFY(
            lines[0].contains(QByteArray(",\"record\":" + QByteArray::fromStdString(stored.at(fixtureId(7))) + "}")));
        QCOMPARE(QJsonDocument::fromJson(lines[2]).object()["note"].toString(),
                 QString("first <b>look</b>, \"quoted\""));
        QCOMPARE(exportedIds(readAll(path)), QStringList({fixtureId(7), fixtureId(2), fixtureId(1)}));
    }

    // A list of rows (a finding's) is written in its own order, whatever the times say.
    void eventRowsKeepTheirOrder()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const QString path = m_dir.filePath("rows.jsonl");
        const auto written = Export::exportEventRows(*db, {m_rows[5], m_rows[0], m_rows[30], m_rows[12]}, path,
                                                     optionsFor(Export::EventFormat::JsonLines));
        QVERIFY(written.has_value());
        QCOMPARE(*written, 4);
        QCOMPARE(exportedIds(readAll(path)),
                 QStringList({fixtureId(5), fixtureId(0), "00000000-0000-4000-8000-000000000099", fixtureId(12)}));
    }

    void queryResultIsTheStatementsRows()
    {
        auto lake = Query::Lake::LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        const QString path = m_dir.filePath("query.csv");
        const auto written = Export::exportQueryResult(
            **lake,
            "SELECT eventID, errorCode FROM cloudtrail_logs WHERE errorCode = 'AccessDenied' ORDER BY eventTime", path,
            optionsFor(Export::EventFormat::Csv));
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().toString()));
        QCOMPARE(*written, 15);
        const QStringList lines = QString::fromUtf8(readAll(path)).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 16);
        QCOMPARE(lines[0], QString("eventID,errorCode"));
        QCOMPARE(lines[1], fixtureId(0) + ",AccessDenied");
        QCOMPARE(lines[15], fixtureId(28) + ",AccessDenied");
        const auto two =
            Export::exportQueryResult(**lake, "SELECT 1; SELECT 2", path, optionsFor(Export::EventFormat::Csv));
        QVERIFY(!two.has_value());
        QCOMPARE(two.error().code, ErrorCode::QueryRefused);
        const auto bad = Export::exportQueryResult(**lake, "SELEC eventID FROM cloudtrail_logs",
                                                   m_dir.filePath("bad.csv"), optionsFor(Export::EventFormat::Csv));
        QVERIFY(!bad.has_value());
        QVERIFY(!QFile::exists(m_dir.filePath("bad.csv")));
    }

    void summaryIsTheCaseInfo()
    {
        const auto info = readCaseInfo(m_case);
        QVERIFY(info.has_value());
        const QString path = m_dir.filePath("summary.json");
        QVERIFY(Export::exportSummary(*info, path, optionsFor(Export::EventFormat::Json)).has_value());
        const QJsonObject written = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(written, *info);
        QCOMPARE(written["events"].toInteger(), 31);
        const QString csv = m_dir.filePath("summary.csv");
        QVERIFY(Export::exportSummary(*info, csv, optionsFor(Export::EventFormat::Csv)).has_value());
        const QStringList lines = QString::fromUtf8(readAll(csv)).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines[0], QString("field,value"));
        QVERIFY(lines.contains("events,31"));
        QCOMPARE(lines.size(), info->size() + 1);
    }

    void cliWritesTheFile()
    {
        const QString path = m_dir.filePath("cli.jsonl");
        const CliRun run =
            runCli({"export", m_case, "--search", "errorCode:AccessDenied", "--format", "jsonl", "-o", path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("15 events written"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 15);
        const CliRun bad = runCli({"export", m_case, "--format", "xml", "-o", path});
        QCOMPARE(bad.exitCode, 2);
    }

    // Each scope from the command line, and one scope at a time.
    void cliScopes()
    {
        const QString path = m_dir.filePath("scope.jsonl");
        const CliRun starred = runCli({"export", m_case, "--starred", "--asc", "--format", "jsonl", "-o", path});
        COMPARE_EXIT(starred, 0);
        QCOMPARE(exportedIds(readAll(path)), QStringList({fixtureId(1), fixtureId(2), fixtureId(7)}));
        // CloudWatch.2 (refused calls, one in five minutes alarms) holds the 15 AccessDenied events, oldest first.
        const CliRun finding = runCli({"export", m_case, "--finding", "CloudWatch.2", "--format", "jsonl", "-o", path});
        COMPARE_EXIT(finding, 0);
        QStringList denied;
        for (int n = 0; n < 30; n += 2)
            denied << fixtureId(n);
        QCOMPARE(exportedIds(readAll(path)), denied);
        const CliRun query = runCli(
            {"export", m_case, "--query", "SELECT count(*) AS n FROM cloudtrail_logs", "--format", "csv", "-o", "-"});
        COMPARE_EXIT(query, 0);
        QCOMPARE(query.out, QByteArray("n\r\n31\r\n"));
        const CliRun summary = runCli({"export", m_case, "--summary", "--format", "json", "-o", "-"});
        COMPARE_EXIT(summary, 0);
        PARSE_JSON(summary, info);
        QCOMPARE(info["events"].toInteger(), 31);
    }

    void cliRefusesTwoScopesAndUnknownFindings()
    {
        const QString path = m_dir.filePath("refused.csv");
        COMPARE_EXIT(runCli({"export", m_case, "--starred", "--summary", "-o", path}), 2);
        COMPARE_EXIT(runCli({"export", m_case, "--search", "x", "--query", "SELECT 1", "-o", path}), 2);
        COMPARE_EXIT(runCli({"export", m_case, "--query", "SELECT 1", "--start", "2026-02-21", "-o", path}), 2);
        const CliRun unknown = runCli({"export", m_case, "--finding", "no-such-rule", "-o", path});
        COMPARE_EXIT(unknown, 2);
        QVERIFY(unknown.err.contains("no finding no-such-rule"));
        const CliRun badSql = runCli({"export", m_case, "--query", "SELEC 1 FROM x", "-o", path});
        COMPARE_EXIT(badSql, 4);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_eventexport.moc"
