// RecordScan (query/recordscan.h): a whole-case scan of the raw records on several threads finds exactly the events
// whose record the test accepts, however the events fall into files and ranges, and says why when it cannot read.
#include "casedb/caseschema.h"
#include "query/recordscan.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;
using namespace Trailscope::Test;

namespace {

// Event n's user agent holds "needle-7" when n is a multiple of 7: known matches among many misses.
QJsonObject record(int n)
{
    const QString agent =
        n % 7 == 0 ? QStringLiteral("aws-cli/2 needle-7 #%1").arg(n) : QStringLiteral("agent #%1").arg(n);
    return makeRecord(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')),
                      QStringLiteral("2026-02-21T%1:%2:00Z")
                          .arg(n / 60 % 24, 2, 10, QLatin1Char('0'))
                          .arg(n % 60, 2, 10, QLatin1Char('0')),
                      "DescribeInstances", {{"userAgent", agent}});
}

// `files` trail files of `perFile` events each, numbered from `first`.
void writeTrail(const QString& dir, int first, int files, int perFile)
{
    for (int f = 0; f < files; ++f) {
        std::vector<QJsonObject> records;
        for (int i = 0; i < perFile; ++i)
            records.push_back(record(first + f * perFile + i));
        writeFile(dir,
                  trailKey("111122223333", "us-east-1", QStringLiteral("20260221T%1Z").arg(1000 + first + f),
                           QStringLiteral("unique%1").arg(first + f)),
                  gzip(recordsEnvelope(records)));
    }
}

std::set<std::int64_t> members(const EventSet& set)
{
    std::set<std::int64_t> ids;
    for (std::int64_t id = 0; id <= set.through(); ++id)
        if (set.contains(id))
            ids.insert(id);
    return ids;
}

// The events whose user agent says needle-7, asked of the case's columns rather than its records.
std::set<std::int64_t> expected(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    std::set<std::int64_t> ids;
    if (!db)
        return ids;
    auto rows =
        db->prepare("SELECT e.id FROM events e JOIN strings s ON s.id = e.agent WHERE s.value LIKE '%needle-7%'");
    while (rows.step() == SQLITE_ROW)
        ids.insert(rows.columnInt(0));
    return ids;
}

const RecordScan::Test Needle = [](std::string_view text) { return text.find("needle-7") != std::string_view::npos; };

} // namespace

class TestRecordScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatEachRecordSays()
    {
        QTemporaryDir dir, caseDir;
        writeTrail(dir.path(), 0, 40, 500); // 20,000 events: more ranges than threads, files across ranges
        const QString casePath = caseDir.filePath("scan.tscase");
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        const std::set<std::int64_t> want = expected(casePath);
        QCOMPARE(qint64(want.size()), qint64((20000 + 6) / 7));
        for (const int threads : {1, 2, 3}) {
            const auto scan = RecordScan::run(casePath, Needle, threads);
            QVERIFY2(scan.has_value(), scan ? "" : qPrintable(scan.error().toString()));
            QCOMPARE((*scan)->through(), queryCount(casePath, "SELECT max(id) FROM event_rows"));
            QCOMPARE(members(**scan), want);
            QCOMPARE((*scan)->size(), qint64(want.size()));
        }
    }

    void appendedEventsAreScannedToo()
    {
        QTemporaryDir dir, more, caseDir;
        writeTrail(dir.path(), 0, 3, 100);
        writeTrail(more.path(), 300, 2, 100);
        const QString casePath = caseDir.filePath("scan.tscase");
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        const auto before = RecordScan::run(casePath, Needle);
        QVERIFY(before.has_value());
        QVERIFY(importPaths(casePath, {more.path()}).has_value());
        const auto after = RecordScan::run(casePath, Needle);
        QVERIFY(after.has_value());
        QVERIFY((*after)->through() > (*before)->through());
        QVERIFY(!(*before)->contains((*after)->through()));
        QCOMPARE(members(**after), expected(casePath));
    }

    // Connections asking the same question of the same case share one scan; new content asks again.
    void sharedScansAnswerOnce()
    {
        QTemporaryDir dir, more, caseDir;
        writeTrail(dir.path(), 0, 4, 100);
        writeTrail(more.path(), 400, 1, 100);
        const QString casePath = caseDir.filePath("shared.tscase");
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        std::atomic<int> tested{0};
        const RecordScan::Test counting = [&](std::string_view text) {
            ++tested;
            return Needle(text);
        };
        std::atomic<std::int64_t> examined{0};
        const auto first = RecordScan::shared(casePath, "needle-7", counting, {&examined, {}});
        QVERIFY(first.has_value());
        QCOMPARE(tested.load(), 400);
        QCOMPARE(examined.load(), 400);
        const auto again = RecordScan::shared(casePath, "needle-7", counting, {&examined, {}});
        QVERIFY(again.has_value());
        QCOMPARE(again->get(), first->get()); // the same answer, not another scan
        QCOMPARE(tested.load(), 400);
        QVERIFY(RecordScan::shared(casePath, "another question", counting).has_value());
        QCOMPARE(tested.load(), 800);
        QVERIFY(importPaths(casePath, {more.path()}).has_value());
        const auto appended = RecordScan::shared(casePath, "needle-7", counting);
        QVERIFY(appended.has_value());
        QCOMPARE(tested.load(), 1300);
        QCOMPARE(members(**appended), expected(casePath));
    }

    // A scan asks whether to go on before each range: told to stop, it stops with Cancelled, keeps nothing, and a
    // caller that waited on it scans for itself.
    void stoppedScanIsCancelled()
    {
        QTemporaryDir dir, caseDir;
        writeTrail(dir.path(), 0, 8, 5000); // 40,000 events: three ranges
        const QString casePath = caseDir.filePath("stop.tscase");
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        std::atomic<int> asked{0};
        const RecordScan::Progress stopAtOnce{nullptr, [&] { return ++asked > 1; }};
        const auto stopped = RecordScan::run(casePath, Needle, 1, stopAtOnce);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
        const auto shared = RecordScan::shared(casePath, "stop question", Needle, {nullptr, [] { return false; }});
        QVERIFY(!shared.has_value());
        QCOMPARE(shared.error().code, ErrorCode::Cancelled);
        // Not kept: asked again, the same question scans.
        const auto again = RecordScan::shared(casePath, "stop question", Needle);
        QVERIFY(again.has_value());
        QCOMPARE(members(**again), expected(casePath));
    }

    void emptyCaseHasNothing()
    {
        QTemporaryDir dir, caseDir;
        QDir().mkpath(dir.filePath("AWSLogs"));
        const QString casePath = caseDir.filePath("empty.tscase");
        QVERIFY(CaseSchema::open(casePath, CaseSchema::OpenMode::CreateOrOpen).has_value());
        const auto scan = RecordScan::run(casePath, Needle);
        QVERIFY(scan.has_value());
        QCOMPARE((*scan)->size(), qint64(0));
    }

    void unreadableEvidenceIsAnError()
    {
        QTemporaryDir dir, caseDir;
        writeTrail(dir.path(), 0, 2, 50);
        const QString casePath = caseDir.filePath("damaged.tscase");
        QVERIFY(importPaths(casePath, {dir.path()}).has_value());
        {
            auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
            QVERIFY(db.has_value());
            QVERIFY(db->exec("UPDATE source_blobs SET data = zeroblob(length(data))").has_value());
        }
        const auto scan = RecordScan::run(casePath, Needle, 2);
        QVERIFY(!scan.has_value());
        QVERIFY(!scan.error().detail.isEmpty());
    }

    void missingCaseIsAnError()
    {
        const auto scan = RecordScan::run(QStringLiteral("/nonexistent/none.tscase"), Needle);
        QVERIFY(!scan.has_value());
        QCOMPARE(scan.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestRecordScan)
#include "tst_recordscan.moc"
