#pragma once

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace Trailscope::Ui {

/// Colours Lake SQL: keywords, function names, 'strings', numbers, -- and /* */ comments, and the case's fields
/// (columns of the events view and their nested paths, and the key paths the case's import collected). Block
/// comments and strings may span lines; the block state carries them.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Keyword, Function, String, Number, Comment, Field };

    explicit SqlHighlighter(QTextDocument* document);

    /// Picks colours that read on the palette's base (light or dark) and highlights again.
    void setPalette(const QPalette& palette);
    /// Lower-case dotted paths the case holds beyond the schema's (`requestparameters.bucketname`).
    void setExtraFields(const QSet<QString>& lowerPaths);
    QTextCharFormat tokenFormat(Token token) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    enum State { Normal = -1, InComment = 1, InString = 2 };
    bool isField(const QString& dottedLower) const;

    QTextCharFormat m_keyword, m_function, m_string, m_number, m_comment, m_field;
    QSet<QString> m_extraFields;
};

} // namespace Trailscope::Ui
