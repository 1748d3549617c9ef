#include "facetpane.h"

#include "browser/searchterm.h"

#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

using Core::Query::Facet;
using Core::Query::FacetValue;
using Core::Query::FieldDef;

namespace {

constexpr int FieldIndexRole = Qt::UserRole + 1;
constexpr int ValueIndexRole = Qt::UserRole + 2;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

FacetPane::FacetPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Value"), tr("Events")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setToolTip(tr("Click a value to filter on it; Ctrl+click to exclude it."));
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const bool exclude =
            QApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
        if (const QString term = termOf(item, exclude); !term.isEmpty())
            Q_EMIT termActivated(term);
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &FacetPane::showMenu);
    connect(m_tree, &QTreeWidget::itemCollapsed, this,
            [this](QTreeWidgetItem* item) { m_collapsed.insert(item->text(0), true); });
    connect(m_tree, &QTreeWidget::itemExpanded, this,
            [this](QTreeWidgetItem* item) { m_collapsed.remove(item->text(0)); });
}

QString FacetPane::termFor(const FieldDef& field, const FacetValue& value, bool exclude)
{
    const QString name = toQString(field.name);
    if (value.absent) // "-f:*" is the events that lack f
        return exclude ? QString(name + QStringLiteral(":*")) : QString(QLatin1Char('-') + name + QStringLiteral(":*"));
    const QString term = name + QLatin1Char(':') + quotedSearchValue(value.value);
    return exclude ? QString(QLatin1Char('-') + term) : term;
}

void FacetPane::setFacets(const FacetList& facets)
{
    m_facets = facets;
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    for (std::size_t f = 0; f < facets.size(); ++f) {
        const Facet& facet = facets[f];
        if (!facet.field)
            continue;
        auto* fieldItem = new QTreeWidgetItem(m_tree);
        fieldItem->setText(0, toQString(facet.field->name));
        fieldItem->setText(1, tr("%n value(s)", nullptr, static_cast<int>(facet.distinct)));
        fieldItem->setFirstColumnSpanned(false);
        QFont bold = fieldItem->font(0);
        bold.setBold(true);
        fieldItem->setFont(0, bold);
        fieldItem->setData(0, FieldIndexRole, static_cast<int>(f));
        for (std::size_t v = 0; v < facet.top.size(); ++v) {
            const FacetValue& value = facet.top[v];
            auto* valueItem = new QTreeWidgetItem(fieldItem);
            valueItem->setText(0, value.absent ? tr("(absent)") : value.value);
            valueItem->setText(1, QLocale().toString(static_cast<qlonglong>(value.count)));
            valueItem->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            valueItem->setToolTip(0, value.absent ? tr("Events without %1").arg(fieldItem->text(0)) : value.value);
            valueItem->setData(0, FieldIndexRole, static_cast<int>(f));
            valueItem->setData(0, ValueIndexRole, static_cast<int>(v));
            if (value.absent) {
                QFont italic = valueItem->font(0);
                italic.setItalic(true);
                valueItem->setFont(0, italic);
            }
        }
        fieldItem->setExpanded(!m_collapsed.contains(fieldItem->text(0)));
    }
}

void FacetPane::setBusy(bool busy)
{
    m_tree->setEnabled(true);
    m_tree->viewport()->setProperty("busy", busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString FacetPane::termOf(QTreeWidgetItem* item, bool exclude) const
{
    if (!item || !item->data(0, ValueIndexRole).isValid())
        return {};
    const auto f = static_cast<std::size_t>(item->data(0, FieldIndexRole).toInt());
    const auto v = static_cast<std::size_t>(item->data(0, ValueIndexRole).toInt());
    if (f >= m_facets.size() || v >= m_facets[f].top.size() || !m_facets[f].field)
        return {};
    return termFor(*m_facets[f].field, m_facets[f].top[v], exclude);
}

void FacetPane::showMenu(const QPoint& position)
{
    QTreeWidgetItem* item = m_tree->itemAt(position);
    const QString in = termOf(item, false), out = termOf(item, true);
    if (in.isEmpty())
        return;
    // The facets may refresh while the menu is open: the actions keep the terms, not the item.
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Filter on this value"), this, [this, in] { Q_EMIT termActivated(in); });
    menu->addAction(tr("Exclude this value"), this, [this, out] { Q_EMIT termActivated(out); });
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

} // namespace Trailscope::Ui
