#include "importcoordinator.h"

#include "common/errortext.h"

#include "import/importjob.h"
#include "import/importprogresswidget.h"

#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

ImportCoordinator::ImportCoordinator(ImportProgressWidget* progress, QWidget* window)
    : QObject(window), m_progress(progress), m_window(window)
{
    connect(m_progress, &ImportProgressWidget::cancelRequested, this, &ImportCoordinator::cancel);
}

bool ImportCoordinator::isRunning() const
{
    return m_job && m_job->isRunning();
}

void ImportCoordinator::start(const QString& casePath, const QStringList& paths, bool announceFirstEvents)
{
    if (isRunning())
        return;
    delete m_job;
    m_job = new ImportJob(casePath, paths, this);
    m_announceFirstEvents = announceFirstEvents;
    const QString what = paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                           : tr("%n sources", nullptr, static_cast<int>(paths.size()));
    m_progress->start(what);
    connect(m_job, &ImportJob::progressed, this, [this, casePath](const Core::ImportProgress& progress) {
        m_progress->setProgress(progress);
        if (m_announceFirstEvents && progress.events > 0) {
            m_announceFirstEvents = false;
            Q_EMIT firstEventsStored(casePath);
        }
    });
    connect(m_job, &ImportJob::finished, this, &ImportCoordinator::onJobFinished);
    m_job->start();
    Q_EMIT started();
}

void ImportCoordinator::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ImportCoordinator::onJobFinished(const Core::ImportSummary& summary, const QString& error)
{
    m_progress->finish();
    if (!summary.rejected.empty())
        showRejected(summary);
    Q_EMIT finished(m_job ? m_job->casePath() : QString(), summary, error);
}

void ImportCoordinator::showRejected(const Core::ImportSummary& summary)
{
    auto* dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rejected files"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(tr("These files or records could not be imported; everything else was."), dialog));
    auto* list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("rejectedList"));
    for (const Core::Error& problem : summary.rejected)
        list->addItem(ErrorText::describe(problem));
    layout->addWidget(list);
    dialog->resize(720, 360);
    dialog->show();
}

QString ImportCoordinator::finishedMessage(const Core::ImportSummary& summary)
{
    QString message = tr("Import finished: %n event(s)", nullptr, static_cast<int>(summary.counts.events));
    if (summary.counts.conflicts > 0)
        message += tr(", %n conflicting copies set aside", nullptr, static_cast<int>(summary.counts.conflicts));
    if (summary.ignoredFiles > 0)
        message += tr(", %n file(s) ignored as not trail content (LICENSE, README, …)", nullptr,
                      static_cast<int>(summary.ignoredFiles));
    return message + u'.';
}

} // namespace Trailscope::Ui
