#pragma once

#include <QWidget>

class QListWidget;

namespace Trailscope::Ui {

/// Shown when no case is open: open the sample, import a trail, open a case, or one of the recent cases.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecentCases(const QStringList& paths);

Q_SIGNALS:
    void sampleRequested();
    void importRequested();
    void openRequested();
    void recentRequested(const QString& path);

private:
    QListWidget* m_recent = nullptr;
};

} // namespace Trailscope::Ui
