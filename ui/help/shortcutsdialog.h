#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace Trailscope::Ui {

/// Help › Keyboard Shortcuts: every action given to it that has a shortcut, grouped by the menu it is in, read from
/// the actions themselves when the dialog opens, so the list cannot drift from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    /// The actions under `root` (a window and everything it owns) that have a shortcut, each once.
    static QList<QAction*> actionsWithShortcuts(const QObject* root);
    /// An action's text as the dialog lists it: without mnemonics and the trailing ellipsis.
    static QString plainText(const QAction* action);

    QTreeWidget* tree() const { return m_tree; }

private:
    QTreeWidget* m_tree = nullptr;
};

} // namespace Trailscope::Ui
