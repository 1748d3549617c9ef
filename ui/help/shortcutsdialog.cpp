#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

QString withoutMnemonics(QString text)
{
    // "&&" is a literal ampersand; a single "&" marks the mnemonic.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// The menu an action sits in, where it sits in one.
const QMenu* menuOf(const QAction* action)
{
    for (const QObject* object : action->associatedObjects())
        if (const auto* menu = qobject_cast<const QMenu*>(object))
            return menu;
    return nullptr;
}

} // namespace

QList<QAction*> ShortcutsDialog::actionsWithShortcuts(const QObject* root)
{
    QList<QAction*> actions;
    QSet<const QAction*> seen;
    for (QAction* action : root->findChildren<QAction*>())
        if (!action->shortcut().isEmpty() && !seen.contains(action)) {
            seen.insert(action);
            actions.append(action);
        }
    return actions;
}

QString ShortcutsDialog::plainText(const QAction* action)
{
    QString text = withoutMnemonics(action->text());
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setUniformRowHeights(true);

    // One group per menu, in the order the actions come (the menu bar's order for the window's own actions).
    QList<std::pair<QString, QTreeWidgetItem*>> groups;
    const auto groupNamed = [this, &groups](const QString& title) {
        for (const auto& [name, item] : groups)
            if (name == title)
                return item;
        auto* item = new QTreeWidgetItem(m_tree, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setFirstColumnSpanned(true);
        groups.append({title, item});
        return item;
    };
    for (const QAction* action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        const QMenu* menu = menuOf(action);
        const QString group = menu && !menu->title().isEmpty() ? withoutMnemonics(menu->title()) : tr("Other");
        QStringList keys;
        for (const QKeySequence& shortcut : action->shortcuts())
            keys << shortcut.toString(QKeySequence::NativeText);
        new QTreeWidgetItem(groupNamed(group), {plainText(action), keys.join(tr(", "))});
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(460, 420);
}

} // namespace Trailscope::Ui
