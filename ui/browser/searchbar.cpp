#include "searchbar.h"

#include "browser/searchterm.h"

#include "query/fieldtable.h"
#include "query/searchparser.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPalette>
#include <QStringListModel>

namespace Trailscope::Ui {

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Where the word under the cursor starts: after the last space outside quotes, or after an opening parenthesis.
qsizetype wordStart(const QString& text)
{
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c.isSpace() || c == QLatin1Char('(')))
            start = i + 1;
    }
    return start;
}

// Values are quoted only when they must be: the completion then reads like what an analyst types.
QString quoteIfNeeded(const QString& value)
{
    static const QString special = QStringLiteral(" \t\"()\\*:");
    bool needs = value.isEmpty();
    for (const QChar c : value)
        needs = needs || special.contains(c);
    return needs ? quotedSearchValue(value) : value;
}

} // namespace

SearchBar::SearchBar(QWidget* parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search: eventName:RunInstances user:alice ip:203.0.113.0/24 -readOnly:true \"text\" "
                          "(or a {$.field = …} filter pattern)"));
    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SearchBar::insertCompletion);
    // Installed after the completer's own filter, so it sees the popup's keys first.
    m_completer->popup()->installEventFilter(this);
    connect(this, &QLineEdit::textEdited, this, [this] {
        validate();
        updateCompletions();
    });
    connect(this, &QLineEdit::textChanged, this, [this] { validate(); });
}

void SearchBar::validate()
{
    auto parsed = Core::Query::parseSearch(text());
    const bool valid = parsed.has_value();
    m_search = Core::Query::shareSearch(valid ? std::move(*parsed) : Core::Query::SearchNode{});
    m_error = valid ? QString() : parsed.error().message;
    m_errorPosition = valid ? -1 : static_cast<int>(parsed.error().position);
    QPalette tinted = palette();
    const QColor base = QPalette().color(QPalette::Base);
    tinted.setColor(QPalette::Base, valid ? base
                                          : QColor::fromRgbF(static_cast<float>(base.redF() * 0.75 + 0.25),
                                                             static_cast<float>(base.greenF() * 0.8),
                                                             static_cast<float>(base.blueF() * 0.8)));
    setPalette(tinted);
    if (valid != m_valid || !valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid, m_error, m_errorPosition);
    }
}

QStringList SearchBar::completionsFor(const QString& textBeforeCursor) const
{
    const qsizetype start = wordStart(textBeforeCursor);
    QString word = textBeforeCursor.mid(start);
    if (word.startsWith(QLatin1Char('-')))
        word.remove(0, 1);
    QStringList words;
    const qsizetype colon = word.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        if (word.isEmpty())
            return words;
        for (const Core::Query::FieldDef& field : Core::Query::fields()) {
            const QString name = toQString(field.name);
            if (name.startsWith(word, Qt::CaseInsensitive))
                words << name + QLatin1Char(':');
            for (const std::string_view alias : field.aliases) {
                const QString aliasName = toQString(alias);
                if (!alias.empty() && aliasName.startsWith(word, Qt::CaseInsensitive) &&
                    !name.startsWith(word, Qt::CaseInsensitive))
                    words << aliasName + QLatin1Char(':');
            }
        }
        return words;
    }
    const Core::Query::FieldDef* field = Core::Query::findField(QStringView(word).left(colon));
    if (!field)
        return words;
    const QString prefix = word.left(colon + 1);
    QString typed = word.mid(colon + 1);
    if (typed.startsWith(QLatin1Char('"')))
        typed.remove(0, 1);
    for (const QString& value : m_values.value(toQString(field->name)))
        if (value.startsWith(typed, Qt::CaseInsensitive))
            words << prefix + quoteIfNeeded(value);
    if (field->kind == Core::Query::ValueKind::Boolean) {
        for (const char* value : {"true", "false"})
            if (QString::fromLatin1(value).startsWith(typed, Qt::CaseInsensitive))
                words << prefix + QString::fromLatin1(value);
        words.removeDuplicates();
    }
    return words;
}

void SearchBar::updateCompletions()
{
    const QString before = text().left(cursorPosition());
    const QStringList words = completionsFor(before);
    QString word = before.mid(wordStart(before));
    if (word.startsWith(QLatin1Char('-')))
        word.remove(0, 1);
    if (words.isEmpty() || (words.size() == 1 && words.first() == word)) { // nothing left to complete
        m_completer->popup()->hide();
        return;
    }
    // The list is already filtered to the word under the cursor; the completer shows it whole.
    m_completions->setStringList(words);
    m_completer->setCompletionPrefix(QString());
    m_completer->complete();
}

void SearchBar::insertCompletion(const QString& completion)
{
    const QString before = text().left(cursorPosition());
    const QString after = text().mid(cursorPosition());
    qsizetype start = wordStart(before);
    if (before.mid(start).startsWith(QLatin1Char('-')))
        ++start;
    const QString replaced = before.left(start) + completion;
    if (replaced + after == text()) {
        // Choosing what is already typed means "run it".
        if (m_valid)
            submit(text());
        return;
    }
    setText(replaced + after);
    setCursorPosition(static_cast<int>(replaced.size()));
}

void SearchBar::suggestValuesFrom(const std::vector<Core::Query::Facet>& facets)
{
    for (const Core::Query::Facet& facet : facets) {
        if (!facet.field)
            continue;
        QStringList values;
        for (const Core::Query::FacetValue& value : facet.top)
            if (!value.absent)
                values << value.value;
        setValueSuggestions(
            QString::fromUtf8(facet.field->name.data(), static_cast<qsizetype>(facet.field->name.size())), values);
    }
}

void SearchBar::setValueSuggestions(const QString& field, const QStringList& values)
{
    m_values.insert(field, values);
}

bool SearchBar::eventFilter(QObject* watched, QEvent* event)
{
    // Enter with no completion chosen runs the search as typed instead of only closing the popup.
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        const bool chosen = m_completer->popup()->selectionModel()->hasSelection();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !chosen) {
            m_completer->popup()->hide();
            if (m_valid)
                submit(text());
            return true;
        }
    }
    return QLineEdit::eventFilter(watched, event);
}

void SearchBar::keyPressEvent(QKeyEvent* event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer's popup takes these
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (m_valid)
            submit(text());
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void SearchBar::submit(const QString& newText)
{
    if (text() != newText)
        setText(newText);
    validate();
    if (!m_valid)
        return;
    record(newText);
    Q_EMIT searchSubmitted(newText);
}

void SearchBar::addTerm(const QString& term, bool exclude)
{
    const QString current = text().trimmed();
    const QString added = exclude ? QLatin1Char('-') + term : term;
    // A search with a top-level OR must keep its meaning: parenthesise it before adding a term. Decided on the
    // parsed tree, not the text (`a OR(b)` has no " OR ", `"x OR y"` is one quoted value).
    const bool hasOr = m_valid && m_search->kind == Core::Query::SearchNode::Kind::Or;
    QString combined;
    if (current.isEmpty())
        combined = added;
    else if (current.startsWith(QLatin1Char('{')))
        combined = added; // filter patterns don't mix with terms: the click replaces the pattern
    else
        combined = (hasOr ? QLatin1Char('(') + current + QLatin1Char(')') : current) + QLatin1Char(' ') + added;
    submit(combined);
}

void SearchBar::record(const QString& searchText)
{
    if (m_position >= 0 && m_position < m_visited.size() && m_visited.at(m_position) == searchText)
        return;
    // A new search after going back drops the forward branch, as a browser does.
    while (m_visited.size() > m_position + 1)
        m_visited.removeLast();
    m_visited << searchText;
    m_position = static_cast<int>(m_visited.size()) - 1;
    Q_EMIT navigationChanged();
}

void SearchBar::goBack()
{
    if (!canGoBack())
        return;
    --m_position;
    setText(m_visited.at(m_position));
    validate();
    Q_EMIT navigationChanged();
    Q_EMIT searchSubmitted(text());
}

void SearchBar::goForward()
{
    if (!canGoForward())
        return;
    ++m_position;
    setText(m_visited.at(m_position));
    validate();
    Q_EMIT navigationChanged();
    Q_EMIT searchSubmitted(text());
}

} // namespace Trailscope::Ui
