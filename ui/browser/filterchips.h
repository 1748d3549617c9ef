#pragma once

#include "query/searchast.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;

namespace Trailscope::Ui {

/// A search tree another view added to the browser's search (an insight's episode, "apply as filter" on a table
/// row), with the label its chip shows.
struct PinnedFilter
{
    QString label;
    Core::Query::SearchTree search;
};

/// The browser's pinned filters, beside the search bar: trees ANDed with the typed search by the AST's combinators,
/// never pasted into its text; each a chip the analyst removes with a click. Hidden while there are none.
class FilterChips : public QWidget
{
    Q_OBJECT

public:
    explicit FilterChips(QWidget* parent = nullptr);

    const QList<PinnedFilter>& filters() const { return m_filters; }
    /// Replaces the filters; emits changed() unless `quiet`.
    void setFilters(const QList<PinnedFilter>& filters, bool quiet = false);
    void add(const PinnedFilter& filter);
    void remove(qsizetype index);
    /// `typed` narrowed by every filter.
    Core::Query::SearchTree narrow(const Core::Query::SearchTree& typed) const;

Q_SIGNALS:
    void changed();

private:
    void rebuild();

    QList<PinnedFilter> m_filters;
    QHBoxLayout* m_layout = nullptr;
};

} // namespace Trailscope::Ui
