#pragma once

#include "import/importer.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace Trailscope::Ui {

/// One import into a case, run on a thread of its own (the importer's writer) with its parse workers; progress
/// reaches the GUI thread at most ten times a second. Cancel stops it at the next group of events; what was
/// committed stays in the case.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    explicit ImportJob(QString casePath, QStringList paths, QObject* parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel();
    bool isRunning() const;
    const QString& casePath() const { return m_casePath; }
    const QStringList& paths() const { return m_paths; }

Q_SIGNALS:
    void progressed(const Trailscope::Core::ImportProgress& progress);
    /// `error` is empty when the import ran (it may still have rejected files: see the summary).
    void finished(const Trailscope::Core::ImportSummary& summary, const QString& error);

private:
    QString m_casePath;
    QStringList m_paths;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread* m_thread = nullptr;
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Core::ImportProgress)
Q_DECLARE_METATYPE(Trailscope::Core::ImportSummary)
