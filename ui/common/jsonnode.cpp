#include "jsonnode.h"

#include <QStringBuilder>

namespace Trailscope::Ui {

namespace {

constexpr int MaxDepth = 512;

bool isPlainKey(const QString& key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        if (c == u'.' || c == u'[' || c == u']' || c == u'\'' || c.isSpace())
            return false;
    }
    return true;
}

class Parser
{
public:
    explicit Parser(const QByteArray& text) : m_text(text) {}

    std::expected<std::unique_ptr<JsonNode>, JsonParseError> parse()
    {
        auto root = std::make_unique<JsonNode>();
        if (!value(*root, 0))
            return std::unexpected(m_error);
        skipSpace();
        if (m_pos != m_text.size()) {
            fail(QStringLiteral("unexpected text after the value"));
            return std::unexpected(m_error);
        }
        return root;
    }

private:
    bool fail(const QString& message)
    {
        m_error = JsonParseError{m_pos, message};
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool literal(const char* word, JsonNode& node, JsonNode::Kind kind)
    {
        const QByteArrayView view(word);
        if (!QByteArrayView(m_text).sliced(m_pos).startsWith(view))
            return fail(QStringLiteral("invalid literal"));
        m_pos += view.size();
        node.kind = kind;
        node.value = QString::fromLatin1(word);
        node.rawText = node.value;
        return true;
    }

    bool value(JsonNode& node, int depth)
    {
        skipSpace();
        if (m_pos == m_text.size())
            return fail(QStringLiteral("unexpected end of the record"));
        switch (m_text[m_pos]) {
        case '{':
            return object(node, depth);
        case '[':
            return array(node, depth);
        case '"':
            node.kind = JsonNode::Kind::String;
            return string(node.value, &node.rawText);
        case 't':
            return literal("true", node, JsonNode::Kind::Boolean);
        case 'f':
            return literal("false", node, JsonNode::Kind::Boolean);
        case 'n':
            return literal("null", node, JsonNode::Kind::Null);
        default:
            return number(node);
        }
    }

    bool object(JsonNode& node, int depth)
    {
        if (depth >= MaxDepth)
            return fail(QStringLiteral("nested too deeply"));
        node.kind = JsonNode::Kind::Object;
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos == m_text.size() || m_text[m_pos] != '"')
                return fail(QStringLiteral("expected a member name"));
            auto child = std::make_unique<JsonNode>();
            if (!string(child->key, nullptr))
                return false;
            skipSpace();
            if (m_pos == m_text.size() || m_text[m_pos] != ':')
                return fail(QStringLiteral("expected ':'"));
            ++m_pos;
            if (!value(*child, depth + 1))
                return false;
            adopt(node, std::move(child));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}'"));
        }
    }

    bool array(JsonNode& node, int depth)
    {
        if (depth >= MaxDepth)
            return fail(QStringLiteral("nested too deeply"));
        node.kind = JsonNode::Kind::Array;
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            auto child = std::make_unique<JsonNode>();
            child->index = static_cast<int>(node.children.size());
            if (!value(*child, depth + 1))
                return false;
            adopt(node, std::move(child));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']'"));
        }
    }

    static void adopt(JsonNode& parent, std::unique_ptr<JsonNode> child)
    {
        child->parent = &parent;
        child->row = static_cast<int>(parent.children.size());
        parent.children.push_back(std::move(child));
    }

    bool number(JsonNode& node)
    {
        const qsizetype start = m_pos;
        const auto digits = [&] {
            const qsizetype from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos > from;
        };
        if (m_text[m_pos] == '-')
            ++m_pos;
        if (!digits())
            return fail(QStringLiteral("invalid value"));
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (!digits())
                return fail(QStringLiteral("invalid number"));
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (!digits())
                return fail(QStringLiteral("invalid number"));
        }
        node.kind = JsonNode::Kind::Number;
        node.value = QString::fromLatin1(m_text.constData() + start, m_pos - start);
        node.rawText = node.value;
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t& unit)
    {
        if (m_pos + 4 > m_text.size())
            return fail(QStringLiteral("truncated \\u escape"));
        unit = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_text[m_pos + i]);
            if (digit < 0)
                return fail(QStringLiteral("invalid \\u escape"));
            unit = static_cast<char16_t>(unit * 16 + digit);
        }
        m_pos += 4;
        return true;
    }

    // Runs of plain bytes are decoded as UTF-8 in one go; escapes in between are resolved here.
    bool string(QString& decoded, QString* raw)
    {
        const qsizetype open = ++m_pos;
        qsizetype run = m_pos;
        decoded.clear();
        const auto flush = [&] { decoded += QString::fromUtf8(m_text.constData() + run, m_pos - run); };
        while (true) {
            if (m_pos == m_text.size()) {
                m_pos = open - 1;
                return fail(QStringLiteral("unterminated string"));
            }
            const char c = m_text[m_pos];
            if (c == '"')
                break;
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(QStringLiteral("control character in a string"));
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            ++m_pos;
            if (m_pos == m_text.size())
                continue; // reported as unterminated
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                decoded += QChar::fromLatin1(e);
                break;
            case 'b':
                decoded += u'\b';
                break;
            case 'f':
                decoded += u'\f';
                break;
            case 'n':
                decoded += u'\n';
                break;
            case 'r':
                decoded += u'\r';
                break;
            case 't':
                decoded += u'\t';
                break;
            case 'u': {
                char16_t unit = 0;
                if (!hex4(unit))
                    return false;
                decoded += QChar(unit);
                break;
            }
            default:
                --m_pos;
                return fail(QStringLiteral("invalid escape"));
            }
            run = m_pos;
        }
        flush();
        if (raw)
            *raw = QString::fromUtf8(m_text.constData() + open, m_pos - open);
        ++m_pos;
        return true;
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    JsonParseError m_error;
};

void appendPretty(QString& out, const JsonNode& node, int indent)
{
    const auto pad = [&](int level) { out += QString(level * 4, u' '); };
    switch (node.kind) {
    case JsonNode::Kind::Object:
    case JsonNode::Kind::Array: {
        const bool object = node.kind == JsonNode::Kind::Object;
        if (node.children.empty()) {
            out += object ? QStringLiteral("{}") : QStringLiteral("[]");
            return;
        }
        out += object ? u'{' : u'[';
        out += u'\n';
        for (const auto& child : node.children) {
            pad(indent + 1);
            if (object)
                out += jsonQuoted(child->key) % QStringLiteral(": ");
            appendPretty(out, *child, indent + 1);
            if (child->row + 1 < static_cast<int>(node.children.size()))
                out += u',';
            out += u'\n';
        }
        pad(indent);
        out += object ? u'}' : u']';
        return;
    }
    case JsonNode::Kind::String:
        out += jsonQuoted(node.value);
        return;
    default:
        out += node.value;
        return;
    }
}

void appendLeaves(std::vector<JsonLeaf>& leaves, const JsonNode& node)
{
    if (!node.isContainer() || node.children.empty()) {
        QString value = node.value;
        if (node.kind == JsonNode::Kind::Object)
            value = QStringLiteral("{}");
        else if (node.kind == JsonNode::Kind::Array)
            value = QStringLiteral("[]");
        leaves.push_back(JsonLeaf{node.path(), node.kind, value});
        return;
    }
    for (const auto& child : node.children)
        appendLeaves(leaves, *child);
}

} // namespace

QString JsonNode::path() const
{
    if (!parent)
        return {};
    QString prefix = parent->path();
    if (index >= 0)
        return prefix % u'[' % QString::number(index) % u']';
    if (!isPlainKey(key)) {
        QString escaped = key;
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return prefix % QStringLiteral("['") % escaped % QStringLiteral("']");
    }
    return prefix.isEmpty() ? key : prefix % u'.' % key;
}

std::expected<std::unique_ptr<JsonNode>, JsonParseError> parseJson(const QByteArray& text)
{
    return Parser(text).parse();
}

QString toPrettyJson(const JsonNode& node)
{
    QString out;
    appendPretty(out, node, 0);
    return out;
}

std::vector<JsonLeaf> flattenJson(const JsonNode& node)
{
    std::vector<JsonLeaf> leaves;
    appendLeaves(leaves, node);
    return leaves;
}

QString jsonQuoted(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace Trailscope::Ui
