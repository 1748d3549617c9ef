#include "exportrequest.h"

namespace Trailscope::Ui {

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::JsonLines:
        return QStringLiteral("jsonl");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString exportFormatSuffix(ExportFormat format)
{
    return exportFormatName(format);
}

bool isReport(ExportFormat format)
{
    return format == ExportFormat::Html || format == ExportFormat::Pdf;
}

} // namespace Trailscope::Ui
