// Sigma matching on a parsed record: a list means any, a map means all, strings ignore ASCII case unless `|cased`.
#include "sigmarule.h"

#include "query/searchvalues.h"

#include <simdjson.h>

#include <cmath>
#include <optional>

namespace Trailscope::Core::Detect {

namespace {

char folded(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::size_t codePointLength(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

bool globFrom(const SigmaPattern& pattern, std::size_t token, std::string_view value, std::size_t at, bool cased)
{
    while (token < pattern.tokens.size()) {
        const SigmaPattern::Token& t = pattern.tokens[token];
        switch (t.kind) {
        case SigmaPattern::Token::Kind::Text:
            if (value.size() - at < t.text.size())
                return false;
            for (std::size_t i = 0; i < t.text.size(); ++i) {
                if ((cased ? value[at + i] : folded(value[at + i])) != t.text[i])
                    return false;
            }
            at += t.text.size();
            break;
        case SigmaPattern::Token::Kind::One:
            if (at >= value.size())
                return false;
            at += codePointLength(static_cast<unsigned char>(value[at]));
            break;
        case SigmaPattern::Token::Kind::Star:
            if (token + 1 == pattern.tokens.size())
                return true;
            for (std::size_t from = at; from <= value.size(); ++from) {
                if (globFrom(pattern, token + 1, value, from, cased))
                    return true;
            }
            return false;
        }
        ++token;
    }
    return at == value.size();
}

// What a field holds: nothing, null, or its scalar values (an array's elements, an object's leaves, as text).
struct FieldValues
{
    bool present = false;
    bool null = false;
    std::vector<std::string> values;
};

void collect(const simdjson::dom::element& element, std::vector<std::string>& out)
{
    switch (element.type()) {
    case simdjson::dom::element_type::STRING: {
        std::string_view text;
        if (element.get_string().get(text) == simdjson::SUCCESS)
            out.emplace_back(text);
        break;
    }
    case simdjson::dom::element_type::BOOL: {
        bool value = false;
        if (element.get_bool().get(value) == simdjson::SUCCESS)
            out.emplace_back(value ? "true" : "false");
        break;
    }
    case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array array;
        if (element.get_array().get(array) == simdjson::SUCCESS) {
            for (const simdjson::dom::element item : array)
                collect(item, out);
        }
        break;
    }
    case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object object;
        if (element.get_object().get(object) == simdjson::SUCCESS) {
            for (const auto field : object)
                collect(field.value, out);
        }
        break;
    }
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    default: // numbers as written
        out.push_back(simdjson::minify(element));
        break;
    }
}

FieldValues fieldValues(const simdjson::dom::element& record, const std::vector<std::string>& path)
{
    FieldValues result;
    simdjson::dom::element at = record;
    for (const std::string& key : path) {
        simdjson::dom::object object;
        if (at.get_object().get(object) != simdjson::SUCCESS || object.at_key(key).get(at) != simdjson::SUCCESS)
            return result;
    }
    result.present = true;
    result.null = at.is_null();
    collect(at, result.values);
    return result;
}

bool equalText(std::string_view a, std::string_view b, bool cased)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (cased ? a[i] != b[i] : folded(a[i]) != folded(b[i]))
            return false;
    }
    return true;
}

// Whether one candidate of the test (its i-th pattern, regex, ...) matches one of the values.
bool candidateMatches(const SigmaTest& test, std::size_t i, const std::vector<std::string>& values,
                      const simdjson::dom::element* record)
{
    for (const std::string& value : values) {
        switch (test.kind) {
        case SigmaTest::Kind::Match:
        case SigmaTest::Kind::Keyword:
            if (globFrom(test.patterns[i], 0, value, 0, test.cased))
                return true;
            break;
        case SigmaTest::Kind::Regex:
            if (test.regexes[i]->match(QString::fromUtf8(value.data(), qsizetype(value.size()))).hasMatch())
                return true;
            break;
        case SigmaTest::Kind::FieldRef:
            if (record) {
                for (const std::string& other : fieldValues(*record, test.references[i]).values) {
                    if (equalText(value, other, test.cased))
                        return true;
                }
            }
            break;
        case SigmaTest::Kind::Compare: {
            bool ok = false;
            const double number = QByteArray::fromRawData(value.data(), qsizetype(value.size())).toDouble(&ok);
            const double bound = test.numbers[i];
            if (ok && (test.order == SigmaTest::Order::Less        ? number < bound
                       : test.order == SigmaTest::Order::LessEqual ? number <= bound
                       : test.order == SigmaTest::Order::Greater   ? number > bound
                                                                   : number >= bound))
                return true;
            break;
        }
        case SigmaTest::Kind::Cidr:
            if (const auto network = Query::IpNetwork::parse(test.networks[i].toStdString());
                network && network->contains(value))
                return true;
            break;
        case SigmaTest::Kind::Exists:
        case SigmaTest::Kind::Null:
            break;
        }
    }
    return false;
}

std::size_t candidateCount(const SigmaTest& test)
{
    switch (test.kind) {
    case SigmaTest::Kind::Regex:
        return test.regexes.size();
    case SigmaTest::Kind::FieldRef:
        return test.references.size();
    case SigmaTest::Kind::Compare:
        return test.numbers.size();
    case SigmaTest::Kind::Cidr:
        return test.networks.size();
    default:
        return test.patterns.size();
    }
}

bool valuesMatch(const SigmaTest& test, const std::vector<std::string>& values, const simdjson::dom::element* record)
{
    const std::size_t count = candidateCount(test);
    for (std::size_t i = 0; i < count; ++i) {
        const bool matched = candidateMatches(test, i, values, record);
        if (test.all && !matched)
            return false;
        if (!test.all && matched)
            return true;
    }
    return test.all && count > 0;
}

bool testMatches(const SigmaTest& test, const simdjson::dom::element& record, std::string_view text)
{
    if (test.kind == SigmaTest::Kind::Keyword)
        return valuesMatch(test, {std::string(text)}, &record);
    const FieldValues field = fieldValues(record, test.path);
    switch (test.kind) {
    case SigmaTest::Kind::Exists:
        return field.present == test.exists;
    case SigmaTest::Kind::Null:
        return !field.present || field.null;
    default:
        return field.present && !field.null && valuesMatch(test, field.values, &record);
    }
}

bool selectionMatches(const SigmaSelection& selection, const simdjson::dom::element& record, std::string_view text)
{
    for (const std::vector<SigmaTest>& tests : selection.alternatives) {
        if (std::all_of(tests.begin(), tests.end(),
                        [&](const SigmaTest& test) { return testMatches(test, record, text); }))
            return true;
    }
    return false;
}

bool conditionMatches(const SigmaRule& rule, const SigmaCondition& node, const simdjson::dom::element& record,
                      std::string_view text)
{
    switch (node.kind) {
    case SigmaCondition::Kind::Selection:
        return selectionMatches(rule.selections[std::size_t(node.selection)], record, text);
    case SigmaCondition::Kind::Not:
        return !conditionMatches(rule, node.children[0], record, text);
    case SigmaCondition::Kind::And:
        return std::all_of(node.children.begin(), node.children.end(),
                           [&](const SigmaCondition& child) { return conditionMatches(rule, child, record, text); });
    case SigmaCondition::Kind::Or:
        return std::any_of(node.children.begin(), node.children.end(),
                           [&](const SigmaCondition& child) { return conditionMatches(rule, child, record, text); });
    }
    return false;
}

// A test that one of the dimension's fields decides from its string alone (not null, exists or field references).
int keyField(const SigmaTest& test, const std::vector<std::string>& fields)
{
    if (test.kind != SigmaTest::Kind::Match && test.kind != SigmaTest::Kind::Regex)
        return -1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::vector<std::string> path = [&] {
            std::vector<std::string> keys;
            std::size_t start = 0;
            for (std::size_t dot = fields[i].find('.'); dot != std::string::npos; dot = fields[i].find('.', start)) {
                keys.push_back(fields[i].substr(start, dot - start));
                start = dot + 1;
            }
            keys.push_back(fields[i].substr(start));
            return keys;
        }();
        if (test.path == path)
            return int(i);
    }
    return -1;
}

bool constrains(const SigmaRule& rule, const SigmaCondition& node, const std::vector<std::string>& fields)
{
    switch (node.kind) {
    case SigmaCondition::Kind::Selection: {
        const auto& alternatives = rule.selections[std::size_t(node.selection)].alternatives;
        return std::all_of(alternatives.begin(), alternatives.end(), [&](const std::vector<SigmaTest>& tests) {
            return std::any_of(tests.begin(), tests.end(),
                               [&](const SigmaTest& test) { return keyField(test, fields) >= 0; });
        });
    }
    case SigmaCondition::Kind::Not:
        return false;
    case SigmaCondition::Kind::And:
        return std::any_of(node.children.begin(), node.children.end(),
                           [&](const SigmaCondition& child) { return constrains(rule, child, fields); });
    case SigmaCondition::Kind::Or:
        return std::all_of(node.children.begin(), node.children.end(),
                           [&](const SigmaCondition& child) { return constrains(rule, child, fields); });
    }
    return false;
}

// Whether the node may hold for an event with these values of the fields: its other tests are taken as passing, so
// this is never false for an event that matches.
bool mayHold(const SigmaRule& rule, const SigmaCondition& node, const std::vector<std::string>& fields,
             const std::vector<std::optional<std::string>>& values)
{
    switch (node.kind) {
    case SigmaCondition::Kind::Selection:
        for (const std::vector<SigmaTest>& tests : rule.selections[std::size_t(node.selection)].alternatives) {
            if (std::all_of(tests.begin(), tests.end(), [&](const SigmaTest& test) {
                    const int field = keyField(test, fields);
                    if (field < 0)
                        return true;
                    const std::optional<std::string>& value = values[std::size_t(field)];
                    return value.has_value() && valuesMatch(test, {*value}, nullptr);
                }))
                return true;
        }
        return false;
    case SigmaCondition::Kind::Not:
        return true;
    case SigmaCondition::Kind::And:
        return std::all_of(node.children.begin(), node.children.end(), [&](const SigmaCondition& child) {
            return !constrains(rule, child, fields) || mayHold(rule, child, fields, values);
        });
    case SigmaCondition::Kind::Or:
        return std::any_of(node.children.begin(), node.children.end(),
                           [&](const SigmaCondition& child) { return mayHold(rule, child, fields, values); });
    }
    return true;
}

const std::vector<std::string> ApiFields{"eventSource", "eventName"};

} // namespace

bool matchesSigma(const SigmaRule& rule, const simdjson::dom::element& record, std::string_view text)
{
    return conditionMatches(rule, rule.condition, record, text);
}

bool constrainsFields(const SigmaRule& rule, const std::vector<std::string>& fields)
{
    return constrains(rule, rule.condition, fields);
}

bool mayMatchFields(const SigmaRule& rule, const std::vector<std::string>& fields,
                    const std::vector<std::optional<std::string>>& values)
{
    return !constrainsFields(rule, fields) || mayHold(rule, rule.condition, fields, values);
}

bool constrainsApi(const SigmaRule& rule)
{
    return constrainsFields(rule, ApiFields);
}

bool mayMatchApi(const SigmaRule& rule, std::string_view source, std::string_view name)
{
    return mayMatchFields(rule, ApiFields, {std::string(source), std::string(name)});
}

} // namespace Trailscope::Core::Detect
