#pragma once

#include "detect/attacklabels.h"
#include "detect/detectionrule.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace Trailscope::Ui {

/// The detection rules that fired on the case, one row per rule: sortable by any column (a few dozen rows, sorted in
/// memory). The Hits column's SparklineRole holds the rule's hits per equal slice of the case's time range.
class DetectionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Level, Rule, Title, Source, Attack, Count, First, Last, Hits, ColumnCount };
    /// QList<int>: the hits in each of Buckets equal slices of the case's time range (Hits column).
    static constexpr int SparklineRole = Qt::UserRole + 1;
    static constexpr int Buckets = 48;

    explicit DetectionsModel(QObject* parent = nullptr);

    void setFindings(std::vector<Core::Detect::Finding> findings, std::optional<std::int64_t> caseStart,
                     std::optional<std::int64_t> caseEnd);
    const std::vector<Core::Detect::Finding>& findings() const { return m_findings; }
    /// Only the findings of rules tagged with this ATT&CK tactic (its tag: `defense-evasion`); NoTactic: those
    /// without one; empty: every finding.
    void setTacticFilter(const QString& tacticTag);
    QString tacticFilter() const { return m_tacticFilter; }
    static inline const QString NoTactic = QStringLiteral("-");
    /// The hits per slice (SparklineRole) of findings()[finding], whether shown or filtered out.
    const QList<int>& hitsOf(std::size_t finding) const { return m_buckets[finding]; }
    /// The finding a row shows, nullptr for none.
    const Core::Detect::Finding* findingAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// informational 0 … critical 4; -1 for a level not in Sigma's list.
    static int levelRank(const QString& level);
    static QString sourceLabel(Core::Detect::RuleSource source);

private:
    QList<int> buckets(const Core::Detect::Finding& finding) const;
    QVariant sortKey(const Core::Detect::Finding& finding, int column) const;

    std::vector<Core::Detect::Finding> m_findings;
    bool passesFilter(std::size_t finding) const;
    void rebuildRows();

    std::vector<QList<int>> m_buckets;                // per finding
    std::vector<Core::Detect::AttackLabels> m_labels; // per finding
    std::vector<std::size_t> m_order;                 // row → index into m_findings, the shown ones only
    QString m_tacticFilter;
    std::optional<std::int64_t> m_caseStart, m_caseEnd;
    int m_sortColumn = Level;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Trailscope::Ui
