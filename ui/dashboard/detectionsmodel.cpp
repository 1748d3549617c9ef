#include "detectionsmodel.h"

#include <QDateTime>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

using Core::Detect::Finding;

QString secondText(std::int64_t epochMs)
{
    return epochMs ? QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
}

// Tactics by name, then techniques by id: "Persistence, Privilege Escalation (T1098)".
QString attackText(const Core::Detect::AttackLabels& labels)
{
    QStringList names;
    for (const Core::Detect::AttackTactic& tactic : labels.tactics)
        names << tactic.name;
    QString text = names.join(QStringLiteral(", "));
    if (!labels.techniques.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + u'(' +
                labels.techniques.join(QStringLiteral(", ")) + u')';
    return text;
}

} // namespace

DetectionsModel::DetectionsModel(QObject* parent) : QAbstractTableModel(parent) {}

int DetectionsModel::levelRank(const QString& level)
{
    static const QLatin1String levels[] = {QLatin1String("informational"), QLatin1String("low"),
                                           QLatin1String("medium"), QLatin1String("high"), QLatin1String("critical")};
    for (int i = 0; i < 5; ++i)
        if (level.compare(levels[i], Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString DetectionsModel::sourceLabel(Core::Detect::RuleSource source)
{
    switch (source) {
    case Core::Detect::RuleSource::Cis:
        return tr("CIS");
    case Core::Detect::RuleSource::Trailscope:
        return tr("Trailscope");
    case Core::Detect::RuleSource::Sigma:
        return tr("Sigma");
    case Core::Detect::RuleSource::User:
        return tr("User");
    }
    return {};
}

void DetectionsModel::setFindings(std::vector<Finding> findings, std::optional<std::int64_t> caseStart,
                                  std::optional<std::int64_t> caseEnd)
{
    beginResetModel();
    m_findings = std::move(findings);
    m_caseStart = caseStart;
    m_caseEnd = caseEnd;
    m_buckets.clear();
    m_labels.clear();
    for (const Finding& finding : m_findings) {
        m_buckets.push_back(buckets(finding));
        m_labels.push_back(Core::Detect::attackLabels(finding.rule.tags));
    }
    rebuildRows();
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

void DetectionsModel::setTacticFilter(const QString& tacticTag)
{
    if (tacticTag == m_tacticFilter)
        return;
    beginResetModel();
    m_tacticFilter = tacticTag;
    rebuildRows();
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

bool DetectionsModel::passesFilter(std::size_t finding) const
{
    if (m_tacticFilter.isEmpty())
        return true;
    const auto& tactics = m_labels[finding].tactics;
    if (m_tacticFilter == NoTactic)
        return tactics.isEmpty();
    return std::any_of(tactics.begin(), tactics.end(),
                       [&](const Core::Detect::AttackTactic& tactic) { return tactic.tag == m_tacticFilter; });
}

void DetectionsModel::rebuildRows()
{
    m_order.clear();
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        if (passesFilter(i))
            m_order.push_back(i);
    }
}

// A metric filter's periods in alarm carry their counts; a rule without periods (Sigma) is drawn at its first and
// last hit, the times a finding keeps.
QList<int> DetectionsModel::buckets(const Finding& finding) const
{
    QList<int> counts(Buckets, 0);
    if (!m_caseStart || !m_caseEnd)
        return counts;
    const double span = std::max<double>(1, static_cast<double>(*m_caseEnd - *m_caseStart));
    const auto add = [&](std::int64_t time, std::int64_t count) {
        const double at = static_cast<double>(time - *m_caseStart) / span;
        counts[std::clamp(static_cast<int>(at * Buckets), 0, Buckets - 1)] += static_cast<int>(count);
    };
    if (!finding.windows.empty()) {
        for (const Core::Detect::FindingWindow& window : finding.windows)
            add(window.start, window.count);
    } else if (finding.first) {
        add(finding.first, finding.count > 1 ? finding.count - 1 : 1);
        if (finding.count > 1)
            add(finding.last, 1);
    }
    return counts;
}

const Finding* DetectionsModel::findingAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_findings[m_order[static_cast<std::size_t>(row)]] : nullptr;
}

int DetectionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int DetectionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DetectionsModel::data(const QModelIndex& index, int role) const
{
    const Finding* finding = index.isValid() ? findingAt(index.row()) : nullptr;
    if (!finding)
        return {};
    if (role == SparklineRole && index.column() == Hits)
        return QVariant::fromValue(m_buckets[m_order[static_cast<std::size_t>(index.row())]]);
    if (role == Qt::TextAlignmentRole && index.column() == Count)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        QString tip = finding->rule.title;
        if (!finding->rule.description.isEmpty())
            tip += QLatin1Char('\n') + finding->rule.description;
        const auto& labels = m_labels[m_order[static_cast<std::size_t>(index.row())]];
        if (!labels.techniques.isEmpty())
            tip += QLatin1Char('\n') + tr("ATT&CK techniques: %1").arg(labels.techniques.join(QStringLiteral(", ")));
        if (!finding->rule.tags.isEmpty())
            tip += QLatin1Char('\n') + finding->rule.tags.join(QStringLiteral(", "));
        if (!finding->rule.author.isEmpty())
            tip += QLatin1Char('\n') + tr("Author: %1").arg(finding->rule.author);
        return tip;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Level:
        return finding->rule.level;
    case Rule:
        return finding->rule.id;
    case Title:
        return finding->rule.title;
    case Source:
        return sourceLabel(finding->rule.source);
    case Attack:
        return attackText(m_labels[m_order[static_cast<std::size_t>(index.row())]]);
    case Count:
        return QVariant::fromValue(static_cast<qlonglong>(finding->count));
    case First:
        return secondText(finding->first);
    case Last:
        return secondText(finding->last);
    case Hits:
        return {};
    }
    return {};
}

QVariant DetectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Level:
        return tr("Level");
    case Rule:
        return tr("Rule");
    case Title:
        return tr("Title");
    case Source:
        return tr("Source");
    case Attack:
        return tr("ATT&CK Tactics");
    case Count:
        return tr("Events");
    case First:
        return tr("First Hit");
    case Last:
        return tr("Last Hit");
    case Hits:
        return tr("Hits over the Case");
    }
    return {};
}

QVariant DetectionsModel::sortKey(const Finding& finding, int column) const
{
    switch (column) {
    case Level:
        return levelRank(finding.rule.level);
    case Rule:
        return finding.rule.id;
    case Title:
        return finding.rule.title;
    case Source:
        return sourceLabel(finding.rule.source);
    case Attack:
        return attackText(Core::Detect::attackLabels(finding.rule.tags));
    case Count:
    case Hits:
        return QVariant::fromValue(static_cast<qlonglong>(finding.count));
    case First:
        return QVariant::fromValue(static_cast<qlonglong>(finding.first));
    case Last:
        return QVariant::fromValue(static_cast<qlonglong>(finding.last));
    }
    return {};
}

void DetectionsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::size_t> previous = m_order;
    // Ties by rule order, so equal keys keep the order the rules were run in.
    std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
        const QVariant left = sortKey(m_findings[a], column), right = sortKey(m_findings[b], column);
        const auto cmp = QVariant::compare(left, right);
        return order == Qt::AscendingOrder ? cmp == QPartialOrdering::Less : cmp == QPartialOrdering::Greater;
    });
    std::vector<int> rowOf(m_findings.size(), -1);
    for (std::size_t row = 0; row < m_order.size(); ++row)
        rowOf[m_order[row]] = static_cast<int>(row);
    for (const QModelIndex& index : before) {
        const std::size_t finding = previous[static_cast<std::size_t>(index.row())];
        changePersistentIndex(index, createIndex(rowOf[finding], index.column()));
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Trailscope::Ui
