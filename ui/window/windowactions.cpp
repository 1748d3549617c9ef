#include "windowactions.h"

#include <QAction>
#include <QMenuBar>

namespace Trailscope::Ui {

namespace {

QAction* action(QObject* parent, const QString& text, const QKeySequence& shortcut = {})
{
    auto* action = new QAction(text, parent);
    action->setShortcut(shortcut);
    return action;
}

QAction* checkable(QObject* parent, const QString& text, bool checked)
{
    auto* action = new QAction(text, parent);
    action->setCheckable(true);
    action->setChecked(checked);
    return action;
}

} // namespace

WindowActions::WindowActions(QObject* parent)
    : QObject(parent), newCase(action(this, tr("&New Case…"), QKeySequence::New)),
      openCase(action(this, tr("&Open Case…"), QKeySequence::Open)),
      openSample(action(this, tr("Open the &Sample Trail"))),
      reloadCase(action(this, tr("&Reload Case"), QKeySequence::Refresh)),
      importTrail(action(this, tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I))),
      exportData(action(this, tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E))),
      quit(action(this, tr("&Quit"), QKeySequence::Quit)), find(action(this, tr("&Find"), QKeySequence::Find)),
      back(action(this, tr("&Back"), QKeySequence::Back)), forward(action(this, tr("&Forward"), QKeySequence::Forward)),
      showEvents(action(this, tr("&Events"), QKeySequence(Qt::CTRL | Qt::Key_1))),
      showSql(action(this, tr("S&QL Editor"), QKeySequence(Qt::CTRL | Qt::Key_2))),
      showDashboard(action(this, tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_3))),
      utc(checkable(this, tr("Times in &UTC"), true)), logScale(checkable(this, tr("Timeline &Log Scale"), false)),
      colourRules(action(this, tr("&Colouring Rules…"))),
      star(action(this, tr("&Star or Unstar Selected Events"), QKeySequence(Qt::CTRL | Qt::Key_M))),
      starredOnly(checkable(this, tr("Show &Only Starred Events"), false)),
      compare(action(this, tr("&Compare Selected Events"), QKeySequence(Qt::CTRL | Qt::Key_D))),
      showStory(action(this, tr("Show Credential &Story"), QKeySequence(Qt::CTRL | Qt::Key_J))),
      detectionRules(action(this, tr("Detection &Rules…"))),
      validateIntegrity(action(this, tr("Validate Log &Integrity…"))),
      keyboardShortcuts(action(this, tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash))),
      about(action(this, tr("&About Trailscope")))
{
    // Back and forward follow the search bar's history, empty until a second search.
    back->setEnabled(false);
    forward->setEnabled(false);
}

void WindowActions::fillMenuBar(QMenuBar* bar, QMenu* recentCases, QMenu* timelineSeries, QMenu* searches) const
{
    QMenu* file = bar->addMenu(tr("&File"));
    file->addActions({newCase, openCase});
    file->addMenu(recentCases);
    file->addActions({openSample, reloadCase});
    file->addSeparator();
    file->addActions({importTrail, exportData});
    file->addSeparator();
    file->addAction(quit);

    bar->addMenu(tr("&Edit"))->addAction(find);
    bar->addMenu(tr("&Go"))->addActions({back, forward});

    QMenu* view = bar->addMenu(tr("&View"));
    view->addActions({showEvents, showSql, showDashboard});
    view->addSeparator();
    view->addActions({utc, logScale});
    view->addMenu(timelineSeries);
    view->addSeparator();
    view->addAction(colourRules);

    bar->addMenu(searches);

    QMenu* events = bar->addMenu(tr("E&vents"));
    events->addActions({star, starredOnly});
    events->addSeparator();
    events->addActions({compare, showStory});
    events->addSeparator();
    events->addActions({detectionRules, validateIntegrity});

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(keyboardShortcuts);
    help->addSeparator();
    help->addAction(about);
}

} // namespace Trailscope::Ui
