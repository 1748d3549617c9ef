#include "jsontreemodel.h"

#include "common/jsonnode.h"

#include <QFontDatabase>
#include <QStringBuilder>

#include <functional>

namespace Trailscope::Ui {

namespace {

// A policy document can be a 100 KB string; the tree shows its start and the tooltip a little more.
constexpr qsizetype MaxDisplayLength = 1000;
constexpr qsizetype MaxToolTipLength = 4000;

QString oneLine(const QString& text, qsizetype limit)
{
    QString shown = text.size() > limit ? text.left(limit) % u'\x2026' : text;
    shown.replace(u'\n', QStringLiteral("\\n")).replace(u'\r', QStringLiteral("\\r")).replace(u'\t', u' ');
    return shown;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

JsonTreeModel::~JsonTreeModel() = default;

bool JsonTreeModel::setRecord(const QByteArray& rawRecord)
{
    beginResetModel();
    auto parsed = parseJson(rawRecord);
    if (parsed) {
        m_root = std::move(*parsed);
        m_error.clear();
    } else {
        m_root.reset();
        m_error = QStringLiteral("%1 at byte %2").arg(parsed.error().message).arg(parsed.error().offset);
    }
    endResetModel();
    return m_root != nullptr;
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_root.reset();
    m_error.clear();
    endResetModel();
}

// A scalar record (not what CloudTrail writes, but valid JSON) is one top row; otherwise the root's members are.
const JsonNode* JsonTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const JsonNode*>(index.internalPointer()) : nullptr;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!m_root || row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    const JsonNode* node = nodeFor(parent);
    if (!node) {
        if (!m_root->isContainer())
            return row == 0 ? createIndex(0, column, m_root.get()) : QModelIndex();
        node = m_root.get();
    }
    if (row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    const JsonNode* node = nodeFor(child);
    if (!node || !node->parent || node->parent == m_root.get())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_root || parent.column() > 0)
        return 0;
    const JsonNode* node = nodeFor(parent);
    if (!node)
        return m_root->isContainer() ? static_cast<int>(m_root->children.size()) : 1;
    return static_cast<int>(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString JsonTreeModel::displayValue(const JsonNode& node) const
{
    switch (node.kind) {
    case JsonNode::Kind::Object:
        return u'{' % QString::number(node.children.size()) % u'}';
    case JsonNode::Kind::Array:
        return u'[' % QString::number(node.children.size()) % u']';
    default:
        return oneLine(node.value, MaxDisplayLength);
    }
}

QString JsonTreeModel::typeName(const JsonNode& node) const
{
    switch (node.kind) {
    case JsonNode::Kind::Object:
        return tr("object");
    case JsonNode::Kind::Array:
        return tr("array");
    case JsonNode::Kind::String:
        return tr("string");
    case JsonNode::Kind::Number:
        return tr("number");
    case JsonNode::Kind::Boolean:
        return tr("boolean");
    case JsonNode::Kind::Null:
        return tr("null");
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    const JsonNode* node = nodeFor(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return node->index >= 0 ? u'[' % QString::number(node->index) % u']' : node->key;
        case ValueColumn:
            return displayValue(*node);
        default:
            return typeName(*node);
        }
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && node->kind == JsonNode::Kind::String && node->value.size() > 80)
            return node->value.left(MaxToolTipLength);
        if (index.column() == KeyColumn)
            return node->path();
        return {};
    case Qt::FontRole:
        if (index.column() == ValueColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case PathRole:
        return node->path();
    case ValueRole:
        return node->isContainer() ? QVariant() : QVariant(node->value);
    case RawValueRole:
        return node->isContainer() ? QVariant() : QVariant(node->rawText);
    case KindRole:
        return static_cast<int>(node->kind);
    case JsonRole:
        return toPrettyJson(*node);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

QModelIndex JsonTreeModel::indexForPath(const QString& path) const
{
    // Paths are short; walking the tree is simpler than keeping a second index in step with it.
    QModelIndex found;
    const std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < rowCount(parent) && !found.isValid(); ++row) {
            const QModelIndex child = index(row, 0, parent);
            const QString childPath = nodeFor(child)->path();
            if (childPath == path)
                found = child;
            else if (path.startsWith(childPath))
                walk(child);
        }
    };
    walk({});
    return found;
}

} // namespace Trailscope::Ui
