// The 57 SigmaHQ CloudTrail rules and the shipped rules over the real-record corpus (../shared/corpus): every rule
// loads, and what runDetections finds through its narrowing (event_names, one shared scan) is exactly what each
// rule says of every stored record read directly.
#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "detect/detector.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <simdjson.h>

#include <map>
#include <set>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Detect;
using namespace Trailscope::Test;

class TestDetector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    std::optional<Sql::Database> m_db;
    RuleSet m_rules;

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("../shared/corpus is absent: the corpus detection tests are skipped");
        m_case = m_dir.filePath(QStringLiteral("corpus.tscase"));
        const auto summary = importPaths(m_case, {corpus});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        m_db.emplace(std::move(*db));
        m_rules = shippedRuleSet();
        loadRuleFiles({corpus + QStringLiteral("/sigma/rules")}, m_rules);
    }

    void allSigmaRulesLoad()
    {
        for (const UnsupportedRule& rule : m_rules.unsupported)
            qWarning("%s: %s", qPrintable(rule.path), qPrintable(describeProblem(rule.problem)));
        QCOMPARE(m_rules.unsupported.size(), std::size_t(0));
        QCOMPARE(m_rules.sigma.size(), std::size_t(57));
        for (const SigmaRule& rule : m_rules.sigma)
            QVERIFY2(!rule.info.id.isEmpty() && !rule.info.title.isEmpty() && !rule.info.author.isEmpty(),
                     qPrintable(rule.info.path));
    }

    void findingsAreTheDirectEvaluation()
    {
        const auto findings = runDetections(m_case, *m_db, m_rules);
        QVERIFY2(findings.has_value(), findings ? "" : qPrintable(findings.error().toString()));
        std::map<QString, std::set<std::int64_t>> found;
        for (const Finding& finding : *findings) {
            if (finding.rule.source == RuleSource::Sigma)
                found[finding.rule.id] = {finding.eventRows.begin(), finding.eventRows.end()};
            QCOMPARE(qsizetype(finding.count), finding.eventIds.size());
            QVERIFY(finding.first <= finding.last);
        }
        std::map<QString, std::set<std::int64_t>> direct;
        RawRecordReader reader(*m_db);
        simdjson::dom::parser parser;
        auto rows = m_db->prepare("SELECT id FROM events ORDER BY id");
        while (rows.step() == SQLITE_ROW) {
            const auto raw = reader.eventRecord(rows.columnInt(0));
            QVERIFY(raw.has_value());
            simdjson::dom::element root;
            QCOMPARE(parser.parse(raw->data(), raw->size()).get(root), simdjson::SUCCESS);
            for (const SigmaRule& rule : m_rules.sigma) {
                if (matchesSigma(rule, root, *raw))
                    direct[rule.info.id].insert(rows.columnInt(0));
            }
        }
        QCOMPARE(found, direct);
        // The corpus holds attack detonations and rule test cases: most rules have something to fire on.
        QStringList fired;
        for (const auto& [id, events] : found)
            fired << id;
        qInfo("%d of 57 Sigma rules fire on the corpus", int(fired.size()));
        QVERIFY2(fired.size() >= 25, qPrintable(fired.join(u' ')));
    }

    void scannedRulesAreTheDirectEvaluation()
    {
        // No table narrows a test on sourceIPAddress or requestParameters: these rules take the one shared scan.
        RuleSet scanned;
        for (const char* detection : {"    s:\n        sourceIPAddress|startswith: '1'\n    condition: s\n",
                                      "    s:\n        requestParameters.bucketName|contains: a\n    condition: s\n"}) {
            auto rule = parseSigmaRule(QByteArray("title: scan\nid: scan\nlogsource:\n    product: aws\n"
                                                  "    service: cloudtrail\ndetection:\n") +
                                       detection);
            QVERIFY(rule.has_value());
            QVERIFY(!constrainsApi(*rule));
            rule->info.id = QString::number(scanned.sigma.size());
            scanned.sigma.push_back(std::move(*rule));
        }
        const auto findings = runDetections(m_case, *m_db, scanned);
        QVERIFY(findings.has_value());
        QCOMPARE(findings->size(), std::size_t(2));
        RawRecordReader reader(*m_db);
        simdjson::dom::parser parser;
        for (const Finding& finding : *findings) {
            const SigmaRule& rule = scanned.sigma[finding.rule.id.toULongLong()];
            std::set<std::int64_t> direct;
            auto rows = m_db->prepare("SELECT id FROM events ORDER BY id");
            while (rows.step() == SQLITE_ROW) {
                const auto raw = reader.eventRecord(rows.columnInt(0));
                QVERIFY(raw.has_value());
                simdjson::dom::element root;
                QCOMPARE(parser.parse(raw->data(), raw->size()).get(root), simdjson::SUCCESS);
                if (matchesSigma(rule, root, *raw))
                    direct.insert(rows.columnInt(0));
            }
            QVERIFY(direct.size() > 10);
            QCOMPARE(std::set<std::int64_t>(finding.eventRows.begin(), finding.eventRows.end()), direct);
        }
    }

    void shippedRulesFireOnTheCorpus()
    {
        RuleSet shipped = shippedRuleSet();
        const auto findings = runDetections(m_case, *m_db, shipped);
        QVERIFY(findings.has_value());
        QStringList fired;
        for (const Finding& finding : *findings)
            fired << finding.rule.id;
        // Stratus detonations stop a trail, attach policies and open security groups; Panther's cases sign in.
        for (const char* id :
             {"CloudWatch.2", "CloudWatch.3", "CloudWatch.4", "CloudWatch.5", "CloudWatch.6", "CloudWatch.10"})
            QVERIFY2(fired.contains(QString::fromLatin1(id)), qPrintable(fired.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestDetector)
#include "tst_detector.moc"
