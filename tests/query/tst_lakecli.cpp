// `trailscope-cli query` driven through QProcess: each output format, several statements, errors and exit codes.
#include "clitest.h"
#include "lakefixture.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;
using namespace LakeFixture;

namespace {

// Long enough in a debug build for several progress lines: a recursive count per event over one scan of them.
const QString SlowScan = "SELECT count(*) AS n FROM x WHERE (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                         "FROM r WHERE n < 40000) SELECT count(*) FROM r WHERE n > length(x.eventName)) > 0";

QString shellQuoted(const QString& text)
{
    return "'" + QString(text).replace("'", "'\\''") + "'";
}

} // namespace

class TestLakeCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    std::vector<QJsonObject> m_records;

    CliRun query(const QString& sql, const QStringList& options = {})
    {
        return runCli(QStringList{"query", m_case, sql} + options);
    }

    // The fixture record of a ConsoleLogin in 2023 run by bob (unique), as the oracle reads it.
    QJsonObject bobLogin() const
    {
        for (const QJsonObject& r : m_records)
            if (text(r, "eventName") == "ConsoleLogin" && text(r, "userIdentity.userName") == "bob")
                return r;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_records = records();
        // A user name a spreadsheet would run as a formula, and one with a comma and a quote.
        m_records[0]["userIdentity"] = QJsonObject{{"type", "IAMUser"}, {"userName", "=HYPERLINK(\"x\")"}};
        m_records[1]["userIdentity"] = QJsonObject{{"type", "IAMUser"}, {"userName", "a,\"b\""}};
        m_case = buildCase(m_dir.path(), m_records);
        QVERIFY(!m_case.isEmpty());
        QVERIFY(!bobLogin().isEmpty());
    }

    void json()
    {
        const QJsonObject login = bobLogin();
        const CliRun run = query("SELECT eventTime, readOnly, userIdentity, count(*) OVER () AS n, eventName FROM x "
                                 "WHERE eventID = '" +
                                     login.value("eventID").toString() + "'",
                                 {"--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, result);
        QCOMPARE(result.value("columns").toArray(),
                 (QJsonArray{"eventTime", "readOnly", "userIdentity", "n", "eventName"}));
        const QJsonArray rows = result.value("rows").toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonArray row = rows.at(0).toArray();
        QCOMPARE(row.at(0), QJsonValue(iso(timeOf(login)))); // a time: ISO-8601 UTC
        QVERIFY(row.at(1).isBool());                         // a boolean: true/false
        QCOMPARE(row.at(1), login.value("readOnly"));
        QCOMPARE(row.at(2).toObject(), login.value("userIdentity").toObject()); // nested: a JSON value
        QVERIFY(row.at(3).isDouble());                                          // a number: a number
        QCOMPARE(row.at(3).toInt(), 1);
        QCOMPARE(row.at(4), QJsonValue("ConsoleLogin"));
    }

    void jsonl()
    {
        const CliRun run = query("SELECT eventID AS id, errorCode FROM x WHERE eventName = 'CreateBucket' ORDER BY id",
                                 {"--format", "jsonl"});
        COMPARE_EXIT(run, 0);
        QStringList want;
        for (const QJsonObject& r : m_records)
            if (text(r, "eventName") == "CreateBucket")
                want << r.value("eventID").toString();
        want.sort();
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), want.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject object = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(object.keys(), (QStringList{"errorCode", "id"}));
            QCOMPARE(object.value("id").toString(), want[i]);
        }
    }

    void csv()
    {
        const CliRun run = query("SELECT userIdentity.username AS who, 'x\ny' AS two_lines, -1 AS n FROM x WHERE "
                                 "eventID IN ('" +
                                     m_records[0].value("eventID").toString() + "', '" +
                                     m_records[1].value("eventID").toString() + "') ORDER BY who",
                                 {"--format", "csv"});
        COMPARE_EXIT(run, 0);
        // RFC 4180: header, CRLF, quotes doubled; cells a spreadsheet would run start with '.
        QCOMPARE(run.out, QByteArray("who,two_lines,n\r\n"
                                     "\"'=HYPERLINK(\"\"x\"\")\",\"x\ny\",'-1\r\n"
                                     "\"a,\"\"b\"\"\",\"x\ny\",'-1\r\n"));
    }

    void table()
    {
        const CliRun run = query("SELECT eventName, count(*) AS n FROM x WHERE eventName IN ('AssumeRole', "
                                 "'GetObject') GROUP BY eventName ORDER BY eventName");
        COMPARE_EXIT(run, 0);
        const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
        qint64 assume = 0, get = 0;
        for (const QJsonObject& r : m_records) {
            assume += text(r, "eventName") == "AssumeRole";
            get += text(r, "eventName") == "GetObject";
        }
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].simplified(), QString("eventName n"));
        QCOMPARE(lines[1].simplified(), QString("AssumeRole %1").arg(assume));
        QCOMPARE(lines[2].simplified(), QString("GetObject %1").arg(get));
    }

    void severalStatements()
    {
        const CliRun run = query("SELECT count(*) AS a FROM x; SELECT count(*) AS b FROM events WHERE time IS NOT NULL",
                                 {"--format", "jsonl"});
        COMPARE_EXIT(run, 0);
        const QString total = QString::number(m_records.size());
        QCOMPARE(run.out, QString("{\"a\":" + total + "}\n{\"b\":" + total + "}\n").toUtf8());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrStart");
        QTest::newRow("syntax") << QStringList{"SELECT eventName\nFROM x WHERE"} << 4 << "2:13: ";
        QTest::newRow("unknown column") << QStringList{"SELECT eventNam FROM x"} << 4 << "1:8: column 'eventNam'";
        QTest::newRow("unknown function")
            << QStringList{"SELECT nosuch(eventName) FROM x"} << 4 << "1:8: no such function";
        QTest::newRow("refused write") << QStringList{"SELECT 1;\nDELETE FROM events"} << 4 << "2:1: ";
        QTest::newRow("bad format") << QStringList{"SELECT 1", "--format", "xml"} << 2 << "query: --format";
        QTest::newRow("missing SQL") << QStringList{} << 2 << "query: needs CASE and SQL";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrStart);
        const CliRun run = runCli(QStringList{"query", m_case} + arguments);
        COMPARE_EXIT(run, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(stderrStart), describe(run).constData());
        QVERIFY2(run.out.isEmpty(), describe(run).constData()); // a refused batch prints nothing, not even the first
    }

    // SQL that opens with a -- comment is the SQL, not an unknown option; `--` alone ends the options.
    void sqlStartingWithDashes_data()
    {
        QTest::addColumn<QStringList>("arguments"); // "CASE" stands for the case file
        const QString sql = "-- how many\nSELECT count(*) AS n FROM x";
        QTest::newRow("after the case") << QStringList{"CASE", sql, "--format", "jsonl"};
        QTest::newRow("after the options") << QStringList{"--format", "jsonl", "CASE", sql};
        QTest::newRow("no space after the dashes")
            << QStringList{"CASE", "--how many\nSELECT count(*) AS n FROM x", "--format=jsonl"};
        QTest::newRow("a line break right after the dashes")
            << QStringList{"--format=jsonl", "CASE", "--\nSELECT count(*) AS n FROM x"};
        QTest::newRow("after --") << QStringList{"--format", "jsonl", "--", "CASE", sql};
        QTest::newRow("-- before an SQL that needs none")
            << QStringList{"--format", "jsonl", "--", "CASE", "SELECT count(*) AS n FROM x"};
    }

    void sqlStartingWithDashes()
    {
        QFETCH(QStringList, arguments);
        arguments.replace(arguments.indexOf("CASE"), m_case);
        const CliRun run = runCli(QStringList{"query"} + arguments);
        COMPARE_EXIT(run, 0);
        QCOMPARE(run.out, QString("{\"n\":%1}\n").arg(m_records.size()).toUtf8());
    }

    // Options are still options: an unknown one is refused, and one with a value keeps it.
    void optionsStayOptions()
    {
        const CliRun unknown = runCli({"query", m_case, "SELECT 1", "--nosuch"});
        COMPARE_EXIT(unknown, 2);
        QVERIFY2(QString::fromUtf8(unknown.err).contains("nosuch"), describe(unknown).constData());
        const CliRun valued = runCli({"query", m_case, "--format=csv", "-- one\nSELECT 1 AS one"});
        COMPARE_EXIT(valued, 0);
        QCOMPARE(valued.out, QByteArray("one\r\n1\r\n"));
    }

    // Progress goes to a terminal only: a pipe (a script, a file) gets the result and nothing else.
    void noProgressWithoutATerminal()
    {
        const CliRun run = query(SlowScan, {"--format", "jsonl"});
        COMPARE_EXIT(run, 0);
        QCOMPARE(run.out, QString("{\"n\":%1}\n").arg(m_records.size()).toUtf8());
        QVERIFY2(run.err.isEmpty(), describe(run).constData());
    }

    // On a terminal (script(1) gives stderr one), a statement that takes a while shows the events it has examined
    // of the case's, with a bar (one scan examines each event at most once), and erases the line when it ends.
    void progressOnATerminal()
    {
        const QString script = QStandardPaths::findExecutable("script");
        if (script.isEmpty())
            QSKIP("needs script(1) for a terminal");
        const QString out = m_dir.filePath("progress.jsonl");
        const QString command = shellQuoted(cliPath()) + " query " + shellQuoted(m_case) + " " + shellQuoted(SlowScan) +
                                " --format jsonl > " + shellQuoted(out);
        QProcess process;
        process.start(script, {"-qec", command, "/dev/null"});
        const CliRun run = finishCli(process);
        COMPARE_EXIT(run, 0);
        const QString terminal = QString::fromUtf8(run.out);
        const QString total = QString::number(m_records.size());
        QVERIFY2(terminal.contains(QRegularExpression("\\[[#.]{24}\\] +\\d+% examined \\d+ of " + total + " events")),
                 qPrintable(terminal));
        QVERIFY2(terminal.endsWith("\r\x1b[K"), qPrintable(terminal)); // the line is erased at the end
        QFile result(out);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll(), QString("{\"n\":" + total + "}\n").toUtf8());
    }

    void notACase()
    {
        const QString other = writeFile(m_dir.path(), "other.txt", "not sqlite");
        const CliRun run = runCli({"query", other, "SELECT 1"});
        COMPARE_EXIT(run, 1);
    }
};

QTEST_GUILESS_MAIN(TestLakeCli)
#include "tst_lakecli.moc"
