#pragma once

#include <QMenu>

namespace Trailscope::Ui {

/// File > Open Recent: the cases opened last, newest first, kept in the settings across windows.
class RecentCasesMenu : public QMenu
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxCases = 8;

    explicit RecentCasesMenu(QWidget* parent = nullptr);

    static QStringList cases();
    /// Puts `path` first (once) and tells the welcome page.
    void remember(const QString& path);

Q_SIGNALS:
    void caseChosen(const QString& path);
    void casesChanged(const QStringList& cases);

private:
    void rebuild();
};

} // namespace Trailscope::Ui
