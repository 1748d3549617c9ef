#include "climain.h"
#include "exitcodes.h"
#include "terminalprogress.h"

#include "util/csv.h"

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

enum class Format { Table, Csv, Json, Jsonl };

constexpr qsizetype MaxTableCell = 80;
constexpr std::size_t TableBatch = 200;
constexpr qint64 QuietMs = 250; // a statement shows progress once it has run this long: quick ones never flicker

// Ctrl-C cancels the running statement (the one piece of mutable global state a signal handler can reach).
std::atomic<bool> g_cancel(false);

void onInterrupt(int)
{
    g_cancel = true;
}

QString cellText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString jsonText(const QJsonValue& value)
{
    // A value as JSON text: wrap in an array and strip the brackets (QJsonDocument writes containers only).
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Prints one statement's result as rows arrive; the table format measures its widths on the first batch.
class ResultPrinter
{
public:
    ResultPrinter(Format format, const std::vector<OutputColumn>& columns) : m_format(format)
    {
        for (const OutputColumn& column : columns)
            m_names << column.name;
    }

    void begin()
    {
        if (m_format == Format::Csv) {
            printOut(csvLine(m_names));
        } else if (m_format == Format::Json) {
            QJsonArray columns;
            for (const QString& name : m_names)
                columns.append(name);
            printOut(QStringLiteral("{\"columns\":") +
                     QString::fromUtf8(QJsonDocument(columns).toJson(QJsonDocument::Compact)) +
                     QStringLiteral(",\"rows\":["));
        }
    }

    void row(const QJsonArray& values)
    {
        switch (m_format) {
        case Format::Table:
            m_pending.push_back(values);
            if (m_pending.size() >= TableBatch)
                flushTable();
            break;
        case Format::Csv: {
            QStringList cells;
            for (const QJsonValue& value : values)
                cells << cellText(value);
            printOut(csvLine(cells));
            break;
        }
        case Format::Json:
            printOut((m_rows > 0 ? QStringLiteral(",") : QString()) +
                     QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)));
            break;
        case Format::Jsonl: {
            // One object per row; a repeated column name keeps its first value, as a JSON object must.
            QString line = QStringLiteral("{");
            QStringList seen;
            for (qsizetype i = 0; i < values.size() && i < m_names.size(); ++i) {
                if (seen.contains(m_names[i]))
                    continue;
                seen << m_names[i];
                line += (seen.size() > 1 ? QStringLiteral(",") : QString()) + jsonText(m_names[i]) + u':' +
                        jsonText(values[i]);
            }
            printOut(line + QStringLiteral("}\n"));
            break;
        }
        }
        ++m_rows;
    }

    void end()
    {
        if (m_format == Format::Table)
            flushTable();
        else if (m_format == Format::Json)
            printOut(QStringLiteral("]}\n"));
    }

private:
    void flushTable()
    {
        if (m_widths.empty()) {
            for (const QString& name : m_names)
                m_widths.push_back(std::min(name.size(), MaxTableCell));
            for (const QJsonArray& values : m_pending)
                for (qsizetype i = 0; i < values.size() && i < m_names.size(); ++i)
                    m_widths[static_cast<std::size_t>(i)] = std::max(
                        m_widths[static_cast<std::size_t>(i)], std::min(cellText(values[i]).size(), MaxTableCell));
            printLine(m_names);
        }
        for (const QJsonArray& values : m_pending) {
            QStringList cells;
            for (const QJsonValue& value : values)
                cells << cellText(value);
            printLine(cells);
        }
        m_pending.clear();
    }

    void printLine(const QStringList& cells)
    {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QString cell = cells[i];
            cell.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
            if (cell.size() > MaxTableCell)
                cell = cell.left(MaxTableCell - 1) + u'…';
            line += i + 1 < cells.size()
                        ? cell.leftJustified(m_widths[static_cast<std::size_t>(i)]) + QStringLiteral("  ")
                        : cell;
        }
        printOut(line + u'\n');
    }

    Format m_format;
    QStringList m_names;
    std::vector<QJsonArray> m_pending;
    std::vector<qsizetype> m_widths;
    qint64 m_rows = 0;
};

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
std::optional<int> printStatement(LakeQuery& lake, PreparedQuery& statement, Format format, TerminalProgress& progress,
                                  qint64& rows)
{
    ResultPrinter printer(format, statement.columns);
    printer.begin();
    QJsonArray row;
    while (true) {
        const auto more = lake.next(statement, row);
        progress.clear();
        if (!more) {
            printer.end();
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
    printer.end();
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
    static const QStringList Formats{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json"),
                                     QStringLiteral("jsonl")};
    const qsizetype formatIndex = Formats.indexOf(parser.value(format));
    if (formatIndex < 0) {
        printErr(QStringLiteral("query: --format is table, csv, json or jsonl\n"));
        return ExitUsage;
    }
    const auto outputFormat = static_cast<Format>(formatIndex);

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
        if (i > 0 && outputFormat == Format::Table)
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
