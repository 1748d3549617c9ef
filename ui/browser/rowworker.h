#pragma once

#include "browser/searchrequest.h"

#include "casedb/rawrecordreader.h"
#include "casedb/sqlite.h"
#include "query/eventrows.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace Trailscope::Ui {

/// Reads what the table and the detail pane show (display rows, raw records) on a read-only connection of its own,
/// so a long search never delays scrolling or selection.
class RowWorker : public QObject
{
    Q_OBJECT

public:
    explicit RowWorker(QObject* parent = nullptr);
    ~RowWorker() override;

public Q_SLOTS:
    void openCase(const QString& path);
    void fetchRows(quint64 token, const Trailscope::Ui::RowIdList& rowIds);
    /// Colouring rules (search expressions, first match wins); rows fetched afterwards carry their rule.
    void setColourRules(const QStringList& expressions);
    void fetchRecord(std::int64_t rowId);
    /// What another process may have changed: the newest event's row id and whether an import session is running.
    void probeCase();

Q_SIGNALS:
    void caseProbed(std::int64_t lastEventRow, bool importRunning);
    /// `rules[i]`: the index of the first colouring rule rows[i] matches, or -1.
    void rowsReady(quint64 token, const Trailscope::Ui::EventRowList& rows, const QList<int>& rules);
    void recordReady(std::int64_t rowId, const QByteArray& record);
    void recordFailed(std::int64_t rowId, const QString& message);

private:
    struct CompiledRule
    {
        Core::Sql::Statement statement;
        int idParameter = 0;
    };
    void compileRules();
    int ruleOf(std::int64_t rowId);

    QStringList m_ruleExpressions;
    std::vector<CompiledRule> m_rules; // one per expression; invalid ones hold no statement
    Core::Sql::Database m_db;
    std::unique_ptr<Core::Query::EventRowReader> m_rows;
    std::unique_ptr<Core::RawRecordReader> m_records;
};

} // namespace Trailscope::Ui
