#include "importjob.h"

#include "common/errortext.h"

#include <QElapsedTimer>
#include <QThread>

#include <sys/resource.h>

namespace Trailscope::Ui {

using namespace Trailscope::Core;

ImportJob::ImportJob(QString casePath, QStringList paths, QObject* parent)
    : QObject(parent), m_casePath(std::move(casePath)), m_paths(std::move(paths)),
      m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<ImportProgress>();
    qRegisterMetaType<ImportSummary>();
}

ImportJob::~ImportJob()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportJob::cancel()
{
    m_cancel->store(true);
}

void ImportJob::start()
{
    if (m_thread)
        return;
    // The destructor waits for the thread, so `this` outlives it; posted calls die with the object.
    ImportJob* const self = this;
    const QString casePath = m_casePath;
    const QStringList paths = m_paths;
    const auto cancel = m_cancel;
    m_thread = QThread::create([self, casePath, paths, cancel] {
        QElapsedTimer sinceReport;
        sinceReport.start();
        const auto report = [self, &sinceReport](const ImportProgress& progress) {
            // The importer reports often; the window needs a few updates a second, not thousands.
            if (sinceReport.elapsed() < 100 && progress.phase != QLatin1String("done"))
                return;
            sinceReport.restart();
            QMetaObject::invokeMethod(
                self, [self, progress] { Q_EMIT self->progressed(progress); }, Qt::QueuedConnection);
        };
        ImportOptions options;
        options.paths = paths;
        options.lowPriority = true;             // the window's GUI thread comes first
        (void)setpriority(PRIO_PROCESS, 0, 10); // this thread is the import's writer
        Importer importer(casePath);
        auto result = importer.run(options, report, *cancel);
        const ImportSummary summary = result ? *result : ImportSummary{};
        const QString error = result ? QString() : ErrorText::describe(result.error());
        QMetaObject::invokeMethod(
            self, [self, summary, error] { Q_EMIT self->finished(summary, error); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("ts-import"));
    // The window stays responsive while an import runs: the writer yields to the GUI.
    m_thread->start(QThread::LowPriority);
}

} // namespace Trailscope::Ui
