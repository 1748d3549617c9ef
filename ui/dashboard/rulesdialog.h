#pragma once

#include "detect/rulestore.h"

#include <QDialog>
#include <QThread>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Trailscope::Ui {

class RuleListModel;
class RuleWorker;

/// The case's detection rules: every shipped rule and the analyst's own (metric filter or Sigma), each with its
/// switch; a rule's file shown beside the list, the analyst's own editable and validated as typed; new, duplicate,
/// delete; a folder of rules imported or the case's exported. Writes go through RuleWorker on the dialog's thread;
/// rulesChanged() tells the dashboard to run the rules again when the dialog closes.
class RulesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RulesDialog(const QString& casePath, QWidget* parent = nullptr);
    ~RulesDialog() override;

    RuleListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPlainTextEdit* editor() const { return m_editor; }
    QLabel* validation() const { return m_validation; }
    QPushButton* saveButton() const { return m_save; }
    /// Whether the editor's text loads as a rule the case can keep (checked as typed, after a short pause).
    bool editorValid() const { return m_valid; }
    /// Checks the editor's text now rather than after the pause.
    void validateNow();

    void selectRule(const QString& ruleId);
    void newMetricFilter();
    void newSigmaRule();
    void duplicateRule();
    void deleteRule();
    void saveRule();
    void importFolder(const QString& folder);
    void exportFolder(const QString& folder);

Q_SIGNALS:
    /// The rules were read from the case (after opening, and after each change).
    void rulesLoaded();
    /// Something was stored; emitted on close if anything changed.
    void rulesChanged();
    void message(const QString& text);

protected:
    void done(int result) override;

private:
    void showRule();
    void setEditorText(const QByteArray& text, bool editable, const QString& editingId);
    void onRulesLoaded(const Core::Detect::CaseRules& rules);
    void updateButtons();
    QString uniqueOwnId(const QString& stem) const;

    QThread m_thread;
    RuleWorker* m_worker = nullptr;
    RuleListModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_heading = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_validation = nullptr;
    QTimer* m_validateTimer = nullptr;
    QPushButton *m_newMetric = nullptr, *m_newSigma = nullptr, *m_duplicate = nullptr, *m_delete = nullptr,
                *m_save = nullptr;
    QString m_editingId; ///< the own rule the editor holds; empty for a new one or a shipped one
    bool m_editable = false;
    bool m_dirty = false;
    bool m_valid = false;
    bool m_changed = false;
    QString m_selectAfterLoad;
    bool m_loading = false;
};

} // namespace Trailscope::Ui
