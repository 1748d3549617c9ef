#include "climain.h"

#include "exitcodes.h"

#include "query/searchvalues.h"

#include "trailscopeversion.h"

#include <cstdio>

namespace Trailscope::Cli {

namespace {

const char Usage[] = R"(Usage: trailscope-cli COMMAND [OPTIONS] ...

Commands:
  detect CASE           run the shipped detection rules (CIS alarms, Trailscope's) and Sigma rules over a case
  export CASE           write a search's events, a query's result, the starred events, a finding's events or the
                        case summary to a file: CSV, {"Records":[...]} JSON or JSON Lines
  import CASE PATH...   import trail files, folders and archives into CASE (created when missing)
  info CASE             summarise a case: events, time span, accounts, regions, coverage, import sessions
  insights CASE         CloudTrail Insights computed offline, AWS's delivered ones, and first-seen activity
  lookup CASE SEARCH    look up events by the search-bar language or a {...} filter pattern, newest first
  query CASE SQL        run CloudTrail Lake SQL (or SQLite SQL over the case schema), read-only
  rules CASE            list the case's detection rules; add, remove, switch off and on, export, import a folder
  story CASE            the chain of access keys behind a key, ARN or event, from its origin, and every event
                        done with any of them (--key AKID | --arn ARN | --event ID)
  verify PATH|CASE      validate log files against their digest files (hashes, chains, signatures), offline

Run 'trailscope-cli COMMAND --help' for the options of a command, 'trailscope-cli --version' for the version.
)";

} // namespace

void printOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void printColumns(const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        printOut(line + u'\n');
    }
}

void printErr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

std::optional<std::int64_t> timeOption(const QCommandLineParser& parser, const QCommandLineOption& option, bool& bad)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const auto span = Core::Query::parseTimeSpan(parser.value(option).trimmed());
    bad = bad || !span;
    // Both bounds take the start of what was written: --start 2026-02-21 --end 2026-02-22 is that one day.
    return span ? std::optional<std::int64_t>(span->start) : std::nullopt;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printErr(parser.errorText() + u'\n');
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    return std::nullopt;
}

int runCli(const QStringList& arguments)
{
    if (arguments.size() < 2) {
        printErr(QString::fromLatin1(Usage));
        return ExitUsage;
    }
    const QString command = arguments.at(1);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("detect"))
        return runDetect(rest);
    if (command == QLatin1String("export"))
        return runExport(rest);
    if (command == QLatin1String("import"))
        return runImport(rest);
    if (command == QLatin1String("info"))
        return runInfo(rest);
    if (command == QLatin1String("insights"))
        return runInsights(rest);
    if (command == QLatin1String("lookup"))
        return runLookup(rest);
    if (command == QLatin1String("query"))
        return runQuery(rest);
    if (command == QLatin1String("rules"))
        return runRules(rest);
    if (command == QLatin1String("story"))
        return runStory(rest);
    if (command == QLatin1String("verify"))
        return runVerify(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printOut(QString::fromLatin1(Usage));
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        printOut(QStringLiteral("trailscope-cli %1\n").arg(QStringLiteral(TRAILSCOPE_VERSION)));
        return ExitOk;
    }
    printErr(QStringLiteral("trailscope-cli: unknown command '%1'\n\n").arg(command) + QString::fromLatin1(Usage));
    return ExitUsage;
}

} // namespace Trailscope::Cli
