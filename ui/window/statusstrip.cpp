#include "statusstrip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace Trailscope::Ui {

StatusStrip::StatusStrip(QStatusBar* bar, QWidget* importProgress)
    : QObject(bar), m_message(new QLabel(bar)), m_rowSetBox(new QWidget(bar)), m_rowSetLabel(new QLabel(m_rowSetBox)),
      m_count(new QLabel(bar)), m_scanProgress(new QProgressBar(bar)), m_time(new QLabel(bar))
{
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    m_scanProgress->setRange(0, 1000);
    // Wide enough for the longest pass label beside the percentage, so the text never wraps inside the bar.
    m_scanProgress->setMinimumWidth(m_scanProgress->fontMetrics().horizontalAdvance(
                                        tr("Scanning records for the timeline") + QStringLiteral(" 100%")) +
                                    48);
    m_scanProgress->setToolTip(tr("Free text and {…} patterns on fields the case does not index read every raw "
                                  "record of the time range, once for the rows, the timeline and the facets."));
    m_scanProgress->hide();

    auto* rowSetLayout = new QHBoxLayout(m_rowSetBox);
    rowSetLayout->setContentsMargins(0, 0, 0, 0);
    auto* clearRowSet = new QToolButton(m_rowSetBox);
    clearRowSet->setText(tr("Show all"));
    clearRowSet->setToolTip(tr("Stop browsing only the SQL result set"));
    connect(clearRowSet, &QToolButton::clicked, this, &StatusStrip::rowSetClearRequested);
    rowSetLayout->addWidget(m_rowSetLabel);
    rowSetLayout->addWidget(clearRowSet);
    m_rowSetBox->hide();

    bar->addWidget(m_message, 1);
    bar->addPermanentWidget(m_rowSetBox);
    bar->addPermanentWidget(importProgress);
    bar->addPermanentWidget(m_count);
    bar->addPermanentWidget(m_scanProgress);
    bar->addPermanentWidget(m_time);
}

void StatusStrip::showMessage(const QString& text)
{
    m_message->setText(text);
}

void StatusStrip::showRowSet(qsizetype events, const QString& origin)
{
    m_rowSetLabel->setText(origin.isEmpty()
                               ? tr("Browsing %n event(s) from the SQL editor", nullptr, static_cast<int>(events))
                               : tr("Browsing %n event(s) of %1", nullptr, static_cast<int>(events)).arg(origin));
    m_rowSetBox->show();
}

void StatusStrip::hideRowSet()
{
    m_rowSetBox->hide();
}

void StatusStrip::showScanProgress(ScanPass pass, qint64 examined, qint64 total)
{
    QString what;
    switch (pass) {
    case ScanPass::Rows:
        what = tr("Scanning records for rows");
        break;
    case ScanPass::Timeline:
        what = tr("Scanning records for the timeline");
        break;
    case ScanPass::Facets:
        what = tr("Scanning records for facets");
        break;
    }
    m_scanProgress->setValue(total > 0 ? static_cast<int>(std::min<qint64>(1000, examined * 1000 / total)) : 0);
    m_scanProgress->setFormat(what + QStringLiteral(" %p%"));
    m_scanProgress->show();
}

void StatusStrip::searchStarted()
{
    m_scanProgress->hide();
    m_time->setText(tr("searching…"));
}

void StatusStrip::searchFailed(const QString& message)
{
    m_scanProgress->hide();
    m_message->setText(message);
    m_time->clear();
}

void StatusStrip::showCounts(qint64 shown, qint64 total, std::optional<double> milliseconds)
{
    if (milliseconds)
        m_scanProgress->hide();
    const QLocale locale;
    m_count->setText(tr("%1 of %2 events").arg(locale.toString(shown), locale.toString(total)));
    m_time->setText(milliseconds ? tr("%1 ms").arg(locale.toString(*milliseconds, 'f', 0)) : tr("searching…"));
}

} // namespace Trailscope::Ui
