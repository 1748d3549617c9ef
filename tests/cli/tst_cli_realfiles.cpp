// trailscope-cli on trails as people download them, not as CloudTrail delivers them: named by a bare or relative
// path, beside repository clutter, exported through Logstash, written as lookup-events lines, re-exported with keys
// in another order.
#include "clitest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;

namespace {

std::vector<QJsonObject> threeRecords(int first)
{
    std::vector<QJsonObject> records;
    for (int i = 0; i < 3; ++i)
        records.push_back(makeRecord(fixtureEventId(first + i), QStringLiteral("2026-02-21T18:0%1:00Z").arg(i)));
    return records;
}

QJsonObject lookupRows(const QString& casePath, const QString& search)
{
    const CliRun run = runCli({QStringLiteral("lookup"), casePath, search, QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--limit"), QStringLiteral("0")});
    if (run.exitCode != 0)
        qWarning("%s", describe(run).constData());
    return QJsonDocument::fromJson(run.out).object();
}

// Column `key` of every row of a lookup result.
QStringList column(const QJsonObject& result, const QString& key)
{
    const QJsonArray columns = result[QStringLiteral("columns")].toArray();
    qsizetype index = -1;
    for (qsizetype i = 0; i < columns.size(); ++i)
        if (columns[i].toString() == key)
            index = i;
    QStringList values;
    for (const QJsonValue& row : result[QStringLiteral("rows")].toArray())
        values << (index < 0 ? QStringLiteral("(no column %1)").arg(key) : row.toArray()[index].toString());
    return values;
}

// A JSON scalar as QJsonDocument writes it.
QByteArray scalarJson(const QJsonValue& value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// The same JSON value written another way: object keys in reverse order at every level, integers as `1.0`.
QByteArray reversedKeys(const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QByteArrayList members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members.prepend(scalarJson(it.key()) + ':' + reversedKeys(it.value()));
        return '{' + members.join(',') + '}';
    }
    if (value.isArray()) {
        QByteArrayList items;
        for (const QJsonValue& item : value.toArray())
            items << reversedKeys(item);
        return '[' + items.join(',') + ']';
    }
    if (value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger()))
        return QByteArray::number(value.toInteger()) + ".0";
    return scalarJson(value);
}

} // namespace

class TestCliRealFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every form of path a shell hands over names the same file, and the case records it by its absolute path.
    void everyFormOfPathImports_data()
    {
        QTest::addColumn<QString>("workingFolder"); // relative to the temporary root
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("recorded"); // relative to the root
        QTest::newRow("bare name") << "logs"
                                   << "trail.json"
                                   << "logs/trail.json";
        QTest::newRow("dot slash") << "logs"
                                   << "./trail.json"
                                   << "logs/trail.json";
        QTest::newRow("dot dot") << "logs/sub"
                                 << "../trail.json"
                                 << "logs/trail.json";
        QTest::newRow("folder/name") << ""
                                     << "logs/trail.json"
                                     << "logs/trail.json";
        QTest::newRow("bare folder name") << ""
                                          << "logs"
                                          << "logs/trail.json";
        QTest::newRow("dot as the folder") << "logs"
                                           << "."
                                           << "logs/trail.json";
        QTest::newRow("symlink keeps its name") << "logs"
                                                << "link.json"
                                                << "logs/link.json";
        QTest::newRow("spaces and non-ASCII") << "logs"
                                              << "Ablage März/trail ü.json"
                                              << "logs/Ablage März/trail ü.json";
        QTest::newRow("bare archive name") << "logs"
                                           << "archive.zip"
                                           << "logs/archive.zip";
    }

    void everyFormOfPathImports()
    {
        QFETCH(QString, workingFolder);
        QFETCH(QString, argument);
        QFETCH(QString, recorded);
        QTemporaryDir root;
        const QByteArray trail = recordsEnvelope(threeRecords(1));
        const QString logs = root.filePath(QStringLiteral("logs"));
        QDir().mkpath(logs + QStringLiteral("/sub"));
        // Only the file the row names is there, so the recorded path says which one was read.
        if (argument.endsWith(QLatin1String("link.json"))) {
            writeFile(root.path(), QStringLiteral("elsewhere/target.json"), trail);
            QVERIFY(QFile::link(root.filePath(QStringLiteral("elsewhere/target.json")), logs + "/link.json"));
        } else if (argument.endsWith(QLatin1String(".zip"))) {
            writeFile(logs, QStringLiteral("archive.zip"), makeZip({{QStringLiteral("trail.json"), trail}}));
        } else {
            writeFile(root.path(), recorded, trail);
        }
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, argument, QStringLiteral("--json")},
                                  root.filePath(workingFolder));
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("files")].toInteger(), 1);
        QCOMPARE(queryStrings(casePath, "SELECT path FROM source_files"),
                 QStringList{QDir::cleanPath(root.filePath(recorded))});
    }

    // The benchmarks time searches in the process: --timing says on stderr how many events and how long, and the
    // results on stdout stay exactly what they are without it.
    void lookupAndQueryReportTheirTimingOnStderr()
    {
        QTemporaryDir root;
        writeFile(root.path(), QStringLiteral("trail.json"), recordsEnvelope(threeRecords(1)));
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        COMPARE_EXIT(runCli({QStringLiteral("import"), casePath, root.filePath(QStringLiteral("trail.json"))}), 0);
        const QStringList lookup{QStringLiteral("lookup"), casePath, QString(), QStringLiteral("--format"),
                                 QStringLiteral("jsonl")};
        const CliRun plain = runCli(lookup);
        const CliRun timed = runCli(lookup + QStringList{QStringLiteral("--timing")});
        COMPARE_EXIT(timed, 0);
        QCOMPARE(timed.out, plain.out);
        static const QRegularExpression lookupTiming(QStringLiteral("^lookup: 3 events in [0-9]+\\.[0-9]{2} ms$"));
        QVERIFY2(timed.errLines().size() == 1 && lookupTiming.match(timed.errLines().first()).hasMatch(),
                 timed.err.constData());
        const CliRun query =
            runCli({QStringLiteral("query"), casePath, QStringLiteral("SELECT count(*) FROM cloudtrail_logs"),
                    QStringLiteral("--timing")});
        COMPARE_EXIT(query, 0);
        static const QRegularExpression queryTiming(
            QStringLiteral("^statement 1: 1 rows in [0-9]+\\.[0-9]{2} ms \\(all statements prepared in [0-9]+ ms\\)$"));
        QVERIFY2(query.errLines().size() == 1 && queryTiming.match(query.errLines().first()).hasMatch(),
                 query.err.constData());
    }

    void theSameFileTwiceIsReadOnce()
    {
        QTemporaryDir root;
        const QString path = writeFile(root.path(), QStringLiteral("trail.json"), jsonArray(threeRecords(1)));
        QVERIFY(QFile::link(path, root.filePath(QStringLiteral("again.json"))));
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        // By name, by another spelling, through a symlink, and inside the folder named as well.
        const CliRun run =
            runCli({QStringLiteral("import"), casePath, QStringLiteral("trail.json"), QStringLiteral("./trail.json"),
                    QStringLiteral("again.json"), root.path(), QStringLiteral("--json")},
                   root.path());
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("files")].toInteger(), 1);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("duplicates")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("skippedFiles")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        // The folder alone: the link to a file beside it is that file again.
        const CliRun folder = runCli({QStringLiteral("import"), root.filePath(QStringLiteral("folder.tscase")),
                                      root.path(), QStringLiteral("--json")});
        COMPARE_EXIT(folder, 0);
        PARSE_JSON(folder, folderSummary);
        QCOMPARE(folderSummary[QStringLiteral("files")].toInteger(), 1);
        QCOMPARE(folderSummary[QStringLiteral("skippedFiles")].toInteger(), 0);
    }

    // A folder walk passes over what a repository keeps beside the logs and lists it; the import is complete.
    void repositoryClutterIsIgnoredInAFolder()
    {
        QTemporaryDir root;
        const QString trail = root.filePath(QStringLiteral("dataset"));
        writeFile(trail, QStringLiteral("logs/trail.json"), jsonArray(threeRecords(1)));
        const QStringList clutter{QStringLiteral("LICENSE"),         QStringLiteral("README"),
                                  QStringLiteral("LICENSE-APACHE"),  QStringLiteral("CHANGELOG"),
                                  QStringLiteral("README.md"),       QStringLiteral("notes.txt"),
                                  QStringLiteral("logs/labels.csv"), QStringLiteral("logs/NOTICE")};
        for (const QString& name : clutter)
            writeFile(trail, name, "Licensed under the Apache License, Version 2.0\n");
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, trail, QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        QCOMPARE(summary[QStringLiteral("ignoredFiles")].toInteger(), clutter.size());
        QStringList listed, expected;
        for (const QJsonValue& ignored : summary[QStringLiteral("ignored")].toArray())
            listed << ignored[QStringLiteral("path")].toString();
        for (const QString& name : clutter)
            expected << QDir(trail).filePath(name);
        listed.sort();
        expected.sort();
        QCOMPARE(listed, expected);
        // A case made inside the walked folder is not a source, nor counted among the ignored.
        const CliRun human = runCli({QStringLiteral("import"), trail + QStringLiteral("/again.tscase"), trail});
        COMPARE_EXIT(human, 0);
        QVERIFY2(human.out.contains("Ignored 8 files"), human.out.constData());
    }

    void clutterNamedExplicitlyOrWithATrailExtensionIsRejected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("named"); // on the command line rather than found in the folder
        QTest::newRow("LICENSE named") << "LICENSE" << true;
        QTest::newRow("README.md named") << "README.md" << true;
        QTest::newRow("readme.json in a folder") << "readme.json" << false;
        QTest::newRow("LICENSE.jsonl in a folder") << "LICENSE.jsonl" << false;
        QTest::newRow("notes.gz in a folder") << "notes.gz" << false;
    }

    void clutterNamedExplicitlyOrWithATrailExtensionIsRejected()
    {
        QFETCH(QString, name);
        QFETCH(bool, named);
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("dataset"));
        writeFile(folder, QStringLiteral("trail.json"), jsonArray(threeRecords(1)));
        const QString clutter = writeFile(folder, name, "Licensed under the Apache License\n");
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const QStringList sources =
            named ? QStringList{folder + QStringLiteral("/trail.json"), clutter} : QStringList{folder};
        const CliRun run = runCli(QStringList{QStringLiteral("import"), casePath} + sources + QStringList{"--json"});
        COMPARE_EXIT(run, 3);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 1);
        QCOMPARE(summary[QStringLiteral("rejected")][0][QStringLiteral("path")].toString(), clutter);
    }

    // Logstash/Elastic exports: @timestamp is the time when eventTime is absent, said once per file.
    void logstashTimestampIsTheEventTime()
    {
        QTemporaryDir root;
        std::vector<QJsonObject> records;
        for (int i = 0; i < 3; ++i) {
            QJsonObject record = makeRecord(fixtureEventId(10 + i), QString(), QStringLiteral("ConsoleLogin"));
            record.remove(QStringLiteral("eventTime"));
            record.insert(QStringLiteral("@timestamp"), QStringLiteral("2022-03-0%1T08:15:00.123Z").arg(i + 1));
            record.insert(QStringLiteral("@version"), QStringLiteral("1"));
            records.push_back(record);
        }
        records.push_back(makeRecord(fixtureEventId(13), QStringLiteral("2022-03-04T08:15:00Z")));
        const QString path = writeFile(root.path(), QStringLiteral("elastic/export.jsonl"), jsonLines(records));
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 4);
        QCOMPARE(summary[QStringLiteral("warningsTotal")].toInteger(), 1);
        const QJsonObject warning = summary[QStringLiteral("warnings")][0].toObject();
        QCOMPARE(warning[QStringLiteral("code")].toString(), QStringLiteral("time-from-timestamp"));
        QCOMPARE(warning[QStringLiteral("path")].toString(), path);
        QVERIFY2(warning[QStringLiteral("reason")].toString().startsWith(QLatin1String("3 records")),
                 qPrintable(warning[QStringLiteral("reason")].toString()));
        QCOMPARE(queryStrings(casePath, "SELECT count(*) FROM events WHERE time IS NULL"), QStringList{"0"});
        // On the timeline and in time ranges like any event.
        const CliRun ranged =
            runCli({QStringLiteral("lookup"), casePath, QString(), QStringLiteral("--start"),
                    QStringLiteral("2022-03-02"), QStringLiteral("--end"), QStringLiteral("2022-03-03"),
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
        COMPARE_EXIT(ranged, 0);
        const QList<QByteArray> lines = ranged.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        // The record is kept as it was: no eventTime is made up.
        const QJsonObject stored = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(stored, records[1]);
        QCOMPARE(column(lookupRows(casePath, QStringLiteral("eventName:ConsoleLogin")), QStringLiteral("eventTime")),
                 (QStringList{"2022-03-03T08:15:00.123Z", "2022-03-02T08:15:00.123Z", "2022-03-01T08:15:00.123Z"}));
    }

    // `aws cloudtrail lookup-events` items one per line (plaso, scripts) or as a bare array read like an Events
    // envelope: the record is the CloudTrailEvent string.
    void lookupEventsItemsOnePerLine_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::newRow("JSON Lines") << "lines";
        QTest::newRow("bare array") << "array";
        QTest::newRow("Events envelope") << "envelope";
    }

    void lookupEventsItemsOnePerLine()
    {
        QFETCH(QString, layout);
        QTemporaryDir root;
        QJsonObject inner =
            makeRecord(fixtureEventId(30), QStringLiteral("2022-02-07T22:23:37Z"), QStringLiteral("CreateUser"));
        inner.insert(QStringLiteral("sourceIPAddress"), QStringLiteral("198.51.100.7"));
        inner.insert(QStringLiteral("awsRegion"), QStringLiteral("ap-southeast-2"));
        inner.insert(QStringLiteral("eventSource"), QStringLiteral("iam.amazonaws.com"));
        inner.insert(QStringLiteral("requestParameters"), QJsonObject{{QStringLiteral("userName"), "backdoor"}});
        // An item whose record lost its eventTime: the AWS CLI's local EventTime, offset and all, is the time.
        QJsonObject timeless = makeRecord(fixtureEventId(31), QString(), QStringLiteral("CreateAccessKey"));
        timeless.remove(QStringLiteral("eventTime"));
        const auto item = [](const QJsonObject& record, const QString& eventTime) {
            return QJsonObject{{QStringLiteral("EventId"), record[QStringLiteral("eventID")]},
                               {QStringLiteral("EventName"), record[QStringLiteral("eventName")]},
                               {QStringLiteral("ReadOnly"), QStringLiteral("false")},
                               {QStringLiteral("EventTime"), eventTime},
                               {QStringLiteral("Username"), QStringLiteral("alice")},
                               {QStringLiteral("Resources"), QJsonArray()},
                               {QStringLiteral("CloudTrailEvent"), QString::fromUtf8(compact(record))}};
        };
        const std::vector<QJsonObject> items{item(inner, QStringLiteral("2022-02-08T09:23:37+11:00")),
                                             item(timeless, QStringLiteral("2022-02-08 09:30:00+11:00"))};
        QByteArray bytes = layout == u"lines" ? jsonLines(items) : jsonArray(items);
        if (layout == u"envelope")
            bytes = "{\"Events\":" + bytes + "}";
        const QString path = writeFile(root.path(), QStringLiteral("plaso/lookup-events.jsonl"), bytes);
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 2);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 0);
        const QJsonObject rows = lookupRows(casePath, QString());
        QCOMPARE(column(rows, QStringLiteral("eventTime")),
                 (QStringList{"2022-02-07T22:30:00.000Z", "2022-02-07T22:23:37.000Z"}));
        const QJsonObject created = lookupRows(casePath, QStringLiteral("eventName:CreateUser"));
        QCOMPARE(column(created, QStringLiteral("sourceIPAddress")), QStringList{"198.51.100.7"});
        QCOMPARE(column(created, QStringLiteral("awsRegion")), QStringList{"ap-southeast-2"});
        QCOMPARE(column(created, QStringLiteral("recipientAccountId")),
                 QStringList{inner[QStringLiteral("recipientAccountId")].toString()});
        QCOMPARE(column(created, QStringLiteral("userName")),
                 QStringList{inner[QStringLiteral("userIdentity")][QStringLiteral("userName")].toString()});
        QCOMPARE(column(created, QStringLiteral("resourceName")), QStringList{"backdoor"});
        const CliRun agent =
            runCli({QStringLiteral("lookup"), casePath,
                    QStringLiteral("userAgent:\"%1\"").arg(inner[QStringLiteral("userAgent")].toString()),
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
        COMPARE_EXIT(agent, 0);
        QCOMPARE(agent.out.trimmed().split('\n').size(), 2);
        QCOMPARE(QJsonDocument::fromJson(agent.out.trimmed().split('\n').last()).object(), inner);
    }

    // Re-exported copies: equal as JSON values is a duplicate; a real difference is a conflict that says where.
    void copiesInAnotherKeyOrderAreDuplicates()
    {
        QTemporaryDir root;
        std::vector<QJsonObject> records = threeRecords(40);
        for (QJsonObject& record : records)
            record.insert(QStringLiteral("n"), 1);
        QByteArrayList copies;
        for (const QJsonObject& record : records)
            copies << reversedKeys(record);
        const QByteArray reordered = '[' + copies.join(',') + ']';
        QVERIFY2(reordered.contains("\"n\":1.0"), reordered.constData());
        const QJsonArray parsed = QJsonDocument::fromJson(reordered).array();
        QCOMPARE(parsed.size(), 3);
        QCOMPARE(parsed[0].toObject(), records[0]);
        std::vector<QJsonObject> withNumber = records;
        writeFile(root.path(), QStringLiteral("a/original.json"), jsonArray(withNumber));
        writeFile(root.path(), QStringLiteral("b/reordered.json"), reordered);
        std::vector<QJsonObject> changed{withNumber[1]};
        changed[0].insert(QStringLiteral("sourceIPAddress"), QStringLiteral("203.0.113.66"));
        writeFile(root.path(), QStringLiteral("c/changed.json"), jsonArray(changed));
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, root.path(), QStringLiteral("--json")});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("duplicates")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("conflicts")].toInteger(), 1);
        const QJsonObject conflict = summary[QStringLiteral("conflictList")][0].toObject();
        QCOMPARE(conflict[QStringLiteral("eventID")].toString(), fixtureEventId(41));
        QCOMPARE(conflict[QStringLiteral("paths")].toArray(), QJsonArray{QStringLiteral("sourceIPAddress")});
        QCOMPARE(conflict[QStringLiteral("kept")].toString(), root.filePath(QStringLiteral("a/original.json")));
        QCOMPARE(conflict[QStringLiteral("setAside")].toString(), root.filePath(QStringLiteral("c/changed.json")));
        QCOMPARE(queryStrings(casePath, "SELECT differences FROM event_variants WHERE reason = 'conflict'"),
                 QStringList{"sourceIPAddress"});
        const CliRun human = runCli({QStringLiteral("import"), root.filePath(QStringLiteral("again.tscase")),
                                     root.filePath(QStringLiteral("a")), root.filePath(QStringLiteral("c"))});
        COMPARE_EXIT(human, 0);
        QVERIFY2(human.err.contains("differs at sourceIPAddress"), human.err.constData());
    }

    // A JSON file none of whose objects is a record (labels beside a dataset) is one rejection, not one per line.
    void aFileOfOtherJsonIsOneRejection()
    {
        QTemporaryDir root;
        QByteArray labels;
        for (int i = 0; i < 40; ++i)
            labels += "{\"i\":" + QByteArray::number(i) + ",\"rule\":\"AWS.Console.Login\",\"expected\":true}\n";
        const QString path = writeFile(root.path(), QStringLiteral("labels.jsonl"), labels);
        writeFile(root.path(), QStringLiteral("trail.json"), jsonArray(threeRecords(50)));
        const QString casePath = root.filePath(QStringLiteral("case.tscase"));
        const CliRun run = runCli({QStringLiteral("import"), casePath, root.path(), QStringLiteral("--json")});
        COMPARE_EXIT(run, 3);
        PARSE_JSON(run, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), 3);
        QCOMPARE(summary[QStringLiteral("rejectedTotal")].toInteger(), 1);
        const QJsonObject rejected = summary[QStringLiteral("rejected")][0].toObject();
        QCOMPARE(rejected[QStringLiteral("path")].toString(), path);
        QCOMPARE(rejected[QStringLiteral("code")].toString(), QStringLiteral("not-a-record"));
        QVERIFY2(rejected[QStringLiteral("reason")].toString().contains(QLatin1String("40 JSON objects")),
                 qPrintable(rejected[QStringLiteral("reason")].toString()));
    }
};

QTEST_GUILESS_MAIN(TestCliRealFiles)
#include "tst_cli_realfiles.moc"
