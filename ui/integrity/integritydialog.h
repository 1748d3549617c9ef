#pragma once

#include "integrity/integrityjob.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace Trailscope::Ui {

class IntegrityModel;

/// Events › Validate Log Integrity…: the offline `validate-logs` of the open case (from the hashes its import
/// recorded) or of the original files, with the analyst's public keys; per-file results in the AWS CLI's words,
/// the chains, the summary lines, and an export of the results as CSV.
class IntegrityDialog : public QDialog
{
    Q_OBJECT

public:
    explicit IntegrityDialog(const QString& casePath, QWidget* parent = nullptr);
    ~IntegrityDialog() override;

    /// Starts a validation with the dialog's choices.
    void validate();
    /// Shows a validation run elsewhere (the one after an import).
    void showReport(const SharedIntegrityReport& report);
    /// Writes the shown lines (all of them, whatever the filter) as CSV.
    bool exportCsv(const QString& path);

    IntegrityModel* model() const { return m_model; }
    QLabel* summaryLabel() const { return m_summary; }
    QLineEdit* originalsEdit() const { return m_originals; }
    QListWidget* keyList() const { return m_keys; }

Q_SIGNALS:
    void validated(const Trailscope::Ui::SharedIntegrityReport& report,
                   const Trailscope::Ui::SharedFlaggedFiles& flagged);

private:
    void setRunning(bool running, const QString& message = {});
    void chooseOriginals();
    void addKeys();
    void askExport();

    QString m_casePath;
    IntegrityJob* m_job = nullptr;
    SharedIntegrityReport m_report;
    IntegrityModel* m_model = nullptr;
    QLineEdit* m_originals = nullptr;
    QListWidget* m_keys = nullptr;
    QPushButton* m_validate = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_summary = nullptr;
    QCheckBox* m_problemsOnly = nullptr;
    QTableView* m_entries = nullptr;
    QTableWidget* m_chains = nullptr;
};

} // namespace Trailscope::Ui
