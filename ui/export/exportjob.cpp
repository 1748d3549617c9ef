#include "exportjob.h"

#include "common/errortext.h"

#include "casedb/caseinfo.h"
#include "casedb/caseschema.h"
#include "export/eventexport.h"
#include "export/resultexport.h"
#include "query/eventsort.h"
#include "query/lake/lakequery.h"
#include "report/reportexport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QThread>

namespace Trailscope::Ui {

namespace {

using namespace Trailscope::Core;

Export::EventFormat eventFormat(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return Export::EventFormat::Json;
    case ExportFormat::JsonLines:
        return Export::EventFormat::JsonLines;
    default:
        return Export::EventFormat::Csv;
    }
}

// The browser's row set as the search's scope: a temporary table of the export's own connection.
Result<void> loadRowSet(Sql::Database& db, const QList<std::int64_t>& rows)
{
    if (auto created = db.exec("CREATE TEMP TABLE IF NOT EXISTS browse_set(id INTEGER PRIMARY KEY); BEGIN"); !created)
        return created;
    Sql::Statement insert = db.prepare("INSERT OR IGNORE INTO temp.browse_set(id) VALUES (?1)");
    for (const std::int64_t id : rows) {
        insert.bind(1, id);
        if (insert.exec() != SQLITE_DONE) {
            const Error error = db.error(QStringLiteral("loading a result set"));
            (void)db.exec("ROLLBACK");
            return std::unexpected(error);
        }
    }
    return db.exec("COMMIT");
}

// The events of a search sorted by a column, in that order: the whole result sorted once, then written as a list.
Result<std::vector<std::int64_t>> sortedRows(Sql::Database& db, const Query::CompiledSearch& search,
                                             const ExportRequest& request, const std::atomic<bool>& cancelled)
{
    std::vector<std::int64_t> rows;
    auto walked = Query::forEachEventSortedBy(db, search, request.scope.window, *request.sortField,
                                              request.sortDescending, [&](std::int64_t rowId) {
                                                  rows.push_back(rowId);
                                                  return !cancelled.load();
                                              });
    if (!walked)
        return std::unexpected(walked.error());
    if (cancelled.load())
        return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("export cancelled")});
    return rows;
}

} // namespace

ExportJob::ExportJob(ExportRequest request, QObject* parent) : BackgroundJob(parent), m_request(std::move(request)) {}

ExportJob::~ExportJob()
{
    stop();
}

void ExportJob::run()
{
    auto db = CaseSchema::open(m_request.casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        Q_EMIT failed(ErrorText::describe(db.error()));
        return;
    }
    Report::ReportScope scope = m_request.scope;
    if (m_request.rowSet) {
        if (auto loaded = loadRowSet(*db, *m_request.rowSet); !loaded) {
            Q_EMIT failed(ErrorText::describe(loaded.error()));
            return;
        }
        scope.within.rowSetTable = "temp.browse_set";
    }
    Result<QString> written = isReport(m_request.format) ? writeReport(*db, scope) : writeData(*db, scope);
    if (written) {
        Q_EMIT finished(m_request.path, *written);
    } else if (written.error().code == ErrorCode::Cancelled) {
        Q_EMIT cancelled();
    } else {
        Q_EMIT failed(ErrorText::describe(written.error()));
    }
}

Result<QString> ExportJob::writeReport(Sql::Database& db, const Report::ReportScope& scope)
{
    Report::CaseReportOptions options;
    options.parts = m_request.parts;
    options.eventLimit = m_request.eventLimit;
    options.columns = m_request.columns;
    options.title = m_request.title;
    options.cancelled = &cancelledFlag();
    options.progress = [this](const QString& stage) { Q_EMIT progress(-1, stage); };
    const auto format = m_request.format == ExportFormat::Pdf ? Report::ReportFormat::Pdf : Report::ReportFormat::Html;
    const auto written = Report::exportReport(m_request.casePath, db, scope, options, format, m_request.path);
    if (!written)
        return std::unexpected(written.error());
    return format == Report::ReportFormat::Pdf ? tr("a %n-page report", nullptr, written->pages) : tr("a report");
}

Result<QString> ExportJob::writeData(Sql::Database& db, const Report::ReportScope& scope)
{
    Export::EventExportOptions options;
    options.format = eventFormat(m_request.format);
    options.byteOrderMark = m_request.byteOrderMark;
    options.cancelled = &cancelledFlag();
    options.progress = [this](std::int64_t done) { Q_EMIT progress(done, {}); };
    Result<std::int64_t> rows = 0;
    const QString& path = m_request.path;
    using Kind = Report::ReportScope::Kind;
    switch (scope.kind) {
    case Kind::Search: {
        const Query::CompiledSearch search = Query::compileSearch(scope.search, scope.within);
        if (m_request.sortField) {
            auto sorted = sortedRows(db, search, m_request, cancelledFlag());
            rows = sorted ? Export::exportEventRows(db, *sorted, path, options)
                          : Result<std::int64_t>(std::unexpected(sorted.error()));
        } else {
            rows = Export::exportEvents(db, search, scope.window, path, options);
        }
        break;
    }
    case Kind::Query: {
        auto lake = Query::Lake::LakeQuery::open(m_request.casePath);
        rows = lake ? Export::exportQueryResult(**lake, scope.text, path, options)
                    : Result<std::int64_t>(std::unexpected(lake.error()));
        if (rows)
            return tr("%n row(s)", nullptr, static_cast<int>(*rows));
        return std::unexpected(rows.error());
    }
    case Kind::Starred:
        rows = Export::exportStarredEvents(db, scope.window, path, options);
        break;
    case Kind::Finding:
        rows = Export::exportEventRows(db, scope.finding ? scope.finding->eventRows : std::vector<std::int64_t>{}, path,
                                       options);
        break;
    case Kind::Summary: {
        const auto info = readCaseInfo(m_request.casePath);
        if (!info)
            return std::unexpected(info.error());
        if (auto done = Export::exportSummary(*info, path, options); !done)
            return std::unexpected(done.error());
        return tr("the case summary");
    }
    }
    if (!rows)
        return std::unexpected(rows.error());
    return tr("%n event(s)", nullptr, static_cast<int>(*rows));
}

} // namespace Trailscope::Ui
