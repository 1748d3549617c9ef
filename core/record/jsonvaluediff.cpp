#include "jsonvaluediff.h"

#include <simdjson.h>

#include <algorithm>
#include <utility>

namespace Trailscope::Core {

namespace {

namespace dom = simdjson::dom;

bool isNumber(dom::element_type type)
{
    return type == dom::element_type::INT64 || type == dom::element_type::UINT64 || type == dom::element_type::DOUBLE;
}

bool equalNumbers(dom::element left, dom::element right)
{
    const dom::element_type a = left.type(), b = right.type();
    if (a == dom::element_type::INT64 && b == dom::element_type::INT64)
        return left.get_int64().value_unsafe() == right.get_int64().value_unsafe();
    if (a == dom::element_type::UINT64 && b == dom::element_type::UINT64)
        return left.get_uint64().value_unsafe() == right.get_uint64().value_unsafe();
    // Mixed or fractional: simdjson gives an unsigned only above INT64_MAX, so exact integers never meet here unless
    // one side is written as a fraction or exponent, where a double is what the text means.
    return left.get_double().value_unsafe() == right.get_double().value_unsafe();
}

class Differ
{
public:
    explicit Differ(std::size_t limit) : m_limit(limit) {}

    void compare(dom::element left, dom::element right, std::string& path)
    {
        if (m_found.size() >= m_limit)
            return;
        const dom::element_type a = left.type(), b = right.type();
        if (isNumber(a) && isNumber(b)) {
            if (!equalNumbers(left, right))
                note(path);
            return;
        }
        if (a != b) {
            note(path);
            return;
        }
        switch (a) {
        case dom::element_type::OBJECT:
            compareObjects(left.get_object().value_unsafe(), right.get_object().value_unsafe(), path);
            return;
        case dom::element_type::ARRAY:
            compareArrays(left.get_array().value_unsafe(), right.get_array().value_unsafe(), path);
            return;
        case dom::element_type::STRING:
            if (left.get_string().value_unsafe() != right.get_string().value_unsafe())
                note(path);
            return;
        case dom::element_type::BOOL:
            if (left.get_bool().value_unsafe() != right.get_bool().value_unsafe())
                note(path);
            return;
        default: // null
            return;
        }
    }

    std::vector<std::string> take() { return std::move(m_found); }

private:
    using Members = std::vector<std::pair<std::string_view, dom::element>>;

    static Members sortedMembers(dom::object object)
    {
        Members members;
        for (const dom::key_value_pair field : object)
            members.emplace_back(field.key, field.value);
        std::stable_sort(members.begin(), members.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        return members;
    }

    void compareObjects(dom::object left, dom::object right, std::string& path)
    {
        const Members a = sortedMembers(left), b = sortedMembers(right);
        auto i = a.begin();
        auto j = b.begin();
        while (i != a.end() || j != b.end()) {
            const std::size_t mark = path.size();
            if (j == b.end() || (i != a.end() && i->first < j->first)) {
                note(descend(path, i->first)); // only in the left copy
                ++i;
            } else if (i == a.end() || j->first < i->first) {
                note(descend(path, j->first));
                ++j;
            } else {
                compare(i->second, j->second, descend(path, i->first));
                ++i;
                ++j;
            }
            path.resize(mark);
        }
    }

    void compareArrays(dom::array left, dom::array right, std::string& path)
    {
        if (left.size() != right.size()) {
            note(path);
            return;
        }
        auto j = right.begin();
        std::size_t index = 0;
        for (const dom::element item : left) {
            const std::size_t mark = path.size();
            path += '[';
            path += std::to_string(index++);
            path += ']';
            compare(item, *j, path);
            ++j;
            path.resize(mark);
        }
    }

    static std::string& descend(std::string& path, std::string_view key)
    {
        if (!path.empty())
            path += '.';
        path += key;
        return path;
    }

    void note(const std::string& path)
    {
        if (m_found.size() < m_limit)
            m_found.push_back(path.empty() ? std::string("(the whole record)") : path);
    }

    std::size_t m_limit;
    std::vector<std::string> m_found;
};

} // namespace

std::vector<std::string> jsonDifferences(std::string_view left, std::string_view right, std::size_t limit)
{
    // Two parsers: an element is valid only while its parser holds the document.
    dom::parser leftParser, rightParser;
    dom::element a, b;
    if (leftParser.parse(left.data(), left.size()).get(a) != simdjson::SUCCESS ||
        rightParser.parse(right.data(), right.size()).get(b) != simdjson::SUCCESS) {
        if (left == right)
            return {};
        return {std::string("(not valid JSON)")};
    }
    Differ differ(std::max<std::size_t>(limit, 1));
    std::string path;
    differ.compare(a, b, path);
    return differ.take();
}

} // namespace Trailscope::Core
