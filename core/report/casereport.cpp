#include "casereport.h"

#include "casedb/caseinfo.h"
#include "export/eventexport.h"
#include "query/eventcolumns.h"
#include "query/eventrows.h"
#include "query/eventstatistics.h"
#include "query/lake/lakequery.h"
#include "report/casefindings.h"
#include "report/timelinechart.h"
#include "util/eventtime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

namespace Trailscope::Core::Report {

namespace {

constexpr int PageEvents = 1000;
constexpr int SourceFilesShown = 200;
constexpr int TimelineBuckets = 120;

struct PartName
{
    ReportPart part;
    const char* name;
};

constexpr PartName PartNames[] = {{ReportPart::Summary, "summary"},   {ReportPart::Sources, "sources"},
                                  {ReportPart::Scope, "scope"},       {ReportPart::Timeline, "timeline"},
                                  {ReportPart::Findings, "findings"}, {ReportPart::Starred, "starred"},
                                  {ReportPart::Events, "events"}};

QString grouped(std::int64_t n)
{
    QLocale locale(QLocale::English);
    return locale.toString(static_cast<qlonglong>(n));
}

// ISO-8601 UTC as CloudTrail writes it, milliseconds only where there are some: a report's columns are narrow.
QString reportTime(std::int64_t ms)
{
    QString text = formatEventTime(ms);
    if (text.endsWith(QLatin1String(".000Z")))
        text.replace(text.size() - 5, 5, QStringLiteral("Z"));
    return text;
}

QString timeOf(std::int64_t ms)
{
    return ms ? reportTime(ms) : QString();
}

// "123456789012 (5,210), 210987654321 (12)": a counted list of info's, at most `shown` entries.
QString countedList(const QJsonArray& values, const QString& key, int shown = 12)
{
    QStringList parts;
    for (const QJsonValue& value : values) {
        if (parts.size() == shown) {
            parts << QStringLiteral("and %1 more").arg(values.size() - shown);
            break;
        }
        const QJsonObject object = value.toObject();
        parts << QStringLiteral("%1 (%2)").arg(object.value(key).toString(),
                                               grouped(object.value(QStringLiteral("events")).toInteger()));
    }
    return parts.join(QStringLiteral(", "));
}

class Builder
{
public:
    Builder(const QString& casePath, Sql::Database& db, const ReportScope& scope, const CaseReportOptions& options)
        : m_casePath(casePath), m_db(db), m_scope(scope), m_options(options)
    {}

    Result<ReportDocument> build()
    {
        m_document.title =
            m_options.title.isEmpty() ? QStringLiteral("CloudTrail investigation report") : m_options.title;
        m_document.generatedAt = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        m_document.titleLines << QStringLiteral("Case: %1").arg(m_casePath) << scopeLine()
                              << QStringLiteral("Made by Trailscope on %1").arg(m_document.generatedAt);
        if (m_options.findings) {
            m_findings = *m_options.findings;
        } else if (m_scope.kind == ReportScope::Kind::Finding || wants(ReportPart::Findings)) {
            stage(QStringLiteral("Finding detections and insights"));
            auto findings = caseFindings(m_casePath, m_db);
            if (!findings)
                return std::unexpected(findings.error());
            m_findings = std::move(*findings);
        }
        if (auto rows = scopeRows(); !rows)
            return std::unexpected(rows.error());
        using Step = Result<void> (Builder::*)();
        // What the reader needs first first; the file list, evidence for whoever checks it, last.
        const std::pair<ReportPart, Step> steps[] = {
            {ReportPart::Summary, &Builder::summary},   {ReportPart::Scope, &Builder::scopeSection},
            {ReportPart::Timeline, &Builder::timeline}, {ReportPart::Findings, &Builder::findings},
            {ReportPart::Starred, &Builder::starred},   {ReportPart::Events, &Builder::events},
            {ReportPart::Sources, &Builder::sources}};
        for (const auto& [part, step] : steps) {
            if (!wants(part))
                continue;
            if (cancelled())
                return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
            if (auto done = (this->*step)(); !done)
                return std::unexpected(done.error());
        }
        return std::move(m_document);
    }

private:
    bool wants(ReportPart part) const { return (m_options.parts & static_cast<unsigned>(part)) != 0; }
    bool cancelled() const { return m_options.cancelled && m_options.cancelled->load(); }
    void stage(const QString& what) const
    {
        if (m_options.progress)
            m_options.progress(what);
    }

    QString windowText() const
    {
        QStringList parts;
        if (m_scope.window.start)
            parts << QStringLiteral("from %1").arg(formatEventTime(*m_scope.window.start));
        if (m_scope.window.end)
            parts << QStringLiteral("until %1").arg(formatEventTime(*m_scope.window.end));
        parts << (m_scope.window.order == Query::SortOrder::OldestFirst ? QStringLiteral("oldest first")
                                                                        : QStringLiteral("newest first"));
        return parts.join(QStringLiteral(", "));
    }

    QString scopeLine() const
    {
        switch (m_scope.kind) {
        case ReportScope::Kind::Search:
            return m_scope.text.trimmed().isEmpty()
                       ? QStringLiteral("Scope: every event (%1)").arg(windowText())
                       : QStringLiteral("Scope: the search %1 (%2)").arg(m_scope.text.trimmed(), windowText());
        case ReportScope::Kind::Query:
            return QStringLiteral("Scope: the result of a query");
        case ReportScope::Kind::Starred:
            return QStringLiteral("Scope: the starred events (%1)").arg(windowText());
        case ReportScope::Kind::Finding:
            return QStringLiteral("Scope: the events of the finding %1")
                .arg(m_scope.finding ? m_scope.finding->id : m_scope.text);
        case ReportScope::Kind::Summary:
            return QStringLiteral("Scope: the case summary");
        }
        return {};
    }

    // The scope's event rows (at most the limit) and how many there are; a query's rows as text.
    Result<void> scopeRows()
    {
        switch (m_scope.kind) {
        case ReportScope::Kind::Search:
            return searchRows(Query::compileSearch(m_scope.search, m_scope.within));
        case ReportScope::Kind::Starred: {
            auto notes = Export::starredNotes(m_db);
            if (!notes)
                return std::unexpected(notes.error());
            m_notes = std::move(*notes);
            if (m_notes.empty())
                return {};
            Query::SearchScope starredOnly;
            starredOnly.starredOnly = true;
            return searchRows(Query::compileSearch(Query::SearchNode{}, starredOnly));
        }
        case ReportScope::Kind::Finding:
            if (m_scope.finding)
                return findingRows(*m_scope.finding);
            for (const CaseFinding& finding : m_findings) {
                if (finding.id == m_scope.text)
                    return findingRows(finding);
            }
            return std::unexpected(Error{ErrorCode::QueryFailed,
                                         QStringLiteral("no finding %1 in the case (ids: the RULE column of `detect`, "
                                                        "the sharedEventID of `insights --format json`)")
                                             .arg(m_scope.text)});
        case ReportScope::Kind::Query:
            return queryRows();
        case ReportScope::Kind::Summary:
            return {};
        }
        return {};
    }

    Result<void> findingRows(const CaseFinding& finding)
    {
        m_finding = &finding;
        m_total = static_cast<std::int64_t>(finding.eventRows.size());
        m_rows.assign(finding.eventRows.begin(),
                      finding.eventRows.begin() +
                          std::min<std::ptrdiff_t>(m_options.eventLimit, static_cast<std::ptrdiff_t>(m_total)));
        return {};
    }

    Result<void> searchRows(const Query::CompiledSearch& search)
    {
        stage(QStringLiteral("Reading the events"));
        m_search = search;
        auto total = Query::countEvents(m_db, search, m_scope.window);
        if (!total)
            return std::unexpected(total.error());
        m_total = *total;
        auto events = Query::EventSearch::create(m_db, search, m_scope.window);
        if (!events)
            return std::unexpected(events.error());
        std::optional<Query::EventKey> after;
        while (static_cast<int>(m_rows.size()) < m_options.eventLimit) {
            if (cancelled())
                return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
            const int want = std::min(PageEvents, m_options.eventLimit - static_cast<int>(m_rows.size()));
            auto page = events->page(after, want);
            if (!page)
                return std::unexpected(page.error());
            for (const Query::EventKey& key : *page)
                m_rows.push_back(key.rowId);
            if (static_cast<int>(page->size()) < want)
                break;
            after = page->back();
        }
        return {};
    }

    Result<void> queryRows()
    {
        stage(QStringLiteral("Running the query"));
        auto lake = Query::Lake::LakeQuery::open(m_casePath);
        if (!lake)
            return std::unexpected(lake.error());
        auto statements = (*lake)->prepare(m_scope.text);
        if (!statements)
            return std::unexpected(statements.error());
        if (statements->size() != 1)
            return std::unexpected(Error{
                ErrorCode::QueryRefused,
                QStringLiteral("a report shows one statement's result; this text has %1").arg(statements->size())});
        Query::Lake::PreparedQuery& statement = statements->front();
        for (const Query::Lake::OutputColumn& column : statement.columns)
            m_queryTable.header << column.name;
        QJsonArray row;
        for (;;) {
            if (cancelled())
                return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
            const auto more = (*lake)->next(statement, row);
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            if (m_total++ >= m_options.eventLimit)
                continue;
            QStringList cells;
            for (const QJsonValue& value : row)
                cells << (value.isString() ? value.toString()
                          : value.isNull() ? QString()
                          : value.isDouble()
                              ? QString::number(value.toDouble(), 'g', 17)
                              : QString::fromUtf8(
                                    QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1)));
            m_queryTable.rows.push_back(cells);
        }
        if (m_total > m_options.eventLimit)
            m_queryTable.note =
                QStringLiteral("The first %1 of %2 rows.").arg(grouped(m_options.eventLimit), grouped(m_total));
        return {};
    }

    Result<void> summary()
    {
        stage(QStringLiteral("Summarising the case"));
        auto info = readCaseInfo(m_casePath);
        if (!info)
            return std::unexpected(info.error());
        m_info = *info;
        ReportSection section{QStringLiteral("summary"), QStringLiteral("Case summary"), {}, {}, {}, {}};
        ReportTable facts{{}, {QStringLiteral("Field"), QStringLiteral("Value")}, {}, {}};
        const auto fact = [&](const QString& name, const QString& value) { facts.rows.push_back({name, value}); };
        fact(QStringLiteral("Case file"), m_casePath);
        fact(QStringLiteral("Events"), grouped(m_info.value(QStringLiteral("events")).toInteger()));
        fact(QStringLiteral("First event"), m_info.value(QStringLiteral("first")).toString());
        fact(QStringLiteral("Last event"), m_info.value(QStringLiteral("last")).toString());
        fact(QStringLiteral("Accounts"),
             countedList(m_info.value(QStringLiteral("accounts")).toArray(), QStringLiteral("id")));
        fact(QStringLiteral("Regions"),
             countedList(m_info.value(QStringLiteral("regions")).toArray(), QStringLiteral("region")));
        fact(QStringLiteral("Event sources"),
             countedList(m_info.value(QStringLiteral("eventSources")).toArray(), QStringLiteral("source"), 10));
        fact(QStringLiteral("Source files"), grouped(m_info.value(QStringLiteral("files")).toInteger()));
        fact(QStringLiteral("Digest files"), grouped(m_info.value(QStringLiteral("digestFiles")).toInteger()));
        fact(QStringLiteral("Content SHA-256"), m_info.value(QStringLiteral("contentSha256")).toString());
        section.tables.push_back(std::move(facts));

        ReportTable coverage{{},
                             {QStringLiteral("Account"), QStringLiteral("Region"), QStringLiteral("First"),
                              QStringLiteral("Last"), QStringLiteral("Events"), QStringLiteral("Files"),
                              QStringLiteral("Gaps")},
                             {},
                             {}};
        for (const QJsonValue& value : m_info.value(QStringLiteral("coverage")).toArray()) {
            const QJsonObject row = value.toObject();
            coverage.rows.push_back(
                {row.value(QStringLiteral("account")).toString(), row.value(QStringLiteral("region")).toString(),
                 row.value(QStringLiteral("first")).toString(), row.value(QStringLiteral("last")).toString(),
                 grouped(row.value(QStringLiteral("events")).toInteger()),
                 grouped(row.value(QStringLiteral("files")).toInteger()),
                 gapsText(row.value(QStringLiteral("gaps")).toArray())});
        }
        if (!coverage.rows.empty()) {
            coverage.caption = QStringLiteral("Coverage per account and region; a gap is a stretch with no delivery "
                                              "ten times longer than the usual interval, and over an hour.");
            section.tables.push_back(std::move(coverage));
        }
        m_document.sections.push_back(std::move(section));
        return {};
    }

    static QString gapsText(const QJsonArray& gaps)
    {
        QStringList parts;
        for (const QJsonValue& gap : gaps) {
            const QJsonObject object = gap.toObject();
            parts << QStringLiteral("%1 \u2013 %2 (%3 min)")
                         .arg(object.value(QStringLiteral("from")).toString(),
                              object.value(QStringLiteral("to")).toString())
                         .arg(object.value(QStringLiteral("minutes")).toInteger());
        }
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral("; "));
    }

    Result<void> sources()
    {
        stage(QStringLiteral("Listing the sources"));
        if (m_info.isEmpty()) {
            auto info = readCaseInfo(m_casePath);
            if (!info)
                return std::unexpected(info.error());
            m_info = *info;
        }
        ReportSection section{QStringLiteral("sources"), QStringLiteral("Sources"), {}, {}, {}, {}};
        section.paragraphs << QStringLiteral("Each import session, then each file with the SHA-256 of its content "
                                             "(decompressed, as CloudTrail's digest files hash it).");
        ReportTable sessions{{},
                             {QStringLiteral("Session"), QStringLiteral("Started"), QStringLiteral("Finished"),
                              QStringLiteral("Status"), QStringLiteral("Paths"), QStringLiteral("Files"),
                              QStringLiteral("Events"), QStringLiteral("Duplicates"), QStringLiteral("Rejected")},
                             {},
                             {}};
        for (const QJsonValue& value : m_info.value(QStringLiteral("sessions")).toArray()) {
            const QJsonObject row = value.toObject();
            QStringList paths;
            for (const QJsonValue& path : row.value(QStringLiteral("paths")).toArray())
                paths << path.toString();
            sessions.rows.push_back({QString::number(row.value(QStringLiteral("id")).toInteger()),
                                     row.value(QStringLiteral("started")).toString(),
                                     row.value(QStringLiteral("finished")).toString(),
                                     row.value(QStringLiteral("status")).toString(), paths.join(QStringLiteral("; ")),
                                     grouped(row.value(QStringLiteral("files")).toInteger()),
                                     grouped(row.value(QStringLiteral("events")).toInteger()),
                                     grouped(row.value(QStringLiteral("duplicates")).toInteger()),
                                     grouped(row.value(QStringLiteral("rejected")).toInteger())});
        }
        section.tables.push_back(std::move(sessions));

        ReportTable files{
            {}, {QStringLiteral("File"), QStringLiteral("SHA-256 of the content"), QStringLiteral("Events")}, {}, {}};
        auto rows = m_db.prepare("SELECT path || coalesce('!' || member, ''), lower(hex(content_sha256)), events "
                                 "FROM source_files ORDER BY path, member LIMIT ?1");
        rows.bind(1, static_cast<std::int64_t>(SourceFilesShown + 1));
        int status;
        while ((status = rows.step()) == SQLITE_ROW) {
            if (static_cast<int>(files.rows.size()) == SourceFilesShown)
                break;
            files.rows.push_back({rows.columnQString(0), rows.columnQString(1), grouped(rows.columnInt(2))});
        }
        if (status != SQLITE_ROW && status != SQLITE_DONE)
            return std::unexpected(m_db.error(QStringLiteral("listing the source files")));
        const std::int64_t fileCount = m_info.value(QStringLiteral("files")).toInteger();
        if (fileCount > SourceFilesShown)
            files.note = QStringLiteral("The first %1 of %2 files, by path; `trailscope-cli query` over source_files "
                                        "lists them all.")
                             .arg(SourceFilesShown)
                             .arg(grouped(fileCount));
        section.tables.push_back(std::move(files));
        m_document.sections.push_back(std::move(section));
        return {};
    }

    Result<void> scopeSection()
    {
        ReportSection section{QStringLiteral("scope"), QStringLiteral("Scope"), {}, {}, {}, {}};
        section.paragraphs << scopeLine();
        switch (m_scope.kind) {
        case ReportScope::Kind::Query:
            section.paragraphs << QStringLiteral("Query:") << m_scope.text
                               << QStringLiteral("Rows: %1").arg(grouped(m_total));
            break;
        case ReportScope::Kind::Finding:
            if (m_finding)
                section.paragraphs << QStringLiteral("%1 %2: %3 (%4), %5 events from %6 until %7")
                                          .arg(findingKindName(m_finding->kind), m_finding->id, m_finding->title,
                                               m_finding->level.isEmpty() ? QStringLiteral("no level")
                                                                          : m_finding->level,
                                               grouped(m_total), timeOf(m_finding->first), timeOf(m_finding->last));
            break;
        case ReportScope::Kind::Summary:
            break;
        default:
            section.paragraphs << QStringLiteral("Events: %1").arg(grouped(m_total));
        }
        m_document.sections.push_back(std::move(section));
        return {};
    }

    Result<void> timeline()
    {
        if (m_scope.kind == ReportScope::Kind::Query)
            return {}; // a query's rows need not be events
        stage(QStringLiteral("Drawing the timeline"));
        Query::Histogram histogram;
        if (m_scope.kind == ReportScope::Kind::Finding) {
            auto events = timedEvents(m_finding ? m_finding->eventRows : std::vector<std::int64_t>{});
            if (!events)
                return std::unexpected(events.error());
            histogram = histogramOf(*events, TimelineBuckets);
        } else {
            const Query::CompiledSearch search =
                m_search ? *m_search : Query::compileSearch(Query::SearchNode{}); // the summary: every event
            auto computed = Query::computeHistogram(m_db, search, m_scope.window, TimelineBuckets);
            if (!computed)
                return std::unexpected(computed.error());
            histogram = std::move(*computed);
        }
        ReportSection section{QStringLiteral("timeline"), QStringLiteral("Timeline"), {}, {}, {}, {}};
        section.image = timelineChart(histogram);
        if (section.image.isNull())
            section.paragraphs << QStringLiteral("No events.");
        else
            section.imageCaption = QStringLiteral("Events per %1, UTC; red: calls that returned an error code.")
                                       .arg(bucketName(histogram.bucketMs));
        m_document.sections.push_back(std::move(section));
        return {};
    }

    static QString bucketName(std::int64_t ms)
    {
        const std::pair<std::int64_t, const char*> units[] = {
            {86'400'000, "day"}, {3'600'000, "hour"}, {60'000, "minute"}, {1000, "second"}};
        for (const auto& [size, unit] : units) {
            if (ms % size == 0)
                return ms == size ? QString::fromLatin1(unit)
                                  : QStringLiteral("%1 %2s").arg(ms / size).arg(QString::fromLatin1(unit));
        }
        return QStringLiteral("%1 ms").arg(ms);
    }

    Result<std::vector<TimedEvent>> timedEvents(const std::vector<std::int64_t>& rows)
    {
        Query::EventRowReader reader(m_db);
        std::vector<TimedEvent> events;
        for (const std::int64_t rowId : rows) {
            auto row = reader.read(rowId);
            if (!row)
                return std::unexpected(row.error());
            if (row->time)
                events.push_back({*row->time, !row->errorCode.isEmpty()});
        }
        return events;
    }

    Result<void> findings()
    {
        ReportSection section{QStringLiteral("findings"), QStringLiteral("Findings"), {}, {}, {}, {}};
        section.paragraphs << QStringLiteral("The case's detection rules that fired (the shipped ones and its own, "
                                             "less those switched off), then the insights (unusual "
                                             "call and error rates, medium sensitivity).");
        ReportTable table{{},
                          {QStringLiteral("Kind"), QStringLiteral("Id"), QStringLiteral("Title"),
                           QStringLiteral("Level"), QStringLiteral("First"), QStringLiteral("Last"),
                           QStringLiteral("Events")},
                          {},
                          {}};
        for (const CaseFinding& finding : m_findings)
            table.rows.push_back({findingKindName(finding.kind), finding.id, finding.title, finding.level,
                                  timeOf(finding.first), timeOf(finding.last),
                                  grouped(static_cast<std::int64_t>(finding.eventRows.size()))});
        if (table.rows.empty())
            section.paragraphs << QStringLiteral("No rule fired and no insight was found.");
        else
            section.tables.push_back(std::move(table));
        m_document.sections.push_back(std::move(section));
        return {};
    }

    Result<void> starred()
    {
        stage(QStringLiteral("Reading the starred events"));
        if (m_scope.kind != ReportScope::Kind::Starred) {
            auto notes = Export::starredNotes(m_db);
            if (!notes)
                return std::unexpected(notes.error());
            m_notes = std::move(*notes);
        }
        std::vector<std::pair<std::int64_t, Query::EventRow>> rows;
        Query::EventRowReader reader(m_db);
        for (const auto& [rowId, note] : m_notes) {
            auto row = reader.read(rowId);
            if (!row)
                return std::unexpected(row.error());
            rows.emplace_back(rowId, std::move(*row));
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return std::pair(a.second.time.value_or(0), a.first) < std::pair(b.second.time.value_or(0), b.first);
        });
        ReportSection section{QStringLiteral("starred"), QStringLiteral("Starred events"), {}, {}, {}, {}};
        ReportTable table{{},
                          {QStringLiteral("Event time"), QStringLiteral("Event name"), QStringLiteral("User name"),
                           QStringLiteral("Event ID"), QStringLiteral("Note")},
                          {},
                          {}};
        for (const auto& [rowId, row] : rows)
            table.rows.push_back({row.time ? reportTime(*row.time) : QString(), row.eventName, row.user, row.eventId,
                                  m_notes.at(rowId)});
        if (table.rows.empty())
            section.paragraphs << QStringLiteral("No event is starred.");
        else
            section.tables.push_back(std::move(table));
        m_document.sections.push_back(std::move(section));
        return {};
    }

    std::vector<const Query::EventColumn*> eventColumns() const
    {
        const QStringList ids = m_options.columns.isEmpty() ? defaultReportColumns() : m_options.columns;
        std::vector<const Query::EventColumn*> columns;
        for (const QString& id : ids) {
            for (const Query::EventColumn& column : Query::eventColumns()) {
                if (QLatin1String(column.id.data(), static_cast<qsizetype>(column.id.size())) == id)
                    columns.push_back(&column);
            }
        }
        return columns;
    }

    Result<void> events()
    {
        if (m_scope.kind == ReportScope::Kind::Summary)
            return {};
        ReportSection section{QStringLiteral("events"),
                              m_scope.kind == ReportScope::Kind::Query ? QStringLiteral("Query result")
                                                                       : QStringLiteral("Events"),
                              {},
                              {},
                              {},
                              {}};
        if (m_scope.kind == ReportScope::Kind::Query) {
            section.tables.push_back(std::move(m_queryTable));
            m_document.sections.push_back(std::move(section));
            return {};
        }
        stage(QStringLiteral("Writing the events table"));
        ReportTable table;
        const auto columns = eventColumns();
        for (const Query::EventColumn* column : columns) {
            table.header << QString::fromLatin1(column->title);
        }
        Query::EventRowReader reader(m_db);
        table.rows.reserve(m_rows.size());
        for (const std::int64_t rowId : m_rows) {
            if (cancelled())
                return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled")});
            auto row = reader.read(rowId);
            if (!row)
                return std::unexpected(row.error());
            QStringList cells;
            for (const Query::EventColumn* column : columns)
                cells << (column->id == "eventTime" && row->time ? reportTime(*row->time) : column->text(*row));
            table.rows.push_back(std::move(cells));
        }
        if (m_total > static_cast<std::int64_t>(m_rows.size()))
            table.note = QStringLiteral("The first %1 of %2 events.")
                             .arg(grouped(static_cast<std::int64_t>(m_rows.size())), grouped(m_total));
        if (table.rows.empty())
            section.paragraphs << QStringLiteral("No events.");
        section.tables.push_back(std::move(table));
        m_document.sections.push_back(std::move(section));
        return {};
    }

    const QString& m_casePath;
    Sql::Database& m_db;
    const ReportScope& m_scope;
    const CaseReportOptions& m_options;
    ReportDocument m_document;
    QJsonObject m_info;
    std::vector<CaseFinding> m_findings;
    const CaseFinding* m_finding = nullptr;
    std::unordered_map<std::int64_t, QString> m_notes;
    std::optional<Query::CompiledSearch> m_search;
    std::vector<std::int64_t> m_rows;
    std::int64_t m_total = 0;
    ReportTable m_queryTable;
};

} // namespace

std::optional<unsigned> reportPartsNamed(const QString& commaSeparated)
{
    unsigned parts = 0;
    for (const QString& name : commaSeparated.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = name.trimmed();
        if (trimmed == QLatin1String("all")) {
            parts |= AllReportParts;
            continue;
        }
        const auto known = std::find_if(std::begin(PartNames), std::end(PartNames),
                                        [&](const PartName& part) { return trimmed == QLatin1String(part.name); });
        if (known == std::end(PartNames))
            return std::nullopt;
        parts |= static_cast<unsigned>(known->part);
    }
    if (parts == 0)
        return std::nullopt;
    return parts;
}

QStringList reportPartNames()
{
    QStringList names;
    for (const PartName& part : PartNames)
        names << QString::fromLatin1(part.name);
    return names;
}

QStringList defaultReportColumns()
{
    // Event history's columns but the event source (the event name mostly says it) and the resource type (the
    // resource's ARN says it): ten columns of ids and ARNs do not fit an A4 page's width at a readable size.
    return {QStringLiteral("eventTime"),    QStringLiteral("eventName"),          QStringLiteral("userName"),
            QStringLiteral("resourceName"), QStringLiteral("awsRegion"),          QStringLiteral("sourceIPAddress"),
            QStringLiteral("errorCode"),    QStringLiteral("recipientAccountId"), QStringLiteral("eventID")};
}

Result<ReportDocument> buildCaseReport(const QString& casePath, Sql::Database& db, const ReportScope& scope,
                                       const CaseReportOptions& options)
{
    return Builder(casePath, db, scope, options).build();
}

} // namespace Trailscope::Core::Report
