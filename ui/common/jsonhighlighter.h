#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace Trailscope::Ui {

/// Colours JSON text line by line: keys, strings, numbers, true/false/null and punctuation. Strings never span lines
/// in JSON (a newline inside one is escaped), so no state is carried between blocks.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Key, String, Number, Keyword, Punctuation };

    explicit JsonHighlighter(QTextDocument* document);

    /// Picks colours that read on the palette's base (light or dark) and highlights again.
    void setPalette(const QPalette& palette);
    QTextCharFormat tokenFormat(Token token) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};

} // namespace Trailscope::Ui
