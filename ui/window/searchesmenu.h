#pragma once

#include "common/settingswriter.h"

#include <QMenu>

namespace Trailscope::Core {
struct SavedItem;
}

namespace Trailscope::Ui {

class CaseSession;
class SearchBar;

/// The Searches menu: save the current search in the case, the case's saved searches, and the searches submitted
/// recently (kept across windows in the settings, newest first).
class SearchesMenu : public QMenu
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxRemembered = 30;

    SearchesMenu(CaseSession* session, SearchBar* searchBar, QWidget* parent = nullptr);

    QStringList history() const { return m_history; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void chooseSaveSearch();
    void showSaved(const QList<Core::SavedItem>& items);
    void remember(const QString& text);
    void showHistory();

    CaseSession* m_session;
    SearchBar* m_searchBar;
    QMenu* m_savedMenu;
    QMenu* m_historyMenu;
    QStringList m_history; // newest first; the settings file is written by m_settingsWriter
    SettingsWriter m_settingsWriter;
};

} // namespace Trailscope::Ui
