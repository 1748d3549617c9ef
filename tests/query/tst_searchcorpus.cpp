// Searches on the real-record corpus (../shared/corpus), checked against the oracle over each stored record as
// Qt's JSON parser reads it back from the evidence.
#include "casedb/rawrecordreader.h"
#include "searchoracle.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;
using namespace Trailscope::Test;
using Oracle::Expectation;
using Oracle::Rec;

class TestSearchCorpus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Sql::Database> m_db;
    std::vector<std::pair<qint64, Rec>> m_records; // by row id

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("../shared/corpus is absent: the corpus search tests are skipped");
        const QString casePath = m_dir.filePath(QStringLiteral("corpus.tscase"));
        const auto summary = importPaths(casePath, {corpus});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        m_db.emplace(std::move(*db));
        RawRecordReader reader(*m_db);
        auto rows = m_db->prepare("SELECT id FROM events ORDER BY id");
        while (rows.step() == SQLITE_ROW) {
            const qint64 rowId = rows.columnInt(0);
            const auto raw = reader.eventRecord(rowId);
            QVERIFY(raw.has_value());
            const QByteArray bytes = QByteArray::fromStdString(*raw);
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            QVERIFY2(document.isObject(), bytes.left(200).constData());
            m_records.emplace_back(rowId, Rec{document.object(), QString::fromUtf8(bytes)});
        }
        QVERIFY(m_records.size() > 500);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<Expectation>("predicate");
        const auto add = [](const char* name, const QString& search, const Expectation& predicate) {
            QTest::newRow(name) << search << predicate;
        };
        add("eventName", "eventName:ConsoleLogin", [](const Rec& r) { return r.is("eventName", "ConsoleLogin"); });
        add("errorCode prefix", "errorCode:AccessDenied*",
            [](const Rec& r) { return Oracle::glob(r.str("errorCode"), "AccessDenied*"); });
        add("not read-only", "-readOnly:true", [](const Rec& r) { return !r.is("readOnly", "true"); });
        add("any user", "user:*", [](const Rec& r) { return r.user().has_value(); });
        add("user wildcard", "user:*admin*", [](const Rec& r) { return Oracle::glob(r.user(), "*admin*"); });
        add("identityType", "identityType:AssumedRole",
            [](const Rec& r) { return Oracle::equalsIgnoringCase(r.str("userIdentity.type"), "AssumedRole"); });
        add("any IPv4", "ip:0.0.0.0/0",
            [](const Rec& r) { return Oracle::inSubnet(r.str("sourceIPAddress"), "0.0.0.0/0"); });
        add("IPv4 network", "ip:10.0.0.0/8",
            [](const Rec& r) { return Oracle::inSubnet(r.str("sourceIPAddress"), "10.0.0.0/8"); });
        add("IAM creations", "eventSource:iam.amazonaws.com eventName:Create*", [](const Rec& r) {
            return Oracle::equalsIgnoringCase(r.str("eventSource"), "iam.amazonaws.com") &&
                   Oracle::glob(r.str("eventName"), "Create*");
        });
        add("any resource", "resource:*", [](const Rec& r) {
            return std::ranges::any_of(r.resources(), [](const Oracle::Resource& x) { return !x.arn.isEmpty(); });
        });
        add("free text", "AKIA", [](const Rec& r) { return Oracle::rawContains(r, "AKIA"); });
        add("cis unauthorized", "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
            [](const Rec& r) {
                return Oracle::glob(r.str("errorCode"), "*UnauthorizedOperation") ||
                       Oracle::glob(r.str("errorCode"), "AccessDenied*");
            });
        add("cis root",
            "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType "
            "!=\"AwsServiceEvent\"}",
            [](const Rec& r) {
                return r.is("userIdentity.type", "Root") && !r.has("userIdentity.invokedBy") && r.str("eventType") &&
                       !r.is("eventType", "AwsServiceEvent");
            });
        add("console success", "{ $.userIdentity.type = \"IAMUser\" && $.responseElements.ConsoleLogin = \"Success\" }",
            [](const Rec& r) {
                return r.is("userIdentity.type", "IAMUser") && r.is("responseElements.ConsoleLogin", "Success");
            });
    }

    void matches()
    {
        QFETCH(QString, search);
        QFETCH(Expectation, predicate);
        QList<qint64> want;
        for (const auto& [rowId, rec] : m_records)
            if (predicate(rec))
                want << rowId;
        const auto result = Oracle::runSearch(*m_db, search);
        const auto* error = std::get_if<QString>(&result);
        QVERIFY2(!error, error ? qPrintable(*error) : "");
        QList<qint64> got;
        for (const EventKey& key : std::get<0>(result))
            got << key.rowId;
        QVERIFY2(!want.isEmpty(), "the corpus should give this search something to find");
        std::sort(got.begin(), got.end());
        QCOMPARE(got, want);
    }
};

QTEST_GUILESS_MAIN(TestSearchCorpus)
#include "tst_searchcorpus.moc"
