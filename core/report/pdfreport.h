#pragma once

#include "report/reportdocument.h"
#include "util/error.h"

#include <QString>

#include <atomic>
#include <functional>

class QIODevice;

namespace Trailscope::Core::Report {

struct PdfOptions
{
    const std::atomic<bool>* cancelled = nullptr; ///< set: the writing stops (ErrorCode::Cancelled)
    std::function<void(int page, int pages)> progress;
};

/// Writes `document` as a PDF to `device`: A4 landscape, a title page (title, its lines, the sections it holds),
/// then the sections; tables break across pages with their header repeated, long cells wrap (at word boundaries,
/// anywhere in an ARN) up to a few lines and are cut with an ellipsis beyond; every page after the title names the
/// report and the date at its foot with "Page N of M". Laid out once with the PDF's own font metrics, then painted,
/// so the page count is known before the first page is. Needs a QGuiApplication (fonts). The number of pages.
Result<int> writePdf(const ReportDocument& document, QIODevice& device, const PdfOptions& options = {});

} // namespace Trailscope::Core::Report
