// `trailscope-cli lookup` driven through QProcess: each output format, limits, order, windows and exit codes.
#include "clitest.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;

namespace {

constexpr int EventCount = 60;

CliRun lookup(const QStringList& arguments)
{
    return runCli(QStringList{QStringLiteral("lookup")} + arguments);
}

// Minute n of 2026-02-21 from 10:00; event 7 is an error by a user whose name a spreadsheet would run.
QJsonObject fixtureRecord(int n)
{
    QJsonObject overrides{{"readOnly", n % 2 == 0}};
    if (n == 7) {
        overrides["errorCode"] = "AccessDenied";
        overrides["userIdentity"] = QJsonObject{{"type", "IAMUser"}, {"userName", "=HYPERLINK(\"x\",\"y\")"}};
        overrides["resources"] =
            QJsonArray{QJsonObject{{"ARN", "arn:aws:s3:::bucket,with,commas"}, {"type", "AWS::S3::Bucket"}}};
    }
    const QString time = QDateTime(QDate(2026, 2, 21), QTime(10, 0), Qt::UTC).addSecs(n * 60).toString(Qt::ISODate);
    return makeRecord(fixtureEventId(n), time,
                      n % 3 == 0 ? QStringLiteral("RunInstances") : QStringLiteral("DescribeInstances"), overrides);
}

} // namespace

class TestLookupCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<QJsonObject> records;
        for (int n = 0; n < EventCount; ++n)
            records.push_back(fixtureRecord(n));
        // Pretty-printed JSON: the stored records span lines, which jsonl output must not.
        const QString source = writeFile(m_dir.path(), QStringLiteral("export.json"), jsonArray(records));
        m_case = m_dir.filePath(QStringLiteral("cli.tscase"));
        const auto summary = importPaths(m_case, {source});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->counts.events, qint64(EventCount));
    }

    void tableNewestFirstWithDefaultLimit()
    {
        const CliRun run = lookup({m_case, QString()});
        COMPARE_EXIT(run, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 50);
        for (const char* label :
             {"Event time", "Event name", "User name", "Event source", "Resource type", "Resource name", "AWS region",
              "Source IP address", "Error code", "Read-only", "AWS account", "Event ID"})
            QVERIFY2(lines[0].contains(label), lines[0].constData());
        QVERIFY(lines[1].startsWith("2026-02-21T10:59:00.000Z"));
        QVERIFY(lines[1].contains(fixtureEventId(59).toLatin1()));
        QVERIFY(lines[50].contains(fixtureEventId(10).toLatin1()));
    }

    void tableNoMatches()
    {
        const CliRun run = lookup({m_case, QStringLiteral("eventName:NoSuchCall")});
        COMPARE_EXIT(run, 0);
        QCOMPARE(run.out.trimmed().split('\n').size(), 1); // the header only
    }

    void csv()
    {
        const CliRun run = lookup({m_case, QStringLiteral("errorCode:AccessDenied OR eventName:RunInstances"),
                                   QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--limit"),
                                   QStringLiteral("0"), QStringLiteral("--asc")});
        COMPARE_EXIT(run, 0);
        QVERIFY(run.out.endsWith("\r\n"));
        const QList<QByteArray> lines = run.out.chopped(2).split('\n');
        QCOMPARE(lines.size(), 1 + 21); // 20 RunInstances + event 7
        QVERIFY(lines[0].startsWith("Event time,Event name,User name,Event source,"));
        QVERIFY(lines[1].startsWith("2026-02-21T10:00:00.000Z,RunInstances,alice,"));
        // Event 7 (after 0, 3 and 6): the formula is neutralised and quoted (it has quotes and a comma), the ARN
        // quoted.
        QVERIFY2(lines[4].contains(",\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\","), lines[4].constData());
        QVERIFY2(lines[4].contains(",\"arn:aws:s3:::bucket,with,commas\","), lines[4].constData());
        QVERIFY(lines[4].contains(QByteArray(",AccessDenied,false,111122223333," + fixtureEventId(7).toLatin1())));
    }

    void json()
    {
        const CliRun run = lookup({m_case, QStringLiteral("readOnly:true"), QStringLiteral("--format"),
                                   QStringLiteral("json"), QStringLiteral("--limit"), QStringLiteral("3")});
        COMPARE_EXIT(run, 0);
        QJsonParseError error;
        const QJsonObject result = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
        const QJsonArray columns = result["columns"].toArray();
        QCOMPARE(columns.size(), 12);
        QCOMPARE(columns.first().toString(), QStringLiteral("eventTime"));
        QCOMPARE(columns.last().toString(), QStringLiteral("eventID"));
        const QJsonArray rows = result["rows"].toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonArray first = rows.first().toArray();
        QCOMPARE(first.size(), 12);
        QCOMPARE(first[0].toString(), QStringLiteral("2026-02-21T10:58:00.000Z"));
        QVERIFY(first[9].isBool() && first[9].toBool());
        QVERIFY(first[4].isNull()); // no resource
        QCOMPARE(first[11].toString(), fixtureEventId(58));
        QVERIFY(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$")
                    .match(first[0].toString())
                    .hasMatch());

        const CliRun none =
            lookup({m_case, QStringLiteral("user:nobody"), QStringLiteral("--format"), QStringLiteral("json")});
        COMPARE_EXIT(none, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out).object()["rows"].toArray().size(), 0);
    }

    void jsonlIsTheRawRecords()
    {
        const CliRun run =
            lookup({m_case, QStringLiteral("{ $.readOnly IS FALSE }"), QStringLiteral("--format"),
                    QStringLiteral("jsonl"), QStringLiteral("--start"), QStringLiteral("2026-02-21T10:10"),
                    QStringLiteral("--end"), QStringLiteral("2026-02-21T10:20Z")});
        COMPARE_EXIT(run, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // odd minutes 11..19
        int n = 19;
        for (const QByteArray& line : lines) {
            const QJsonDocument record = QJsonDocument::fromJson(line);
            QVERIFY2(record.isObject(), line.constData());
            QCOMPARE(record.object(), fixtureRecord(n));
            n -= 2;
        }
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrPattern");
        QTest::newRow("unknown flag") << QStringList{"CASE", "x", "--bogus"} << 2 << "bogus";
        QTest::newRow("missing search") << QStringList{"CASE"} << 2 << "needs CASE and SEARCH";
        QTest::newRow("bad format") << QStringList{"CASE", "x", "--format", "xml"} << 2 << "--format";
        QTest::newRow("bad limit") << QStringList{"CASE", "x", "--limit", "-1"} << 2 << "--limit";
        QTest::newRow("bad start") << QStringList{"CASE", "x", "--start", "soon"} << 2 << "--start";
        QTest::newRow("syntax error") << QStringList{"CASE", "eventName:A OR"} << 4 << "^1:15: expected a search term";
        QTest::newRow("value error") << QStringList{"CASE", "time>=tomorrow"} << 4 << "^1:7: not a time";
        QTest::newRow("pattern error") << QStringList{"CASE", "{ $.a = }"} << 4 << "^1:9: expected a value";
        QTest::newRow("not a case") << QStringList{"NOTACASE", "x"} << 1 << "not a Trailscope case";
        QTest::newRow("help") << QStringList{"--help"} << 0 << "";
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrPattern);
        const QString notACase = writeFile(m_dir.path(), QStringLiteral("notes.txt"), "not a database\n");
        for (QString& argument : arguments) {
            if (argument == u"CASE")
                argument = m_case;
            else if (argument == u"NOTACASE")
                argument = notACase;
        }
        const CliRun run = lookup(arguments);
        COMPARE_EXIT(run, exitCode);
        QVERIFY2(QRegularExpression(stderrPattern).match(QString::fromUtf8(run.err)).hasMatch(),
                 describe(run).constData());
    }

    // Free text reads raw records: on a terminal the lookup shows how many of the window's events it has examined,
    // and erases the line before the rows it prints; without a terminal stderr stays empty.
    void scanProgressOnATerminal()
    {
        qputenv("TRAILSCOPE_PROGRESS_AFTER_MS", "0");
        const CliRun piped =
            lookup({m_case, QStringLiteral("amazonaws"), QStringLiteral("--limit"), QStringLiteral("0")});
        qunsetenv("TRAILSCOPE_PROGRESS_AFTER_MS");
        COMPARE_EXIT(piped, 0);
        QVERIFY2(piped.err.isEmpty(), describe(piped).constData());
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("needs script(1) for a terminal");
        const QString out = m_dir.filePath(QStringLiteral("scan.jsonl"));
        const QString command = QStringLiteral("TRAILSCOPE_PROGRESS_AFTER_MS=0 '%1' lookup '%2' amazonaws --limit 0 "
                                               "--format jsonl > '%3'")
                                    .arg(cliPath(), m_case, out);
        QProcess process;
        process.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        const CliRun run = finishCli(process);
        COMPARE_EXIT(run, 0);
        const QString terminal = QString::fromUtf8(run.out);
        QVERIFY2(terminal.contains(QRegularExpression(
                     QStringLiteral("\\[[#.]{24}\\] +\\d+% examined \\d+ of %1 events").arg(EventCount))),
                 qPrintable(terminal));
        QVERIFY2(terminal.endsWith(QStringLiteral("\r\x1b[K")), qPrintable(terminal));
        QFile result(out);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QVERIFY(result.readAll().count('\n') > 0);
    }
};

QTEST_GUILESS_MAIN(TestLookupCli)
#include "tst_lookupcli.moc"
