#include "searchparser.h"

#include <QString>

namespace Trailscope::Core::Query {

namespace {

bool isSpace(QChar c)
{
    return c.isSpace();
}

bool endsBareWord(QChar c)
{
    return c.isSpace() || c == u'(' || c == u')';
}

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'.';
}

struct Token
{
    enum class Kind { End, LeftParen, RightParen, And, Or, Not, Minus, Field, Text };
    Kind kind = Kind::End;
    qsizetype position = 0;
    // Field and Text
    const FieldDef* field = nullptr;
    QString op; ///< ":", "=", "!=", ">", ">=", "<", "<="
    qsizetype valuePosition = 0;
    Pattern pattern;
};

class Lexer
{
public:
    explicit Lexer(QStringView text) : m_text(text) {}

    SearchResult<std::vector<Token>> tokens()
    {
        std::vector<Token> tokens;
        while (true) {
            auto token = next();
            if (!token)
                return std::unexpected(token.error());
            tokens.push_back(*token);
            if (token->kind == Token::Kind::End)
                return tokens;
        }
    }

private:
    SearchResult<Token> next()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
        Token token;
        token.position = m_pos;
        if (m_pos == m_text.size())
            return token;
        const QChar c = m_text[m_pos];
        if (c == u'(' || c == u')') {
            token.kind = c == u'(' ? Token::Kind::LeftParen : Token::Kind::RightParen;
            ++m_pos;
            return token;
        }
        // `-term`, `-"phrase"`, `-(group)`; a lone or doubled dash is a word.
        if (c == u'-' && m_pos + 1 < m_text.size() && !isSpace(m_text[m_pos + 1]) && m_text[m_pos + 1] != u')' &&
            m_text[m_pos + 1] != u'-') {
            token.kind = Token::Kind::Minus;
            ++m_pos;
            return token;
        }
        if (c == u'"') {
            token.kind = Token::Kind::Text;
            token.valuePosition = m_pos;
            auto pattern = readQuoted();
            if (!pattern)
                return std::unexpected(pattern.error());
            token.pattern = *pattern;
            return token;
        }
        if (auto field = fieldTerm(token))
            return *field;
        const qsizetype start = m_pos;
        const Pattern word = readBare();
        const QStringView raw = m_text.mid(start, m_pos - start);
        if (raw == QStringView(u"AND"))
            token.kind = Token::Kind::And;
        else if (raw == QStringView(u"OR"))
            token.kind = Token::Kind::Or;
        else if (raw == QStringView(u"NOT"))
            token.kind = Token::Kind::Not;
        else
            token.kind = Token::Kind::Text;
        token.valuePosition = start;
        token.pattern = word;
        return token;
    }

    // `name op value` where name is a known field; anything else is left for free text.
    std::optional<SearchResult<Token>> fieldTerm(Token token)
    {
        qsizetype end = m_pos;
        while (end < m_text.size() && isNameChar(m_text[end]))
            ++end;
        if (end == m_pos || end == m_text.size())
            return std::nullopt;
        static const char16_t* const Operators[] = {u"!=", u">=", u"<=", u":", u"=", u">", u"<"};
        QString op;
        for (const char16_t* candidate : Operators) {
            const QStringView view(candidate);
            if (m_text.mid(end).startsWith(view)) {
                op = view.toString();
                break;
            }
        }
        if (op.isEmpty())
            return std::nullopt;
        const FieldDef* field = findField(m_text.mid(m_pos, end - m_pos));
        if (!field)
            return std::nullopt;
        token.kind = Token::Kind::Field;
        token.field = field;
        token.op = op;
        m_pos = end + op.size();
        token.valuePosition = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == u'"') {
            auto pattern = readQuoted();
            if (!pattern)
                return std::unexpected(pattern.error());
            token.pattern = *pattern;
            return token;
        }
        if (m_pos == m_text.size() || endsBareWord(m_text[m_pos]))
            return std::unexpected(SearchError{
                m_pos, QStringLiteral("expected a value after '%1%2'").arg(QString::fromLatin1(field->name), op)});
        token.pattern = readBare();
        return token;
    }

    Pattern readBare()
    {
        QString text;
        while (m_pos < m_text.size() && !endsBareWord(m_text[m_pos])) {
            if (m_text[m_pos] == u'\\' && m_pos + 1 < m_text.size() && !isSpace(m_text[m_pos + 1])) {
                text += m_text[m_pos];
                ++m_pos;
            }
            text += m_text[m_pos++];
        }
        return Pattern::fromText(text);
    }

    SearchResult<Pattern> readQuoted()
    {
        const qsizetype open = m_pos++;
        QString text; // in Pattern::fromText form: `\*` and `\\` stay escaped, other escapes resolve
        while (m_pos < m_text.size() && m_text[m_pos] != u'"') {
            QChar c = m_text[m_pos++];
            if (c == u'\\' && m_pos < m_text.size()) {
                c = m_text[m_pos++];
                if (c == u'*' || c == u'\\')
                    text += u'\\';
            }
            text += c;
        }
        if (m_pos == m_text.size())
            return std::unexpected(SearchError{open, QStringLiteral("unterminated quoted value")});
        ++m_pos;
        return Pattern::fromText(text);
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

QString kindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Time:
        return QStringLiteral("a time");
    case ValueKind::Number:
        return QStringLiteral("a number");
    default:
        return QStringLiteral("an ordered value");
    }
}

// Checks the value against the field's kind and decodes it, so errors point at the value.
SearchResult<SearchNode> fieldNode(const Token& token)
{
    SearchNode node;
    node.kind = SearchNode::Kind::Field;
    node.position = token.position;
    node.field = token.field;
    node.pattern = token.pattern;
    const FieldDef& field = *token.field;
    const QString name = QString::fromLatin1(field.name);
    const auto error = [&](const QString& message) {
        return std::unexpected(SearchError{token.valuePosition, message});
    };
    bool negate = false;
    if (token.op == u":" || token.op == u"=")
        node.compare = Compare::Match;
    else if (token.op == u"!=")
        negate = true;
    else if (token.op == u">")
        node.compare = Compare::Greater;
    else if (token.op == u">=")
        node.compare = Compare::GreaterEqual;
    else if (token.op == u"<")
        node.compare = Compare::Less;
    else
        node.compare = Compare::LessEqual;
    const bool ordered = node.compare != Compare::Match;
    if (ordered && field.kind != ValueKind::Time && field.kind != ValueKind::Number)
        return std::unexpected(SearchError{token.valuePosition - token.op.size(),
                                           QStringLiteral("%1 does not support %2").arg(name, token.op)});
    const Pattern& value = token.pattern;
    if (value.isAny() && ordered)
        return error(QStringLiteral("%1 %2 needs %3, not *").arg(name, token.op, kindName(field.kind)));
    if (!value.isAny()) {
        switch (field.kind) {
        case ValueKind::Exact:
            if (value.hasWildcard())
                return error(QStringLiteral("%1 takes an exact value; * is only allowed alone").arg(name));
            break;
        case ValueKind::Time:
            node.time = value.hasWildcard() ? std::nullopt : parseTimeSpan(value.literal());
            if (!node.time)
                return error(QStringLiteral("not a time: use YYYY-MM-DD, optionally with Thh, :mm, :ss, .fff "
                                            "and Z or +hh:mm (no zone is UTC)"));
            break;
        case ValueKind::Number:
            node.version = value.hasWildcard() ? std::nullopt : parseEventVersion(value.literal());
            if (!node.version)
                return error(QStringLiteral("%1 takes a number such as 1.08").arg(name));
            break;
        case ValueKind::Boolean:
            node.boolean = value.hasWildcard() ? std::nullopt : parseBoolean(value.literal());
            if (!node.boolean)
                return error(QStringLiteral("%1 takes true or false").arg(name));
            break;
        case ValueKind::Cidr:
            if (!value.hasWildcard()) {
                const QByteArray utf8 = value.literal().toUtf8();
                const std::string_view text(utf8.constData(), static_cast<std::size_t>(utf8.size()));
                node.network = IpNetwork::parse(text);
                const std::size_t slash = text.find('/');
                if (!node.network && slash != std::string_view::npos && parseIpAddress(text.substr(0, slash)))
                    return error(QStringLiteral("not a valid network prefix length"));
            }
            break;
        case ValueKind::Wildcard:
            break;
        }
    }
    if (!negate)
        return node;
    SearchNode notNode;
    notNode.kind = SearchNode::Kind::Not;
    notNode.position = token.position;
    notNode.children.push_back(std::move(node));
    return notNode;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    SearchResult<SearchNode> parse()
    {
        if (peek().kind == Token::Kind::End)
            return SearchNode{};
        auto root = parseOr();
        if (!root)
            return root;
        if (peek().kind != Token::Kind::End)
            return std::unexpected(SearchError{peek().position, QStringLiteral("unmatched ')'")});
        return root;
    }

private:
    const Token& peek() const { return m_tokens[m_index]; }
    const Token& take() { return m_tokens[m_index++]; }

    static bool startsTerm(Token::Kind kind)
    {
        return kind == Token::Kind::LeftParen || kind == Token::Kind::Not || kind == Token::Kind::Minus ||
               kind == Token::Kind::Field || kind == Token::Kind::Text;
    }

    SearchResult<SearchNode> parseOr()
    {
        std::vector<SearchNode> children;
        while (true) {
            auto child = parseAnd();
            if (!child)
                return child;
            children.push_back(std::move(*child));
            if (peek().kind != Token::Kind::Or)
                break;
            take();
        }
        return combineNodes(SearchNode::Kind::Or, std::move(children));
    }

    SearchResult<SearchNode> parseAnd()
    {
        std::vector<SearchNode> children;
        while (true) {
            auto child = parseUnary();
            if (!child)
                return child;
            children.push_back(std::move(*child));
            if (peek().kind == Token::Kind::And) {
                take();
                continue;
            }
            if (!startsTerm(peek().kind))
                break;
        }
        return combineNodes(SearchNode::Kind::And, std::move(children));
    }

    SearchResult<SearchNode> expectedTerm() const
    {
        const Token& token = peek();
        switch (token.kind) {
        case Token::Kind::End:
            return std::unexpected(SearchError{token.position, QStringLiteral("expected a search term at the end")});
        case Token::Kind::RightParen:
            return std::unexpected(SearchError{token.position, QStringLiteral("expected a search term before ')'")});
        case Token::Kind::And:
        case Token::Kind::Or:
            return std::unexpected(
                SearchError{token.position,
                            QStringLiteral("expected a search term before %1")
                                .arg(token.kind == Token::Kind::And ? QStringLiteral("AND") : QStringLiteral("OR"))});
        default:
            return std::unexpected(SearchError{token.position, QStringLiteral("expected a search term")});
        }
    }

    SearchResult<SearchNode> parseUnary()
    {
        const Token& token = peek();
        if (token.kind != Token::Kind::Not && token.kind != Token::Kind::Minus)
            return parsePrimary();
        take();
        auto child = token.kind == Token::Kind::Not ? parseUnary() : parsePrimary();
        if (!child)
            return child;
        SearchNode node;
        node.kind = SearchNode::Kind::Not;
        node.position = token.position;
        node.children.push_back(std::move(*child));
        return node;
    }

    SearchResult<SearchNode> parsePrimary()
    {
        const Token& token = peek();
        switch (token.kind) {
        case Token::Kind::LeftParen: {
            take();
            if (peek().kind == Token::Kind::RightParen)
                return std::unexpected(SearchError{token.position, QStringLiteral("empty parentheses")});
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (peek().kind != Token::Kind::RightParen)
                return std::unexpected(SearchError{token.position, QStringLiteral("unclosed '('")});
            take();
            return inner;
        }
        case Token::Kind::Field:
            take();
            return fieldNode(token);
        case Token::Kind::Text: {
            take();
            SearchNode node;
            node.kind = SearchNode::Kind::Text;
            node.position = token.position;
            node.pattern = token.pattern;
            return node;
        }
        default:
            return expectedTerm();
        }
    }

    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
};

} // namespace

SearchResult<SearchNode> parseSearch(QStringView text)
{
    qsizetype start = 0;
    while (start < text.size() && text[start].isSpace())
        ++start;
    if (start < text.size() && text[start] == u'{')
        return parseFilterPattern(text.mid(start), start);
    auto tokens = Lexer(text).tokens();
    if (!tokens)
        return std::unexpected(tokens.error());
    return Parser(std::move(*tokens)).parse();
}

} // namespace Trailscope::Core::Query
