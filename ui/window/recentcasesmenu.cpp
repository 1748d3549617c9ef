#include "recentcasesmenu.h"

#include <QFileInfo>
#include <QSettings>

namespace Trailscope::Ui {

namespace {

const QString RecentKey = QStringLiteral("recentCases");

} // namespace

RecentCasesMenu::RecentCasesMenu(QWidget* parent) : QMenu(tr("Open &Recent"), parent)
{
    rebuild();
}

QStringList RecentCasesMenu::cases()
{
    return QSettings().value(RecentKey).toStringList();
}

void RecentCasesMenu::remember(const QString& path)
{
    QStringList recent = cases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxCases)
        recent.removeLast();
    QSettings().setValue(RecentKey, recent);
    rebuild();
    Q_EMIT casesChanged(recent);
}

void RecentCasesMenu::rebuild()
{
    clear();
    const QStringList recent = cases();
    for (const QString& path : recent)
        addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT caseChosen(path); })->setToolTip(path);
    setEnabled(!recent.isEmpty());
}

} // namespace Trailscope::Ui
