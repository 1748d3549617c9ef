#pragma once

#include "import/importer.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Trailscope::Ui {

/// The status-bar face of a running import: files, events, rate, ETA, and a cancel button.
class ImportProgressWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ImportProgressWidget(QWidget* parent = nullptr);

    void start(const QString& what);
    void setProgress(const Core::ImportProgress& progress);
    void finish();

    /// The one-line description of a progress snapshot.
    static QString describe(const Core::ImportProgress& progress);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_cancel = nullptr;
};

} // namespace Trailscope::Ui
