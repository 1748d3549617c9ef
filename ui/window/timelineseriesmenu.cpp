#include "timelineseriesmenu.h"

#include "browser/facetpane.h"
#include "browser/searchbar.h"
#include "browser/searchworker.h"

#include "query/searchparser.h"

#include <QInputDialog>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

QString fieldName(const Core::Query::FieldDef& field)
{
    return QString::fromUtf8(field.name.data(), static_cast<qsizetype>(field.name.size()));
}

} // namespace

TimelineSeriesMenu::TimelineSeriesMenu(SearchBar* searchBar, QWidget* parent)
    : QMenu(tr("Timeline &Series"), parent), m_searchBar(searchBar)
{
    rebuild();
}

QStringList TimelineSeriesMenu::labels() const
{
    QStringList labels;
    for (const SeriesSearch& series : m_series)
        labels << series.label;
    return labels;
}

void TimelineSeriesMenu::addExpression(const QString& expression)
{
    auto parsed = Core::Query::parseSearch(expression);
    if (expression.trimmed().isEmpty() || !parsed || m_series.size() >= MaxSeries || labels().contains(expression))
        return;
    QList<SeriesSearch> series = m_series;
    series.append({expression, Core::Query::shareSearch(std::move(*parsed))});
    setSeries(std::move(series));
}

void TimelineSeriesMenu::splitBy(const QString& field)
{
    const auto facet = std::find_if(m_facets.begin(), m_facets.end(), [&field](const Core::Query::Facet& f) {
        return f.field && fieldName(*f.field) == field;
    });
    if (facet == m_facets.end() || facet->top.empty()) {
        Q_EMIT message(tr("No values of %1 under the current search.").arg(field));
        return;
    }
    // Each series is the field's value within the current search, so the lines add up to (part of) the bars. The
    // trees are combined, not the texts: an OR or a `{…}` filter pattern keeps its meaning.
    const Core::Query::SearchTree base = m_searchBar->search();
    QList<SeriesSearch> series;
    for (const Core::Query::FacetValue& value : facet->top) {
        if (series.size() == MaxSeries)
            break;
        const QString term = FacetPane::termFor(*facet->field, value, false);
        auto narrowing = Core::Query::parseSearch(term);
        if (narrowing)
            series.append({term, Core::Query::shareSearch(Core::Query::allOf({*base, std::move(*narrowing)}))});
    }
    setSeries(std::move(series));
}

QList<TimelineSeries> TimelineSeriesMenu::drawn(const SeriesCounts& counts, std::size_t buckets) const
{
    static const QColor palette[] = {QColor(20, 150, 90), QColor(200, 120, 0), QColor(140, 60, 200),
                                     QColor(0, 140, 170), QColor(180, 40, 120)};
    QList<TimelineSeries> drawn;
    // A histogram answers the request it was asked with; a series added since has no counts yet.
    for (qsizetype i = 0; i < counts.size() && i < m_series.size(); ++i)
        if (counts[i].size() == buckets)
            drawn.append({m_series[i].label, palette[i % MaxSeries], counts[i]});
    return drawn;
}

void TimelineSeriesMenu::setSeries(QList<SeriesSearch> series)
{
    m_series = std::move(series);
    rebuild();
    Q_EMIT seriesChanged();
}

void TimelineSeriesMenu::chooseExpression()
{
    auto* dialog = new QInputDialog(parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Timeline Series"));
    dialog->setLabelText(tr("Search expression to count on the timeline:"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& text) {
        if (Core::Query::parseSearch(text))
            addExpression(text);
        else
            Q_EMIT message(tr("Not a valid search: %1").arg(text));
    });
    dialog->open();
}

void TimelineSeriesMenu::rebuild()
{
    clear();
    addAction(tr("Add the Current Search as a Series"), this, [this] {
        if (m_searchBar->isValid())
            addExpression(m_searchBar->text());
    });
    addAction(tr("Add a Series…"), this, &TimelineSeriesMenu::chooseExpression);
    QMenu* split = addMenu(tr("Split by Field"));
    for (const Core::Query::FieldDef* field : sidebarFacetFields()) {
        const QString name = fieldName(*field);
        split->addAction(name, this, [this, name] { splitBy(name); });
    }
    if (m_series.isEmpty())
        return;
    addAction(tr("Remove All Series"), this, [this] { setSeries({}); });
    addSeparator();
    for (const QString& label : labels())
        addAction(tr("Remove \"%1\"").arg(label), this, [this, label] {
            QList<SeriesSearch> series = m_series;
            series.removeIf([&label](const SeriesSearch& s) { return s.label == label; });
            setSeries(std::move(series));
        });
}

} // namespace Trailscope::Ui
