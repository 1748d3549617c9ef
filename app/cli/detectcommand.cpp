#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseschema.h"
#include "detect/attacklabels.h"
#include "detect/detector.h"
#include "detect/rulestore.h"
#include "util/eventtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Detect;

QJsonValue timeValue(std::int64_t epochMs)
{
    return epochMs ? QJsonValue(formatEventTime(epochMs)) : QJsonValue(QJsonValue::Null);
}

void printJson(const RuleSet& rules, const std::vector<Finding>& findings)
{
    QJsonArray unsupported;
    for (const UnsupportedRule& rule : rules.unsupported) {
        QJsonObject entry{{QStringLiteral("path"), rule.path},
                          {QStringLiteral("reason"), describeProblem(rule.problem)}};
        if (!rule.id.isEmpty())
            entry[QStringLiteral("id")] = rule.id;
        unsupported.append(entry);
    }
    QJsonArray list;
    for (const Finding& finding : findings) {
        const AttackLabels labels = attackLabels(finding.rule.tags);
        QJsonArray tactics;
        for (const AttackTactic& tactic : labels.tactics)
            tactics.append(QJsonObject{
                {QStringLiteral("id"), tactic.id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(tactic.id)},
                {QStringLiteral("name"), tactic.name}});
        const QJsonObject rule{{QStringLiteral("id"), finding.rule.id},
                               {QStringLiteral("title"), finding.rule.title},
                               {QStringLiteral("level"), finding.rule.level},
                               {QStringLiteral("source"), ruleSourceName(finding.rule.source)},
                               {QStringLiteral("tags"), QJsonArray::fromStringList(finding.rule.tags)},
                               {QStringLiteral("author"), finding.rule.author},
                               {QStringLiteral("references"), QJsonArray::fromStringList(finding.rule.references)},
                               {QStringLiteral("techniques"), QJsonArray::fromStringList(labels.techniques)},
                               {QStringLiteral("tactics"), tactics}};
        QJsonObject entry{{QStringLiteral("rule"), rule},
                          {QStringLiteral("count"), qint64(finding.count)},
                          {QStringLiteral("first"), timeValue(finding.first)},
                          {QStringLiteral("last"), timeValue(finding.last)},
                          {QStringLiteral("eventIDs"), QJsonArray::fromStringList(finding.eventIds)}};
        if (!finding.windows.empty()) {
            QJsonArray windows;
            for (const FindingWindow& window : finding.windows)
                windows.append(QJsonObject{{QStringLiteral("start"), formatEventTime(window.start)},
                                           {QStringLiteral("end"), formatEventTime(window.end)},
                                           {QStringLiteral("count"), qint64(window.count)}});
            entry[QStringLiteral("windows")] = windows;
        }
        list.append(entry);
    }
    const QJsonObject root{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("loaded"), qint64(rules.loaded())},
                                                                 {QStringLiteral("unsupported"), unsupported}}},
                           {QStringLiteral("findings"), list}};
    printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

void printTable(const RuleSet& rules, const std::vector<Finding>& findings)
{
    printOut(QStringLiteral("Rules: %1 loaded, %2 unsupported; %3 fired\n")
                 .arg(rules.loaded())
                 .arg(rules.unsupported.size())
                 .arg(findings.size()));
    QList<QStringList> rows{{QStringLiteral("LEVEL"), QStringLiteral("SOURCE"), QStringLiteral("RULE"),
                             QStringLiteral("COUNT"), QStringLiteral("FIRST"), QStringLiteral("LAST"),
                             QStringLiteral("TITLE")}};
    for (const Finding& finding : findings)
        rows.append({finding.rule.level, ruleSourceName(finding.rule.source), finding.rule.id,
                     QString::number(finding.count), timeValue(finding.first).toString(QStringLiteral("-")),
                     timeValue(finding.last).toString(QStringLiteral("-")), finding.rule.title});
    printColumns(rows);
    if (!rules.unsupported.empty())
        printOut(QStringLiteral("\nUnsupported rules:\n"));
    for (const UnsupportedRule& rule : rules.unsupported)
        printOut(QStringLiteral("%1  %2\n").arg(rule.path, describeProblem(rule.problem)));
}

} // namespace

int runDetect(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the case's detection rules (the shipped CIS CloudWatch alarms and Trailscope's own, "
                       "and the rules added to the case, less those switched off: see the rules command) and the "
                       "rule files given with --rules over a case, and lists what fired."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        QStringLiteral(
            "Sigma or metric-filter rule file or folder (searched for *.yml, *.yaml), added to the case's rules; "
            "repeatable."),
        QStringLiteral("PATH"));
    const QCommandLineOption onlyShipped(QStringLiteral("only-shipped"),
                                         QStringLiteral("Every shipped rule and nothing else: not the case's own "
                                                        "rules, not the switches."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table or json."), QStringLiteral("F"),
                                    QStringLiteral("table"));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QStringLiteral("Print the milliseconds the rules took to stderr."));
    parser.addOptions({rulesOption, onlyShipped, format, timing});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("detect: needs exactly one CASE\n"));
        return ExitUsage;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("table") && formatName != QLatin1String("json")) {
        printErr(QStringLiteral("detect: --format is table or json\n"));
        return ExitUsage;
    }
    if (parser.isSet(onlyShipped) && parser.isSet(rulesOption)) {
        printErr(QStringLiteral("detect: --only-shipped takes no --rules\n"));
        return ExitUsage;
    }
    const QString casePath = parser.positionalArguments().first();
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        printErr(QStringLiteral("detect: %1\n").arg(db.error().toString()));
        return ExitFatal;
    }
    auto caseRules = parser.isSet(onlyShipped) ? Result<RuleSet>(shippedRuleSet()) : caseRuleSet(*db);
    if (!caseRules) {
        printErr(QStringLiteral("detect: %1\n").arg(caseRules.error().toString()));
        return ExitFatal;
    }
    RuleSet rules = std::move(*caseRules);
    loadRuleFiles(parser.values(rulesOption), rules);
    QElapsedTimer clock;
    clock.start();
    const auto findings = runDetections(casePath, *db, rules);
    if (!findings) {
        printErr(QStringLiteral("detect: %1\n").arg(findings.error().toString()));
        return ExitFatal;
    }
    if (parser.isSet(timing))
        printErr(QStringLiteral("detect: %1 rules, %2 fired in %3 ms\n")
                     .arg(rules.loaded())
                     .arg(findings->size())
                     .arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 1));
    if (formatName == QLatin1String("json"))
        printJson(rules, *findings);
    else
        printTable(rules, *findings);
    for (const UnsupportedRule& rule : rules.unsupported)
        printErr(QStringLiteral("detect: %1: %2\n").arg(rule.path, describeProblem(rule.problem)));
    return rules.unsupported.empty() ? ExitOk : ExitPartial;
}

} // namespace Trailscope::Cli
