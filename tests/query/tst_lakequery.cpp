// Lake SQL run on an imported fixture: every example query of the reference (§3.4) and the two guide queries of
// issue 3 verbatim, then each construct of the dialect, checked against an evaluation of the raw fixture records
// (lakefixture.h) written without the query layer. Then the plans the guide queries get.
#include "clitest.h"
#include "lakefixture.h"

#include "query/lake/lakequery.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;
using namespace LakeFixture;

using Rows = QList<QJsonArray>;
using Records = std::vector<QJsonObject>;
using Expected = std::function<Rows(const Records&)>;
Q_DECLARE_METATYPE(Expected)

namespace {

QString rowText(const QJsonArray& row)
{
    return QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact));
}

Rows sorted(Rows rows)
{
    std::sort(rows.begin(), rows.end(),
              [](const QJsonArray& a, const QJsonArray& b) { return rowText(a) < rowText(b); });
    return rows;
}

// The records a predicate keeps, each mapped to a row.
Rows select(const Records& records, const std::function<bool(const QJsonObject&)>& keep,
            const std::function<QJsonArray(const QJsonObject&)>& row)
{
    Rows rows;
    for (const QJsonObject& r : records)
        if (keep(r))
            rows << row(r);
    return rows;
}

bool is(const QJsonObject& r, const QString& dotted, const QString& value)
{
    return text(r, dotted) == value;
}

bool between(const QJsonObject& r, const char* after, const char* before)
{
    return timeOf(r) > utc(after) && timeOf(r) < utc(before);
}

QJsonValue eventId(const QJsonObject& r)
{
    return r.value("eventID");
}

} // namespace

class TestLakeQuery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Records m_records;
    QString m_case;
    std::unique_ptr<LakeQuery> m_lake;

    // Runs one statement; fails the test on an error.
    Rows run(const QString& sql, QStringList* columns = nullptr)
    {
        auto prepared = m_lake->prepare(sql);
        if (!prepared) {
            QTest::qFail(qPrintable(sql + "\n" + describeQueryError(prepared.error())), __FILE__, __LINE__);
            return {};
        }
        Rows rows;
        PreparedQuery& query = prepared->front();
        if (columns) {
            columns->clear();
            for (const OutputColumn& column : query.columns)
                *columns << column.name;
        }
        QJsonArray row;
        while (true) {
            const auto more = m_lake->next(query, row);
            if (!more) {
                QTest::qFail(qPrintable(sql + "\n" + describeQueryError(more.error())), __FILE__, __LINE__);
                return rows;
            }
            if (!*more)
                break;
            rows << row;
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_records = records();
        m_case = buildCase(m_dir.path(), m_records);
        QVERIFY(!m_case.isEmpty());
        auto lake = LakeQuery::open(m_case);
        QVERIFY2(lake.has_value(), lake ? "" : qPrintable(lake.error().toString()));
        m_lake = std::move(*lake);
    }

    void nowFollowsTheCaseClockWhenSet()
    {
        // The newest record's time, computed from the fixture records, not from the case.
        QString newest;
        for (const QJsonObject& record : m_records)
            newest = std::max(newest, record.value("eventTime").toString());
        const qint64 newestMs = QDateTime::fromString(newest, Qt::ISODate).toMSecsSinceEpoch();
        QCOMPARE(m_lake->newestEventTime(), std::optional<std::int64_t>(newestMs));
        m_lake->setNow(newestMs);
        const Rows rows = run("SELECT to_unixtime(now()), count(*) FROM cloudtrail_logs "
                              "WHERE eventTime > date_add('hour', -1, now())");
        m_lake->setNow(std::nullopt);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(qint64(rows[0][0].toDouble() * 1000), newestMs);
        qsizetype lastHour = 0;
        for (const QJsonObject& record : m_records) {
            const qint64 time =
                QDateTime::fromString(record.value("eventTime").toString(), Qt::ISODate).toMSecsSinceEpoch();
            lastHour += time > newestMs - 3'600'000;
        }
        QCOMPARE(rows[0][1].toInteger(), qint64(lastHour));
        // Without a fixed clock, now() is the wall clock again.
        const Rows wall = run("SELECT to_unixtime(now())");
        QVERIFY(qAbs(wall[0][0].toDouble() * 1000 - QDateTime::currentMSecsSinceEpoch()) < 60'000);
    }

    // ---- the reference's §3.4 examples, verbatim ----

    void documentationExamples_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<Expected>("expected");
        QTest::newRow("principals who called CreateBucket")
            << QString("SELECT userIdentity.principalid, eventName FROM event_data_store_ID\n"
                       "WHERE userIdentity.principalid IS NOT NULL AND eventTime > '2023-01-22 00:00:00'\n"
                       "AND eventTime < '2023-01-23 00:00:00' AND eventName='CreateBucket'")
            << QStringList{"principalid", "eventName"} << Expected([](const Records& records) {
                   return select(
                       records,
                       [](const QJsonObject& r) {
                           return text(r, "userIdentity.principalId") &&
                                  between(r, "2023-01-22 00:00:00", "2023-01-23 00:00:00") &&
                                  is(r, "eventName", "CreateBucket");
                       },
                       [](const QJsonObject& r) {
                           return QJsonArray{*text(r, "userIdentity.principalId"), *text(r, "eventName")};
                       });
               });
        QTest::newRow("all APIs a user called on a day")
            << QString("SELECT eventID, eventName, eventSource, eventTime FROM event_data_store_ID\n"
                       "WHERE userIdentity.username = 'bob' AND eventTime > '2023-01-22 00:00:00' AND eventTime < "
                       "'2023-01-23 00:00:00'")
            << QStringList{"eventID", "eventName", "eventSource", "eventTime"} << Expected([](const Records& records) {
                   return select(
                       records,
                       [](const QJsonObject& r) {
                           return is(r, "userIdentity.userName", "bob") &&
                                  between(r, "2023-01-22 00:00:00", "2023-01-23 00:00:00");
                       },
                       [](const QJsonObject& r) {
                           return QJsonArray{eventId(r), r.value("eventName"), r.value("eventSource"), iso(timeOf(r))};
                       });
               });
        QTest::newRow("API call counts")
            << QString("SELECT eventSource, eventName, COUNT(*) AS apiCount FROM event_data_store_ID\n"
                       "WHERE eventTime > '2023-01-01 00:00:00' GROUP BY eventSource, eventName ORDER BY apiCount DESC")
            << QStringList{"eventSource", "eventName", "apiCount"} << Expected([](const Records& records) {
                   QMap<QPair<QString, QString>, int> counts;
                   for (const QJsonObject& r : records)
                       if (timeOf(r) > utc("2023-01-01 00:00:00"))
                           ++counts[{*text(r, "eventSource"), *text(r, "eventName")}];
                   Rows rows;
                   for (auto it = counts.begin(); it != counts.end(); ++it)
                       rows << QJsonArray{it.key().first, it.key().second, it.value()};
                   return rows;
               });
        QTest::newRow("console sign-ins in a set of Regions")
            << QString("SELECT eventTime, useridentity.arn, awsRegion FROM event_data_store_ID\n"
                       "WHERE awsRegion in ('us-east-1', 'us-west-2') AND eventName = 'ConsoleLogin'")
            << QStringList{"eventTime", "arn", "awsRegion"} << Expected([](const Records& records) {
                   return select(
                       records,
                       [](const QJsonObject& r) {
                           return (is(r, "awsRegion", "us-east-1") || is(r, "awsRegion", "us-west-2")) &&
                                  is(r, "eventName", "ConsoleLogin");
                       },
                       [](const QJsonObject& r) {
                           return QJsonArray{iso(timeOf(r)), orNull(text(r, "userIdentity.arn")), r.value("awsRegion")};
                       });
               });
        QTest::newRow("Lake queries run in January 2023")
            << QString("SELECT element_at(responseElements, 'queryId'), element_at(requestParameters, "
                       "'queryStatement')\n"
                       "FROM event_data_store_ID WHERE eventName='StartQuery' AND eventSource = "
                       "'cloudtrail.amazonaws.com'\n"
                       "AND responseElements IS NOT NULL AND eventTime > '2023-01-01 00:00:00' AND eventTime < "
                       "'2023-02-01 00:00:00'")
            << QStringList{"_col0", "_col1"} << Expected([](const Records& records) {
                   return select(
                       records,
                       [](const QJsonObject& r) {
                           return is(r, "eventName", "StartQuery") &&
                                  is(r, "eventSource", "cloudtrail.amazonaws.com") &&
                                  r.value("responseElements").isObject() &&
                                  between(r, "2023-01-01 00:00:00", "2023-02-01 00:00:00");
                       },
                       [](const QJsonObject& r) {
                           return QJsonArray{orNull(text(r, "responseElements.queryId")),
                                             orNull(text(r, "requestParameters.queryStatement"))};
                       });
               });
    }

    void documentationExamples()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, columns);
        QFETCH(Expected, expected);
        QStringList names;
        const Rows got = run(sql, &names);
        const Rows want = expected(m_records);
        QVERIFY2(!want.isEmpty(), "the fixture should give this query something to find");
        QCOMPARE(names, columns);
        QCOMPARE(sorted(got), sorted(want));
    }

    void apiCountsAreOrdered()
    {
        const Rows rows =
            run("SELECT eventSource, eventName, COUNT(*) AS apiCount FROM event_data_store_ID WHERE "
                "eventTime > '2023-01-01 00:00:00' GROUP BY eventSource, eventName ORDER BY apiCount DESC");
        QVERIFY(rows.size() > 3);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].at(2).toInteger() >= rows[i].at(2).toInteger());
    }

    // ---- the guide queries of issue 3, verbatim, in order ----

    void guideQueries_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<Expected>("expected");
        QTest::newRow("DeleteBucket since 2026")
            << QString("SELECT eventName, userIdentity.arn, eventTime, awsRegion FROM my_event_data_store WHERE "
                       "eventName = 'DeleteBucket' AND eventTime > '2026-01-01' ORDER BY eventTime DESC LIMIT 100")
            << Expected([](const Records& records) {
                   Records kept;
                   for (const QJsonObject& r : records)
                       if (is(r, "eventName", "DeleteBucket") && timeOf(r) > utc("2026-01-01"))
                           kept.push_back(r);
                   std::sort(kept.begin(), kept.end(),
                             [](const QJsonObject& a, const QJsonObject& b) { return timeOf(a) > timeOf(b); });
                   Rows rows;
                   for (const QJsonObject& r : kept)
                       rows << QJsonArray{r.value("eventName"), orNull(text(r, "userIdentity.arn")), iso(timeOf(r)),
                                          r.value("awsRegion")};
                   return rows.mid(0, 100);
               });
        QTest::newRow("RunInstances late on the 21st")
            << QString("SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters FROM cloudtrail_logs "
                       "WHERE eventName = 'RunInstances' AND eventTime > '2026-02-21 23:00:00' ORDER BY eventTime "
                       "DESC LIMIT 100;")
            << Expected([](const Records& records) {
                   Records kept;
                   for (const QJsonObject& r : records)
                       if (is(r, "eventName", "RunInstances") && timeOf(r) > utc("2026-02-21 23:00:00"))
                           kept.push_back(r);
                   std::sort(kept.begin(), kept.end(),
                             [](const QJsonObject& a, const QJsonObject& b) { return timeOf(a) > timeOf(b); });
                   Rows rows;
                   for (const QJsonObject& r : kept)
                       rows << QJsonArray{iso(timeOf(r)), orNull(text(r, "userIdentity.arn")),
                                          r.value("sourceIPAddress"), r.value("requestParameters")};
                   return rows;
               });
    }

    void guideQueries()
    {
        QFETCH(QString, sql);
        QFETCH(Expected, expected);
        const Rows want = expected(m_records);
        QVERIFY(want.size() > 2);
        QCOMPARE(run(sql), want);
    }

    // The guide queries choose rows on the name and time index and read raw records only for the rows returned.
    void guidePlans_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        QTest::newRow("by name") << QString("SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters "
                                            "FROM cloudtrail_logs WHERE eventName = 'RunInstances' AND eventTime > "
                                            "'2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 100")
                                 << "events_name_time";
        QTest::newRow("name string by hash")
            << QString("SELECT eventTime FROM x WHERE eventName = 'RunInstances' LIMIT 10") << "strings_value";
        QTest::newRow("name strings by hash")
            << QString("SELECT eventTime FROM x WHERE eventName IN ('RunInstances', 'StopInstances') LIMIT 10")
            << "strings_value";
        QTest::newRow("by source") << QString("SELECT eventName FROM x WHERE eventSource = 'ec2.amazonaws.com' "
                                              "ORDER BY eventTime DESC LIMIT 10")
                                   << "events_name_time";
        QTest::newRow("by time") << QString("SELECT eventName, requestParameters FROM x WHERE eventTime > "
                                            "'2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 10")
                                 << "events_time";
        QTest::newRow("by user") << QString("SELECT eventName FROM x WHERE userIdentity.username = 'bob' LIMIT 10")
                                 << "events_identity_time";
        QTest::newRow("by eventID") << QString("SELECT eventName, requestParameters FROM x WHERE eventID = '" +
                                               Trailscope::Test::fixtureEventId(7) + "' LIMIT 10")
                                    << "events_event_id";
        QTest::newRow("by eventIDs") << QString("SELECT eventName, requestParameters FROM x WHERE eventID IN ('" +
                                                Trailscope::Test::fixtureEventId(7) + "', '" +
                                                Trailscope::Test::fixtureEventId(9) + "') LIMIT 10")
                                     << "events_event_id";
    }

    void guidePlans()
    {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        auto prepared = m_lake->prepare(sql);
        QVERIFY(prepared.has_value());
        const std::string& translated = prepared->front().sql;
        // Rows are chosen in an inner query on stored columns; the raw-record function only in the outer one.
        const std::size_t inner = translated.find(" IN (SELECT ");
        QVERIFY2(inner != std::string::npos, translated.c_str());
        QVERIFY2(translated.find("ts_event_get", inner) == std::string::npos, translated.c_str());
        auto plan = m_lake->connection().database().prepare("EXPLAIN QUERY PLAN " + translated);
        QVERIFY2(plan.isValid(), qPrintable(plan.prepareError()));
        QString details;
        while (plan.step() == SQLITE_ROW)
            details += plan.columnQString(3) + u'\n';
        QVERIFY2(details.contains("INDEX " + index), qPrintable(details));
        QVERIFY2(!details.contains("SCAN e"), qPrintable(details));
    }

    // A scan of every event that reads raw records visits them in row id order, the order of their evidence, so
    // each decoded source file serves its events together (a covering index would visit them in random order);
    // a LIMIT still takes its rows from the time index.
    void rawScansFollowTheEvidence_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("plan");
        QTest::newRow("group by a nested field")
            << QString("SELECT element_at(requestParameters, 'instanceType'), count(*) FROM x GROUP BY 1")
            << "USING INTEGER PRIMARY KEY (rowid>?)";
        QTest::newRow("every record") << QString("SELECT eventJson FROM x") << "USING INTEGER PRIMARY KEY (rowid>?)";
        QTest::newRow("newest first with a limit")
            << QString("SELECT requestParameters FROM x ORDER BY eventTime DESC LIMIT 5") << "INDEX events_time";
    }

    void rawScansFollowTheEvidence()
    {
        QFETCH(QString, sql);
        QFETCH(QString, plan);
        auto prepared = m_lake->prepare(sql);
        QVERIFY(prepared.has_value());
        auto explained = m_lake->connection().database().prepare("EXPLAIN QUERY PLAN " + prepared->front().sql);
        QVERIFY2(explained.isValid(), qPrintable(explained.prepareError()));
        QString details;
        while (explained.step() == SQLITE_ROW)
            details += explained.columnQString(3) + u'\n';
        QVERIFY2(details.contains(plan), qPrintable(details));
    }

    // ---- each construct, against the records ----

    void constructs_data();
    void constructs()
    {
        QFETCH(QString, sql);
        QFETCH(Expected, expected);
        QFETCH(bool, ordered);
        const Rows want = expected(m_records);
        QVERIFY2(!want.isEmpty(), "the fixture should give this query something to find");
        const Rows got = run(sql);
        if (ordered)
            QCOMPARE(got, want);
        else
            QCOMPARE(sorted(got), sorted(want));
    }

    void selectStarIsTheLakeColumnSet()
    {
        QStringList columns;
        const Rows rows =
            run("SELECT * FROM cloudtrail_logs WHERE eventName = 'RunInstances' ORDER BY eventTime LIMIT 1", &columns);
        QCOMPARE(rows.size(), 1);
        for (const char* name : {"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
                                 "sourceIPAddress", "requestParameters", "responseElements", "resources", "readOnly",
                                 "tlsDetails", "sessionCredentialFromConsole", "eventJson"})
            QVERIFY2(columns.contains(name), name);
        const QJsonArray row = rows.front();
        const QJsonObject record =
            QJsonDocument::fromJson(row.at(columns.indexOf("eventJson")).toString().toUtf8()).object();
        QCOMPARE(record.value("eventName").toString(), QString("RunInstances"));
        QCOMPARE(row.at(columns.indexOf("userIdentity")).toObject(), record.value("userIdentity").toObject());
        QCOMPARE(row.at(columns.indexOf("requestParameters")).toObject(), record.value("requestParameters").toObject());
        QCOMPARE(row.at(columns.indexOf("readOnly")), record.value("readOnly"));
        QCOMPARE(row.at(columns.indexOf("eventTime")).toString(), iso(timeOf(record)));
        QCOMPARE(row.at(columns.indexOf("eventVersion")).toString(), record.value("eventVersion").toString());
    }

    void plainSqliteSql()
    {
        QCOMPARE(run("SELECT count(*) FROM events"), Rows{QJsonArray{qint64(m_records.size())}});
        QCOMPARE(run("SELECT value FROM strings WHERE value = 'DevRole'"), Rows{QJsonArray{"DevRole"}});
        // SQLite syntax the Lake parser does not read runs as written.
        QCOMPARE(run("SELECT count(*) FROM events WHERE time IS NOT NULL GLOB 1"),
                 Rows{QJsonArray{qint64(m_records.size())}});
    }
};

void TestLakeQuery::constructs_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Expected>("expected");
    QTest::addColumn<bool>("ordered");
    const auto ids = [](std::function<bool(const QJsonObject&)> keep) {
        return Expected([keep](const Records& records) {
            return select(records, keep, [](const QJsonObject& r) { return QJsonArray{eventId(r)}; });
        });
    };
    const auto add = [](const char* name, const QString& sql, const Expected& expected, bool ordered = false) {
        QTest::newRow(name) << sql << expected << ordered;
    };
    add("LIKE is case-sensitive", "SELECT eventID FROM x WHERE errorCode LIKE 'Access%'",
        ids([](const QJsonObject& r) { return text(r, "errorCode").value_or("").startsWith("Access"); }));
    add("NOT LIKE keeps NULL out", "SELECT eventID FROM x WHERE errorCode NOT LIKE 'Access%'",
        ids([](const QJsonObject& r) { return text(r, "errorCode") && !text(r, "errorCode")->startsWith("Access"); }));
    add("LIKE with _ and ESCAPE",
        "SELECT eventID FROM x WHERE eventName LIKE 'Get_bject' OR eventName LIKE 'Run!%' ESCAPE '!'",
        ids([](const QJsonObject& r) { return is(r, "eventName", "GetObject"); }));
    // IDs compare with what the case stores (16 bytes for a canonical UUID), in either order, and exactly.
    const QString someId = Trailscope::Test::fixtureEventId(7);
    add("eventID = literal", "SELECT eventID FROM x WHERE eventID = '" + someId + "'",
        ids([someId](const QJsonObject& r) { return eventId(r) == someId; }));
    add("literal = eventID", "SELECT eventID FROM x WHERE '" + someId + "' = eventID",
        ids([someId](const QJsonObject& r) { return eventId(r) == someId; }));
    const QString otherId = Trailscope::Test::fixtureEventId(9);
    add("eventID IN literals", "SELECT eventID FROM x WHERE eventID IN ('" + someId + "', '" + otherId + "', 'nope')",
        ids([someId, otherId](const QJsonObject& r) { return eventId(r) == someId || eventId(r) == otherId; }));
    add("eventID NOT IN literals", "SELECT eventID FROM x WHERE eventID NOT IN ('" + someId + "')",
        ids([someId](const QJsonObject& r) { return eventId(r) != someId; }));
    add("eventID in upper case is another ID", "SELECT eventID FROM x WHERE eventID = '" + someId.toUpper() + "'",
        ids([someId](const QJsonObject& r) { return eventId(r) == someId.toUpper(); }));
    add("requestID = literal", "SELECT eventID FROM x WHERE requestID = '0f0e0d0c-0b0a-4909-8807-060504030201'",
        ids([](const QJsonObject& r) { return is(r, "requestID", "0f0e0d0c-0b0a-4909-8807-060504030201"); }));
    add("= is case-sensitive", "SELECT eventID FROM x WHERE errorCode = 'accessdenied'",
        ids([](const QJsonObject& r) { return is(r, "errorCode", "accessdenied"); }));
    add("lower()", "SELECT eventID FROM x WHERE lower(errorCode) = 'accessdenied'",
        ids([](const QJsonObject& r) { return text(r, "errorCode").value_or("").toLower() == "accessdenied"; }));
    add("NOT =", "SELECT eventID FROM x WHERE NOT (errorCode = 'AccessDenied')",
        ids([](const QJsonObject& r) { return text(r, "errorCode") && !is(r, "errorCode", "AccessDenied"); }));
    add("NOT = on a value the case lacks", "SELECT eventID FROM x WHERE NOT (eventName = 'NoSuchName')",
        ids([](const QJsonObject&) { return true; }));
    add("IS DISTINCT FROM", "SELECT eventID FROM x WHERE errorCode IS DISTINCT FROM 'AccessDenied'",
        ids([](const QJsonObject& r) { return !is(r, "errorCode", "AccessDenied"); }));
    add("IS NOT DISTINCT FROM NULL", "SELECT eventID FROM x WHERE errorCode IS NOT DISTINCT FROM NULL",
        ids([](const QJsonObject& r) { return !text(r, "errorCode"); }));
    add("string boolean = true", "SELECT eventID FROM x WHERE sessionCredentialFromConsole = true",
        ids([](const QJsonObject& r) { return is(r, "sessionCredentialFromConsole", "true"); }));
    add("string boolean = 'true'", "SELECT eventID FROM x WHERE sessionCredentialFromConsole = 'true'",
        ids([](const QJsonObject& r) { return is(r, "sessionCredentialFromConsole", "true"); }));
    add("boolean = false", "SELECT eventID FROM x WHERE readOnly = false",
        ids([](const QJsonObject& r) { return r.value("readOnly") == QJsonValue(false); }));
    add("boolean = 'true'", "SELECT eventID FROM x WHERE readOnly = 'true'",
        ids([](const QJsonObject& r) { return r.value("readOnly") == QJsonValue(true); }));
    add("nested path in any case",
        "SELECT eventID FROM x WHERE userIdentity.SESSIONCONTEXT.sessionIssuer.ARN = "
        "'arn:aws:iam::111122223333:role/DevRole'",
        ids([](const QJsonObject& r) {
            return is(r, "userIdentity.sessionContext.sessionIssuer.arn", "arn:aws:iam::111122223333:role/DevRole");
        }));
    add("tlsDetails.tlsversion", "SELECT eventID, tlsDetails.tlsversion FROM x WHERE tlsDetails.tlsversion = 'TLSv1.2'",
        Expected([](const Records& records) {
            return select(
                records, [](const QJsonObject& r) { return is(r, "tlsDetails.tlsVersion", "TLSv1.2"); },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), "TLSv1.2"};
                });
        }));
    add("a qualifier is a FROM alias", "SELECT t.eventID FROM cloudtrail_logs t WHERE t.userIdentity.type = 'Root'",
        ids([](const QJsonObject& r) { return is(r, "userIdentity.type", "Root"); }));
    add("unmapped nested path from the raw record",
        "SELECT eventID, requestParameters.instancetype FROM x WHERE requestParameters.INSTANCETYPE = 'g5.12xlarge'",
        Expected([](const Records& records) {
            return select(
                records, [](const QJsonObject& r) { return is(r, "requestParameters.instanceType", "g5.12xlarge"); },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), "g5.12xlarge"};
                });
        }));
    add("element_at(resources, 1).arn",
        "SELECT eventID, element_at(resources, 1).arn FROM x WHERE cardinality(resources) = 2",
        Expected([](const Records& records) {
            return select(
                records, [](const QJsonObject& r) { return r.value("resources").toArray().size() == 2; },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), r.value("resources").toArray().at(0).toObject().value("ARN")};
                });
        }));
    add("subscript and json_extract_scalar",
        "SELECT eventID, json_extract_scalar(element_at(requestParameters, 'networkInterfaceSet'), '$.GroupId'), "
        "resources[2].type FROM x WHERE eventName = 'RunInstances'",
        Expected([](const Records& records) {
            return select(
                records, [](const QJsonObject& r) { return is(r, "eventName", "RunInstances"); },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), orNull(text(r, "requestParameters.networkInterfaceSet.GroupId")),
                                      QJsonValue::Null};
                });
        }));
    add("json_extract_scalar is case-sensitive",
        "SELECT eventID, json_extract_scalar(eventjson, '$.userIdentity.arn'), json_extract_scalar(eventjson, "
        "'$.useridentity.arn') FROM x WHERE eventName = 'AssumeRole'",
        Expected([](const Records& records) {
            return select(
                records, [](const QJsonObject& r) { return is(r, "eventName", "AssumeRole"); },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), orNull(text(r, "userIdentity.arn")), QJsonValue::Null};
                });
        }));
    add("json_extract and json_format",
        "SELECT eventID, json_format(json_extract(eventjson, '$.tlsDetails')) FROM x WHERE eventName = 'GetObject' AND "
        "tlsDetails.tlsversion IS NULL",
        Expected([](const Records& records) {
            return select(
                records,
                [](const QJsonObject& r) { return is(r, "eventName", "GetObject") && !r.contains("tlsDetails"); },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), QJsonValue::Null};
                });
        }));
    add("IN list and BETWEEN of times",
        "SELECT eventID FROM x WHERE awsRegion IN ('eu-west-1') AND eventTime BETWEEN '2026-02-21T21:00:00Z' AND "
        "'2026-02-21 22:00'",
        ids([](const QJsonObject& r) {
            return is(r, "awsRegion", "eu-west-1") && timeOf(r) >= utc("2026-02-21 21:00:00") &&
                   timeOf(r) <= utc("2026-02-21 22:00:00");
        }));
    add("NOT IN", "SELECT eventID FROM x WHERE awsRegion NOT IN ('eu-west-1', 'us-east-1')",
        ids([](const QJsonObject& r) { return is(r, "awsRegion", "us-west-2"); }));
    add("GROUP BY, HAVING, count_if, approx_distinct",
        "SELECT awsRegion, count(*), count_if(readOnly), approx_distinct(eventName) FROM x GROUP BY awsRegion HAVING "
        "count(*) > 10",
        Expected([](const Records& records) {
            QMap<QString, QList<QJsonObject>> byRegion;
            for (const QJsonObject& r : records)
                byRegion[*text(r, "awsRegion")] << r;
            Rows rows;
            for (auto it = byRegion.begin(); it != byRegion.end(); ++it) {
                QSet<QString> names;
                qint64 readOnly = 0;
                for (const QJsonObject& r : it.value()) {
                    names.insert(*text(r, "eventName"));
                    readOnly += r.value("readOnly").toBool() ? 1 : 0;
                }
                if (it.value().size() > 10)
                    rows << QJsonArray{it.key(), qint64(it.value().size()), readOnly, qint64(names.size())};
            }
            return rows;
        }));
    add("UNION ALL with ORDER BY and LIMIT",
        "SELECT eventID AS id FROM x WHERE eventName = 'CreateBucket' UNION ALL SELECT eventID FROM x WHERE eventName "
        "= 'DeleteBucket' ORDER BY id LIMIT 5",
        Expected([](const Records& records) {
            QStringList all;
            for (const QJsonObject& r : records)
                if (is(r, "eventName", "CreateBucket") || is(r, "eventName", "DeleteBucket"))
                    all << r.value("eventID").toString();
            all.sort();
            Rows rows;
            for (const QString& id : all.mid(0, 5))
                rows << QJsonArray{id};
            return rows;
        }),
        true);
    add("WITH, JOIN and a subquery",
        "WITH c AS (SELECT eventName AS n, count(*) AS k FROM x GROUP BY eventName) SELECT e.eventID, c.k FROM x e "
        "JOIN c ON c.n = e.eventName WHERE e.userIdentity.arn IN (SELECT userIdentity.arn FROM x WHERE eventName = "
        "'ConsoleLogin') AND e.eventName = 'AssumeRole'",
        Expected([](const Records& records) {
            QSet<QString> loginArns;
            qint64 assumeRoles = 0;
            for (const QJsonObject& r : records) {
                if (is(r, "eventName", "ConsoleLogin") && text(r, "userIdentity.arn"))
                    loginArns.insert(*text(r, "userIdentity.arn"));
                assumeRoles += is(r, "eventName", "AssumeRole") ? 1 : 0;
            }
            return select(
                records,
                [&](const QJsonObject& r) {
                    return is(r, "eventName", "AssumeRole") &&
                           loginArns.contains(text(r, "userIdentity.arn").value_or("-"));
                },
                [&](const QJsonObject& r) {
                    return QJsonArray{eventId(r), assumeRoles};
                });
        }));
    add("CASE and DISTINCT", "SELECT DISTINCT CASE WHEN errorCode IS NULL THEN 'ok' ELSE 'error' END AS outcome FROM x",
        Expected([](const Records&) {
            return Rows{QJsonArray{"ok"}, QJsonArray{"error"}};
        }));
    add("date_trunc, year, ORDER BY position",
        "SELECT date_trunc('day', eventTime), year(eventTime), count(*) FROM x GROUP BY 1, 2 ORDER BY 1",
        Expected([](const Records& records) {
            QMap<qint64, qint64> days;
            for (const QJsonObject& r : records)
                ++days[timeOf(r) - timeOf(r) % 86400000];
            Rows rows;
            for (auto it = days.begin(); it != days.end(); ++it)
                rows << QJsonArray{iso(it.key()),
                                   qint64(QDateTime::fromMSecsSinceEpoch(it.key(), Qt::UTC).date().year()), it.value()};
            return rows;
        }),
        true);
    add("from_iso8601_timestamp, interval, date_add, date_diff",
        "SELECT eventID, date_diff('minute', from_iso8601_timestamp('2026-02-21T20:00:00Z'), eventTime) FROM x WHERE "
        "eventTime >= from_iso8601_timestamp('2026-02-21T22:00:00Z') - interval '1' hour AND eventTime < "
        "date_add('minute', 30, timestamp '2026-02-21 21:00:00')",
        Expected([](const Records& records) {
            return select(
                records,
                [](const QJsonObject& r) {
                    return timeOf(r) >= utc("2026-02-21 21:00:00") && timeOf(r) < utc("2026-02-21 21:30:00");
                },
                [](const QJsonObject& r) {
                    return QJsonArray{eventId(r), (timeOf(r) - utc("2026-02-21 20:00:00")) / 60000};
                });
        }));
    add("to_iso8601, to_unixtime, CAST",
        "SELECT to_iso8601(eventTime), to_unixtime(eventTime), CAST(readOnly AS varchar) FROM x WHERE eventName = "
        "'DeleteBucket' AND eventTime < '2024-01-01'",
        Expected([](const Records& records) {
            return select(
                records,
                [](const QJsonObject& r) {
                    return is(r, "eventName", "DeleteBucket") && timeOf(r) < utc("2024-01-01");
                },
                [](const QJsonObject& r) {
                    return QJsonArray{iso(timeOf(r)), double(timeOf(r)) / 1000.0,
                                      r.value("readOnly").toBool() ? "true" : "false"};
                });
        }));
    add("regexp_like, contains, ARRAY",
        "SELECT eventID FROM x WHERE regexp_like(userAgent, '^aws-cli/2') AND contains(ARRAY['eu-west-1', "
        "'us-west-2'], awsRegion)",
        ids([](const QJsonObject& r) {
            return text(r, "userAgent").value_or("").startsWith("aws-cli/2") && !is(r, "awsRegion", "us-east-1");
        }));
    add("concat and ||",
        "SELECT concat(eventName, '@', awsRegion), userIdentity.type || '/' || eventSource FROM x WHERE eventName = "
        "'ConsoleLogin' AND eventTime < '2024-01-01'",
        Expected([](const Records& records) {
            return select(
                records,
                [](const QJsonObject& r) {
                    return is(r, "eventName", "ConsoleLogin") && timeOf(r) < utc("2024-01-01");
                },
                [](const QJsonObject& r) {
                    const auto type = text(r, "userIdentity.type");
                    return QJsonArray{QString(*text(r, "eventName") + "@" + *text(r, "awsRegion")),
                                      type ? QJsonValue(QString(*type + "/" + *text(r, "eventSource")))
                                           : QJsonValue(QJsonValue::Null)};
                });
        }));
    add("row_number() OVER",
        "SELECT eventID, row_number() OVER (PARTITION BY awsRegion ORDER BY eventTime DESC) AS n FROM x WHERE "
        "eventName = 'GetObject'",
        Expected([](const Records& records) {
            QMap<QString, Records> byRegion;
            for (const QJsonObject& r : records)
                if (is(r, "eventName", "GetObject"))
                    byRegion[*text(r, "awsRegion")].push_back(r);
            Rows rows;
            for (Records& list : byRegion) {
                std::sort(list.begin(), list.end(),
                          [](const QJsonObject& a, const QJsonObject& b) { return timeOf(a) > timeOf(b); });
                for (std::size_t i = 0; i < list.size(); ++i)
                    rows << QJsonArray{eventId(list[i]), qint64(i + 1)};
            }
            return rows;
        }));
    add("creationDate is a time",
        "SELECT eventID FROM x WHERE userIdentity.sessioncontext.attributes.creationdate < '2026-02-21 19:30:00'",
        ids([](const QJsonObject& r) {
            return text(r, "userIdentity.sessionContext.attributes.creationDate").has_value();
        }));
}

QTEST_GUILESS_MAIN(TestLakeQuery)
#include "tst_lakequery.moc"
