#include "importprogresswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace Trailscope::Ui {

ImportProgressWidget::ImportProgressWidget(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(160);
    m_bar->setRange(0, 1000);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import; what was imported so far stays in the case"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ImportProgressWidget::cancelRequested);
    hide();
}

void ImportProgressWidget::start(const QString& what)
{
    m_label->setText(tr("Importing %1…").arg(what));
    m_bar->setValue(0);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    show();
}

QString ImportProgressWidget::describe(const Core::ImportProgress& progress)
{
    const QLocale locale;
    QString text = tr("%1 files, %2 events")
                       .arg(locale.toString(static_cast<qlonglong>(progress.filesDone)),
                            locale.toString(static_cast<qlonglong>(progress.events)));
    if (progress.eventsPerSecond > 0)
        text += tr(", %1 events/s").arg(locale.toString(qRound64(progress.eventsPerSecond)));
    if (progress.etaSeconds >= 0)
        text += tr(", %1 s left").arg(qRound(progress.etaSeconds));
    if (progress.rejected > 0)
        text += tr(", %n rejected", nullptr, static_cast<int>(progress.rejected));
    if (progress.phase == QLatin1String("indexing"))
        text = tr("Indexing: %1").arg(text);
    return text;
}

void ImportProgressWidget::setProgress(const Core::ImportProgress& progress)
{
    m_label->setText(describe(progress));
    if (progress.bytesTotal > 0 && progress.phase == QLatin1String("reading")) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(1000.0 * static_cast<double>(progress.bytesDone) /
                                         static_cast<double>(progress.bytesTotal)));
    } else {
        m_bar->setRange(0, 0);
    }
}

void ImportProgressWidget::finish()
{
    m_cancel->setEnabled(false);
    hide();
}

} // namespace Trailscope::Ui
