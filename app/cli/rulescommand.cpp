#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseschema.h"
#include "detect/rulefile.h"
#include "detect/rulestore.h"
#include "detect/shippedrules.h"

#include <QCommandLineParser>
#include <QFile>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Detect;

void printList(const CaseRules& stored)
{
    QList<QStringList> rows{{QStringLiteral("ON"), QStringLiteral("SOURCE"), QStringLiteral("LEVEL"),
                             QStringLiteral("RULE"), QStringLiteral("TITLE")}};
    auto add = [&](const RuleInfo& info, const QString& id) {
        rows.append({stored.isEnabled(id) ? QStringLiteral("yes") : QStringLiteral("no"), ruleSourceName(info.source),
                     info.level, id, info.title});
    };
    for (const MetricFilterRule& rule : shippedRules())
        add(rule.info, rule.info.id);
    for (const StoredRule& rule : stored.rules) {
        const auto parsed = parseRuleText(rule.text);
        RuleInfo info;
        if (parsed)
            info = ruleInfoOf(*parsed);
        else
            info.title = QStringLiteral("(does not load: %1)").arg(describeProblem(parsed.error()));
        add(info, rule.ruleId);
    }
    printColumns(rows);
}

int failWith(const Error& error)
{
    printErr(QStringLiteral("rules: %1\n").arg(error.toString()));
    return error.code == ErrorCode::QueryRefused ? ExitQueryError : ExitFatal;
}

} // namespace

int runRules(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists a case's detection rules (shipped, and the analyst's own kept in the case) and changes "
                       "them: add a Sigma or metric-filter rule file, remove one, switch rules off and on, export "
                       "the case's rules to a folder or import a folder. With no option: the list."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption add(QStringLiteral("add"), QStringLiteral("Store the rule of FILE in the case."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption remove(QStringLiteral("remove"), QStringLiteral("Remove the case's rule ID."),
                                    QStringLiteral("ID"));
    const QCommandLineOption enable(QStringLiteral("enable"), QStringLiteral("Switch rule ID on."),
                                    QStringLiteral("ID"));
    const QCommandLineOption disable(QStringLiteral("disable"), QStringLiteral("Switch rule ID off."),
                                     QStringLiteral("ID"));
    const QCommandLineOption exportTo(QStringLiteral("export"),
                                      QStringLiteral("Write the case's rules as <id>.yml and disabled.txt to DIR."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption importFrom(QStringLiteral("import"),
                                        QStringLiteral("Store every rule file of DIR that loads; apply its "
                                                       "disabled.txt."),
                                        QStringLiteral("DIR"));
    parser.addOptions({add, remove, enable, disable, exportTo, importFrom});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("rules: needs exactly one CASE\n"));
        return ExitUsage;
    }
    const QString casePath = parser.positionalArguments().first();
    const bool writes = parser.isSet(add) || parser.isSet(remove) || parser.isSet(enable) || parser.isSet(disable) ||
                        parser.isSet(importFrom);
    if (!writes) {
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            return failWith(db.error());
        auto stored = readCaseRules(*db);
        if (!stored)
            return failWith(stored.error());
        if (parser.isSet(exportTo)) {
            auto written = exportRuleFolder(*stored, parser.value(exportTo));
            if (!written)
                return failWith(written.error());
            printOut(QStringLiteral("%1 rules written to %2\n").arg(stored->rules.size()).arg(parser.value(exportTo)));
            return ExitOk;
        }
        printList(*stored);
        return ExitOk;
    }
    auto store = RuleStore::open(casePath);
    if (!store)
        return failWith(store.error());
    if (parser.isSet(add)) {
        QFile file(parser.value(add));
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("rules: %1: %2\n").arg(parser.value(add), file.errorString()));
            return ExitFatal;
        }
        auto saved = store->save(file.readAll());
        if (!saved) {
            printErr(QStringLiteral("rules: %1: %2\n").arg(parser.value(add), saved.error().detail));
            return ExitQueryError;
        }
        printOut(QStringLiteral("stored %1\n").arg(*saved));
    }
    for (const QString& id : parser.values(remove)) {
        if (auto done = store->remove(id); !done)
            return failWith(done.error());
    }
    for (const auto& [option, on] : {std::pair{&enable, true}, std::pair{&disable, false}}) {
        for (const QString& id : parser.values(*option)) {
            if (auto done = store->setEnabled(id, on); !done)
                return failWith(done.error());
        }
    }
    if (parser.isSet(importFrom)) {
        auto imported = importRuleFolder(*store, parser.value(importFrom));
        if (!imported)
            return failWith(imported.error());
        printOut(QStringLiteral("%1 rules imported\n").arg(imported->imported.size()));
        for (const UnsupportedRule& rule : imported->unsupported)
            printErr(QStringLiteral("rules: %1: %2\n").arg(rule.path, describeProblem(rule.problem)));
        if (!imported->unsupported.empty())
            return ExitPartial;
    }
    return ExitOk;
}

} // namespace Trailscope::Cli
