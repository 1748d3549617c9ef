// The who/what/where tables on the fixture of insightfixture.h, each row against an oracle counted here from the
// JSON records, and the principals also against a direct SQL count over the case; with and without a search.
#include "clitest.h"
#include "insightfixture.h"

#include "casedb/caseschema.h"
#include "insights/activitytables.h"
#include "query/searchparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;
using namespace InsightFixture;

namespace {

struct OracleRow
{
    qint64 events = 0, errors = 0, first = std::numeric_limits<qint64>::max(), last = 0;
    std::set<QString> apis;
};

using Oracle = std::map<std::pair<QString, QString>, OracleRow>; // (value, eventSource for pairs)

QString valueOf(ActivityDimension dimension, const QJsonObject& record)
{
    const QJsonObject identity = record["userIdentity"].toObject();
    switch (dimension) {
    case ActivityDimension::Principal:
    case ActivityDimension::PrincipalEventSource:
        return identity["arn"].toString();
    case ActivityDimension::AccessKey:
        return identity["accessKeyId"].toString();
    case ActivityDimension::SourceIp:
        return record["sourceIPAddress"].toString();
    case ActivityDimension::UserAgent:
        return record["userAgent"].toString();
    case ActivityDimension::Region:
        return record["awsRegion"].toString();
    case ActivityDimension::Account:
        return record["recipientAccountId"].toString();
    case ActivityDimension::Api:
        return record["eventName"].toString();
    }
    return {};
}

Oracle oracle(ActivityDimension dimension, bool onlyAccessDenied)
{
    Oracle rows;
    for (const QJsonObject& record : records()) {
        if (onlyAccessDenied && record["errorCode"].toString() != "AccessDenied")
            continue;
        const QString value = valueOf(dimension, record);
        if (value.isEmpty())
            continue;
        const QString source = record["eventSource"].toString();
        const bool pairs = dimension == ActivityDimension::PrincipalEventSource || dimension == ActivityDimension::Api;
        OracleRow& row = rows[{value, pairs ? source : QString()}];
        const qint64 time = QDateTime::fromString(record["eventTime"].toString(), Qt::ISODate).toMSecsSinceEpoch();
        ++row.events;
        row.errors += record.contains("errorCode") ? 1 : 0;
        row.first = std::min(row.first, time);
        row.last = std::max(row.last, time);
        if (record.contains("eventName"))
            row.apis.insert(source + '/' + record["eventName"].toString());
    }
    return rows;
}

const ActivityDimension AllDimensions[] = {ActivityDimension::Principal,
                                           ActivityDimension::AccessKey,
                                           ActivityDimension::SourceIp,
                                           ActivityDimension::UserAgent,
                                           ActivityDimension::Region,
                                           ActivityDimension::Account,
                                           ActivityDimension::PrincipalEventSource,
                                           ActivityDimension::Api};

} // namespace

class TestActivityTables : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    std::vector<ActivityRow> table(ActivityDimension dimension, const QString& search = {})
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            qFatal("cannot open the fixture case");
        Query::CompiledSearch compiled;
        if (!search.isEmpty())
            compiled = Query::compileSearch(*Query::parseSearch(search));
        auto rows = computeActivityTable(*db, dimension, compiled);
        if (!rows)
            qFatal("computeActivityTable failed: %s", qPrintable(rows.error().toString()));
        return *rows;
    }

    void compareWithOracle(ActivityDimension dimension, const QString& search, bool onlyAccessDenied)
    {
        const Oracle expected = oracle(dimension, onlyAccessDenied);
        const auto rows = table(dimension, search);
        QCOMPARE(rows.size(), expected.size());
        for (const ActivityRow& row : rows) {
            const auto found = expected.find({row.value, row.eventSource});
            QVERIFY2(found != expected.end(), qPrintable(row.value + ' ' + row.eventSource));
            QCOMPARE(row.events, found->second.events);
            QCOMPARE(row.errors, found->second.errors);
            QCOMPARE(row.distinctApis, qint64(found->second.apis.size()));
            QCOMPARE(row.first.value_or(-1), found->second.first);
            QCOMPARE(row.last.value_or(-1), found->second.last);
        }
        for (std::size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].events >= rows[i].events);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void everyDimensionMatchesTheRecords_data()
    {
        QTest::addColumn<int>("dimension");
        for (const ActivityDimension dimension : AllDimensions)
            QTest::newRow(qPrintable(activityDimensionName(dimension))) << int(dimension);
    }

    void everyDimensionMatchesTheRecords()
    {
        QFETCH(int, dimension);
        compareWithOracle(ActivityDimension(dimension), {}, false);
    }

    void limitedToASearch_data() { everyDimensionMatchesTheRecords_data(); }

    void limitedToASearch()
    {
        QFETCH(int, dimension);
        compareWithOracle(ActivityDimension(dimension), "errorCode:AccessDenied", true);
    }

    // All tables from one pass are the tables one by one (each of which matches the records above).
    void allTablesInOnePass()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const std::vector<ActivityDimension> every(std::begin(AllDimensions), std::end(AllDimensions));
        const auto tables = computeActivityTables(*db, every);
        QVERIFY(tables.has_value());
        QCOMPARE(tables->size(), every.size());
        for (const ActivityDimension dimension : every) {
            const std::vector<ActivityRow> single = table(dimension);
            const std::vector<ActivityRow>& together = tables->at(dimension);
            QCOMPARE(together.size(), single.size());
            for (std::size_t i = 0; i < single.size(); ++i) {
                QCOMPARE(together[i].value, single[i].value);
                QCOMPARE(together[i].eventSource, single[i].eventSource);
                QCOMPARE(together[i].events, single[i].events);
                QCOMPARE(together[i].errors, single[i].errors);
                QCOMPARE(together[i].distinctApis, single[i].distinctApis);
                QCOMPARE(together[i].first, single[i].first);
                QCOMPARE(together[i].last, single[i].last);
            }
        }
    }

    void principalsAgainstDirectSql()
    {
        const QString sql = "SELECT s.value || ' ' || count(*) || ' ' || sum(e.error_code IS NOT NULL) || ' ' || "
                            "count(DISTINCT e.source || '/' || e.name) || ' ' || min(e.time) || ' ' || max(e.time) "
                            "FROM events e JOIN identities i ON i.id = e.identity "
                            "JOIN strings s ON s.id = coalesce(i.arn, i.invoked_by, i.principal_id) "
                            "GROUP BY s.value ORDER BY count(*) DESC, s.value";
        const QStringList expected = Trailscope::Test::queryStrings(m_case, sql.toUtf8().constData());
        QStringList found;
        for (const ActivityRow& row : table(ActivityDimension::Principal))
            found << QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(row.value)
                         .arg(row.events)
                         .arg(row.errors)
                         .arg(row.distinctApis)
                         .arg(*row.first)
                         .arg(*row.last);
        QCOMPARE(found, expected);
        QCOMPARE(found.size(), qsizetype(3));
    }

    void mallorysRow()
    {
        // 28 RunInstances, 42 ListRoles AccessDenied, 60 GetObject AccessDenied.
        for (const ActivityRow& row : table(ActivityDimension::Principal)) {
            if (row.value != Mallory)
                continue;
            QCOMPARE(row.events, qint64(18 + 42 + 60));
            QCOMPARE(row.errors, qint64(42 + 60));
            QCOMPARE(row.distinctApis, qint64(3));
            QCOMPARE(row.errorRatio(), 102.0 / 120);
            QCOMPARE(*row.first, at(12270));
            return;
        }
        QFAIL("no row for mallory");
    }

    void dimensionNamesRoundTrip()
    {
        for (const ActivityDimension dimension : AllDimensions)
            QCOMPARE(activityDimensionNamed(activityDimensionName(dimension)), std::optional(dimension));
        QCOMPARE(activityDimensionNamed("nope"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestActivityTables)
#include "tst_activitytables.moc"
