#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseinfo.h"
#include "import/importer.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Trailscope::Cli {

namespace {

void printHumanInfo(const QJsonObject& info)
{
    printOut(QStringLiteral("Events:   %1\n").arg(info[QStringLiteral("events")].toInteger()));
    printOut(QStringLiteral("First:    %1\nLast:     %2\n")
                 .arg(info[QStringLiteral("first")].toString(QStringLiteral("-")),
                      info[QStringLiteral("last")].toString(QStringLiteral("-"))));
    printOut(QStringLiteral("Files:    %1 (%2 digest files)\n")
                 .arg(info[QStringLiteral("files")].toInteger())
                 .arg(info[QStringLiteral("digestFiles")].toInteger()));
    const auto list = [](const QJsonArray& array, const QString& key) {
        QStringList parts;
        for (const QJsonValue& value : array)
            parts << QStringLiteral("%1 (%2)")
                         .arg(value[key].toString())
                         .arg(value[QStringLiteral("events")].toInteger());
        return parts.join(QStringLiteral(", "));
    };
    printOut(
        QStringLiteral("Accounts: %1\n").arg(list(info[QStringLiteral("accounts")].toArray(), QStringLiteral("id"))));
    printOut(QStringLiteral("Regions:  %1\n")
                 .arg(list(info[QStringLiteral("regions")].toArray(), QStringLiteral("region"))));
    printOut(QStringLiteral("Coverage:\n"));
    for (const QJsonValue& row : info[QStringLiteral("coverage")].toArray()) {
        printOut(QStringLiteral("  %1 %2  %3 .. %4  %5 events, %6 gaps\n")
                     .arg(row[QStringLiteral("account")].toString(), row[QStringLiteral("region")].toString(),
                          row[QStringLiteral("first")].toString(), row[QStringLiteral("last")].toString())
                     .arg(row[QStringLiteral("events")].toInteger())
                     .arg(row[QStringLiteral("gaps")].toArray().size()));
        for (const QJsonValue& gap : row[QStringLiteral("gaps")].toArray())
            printOut(QStringLiteral("      gap %1 .. %2 (%3 min)\n")
                         .arg(gap[QStringLiteral("from")].toString(), gap[QStringLiteral("to")].toString())
                         .arg(gap[QStringLiteral("minutes")].toInteger()));
    }
    printOut(QStringLiteral("Import sessions:\n"));
    for (const QJsonValue& session : info[QStringLiteral("sessions")].toArray()) {
        printOut(QStringLiteral("  #%1 %2 %3: %4 files, %5 events, %6 duplicates, %7 rejected\n")
                     .arg(session[QStringLiteral("id")].toInteger())
                     .arg(session[QStringLiteral("started")].toString(), session[QStringLiteral("status")].toString())
                     .arg(session[QStringLiteral("files")].toInteger())
                     .arg(session[QStringLiteral("events")].toInteger())
                     .arg(session[QStringLiteral("duplicates")].toInteger())
                     .arg(session[QStringLiteral("rejected")].toInteger()));
    }
}

} // namespace

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise a case."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    parser.addOption(json);
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("info: needs exactly one CASE\n"));
        return ExitUsage;
    }
    const QString casePath = parser.positionalArguments().first();
    const auto info = Core::readCaseInfo(casePath);
    if (!info) {
        printErr(QStringLiteral("info: %1\n").arg(info.error().toString()));
        return ExitFatal;
    }
    // Indexes a crash or cancel left unbuilt are finished before returning (the CLI waits for them); a read-only
    // case is still described.
    if (auto indexed = Core::Importer::completeIndexes(casePath); !indexed)
        printErr(QStringLiteral("info: could not finish the indexes: %1\n").arg(indexed.error().toString()));
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(*info).toJson(QJsonDocument::Indented)));
    else
        printHumanInfo(*info);
    return ExitOk;
}

} // namespace Trailscope::Cli
