#pragma once

#include <QAbstractItemModel>

#include <memory>

namespace Trailscope::Ui {

struct JsonNode;

/// One JSON record as a tree (Key, Value, Type), members in record order. The top level's members are the top rows.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString: `userIdentity.sessionContext.sessionIssuer.arn`, `resources[0].ARN`
        ValueRole,                   ///< QString: a scalar's value (strings decoded); invalid for objects and arrays
        RawValueRole,                ///< QString: a scalar as written in the record (string escapes kept, no quotes)
        KindRole,                    ///< int: JsonNode::Kind
        JsonRole,                    ///< QString: the subtree as indented JSON
    };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    /// Replaces the record; false (and an empty model, errorString() set) when it is not JSON.
    bool setRecord(const QByteArray& rawRecord);
    void clear();
    QString errorString() const { return m_error; }
    /// The parsed record, or nullptr.
    const JsonNode* root() const { return m_root.get(); }
    /// The index of the node at `path` in column 0; invalid when there is none.
    QModelIndex indexForPath(const QString& path) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const JsonNode* nodeFor(const QModelIndex& index) const;
    QString displayValue(const JsonNode& node) const;
    QString typeName(const JsonNode& node) const;

    std::unique_ptr<JsonNode> m_root;
    QString m_error;
};

} // namespace Trailscope::Ui
