#include "clitest.h"

#include "testsupport.h"

#include "casedb/caseschema.h"

#include <QFile>

#include <sqlite3.h>

namespace Trailscope::Test {

QString cliPath()
{
    return QStringLiteral(TRAILSCOPE_BINARY_DIR "/bin/trailscope-cli");
}

CliRun finishCli(QProcess& process)
{
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = "trailscope-cli did not finish: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList& arguments, const QString& workingDirectory)
{
    QProcess process;
    process.setProgram(cliPath());
    process.setArguments(arguments);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start();
    return finishCli(process);
}

QByteArray describe(const CliRun& run)
{
    return "exit " + QByteArray::number(run.exitCode) + "\n--- stdout:\n" + run.out + "\n--- stderr:\n" + run.err;
}

QStringList queryStrings(const QString& casePath, const char* sql)
{
    QStringList values;
    sqlite3* db = nullptr;
    const auto failed = [&](const char* step) {
        values << QStringLiteral("%1 failed: %2").arg(QLatin1String(step), QString::fromUtf8(sqlite3_errmsg(db)));
    };
    // A plain connection, as another SQLite tool would open the case, plus the case's own functions (the
    // strings_value index needs ts_hash, so an integrity check would fail without it).
    if (sqlite3_open_v2(QFile::encodeName(casePath).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        failed("open");
    } else if (!Core::CaseSchema::registerFunctions(db)) {
        failed("registering functions");
    } else {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
            failed("prepare");
        } else {
            int status = SQLITE_ROW;
            while ((status = sqlite3_step(statement)) == SQLITE_ROW)
                values << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                                            sqlite3_column_bytes(statement, 0));
            if (status != SQLITE_DONE)
                failed("step");
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return values;
}

QString fixtureEventId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

std::vector<QJsonObject> recordsOf(const TrailFile& file, int& nextId)
{
    std::vector<QJsonObject> records;
    for (const QString& time : file.times)
        records.push_back(makeRecord(fixtureEventId(nextId++), time, QStringLiteral("DescribeInstances"),
                                     {{QStringLiteral("awsRegion"), file.region},
                                      {QStringLiteral("recipientAccountId"), file.account},
                                      {QStringLiteral("eventSource"), file.source}}));
    return records;
}

QStringList writeTrail(const QString& root, const std::vector<TrailFile>& files)
{
    QStringList paths;
    int nextId = 1;
    for (const TrailFile& file : files)
        paths << writeFile(root, trailKey(file.account, file.region, file.delivered),
                           gzip(recordsEnvelope(recordsOf(file, nextId))));
    return paths;
}

std::vector<TrailFile> smallTrail()
{
    const QString a = QStringLiteral("111122223333");
    const QString b = QStringLiteral("444455556666");
    const QString usEast = QStringLiteral("us-east-1");
    const QString euWest = QStringLiteral("eu-west-1");
    return {
        {a,
         usEast,
         QStringLiteral("20260221T1805Z"),
         {QStringLiteral("2026-02-21T18:00:00Z"), QStringLiteral("2026-02-21T18:01:00Z"),
          QStringLiteral("2026-02-21T18:02:00Z")}},
        {a,
         euWest,
         QStringLiteral("20260221T1810Z"),
         {QStringLiteral("2026-02-21T18:03:00Z"), QStringLiteral("2026-02-21T18:04:05.250Z")},
         QStringLiteral("iam.amazonaws.com")},
        {b,
         usEast,
         QStringLiteral("20260221T1815Z"),
         {QStringLiteral("2026-02-21T18:05:00Z"), QStringLiteral("2026-02-21T18:06:00Z"),
          QStringLiteral("2026-02-21T18:07:00Z"), QStringLiteral("2026-02-21T18:08:00Z")}},
        {b,
         euWest,
         QStringLiteral("20260221T1820Z"),
         {QStringLiteral("2026-02-21T18:09:00Z"), QStringLiteral("2026-02-21T18:09:30.500+00:00")}},
    };
}

} // namespace Trailscope::Test
