#include "reportexport.h"

#include "export/destination.h"
#include "report/htmlreport.h"
#include "report/pdfreport.h"

#include <QBuffer>

namespace Trailscope::Core::Report {

std::optional<ReportFormat> reportFormatNamed(QStringView name)
{
    if (name == u"html")
        return ReportFormat::Html;
    if (name == u"pdf")
        return ReportFormat::Pdf;
    return std::nullopt;
}

namespace {

std::int64_t tableRows(const ReportDocument& document)
{
    for (const ReportSection& section : document.sections) {
        if (section.id == QLatin1String("events") && !section.tables.empty())
            return static_cast<std::int64_t>(section.tables.front().rows.size());
    }
    return 0;
}

} // namespace

Result<ReportWritten> exportReport(const QString& casePath, Sql::Database& db, const ReportScope& scope,
                                   const CaseReportOptions& options, ReportFormat format, const QString& path)
{
    auto document = buildCaseReport(casePath, db, scope, options);
    if (!document)
        return std::unexpected(document.error());
    ReportWritten written{tableRows(*document), 0};
    QByteArray bytes;
    if (format == ReportFormat::Html) {
        bytes = renderHtml(*document);
    } else {
        if (options.progress)
            options.progress(QStringLiteral("Laying out the PDF"));
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        PdfOptions pdf;
        pdf.cancelled = options.cancelled;
        auto pages = writePdf(*document, buffer, pdf);
        if (!pages)
            return std::unexpected(pages.error());
        written.pages = *pages;
    }
    if (options.cancelled && options.cancelled->load())
        return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("report cancelled"), path});
    Export::Destination out(path);
    if (!out.open() || !out.write(bytes) || !out.commit()) {
        const QString reason = out.errorString();
        out.discard();
        return std::unexpected(Error{ErrorCode::Io, QStringLiteral("cannot write the report: %1").arg(reason), path});
    }
    return written;
}

} // namespace Trailscope::Core::Report
