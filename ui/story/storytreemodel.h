#pragma once

#include "story/credentialstory.h"

#include <QStandardItemModel>

namespace Trailscope::Ui {

class StoryColours;

/// A credential chain as a small tree: the origin at the top, under it the key it holds or was issued first, and
/// under each key the keys issued by calls made with it, each with the call that issued it, when, and how many
/// events the key did. Chains are short (a handful of keys), so a standard item model serves.
class StoryTreeModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { CredentialColumn, PrincipalColumn, IssuedByColumn, IssuedAtColumn, EventsColumn, ColumnCount };
    enum Role {
        AccessKeyRole = Qt::UserRole + 1, ///< the row's access key; empty for the origin
        EventIdRole,                      ///< the eventID of the call that issued the key (or the origin's event)
        EventRowRole,                     ///< that event's events.id when the story holds it, else -1
    };

    explicit StoryTreeModel(QObject* parent = nullptr);

    void setStory(const Core::Story::CredentialStory& story, const StoryColours& colours);
    /// The row of `accessKeyId`, for selecting a key (tests, the table's current event).
    QModelIndex indexOfKey(const QString& accessKeyId) const;
};

} // namespace Trailscope::Ui
