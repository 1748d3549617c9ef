#include "climain.h"
#include "exitcodes.h"
#include "terminalprogress.h"

#include "export/resultwriter.h"

#include "query/lake/lakequery.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <optional>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;

constexpr qint64 QuietMs = 250; // a statement shows progress once it has run this long: quick ones never flicker

// Ctrl-C cancels the running statement (the one piece of mutable global state a signal handler can reach).
std::atomic<bool> g_cancel(false);

void onInterrupt(int)
{
    g_cancel = true;
}

// Standard output as the shared writer's sink.
bool writeOut(const QByteArray& bytes)
{
    return std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout) ==
           static_cast<size_t>(bytes.size());
}

// QCommandLineParser takes every argument that starts with '-' for options, so SQL that opens with a `--` comment
// would be refused as an unknown option. No option name holds white space: an argument that does before any '='
// is positional. Such arguments (before a `--` that ends the options) are swapped for placeholders while parsing.
class PositionalArguments
{
public:
    QStringList shield(const QStringList& arguments)
    {
        QStringList shielded;
        bool options = true;
        for (const QString& argument : arguments) {
            options = options && argument != QLatin1String("--");
            if (options && cannotBeOption(argument)) {
                const QString placeholder = QStringLiteral("\uE000%1").arg(m_originals.size());
                m_originals.insert(placeholder, argument);
                shielded << placeholder;
            } else {
                shielded << argument;
            }
        }
        return shielded;
    }

    QStringList restore(QStringList positional) const
    {
        for (QString& argument : positional)
            argument = m_originals.value(argument, argument);
        return positional;
    }

private:
    static bool cannotBeOption(const QString& argument)
    {
        if (!argument.startsWith(u'-'))
            return false;
        const qsizetype equals = argument.indexOf(u'=');
        const QStringView name = QStringView(argument).first(equals < 0 ? argument.size() : equals);
        return std::any_of(name.begin(), name.end(), [](QChar c) { return c.isSpace(); });
    }

    QHash<QString, QString> m_originals; ///< placeholder → the argument
};

// Runs one statement, printing its rows as they come; the exit code when it fails.
std::optional<int> printStatement(LakeQuery& lake, PreparedQuery& statement, Export::Format format,
                                  TerminalProgress& progress, qint64& rows)
{
    QStringList names;
    for (const OutputColumn& column : statement.columns)
        names << column.name;
    Export::ResultWriter printer(format, &writeOut);
    printer.begin(names);
    QJsonArray row;
    while (true) {
        const auto more = lake.next(statement, row);
        progress.clear();
        if (!more) {
            printer.finish();
            std::fflush(stdout);
            if (more.error().code == ErrorCode::Cancelled) {
                printErr(QStringLiteral("query: interrupted\n"));
                return ExitInterrupted;
            }
            printErr(describeQueryError(more.error()) + u'\n');
            return ExitQueryError;
        }
        if (!*more)
            break;
        printer.row(row);
        ++rows;
    }
    printer.finish();
    return std::nullopt;
}

} // namespace

int runQuery(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run CloudTrail Lake SQL (or plain SQLite SQL over the case schema) on a case, read-only. On "
                       "a terminal, a long statement shows on stderr how many events it has examined."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    parser.addPositionalArgument(QStringLiteral("SQL"),
                                 QStringLiteral("e.g. \"SELECT eventName, count(*) FROM cloudtrail_logs GROUP BY 1\"; "
                                                "several statements separated by ';' print one result each. SQL may "
                                                "open with a -- comment; '--' alone ends the options."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("table, csv, json ({\"columns\", \"rows\"}) or jsonl (an object per row)."), QStringLiteral("F"),
        QStringLiteral("table"));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QStringLiteral("Print each statement's row count and milliseconds to stderr."));
    parser.addOptions({format, timing});
    PositionalArguments sqlArguments;
    if (const auto stop = parseArguments(parser, sqlArguments.shield(arguments)))
        return *stop;
    const QStringList positional = sqlArguments.restore(parser.positionalArguments());
    if (positional.size() != 2) {
        printErr(QStringLiteral("query: needs CASE and SQL\n"));
        return ExitUsage;
    }
    const auto chosenFormat = Export::formatNamed(parser.value(format));
    if (!chosenFormat) {
        printErr(QStringLiteral("query: --format is table, csv, json or jsonl\n"));
        return ExitUsage;
    }
    const Export::Format outputFormat = *chosenFormat;

    auto lake = LakeQuery::open(positional.at(0));
    if (!lake) {
        printErr(QStringLiteral("query: %1\n").arg(lake.error().toString()));
        return ExitFatal;
    }
    QElapsedTimer clock;
    // Ctrl-C always; progress only on a terminal: only then do statements count the events they examine.
    TerminalProgress progress;
    (*lake)->setProgressHandler(
        [&](const QueryProgress& done) {
            if (clock.elapsed() >= QuietMs)
                progress.update(done);
            return !g_cancel.load();
        },
        progress.enabled());
    clock.start();
    auto statements = (*lake)->prepare(positional.at(1));
    const qint64 prepareMs = clock.elapsed();
    if (!statements) {
        printErr(describeQueryError(statements.error()) + u'\n');
        return ExitQueryError;
    }
    g_cancel = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    for (std::size_t i = 0; i < statements->size(); ++i) {
        PreparedQuery& statement = (*statements)[i];
        if (i > 0 && outputFormat == Export::Format::Table)
            printOut(QStringLiteral("\n"));
        clock.restart();
        qint64 rows = 0;
        if (const auto failed = printStatement(**lake, statement, outputFormat, progress, rows))
            return *failed;
        if (parser.isSet(timing))
            printErr(QStringLiteral("statement %1: %2 rows in %3 ms (all statements prepared in %4 ms)\n")
                         .arg(i + 1)
                         .arg(rows)
                         .arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 2)
                         .arg(prepareMs));
    }
    return ExitOk;
}

} // namespace Trailscope::Cli
