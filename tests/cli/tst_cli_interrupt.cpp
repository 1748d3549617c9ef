// An import stopped half-way, by SIGINT or by SIGKILL, leaves a usable case that the same import completes.
// The input is large enough that the import is still running when the signal arrives.
#include "clitest.h"
#include "generatedtrail.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sqlite3.h>

using namespace Trailscope::Test;

namespace {

// Enough that an optimised build is still importing a second after its first commit, few enough for a debug one.
#ifdef NDEBUG
constexpr int FileCount = 2000;
#else
constexpr int FileCount = 500;
#endif
constexpr int RecordsPerFile = 200;
constexpr qint64 TotalEvents = qint64(FileCount) * RecordsPerFile;

// First column of the first row, or -1 while the case is missing, empty or locked: safe to poll during an import.
qint64 pollCount(const QString& casePath, const char* sql)
{
    qint64 value = -1;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(casePath).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
            value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

// True when no connection holds the case's write lock right now (checked without waiting).
bool writeLockIsFree(const QString& casePath)
{
    sqlite3* db = nullptr;
    bool free = false;
    if (sqlite3_open_v2(QFile::encodeName(casePath).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        free = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
        if (free)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    return free;
}

qint64 count(const QString& casePath, const char* sql)
{
    return queryCount(casePath, QString::fromLatin1(sql));
}

QStringList sessionStatuses(const QJsonObject& info)
{
    QStringList statuses;
    for (const QJsonValue& session : info[QStringLiteral("sessions")].toArray())
        statuses << session[QStringLiteral("status")].toString();
    return statuses;
}

} // namespace

class TestCliInterrupt : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_trail;
    int m_serial = 0;
    QString newCase() { return m_dir.filePath(QStringLiteral("case%1.tscase").arg(++m_serial)); }

    // Starts `import CASE TRAIL --json` and returns once the case holds committed events.
    bool startImport(QProcess& process, const QString& casePath)
    {
        process.start(cliPath(), {QStringLiteral("import"), casePath, m_trail, QStringLiteral("--json")});
        if (!process.waitForStarted())
            return false;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            if (pollCount(casePath, "SELECT count(*) FROM events") > 0)
                return true;
            if (process.waitForFinished(20))
                return false; // finished before any check: the input is too small for this machine
        }
        return false;
    }

    // What every interrupted case must satisfy, and then the same import completing it exactly.
    void checkResumable(const QString& casePath, const QString& interruptedStatus)
    {
        // A kill can also land after the session was recorded complete (during the final checkpoint), and then that
        // is its status. Read before `info`, which marks a session left running by a dead import as interrupted.
        const QStringList recorded = queryStrings(casePath, "SELECT status FROM import_sessions");
        QCOMPARE(recorded.size(), 1);
        const QString firstStatus =
            recorded.first() == QLatin1String("complete") ? recorded.first() : interruptedStatus;
        const CliRun info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        COMPARE_EXIT(info, 0);
        PARSE_JSON(info, before);
        const qint64 kept = count(casePath, "SELECT count(*) FROM events");
        QCOMPARE(before[QStringLiteral("events")].toInteger(), kept);
        // A kill can land after the last commit (while indexes are built): then everything is kept.
        QVERIFY2(kept > 0 && kept <= TotalEvents, qPrintable(QString::number(kept)));
        // Committed files are whole: every event of a file marked complete is there.
        const qint64 completeFiles = count(casePath, "SELECT count(*) FROM source_files WHERE complete = 1");
        QVERIFY(kept >= count(casePath, "SELECT coalesce(sum(events), 0) FROM source_files WHERE complete = 1"));
        QCOMPARE(count(casePath, "SELECT count(*) FROM events e JOIN source_files f ON f.id = e.file_id "
                                 "WHERE f.complete = 1"),
                 count(casePath, "SELECT coalesce(sum(events), 0) FROM source_files WHERE complete = 1"));
        QCOMPARE(count(casePath, "SELECT count(*) - count(DISTINCT event_id) FROM events"), 0);

        const CliRun again = runCli({QStringLiteral("import"), casePath, m_trail, QStringLiteral("--json")});
        COMPARE_EXIT(again, 0);
        PARSE_JSON(again, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), TotalEvents - kept);
        QCOMPARE(summary[QStringLiteral("skippedFiles")].toInteger(), completeFiles);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("conflicts")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("cancelled")].toBool(true), false);

        QCOMPARE(count(casePath, "SELECT count(*) FROM events"), TotalEvents);
        QCOMPARE(count(casePath, "SELECT count(*) - count(DISTINCT event_id) FROM events"), 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM source_files"), FileCount);
        QCOMPARE(count(casePath, "SELECT count(*) FROM source_files WHERE complete = 0"), 0);
        QCOMPARE(count(casePath, "SELECT sum(events) FROM source_files"), TotalEvents);
        QCOMPARE(count(casePath, "SELECT count(*) FROM event_variants"), 0);

        const CliRun finalInfo = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        COMPARE_EXIT(finalInfo, 0);
        PARSE_JSON(finalInfo, after);
        QCOMPARE(after[QStringLiteral("events")].toInteger(), TotalEvents);
        QCOMPARE(sessionStatuses(after), (QStringList{firstStatus, QStringLiteral("complete")}));
        qint64 covered = 0;
        for (const QJsonValue& row : after[QStringLiteral("coverage")].toArray())
            covered += row[QStringLiteral("events")].toInteger();
        QCOMPARE(after[QStringLiteral("coverage")].toArray().size(), 4);
        QCOMPARE(covered, TotalEvents);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cliPath()), "trailscope-cli is not built");
        m_trail = m_dir.filePath(QStringLiteral("trail"));
        writeGeneratedTrail(m_trail, FileCount, RecordsPerFile);
    }

    void sigintKeepsCommittedWork()
    {
        const QString casePath = newCase();
        QProcess process;
        QVERIFY2(startImport(process, casePath), "the import finished before it could be interrupted");
        QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGINT), 0);
        const CliRun run = finishCli(process);
        COMPARE_EXIT(run, 130);
        QVERIFY2(run.err.contains("import: interrupted"), describe(run).constData());
        QVERIFY2(!run.err.contains('\r'), describe(run).constData());
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("cancelled")].toBool(), true);
        // What the summary reports as stored is exactly what the case holds.
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), count(casePath, "SELECT count(*) FROM events"));
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        const qint64 kept = count(casePath, "SELECT count(*) FROM events");
        QVERIFY2(kept < TotalEvents, "SIGINT arrived after the import had stored everything");
        QCOMPARE(count(casePath, "SELECT count(*) FROM import_sessions WHERE status = 'cancelled'"), 1);
        checkResumable(casePath, QStringLiteral("cancelled"));
    }

    void infoDuringImportLeavesItsSessionRunning()
    {
        const QString casePath = newCase();
        QProcess process;
        QVERIFY2(startImport(process, casePath), "the import finished before info could run");
        const auto pid = static_cast<pid_t>(process.processId());
        // Pause the import between two of its transactions, so that nothing but info itself decides the outcome.
        bool paused = false;
        for (int attempt = 0; attempt < 200 && !paused; ++attempt) {
            ::kill(pid, SIGSTOP);
            paused = writeLockIsFree(casePath);
            if (!paused) {
                ::kill(pid, SIGCONT);
                QVERIFY2(!process.waitForFinished(QRandomGenerator::global()->bounded(2, 20)),
                         "the import finished before info could run");
            }
        }
        if (!paused) {
            ::kill(pid, SIGKILL);
            process.waitForFinished();
            QSKIP("could not catch the import between two transactions");
        }
        const CliRun info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        const QStringList statuses = queryStrings(casePath, "SELECT status FROM import_sessions");
        ::kill(pid, SIGCONT);
        ::kill(pid, SIGINT);
        const CliRun import = finishCli(process);
        COMPARE_EXIT(info, 0);
        QVERIFY2(info.err.isEmpty(), describe(info).constData());
        PARSE_JSON(info, object);
        QCOMPARE(sessionStatuses(object), QStringList{QStringLiteral("running")});
        // info reads, and builds missing indexes, but never declares the live import's session interrupted.
        QCOMPARE(statuses, QStringList{QStringLiteral("running")});
        COMPARE_EXIT(import, 130);
        QCOMPARE(queryStrings(casePath, "SELECT status FROM import_sessions"),
                 QStringList{QStringLiteral("cancelled")});
    }

    void sigkillLeavesUsableCase_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::newRow("as the first rows land") << 0;
        QTest::newRow("a random moment later") << int(QRandomGenerator::global()->bounded(50, 800));
    }

    void sigkillLeavesUsableCase()
    {
        QFETCH(int, delayMs);
        qInfo("killing %d ms after the first committed events", delayMs);
        const QString casePath = newCase();
        QProcess process;
        QVERIFY2(startImport(process, casePath), "the import finished before it could be killed");
        QVERIFY2(!process.waitForFinished(delayMs), "the import finished before it could be killed");
        process.kill();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        const QStringList integrity = queryStrings(casePath, "PRAGMA integrity_check");
        QCOMPARE(integrity, QStringList{QStringLiteral("ok")});
        checkResumable(casePath, QStringLiteral("interrupted"));
    }
};

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "tst_cli_interrupt.moc"
