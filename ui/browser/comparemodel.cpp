#include "comparemodel.h"

#include "common/jsonnode.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>
#include <QStringBuilder>

#include <list>

namespace Trailscope::Ui {

namespace {

// Strings compare by kind too, so "1" and 1 differ; the cell shows strings unquoted.
QString comparable(const JsonLeaf& leaf)
{
    return QString::number(int(leaf.kind)) % u':' % leaf.value;
}

QColor differenceTint()
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
    return dark ? QColor(0x5c, 0x45, 0x10) : QColor(0xff, 0xec, 0xb3);
}

} // namespace

CompareModel::CompareModel(const QList<std::pair<QString, QByteArray>>& events, QObject* parent)
    : QAbstractTableModel(parent)
{
    Q_ASSERT(events.size() <= MaxEvents);
    const int count = std::min<int>(int(events.size()), MaxEvents);
    // Union of paths in record order: a path new to a later event goes right after that event's previous path, so
    // requestParameters.x of the second event lands among the first event's requestParameters.
    std::list<QString> order;
    QHash<QString, std::list<QString>::iterator> positions;
    QHash<QString, std::vector<std::optional<QString>>> values;
    QHash<QString, std::vector<QString>> comparables;
    for (int e = 0; e < count; ++e) {
        const auto& [label, raw] = events[e];
        const auto parsed = parseJson(raw);
        m_labels << (parsed ? label : tr("%1 (not JSON)").arg(label));
        if (!parsed)
            continue;
        auto insertAt = order.begin();
        for (const JsonLeaf& leaf : flattenJson(**parsed)) {
            auto found = positions.find(leaf.path);
            if (found == positions.end()) {
                found = positions.insert(leaf.path, order.insert(insertAt, leaf.path));
                values[leaf.path].resize(std::size_t(count));
                comparables[leaf.path].resize(std::size_t(count));
            }
            insertAt = std::next(*found);
            values[leaf.path][std::size_t(e)] = leaf.value;
            comparables[leaf.path][std::size_t(e)] = comparable(leaf);
        }
    }
    m_rows.reserve(order.size());
    for (const QString& path : order) {
        Row row{path, values.value(path), false};
        const auto& keys = comparables[path];
        for (std::size_t e = 0; e < row.values.size(); ++e) {
            if (row.values[e].has_value() != row.values[0].has_value() || keys[e] != keys[0])
                row.different = true;
        }
        if (row.different)
            m_differing.push_back(int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
}

void CompareModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    endResetModel();
}

const CompareModel::Row& CompareModel::rowAt(int row) const
{
    return m_onlyDifferences ? m_rows[std::size_t(m_differing[std::size_t(row)])] : m_rows[std::size_t(row)];
}

QStringList CompareModel::shownPaths() const
{
    QStringList paths;
    for (int row = 0; row < rowCount(); ++row)
        paths << rowAt(row).path;
    return paths;
}

int CompareModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return m_onlyDifferences ? int(m_differing.size()) : int(m_rows.size());
}

int CompareModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_labels.size());
}

QVariant CompareModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = rowAt(index.row());
    const std::optional<QString> value =
        index.column() == 0 ? std::optional<QString>(row.path) : row.values[std::size_t(index.column() - 1)];
    switch (role) {
    case Qt::DisplayRole:
        return value ? QString(*value).replace(u'\n', QStringLiteral("\\n")) : QStringLiteral("\u2014");
    case Qt::ToolTipRole:
        return value ? *value : tr("Not in this event");
    case Qt::ForegroundRole:
        if (!value)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        return row.different ? QVariant(differenceTint()) : QVariant();
    case Qt::FontRole:
        return index.column() == 0 ? QVariant() : QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    case PathRole:
        return row.path;
    case DifferentRole:
        return row.different;
    default:
        return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > m_labels.size())
        return {};
    return section == 0 ? tr("Field") : m_labels[section - 1];
}

} // namespace Trailscope::Ui
