#pragma once

#include "browser/colourrules.h"

#include <QDialog>

class QDialogButtonBox;
class QTableWidget;

namespace Trailscope::Ui {

/// Edits the ordered colouring rules: enable, name, search expression (validated as typed), colour; add, remove,
/// move up and down, restore the defaults. Non-modal; accepted rules arrive through rulesAccepted().
class ColourRulesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ColourRulesDialog(const QList<ColourRule>& rules, QWidget* parent = nullptr);

    QList<ColourRule> rules() const;
    QTableWidget* table() const { return m_table; }
    /// Whether every expression parses (OK is disabled otherwise).
    bool isValid() const;

Q_SIGNALS:
    void rulesAccepted(const QList<Trailscope::Ui::ColourRule>& rules);

private:
    void setRules(const QList<ColourRule>& rules);
    void appendRow(const ColourRule& rule);
    void moveRow(int delta);
    void validate();
    void chooseColour(int row);

    QTableWidget* m_table = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace Trailscope::Ui
