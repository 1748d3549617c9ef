#pragma once

#include "report/reportdocument.h"

#include <QByteArray>
#include <QString>

namespace Trailscope::Core::Report {

/// Text made safe to place in HTML element content or a double-quoted attribute: `&`, `<`, `>`, `"` and `'` as
/// entities, control characters other than tab and line breaks (NUL included) as U+FFFD.
QString htmlText(const QString& text);

/// One self-contained HTML5 file: styles in the head, the timeline as a `data:` PNG, no scripts and no network (a
/// Content-Security-Policy of `default-src 'none'` says so to the browser too); every value of the document escaped
/// with htmlText(), so a user agent of `<script>…` shows as text. UTF-8.
QByteArray renderHtml(const ReportDocument& document);

} // namespace Trailscope::Core::Report
