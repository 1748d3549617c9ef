// The analyst's own rules: metric-filter rule files, the case's rule store (add, edit, remove, switch off), a
// folder export and import, the ATT&CK labels of tags, and `detect`/`rules` on the command line over a real case.
#include "casedb/caseschema.h"
#include "clitest.h"
#include "detect/attacklabels.h"
#include "detect/rulefile.h"
#include "detect/rulestore.h"
#include "detect/shippedrules.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Detect;
using namespace Trailscope::Test;

namespace {

const QByteArray CallerRule = "id: user.caller-identity\n"
                              "title: Caller identity checked\n"
                              "level: low\n"
                              "tags: [attack.discovery, attack.t1087.004]\n"
                              "filterPattern: '{ $.eventName = \"GetCallerIdentity\" }'\n"
                              "threshold: 2\n"
                              "periodMinutes: 10\n";

const QByteArray SigmaRuleText = "title: Bucket listed\n"
                                 "id: 0b7a1c2e-0000-4000-8000-000000000001\n"
                                 "level: medium\n"
                                 "tags: [attack.discovery, attack.t1619]\n"
                                 "logsource:\n  product: aws\n  service: cloudtrail\n"
                                 "detection:\n  selection:\n    eventName: ListBuckets\n  condition: selection\n";

QStringList firedRules(const CliRun& run)
{
    QStringList ids;
    for (const QJsonValue& finding : QJsonDocument::fromJson(run.out).object().value(u"findings").toArray())
        ids << finding[u"rule"][u"id"].toString();
    return ids;
}

} // namespace

class TestCaseRules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    QString casePath(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_case, path);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Three GetCallerIdentity calls within ten minutes, a ListBuckets, and a refused call CloudWatch.2 counts.
        std::vector<QJsonObject> records{
            makeRecord(fixtureEventId(1), QStringLiteral("2026-03-01T10:00:00Z"), QStringLiteral("GetCallerIdentity")),
            makeRecord(fixtureEventId(2), QStringLiteral("2026-03-01T10:01:00Z"), QStringLiteral("GetCallerIdentity")),
            makeRecord(fixtureEventId(3), QStringLiteral("2026-03-01T10:02:00Z"), QStringLiteral("GetCallerIdentity")),
            makeRecord(fixtureEventId(4), QStringLiteral("2026-03-01T11:00:00Z"), QStringLiteral("ListBuckets")),
            makeRecord(fixtureEventId(5), QStringLiteral("2026-03-01T12:00:00Z"), QStringLiteral("ListUsers"),
                       {{QStringLiteral("errorCode"), QStringLiteral("AccessDenied")}}),
        };
        writeFile(m_dir.path(), QStringLiteral("trail/") + trailKey("111122223333", "us-east-1", "20260301T1205Z"),
                  gzip(recordsEnvelope(records)));
        m_case = m_dir.filePath(QStringLiteral("base.tscase"));
        QVERIFY(importPaths(m_case, {m_dir.filePath(QStringLiteral("trail"))}).has_value());
    }

    void metricFilterFileParses()
    {
        const auto rule = parseMetricFilterRule(CallerRule, QStringLiteral("caller.yml"));
        QVERIFY2(rule.has_value(), rule ? "" : qPrintable(describeProblem(rule.error())));
        QCOMPARE(rule->info.id, QStringLiteral("user.caller-identity"));
        QCOMPARE(rule->info.level, QStringLiteral("low"));
        QCOMPARE(rule->info.source, RuleSource::User);
        QCOMPARE(rule->info.path, QStringLiteral("caller.yml"));
        QCOMPARE(rule->pattern, QStringLiteral("{ $.eventName = \"GetCallerIdentity\" }"));
        QCOMPARE(rule->threshold, 2);
        QCOMPARE(rule->windowMinutes, 10);
        QCOMPARE(rule->info.tags,
                 (QStringList{QStringLiteral("attack.discovery"), QStringLiteral("attack.t1087.004")}));
    }

    void metricFilterFileProblems_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        const QByteArray pattern = "filterPattern: '{ $.eventName = X }'\n";
        QTest::newRow("no id") << pattern << int(RuleProblem::Kind::MissingField) << "id";
        QTest::newRow("empty pattern") << QByteArray("id: a\nfilterPattern: ''\n")
                                       << int(RuleProblem::Kind::MissingField) << "filterPattern";
        QTest::newRow("typo key") << QByteArray("id: a\ntreshold: 5\n" + pattern) << int(RuleProblem::Kind::UnknownKey)
                                  << "treshold";
        QTest::newRow("bad pattern") << QByteArray("id: a\nfilterPattern: '{ $.eventName = }'\n")
                                     << int(RuleProblem::Kind::BadPattern) << "";
        QTest::newRow("zero threshold") << QByteArray("id: a\nthreshold: 0\n" + pattern)
                                        << int(RuleProblem::Kind::BadValue) << "threshold: a whole number from 1";
        QTest::newRow("long period") << QByteArray("id: a\nperiodMinutes: 2000\n" + pattern)
                                     << int(RuleProblem::Kind::BadValue)
                                     << "periodMinutes: a whole number from 1 to 1440";
        QTest::newRow("level") << QByteArray("id: a\nlevel: severe\n" + pattern) << int(RuleProblem::Kind::BadValue)
                               << "level: severe";
        QTest::newRow("not yaml") << QByteArray("id: [a\n" + pattern) << int(RuleProblem::Kind::NotYaml) << "";
    }

    void metricFilterFileProblems()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        const auto rule = parseMetricFilterRule(text);
        QVERIFY(!rule.has_value());
        QCOMPARE(int(rule.error().kind), kind);
        if (!detail.isEmpty())
            QCOMPARE(rule.error().detail, detail);
        else
            QVERIFY(!rule.error().detail.isEmpty()); // the parser says where
    }

    void shippedRulesWriteAsRuleFiles()
    {
        // Every shipped rule, written as a rule file, reads back to the same rule (the rules dialog shows them so,
        // and a copy becomes the analyst's own).
        for (const MetricFilterRule& shipped : shippedRules()) {
            const QByteArray yaml = metricFilterRuleYaml(shipped);
            const auto back = parseMetricFilterRule(yaml);
            QVERIFY2(back.has_value(),
                     QByteArray(yaml + (back ? QByteArray() : describeProblem(back.error()).toUtf8())).constData());
            QCOMPARE(back->pattern, shipped.pattern);
            QCOMPARE(back->threshold, shipped.threshold);
            QCOMPARE(back->windowMinutes, shipped.windowMinutes);
            QCOMPARE(back->info.id, shipped.info.id);
            QCOMPARE(back->info.title, shipped.info.title);
            QCOMPARE(back->info.level, shipped.info.level);
            QCOMPARE(back->info.description, shipped.info.description);
            QCOMPARE(back->info.tags, shipped.info.tags);
        }
    }

    void ruleTextPicksItsKind()
    {
        const auto metric = parseRuleText(CallerRule);
        QVERIFY(metric.has_value());
        QVERIFY(std::holds_alternative<MetricFilterRule>(*metric));
        const auto sigma = parseRuleText(SigmaRuleText);
        QVERIFY(sigma.has_value());
        QVERIFY(std::holds_alternative<SigmaRule>(*sigma));
        QCOMPARE(ruleInfoOf(*sigma).title, QStringLiteral("Bucket listed"));
    }

    void attackLabelsFromTags()
    {
        const AttackLabels labels = attackLabels({QStringLiteral("attack.persistence"), QStringLiteral("cis.4.3"),
                                                  QStringLiteral("attack.t1098"), QStringLiteral("attack.g0016"),
                                                  QStringLiteral("attack.initial-access"),
                                                  QStringLiteral("attack.T1078.004"), QStringLiteral("attack.t1098"),
                                                  QStringLiteral("attack.stealth"), QStringLiteral("attack.new-one")});
        QCOMPARE(labels.techniques, (QStringList{QStringLiteral("T1098"), QStringLiteral("T1078.004")}));
        QStringList names, ids;
        for (const AttackTactic& tactic : labels.tactics) {
            names << tactic.name;
            ids << tactic.id;
        }
        // Matrix order, not tag order; a tactic the table does not know comes last, named from its tag.
        QCOMPARE(names, (QStringList{QStringLiteral("Initial Access"), QStringLiteral("Persistence"),
                                     QStringLiteral("Stealth"), QStringLiteral("New One")}));
        QCOMPARE(ids, (QStringList{QStringLiteral("TA0001"), QStringLiteral("TA0003"), QString(), QString()}));
        QVERIFY(attackLabels({QStringLiteral("cis.4.1")}).isEmpty());
    }

    void shippedRulesCarryAttackContext()
    {
        int labelled = 0;
        for (const MetricFilterRule& rule : shippedRules())
            labelled += attackLabels(rule.info.tags).isEmpty() ? 0 : 1;
        QVERIFY2(labelled >= 12, qPrintable(QString::number(labelled)));
    }

    void storeKeepsRulesAndSwitches()
    {
        const QString path = casePath(QStringLiteral("store.tscase"));
        auto store = RuleStore::open(path);
        QVERIFY(store.has_value());
        QCOMPARE(store->save(CallerRule).value_or(QString()), QStringLiteral("user.caller-identity"));
        QCOMPARE(store->save(SigmaRuleText).value_or(QString()),
                 QStringLiteral("0b7a1c2e-0000-4000-8000-000000000001"));
        // A shipped rule's id and text that does not load are refused, saying why.
        const auto shipped = store->save("id: CloudWatch.1\nfilterPattern: '{ $.eventName = X }'\n");
        QVERIFY(!shipped.has_value());
        QVERIFY2(shipped.error().detail.contains(u"shipped"), qPrintable(shipped.error().detail));
        const auto broken = store->save("id: user.x\nfilterPattern: '{ $.eventName = }'\n");
        QVERIFY(!broken.has_value());
        QVERIFY(broken.error().detail.contains(u"filter pattern"));
        // An edit that changes the id moves the rule.
        QByteArray renamed = CallerRule;
        renamed.replace("user.caller-identity", "user.whoami");
        QCOMPARE(store->save(renamed, QStringLiteral("user.caller-identity")).value_or(QString()),
                 QStringLiteral("user.whoami"));
        QVERIFY(store->setEnabled(QStringLiteral("CloudWatch.2"), false).has_value());
        QVERIFY(store->setEnabled(QStringLiteral("user.whoami"), false).has_value());
        QVERIFY(store->setEnabled(QStringLiteral("user.whoami"), true).has_value());

        auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto read = readCaseRules(*db);
        QVERIFY(read.has_value());
        QCOMPARE(read->rules.size(), std::size_t(2));
        QCOMPARE(read->rules[0].ruleId, QStringLiteral("0b7a1c2e-0000-4000-8000-000000000001"));
        QCOMPARE(read->rules[1].ruleId, QStringLiteral("user.whoami"));
        QCOMPARE(read->rules[1].text, renamed);
        QCOMPARE(read->disabled, QSet<QString>{QStringLiteral("CloudWatch.2")});

        const auto set = caseRuleSet(*db);
        QVERIFY(set.has_value());
        QCOMPARE(set->metricFilters.size(), shippedRules().size()); // one shipped off, one own on
        QVERIFY(std::none_of(set->metricFilters.begin(), set->metricFilters.end(),
                             [](const MetricFilterRule& r) { return r.info.id == u"CloudWatch.2"; }));
        QCOMPARE(set->metricFilters.back().info.id, QStringLiteral("user.whoami"));
        QCOMPARE(set->sigma.size(), std::size_t(1));

        QVERIFY(store->remove(QStringLiteral("user.whoami")).has_value());
        QCOMPARE(store->read()->rules.size(), std::size_t(1));
    }

    void caseWithoutRuleTablesHasNone()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto set = caseRuleSet(*db);
        QVERIFY(set.has_value());
        QCOMPARE(set->metricFilters.size(), shippedRules().size());
        QVERIFY(set->sigma.empty() && set->unsupported.empty());
    }

    void folderRoundTrip()
    {
        const QString from = casePath(QStringLiteral("from.tscase")), to = casePath(QStringLiteral("to.tscase"));
        auto store = RuleStore::open(from);
        QVERIFY(store.has_value());
        QVERIFY(store->save(CallerRule).has_value());
        QVERIFY(store->save(SigmaRuleText).has_value());
        QVERIFY(store->setEnabled(QStringLiteral("CloudWatch.6"), false).has_value());
        const QString folder = m_dir.filePath(QStringLiteral("exported"));
        const auto written = exportRuleFolder(*store->read(), folder);
        QVERIFY(written.has_value());
        QCOMPARE(*written, 3);
        QVERIFY(QFile::exists(folder + QStringLiteral("/user.caller-identity.yml")));
        writeFile(folder, QStringLiteral("broken.yml"), "id: user.b\nfilterPattern: '{ $.x = }'\n");

        auto target = RuleStore::open(to);
        QVERIFY(target.has_value());
        const auto imported = importRuleFolder(*target, folder);
        QVERIFY(imported.has_value());
        QCOMPARE(imported->imported.size(), 2);
        QCOMPARE(imported->unsupported.size(), std::size_t(1));
        QVERIFY(imported->unsupported[0].path.endsWith(u"broken.yml"));
        const auto copied = target->read();
        QCOMPARE(copied->rules.size(), std::size_t(2));
        QCOMPARE(copied->disabled, QSet<QString>{QStringLiteral("CloudWatch.6")});
        QCOMPARE(copied->rules[1].text, CallerRule); // byte for byte, comments and all
    }

    void commandLine()
    {
        const QString path = casePath(QStringLiteral("cli.tscase"));
        const QString file = writeFile(m_dir.path(), QStringLiteral("caller.yml"), CallerRule);
        CliRun run = runCli({QStringLiteral("rules"), path, QStringLiteral("--add"), file});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY(run.out.contains("stored user.caller-identity"));
        run = runCli({QStringLiteral("detect"), path, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, describe(run));
        QStringList fired = firedRules(run);
        QVERIFY2(fired.contains(u"user.caller-identity") && fired.contains(u"CloudWatch.2"),
                 qPrintable(fired.join(u' ')));
        const QJsonArray findings = QJsonDocument::fromJson(run.out).object().value(u"findings").toArray();
        for (const QJsonValue& finding : findings) {
            if (finding[u"rule"][u"id"].toString() != u"user.caller-identity")
                continue;
            QCOMPARE(finding[u"rule"][u"source"].toString(), QStringLiteral("user"));
            QCOMPARE(finding[u"count"].toInt(), 3);
            QCOMPARE(finding[u"rule"][u"techniques"].toArray(), QJsonArray{QStringLiteral("T1087.004")});
            QCOMPARE(finding[u"rule"][u"tactics"][0][u"id"].toString(), QStringLiteral("TA0007"));
        }
        // Switched off: the run leaves it out; --only-shipped ignores the case's rules and switches.
        run = runCli({QStringLiteral("rules"), path, QStringLiteral("--disable"), QStringLiteral("CloudWatch.2"),
                      QStringLiteral("--disable"), QStringLiteral("user.caller-identity")});
        QVERIFY2(run.exitCode == 0, describe(run));
        run = runCli({QStringLiteral("detect"), path, QStringLiteral("--format"), QStringLiteral("json")});
        fired = firedRules(run);
        QVERIFY2(!fired.contains(u"CloudWatch.2") && !fired.contains(u"user.caller-identity"),
                 qPrintable(fired.join(u' ')));
        run = runCli({QStringLiteral("detect"), path, QStringLiteral("--only-shipped"), QStringLiteral("--format"),
                      QStringLiteral("json")});
        fired = firedRules(run);
        QVERIFY2(fired.contains(u"CloudWatch.2") && !fired.contains(u"user.caller-identity"),
                 qPrintable(fired.join(u' ')));
        run = runCli({QStringLiteral("rules"), path});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(run.out.contains("no   cis"), run.out);
        // A rule that does not load is refused with the file and the reason; exit 4.
        const QString bad = writeFile(m_dir.path(), QStringLiteral("bad.yml"),
                                      "id: user.b\nthreshold: x\nfilterPattern: '{ $.a = 1 }'\n");
        run = runCli({QStringLiteral("rules"), path, QStringLiteral("--add"), bad});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("bad.yml") && run.err.contains("threshold: a whole number"), run.err);
    }
};

QTEST_GUILESS_MAIN(TestCaseRules)
#include "tst_caserules.moc"
