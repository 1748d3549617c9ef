// trailscope-cli driven as a user drives it: the real binary through QProcess, fixtures in a QTemporaryDir.
// Problem inputs and non-case files are in tst_cli_errors.cpp; interruption and crashes in tst_cli_interrupt.cpp.
#include "clitest.h"
#include "testsupport.h"
#include "util/gzip.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;

namespace {

const QString AccountA = QStringLiteral("111122223333");
const QString AccountB = QStringLiteral("444455556666");
const QString UsEast = QStringLiteral("us-east-1");
const QString EuWest = QStringLiteral("eu-west-1");

} // namespace

class TestCli : public QObject
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

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList() << QStringLiteral("Usage: trailscope-cli COMMAND");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("import"), QStringLiteral("c"), QStringLiteral("x"),
                                                     QStringLiteral("--bogus")}
                                      << QStringLiteral("bogus");
        QTest::newRow("missing PATH") << QStringList{QStringLiteral("import"), QStringLiteral("c")}
                                      << QStringLiteral("needs CASE and at least one PATH");
        QTest::newRow("missing CASE") << QStringList{QStringLiteral("import")}
                                      << QStringLiteral("needs CASE and at least one PATH");
        QTest::newRow("--since notatime")
            << QStringList{QStringLiteral("import"), QStringLiteral("c"), QStringLiteral("x"),
                           QStringLiteral("--since"), QStringLiteral("notatime")}
            << QStringLiteral("--since wants a time");
        QTest::newRow("--until notatime") << QStringList{QStringLiteral("import"), QStringLiteral("c"),
                                                         QStringLiteral("x"), QStringLiteral("--until=2026-13-45")}
                                          << QStringLiteral("--until wants a time");
        QTest::newRow("--since without value") << QStringList{QStringLiteral("import"), QStringLiteral("c"),
                                                              QStringLiteral("x"), QStringLiteral("--since")}
                                               << QStringLiteral("since");
        QTest::newRow("info without CASE")
            << QStringList{QStringLiteral("info")} << QStringLiteral("needs exactly one CASE");
        QTest::newRow("info with two cases")
            << QStringList{QStringLiteral("info"), QStringLiteral("c"), QStringLiteral("d")}
            << QStringLiteral("needs exactly one CASE");
        QTest::newRow("info unknown flag")
            << QStringList{QStringLiteral("info"), QStringLiteral("c"), QStringLiteral("--bogus")}
            << QStringLiteral("bogus");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString cwd = newPath(QStringLiteral("usage"));
        QVERIFY(QDir().mkpath(cwd));
        const CliRun run = runCli(arguments, cwd);
        COMPARE_EXIT(run, 2);
        QVERIFY2(run.out.isEmpty(), describe(run).constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), describe(run).constData());
        // A usage error touches nothing: no case file named "c" appears.
        QCOMPARE(QDir(cwd).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void importSmallTrail()
    {
        const QString root = newPath(QStringLiteral("trail"));
        writeTrail(root, smallTrail());
        const QString casePath = newPath(QStringLiteral("case"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, root, QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("files")].toInteger(), 4);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 11);
        QCOMPARE(summary[QStringLiteral("duplicates")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("conflicts")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("skippedFiles")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("outOfScopeFiles")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("ignoredFiles")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("rejected")].toArray(), QJsonArray());
        QCOMPARE(summary[QStringLiteral("warningsTotal")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("cancelled")].toBool(true), false);
        QVERIFY(summary[QStringLiteral("seconds")].isDouble());
        QVERIFY(summary[QStringLiteral("searchableSeconds")].isDouble());
        // stderr is not a terminal here: no progress bar, and a clean import has nothing to say.
        QVERIFY2(!run.err.contains('\r'), run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());

        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events")), 11);
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM source_files WHERE complete = 1")), 4);

        // Without --json the summary is a human sentence on stdout.
        const CliRun human = runCli({QStringLiteral("import"), newPath(QStringLiteral("case")), root});
        COMPARE_EXIT(human, 0);
        QVERIFY2(human.out.startsWith("Imported 11 events from 4 files in "), describe(human).constData());
        QVERIFY2(!human.err.contains('\r'), human.err.constData());
    }

    void reimportSkipsKnownFiles_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("same folder") << QStringLiteral("same");
        QTest::newRow("copy elsewhere") << QStringLiteral("copy");
        QTest::newRow("same content recompressed") << QStringLiteral("recompressed");
    }

    void reimportSkipsKnownFiles()
    {
        QFETCH(QString, variant);
        const QString root = newPath(QStringLiteral("trail"));
        writeTrail(root, smallTrail());
        const QString casePath = newPath(QStringLiteral("case"));
        COMPARE_EXIT(runCli({QStringLiteral("import"), casePath, root}), 0);

        QString again = root;
        if (variant != QLatin1String("same")) {
            again = newPath(QStringLiteral("again"));
            int nextId = 1;
            for (const TrailFile& file : smallTrail()) {
                const QByteArray plain = recordsEnvelope(recordsOf(file, nextId));
                writeFile(again, trailKey(file.account, file.region, file.delivered),
                          variant == QLatin1String("copy") ? gzip(plain) : Trailscope::Core::gzipCompress(plain, 1));
            }
        }
        const CliRun run = runCli({QStringLiteral("import"), casePath, again, QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("skippedFiles")].toInteger(), 4);
        QCOMPARE(summary[QStringLiteral("files")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("duplicates")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events")), 11);
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM source_files")), 4);
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM import_sessions WHERE status='complete'")),
                 2);
    }

    void infoJsonAfterImport();
    void scopeSkipsFilesByKey_data();
    void scopeSkipsFilesByKey();
};

void TestCli::infoJsonAfterImport()
{
    const QString root = newPath(QStringLiteral("trail"));
    writeTrail(root, smallTrail());
    const QString casePath = newPath(QStringLiteral("case"));
    COMPARE_EXIT(runCli({QStringLiteral("import"), casePath, root}), 0);

    const CliRun run = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    COMPARE_EXIT(run, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    PARSE_JSON(run, info);
    QCOMPARE(info[QStringLiteral("events")].toInteger(), 11);
    QCOMPARE(info[QStringLiteral("first")].toString(), QStringLiteral("2026-02-21T18:00:00.000Z"));
    QCOMPARE(info[QStringLiteral("last")].toString(), QStringLiteral("2026-02-21T18:09:30.500Z"));
    QCOMPARE(info[QStringLiteral("files")].toInteger(), 4);
    QCOMPARE(info[QStringLiteral("digestFiles")].toInteger(), 0);
    const auto counted = [](const QString& key, const QString& first, int firstCount, const QString& second,
                            int secondCount) {
        return QJsonArray{QJsonObject{{key, first}, {QStringLiteral("events"), firstCount}},
                          QJsonObject{{key, second}, {QStringLiteral("events"), secondCount}}};
    };
    QCOMPARE(info[QStringLiteral("accounts")].toArray(), counted(QStringLiteral("id"), AccountB, 6, AccountA, 5));
    QCOMPARE(info[QStringLiteral("regions")].toArray(), counted(QStringLiteral("region"), UsEast, 7, EuWest, 4));
    QCOMPARE(info[QStringLiteral("eventSources")].toArray(),
             counted(QStringLiteral("source"), QStringLiteral("ec2.amazonaws.com"), 9,
                     QStringLiteral("iam.amazonaws.com"), 2));

    // One coverage row per account and region, ordered by account then region.
    const auto row = [](const QString& account, const QString& region, const char* first, const char* last,
                        int events) {
        return QJsonObject{{QStringLiteral("account"), account},
                           {QStringLiteral("region"), region},
                           {QStringLiteral("first"), QString::fromLatin1(first)},
                           {QStringLiteral("last"), QString::fromLatin1(last)},
                           {QStringLiteral("events"), events},
                           {QStringLiteral("files"), 1},
                           {QStringLiteral("gaps"), QJsonArray()}};
    };
    const QJsonArray coverage{
        row(AccountA, EuWest, "2026-02-21T18:03:00.000Z", "2026-02-21T18:04:05.250Z", 2),
        row(AccountA, UsEast, "2026-02-21T18:00:00.000Z", "2026-02-21T18:02:00.000Z", 3),
        row(AccountB, EuWest, "2026-02-21T18:09:00.000Z", "2026-02-21T18:09:30.500Z", 2),
        row(AccountB, UsEast, "2026-02-21T18:05:00.000Z", "2026-02-21T18:08:00.000Z", 4),
    };
    QCOMPARE(info[QStringLiteral("coverage")].toArray(), coverage);

    const QJsonArray sessions = info[QStringLiteral("sessions")].toArray();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject session = sessions[0].toObject();
    QCOMPARE(session[QStringLiteral("status")].toString(), QStringLiteral("complete"));
    QCOMPARE(session[QStringLiteral("files")].toInteger(), 4);
    QCOMPARE(session[QStringLiteral("events")].toInteger(), 11);
    QCOMPARE(session[QStringLiteral("duplicates")].toInteger(), 0);
    QCOMPARE(session[QStringLiteral("rejected")].toInteger(), 0);
    QCOMPARE(session[QStringLiteral("paths")].toArray(), QJsonArray{root});
    const QString started = session[QStringLiteral("started")].toString();
    const QString finished = session[QStringLiteral("finished")].toString();
    QVERIFY2(started.endsWith(u'Z') && started.size() == 24, qPrintable(started));
    QVERIFY2(finished >= started, qPrintable(finished));

    const CliRun human = runCli({QStringLiteral("info"), casePath});
    COMPARE_EXIT(human, 0);
    QVERIFY2(human.out.startsWith("Events:   11\nFirst:    2026-02-21T18:00:00.000Z\n"), describe(human).constData());
    QVERIFY2(human.out.contains("Accounts: 444455556666 (6), 111122223333 (5)\n"), describe(human).constData());
}

void TestCli::scopeSkipsFilesByKey_data()
{
    QTest::addColumn<QStringList>("scope");
    QTest::addColumn<int>("events"); // files hold 1, 2, 4 and 8 events: the sum tells which were read
    QTest::addColumn<int>("files");
    const auto args = [](std::initializer_list<const char*> list) {
        QStringList result;
        for (const char* arg : list)
            result << QString::fromLatin1(arg);
        return result;
    };
    QTest::newRow("no scope") << QStringList() << 15 << 4;
    QTest::newRow("account A") << args({"--account", "111122223333"}) << 3 << 2;
    QTest::newRow("account B") << args({"--account", "444455556666"}) << 12 << 2;
    QTest::newRow("both accounts, comma list") << args({"--account", "111122223333,444455556666"}) << 15 << 4;
    QTest::newRow("unknown account") << args({"--account", "999999999999"}) << 0 << 0;
    QTest::newRow("region") << args({"--region", "eu-west-1"}) << 10 << 2;
    QTest::newRow("repeated region") << args({"--region", "eu-west-1", "--region", "us-east-1"}) << 15 << 4;
    QTest::newRow("account and region") << args({"--account", "111122223333", "--region", "eu-west-1"}) << 2 << 1;
    QTest::newRow("since a day") << args({"--since", "2026-02-22"}) << 12 << 2;
    QTest::newRow("until, an hour of delivery lag") << args({"--until", "2026-02-21T22:00Z"}) << 1 << 1;
    QTest::newRow("until, lag reaches the file") << args({"--until", "2026-02-21T22:30:00Z"}) << 3 << 2;
    QTest::newRow("since and until") << args({"--since", "2026-02-22T00:00:00Z", "--until", "2026-02-22T10:00"}) << 4
                                     << 1;
}

void TestCli::scopeSkipsFilesByKey()
{
    QFETCH(QStringList, scope);
    QFETCH(int, events);
    QFETCH(int, files);
    const QString root = newPath(QStringLiteral("trail"));
    const auto times = [](const QString& hour, int count) {
        QStringList result;
        for (int i = 0; i < count; ++i)
            result << QStringLiteral("%1:%2:00Z").arg(hour).arg(i, 2, 10, QLatin1Char('0'));
        return result;
    };
    writeTrail(root, {{AccountA, UsEast, QStringLiteral("20260221T1805Z"), times(QStringLiteral("2026-02-21T18"), 1)},
                      {AccountA, EuWest, QStringLiteral("20260221T2305Z"), times(QStringLiteral("2026-02-21T23"), 2)},
                      {AccountB, UsEast, QStringLiteral("20260222T0905Z"), times(QStringLiteral("2026-02-22T09"), 4)},
                      {AccountB, EuWest, QStringLiteral("20260222T1210Z"), times(QStringLiteral("2026-02-22T12"), 8)}});
    const QString casePath = newPath(QStringLiteral("case"));
    const CliRun run = runCli(QStringList{QStringLiteral("import"), casePath, root, QStringLiteral("--json")} + scope);
    COMPARE_EXIT(run, 0);
    PARSE_JSON(run, summary);
    QCOMPARE(summary[QStringLiteral("events")].toInteger(), events);
    QCOMPARE(summary[QStringLiteral("files")].toInteger(), files);
    QCOMPARE(summary[QStringLiteral("outOfScopeFiles")].toInteger(), 4 - files);
    QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
    // Out-of-scope files were not read: no source row, no events.
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM source_files")), files);
    QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM events")), events);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
