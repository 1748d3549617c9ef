#include "climain.h"
#include "exitcodes.h"
#include "terminalprogress.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "export/resultwriter.h"
#include "query/eventcolumns.h"
#include "query/eventrows.h"
#include "query/searchparser.h"
#include "query/searchsql.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;

enum class Format { Table, Csv, Json, Jsonl };

constexpr int BatchSize = 1000;
// A lookup shows progress once it has run this long, so quick ones never flicker; TRAILSCOPE_PROGRESS_AFTER_MS
// overrides it (tests use 0).
qint64 quietMs()
{
    bool set = false;
    const int value = qEnvironmentVariableIntValue("TRAILSCOPE_PROGRESS_AFTER_MS", &set);
    return set && value >= 0 ? value : 250;
}

std::atomic<bool> g_interrupted(false);

void onInterrupt(int)
{
    g_interrupted = true;
}

// Watches a lookup from SQLite's progress handler: stops it on Ctrl-C and, when it reads raw records (free text,
// unmapped `{…}` selectors) and stderr is a terminal, shows how many of the window's events it has examined.
class LookupWatch
{
public:
    LookupWatch(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options,
                TerminalProgress& progress)
        : m_db(db), m_progress(progress), m_base(db.examinedEvents()->load())
    {
        if (search.readsRawRecords && progress.enabled()) {
            std::string sql = "SELECT count(*) FROM events WHERE 1";
            if (options.start)
                sql += " AND time >= " + std::to_string(*options.start);
            if (options.end)
                sql += " AND time < " + std::to_string(*options.end);
            m_total = db.queryInt(sql).value_or(0);
        }
        m_clock.start();
        // A scan is watched closely (a raw record costs far more than a hundred steps); otherwise only Ctrl-C.
        sqlite3_progress_handler(db.handle(), m_total > 0 ? 100 : 20000, &LookupWatch::step, this);
    }
    ~LookupWatch() { sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr); }
    LookupWatch(const LookupWatch&) = delete;
    LookupWatch& operator=(const LookupWatch&) = delete;

private:
    static int step(void* self)
    {
        auto* watch = static_cast<LookupWatch*>(self);
        if (g_interrupted)
            return 1;
        if (watch->m_total > 0 && watch->m_clock.elapsed() >= watch->m_quietMs)
            watch->m_progress.updateExamined(watch->m_db.examinedEvents()->load() - watch->m_base, watch->m_total);
        return 0;
    }

    Sql::Database& m_db;
    TerminalProgress& m_progress;
    std::int64_t m_base;
    qint64 m_total = 0;
    qint64 m_quietMs = quietMs();
    QElapsedTimer m_clock;
};

// The columns of query/eventcolumns.cpp: Event history's labels for people (table, CSV); CloudTrail's own key names,
// which are also search fields, for JSON.
QString labelOf(const EventColumn& column)
{
    return QString::fromLatin1(column.title);
}

QJsonArray rowValues(const EventRow& row)
{
    QJsonArray values;
    for (const EventColumn& column : eventColumns()) {
        const QString text = column.text(row);
        if (text.isEmpty())
            values.append(QJsonValue());
        else if (fieldOf(column).kind == ValueKind::Boolean)
            values.append(text == u"true");
        else
            values.append(text);
    }
    return values;
}

bool writeOut(const QByteArray& bytes)
{
    return std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout) ==
           static_cast<size_t>(bytes.size());
}

// Prints pages of results in the chosen format as they arrive, so `--limit 0` streams: the columns through the
// shared result writer, `jsonl` as each raw record.
class LookupPrinter
{
public:
    LookupPrinter(Format format, Sql::Database& db) : m_format(format), m_rows(db), m_raw(db)
    {
        if (format == Format::Table)
            m_writer.emplace(Export::Format::Table, &writeOut);
        else if (format == Format::Csv)
            m_writer.emplace(Export::Format::Csv, &writeOut);
        else if (format == Format::Json)
            m_writer.emplace(Export::Format::Json, &writeOut);
    }

    void begin()
    {
        if (!m_writer)
            return;
        // People read Event history's labels (table, CSV); JSON has CloudTrail's key names, also search fields.
        QStringList header;
        for (const EventColumn& column : eventColumns())
            header << (m_format == Format::Json
                           ? QString::fromLatin1(column.id.data(), static_cast<qsizetype>(column.id.size()))
                           : labelOf(column));
        m_writer->begin(header);
    }

    Result<void> write(const std::vector<EventKey>& page)
    {
        for (const EventKey& key : page) {
            if (!m_writer) {
                auto record = m_raw.eventRecord(key.rowId);
                if (!record)
                    return std::unexpected(record.error());
                // Records from pretty-printed sources span lines; line breaks between JSON tokens can go.
                std::erase_if(*record, [](char c) { return c == '\n' || c == '\r'; });
                *record += '\n';
                std::fwrite(record->data(), 1, record->size(), stdout);
                continue;
            }
            const auto row = m_rows.read(key.rowId);
            if (!row)
                return std::unexpected(row.error());
            m_writer->row(rowValues(*row));
        }
        return {};
    }

    void end()
    {
        if (m_writer)
            m_writer->finish(); // a table with no rows is its header alone: "no matches", and what would show
    }

private:
    Format m_format;
    EventRowReader m_rows;
    RawRecordReader m_raw;
    std::optional<Export::ResultWriter> m_writer;
};

} // namespace

int runLookup(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Look up events: newest first, by the search-bar language or a {…} CloudWatch filter pattern."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    parser.addPositionalArgument(QStringLiteral("SEARCH"),
                                 QStringLiteral("e.g. 'eventName:RunInstances -readOnly:true ip:10.0.0.0/8' or "
                                                "'{ $.errorCode = \"AccessDenied*\" }'; empty matches every event."));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("From T (inclusive; UTC unless a zone)."),
                                   QStringLiteral("T"));
    const QCommandLineOption end(QStringLiteral("end"), QStringLiteral("Until T (exclusive)."), QStringLiteral("T"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N events (default 50; 0 = all)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption ascending(QStringLiteral("asc"), QStringLiteral("Oldest first."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("table, csv, json, or jsonl (each raw record on one line)."),
                                    QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QStringLiteral("Print the events found and the milliseconds the search took (from "
                                                   "the open case to the last event written) to stderr."));
    parser.addOptions({start, end, limit, ascending, format, timing});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(QStringLiteral("lookup: needs CASE and SEARCH (\"\" for every event)\n"));
        return ExitUsage;
    }
    static const QStringList Formats{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json"),
                                     QStringLiteral("jsonl")};
    const qsizetype formatIndex = Formats.indexOf(parser.value(format));
    if (formatIndex < 0) {
        printErr(QStringLiteral("lookup: --format is table, csv, json or jsonl\n"));
        return ExitUsage;
    }
    const auto outputFormat = static_cast<Format>(formatIndex);
    bool limitOk = false;
    const int maxEvents = parser.value(limit).toInt(&limitOk);
    if (!limitOk || maxEvents < 0) {
        printErr(QStringLiteral("lookup: --limit wants a number, 0 for all\n"));
        return ExitUsage;
    }
    SearchOptions options;
    bool badTime = false;
    options.start = timeOption(parser, start, badTime);
    options.end = timeOption(parser, end, badTime);
    if (badTime) {
        printErr(QStringLiteral("lookup: --start and --end want a time like 2026-02-21 or 2026-02-21T18:00Z\n"));
        return ExitUsage;
    }
    options.order = parser.isSet(ascending) ? SortOrder::OldestFirst : SortOrder::NewestFirst;

    const auto search = parseSearch(positional.at(1));
    if (!search) {
        printErr(QStringLiteral("1:%1: %2\n").arg(search.error().position + 1).arg(search.error().message));
        return ExitQueryError;
    }
    auto db = CaseSchema::open(positional.at(0), CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        printErr(QStringLiteral("lookup: %1\n").arg(db.error().toString()));
        return ExitFatal;
    }
    QElapsedTimer clock;
    clock.start();
    auto events = EventSearch::create(*db, *search, options);
    if (!events) {
        printErr(QStringLiteral("1:1: %1\n").arg(events.error().detail));
        return ExitQueryError;
    }
    LookupPrinter writer(outputFormat, *db);
    writer.begin();
    std::signal(SIGINT, onInterrupt);
    TerminalProgress progress;
    LookupWatch watch(*db, events->compiled(), options, progress);
    std::optional<EventKey> after;
    int printed = 0;
    while (maxEvents == 0 || printed < maxEvents) {
        const int wanted = maxEvents == 0 ? BatchSize : std::min(BatchSize, maxEvents - printed);
        const auto page = events->page(after, wanted);
        progress.clear(); // rows printed to the same terminal start on a clean line
        if (g_interrupted) {
            writer.end();
            std::fflush(stdout);
            printErr(QStringLiteral("lookup: interrupted\n"));
            return ExitInterrupted;
        }
        const auto written = page ? writer.write(*page) : Result<void>(std::unexpected(page.error()));
        if (!written) {
            printErr(QStringLiteral("lookup: %1\n").arg(written.error().toString()));
            return ExitFatal;
        }
        printed += static_cast<int>(page->size());
        if (static_cast<int>(page->size()) < wanted)
            break;
        after = page->back();
    }
    writer.end();
    if (parser.isSet(timing)) {
        std::fflush(stdout);
        printErr(QStringLiteral("lookup: %1 events in %2 ms\n")
                     .arg(printed)
                     .arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 2));
    }
    return ExitOk;
}

} // namespace Trailscope::Cli
