#include "rowworker.h"

#include "common/errortext.h"

#include "casedb/caseschema.h"
#include "query/searchfunctions.h"
#include "query/searchparser.h"
#include "query/searchsql.h"

namespace Trailscope::Ui {

using namespace Trailscope::Core;

RowWorker::RowWorker(QObject* parent) : QObject(parent) {}

RowWorker::~RowWorker() = default;

void RowWorker::openCase(const QString& path)
{
    m_rows.reset();
    m_records.reset();
    m_rules.clear();
    auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return; // the search worker reports the failure
    m_db = std::move(*db);
    m_rows = std::make_unique<Query::EventRowReader>(m_db);
    m_records = std::make_unique<RawRecordReader>(m_db, 16u << 20);
    // Rule expressions may use the raw-record functions (free text); registered once, before any statement.
    (void)Query::registerSearchFunctions(m_db);
    compileRules();
}

void RowWorker::probeCase()
{
    if (!m_db.handle())
        return;
    // Both answered from an index: cheap enough to ask every few seconds of a ten-million-event case.
    const auto lastRow = m_db.queryInt("SELECT max(id) FROM event_rows").value_or(0);
    const auto running = m_db.queryInt("SELECT count(*) FROM import_sessions WHERE status = 'running'").value_or(0);
    Q_EMIT caseProbed(lastRow, running > 0);
}

void RowWorker::setColourRules(const QStringList& expressions)
{
    m_ruleExpressions = expressions;
    compileRules();
}

void RowWorker::compileRules()
{
    m_rules.clear();
    if (!m_db.handle())
        return;
    for (const QString& expression : std::as_const(m_ruleExpressions)) {
        CompiledRule rule;
        if (auto root = Query::parseSearch(expression); root && !expression.trimmed().isEmpty()) {
            const Query::CompiledSearch compiled = Query::compileSearch(*root);
            rule.idParameter = static_cast<int>(compiled.parameters.size()) + 1;
            rule.statement = m_db.prepare("SELECT 1 FROM events e WHERE e.id = ?" + std::to_string(rule.idParameter) +
                                          " AND (" + compiled.where + ")");
            for (std::size_t i = 0; i < compiled.parameters.size(); ++i)
                Query::bindParameter(rule.statement, static_cast<int>(i) + 1, compiled.parameters[i]);
        }
        m_rules.push_back(std::move(rule));
    }
}

int RowWorker::ruleOf(std::int64_t rowId)
{
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        CompiledRule& rule = m_rules[i];
        if (!rule.statement.isValid())
            continue;
        rule.statement.bind(rule.idParameter, rowId);
        const bool matches = rule.statement.step() == SQLITE_ROW;
        sqlite3_reset(rule.statement.handle()); // keeps the rule's own bindings for the next row
        if (matches)
            return static_cast<int>(i);
    }
    return -1;
}

void RowWorker::fetchRows(quint64 token, const RowIdList& rowIds)
{
    if (!m_rows)
        return;
    EventRowList rows;
    QList<int> rules;
    rows.reserve(rowIds.size());
    rules.reserve(rowIds.size());
    for (const std::int64_t rowId : rowIds) {
        rules << ruleOf(rowId);
        auto row = m_rows->read(rowId);
        if (!row) {
            // Keep the row addressable: an empty row says "unreadable" rather than waiting forever.
            Query::EventRow missing;
            missing.rowId = rowId;
            rows << missing;
            continue;
        }
        rows << *row;
    }
    Q_EMIT rowsReady(token, rows, rules);
}

void RowWorker::fetchRecord(std::int64_t rowId)
{
    if (!m_records) {
        Q_EMIT recordFailed(rowId, tr("No case is open."));
        return;
    }
    auto record = m_records->eventRecord(rowId);
    if (!record) {
        Q_EMIT recordFailed(rowId, ErrorText::describe(record.error()));
        return;
    }
    Q_EMIT recordReady(rowId, QByteArray::fromStdString(*record));
}

} // namespace Trailscope::Ui
