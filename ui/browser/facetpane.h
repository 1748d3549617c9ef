#pragma once

#include "browser/searchrequest.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace Trailscope::Ui {

/// The facet sidebar: for each facet field, its top values and counts under the current search. Clicking a value
/// filters on it; Ctrl- or Alt-clicking filters it out; the context menu offers both.
class FacetPane : public QWidget
{
    Q_OBJECT

public:
    explicit FacetPane(QWidget* parent = nullptr);

    void setFacets(const FacetList& facets);
    void setBusy(bool busy);
    /// The search term a facet value stands for: `field:"value"`, or `-field:*` for "absent" (the events that lack
    /// the field); excluding gives `-field:"value"` (`field:*` for absent).
    static QString termFor(const Core::Query::FieldDef& field, const Core::Query::FacetValue& value, bool exclude);

    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    /// A complete term for the search bar to add (negated already when excluding).
    void termActivated(const QString& term);

private:
    QString termOf(QTreeWidgetItem* item, bool exclude) const;
    void showMenu(const QPoint& position);

    QTreeWidget* m_tree = nullptr;
    FacetList m_facets;
    QHash<QString, bool> m_collapsed; // field name → collapsed by the user
};

} // namespace Trailscope::Ui
