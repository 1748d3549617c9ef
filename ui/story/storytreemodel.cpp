#include "storytreemodel.h"

#include "storycolours.h"
#include "storytext.h"

#include "util/eventtime.h"

#include <QHash>
#include <QSet>

namespace Trailscope::Ui {

using Core::Story::CredentialStory;
using Core::Story::StoryKey;

namespace {

QList<QStandardItem*> rowItems(const QStringList& texts)
{
    QList<QStandardItem*> items;
    for (const QString& text : texts) {
        auto* item = new QStandardItem(text);
        item->setEditable(false);
        item->setToolTip(text);
        items << item;
    }
    return items;
}

} // namespace

StoryTreeModel::StoryTreeModel(QObject* parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Credential"), tr("Acts as"), tr("Issued by"), tr("Issued at (UTC)"), tr("Events")});
}

void StoryTreeModel::setStory(const CredentialStory& story, const StoryColours& colours)
{
    removeRows(0, rowCount());
    QHash<QString, qint64> eventsPerKey;
    QHash<QString, std::int64_t> rowOfEventId;
    for (const Core::Story::StoryEvent& event : story.events) {
        ++eventsPerKey[event.accessKeyId];
        rowOfEventId.insert(event.eventId, event.row);
    }
    const auto eventRow = [&rowOfEventId](const QString& eventId) -> std::int64_t {
        return eventId.isEmpty() ? -1 : rowOfEventId.value(eventId, -1);
    };

    const Core::Story::StoryOrigin& origin = story.origin;
    QList<QStandardItem*> originRow =
        rowItems({StoryText::originKind(origin.type), origin.subject.isEmpty() ? origin.arn : origin.subject, QString(),
                  QString(), QString()});
    originRow.at(CredentialColumn)->setToolTip(StoryText::origin(origin));
    originRow.at(CredentialColumn)->setData(origin.eventId, EventIdRole);
    originRow.at(CredentialColumn)->setData(QVariant::fromValue(eventRow(origin.eventId)), EventRowRole);
    QFont bold = originRow.at(CredentialColumn)->font();
    bold.setBold(true);
    originRow.at(CredentialColumn)->setFont(bold);
    appendRow(originRow);

    // Parents come before their children in `keys`; a key whose parent is outside the story hangs off the origin.
    QHash<QString, QStandardItem*> itemOfKey;
    for (const StoryKey& key : story.keys) {
        QList<QStandardItem*> row = rowItems({key.accessKeyId, key.principal, key.issuedByName,
                                              key.issuedAt ? Core::formatEventTime(key.issuedAt) : QString(),
                                              QString::number(eventsPerKey.value(key.accessKeyId))});
        QStandardItem* first = row.at(CredentialColumn);
        first->setData(key.accessKeyId, AccessKeyRole);
        first->setData(key.issuedBy, EventIdRole);
        first->setData(QVariant::fromValue(eventRow(key.issuedBy)), EventRowRole);
        first->setData(colours.of(key.accessKeyId), Qt::DecorationRole);
        row.at(EventsColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!key.sourceIdentity.isEmpty())
            row.at(PrincipalColumn)->setToolTip(tr("%1 (source identity %2)").arg(key.principal, key.sourceIdentity));
        QStandardItem* parentItem = itemOfKey.value(key.parent, originRow.at(CredentialColumn));
        parentItem->appendRow(row);
        itemOfKey.insert(key.accessKeyId, first);
    }
}

QModelIndex StoryTreeModel::indexOfKey(const QString& accessKeyId) const
{
    const QModelIndexList found =
        match(index(0, 0), AccessKeyRole, accessKeyId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

} // namespace Trailscope::Ui
