#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Trailscope::Ui {

/// Events side by side: one row per flattened record path (the union over the events, in record order), a column
/// per event. A row differs when its value is not the same in every event (missing counts as a value).
class CompareModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int MaxEvents = 5;
    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString, any column
        DifferentRole,               ///< bool, any column
    };

    /// Takes the first MaxEvents events; a record that is not JSON shows as having no fields.
    explicit CompareModel(const QList<std::pair<QString, QByteArray>>& events, QObject* parent = nullptr);

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }
    int eventCount() const { return int(m_labels.size()); }
    int pathCount() const { return int(m_rows.size()); }
    int differenceCount() const { return int(m_differing.size()); }
    /// The paths shown now, top to bottom.
    QStringList shownPaths() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString path;
        std::vector<std::optional<QString>> values; ///< per event; nullopt: the event lacks the path
        bool different = false;
    };

    const Row& rowAt(int row) const;

    QStringList m_labels;
    std::vector<Row> m_rows;
    std::vector<int> m_differing; ///< indexes into m_rows
    bool m_onlyDifferences = false;
};

} // namespace Trailscope::Ui
