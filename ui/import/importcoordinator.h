#pragma once

#include "import/importjob.h" // also declares ImportSummary and ImportProgress as meta types, which signals need

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace Trailscope::Ui {

class ImportProgressWidget;

/// The console's imports, one at a time: runs an ImportJob, drives the status bar's progress widget (and its
/// Cancel), says when a new case has its first events so it can open while the rest arrives, and lists the rejected
/// files when the import ends.
class ImportCoordinator : public QObject
{
    Q_OBJECT

public:
    /// `window` parents the rejected-files dialog.
    ImportCoordinator(ImportProgressWidget* progress, QWidget* window);

    bool isRunning() const;
    ImportJob* job() const { return m_job; }
    /// Starts importing `paths` into `casePath` (nothing while an import runs); with `announceFirstEvents`,
    /// firstEventsStored() follows as soon as the case holds events.
    void start(const QString& casePath, const QStringList& paths, bool announceFirstEvents);
    /// Stops at the next group of events; what was committed stays in the case.
    void cancel();
    /// What the status bar says when an import ran: the events, the conflicting copies, the files passed over.
    static QString finishedMessage(const Core::ImportSummary& summary);

Q_SIGNALS:
    void started();
    void firstEventsStored(const QString& casePath);
    /// `error` is empty when the import ran (it may still have rejected files, already shown).
    void finished(const QString& casePath, const Trailscope::Core::ImportSummary& summary, const QString& error);

private:
    void onJobFinished(const Core::ImportSummary& summary, const QString& error);
    void showRejected(const Core::ImportSummary& summary);

    ImportProgressWidget* m_progress;
    QWidget* m_window;
    QPointer<ImportJob> m_job;
    bool m_announceFirstEvents = false;
};

} // namespace Trailscope::Ui
