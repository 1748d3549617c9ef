#include "searchast.h"

#include <iterator>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Trailscope::Core::Query {

QString Pattern::toText() const
{
    QString text;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            text += u'*';
        for (const QChar c : pieces[i]) {
            if (c == u'*' || c == u'\\')
                text += u'\\';
            text += c;
        }
    }
    return text;
}

Pattern Pattern::fromText(QStringView text)
{
    Pattern pattern;
    QString piece;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size()) {
            piece += text[++i];
        } else if (text[i] == u'*') {
            pattern.pieces << piece;
            piece.clear();
        } else {
            piece += text[i];
        }
    }
    pattern.pieces << piece;
    return pattern;
}

bool JsonCondition::hasWildcardStep() const
{
    for (const JsonStep& step : path)
        if (step.kind == JsonStep::Kind::AnyMember)
            return true;
    return false;
}

QString JsonCondition::plainPath() const
{
    QString joined;
    for (const JsonStep& step : path) {
        if (step.kind != JsonStep::Kind::Key || step.key.contains(u'.'))
            return {};
        if (!joined.isEmpty())
            joined += u'.';
        joined += step.key;
    }
    return joined;
}

QByteArray JsonCondition::toSpec() const
{
    QJsonArray steps;
    for (const JsonStep& step : path) {
        switch (step.kind) {
        case JsonStep::Kind::Key:
            steps.append(step.key);
            break;
        case JsonStep::Kind::Index:
            steps.append(step.index);
            break;
        case JsonStep::Kind::AnyMember:
            steps.append(QJsonValue::Null);
            break;
        }
    }
    QJsonObject spec{{QStringLiteral("p"), steps},
                     {QStringLiteral("o"), static_cast<int>(op)},
                     {QStringLiteral("t"), static_cast<int>(valueType)},
                     {QStringLiteral("s"), text},
                     {QStringLiteral("n"), number},
                     {QStringLiteral("v"), QJsonArray::fromStringList(pattern.pieces)}};
    return QJsonDocument(spec).toJson(QJsonDocument::Compact);
}

std::optional<JsonCondition> JsonCondition::fromSpec(const QByteArray& spec)
{
    const QJsonObject object = QJsonDocument::fromJson(spec).object();
    if (object.isEmpty())
        return std::nullopt;
    JsonCondition condition;
    for (const auto& step : object[QStringLiteral("p")].toArray()) {
        if (step.isString())
            condition.path.push_back(JsonStep{JsonStep::Kind::Key, step.toString(), 0});
        else if (step.isDouble())
            condition.path.push_back(JsonStep{JsonStep::Kind::Index, {}, step.toInt()});
        else
            condition.path.push_back(JsonStep{JsonStep::Kind::AnyMember, {}, 0});
    }
    condition.op = static_cast<Op>(object[QStringLiteral("o")].toInt());
    condition.valueType = static_cast<ValueType>(object[QStringLiteral("t")].toInt());
    condition.text = object[QStringLiteral("s")].toString();
    condition.number = object[QStringLiteral("n")].toDouble();
    for (const auto& piece : object[QStringLiteral("v")].toArray())
        condition.pattern.pieces << piece.toString();
    return condition;
}

namespace {

QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QString compareText(Compare compare)
{
    switch (compare) {
    case Compare::Match:
        return QStringLiteral(":");
    case Compare::Less:
        return QStringLiteral("<");
    case Compare::LessEqual:
        return QStringLiteral("<=");
    case Compare::Greater:
        return QStringLiteral(">");
    case Compare::GreaterEqual:
        return QStringLiteral(">=");
    }
    return {};
}

QString jsonOpText(JsonCondition::Op op)
{
    using Op = JsonCondition::Op;
    switch (op) {
    case Op::Equal:
        return QStringLiteral("=");
    case Op::NotEqual:
        return QStringLiteral("!=");
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessEqual:
        return QStringLiteral("<=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterEqual:
        return QStringLiteral(">=");
    case Op::IsNull:
        return QStringLiteral("IS NULL");
    case Op::IsTrue:
        return QStringLiteral("IS TRUE");
    case Op::IsFalse:
        return QStringLiteral("IS FALSE");
    case Op::NotExists:
        return QStringLiteral("NOT EXISTS");
    }
    return {};
}

} // namespace

QString dumpSearch(const SearchNode& node)
{
    const auto list = [&](const QString& head) -> QString {
        QString text = u'(' + head;
        for (const SearchNode& child : node.children)
            text += u' ' + dumpSearch(child);
        return text + u')';
    };
    switch (node.kind) {
    case SearchNode::Kind::All:
        return QStringLiteral("(all)");
    case SearchNode::Kind::And:
        return list(QStringLiteral("and"));
    case SearchNode::Kind::Or:
        return list(QStringLiteral("or"));
    case SearchNode::Kind::Not:
        return list(QStringLiteral("not"));
    case SearchNode::Kind::Text:
        return QStringLiteral("(text %1)").arg(quoted(node.pattern.toText()));
    case SearchNode::Kind::Field:
        return QStringLiteral("(%1 %2 %3)")
            .arg(QString::fromLatin1(node.field->name), compareText(node.compare), quoted(node.pattern.toText()));
    case SearchNode::Kind::Json: {
        const JsonCondition& json = *node.json;
        QString text = QStringLiteral("(json %1 %2").arg(json.selector, jsonOpText(json.op));
        switch (json.valueType) {
        case JsonCondition::ValueType::None:
            break;
        case JsonCondition::ValueType::String:
            text += u' ' + quoted(json.pattern.toText());
            break;
        case JsonCondition::ValueType::Number:
            text += u' ' + json.text;
            break;
        case JsonCondition::ValueType::Regex:
            text += QStringLiteral(" %%1%").arg(json.text);
            break;
        }
        return text + u')';
    }
    }
    return {};
}

SearchNode combineNodes(SearchNode::Kind kind, std::vector<SearchNode> children)
{
    if (children.size() == 1)
        return std::move(children.front());
    SearchNode node;
    node.kind = kind;
    node.position = children.front().position;
    node.children = std::move(children);
    return node;
}

SearchNode allOf(std::vector<SearchNode> nodes)
{
    std::vector<SearchNode> children;
    for (SearchNode& node : nodes) {
        if (node.kind == SearchNode::Kind::All)
            continue;
        if (node.kind == SearchNode::Kind::And)
            std::move(node.children.begin(), node.children.end(), std::back_inserter(children));
        else
            children.push_back(std::move(node));
    }
    if (children.empty())
        return SearchNode{};
    return combineNodes(SearchNode::Kind::And, std::move(children));
}

SearchTree shareSearch(SearchNode node)
{
    return std::make_shared<const SearchNode>(std::move(node));
}

SearchNode fieldIs(std::string_view field, const QString& value)
{
    const FieldDef* def = findField(QString::fromLatin1(field.data(), static_cast<qsizetype>(field.size())));
    if (!def || value.isEmpty())
        return {};
    SearchNode node;
    node.kind = SearchNode::Kind::Field;
    node.field = def;
    node.compare = Compare::Match;
    node.pattern.pieces = QStringList{value}; // one piece: no wildcard, every character literal
    if (def->kind == ValueKind::Cidr) {
        const QByteArray utf8 = value.toUtf8();
        node.network = IpNetwork::parse(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    }
    return node;
}

} // namespace Trailscope::Core::Query
