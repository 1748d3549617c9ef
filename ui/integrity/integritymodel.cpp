#include "integritymodel.h"

#include <QBrush>
#include <QColor>

namespace Trailscope::Ui {

using namespace Trailscope::Core::Integrity;

IntegrityModel::IntegrityModel(QObject* parent) : QAbstractTableModel(parent) {}

void IntegrityModel::setReport(SharedIntegrityReport report)
{
    beginResetModel();
    m_report = std::move(report);
    refilter();
    endResetModel();
}

void IntegrityModel::setProblemsOnly(bool problemsOnly)
{
    if (problemsOnly == m_problemsOnly)
        return;
    beginResetModel();
    m_problemsOnly = problemsOnly;
    refilter();
    endResetModel();
}

void IntegrityModel::refilter()
{
    m_shown.clear();
    if (!m_report)
        return;
    for (std::size_t i = 0; i < m_report->entries.size(); ++i) {
        const IntegrityEntry& entry = m_report->entries[i];
        if (!m_problemsOnly || entry.kind == EntryKind::Gap || isInvalid(entry.status) ||
            entry.status == FileStatus::NotCovered)
            m_shown.push_back(i);
    }
}

const IntegrityEntry* IntegrityModel::entryAt(int row) const
{
    if (!m_report || row < 0 || row >= static_cast<int>(m_shown.size()))
        return nullptr;
    return &m_report->entries[m_shown[static_cast<std::size_t>(row)]];
}

int IntegrityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

int IntegrityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IntegrityModel::text(const IntegrityEntry& entry, int column) const
{
    switch (column) {
    case Kind:
        return entry.kind == EntryKind::Digest ? tr("Digest file")
               : entry.kind == EntryKind::Log  ? tr("Log file")
                                               : tr("Gap");
    case File:
        return entry.kind == EntryKind::Gap ? QString() : entry.s3Path.isEmpty() ? entry.location : entry.s3Path;
    case Result:
        // The AWS CLI's words, untranslated: they are what the analyst compares with validate-logs' output.
        return entry.kind == EntryKind::Gap
                   ? QStringLiteral("No log files were delivered by CloudTrail between %1 and %2")
                         .arg(entry.gapFrom, entry.gapTo)
                   : statusMessage(entry);
    case Chain:
        return entry.chain;
    case Location:
        return entry.location;
    default:
        return {};
    }
}

QVariant IntegrityModel::data(const QModelIndex& index, int role) const
{
    const IntegrityEntry* entry = entryAt(index.row());
    if (!entry)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return text(*entry, index.column());
    if (role == Qt::ForegroundRole && (isInvalid(entry->status) || entry->kind == EntryKind::Gap))
        return QBrush(entry->kind == EntryKind::Gap ? QColor(0xb4, 0x6a, 0x00) : QColor(0xc0, 0x39, 0x2b));
    return {};
}

QVariant IntegrityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case File:
        return tr("File");
    case Result:
        return tr("Result");
    case Chain:
        return tr("Chain (account/region/trail)");
    case Location:
        return tr("Where it lies");
    default:
        return {};
    }
}

} // namespace Trailscope::Ui
