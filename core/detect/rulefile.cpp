#include "rulefile.h"

#include "detect/metricfilter.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace Trailscope::Core::Detect {

namespace {

using Problem = std::unexpected<RuleProblem>;

Problem problem(RuleProblem::Kind kind, const QString& detail = {})
{
    return Problem(RuleProblem{kind, detail});
}

QString scalar(const YAML::Node& node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList scalars(const YAML::Node& node)
{
    if (!node)
        return {};
    if (node.IsScalar())
        return {scalar(node)};
    QStringList values;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            values << scalar(item);
    }
    return values;
}

const std::set<std::string>& knownKeys()
{
    static const std::set<std::string> keys{
        "id",     "title", "level",    "description",   "author",    "tags",          "references",
        "status", "date",  "modified", "filterPattern", "threshold", "periodMinutes", "falsepositives"};
    return keys;
}

std::optional<int> wholeNumber(const YAML::Node& node, int fallback)
{
    if (!node)
        return fallback;
    bool ok = false;
    const int value = scalar(node).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

std::expected<MetricFilterRule, RuleProblem> metricFilterFrom(const YAML::Node& root, const QString& path)
{
    for (const auto& entry : root) {
        if (!knownKeys().contains(entry.first.Scalar()))
            return problem(RuleProblem::Kind::UnknownKey, QString::fromStdString(entry.first.Scalar()));
    }
    MetricFilterRule rule;
    rule.info.source = RuleSource::User;
    rule.info.path = path;
    rule.info.id = scalar(root["id"]).trimmed();
    rule.info.title = scalar(root["title"]);
    rule.info.level = scalar(root["level"]).isEmpty() ? QStringLiteral("medium") : scalar(root["level"]);
    rule.info.description = scalar(root["description"]);
    rule.info.author = scalar(root["author"]);
    rule.info.tags = scalars(root["tags"]);
    rule.info.references = scalars(root["references"]);
    rule.pattern = scalar(root["filterPattern"]);
    if (rule.info.id.isEmpty())
        return problem(RuleProblem::Kind::MissingField, QStringLiteral("id"));
    if (rule.pattern.trimmed().isEmpty())
        return problem(RuleProblem::Kind::MissingField, QStringLiteral("filterPattern"));
    static const QStringList levels{QStringLiteral("informational"), QStringLiteral("low"), QStringLiteral("medium"),
                                    QStringLiteral("high"), QStringLiteral("critical")};
    if (!levels.contains(rule.info.level))
        return problem(RuleProblem::Kind::BadValue, QStringLiteral("level: %1").arg(rule.info.level));
    const auto threshold = wholeNumber(root["threshold"], 1);
    if (!threshold || *threshold < 1)
        return problem(RuleProblem::Kind::BadValue, QStringLiteral("threshold: a whole number from 1"));
    const auto period = wholeNumber(root["periodMinutes"], 5);
    if (!period || *period < 1 || *period > 1440)
        return problem(RuleProblem::Kind::BadValue, QStringLiteral("periodMinutes: a whole number from 1 to 1440"));
    rule.threshold = *threshold;
    rule.windowMinutes = *period;
    if (auto parsed = parseRulePattern(rule); !parsed)
        return problem(RuleProblem::Kind::BadPattern, parsed.error().detail);
    return rule;
}

std::expected<YAML::Node, RuleProblem> singleMap(const QByteArray& yaml)
{
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(yaml.toStdString());
        if (documents.size() != 1 || !documents[0].IsMap())
            return problem(RuleProblem::Kind::NotYaml,
                           documents.size() > 1 ? QStringLiteral("several documents") : QStringLiteral("not a map"));
        return documents[0];
    } catch (const YAML::Exception& error) {
        return problem(RuleProblem::Kind::NotYaml, QString::fromStdString(error.what()));
    }
}

} // namespace

const RuleInfo& ruleInfoOf(const ParsedRule& rule)
{
    return std::visit([](const auto& r) -> const RuleInfo& { return r.info; }, rule);
}

std::expected<MetricFilterRule, RuleProblem> parseMetricFilterRule(const QByteArray& yaml, const QString& path)
{
    auto root = singleMap(yaml);
    if (!root)
        return std::unexpected(root.error());
    try {
        return metricFilterFrom(*root, path);
    } catch (const YAML::Exception& error) {
        return problem(RuleProblem::Kind::NotYaml, QString::fromStdString(error.what()));
    }
}

QByteArray metricFilterRuleYaml(const MetricFilterRule& rule)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    const auto text = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            out << YAML::Key << key << YAML::Value << value.toStdString();
    };
    const auto list = [&](const char* key, const QStringList& values) {
        if (values.isEmpty())
            return;
        out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
        for (const QString& value : values)
            out << value.toStdString();
        out << YAML::EndSeq;
    };
    text("id", rule.info.id);
    text("title", rule.info.title);
    text("level", rule.info.level);
    text("description", rule.info.description);
    text("author", rule.info.author);
    list("tags", rule.info.tags);
    list("references", rule.info.references);
    // Single-quoted so that `{`, `$`, `"` and `*` stay as the pattern has them.
    out << YAML::Key << "filterPattern" << YAML::Value << YAML::SingleQuoted << rule.pattern.toStdString();
    out << YAML::Key << "threshold" << YAML::Value << rule.threshold;
    out << YAML::Key << "periodMinutes" << YAML::Value << rule.windowMinutes;
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

std::expected<ParsedRule, RuleProblem> parseRuleText(const QByteArray& yaml, const QString& path)
{
    auto root = singleMap(yaml);
    if (root && (*root)["filterPattern"]) {
        auto rule = parseMetricFilterRule(yaml, path);
        if (!rule)
            return std::unexpected(rule.error());
        return ParsedRule(std::move(*rule));
    }
    auto rule = parseSigmaRule(yaml, path);
    if (!rule)
        return std::unexpected(rule.error());
    return ParsedRule(std::move(*rule));
}

} // namespace Trailscope::Core::Detect
