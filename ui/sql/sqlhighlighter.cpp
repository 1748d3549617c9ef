#include "sqlhighlighter.h"

#include "sql/sqllanguage.h"

#include <QGuiApplication>
#include <QPalette>

namespace Trailscope::Ui {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

bool startsWord(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool inWord(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void SqlHighlighter::setPalette(const QPalette& palette)
{
    // The same hues as the JSON view, so a value looks alike in both; the dark set is lighter and less saturated.
    const bool dark = isDark(palette);
    m_keyword = {};
    m_keyword.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3));
    m_keyword.setFontWeight(QFont::Bold);
    m_function = {};
    m_function.setForeground(dark ? QColor(0xdc, 0xdc, 0xaa) : QColor(0x79, 0x5e, 0x26));
    m_string = {};
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number = {};
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_comment = {};
    m_comment.setForeground(dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x5f, 0x7f, 0x5f));
    m_comment.setFontItalic(true);
    m_field = {};
    m_field.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x4f, 0x9e));
    rehighlight();
}

void SqlHighlighter::setExtraFields(const QSet<QString>& lowerPaths)
{
    m_extraFields = lowerPaths;
    rehighlight();
}

QTextCharFormat SqlHighlighter::tokenFormat(Token token) const
{
    switch (token) {
    case Token::Keyword:
        return m_keyword;
    case Token::Function:
        return m_function;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Comment:
        return m_comment;
    case Token::Field:
        return m_field;
    }
    return {};
}

bool SqlHighlighter::isField(const QString& dottedLower) const
{
    if (m_extraFields.contains(dottedLower))
        return true;
    return SqlLanguage::topLevelFieldSet().contains(dottedLower.section(u'.', 0, 0).section(u'[', 0, 0));
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    setCurrentBlockState(Normal);
    // Carried over from the previous line.
    if (previousBlockState() == InComment || previousBlockState() == InString) {
        const bool comment = previousBlockState() == InComment;
        const qsizetype end = comment ? text.indexOf(QStringLiteral("*/")) : [&] {
            for (qsizetype j = 0; j < size; ++j) {
                if (text[j] != u'\'')
                    continue;
                if (j + 1 < size && text[j + 1] == u'\'') {
                    ++j;
                    continue;
                }
                return j;
            }
            return qsizetype(-1);
        }();
        if (end < 0) {
            setFormat(0, static_cast<int>(size), comment ? m_comment : m_string);
            setCurrentBlockState(previousBlockState());
            return;
        }
        i = end + (comment ? 2 : 1);
        setFormat(0, static_cast<int>(i), comment ? m_comment : m_string);
    }
    while (i < size) {
        const QChar c = text[i];
        if (c == u'-' && i + 1 < size && text[i + 1] == u'-') {
            setFormat(static_cast<int>(i), static_cast<int>(size - i), m_comment);
            return;
        }
        if (c == u'/' && i + 1 < size && text[i + 1] == u'*') {
            const qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
            if (end < 0) {
                setFormat(static_cast<int>(i), static_cast<int>(size - i), m_comment);
                setCurrentBlockState(InComment);
                return;
            }
            setFormat(static_cast<int>(i), static_cast<int>(end + 2 - i), m_comment);
            i = end + 2;
            continue;
        }
        if (c == u'\'') {
            qsizetype j = i + 1;
            bool closed = false;
            while (j < size) {
                if (text[j] == u'\'') {
                    if (j + 1 < size && text[j + 1] == u'\'') {
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                ++j;
            }
            setFormat(static_cast<int>(i), static_cast<int>(j - i), m_string);
            if (!closed)
                setCurrentBlockState(InString);
            i = j;
            continue;
        }
        if (c == u'"' || c == u'`') {
            // A quoted identifier: a field when it names one, else left plain.
            const qsizetype end = text.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? size : end + 1;
            if (isField(text.mid(i + 1, stop - i - 2).toLower()))
                setFormat(static_cast<int>(i), static_cast<int>(stop - i), m_field);
            i = stop;
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < size && text[i + 1].isDigit())) {
            qsizetype j = i;
            while (j < size && (text[j].isDigit() || text[j] == u'.'))
                ++j;
            if (j < size && (text[j] == u'e' || text[j] == u'E')) {
                qsizetype k = j + 1;
                if (k < size && (text[k] == u'+' || text[k] == u'-'))
                    ++k;
                if (k < size && text[k].isDigit()) {
                    j = k;
                    while (j < size && text[j].isDigit())
                        ++j;
                }
            }
            setFormat(static_cast<int>(i), static_cast<int>(j - i), m_number);
            i = j;
            continue;
        }
        if (startsWord(c)) {
            // A word, or a dotted chain of words with subscripts (userIdentity.sessionContext.sessionIssuer.arn).
            qsizetype j = i;
            while (j < size && inWord(text[j]))
                ++j;
            const qsizetype wordEnd = j;
            while (j + 1 < size && (text[j] == u'.' || text[j] == u'[')) {
                if (text[j] == u'[') {
                    const qsizetype close = text.indexOf(u']', j);
                    if (close < 0)
                        break;
                    j = close + 1;
                    continue;
                }
                if (!startsWord(text[j + 1]))
                    break;
                j += 1;
                while (j < size && inWord(text[j]))
                    ++j;
            }
            const QString word = text.mid(i, wordEnd - i).toLower();
            qsizetype next = j;
            while (next < size && text[next].isSpace())
                ++next;
            const bool call = next < size && text[next] == u'(';
            if (j == wordEnd && call && SqlLanguage::functionSet().contains(word))
                setFormat(static_cast<int>(i), static_cast<int>(j - i), m_function);
            else if (j == wordEnd && SqlLanguage::keywordSet().contains(word))
                setFormat(static_cast<int>(i), static_cast<int>(j - i), m_keyword);
            else if (j == wordEnd && call)
                setFormat(static_cast<int>(i), static_cast<int>(j - i), m_function);
            else if (isField(text.mid(i, j - i).toLower()))
                setFormat(static_cast<int>(i), static_cast<int>(j - i), m_field);
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace Trailscope::Ui
