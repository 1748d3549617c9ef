#pragma once

#include "query/fieldtable.h"
#include "report/casereport.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>

namespace Trailscope::Ui {

/// The formats File › Export… writes: the event and result formats of core/export, the reports of core/report.
enum class ExportFormat { Csv, Json, JsonLines, Html, Pdf };

/// `csv`, `json`, `jsonl`, `html`, `pdf`: the CLI's names, also the files' suffixes but for JSON Lines.
QString exportFormatName(ExportFormat format);
QString exportFormatSuffix(ExportFormat format);
bool isReport(ExportFormat format);

/// One export as the dialog chose it: what (a scope of core/report's, with the browser's view around a search),
/// how, and where. A value: it crosses to the export's thread.
struct ExportRequest
{
    QString casePath;
    Core::Report::ReportScope scope;
    /// Kind::Search from the browser: only these events (the SQL editor's result set the browser shows).
    std::shared_ptr<const QList<std::int64_t>> rowSet;
    /// Kind::Search from the browser sorted by a column other than the time: the events in that order (CSV, JSON).
    const Core::Query::FieldDef* sortField = nullptr;
    bool sortDescending = false;
    ExportFormat format = ExportFormat::Csv;
    bool byteOrderMark = false;
    unsigned parts = Core::Report::AllReportParts;
    int eventLimit = 10000;
    QStringList columns;
    QString title;
    QString path;
    std::int64_t expectedRows = -1; ///< the browser's count, for the progress bar; -1: unknown
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::ExportRequest)
