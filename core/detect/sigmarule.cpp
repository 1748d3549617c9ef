#include "sigmarule.h"

#include "query/searchvalues.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

namespace Trailscope::Core::Detect {

namespace {

using Problem = std::unexpected<RuleProblem>;

Problem problem(RuleProblem::Kind kind, const QString& detail = {})
{
    return Problem(RuleProblem{kind, detail});
}

QString text(const YAML::Node& node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList textList(const YAML::Node& node)
{
    QStringList list;
    if (node && node.IsSequence()) {
        for (const YAML::Node& item : node)
            list << text(item);
    } else if (node && node.IsScalar()) {
        list << text(node);
    }
    return list;
}

char folded(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Sigma's wildcards and escapes: `\*`, `\?` and `\\` are literal; any other backslash is itself.
SigmaPattern compilePattern(const std::string& value, bool leadingStar, bool trailingStar, bool cased)
{
    SigmaPattern pattern;
    const auto literal = [&](char c) {
        if (pattern.tokens.empty() || pattern.tokens.back().kind != SigmaPattern::Token::Kind::Text)
            pattern.tokens.push_back({SigmaPattern::Token::Kind::Text, {}});
        pattern.tokens.back().text += cased ? c : folded(c);
    };
    const auto star = [&] {
        if (pattern.tokens.empty() || pattern.tokens.back().kind != SigmaPattern::Token::Kind::Star)
            pattern.tokens.push_back({SigmaPattern::Token::Kind::Star, {}});
    };
    if (leadingStar)
        star();
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && i + 1 < value.size() && (value[i + 1] == '*' || value[i + 1] == '?' || value[i + 1] == '\\')) {
            literal(value[++i]);
        } else if (c == '*') {
            star();
        } else if (c == '?') {
            pattern.tokens.push_back({SigmaPattern::Token::Kind::One, {}});
        } else {
            literal(c);
        }
    }
    if (trailingStar)
        star();
    return pattern;
}

std::vector<std::string> pathOf(const std::string& field)
{
    std::vector<std::string> path;
    std::size_t start = 0;
    for (std::size_t dot = field.find('.'); dot != std::string::npos; dot = field.find('.', start)) {
        path.push_back(field.substr(start, dot - start));
        start = dot + 1;
    }
    path.push_back(field.substr(start));
    return path;
}

std::expected<SigmaTest, RuleProblem> fieldTest(const std::string& key, const YAML::Node& value)
{
    SigmaTest test;
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t bar = key.find('|'); bar != std::string::npos; bar = key.find('|', start)) {
        parts.push_back(key.substr(start, bar - start));
        start = bar + 1;
    }
    parts.push_back(key.substr(start));
    test.field = QString::fromStdString(parts[0]);
    test.path = pathOf(parts[0]);
    enum class Position { Whole, Contains, StartsWith, EndsWith } position = Position::Whole;
    QRegularExpression::PatternOptions regexOptions;
    bool regexFlag = false;
    int kinds = 0; // modifiers that choose the kind of test; more than one cannot combine
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string& modifier = parts[i];
        if (modifier == "contains" || modifier == "startswith" || modifier == "endswith") {
            if (position != Position::Whole)
                return problem(RuleProblem::Kind::UnsupportedModifier, QString::fromStdString(key));
            position = modifier == "contains"     ? Position::Contains
                       : modifier == "startswith" ? Position::StartsWith
                                                  : Position::EndsWith;
        } else if (modifier == "all") {
            test.all = true;
        } else if (modifier == "cased") {
            test.cased = true;
        } else if (modifier == "re") {
            test.kind = SigmaTest::Kind::Regex;
            ++kinds;
        } else if (modifier == "i" || modifier == "m" || modifier == "s") {
            regexFlag = true;
            regexOptions |= modifier == "i"   ? QRegularExpression::CaseInsensitiveOption
                            : modifier == "m" ? QRegularExpression::MultilineOption
                                              : QRegularExpression::DotMatchesEverythingOption;
        } else if (modifier == "fieldref") {
            test.kind = SigmaTest::Kind::FieldRef;
            ++kinds;
        } else if (modifier == "exists") {
            test.kind = SigmaTest::Kind::Exists;
            ++kinds;
        } else if (modifier == "cidr") {
            test.kind = SigmaTest::Kind::Cidr;
            ++kinds;
        } else if (modifier == "lt" || modifier == "lte" || modifier == "gt" || modifier == "gte") {
            test.kind = SigmaTest::Kind::Compare;
            test.order = modifier == "lt"    ? SigmaTest::Order::Less
                         : modifier == "lte" ? SigmaTest::Order::LessEqual
                         : modifier == "gt"  ? SigmaTest::Order::Greater
                                             : SigmaTest::Order::GreaterEqual;
            ++kinds;
        } else {
            return problem(RuleProblem::Kind::UnsupportedModifier, QString::fromStdString(modifier));
        }
    }
    if (kinds > 1 || (regexFlag && test.kind != SigmaTest::Kind::Regex) ||
        (position != Position::Whole && test.kind != SigmaTest::Kind::Match))
        return problem(RuleProblem::Kind::UnsupportedModifier, QString::fromStdString(key));

    std::vector<YAML::Node> values;
    if (value.IsSequence()) {
        for (const YAML::Node& item : value)
            values.push_back(item);
        if (values.empty())
            return problem(RuleProblem::Kind::BadValue, QString::fromStdString(key) + QStringLiteral(": empty list"));
    } else {
        values.push_back(value);
    }
    for (const YAML::Node& item : values) {
        if (item.IsNull()) {
            // `null` is its own type and cannot sit in a list (Sigma specification, "Null values").
            if (values.size() > 1 || test.kind != SigmaTest::Kind::Match || position != Position::Whole)
                return problem(RuleProblem::Kind::BadValue, QString::fromStdString(key) + QStringLiteral(": null"));
            test.kind = SigmaTest::Kind::Null;
            return test;
        }
        if (!item.IsScalar())
            return problem(RuleProblem::Kind::BadValue,
                           QString::fromStdString(key) + QStringLiteral(": a map or list as a value"));
        const std::string& scalar = item.Scalar();
        switch (test.kind) {
        case SigmaTest::Kind::Match:
            test.patterns.push_back(
                compilePattern(scalar, position == Position::Contains || position == Position::EndsWith,
                               position == Position::Contains || position == Position::StartsWith, test.cased));
            break;
        case SigmaTest::Kind::Regex: {
            auto regex = std::make_shared<QRegularExpression>(QString::fromStdString(scalar), regexOptions);
            if (!regex->isValid())
                return problem(RuleProblem::Kind::BadValue,
                               QString::fromStdString(key) + QStringLiteral(": ") + regex->errorString());
            regex->optimize(); // compiled now, before threads share it
            test.regexes.push_back(std::move(regex));
            break;
        }
        case SigmaTest::Kind::FieldRef:
            test.references.push_back(pathOf(scalar));
            break;
        case SigmaTest::Kind::Exists:
            if (values.size() > 1 || (scalar != "true" && scalar != "false"))
                return problem(RuleProblem::Kind::BadValue,
                               QString::fromStdString(key) + QStringLiteral(": ") + QString::fromStdString(scalar));
            test.exists = scalar == "true";
            break;
        case SigmaTest::Kind::Compare: {
            bool ok = false;
            test.numbers.push_back(QString::fromStdString(scalar).toDouble(&ok));
            if (!ok)
                return problem(RuleProblem::Kind::BadValue,
                               QString::fromStdString(key) + QStringLiteral(": ") + QString::fromStdString(scalar));
            break;
        }
        case SigmaTest::Kind::Cidr:
            if (!Query::IpNetwork::parse(scalar))
                return problem(RuleProblem::Kind::BadValue,
                               QString::fromStdString(key) + QStringLiteral(": ") + QString::fromStdString(scalar));
            test.networks.push_back(QString::fromStdString(scalar));
            break;
        case SigmaTest::Kind::Null:
        case SigmaTest::Kind::Keyword:
            break;
        }
    }
    return test;
}

std::expected<std::vector<SigmaTest>, RuleProblem> mapTests(const YAML::Node& map)
{
    std::vector<SigmaTest> tests;
    for (const auto& entry : map) {
        auto test = fieldTest(entry.first.Scalar(), entry.second);
        if (!test)
            return std::unexpected(test.error());
        tests.push_back(std::move(*test));
    }
    return tests;
}

std::expected<SigmaSelection, RuleProblem> selection(const QString& name, const YAML::Node& node)
{
    SigmaSelection result;
    result.name = name;
    if (node.IsMap()) {
        auto tests = mapTests(node);
        if (!tests)
            return std::unexpected(tests.error());
        result.alternatives.push_back(std::move(*tests));
        return result;
    }
    if (!node.IsSequence() || node.size() == 0)
        return problem(RuleProblem::Kind::BadValue, name);
    for (const YAML::Node& item : node) {
        if (item.IsMap()) {
            auto tests = mapTests(item);
            if (!tests)
                return std::unexpected(tests.error());
            result.alternatives.push_back(std::move(*tests));
        } else if (item.IsScalar()) {
            // Keywords: any of them anywhere in the record (case-insensitive, wildcards kept).
            SigmaTest keyword;
            keyword.kind = SigmaTest::Kind::Keyword;
            keyword.patterns.push_back(compilePattern(item.Scalar(), true, true, false));
            result.alternatives.push_back({std::move(keyword)});
        } else {
            return problem(RuleProblem::Kind::BadValue, name);
        }
    }
    return result;
}

// The condition: `not` binds tightest, then `and`, then `or`; `1 of`, `any of` and `all of` a name pattern or `them`.
class ConditionParser
{
public:
    ConditionParser(const QString& text, const std::vector<SigmaSelection>& selections) : m_selections(selections)
    {
        QString token;
        for (const QChar c : text) {
            if (c == u'(' || c == u')' || c.isSpace()) {
                if (!token.isEmpty())
                    m_tokens << token;
                token.clear();
                if (!c.isSpace())
                    m_tokens << QString(c);
            } else {
                token += c;
            }
        }
        if (!token.isEmpty())
            m_tokens << token;
    }

    std::expected<SigmaCondition, RuleProblem> parse()
    {
        if (m_tokens.contains(QStringLiteral("|")) || m_tokens.contains(QStringLiteral("near")))
            return problem(RuleProblem::Kind::UnsupportedCondition, QStringLiteral("aggregation"));
        auto result = orExpression();
        if (result && m_next < m_tokens.size())
            return problem(RuleProblem::Kind::BadCondition, m_tokens[m_next]);
        return result;
    }

private:
    QString peek() const { return m_next < m_tokens.size() ? m_tokens[m_next].toLower() : QString(); }

    std::expected<SigmaCondition, RuleProblem> binary(SigmaCondition::Kind kind, const QString& word)
    {
        auto first =
            kind == SigmaCondition::Kind::Or ? binary(SigmaCondition::Kind::And, QStringLiteral("and")) : factor();
        if (!first || peek() != word)
            return first;
        SigmaCondition node{kind, -1, {std::move(*first)}};
        while (peek() == word) {
            ++m_next;
            auto next =
                kind == SigmaCondition::Kind::Or ? binary(SigmaCondition::Kind::And, QStringLiteral("and")) : factor();
            if (!next)
                return next;
            node.children.push_back(std::move(*next));
        }
        return node;
    }

    std::expected<SigmaCondition, RuleProblem> orExpression()
    {
        return binary(SigmaCondition::Kind::Or, QStringLiteral("or"));
    }

    std::expected<SigmaCondition, RuleProblem> factor()
    {
        const QString word = peek();
        if (word.isEmpty())
            return problem(RuleProblem::Kind::BadCondition, QStringLiteral("unexpected end"));
        ++m_next;
        if (word == u"not") {
            auto child = factor();
            if (!child)
                return child;
            return SigmaCondition{SigmaCondition::Kind::Not, -1, {std::move(*child)}};
        }
        if (word == u"(") {
            auto inner = orExpression();
            if (!inner)
                return inner;
            if (peek() != u")")
                return problem(RuleProblem::Kind::BadCondition, QStringLiteral("missing )"));
            ++m_next;
            return inner;
        }
        if ((word == u"1" || word == u"any" || word == u"all") && peek() == u"of") {
            ++m_next;
            if (m_next >= m_tokens.size())
                return problem(RuleProblem::Kind::BadCondition, QStringLiteral("of what"));
            const QString target = m_tokens[m_next++];
            SigmaCondition node{word == u"all" ? SigmaCondition::Kind::And : SigmaCondition::Kind::Or, -1, {}};
            const bool them = target == u"them";
            // Only `*` is a wildcard in a selection name pattern.
            const QRegularExpression glob(QRegularExpression::anchoredPattern(
                QRegularExpression::escape(target).replace(QStringLiteral("\\*"), QStringLiteral(".*"))));
            for (std::size_t i = 0; i < m_selections.size(); ++i) {
                const QString& name = m_selections[i].name;
                if (them ? !name.startsWith(u'_') : glob.match(name).hasMatch())
                    node.children.push_back({SigmaCondition::Kind::Selection, int(i), {}});
            }
            if (node.children.empty())
                return problem(RuleProblem::Kind::BadCondition, target);
            return node;
        }
        const QString name = m_tokens[m_next - 1];
        for (std::size_t i = 0; i < m_selections.size(); ++i) {
            if (m_selections[i].name == name)
                return SigmaCondition{SigmaCondition::Kind::Selection, int(i), {}};
        }
        return problem(RuleProblem::Kind::BadCondition, name);
    }

    const std::vector<SigmaSelection>& m_selections;
    QStringList m_tokens;
    qsizetype m_next = 0;
};

} // namespace

QString describeProblem(const RuleProblem& problem)
{
    static const std::map<RuleProblem::Kind, const char*> words{
        {RuleProblem::Kind::Unreadable, "cannot read the file"},
        {RuleProblem::Kind::NotYaml, "not YAML"},
        {RuleProblem::Kind::NotCloudTrail, "logsource is not product: aws, service: cloudtrail"},
        {RuleProblem::Kind::NoDetection, "no detection or condition"},
        {RuleProblem::Kind::UnsupportedModifier, "unsupported modifier"},
        {RuleProblem::Kind::UnsupportedCondition, "unsupported condition"},
        {RuleProblem::Kind::BadCondition, "condition names no selection or does not parse"},
        {RuleProblem::Kind::BadValue, "unsupported value"},
        {RuleProblem::Kind::MissingField, "missing key"},
        {RuleProblem::Kind::UnknownKey, "unknown key"},
        {RuleProblem::Kind::BadPattern, "filter pattern does not parse"},
    };
    const QString what = QString::fromLatin1(words.at(problem.kind));
    return problem.detail.isEmpty() ? what : what + QStringLiteral(": ") + problem.detail;
}

std::expected<SigmaRule, RuleProblem> parseSigmaRule(const QByteArray& yaml, const QString& path)
{
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(yaml.toStdString());
    } catch (const YAML::Exception& error) {
        return problem(RuleProblem::Kind::NotYaml, QString::fromStdString(error.what()));
    }
    if (documents.size() != 1 || !documents[0].IsMap())
        return problem(documents.size() > 1 ? RuleProblem::Kind::UnsupportedCondition : RuleProblem::Kind::NotYaml,
                       documents.size() > 1 ? QStringLiteral("multi-document rule") : QString());
    try {
        const YAML::Node& root = documents[0];
        if (root["correlation"])
            return problem(RuleProblem::Kind::UnsupportedCondition, QStringLiteral("correlation rule"));
        const YAML::Node logsource = root["logsource"];
        if (!logsource || !logsource.IsMap() || text(logsource["product"]).toLower() != u"aws" ||
            text(logsource["service"]).toLower() != u"cloudtrail")
            return problem(RuleProblem::Kind::NotCloudTrail);
        SigmaRule rule;
        rule.info.source = RuleSource::Sigma;
        rule.info.path = path;
        rule.info.id = text(root["id"]);
        rule.info.title = text(root["title"]);
        rule.info.level = text(root["level"]);
        rule.info.description = text(root["description"]);
        rule.info.author = text(root["author"]);
        rule.info.tags = textList(root["tags"]);
        rule.info.references = textList(root["references"]);
        const YAML::Node detection = root["detection"];
        if (!detection || !detection.IsMap() || !detection["condition"])
            return problem(RuleProblem::Kind::NoDetection);
        for (const auto& entry : detection) {
            const QString name = QString::fromStdString(entry.first.Scalar());
            if (name == u"condition" || name == u"timeframe")
                continue;
            auto parsed = selection(name, entry.second);
            if (!parsed)
                return std::unexpected(parsed.error());
            rule.selections.push_back(std::move(*parsed));
        }
        if (detection["timeframe"])
            return problem(RuleProblem::Kind::UnsupportedCondition, QStringLiteral("timeframe"));
        // Several conditions are alternatives.
        const QStringList conditions = textList(detection["condition"]);
        SigmaCondition any{SigmaCondition::Kind::Or, -1, {}};
        for (const QString& condition : conditions) {
            auto parsed = ConditionParser(condition, rule.selections).parse();
            if (!parsed)
                return std::unexpected(parsed.error());
            any.children.push_back(std::move(*parsed));
        }
        if (any.children.empty())
            return problem(RuleProblem::Kind::NoDetection);
        rule.condition = any.children.size() == 1 ? std::move(any.children[0]) : std::move(any);
        return rule;
    } catch (const YAML::Exception& error) {
        return problem(RuleProblem::Kind::NotYaml, QString::fromStdString(error.what()));
    }
}

} // namespace Trailscope::Core::Detect
