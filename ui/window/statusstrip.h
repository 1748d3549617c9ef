#pragma once

#include "browser/searchrequest.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;
class QWidget;

namespace Trailscope::Ui {

/// What the status bar says: a message, the SQL result set being browsed, the import's progress, how many events
/// match, the scan of raw records a search is doing, and how long the search took.
class StatusStrip : public QObject
{
    Q_OBJECT

public:
    /// Lays its widgets out in `bar`, the import's progress widget among them.
    StatusStrip(QStatusBar* bar, QWidget* importProgress);

    void showMessage(const QString& text);
    /// `origin`: what the events are, e.g. a detection rule; empty for the SQL editor's result.
    void showRowSet(qsizetype events, const QString& origin = {});
    void hideRowSet();
    void showScanProgress(ScanPass pass, qint64 examined, qint64 total);
    void searchStarted();
    void searchFailed(const QString& message);
    /// `shown` of `total` events; `milliseconds` when the search finished, nullopt while it runs.
    void showCounts(qint64 shown, qint64 total, std::optional<double> milliseconds);

Q_SIGNALS:
    /// "Show all": stop browsing the SQL result set.
    void rowSetClearRequested();

private:
    QLabel* m_message;
    QWidget* m_rowSetBox;
    QLabel* m_rowSetLabel;
    QLabel* m_count;
    QProgressBar* m_scanProgress;
    QLabel* m_time;
};

} // namespace Trailscope::Ui
