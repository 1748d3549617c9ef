#pragma once

#include "util/error.h"

#include <QCoreApplication>

namespace Trailscope::Ui {

/// Core errors in the analyst's language. The core gives a code, a place and a technical detail (SQLite's message,
/// the byte a parser stopped at) in English; the window names the reason from the code, translated, says where,
/// and keeps the detail as the core wrote it.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /// "trail.json.gz record 3 (line 7): Not valid JSON (missing ':' after a key)".
    static QString describe(const Core::Error& error);
    /// The reason and the detail, for errors whose place is shown otherwise (a query's line and column).
    static QString withoutPlace(const Core::Error& error);
    /// The reason alone: "Not valid JSON".
    static QString reason(Core::ErrorCode code);
};

} // namespace Trailscope::Ui
