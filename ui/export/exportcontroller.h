#pragma once

#include "export/exportrequest.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

class QWidget;

namespace Trailscope::Ui {

class ExportJob;

/// Runs the exports the analyst asks for, one at a time, in the background: a progress dialog that does not block
/// the window (rows written, or the report's stage) with Cancel, then a message for the status bar. A cancelled
/// export leaves no file (the job writes through a temporary file).
class ExportController : public QObject
{
    Q_OBJECT

public:
    explicit ExportController(QWidget* window);
    ~ExportController() override;

    /// Starts `request`; false (and a message) while another export runs.
    bool start(const ExportRequest& request);
    bool isRunning() const { return m_job != nullptr; }
    void cancel();
    QProgressDialog* progressDialog() const { return m_progress; }

Q_SIGNALS:
    /// For the status bar: "Exported 1,204 events to /x/y.csv", "Export cancelled; nothing written".
    void message(const QString& text);
    /// The export ended (written or not): tests.
    void ended(bool written, const QString& path);

private:
    void finish();

    QWidget* m_window;
    ExportJob* m_job = nullptr;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Trailscope::Ui
