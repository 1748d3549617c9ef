#include "laketokenizer.h"

#include <QStringList>

#include <optional>

namespace Trailscope::Core::Query::Lake {

Error queryError(ErrorCode code, const SourcePos& pos, const QString& message)
{
    Error error{code, message};
    error.line = pos.line;
    error.column = pos.column;
    return error;
}

QString describeQueryError(const Error& error)
{
    if (error.line < 0)
        return error.detail;
    return QStringLiteral("%1:%2: %3").arg(error.line).arg(std::max<std::int64_t>(error.column, 1)).arg(error.detail);
}

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

class Tokenizer
{
public:
    explicit Tokenizer(QStringView text) : m_text(text) {}

    Result<std::vector<Token>> run()
    {
        std::vector<Token> tokens;
        while (true) {
            skipSpaceAndComments();
            if (m_error)
                return std::unexpected(*m_error);
            if (m_pos >= m_text.size())
                break;
            auto token = next();
            if (!token)
                return std::unexpected(token.error());
            tokens.push_back(std::move(*token));
        }
        Token end;
        end.pos = here();
        end.end = m_pos;
        tokens.push_back(end);
        return tokens;
    }

private:
    SourcePos here() const { return SourcePos{m_pos, m_line, static_cast<int>(m_pos - m_lineStart) + 1}; }
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text[i] : QChar(); }

    void advance(qsizetype count = 1)
    {
        for (qsizetype i = 0; i < count && m_pos < m_text.size(); ++i) {
            if (m_text[m_pos] == u'\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
            ++m_pos;
        }
    }

    void skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c.isSpace()) {
                advance();
            } else if (c == u'-' && at(m_pos + 1) == u'-') {
                while (m_pos < m_text.size() && m_text[m_pos] != u'\n')
                    advance();
            } else if (c == u'/' && at(m_pos + 1) == u'*') {
                const SourcePos start = here();
                advance(2);
                while (m_pos < m_text.size() && !(m_text[m_pos] == u'*' && at(m_pos + 1) == u'/'))
                    advance();
                if (m_pos >= m_text.size()) {
                    m_error = queryError(ErrorCode::QuerySyntax, start, QStringLiteral("unterminated comment"));
                    return;
                }
                advance(2);
            } else {
                return;
            }
        }
    }

    Token make(TokenKind kind, const SourcePos& start, QString text) const
    {
        Token token;
        token.kind = kind;
        token.text = std::move(text);
        token.pos = start;
        token.end = m_pos;
        return token;
    }

    // 'text' with '' for a quote; "name" with "" and `name` with `` likewise.
    Result<Token> quoted(QChar quote, TokenKind kind)
    {
        const SourcePos start = here();
        advance();
        QString value;
        while (true) {
            if (m_pos >= m_text.size())
                return std::unexpected(queryError(ErrorCode::QuerySyntax, start,
                                                  kind == TokenKind::String
                                                      ? QStringLiteral("unterminated string")
                                                      : QStringLiteral("unterminated quoted identifier")));
            const QChar c = m_text[m_pos];
            if (c == quote) {
                if (at(m_pos + 1) == quote) {
                    value += quote;
                    advance(2);
                    continue;
                }
                advance();
                break;
            }
            value += c;
            advance();
        }
        if (kind == TokenKind::QuotedIdentifier && value.isEmpty())
            return std::unexpected(queryError(ErrorCode::QuerySyntax, start, QStringLiteral("empty identifier")));
        return make(kind, start, value);
    }

    Token number()
    {
        const SourcePos start = here();
        const qsizetype from = m_pos;
        while (at(m_pos).isDigit())
            advance();
        if (at(m_pos) == u'.' && at(m_pos + 1).isDigit()) {
            advance();
            while (at(m_pos).isDigit())
                advance();
        } else if (at(m_pos) == u'.' && !isIdentStart(at(m_pos + 1))) {
            advance(); // `1.` is a number
        }
        if ((at(m_pos) == u'e' || at(m_pos) == u'E') &&
            (at(m_pos + 1).isDigit() ||
             ((at(m_pos + 1) == u'+' || at(m_pos + 1) == u'-') && at(m_pos + 2).isDigit()))) {
            advance(2);
            while (at(m_pos).isDigit())
                advance();
        }
        // Digits running into letters (`4c5b5f38`, a piece of an event data store ID) make one word; the parser
        // accepts such words only where a table name may stand.
        if (isIdentPart(at(m_pos))) {
            while (isIdentPart(at(m_pos)))
                advance();
            return make(TokenKind::Identifier, start, m_text.sliced(from, m_pos - from).toString());
        }
        return make(TokenKind::Number, start, m_text.sliced(from, m_pos - from).toString());
    }

    Result<Token> next()
    {
        const QChar c = m_text[m_pos];
        const SourcePos start = here();
        if (c == u'\'')
            return quoted(c, TokenKind::String);
        if (c == u'"' || c == u'`')
            return quoted(c, TokenKind::QuotedIdentifier);
        if (c.isDigit() || (c == u'.' && at(m_pos + 1).isDigit()))
            return number();
        if (isIdentStart(c)) {
            const qsizetype from = m_pos;
            while (isIdentPart(at(m_pos)))
                advance();
            return make(TokenKind::Identifier, start, m_text.sliced(from, m_pos - from).toString());
        }
        static const QStringList TwoChar{QStringLiteral("<>"), QStringLiteral("!="), QStringLiteral("<="),
                                         QStringLiteral(">="), QStringLiteral("||"), QStringLiteral("->"),
                                         QStringLiteral("=>"), QStringLiteral("==")};
        const QString pair = m_text.sliced(m_pos, std::min<qsizetype>(2, m_text.size() - m_pos)).toString();
        if (pair.size() == 2 && TwoChar.contains(pair)) {
            advance(2);
            return make(TokenKind::Operator, start, pair == QLatin1String("==") ? QStringLiteral("=") : pair);
        }
        static const QString Single = QStringLiteral("(),.;[]=<>+-*/%:?");
        if (Single.contains(c)) {
            advance();
            return make(TokenKind::Operator, start, QString(c));
        }
        return std::unexpected(
            queryError(ErrorCode::QuerySyntax, start, QStringLiteral("unexpected character '%1'").arg(c)));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    std::optional<Error> m_error;
};

} // namespace

Result<std::vector<Token>> tokenize(QStringView text)
{
    return Tokenizer(text).run();
}

std::vector<std::vector<Token>> splitStatements(const std::vector<Token>& tokens)
{
    std::vector<std::vector<Token>> statements;
    std::vector<Token> current;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::End || token.isOperator(u";")) {
            if (!current.empty()) {
                Token end;
                end.pos = token.pos;
                end.end = token.pos.offset;
                current.push_back(end);
                statements.push_back(std::move(current));
                current.clear();
            }
            continue;
        }
        current.push_back(token);
    }
    return statements;
}

} // namespace Trailscope::Core::Query::Lake
