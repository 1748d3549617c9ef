#include "filterchips.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Trailscope::Ui {

FilterChips::FilterChips(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("filterChips"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(6, 2, 6, 2);
    m_layout->setSpacing(4);
    rebuild();
}

void FilterChips::setFilters(const QList<PinnedFilter>& filters, bool quiet)
{
    m_filters = filters;
    rebuild();
    if (!quiet)
        Q_EMIT changed();
}

void FilterChips::add(const PinnedFilter& filter)
{
    m_filters.append(filter);
    rebuild();
    Q_EMIT changed();
}

void FilterChips::remove(qsizetype index)
{
    if (index < 0 || index >= m_filters.size())
        return;
    m_filters.removeAt(index);
    rebuild();
    Q_EMIT changed();
}

Core::Query::SearchTree FilterChips::narrow(const Core::Query::SearchTree& typed) const
{
    if (m_filters.isEmpty())
        return typed;
    std::vector<Core::Query::SearchNode> nodes{*typed};
    for (const PinnedFilter& filter : m_filters)
        nodes.push_back(*filter.search);
    return Core::Query::shareSearch(Core::Query::allOf(std::move(nodes)));
}

void FilterChips::rebuild()
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_filters.isEmpty()) {
        hide();
        return;
    }
    m_layout->addWidget(new QLabel(tr("Filters:"), this));
    for (qsizetype i = 0; i < m_filters.size(); ++i) {
        auto* chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("filterChip"));
        chip->setText(m_filters[i].label + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Remove this filter: %1").arg(Core::Query::dumpSearch(*m_filters[i].search)));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, [this, i] { remove(i); });
        m_layout->addWidget(chip);
    }
    auto* clearAll = new QToolButton(this);
    clearAll->setText(tr("Clear filters"));
    clearAll->setAutoRaise(true);
    connect(clearAll, &QToolButton::clicked, this, [this] { setFilters({}); });
    m_layout->addWidget(clearAll);
    m_layout->addStretch(1);
    show();
}

} // namespace Trailscope::Ui
