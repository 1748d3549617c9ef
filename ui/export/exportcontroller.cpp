#include "exportcontroller.h"

#include "export/exportjob.h"

#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

namespace Trailscope::Ui {

ExportController::ExportController(QWidget* window) : QObject(window), m_window(window) {}

ExportController::~ExportController()
{
    delete m_job; // cancels it and waits for its thread
}

bool ExportController::start(const ExportRequest& request)
{
    if (m_job) {
        Q_EMIT message(tr("An export is running; wait for it or cancel it first."));
        return false;
    }
    m_job = new ExportJob(request);
    m_progress = new QProgressDialog(tr("Exporting to %1…").arg(request.path), tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    if (request.expectedRows > 0 && !isReport(request.format))
        m_progress->setRange(0, 1000);
    connect(m_progress, &QProgressDialog::canceled, this, &ExportController::cancel);
    const std::int64_t expected = request.expectedRows;
    connect(m_job, &ExportJob::progress, this, [this, expected](qint64 done, const QString& stage) {
        if (!m_progress)
            return;
        if (!stage.isEmpty()) {
            m_progress->setLabelText(stage + QStringLiteral("…"));
            return;
        }
        m_progress->setLabelText(tr("%1 written…").arg(QLocale().toString(done)));
        if (expected > 0)
            m_progress->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / expected)));
    });
    connect(m_job, &ExportJob::finished, this, [this](const QString& path, const QString& summary) {
        finish();
        Q_EMIT message(tr("Exported %1 to %2").arg(summary, path));
        Q_EMIT ended(true, path);
    });
    connect(m_job, &ExportJob::cancelled, this, [this] {
        const QString path = m_job->request().path;
        finish();
        Q_EMIT message(tr("Export cancelled; nothing was written."));
        Q_EMIT ended(false, path);
    });
    connect(m_job, &ExportJob::failed, this, [this](const QString& error) {
        const QString path = m_job->request().path;
        finish();
        const QString text = tr("Could not export to %1: %2").arg(path, error);
        Q_EMIT message(text);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export"), text, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT ended(false, path);
    });
    m_job->start();
    return true;
}

void ExportController::cancel()
{
    if (m_job)
        m_job->cancel();
    if (m_progress)
        m_progress->setLabelText(tr("Cancelling…"));
}

void ExportController::finish()
{
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    m_job->deleteLater();
    m_job = nullptr;
}

} // namespace Trailscope::Ui
