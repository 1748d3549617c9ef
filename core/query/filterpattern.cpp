// CloudWatch Logs JSON filter patterns (reference/cloudtrail.md §6.1), parsed into the search tree.
#include "searchparser.h"

#include <QRegularExpression>

#include <cmath>

namespace Trailscope::Core::Query {

namespace {

using Op = JsonCondition::Op;
using ValueType = JsonCondition::ValueType;

bool isKeyChar(QChar c)
{
    if (c.isSpace())
        return false;
    switch (c.unicode()) {
    case u'.':
    case u'[':
    case u']':
    case u'=':
    case u'!':
    case u'<':
    case u'>':
    case u'(':
    case u')':
    case u'&':
    case u'|':
    case u'{':
    case u'}':
    case u'"':
    case u'\'':
        return false;
    default:
        return true;
    }
}

class FilterPatternParser
{
public:
    FilterPatternParser(QStringView text, qsizetype offset) : m_text(text), m_offset(offset) {}

    SearchResult<SearchNode> parse()
    {
        skipSpace();
        if (!consume(u"{"))
            return fail(m_pos, QStringLiteral("a filter pattern starts with '{'"));
        const qsizetype open = m_pos - 1;
        skipSpace();
        if (at(u"}"))
            return fail(m_pos, QStringLiteral("empty filter pattern"));
        auto root = parseOr();
        if (!root)
            return root;
        skipSpace();
        if (m_pos == m_text.size())
            return fail(open, QStringLiteral("unclosed '{'"));
        if (!consume(u"}"))
            return fail(m_pos, QStringLiteral("expected '&&', '||' or '}'"));
        skipSpace();
        if (m_pos != m_text.size())
            return fail(m_pos, QStringLiteral("unexpected text after the filter pattern"));
        return root;
    }

private:
    std::unexpected<SearchError> fail(qsizetype position, QString message) const
    {
        return std::unexpected(SearchError{m_offset + position, std::move(message)});
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }
    bool at(QStringView token) const { return m_text.mid(m_pos).startsWith(token); }
    bool consume(QStringView token)
    {
        if (!at(token))
            return false;
        m_pos += token.size();
        return true;
    }
    bool consumeWord(QStringView word)
    {
        if (!m_text.mid(m_pos).startsWith(word, Qt::CaseInsensitive))
            return false;
        const qsizetype end = m_pos + word.size();
        if (end < m_text.size() && m_text[end].isLetterOrNumber())
            return false;
        m_pos = end;
        return true;
    }

    // Precedence () > && > ||, as CloudWatch documents it.
    SearchResult<SearchNode> parseOr()
    {
        std::vector<SearchNode> children;
        do {
            auto child = parseAnd();
            if (!child)
                return child;
            children.push_back(std::move(*child));
            skipSpace();
        } while (consume(u"||"));
        return combineNodes(SearchNode::Kind::Or, std::move(children));
    }

    SearchResult<SearchNode> parseAnd()
    {
        std::vector<SearchNode> children;
        do {
            auto child = parsePrimary();
            if (!child)
                return child;
            children.push_back(std::move(*child));
            skipSpace();
        } while (consume(u"&&"));
        return combineNodes(SearchNode::Kind::And, std::move(children));
    }

    SearchResult<SearchNode> parsePrimary()
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (consume(u"(")) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            skipSpace();
            if (!consume(u")"))
                return fail(start, QStringLiteral("unclosed '('"));
            return inner;
        }
        if (!at(u"$"))
            return fail(m_pos, m_pos == m_text.size()
                                   ? QStringLiteral("expected a property selector at the end")
                                   : QStringLiteral("expected a property selector such as $.eventName"));
        return parseCondition();
    }

    SearchResult<std::vector<JsonStep>> parseSelector()
    {
        const qsizetype start = m_pos;
        ++m_pos; // '$'
        std::vector<JsonStep> path;
        int wildcards = 0;
        while (m_pos < m_text.size()) {
            const qsizetype stepStart = m_pos;
            JsonStep step;
            if (consume(u".*") || consume(u"[*]")) {
                step.kind = JsonStep::Kind::AnyMember;
                if (++wildcards > 1)
                    return fail(stepStart, QStringLiteral("only one wildcard selector is allowed"));
            } else if (consume(u".[") || consume(u"[")) {
                if (m_pos < m_text.size() && (m_text[m_pos] == u'\'' || m_text[m_pos] == u'"')) {
                    const QChar quote = m_text[m_pos++];
                    const qsizetype keyStart = m_pos;
                    while (m_pos < m_text.size() && m_text[m_pos] != quote)
                        ++m_pos;
                    if (m_pos == m_text.size())
                        return fail(keyStart - 1, QStringLiteral("unterminated quoted key"));
                    step.key = m_text.mid(keyStart, m_pos - keyStart).toString();
                    ++m_pos;
                } else {
                    const qsizetype digitsStart = m_pos;
                    while (m_pos < m_text.size() && m_text[m_pos].isDigit())
                        ++m_pos;
                    bool ok = false;
                    step.kind = JsonStep::Kind::Index;
                    step.index = m_text.mid(digitsStart, m_pos - digitsStart).toInt(&ok);
                    if (!ok)
                        return fail(digitsStart, QStringLiteral("expected an array index, '*' or a quoted key"));
                }
                if (!consume(u"]"))
                    return fail(m_pos, QStringLiteral("expected ']'"));
            } else if (consume(u".")) {
                const qsizetype keyStart = m_pos;
                while (m_pos < m_text.size() && isKeyChar(m_text[m_pos]))
                    ++m_pos;
                if (m_pos == keyStart)
                    return fail(keyStart, QStringLiteral("expected a property name after '.'"));
                step.key = m_text.mid(keyStart, m_pos - keyStart).toString();
            } else {
                break;
            }
            path.push_back(step);
        }
        if (path.empty())
            return fail(start, QStringLiteral("expected a property after '$'"));
        return path;
    }

    SearchResult<SearchNode> parseCondition()
    {
        const qsizetype start = m_pos;
        auto path = parseSelector();
        if (!path)
            return std::unexpected(path.error());
        auto condition = std::make_shared<JsonCondition>();
        condition->path = std::move(*path);
        condition->selector = m_text.mid(start, m_pos - start).toString();
        skipSpace();
        const qsizetype opStart = m_pos;
        if (consumeWord(u"IS")) {
            skipSpace();
            if (consumeWord(u"NULL"))
                condition->op = Op::IsNull;
            else if (consumeWord(u"TRUE"))
                condition->op = Op::IsTrue;
            else if (consumeWord(u"FALSE"))
                condition->op = Op::IsFalse;
            else
                return fail(m_pos, QStringLiteral("expected NULL, TRUE or FALSE after IS (IS NOT is not supported)"));
        } else if (consumeWord(u"NOT")) {
            skipSpace();
            if (!consumeWord(u"EXISTS"))
                return fail(m_pos, QStringLiteral("expected EXISTS after NOT"));
            condition->op = Op::NotExists;
        } else if (consumeWord(u"EXISTS")) {
            return fail(opStart, QStringLiteral("EXISTS is not supported; use = \"*\" or NOT EXISTS"));
        } else {
            static const std::pair<const char16_t*, Op> Operators[] = {
                {u"!=", Op::NotEqual}, {u">=", Op::GreaterEqual}, {u"<=", Op::LessEqual},
                {u"=", Op::Equal},     {u">", Op::Greater},       {u"<", Op::Less}};
            bool found = false;
            for (const auto& [text, op] : Operators) {
                if (consume(QStringView(text))) {
                    condition->op = op;
                    found = true;
                    break;
                }
            }
            if (!found)
                return fail(opStart, QStringLiteral("expected an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS)"));
            if (auto value = parseValue(*condition); !value)
                return std::unexpected(value.error());
        }
        SearchNode node;
        node.kind = SearchNode::Kind::Json;
        node.position = m_offset + start;
        node.json = std::move(condition);
        return node;
    }

    SearchResult<bool> parseValue(JsonCondition& condition)
    {
        skipSpace();
        const qsizetype start = m_pos;
        const bool ordered = condition.op != Op::Equal && condition.op != Op::NotEqual;
        if (m_pos == m_text.size())
            return fail(m_pos, QStringLiteral("expected a value"));
        if (m_text[m_pos] == u'"') {
            QString text;
            ++m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != u'"') {
                if (m_text[m_pos] == u'\\' && m_pos + 1 < m_text.size()) {
                    const QChar escaped = m_text[++m_pos];
                    if (escaped == u'*' || escaped == u'\\')
                        text += u'\\';
                    text += escaped;
                    ++m_pos;
                    continue;
                }
                text += m_text[m_pos++];
            }
            if (m_pos == m_text.size())
                return fail(start, QStringLiteral("unterminated quoted value"));
            ++m_pos;
            if (ordered)
                return fail(start, QStringLiteral("a quoted value cannot be compared with <, <=, > or >="));
            condition.valueType = ValueType::String;
            condition.pattern = Pattern::fromText(text);
            condition.text = condition.pattern.toText();
            return true;
        }
        if (m_text[m_pos] == u'%') {
            const qsizetype end = m_text.indexOf(u'%', m_pos + 1);
            if (end < 0)
                return fail(start, QStringLiteral("unterminated regular expression (%…%)"));
            if (ordered)
                return fail(start, QStringLiteral("a regular expression takes = or !="));
            condition.valueType = ValueType::Regex;
            condition.text = m_text.mid(m_pos + 1, end - m_pos - 1).toString();
            const QRegularExpression regex(condition.text);
            if (!regex.isValid())
                return fail(start + 1 + regex.patternErrorOffset(),
                            QStringLiteral("invalid regular expression: %1").arg(regex.errorString()));
            m_pos = end + 1;
            return true;
        }
        while (m_pos < m_text.size() && !m_text[m_pos].isSpace() && m_text[m_pos] != u')' && m_text[m_pos] != u'}' &&
               !at(u"&&") && !at(u"||"))
            ++m_pos;
        const QString bare = m_text.mid(start, m_pos - start).toString();
        if (bare.isEmpty())
            return fail(start, QStringLiteral("expected a value"));
        bool isNumber = false;
        const double number = bare.toDouble(&isNumber);
        if (isNumber && std::isfinite(number)) {
            condition.valueType = ValueType::Number;
            condition.number = number;
            condition.text = bare;
            return true;
        }
        if (ordered)
            return fail(start, QStringLiteral("expected a number"));
        condition.valueType = ValueType::String;
        condition.pattern = Pattern::fromText(bare);
        condition.text = bare;
        return true;
    }

    QStringView m_text;
    qsizetype m_offset = 0;
    qsizetype m_pos = 0;
};

} // namespace

SearchResult<SearchNode> parseFilterPattern(QStringView text, qsizetype offset)
{
    return FilterPatternParser(text, offset).parse();
}

} // namespace Trailscope::Core::Query
