#pragma once

#include "export/exportrequest.h"

#include "casedb/sqlite.h"

#include "common/backgroundjob.h"

#include <QObject>

#include <memory>

namespace Trailscope::Ui {

/// One export running on a thread of its own, with its own read-only connection to the case: the window stays
/// responsive and the analyst may cancel. Everything is written to a temporary file renamed at the end (core's
/// Destination), so a cancelled or failed export leaves no partial file behind.
class ExportJob : public BackgroundJob
{
    Q_OBJECT

public:
    explicit ExportJob(ExportRequest request, QObject* parent = nullptr);
    ~ExportJob() override;

    const ExportRequest& request() const { return m_request; }

Q_SIGNALS:
    /// `done` rows (events or a query's) written so far, or a report's stage in `stage`.
    void progress(qint64 done, const QString& stage);
    /// `summary`: "1,204 events", "a 12-page report".
    void finished(const QString& path, const QString& summary);
    void failed(const QString& message);
    void cancelled();

private:
    void run() override;
    /// What was written, for finished(): "a 12-page report", "1,204 events".
    Core::Result<QString> writeReport(Core::Sql::Database& db, const Core::Report::ReportScope& scope);
    Core::Result<QString> writeData(Core::Sql::Database& db, const Core::Report::ReportScope& scope);

    ExportRequest m_request;
};

} // namespace Trailscope::Ui
