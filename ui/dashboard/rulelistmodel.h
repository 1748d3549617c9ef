#pragma once

#include "detect/detectionrule.h"
#include "detect/rulestore.h"

#include <QAbstractTableModel>

#include <vector>

namespace Trailscope::Ui {

/// Every rule a detection run over the case may apply: the shipped ones (read-only), then the analyst's own kept in
/// the case, each with its switch. Checking a row's On box asks for the switch (enabledToggled); the row shows the
/// new state at once and the rules read back after the write confirm it.
class RuleListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { On, Source, Level, Rule, Title, ColumnCount };

    struct Entry
    {
        QString id;
        Core::Detect::RuleSource source = Core::Detect::RuleSource::Cis;
        QString level, title;
        QByteArray text; ///< the rule file: as stored for the analyst's own, written out for shipped ones
        bool own = false;
        bool enabled = true;
        QString problem; ///< why an own rule does not load (a newer Trailscope wrote it); empty when it does
    };

    explicit RuleListModel(QObject* parent = nullptr);

    void setRules(const Core::Detect::CaseRules& rules);
    const Entry* entryAt(int row) const;
    /// The row of a rule id, -1 for none.
    int rowOf(const QString& ruleId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void enabledToggled(const QString& ruleId, bool enabled);

private:
    std::vector<Entry> m_entries;
};

} // namespace Trailscope::Ui
