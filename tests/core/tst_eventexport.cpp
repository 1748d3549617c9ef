// Exporting the events of a search (export/eventexport.h): JSON imports again to the very same records, JSON Lines
// to the same events, CSV is RFC 4180 with formula-looking cells neutralised, and a cancelled or failed export leaves
// no file behind (nor replaces an existing one).
#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "clitest.h"
#include "export/eventexport.h"
#include "query/searchparser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
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

} // namespace

class TestEventExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

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
};

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_eventexport.moc"
