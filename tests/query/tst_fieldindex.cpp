// The field index (record/fieldleaves.h, query/fieldindex.h): how stored paths match what a query asks for, which
// leaves a record gives, and that a nested-field question answered through the index is the answer without it:
// Lake SQL and filter patterns over records of awkward shapes (missing keys, nulls, arrays, mixed types under one
// path, keys differing only in case, numbers as strings, dotted keys, more leaves than the index keeps) and over the
// real-record corpus, against the same case with every event a candidate (the exact condition alone decides) and,
// for the fixture, against an evaluation of the JSON written here.
#include "casedb/caseschema.h"
#include "casedb/fieldpostings.h"
#include "lakefixture.h"
#include "query/fieldindex.h"
#include "query/lake/lakequery.h"
#include "record/fieldleaves.h"
#include "record/recordparser.h"
#include "searchoracle.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <limits>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;
using namespace Trailscope::Test;

using Predicate = std::function<bool(const QJsonObject&)>;
Q_DECLARE_METATYPE(Predicate)
Q_DECLARE_METATYPE(FieldPathPattern)

namespace {

FieldPathPattern keys(std::initializer_list<const char*> names)
{
    FieldPathPattern pattern;
    for (const char* name : names) {
        if (std::string_view(name) == "[*]")
            pattern.push_back({FieldPathStep::Kind::AnyIndex, {}});
        else if (std::string_view(name) == "*")
            pattern.push_back({FieldPathStep::Kind::AnyMember, {}});
        else
            pattern.push_back({FieldPathStep::Kind::Key, name});
    }
    return pattern;
}

QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

// requestParameters of record n of the fixture: each a shape the index has to get right.
QJsonObject parameters(int n)
{
    switch (n) {
    case 0:
        return {{"bucketName", "logs"}, {"count", "5"}};
    case 1:
        return {{"BucketName", "logs"}, {"count", 5}}; // the key in another case; the number as a number
    case 2:
        return {{"bucketName", "LOGS"}, {"bucketname", "logs"}, {"count", 5.0}};
    case 3:
        return {{"bucketName", QJsonValue::Null}, {"flag", true}};
    case 4:
        return {{"bucketName", QJsonObject{{"name", "logs"}}}, {"flag", false}}; // composite where others are text
    case 5:
        return {{"items", QJsonArray{QJsonObject{{"instanceId", "i-1"}}, QJsonObject{{"instanceId", "i-2"}}}}};
    case 6:
        return {{"items", QJsonArray{QJsonObject{{"instanceId", "i-2"}}}}, {"a.b", "dotted"}};
    case 7:
        return {{"a", QJsonObject{{"b", "dotted"}}}, {"tags", QJsonArray{"env", "prod"}}};
    case 8:
        return {{"tags", "env=prod"}, {"policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"}};
    case 9:
        return {{"policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}, {"count", "12"}};
    case 10: {
        // More leaves than the index keeps: the value asked for comes after the cut.
        QJsonArray many;
        for (std::size_t i = 0; i < FieldLeafCollector::MaxLeavesPerEvent + 10; ++i)
            many.append(QStringLiteral("v%1").arg(i));
        return {{"many", many}, {"bucketName", "logs"}};
    }
    case 11:
        return {}; // empty object
    default:
        return {{"other", "x"}};
    }
}

// Numbers of every shape under one path, many near the 10,000,000 the range questions ask about (a CAST to bigint
// rounds 9999999.6 up and 10000000.4 down), and a number as a string, a boolean and a null among them.
QJsonValue transferred(int n)
{
    const QJsonValue values[] = {0,     -0.0, 1,      9999999.6,  10000000, 10000000.4, 10000001,
                                 2.5e9, -5,   1.8e19, "10000002", 0.001,    true,       QJsonValue::Null};
    return values[n % 14];
}

std::vector<QJsonObject> fixtureRecords()
{
    std::vector<QJsonObject> records;
    for (int n = 0; n < 14; ++n) {
        QJsonObject overrides{{"requestParameters", n == 13 ? QJsonValue("a string") : QJsonValue(parameters(n))}};
        if (n == 12)
            overrides.remove("requestParameters"); // absent altogether
        overrides["additionalEventData"] = QJsonObject{{"bytesTransferredOut", transferred(n)}};
        if (n % 3 == 0)
            overrides["responseElements"] =
                QJsonObject{{"credentials", QJsonObject{{"accessKeyId", QStringLiteral("ASIA%1").arg(n)}}}};
        QJsonObject record = makeRecord(uuid(n), QStringLiteral("2026-02-21T20:%1:00Z").arg(n, 2, 10, QLatin1Char('0')),
                                        "PutObject", overrides);
        if (n == 12)
            record.remove("requestParameters");
        records.push_back(record);
    }
    return records;
}

// Lake's reading of a struct field: an exact key wins over one differing in case.
QJsonValue field(const QJsonValue& value, const QString& key)
{
    if (!value.isObject())
        return QJsonValue::Undefined;
    const QJsonObject object = value.toObject();
    if (object.contains(key))
        return object.value(key);
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    return QJsonValue::Undefined;
}

// Lake's element_at on a map: the exact key only.
QJsonValue key(const QJsonValue& value, const QString& name)
{
    return value.isObject() && value.toObject().contains(name) ? value.toObject().value(name)
                                                               : QJsonValue(QJsonValue::Undefined);
}

QJsonValue rp(const QJsonObject& r)
{
    return field(r, "requestParameters");
}

bool isText(const QJsonValue& value, const QString& text)
{
    return value.isString() && value.toString() == text;
}

// The same case with the field index emptied and covering no event: each event is a candidate and only the exact
// condition on the record decides.
QString withoutIndex(const QString& casePath, const QString& copyPath)
{
    if (!QFile::copy(casePath, copyPath))
        return {};
    auto db = CaseSchema::open(copyPath, CaseSchema::OpenMode::ReadWrite);
    if (!db || !db->exec("DELETE FROM field_postings; UPDATE meta SET value = 0 WHERE key = 'field_index_through'")
                    .has_value())
        return {};
    return copyPath;
}

// The same case without path 0: the event past the leaf cap counts as fully indexed (for paths before its cut).
QString withoutCut(const QString& casePath, const QString& copyPath)
{
    if (!QFile::copy(casePath, copyPath))
        return {};
    auto db = CaseSchema::open(copyPath, CaseSchema::OpenMode::ReadWrite);
    if (!db || !db->exec("DELETE FROM field_postings WHERE path = 0").has_value())
        return {};
    return copyPath;
}

QStringList lakeIds(const QString& casePath, const QString& where)
{
    auto lake = Lake::LakeQuery::open(casePath);
    if (!lake) {
        QTest::qFail(qPrintable(lake.error().toString()), __FILE__, __LINE__);
        return {};
    }
    QStringList ids;
    for (const QJsonArray& row : LakeFixture::runStatement(**lake, "SELECT eventID FROM x WHERE " + where))
        ids << row.at(0).toString();
    ids.sort();
    return ids;
}

LakeFixture::Rows lakeRows(const QString& casePath, const QString& sql)
{
    auto lake = Lake::LakeQuery::open(casePath);
    if (!lake) {
        QTest::qFail(qPrintable(lake.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return LakeFixture::sortedRows(LakeFixture::runStatement(**lake, sql));
}

QList<qint64> searchRows(const QString& casePath, const QString& search)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        QTest::qFail(qPrintable(db.error().toString()), __FILE__, __LINE__);
        return {};
    }
    const auto result = Oracle::runSearch(*db, search);
    if (const auto* error = std::get_if<QString>(&result)) {
        QTest::qFail(qPrintable(search + ": " + *error), __FILE__, __LINE__);
        return {};
    }
    QList<qint64> rows;
    for (const EventKey& key : std::get<0>(result))
        rows << key.rowId;
    std::sort(rows.begin(), rows.end());
    return rows;
}

// A key as a Lake name part or filter-pattern step can spell it.
bool plainKey(const QString& key)
{
    static const QRegularExpression Plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return Plain.match(key).hasMatch();
}

} // namespace

class TestFieldIndex : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<QJsonObject> m_records;
    QString m_case, m_plain;

private Q_SLOTS:
    void initTestCase()
    {
        // Projections take a path's values from the index from the first event on, not after 4096 (a few records).
        qputenv("TRAILSCOPE_FIELD_VALUES_AFTER", "1");
        m_records = fixtureRecords();
        m_case = LakeFixture::buildCase(m_dir.path(), m_records);
        QVERIFY(!m_case.isEmpty());
        m_plain = withoutIndex(m_case, m_dir.filePath("plain.tscase"));
        QVERIFY(!m_plain.isEmpty());
    }

    void pathsMatch_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<FieldPathPattern>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "requestParameters.bucketName" << keys({"requestParameters", "bucketName"}) << true;
        QTest::newRow("case differs") << "requestParameters.BucketName" << keys({"requestparameters", "bucketname"})
                                      << true;
        QTest::newRow("shorter") << "requestParameters.bucketName" << keys({"requestParameters"}) << false;
        QTest::newRow("longer") << "requestParameters" << keys({"requestParameters", "bucketName"}) << false;
        QTest::newRow("prefix of a key") << "requestParameters.bucketNames" << keys({"requestParameters", "bucketName"})
                                         << false;
        QTest::newRow("array item") << "requestParameters.items[*].instanceId"
                                    << keys({"requestParameters", "items", "[*]", "instanceId"}) << true;
        QTest::newRow("array item missing") << "requestParameters.items.instanceId"
                                            << keys({"requestParameters", "items", "[*]", "instanceId"}) << false;
        QTest::newRow("any member of an object")
            << "requestParameters.items.instanceId" << keys({"requestParameters", "*", "instanceId"}) << true;
        QTest::newRow("any member of an array")
            << "requestParameters[*].instanceId" << keys({"requestParameters", "*", "instanceId"}) << true;
        // A dotted key reads like two steps: the index answers a superset, the record decides.
        QTest::newRow("dotted key as one") << "requestParameters.a.b" << keys({"requestParameters", "a.b"}) << true;
        QTest::newRow("dotted key as two") << "requestParameters.a.b" << keys({"requestParameters", "a", "b"}) << true;
        QTest::newRow("any member with a dotted key")
            << "requestParameters.a.b.c" << keys({"requestParameters", "*", "c"}) << true;
        QTest::newRow("empty pattern") << "requestParameters" << FieldPathPattern{} << false;
    }

    void pathsMatch()
    {
        QFETCH(QString, path);
        QFETCH(FieldPathPattern, pattern);
        QFETCH(bool, matches);
        QCOMPARE(fieldPathMatches(path.toStdString(), pattern), matches);
        const auto decoded = decodeFieldPathPattern(encodeFieldPathPattern(pattern));
        QVERIFY(decoded.has_value());
        QCOMPARE(encodeFieldPathPattern(*decoded), encodeFieldPathPattern(pattern));
        QCOMPARE(fieldPathMatches(path.toStdString(), *decoded), matches);
    }

    void badSpecsAreRefused()
    {
        for (const char* spec : {"X", "K", "K3", "K3:ab", "Ka:b", "K:"})
            QVERIFY2(!decodeFieldPathPattern(spec).has_value(), spec);
        QVERIFY(decodeFieldPathPattern("K2:a:IA").has_value()); // a key may hold ':'
    }

    // The leaves a record gives: every scalar under the indexed parts, strings with their text, numbers and booleans
    // by path only, nulls not at all, objects and arrays as composite paths.
    void leavesOfARecord()
    {
        const QByteArray json = compact(QJsonObject{
            {"eventTime", "2026-02-21T20:00:00Z"},
            {"eventID", uuid(1)},
            {"eventName", "X"},
            {"requestParameters",
             QJsonObject{{"s", "text"}, {"n", 5}, {"b", true}, {"z", QJsonValue::Null}, {"list", QJsonArray{"a", 1}}}},
            {"userIdentity", QJsonObject{{"type", "Root"}}},
            {"additionalEventData", "just text"}});
        EventBatch batch;
        RecordParser parser;
        const std::string_view bytes(json.constData(), static_cast<std::size_t>(json.size()));
        parser.parse(RecordSlice{bytes, 0, bytes.size(), 0, 1, false, false}, RecordEncoding::Json, batch);
        QCOMPARE(batch.events.size(), std::size_t(1));
        const ParsedEvent& event = batch.events.front();
        QStringList leaves, composite;
        for (std::uint32_t i = event.leavesBegin; i < event.leavesEnd; ++i) {
            const FieldLeaf& leaf = batch.fieldLeaves[i];
            const QString path = QString::fromStdString(std::string(batch.view(batch.fieldPaths[leaf.path].path)));
            leaves << path + (leaf.isString ? QString("=" + QString::fromStdString(std::string(batch.view(leaf.value))))
                                            : QStringLiteral("#"));
        }
        for (const FieldPath& path : batch.fieldPaths)
            if (path.composite)
                composite << QString::fromStdString(std::string(batch.view(path.path)));
        leaves.sort();
        composite.sort();
        QCOMPARE(leaves,
                 QStringList({"additionalEventData=just text", "requestParameters.b#", "requestParameters.list[*]#",
                              "requestParameters.list[*]=a", "requestParameters.n#", "requestParameters.s=text"}));
        QCOMPARE(composite, QStringList({"requestParameters", "requestParameters.list"}));
        QVERIFY(!event.leavesTruncated);
    }

    void postingsRoundTrip()
    {
        const std::vector<std::int64_t> events{1, 2, 127, 128, 300, 70000, std::int64_t(1) << 40};
        const std::string bytes = FieldPostings::encode(events);
        QCOMPARE(bytes.size(), std::size_t(1 + 1 + 1 + 1 + 2 + 3 + 6));
        QCOMPARE(FieldPostings::decode(bytes), std::optional(events));
        QVERIFY(!FieldPostings::decode(bytes.substr(0, bytes.size() - 1)).has_value()); // cut inside a varint
        QCOMPARE(FieldPostings::decode(""), std::optional(std::vector<std::int64_t>{}));
    }

    // An import that died before building the field index leaves its events uncovered: queries read their records
    // meanwhile, and the next import into the case indexes them from their records.
    void uncoveredEventsAreIndexedByTheNextImport()
    {
        QTemporaryDir dir;
        const QString copy = withoutIndex(m_case, dir.filePath("uncovered.tscase"));
        QVERIFY(!copy.isEmpty());
        const QString where = "element_at(requestParameters, 'bucketName') = 'logs'";
        const QStringList before = lakeIds(copy, where);
        QCOMPARE(before, lakeIds(m_case, where));
        // A second copy of record 0: nothing new to store, only the index to catch up.
        writeFile(dir.path(), "again/" + trailKey("111122223333", "us-east-1", "20260222T0305Z"),
                  gzip(recordsEnvelope({m_records.front()})));
        QVERIFY(importPaths(copy, {dir.filePath("again")}).has_value());
        const char* const listed = "SELECT count(*) FROM field_postings f, ts_postings(f.events)";
        QCOMPARE(queryCount(copy, listed), queryCount(m_case, listed));
        QCOMPARE(queryCount(copy, "SELECT value FROM meta WHERE key = 'field_index_through'"),
                 qint64(m_records.size()));
        QCOMPARE(lakeIds(copy, where), before);
    }

    void indexHoldsTheFixture()
    {
        // Record 10 has more leaves than the index keeps: it is listed under path 0.
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM field_postings f, ts_postings(f.events) WHERE f.path = 0"),
                 1);
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM field_paths WHERE composite AND path = "
                                    "'requestParameters.bucketName'"),
                 1);
        QVERIFY(queryCount(m_case, "SELECT count(*) FROM field_postings f, ts_postings(f.events)") > 4000);
        QCOMPARE(queryCount(m_case, "SELECT value FROM meta WHERE key = 'field_index_through'"),
                 qint64(m_records.size()));
    }

    void lakeAgrees_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<Predicate>("expected");
        QTest::newRow("element_at equality")
            << "element_at(requestParameters, 'bucketName') = 'logs'"
            << Predicate([](const QJsonObject& r) { return isText(key(rp(r), "bucketName"), "logs"); });
        QTest::newRow("struct field, case ignored")
            << "requestParameters.bucketname = 'logs'"
            << Predicate([](const QJsonObject& r) { return isText(field(rp(r), "bucketname"), "logs"); });
        QTest::newRow("LIKE, case kept") << "element_at(requestParameters, 'bucketName') LIKE '%og%'"
                                         << Predicate([](const QJsonObject& r) {
                                                const QJsonValue v = key(rp(r), "bucketName");
                                                // an object by its JSON text: {"name":"logs"}
                                                return (v.isString() && v.toString().contains("og")) || v.isObject();
                                            });
        QTest::newRow("composite matched as JSON text")
            << "element_at(requestParameters, 'bucketName') LIKE '%name%'"
            << Predicate([](const QJsonObject& r) { return key(rp(r), "bucketName").isObject(); });
        QTest::newRow("IN") << "responseElements.credentials.accessKeyId IN ('ASIA0', 'ASIA9', 'ASIA5')"
                            << Predicate([](const QJsonObject& r) {
                                   const QJsonValue v =
                                       field(field(field(r, "responseElements"), "credentials"), "accessKeyId");
                                   return isText(v, "ASIA0") || isText(v, "ASIA9");
                               });
        QTest::newRow("array index") << "requestParameters.items[1].instanceId = 'i-2'"
                                     << Predicate([](const QJsonObject& r) {
                                            const QJsonArray items = field(rp(r), "items").toArray();
                                            return !items.isEmpty() && // SQL indices start at 1
                                                   isText(field(items.at(0), "instanceId"), "i-2");
                                        });
        QTest::newRow("dotted key") << "element_at(requestParameters, 'a.b') = 'dotted'"
                                    << Predicate(
                                           [](const QJsonObject& r) { return isText(key(rp(r), "a.b"), "dotted"); });
        QTest::newRow("IS NOT NULL") << "requestParameters.tags IS NOT NULL" << Predicate([](const QJsonObject& r) {
            const QJsonValue v = field(rp(r), "tags");
            return !v.isUndefined() && !v.isNull();
        });
        QTest::newRow("NOT LIKE") << "requestParameters.policyArn NOT LIKE '%Admin%'"
                                  << Predicate([](const QJsonObject& r) {
                                         const QJsonValue v = field(rp(r), "policyArn");
                                         return v.isString() && !v.toString().contains("Admin");
                                     });
        QTest::newRow("past the leaves kept")
            << "element_at(requestParameters, 'bucketName') = 'logs' AND "
               "requestParameters.many IS NOT NULL"
            << Predicate([](const QJsonObject& r) {
                   return isText(key(rp(r), "bucketName"), "logs") && !field(rp(r), "many").isUndefined();
               });
        QTest::newRow("json_extract_scalar under a field")
            << "json_extract_scalar(element_at(requestParameters, 'a'), '$.b') = 'dotted'"
            << Predicate([](const QJsonObject& r) { return isText(key(key(rp(r), "a"), "b"), "dotted"); });
        QTest::newRow("json_extract_scalar into an array")
            << "json_extract_scalar(element_at(requestParameters, 'items'), '$[0].instanceId') = 'i-2'"
            << Predicate([](const QJsonObject& r) {
                   const QJsonArray items = key(rp(r), "items").toArray();
                   return !items.isEmpty() && isText(key(items.at(0), "instanceId"), "i-2");
               });
        QTest::newRow("CAST of a field") << "CAST(element_at(requestParameters, 'count') AS bigint) > 4"
                                         << Predicate([](const QJsonObject& r) {
                                                const QJsonValue v = key(rp(r), "count");
                                                return (v.isString() && v.toString().toInt() > 4) ||
                                                       (v.isDouble() && v.toDouble() > 4);
                                            });
        QTest::newRow("in an OR") << "requestParameters.policyArn LIKE '%Admin%' OR eventID = '" + uuid(0) + "'"
                                  << Predicate([](const QJsonObject& r) {
                                         return field(rp(r), "policyArn").toString().contains("Admin") ||
                                                r.value("eventID").toString() == uuid(0);
                                     });
        QTest::newRow("under NOT") << "NOT (element_at(requestParameters, 'bucketName') = 'logs')"
                                   << Predicate([](const QJsonObject& r) {
                                          const QJsonValue v = key(rp(r), "bucketName");
                                          return !v.isUndefined() && !v.isNull() && !isText(v, "logs");
                                      });
    }

    void lakeAgrees()
    {
        QFETCH(QString, where);
        QFETCH(Predicate, expected);
        QStringList want;
        for (const QJsonObject& record : m_records)
            if (expected(record))
                want << record.value("eventID").toString();
        want.sort();
        QVERIFY2(!want.isEmpty(), "the fixture should give this question something to find");
        QCOMPARE(lakeIds(m_case, where), want);
        QCOMPARE(lakeIds(m_plain, where), want);
    }

    // Where the index alone gives a path's values exactly, projections and GROUP BY read them from it; everywhere
    // else (case variants, objects, numbers, arrays, dotted keys, uncovered events) they read the records.
    void pathValuesOnlyWhereExact_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<bool>("exact");
        QTest::newRow("strings only") << QStringList{"requestParameters", "policyArn"} << true;
        QTest::newRow("a map key spelled otherwise") << QStringList{"requestParameters", "=PolicyArn"} << false;
        QTest::newRow("nowhere") << QStringList{"requestParameters", "nothing"} << true;
        QTest::newRow("two spellings and an object") << QStringList{"requestParameters", "bucketName"} << false;
        QTest::newRow("numbers") << QStringList{"requestParameters", "count"} << false;
        QTest::newRow("an array") << QStringList{"requestParameters", "tags"} << false;
        QTest::newRow("under an array") << QStringList{"requestParameters", "items", "instanceId"} << true; // none
        QTest::newRow("read through a dotted key") << QStringList{"requestParameters", "a", "b"} << false;
        QTest::newRow("deep strings") << QStringList{"responseElements", "credentials", "accessKeyId"} << true;
    }

    void pathValuesOnlyWhereExact()
    {
        QFETCH(QStringList, keys);
        QFETCH(bool, exact);
        std::vector<std::pair<std::string, bool>> path;
        for (const QString& key : keys)
            path.emplace_back(key.startsWith(u'=') ? key.mid(1).toStdString() : key.toStdString(),
                              key.startsWith(u'='));
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        // Record 10 has more leaves than the index keeps: nothing is exact until it is set aside.
        QVERIFY(!FieldIndex::PathValues::load(*db, path).has_value());
        QTemporaryDir dir;
        const QString copy = withoutCut(m_case, dir.filePath("kept.tscase"));
        QVERIFY(!copy.isEmpty());
        auto kept = CaseSchema::open(copy, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(kept.has_value());
        const auto values = FieldIndex::PathValues::load(*kept, path);
        QCOMPARE(values.has_value(), exact);
        auto plain = CaseSchema::open(m_plain, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(plain.has_value());
        QVERIFY(!FieldIndex::PathValues::load(*plain, path).has_value()); // covers no event
    }

    void projectionsAgree_data()
    {
        QTest::addColumn<QString>("sql");
        for (const char* field :
             {"requestParameters.policyArn", "element_at(requestParameters, 'policyArn')",
              "element_at(requestParameters, 'PolicyArn')", "requestParameters.bucketName",
              "element_at(requestParameters, 'bucketName')", "requestParameters.count", "requestParameters.tags",
              "requestParameters.flag", "element_at(requestParameters, 'a.b')", "requestParameters.a.b",
              "responseElements.credentials.accessKeyId", "requestParameters.items[1].instanceId",
              "requestParameters.nothing"}) {
            QTest::newRow(field) << QString("SELECT eventID, %1 FROM x").arg(field);
            QTest::newRow(qPrintable(QString(field) + " grouped"))
                << QString("SELECT %1 AS v, count(*) FROM x GROUP BY 1").arg(field);
        }
    }

    // The same rows whether the index or the records give them; on a copy where the index is exact for more
    // paths (record 10 set aside), and on the case itself.
    void projectionsAgree()
    {
        QFETCH(QString, sql);
        const auto want = lakeRows(m_plain, sql);
        QVERIFY(!want.isEmpty());
        QCOMPARE(lakeRows(m_case, sql), want);
        // Record 10's cut comes after its bucketName (keys are written in order), so without path 0 the index
        // still holds every leaf these ask for, and it is exact for more of them.
        QTemporaryDir dir;
        const QString kept = withoutCut(m_case, dir.filePath("kept.tscase"));
        QVERIFY(!kept.isEmpty());
        QCOMPARE(lakeRows(kept, sql), want);
    }

    // A number compared by value reads only the buckets its range spans, and answers what every record answers.
    void numbersAgree_data()
    {
        QTest::addColumn<QString>("where");
        const QString bytes = "CAST(element_at(additionalEventData, 'bytesTransferredOut') AS bigint)";
        const QString real = "CAST(element_at(additionalEventData, 'bytesTransferredOut') AS double)";
        QTest::newRow("greater") << bytes + " > 10000000";
        QTest::newRow("at least") << bytes + " >= 10000000";
        QTest::newRow("less") << bytes + " < 10000000";
        QTest::newRow("equal, rounded") << bytes + " = 10000000";
        QTest::newRow("literal first") << "10000000 < " + bytes;
        QTest::newRow("zero") << bytes + " = 0";
        QTest::newRow("negative") << bytes + " < 0";
        QTest::newRow("double") << real + " > 9999999.5";
        QTest::newRow("tiny") << real + " <= 0.001";
        QTest::newRow("huge") << real + " > 1e18";
    }

    void numbersAgree()
    {
        QFETCH(QString, where);
        const QStringList ids = lakeIds(m_case, where);
        QVERIFY2(!ids.isEmpty(), "the fixture should give this question something to find");
        QCOMPARE(ids, lakeIds(m_plain, where));
    }

    void numberRangesNarrowTheCandidates()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const FieldPathPattern path{{FieldPathStep::Kind::Key, "additionalEventData"},
                                    {FieldPathStep::Kind::Key, "bytesTransferredOut"}};
        const auto count = [&](std::optional<std::pair<double, double>> numbers) {
            const std::string sql =
                "SELECT count(*) FROM event_rows e WHERE " +
                FieldIndex::candidates("e.id", path, FieldIndex::ValueTest{"0", false, false, numbers});
            return db->queryInt(sql).value_or(-1);
        };
        const qint64 every = count(std::nullopt);
        const qint64 above = count(std::pair{1e9, std::numeric_limits<double>::infinity()});
        QVERIFY2(above < every, qPrintable(QString("%1 of %2").arg(above).arg(every)));
        QVERIFY(above >= 2); // 2.5e9 and 1.8e19, with the cut event
        QCOMPARE(count(std::pair{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}),
                 count(std::pair{1e300, 1e301})); // no number there: booleans and the uncovered only
        // Buckets keep the order of the numbers, -0 with +0.
        QVERIFY(fieldNumberValue(-5) < fieldNumberValue(-0.001));
        QVERIFY(fieldNumberValue(-0.001) < fieldNumberValue(0));
        QCOMPARE(fieldNumberValue(-0.0), fieldNumberValue(0.0));
        QVERIFY(fieldNumberValue(0) < fieldNumberValue(0.001));
        QVERIFY(fieldNumberValue(9999999.6) <= fieldNumberValue(10000000));
        QVERIFY(fieldNumberValue(10000000) < fieldNumberValue(2.5e9));
        QVERIFY(fieldNumberValue(-1e308) >= LowestFieldNumberValue && fieldNumberValue(1e308) < 0);
    }

    // Numbers well inside a range need no record read: the bucket decides. Those near a bound, past the 64-bit
    // limits a CAST clamps at, or at a path of several spellings are left to the record.
    void sureNumbersAreWellInsideTheRange()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const FieldPathPattern bytes = keys({"additionalEventData", "bytesTransferredOut"});
        constexpr double Infinity = std::numeric_limits<double>::infinity();
        const auto sure = [&](const FieldPathPattern& path, std::pair<double, double> range) -> qint64 {
            const std::string condition = FieldIndex::sureNumbers("e.id", path, range);
            if (condition.empty())
                return -1;
            return db->queryInt("SELECT count(*) FROM event_rows e WHERE " + condition).value_or(-2);
        };
        QCOMPARE(sure(bytes, {1e7, Infinity}), 1);    // 2.5e9; not 10000001 (within one), not 1.8e19 (clamped)
        QCOMPARE(sure(bytes, {-Infinity, 0}), 1);     // -5; not -0 or 0
        QCOMPARE(sure(bytes, {-Infinity, 1e7}), 5);   // 0, -0, 0.001, 1 and -5, not 9999999.6 (within one)
        QCOMPARE(sure(bytes, {5, 5}), -1);            // an equality: narrower than a bucket
        QCOMPARE(sure(bytes, {1e300, Infinity}), -1); // past the limits
        QCOMPARE(sure(keys({"requestParameters", "count"}), {0, Infinity}), 2);      // 5 and 5.0, not the string "5"
        QCOMPARE(sure(keys({"requestParameters", "bucketName"}), {0, Infinity}), 0); // several spellings: none
        FieldPathPattern items = keys({"requestParameters", "items"});
        items.push_back({FieldPathStep::Kind::AnyIndex, {}});
        QCOMPARE(sure(items, {0, Infinity}), -1);
    }

    void filterPatternsAgree_data()
    {
        QTest::addColumn<QString>("search");
        QTest::newRow("string") << R"({ $.requestParameters.bucketName = "logs" })";
        QTest::newRow("wildcard") << R"({ $.requestParameters.bucketName = "*og*" })";
        QTest::newRow("number") << R"({ $.requestParameters.count = 5 })";
        QTest::newRow("number as text") << R"({ $.requestParameters.count = "5" })";
        QTest::newRow("ordering") << R"({ $.requestParameters.count > 4 })";
        QTest::newRow("bytes above") << R"({ $.additionalEventData.bytesTransferredOut > 10000000 })";
        QTest::newRow("bytes at most") << R"({ $.additionalEventData.bytesTransferredOut <= 10000000 })";
        QTest::newRow("bytes equal") << R"({ $.additionalEventData.bytesTransferredOut = 10000001 })";
        QTest::newRow("bytes negative") << R"({ $.additionalEventData.bytesTransferredOut < 0 })";
        QTest::newRow("bytes as text") << R"({ $.additionalEventData.bytesTransferredOut = 10000002 })";
        QTest::newRow("bytes is true") << R"({ $.additionalEventData.bytesTransferredOut IS TRUE })";
        QTest::newRow("not equal") << R"({ $.requestParameters.bucketName != "logs" })";
        QTest::newRow("array item") << R"({ $.requestParameters.items[*].instanceId = "i-2" })";
        QTest::newRow("array index") << R"({ $.requestParameters.items[0].instanceId = "i-2" })";
        QTest::newRow("is true") << R"({ $.requestParameters.flag IS TRUE })";
        QTest::newRow("is false") << R"({ $.requestParameters.flag IS FALSE })";
        QTest::newRow("is null") << R"({ $.requestParameters.bucketName IS NULL })";
        QTest::newRow("not exists") << R"({ $.requestParameters.bucketName NOT EXISTS })";
        QTest::newRow("past the leaves kept") << R"({ $.requestParameters.many[*] = "v4100" })";
        QTest::newRow("a whole part") << R"({ $.requestParameters = "a string" })";
        QTest::newRow("or") << R"({ $.requestParameters.policyArn = "*Admin*" || $.requestParameters.tags = "env*" })";
    }

    // Filter patterns through the index answer what the same pattern answers on every record, which
    // tst_searchsql checks against the oracle.
    void filterPatternsAgree()
    {
        QFETCH(QString, search);
        const auto rows = searchRows(m_case, search);
        QCOMPARE(rows, searchRows(m_plain, search));
        if (!search.contains("NOT EXISTS") && !search.contains("IS NULL") && !search.contains("!="))
            QVERIFY2(!rows.isEmpty(), "the fixture should give this pattern something to find");
    }

    // Every path and some values the corpus's records carry, asked as Lake SQL and as filter patterns: through
    // the index the answers are those of every record read, and never empty (the value came from a record).
    void corpusAgrees()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("../shared/corpus is absent: the field index is checked on the fixture only");
        QTemporaryDir dir;
        const QString casePath = dir.filePath("corpus.tscase");
        QVERIFY(importPaths(casePath, {corpus}).has_value());
        const QString plain = withoutIndex(casePath, dir.filePath("plain.tscase"));
        QVERIFY(!plain.isEmpty());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        // Per path, its most common string value: a few hundred questions.
        auto samples = db->prepare(
            "SELECT p.path, (SELECT s.value FROM field_postings f JOIN strings s ON s.id = f.value WHERE f.path = p.id "
            "AND f.value != 0 ORDER BY length(f.events) DESC, f.value LIMIT 1) FROM field_paths p WHERE "
            "NOT p.composite ORDER BY p.path");
        int lakeQuestions = 0, patterns = 0;
        while (samples.step() == SQLITE_ROW) {
            const QString path = QString::fromStdString(std::string(samples.columnText(0)));
            if (samples.columnIsNull(1))
                continue;
            const QString value = QString::fromStdString(std::string(samples.columnText(1)));
            if (value.contains(u'"') || value.contains(u'\\') || value.contains(u'*') || value.size() > 200)
                continue;
            const QStringList parts = path.split(u'.');
            const bool plainPath = !path.contains("[*]") && std::all_of(parts.begin(), parts.end(),
                                                                        [](const QString& p) { return plainKey(p); });
            if (plainPath && parts.size() > 1 && lakeQuestions < 150) {
                QString quoted = value;
                quoted.replace(u'\'', QStringLiteral("''"));
                // Quoted, so that a key such as End is no keyword.
                const QString name = parts.front() + ".\"" + parts.mid(1).join("\".\"") + "\"";
                for (const QString& where : QStringList{name + " = '" + quoted + "'", name + " IS NOT NULL"}) {
                    const QStringList ids = lakeIds(casePath, where);
                    QVERIFY2(!ids.isEmpty(), qPrintable(where));
                    QCOMPARE(ids, lakeIds(plain, where));
                }
                // The values themselves, from the index where it is exact for the path.
                if (lakeQuestions < 60) {
                    const QString grouped = "SELECT " + name + ", count(*) FROM x GROUP BY 1";
                    QCOMPARE(lakeRows(casePath, grouped), lakeRows(plain, grouped));
                }
                ++lakeQuestions;
            }
            const QString selector = QString(path).replace("[*]", ".*"); // `[*]` and `.*` alike: any member
            const QStringList steps = selector.split(u'.');
            // A filter pattern allows one wildcard selector.
            if (patterns < 150 && selector.count(u'*') <= 1 &&
                std::all_of(steps.begin(), steps.end(), [](const QString& p) { return p == u"*" || plainKey(p); })) {
                const QString search = "{ $." + selector + " = \"" + value + "\" }";
                const auto rows = searchRows(casePath, search);
                QVERIFY2(!rows.isEmpty(), qPrintable(search));
                QCOMPARE(rows, searchRows(plain, search));
                ++patterns;
            }
        }
        QVERIFY2(lakeQuestions >= 20 && patterns >= 20,
                 qPrintable(QStringLiteral("%1 Lake questions, %2 patterns").arg(lakeQuestions).arg(patterns)));
    }

    // A string seen once keeps no strings row: the index holds it by its hash, and an equality finds it by that.
    // Seen again in a later import it gets a row, and the equality finds both events, one under each key.
    void singleValuesAreHeldByTheirHash()
    {
        const QString readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess"; // record 9 only
        const QString hashed =
            QStringLiteral("SELECT count(*) FROM field_postings WHERE value >= %1").arg(HashedFieldValueBase);
        QVERIFY(queryCount(m_case, hashed) > 0);
        const auto rowOf = [](const QString& casePath, const QString& text) {
            return queryCount(casePath, "SELECT count(*) FROM strings WHERE value = '" + text + "'");
        };
        QCOMPARE(rowOf(m_case, readOnly), 0);
        QCOMPARE(rowOf(m_case, "logs"), 1);
        QCOMPARE(queryCount(m_case, QStringLiteral("SELECT count(*) FROM field_postings WHERE value = "
                                                   "ts_field_hash('%1')")
                                        .arg(readOnly)),
                 1);
        const QString equality = "element_at(requestParameters, 'policyArn') = '" + readOnly + "'";
        QCOMPARE(lakeIds(m_case, equality), QStringList{uuid(9)});
        QCOMPARE(lakeIds(m_case, "element_at(requestParameters, 'policyArn') IN ('x', '" + readOnly + "')"),
                 QStringList{uuid(9)});
        const QString pattern = "{ $.requestParameters.policyArn = \"" + readOnly + "\" }";
        QCOMPARE(searchRows(m_case, pattern), searchRows(m_plain, pattern));
        QCOMPARE(searchRows(m_case, pattern).size(), 1);
        // LIKE cannot look a hash up: every string held by hash is a candidate, and the record decides.
        QCOMPARE(lakeIds(m_case, "element_at(requestParameters, 'policyArn') LIKE '%ReadOnly%'"), QStringList{uuid(9)});

        // A projection takes the other strings from the index, and reads the records of these two.
        QTemporaryDir dir;
        const QString kept = withoutCut(m_case, dir.filePath("kept.tscase"));
        QVERIFY(!kept.isEmpty());
        auto db = CaseSchema::open(kept, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto values = FieldIndex::PathValues::load(*db, {{"requestParameters", false}, {"policyArn", false}});
        QVERIFY(values.has_value());
        int inRecordOnly = 0;
        for (std::int64_t event = 1; event <= std::int64_t(m_records.size()); ++event)
            if (const auto* value = values->at(event))
                inRecordOnly += value->inRecordOnly && value->text.empty() ? 1 : 0;
        QCOMPARE(inRecordOnly, 2); // records 8 and 9, one policy each

        const QString copy = dir.filePath("again.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        std::vector<QJsonObject> later;
        for (const int n : {100, 101}) {
            QJsonObject record = m_records[9];
            record["eventID"] = uuid(n);
            later.push_back(record);
        }
        writeFile(dir.path(), "later/" + trailKey("111122223333", "us-east-1", "20260222T0305Z"),
                  gzip(recordsEnvelope(later)));
        QVERIFY(importPaths(copy, {dir.filePath("later")}).has_value());
        QCOMPARE(rowOf(copy, readOnly), 1);
        QCOMPARE(lakeIds(copy, equality), (QStringList{uuid(9), uuid(100), uuid(101)}));
        QCOMPARE(searchRows(copy, pattern).size(), 3);
    }

    // A schema-6 case reads as it is (7 only adds hashed values, which it has none of); opened for writing, it is
    // marked 7 before an import can add some.
    void schema6CaseIsTakenAsItIs()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath("six.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        {
            auto db = Sql::Database::open(copy, SQLITE_OPEN_READWRITE);
            QVERIFY(db.has_value());
            QVERIFY(db->exec("PRAGMA user_version=6").has_value());
        }
        {
            auto db = CaseSchema::open(copy, CaseSchema::OpenMode::ReadOnly);
            QVERIFY(db.has_value());
            QCOMPARE(db->queryInt("PRAGMA user_version").value_or(0), 6);
        }
        QCOMPARE(lakeIds(copy, "element_at(requestParameters, 'bucketName') = 'logs'"),
                 lakeIds(m_case, "element_at(requestParameters, 'bucketName') = 'logs'"));
        auto db = CaseSchema::open(copy, CaseSchema::OpenMode::ReadWrite);
        QVERIFY(db.has_value());
        QCOMPARE(db->queryInt("PRAGMA user_version").value_or(0), CaseSchema::Version);
    }

    // A case of the format before the field index (schema 3) is refused with what to do, never read as if
    // its nested fields were absent.
    void caseWithoutFieldIndexIsRefused()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath("old.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        {
            auto db = CaseSchema::open(copy, CaseSchema::OpenMode::ReadWrite);
            QVERIFY(db.has_value());
            QVERIFY(db->exec("DROP TABLE field_postings; DROP TABLE field_paths; PRAGMA user_version=3").has_value());
        }
        const auto opened = CaseSchema::open(copy, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, ErrorCode::OlderCase);
        QVERIFY(opened.error().detail.contains(QStringLiteral("import the trail again")));
    }
};

QTEST_GUILESS_MAIN(TestFieldIndex)
#include "tst_fieldindex.moc"
