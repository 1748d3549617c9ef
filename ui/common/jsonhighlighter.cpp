#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

bool startsNumber(QChar c)
{
    return c.isDigit() || c == u'-';
}

bool inNumber(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette& palette)
{
    // Hues chosen per background so each stays readable: the dark set is lighter and less saturated.
    const bool dark = isDark(palette);
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x4f, 0x9e));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_keyword.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x80, 0x00, 0x80));
    m_keyword.setFontWeight(QFont::DemiBold);
    QColor punctuation = palette.color(QPalette::Text);
    punctuation.setAlphaF(0.6f);
    m_punctuation.setForeground(punctuation);
    rehighlight();
}

QTextCharFormat JsonHighlighter::tokenFormat(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Keyword:
        return m_keyword;
    case Token::Punctuation:
        return m_punctuation;
    }
    return {};
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text[i];
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < size && text[end] != u'"')
                end += text[end] == u'\\' ? 2 : 1;
            end = std::min(end + 1, size);
            qsizetype next = end;
            while (next < size && text[next].isSpace())
                ++next;
            const bool key = next < size && text[next] == u':';
            setFormat(int(i), int(end - i), key ? m_key : m_string);
            i = end;
        } else if (startsNumber(c)) {
            qsizetype end = i + 1;
            while (end < size && inNumber(text[end]))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < size && text[end].isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(end - i), m_keyword);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':')
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace Trailscope::Ui
