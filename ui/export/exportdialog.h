#pragma once

#include "export/exportrequest.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;
class QGroupBox;

namespace Trailscope::Ui {

/// One thing the window offers to export: the browser's view, the SQL result, the starred events, a finding, the
/// case summary. `request` holds its scope (and the view's row set and sort); the dialog adds format and place.
struct ExportChoice
{
    QString label;
    ExportRequest request;
};

/// File › Export…: scope, format, columns, the report's sections and title, and the destination. Builds an
/// ExportRequest; running it is ExportController's.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `tableColumns`: the browser's visible columns (ids), offered for the report's table; `chosen`: the choice
    /// selected first (a context menu's).
    ExportDialog(std::vector<ExportChoice> choices, QStringList tableColumns, int chosen, QWidget* parent = nullptr);

    ExportRequest request() const;

    QComboBox* scopeBox() const { return m_scope; }
    QComboBox* formatBox() const { return m_format; }
    QLineEdit* pathEdit() const { return m_path; }
    QCheckBox* sectionBox(Core::Report::ReportPart part) const;
    QCheckBox* tableColumnsBox() const { return m_useTableColumns; }

private:
    void onFormatChanged();
    void browse();
    void updateButtons();
    ExportFormat format() const;

    std::vector<ExportChoice> m_choices;
    QStringList m_tableColumns;
    QComboBox* m_scope = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_bom = nullptr;
    QGroupBox* m_report = nullptr;
    QLineEdit* m_title = nullptr;
    QSpinBox* m_limit = nullptr;
    QCheckBox* m_useTableColumns = nullptr;
    std::vector<std::pair<Core::Report::ReportPart, QCheckBox*>> m_sections;
    QLineEdit* m_path = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace Trailscope::Ui
