#include "searchesmenu.h"

#include "browser/casesession.h"
#include "browser/searchbar.h"

#include "casedb/analyststore.h"

#include <QInputDialog>
#include <QSettings>

namespace Trailscope::Ui {

namespace {

const QString HistoryKey = QStringLiteral("searchHistory");

} // namespace

SearchesMenu::SearchesMenu(CaseSession* session, SearchBar* searchBar, QWidget* parent)
    : QMenu(tr("&Searches"), parent), m_session(session), m_searchBar(searchBar)
{
    addAction(tr("&Save Search…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
              &SearchesMenu::chooseSaveSearch);
    m_savedMenu = addMenu(tr("Saved Searches"));
    m_savedMenu->setEnabled(false);
    m_historyMenu = addMenu(tr("Recent Searches"));
    m_history = QSettings().value(HistoryKey).toStringList();
    showHistory();
    connect(m_session, &CaseSession::savedSearchesChanged, this, &SearchesMenu::showSaved);
    connect(m_searchBar, &SearchBar::searchSubmitted, this, &SearchesMenu::remember);
}

void SearchesMenu::chooseSaveSearch()
{
    if (!m_session->isOpen() || m_searchBar->text().trimmed().isEmpty()) {
        Q_EMIT message(tr("Type a search to save first."));
        return;
    }
    auto* dialog = new QInputDialog(parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Search"));
    dialog->setLabelText(tr("Name for \"%1\":").arg(m_searchBar->text()));
    const QString text = m_searchBar->text();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, text](const QString& name) {
        if (!name.trimmed().isEmpty())
            m_session->saveSearch(name.trimmed(), text);
    });
    dialog->open();
}

void SearchesMenu::showSaved(const QList<Core::SavedItem>& items)
{
    m_savedMenu->clear();
    for (const Core::SavedItem& item : items) {
        QAction* action =
            m_savedMenu->addAction(item.name, this, [this, text = item.text] { m_searchBar->submit(text); });
        action->setToolTip(item.text);
    }
    if (!items.isEmpty()) {
        m_savedMenu->addSeparator();
        QMenu* remove = m_savedMenu->addMenu(tr("Remove"));
        for (const Core::SavedItem& item : items)
            remove->addAction(item.name, this, [this, id = item.id] { m_session->removeSavedSearch(id); });
    }
    m_savedMenu->setEnabled(!items.isEmpty());
}

void SearchesMenu::remember(const QString& text)
{
    if (text.trimmed().isEmpty())
        return;
    m_history.removeAll(text);
    m_history.prepend(text);
    while (m_history.size() > MaxRemembered)
        m_history.removeLast();
    // Off the GUI thread: saving the settings file syncs it to disk, which an import's writes can hold up.
    m_settingsWriter.setValue(HistoryKey, m_history);
    showHistory();
}

void SearchesMenu::showHistory()
{
    m_historyMenu->clear();
    for (const QString& text : std::as_const(m_history))
        m_historyMenu->addAction(text, this, [this, text] { m_searchBar->submit(text); });
    m_historyMenu->setEnabled(!m_history.isEmpty());
}

} // namespace Trailscope::Ui
