#include "sqleditor.h"

#include "sql/sqlhighlighter.h"
#ifdef TRAILSCOPE_HAVE_KF6_SYNTAX
#include "sql/kf6sqlhighlighter.h"
#endif
#include "sql/sqllanguage.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace Trailscope::Ui {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'.' || c == u'[' || c == u']' || c == u'*';
}

} // namespace

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent), m_highlighter(new SqlHighlighter(document())), m_completer(new QCompleter(this)),
      m_words(new QStringListModel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setPlaceholderText(tr("SELECT eventTime, eventName, userIdentity.arn FROM cloudtrail_logs LIMIT 100\n\n"
                          "Ctrl+Enter runs the query (or the selection); Ctrl+Space completes."));
    m_highlighter->setPalette(palette());
#ifdef TRAILSCOPE_HAVE_KF6_SYNTAX
    // Where the platform ships KDE's syntax highlighting the editor uses it (the design card); ours, which also colours
    // the case's fields, stays built and tested and serves everywhere else (Debian 12 has no KF6).
    m_highlighter->setDocument(nullptr);
    m_kdeHighlighter = new Kf6SqlHighlighter(document());
#endif
    m_completer->setModel(m_words);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SqlEditor::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (hasError())
            clearError();
    });
    rebuildWords();
}

QString SqlEditor::textToRun(int* offset) const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection()) {
        if (offset)
            *offset = cursor.selectionStart();
        // QTextCursor separates lines with U+2029.
        return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n');
    }
    if (offset)
        *offset = 0;
    return toPlainText();
}

void SqlEditor::setKeyPaths(const QStringList& keyPaths)
{
    m_keyPaths = keyPaths;
    QSet<QString> lower;
    for (const QString& path : keyPaths)
        lower.insert(SqlLanguage::keyPathAsSql(path).toLower());
    m_highlighter->setExtraFields(lower);
    rebuildWords();
}

void SqlEditor::rebuildWords()
{
    QStringList words;
    QSet<QString> seen;
    const auto add = [&](const QString& word) {
        if (!seen.contains(word.toLower())) {
            seen.insert(word.toLower());
            words << word;
        }
    };
    for (const QString& field : SqlLanguage::fields())
        add(field);
    for (const QString& path : m_keyPaths)
        add(SqlLanguage::keyPathAsSql(path));
    for (const QString& keyword : SqlLanguage::keywords())
        add(keyword);
    for (const QString& function : SqlLanguage::functions())
        add(function);
    for (const QString& table : SqlLanguage::tables())
        add(table);
    m_words->setStringList(words);
}

QStringList SqlEditor::completionWords() const
{
    return m_words->stringList();
}

QString SqlEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int start = cursor.positionInBlock();
    while (start > 0 && isWordChar(line[start - 1]))
        --start;
    return line.mid(start, cursor.positionInBlock() - start);
}

void SqlEditor::insertCompletion(const QString& word)
{
    QTextCursor cursor = textCursor();
    const QString prefix = wordBeforeCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, static_cast<int>(prefix.size()));
    const bool function = SqlLanguage::functionSet().contains(word) && !SqlLanguage::fields().contains(word);
    cursor.insertText(function ? word + u'(' : word);
    setTextCursor(cursor);
}

void SqlEditor::updateCompletion(bool forced)
{
    const QString prefix = wordBeforeCursor();
    const bool afterDot = prefix.endsWith(u'.');
    if (!forced && prefix.size() < 2 && !afterDot) {
        m_completer->popup()->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    const int count = m_completer->completionCount();
    // Nothing to offer, or the only offer is what is already typed.
    if (count == 0 || (count == 1 && m_completer->currentCompletion().compare(prefix, Qt::CaseInsensitive) == 0)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void SqlEditor::keyPressEvent(QKeyEvent* event)
{
    const bool popupVisible = m_completer->popup()->isVisible();
    if (popupVisible) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
        case Qt::Key_Backtab:
            if (!(event->modifiers() & Qt::ControlModifier)) {
                event->ignore(); // the completer takes it
                return;
            }
            break;
        default:
            break;
        }
    }
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (control && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        m_completer->popup()->hide();
        Q_EMIT runRequested();
        return;
    }
    if (control && event->key() == Qt::Key_Space) {
        updateCompletion(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && (isWordChar(typed.back()) || event->key() == Qt::Key_Backspace))
        updateCompletion(false);
    else if (popupVisible)
        m_completer->popup()->hide();
}

void SqlEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
#ifdef TRAILSCOPE_HAVE_KF6_SYNTAX
        m_kdeHighlighter->setPalette(palette());
#endif
    }
    QPlainTextEdit::changeEvent(event);
}

bool SqlEditor::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && hasError()) {
        auto* help = static_cast<QHelpEvent*>(event);
        QToolTip::showText(help->globalPos(), m_errorMessage, this);
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = helpAt(cursorForPosition(help->pos()).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

QString SqlEditor::helpAt(int position) const
{
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position, 0, std::max(0, document()->characterCount() - 1)));
    cursor.select(QTextCursor::WordUnderCursor);
    return SqlLanguage::functionHelp(cursor.selectedText());
}

void SqlEditor::showError(int position, const QString& message)
{
    position = std::clamp(position, 0, std::max(0, document()->characterCount() - 1));
    QTextCursor cursor(document());
    cursor.setPosition(position);
    QTextCursor word = cursor;
    word.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!word.hasSelection() || word.selectedText().trimmed().isEmpty()) {
        word = cursor;
        if (!word.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor)) {
            word.movePosition(QTextCursor::PreviousCharacter); // at the end: mark the last character
            word.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        }
    }
    QTextEdit::ExtraSelection selection;
    selection.cursor = word;
    selection.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    selection.format.setUnderlineColor(QColor(0xe0, 0x1b, 0x24));
    selection.format.setBackground(QColor(0xe0, 0x1b, 0x24, 0x38)); // a one-character token needs more than a line
    selection.format.setToolTip(message);
    setExtraSelections({selection});
    m_errorMessage = message;
    setTextCursor(cursor);
    ensureCursorVisible();
    m_errorPosition = position;
}

void SqlEditor::clearError()
{
    m_errorPosition = -1;
    m_errorMessage.clear();
    setExtraSelections({});
}

} // namespace Trailscope::Ui
