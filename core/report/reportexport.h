#pragma once

#include "report/casereport.h"

#include <optional>

namespace Trailscope::Core::Report {

enum class ReportFormat { Html, Pdf };

/// `html`, `pdf`.
std::optional<ReportFormat> reportFormatNamed(QStringView name);

struct ReportWritten
{
    std::int64_t events = 0; ///< rows in the events (or query result) table
    int pages = 0;           ///< PDF: its pages
};

/// Builds the report of `scope` and writes it to `path` as `format`, through a temporary file renamed at the end
/// (export/destination.h): a failed or cancelled report leaves nothing; `-` writes to standard output.
Result<ReportWritten> exportReport(const QString& casePath, Sql::Database& db, const ReportScope& scope,
                                   const CaseReportOptions& options, ReportFormat format, const QString& path);

} // namespace Trailscope::Core::Report
