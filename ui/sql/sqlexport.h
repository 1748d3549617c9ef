#pragma once

#include <QMetaType>

namespace Trailscope::Ui {

/// What the SQL editor's Export menu offers; the writing is Core::Export::ResultWriter's, shared with the CLI.
enum class SqlExportFormat { Csv, Json };

} // namespace Trailscope::Ui
