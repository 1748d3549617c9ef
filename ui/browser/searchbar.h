#pragma once

#include "query/eventstatistics.h"
#include "query/searchast.h"

#include <QHash>
#include <QLineEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace Trailscope::Ui {

/// The search bar: the query layer's search language (or a `{…}` filter pattern), validated as it is typed (tint,
/// error position), completing field names and the values seen under the current search, with the session's
/// history for back and forward.
class SearchBar : public QLineEdit
{
    Q_OBJECT

public:
    explicit SearchBar(QWidget* parent = nullptr);

    bool isValid() const { return m_valid; }
    /// The text as parsed when it last changed: the one tree every view of this search combines (All when invalid).
    Core::Query::SearchTree search() const { return m_search; }
    QString errorMessage() const { return m_error; }
    /// 0-based character position of the error, -1 when valid.
    int errorPosition() const { return m_errorPosition; }

    /// Values offered after `field:` (from the facets of the current search).
    void setValueSuggestions(const QString& field, const QStringList& values);
    /// Offers the top values of each facet of the current search.
    void suggestValuesFrom(const std::vector<Core::Query::Facet>& facets);
    /// Sets the text, validates it and submits it (facet clicks, related events, history).
    void submit(const QString& text);
    /// Adds `term` to the current search (AND), or `-term` when excluding, and submits.
    void addTerm(const QString& term, bool exclude);

    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_visited.size(); }
    void goBack();
    void goForward();
    const QStringList& visited() const { return m_visited; }

    /// The words the completer offers for the text before the cursor.
    QStringList completionsFor(const QString& textBeforeCursor) const;

Q_SIGNALS:
    /// A valid search to run (Enter, or set through submit()).
    void searchSubmitted(const QString& text);
    void validityChanged(bool valid, const QString& message, int position);
    void navigationChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void validate();
    void updateCompletions();
    void insertCompletion(const QString& completion);
    void record(const QString& text);

    QCompleter* m_completer = nullptr;
    QStringListModel* m_completions = nullptr;
    QHash<QString, QStringList> m_values; // canonical field name → values
    QStringList m_visited;
    int m_position = -1;
    bool m_valid = true;
    QString m_error;
    int m_errorPosition = -1;
    Core::Query::SearchTree m_search = Core::Query::shareSearch({});
};

} // namespace Trailscope::Ui
