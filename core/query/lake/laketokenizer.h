#pragma once

#include "util/error.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace Trailscope::Core::Query::Lake {

/// A place in the text the user typed: 0-based character offset, 1-based line and column.
struct SourcePos
{
    qsizetype offset = 0;
    int line = 1;
    int column = 1;
};

/// A query error at a place in the user's text (ErrorCode::QuerySyntax, QueryRefused or QueryFailed), with the
/// line and column set on the Error.
Error queryError(ErrorCode code, const SourcePos& pos, const QString& message);
/// "line:column: message", as the CLI prints it.
QString describeQueryError(const Error& error);

enum class TokenKind {
    Identifier,       ///< a bare word (keywords included), or `$EDS_ID`
    QuotedIdentifier, ///< "name" or `name`; text is the name without quotes
    String,           ///< 'text'; text is the value with '' undone
    Number,           ///< 12, 1.5, 1e3, .5
    Operator,         ///< punctuation and operators: ( ) , . ; [ ] = <> != < <= > >= + - * / % || : ->
    End,
};

struct Token
{
    TokenKind kind = TokenKind::End;
    QString text;
    SourcePos pos;
    qsizetype end = 0; ///< offset just after the token in the source

    bool isOperator(QStringView op) const { return kind == TokenKind::Operator && text == op; }
    /// A bare word equal to `word` ignoring ASCII case (keywords).
    bool isWord(QStringView word) const
    {
        return kind == TokenKind::Identifier && text.compare(word, Qt::CaseInsensitive) == 0;
    }
};

/// Splits Lake SQL into tokens; comments and white space are dropped. The last token is End.
Result<std::vector<Token>> tokenize(QStringView text);

/// The statements of a token list, split at top-level semicolons; each range excludes the `;` and ends with End.
std::vector<std::vector<Token>> splitStatements(const std::vector<Token>& tokens);

} // namespace Trailscope::Core::Query::Lake
