#include "fieldleaves.h"

#include <cstring>

namespace Trailscope::Core {

namespace dom = simdjson::dom;

namespace {

char lowered(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool startsWithIgnoringCase(std::string_view text, std::size_t at, std::string_view prefix)
{
    if (text.size() - at < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lowered(text[at + i]) != lowered(prefix[i]))
            return false;
    return true;
}

bool matchFrom(std::string_view path, std::size_t at, const FieldPathPattern& pattern, std::size_t step)
{
    if (step == pattern.size())
        return at == path.size();
    const FieldPathStep& s = pattern[step];
    switch (s.kind) {
    case FieldPathStep::Kind::Key: {
        std::size_t next = at;
        if (step > 0) {
            if (next >= path.size() || path[next] != '.')
                return false;
            ++next;
        }
        return startsWithIgnoringCase(path, next, s.key) && matchFrom(path, next + s.key.size(), pattern, step + 1);
    }
    case FieldPathStep::Kind::AnyIndex:
        return path.substr(at, 3) == "[*]" && matchFrom(path, at + 3, pattern, step + 1);
    case FieldPathStep::Kind::AnyMember:
        if (path.substr(at, 3) == "[*]" && matchFrom(path, at + 3, pattern, step + 1))
            return true;
        if (at >= path.size() || path[at] != '.')
            return false;
        // A member's key may itself hold '.' or "[*]": try every end.
        for (std::size_t end = at + 2; end <= path.size(); ++end)
            if (matchFrom(path, end, pattern, step + 1))
                return true;
        return false;
    }
    return false;
}

} // namespace

std::int64_t fieldNumberValue(double number)
{
    if (number == 0)
        number = 0.0;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &number, sizeof bits);
    // The IEEE order trick: flip every bit of a negative, the sign bit of a positive; then unsigned order is numeric.
    bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t(1) << 63);
    return static_cast<std::int64_t>(bits >> 48) + LowestFieldNumberValue;
}

std::int64_t hashedFieldValue(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    hash ^= hash >> 29; // FNV leaves its high bits mixed better than its low ones: fold them in
    return HashedFieldValueBase + static_cast<std::int64_t>(hash & std::uint64_t(HashedFieldValueBase - 1));
}

bool isIndexedFieldPart(std::string_view top)
{
    for (const std::string_view part : IndexedFieldParts)
        if (part.size() == top.size() && startsWithIgnoringCase(top, 0, part))
            return true;
    return false;
}

bool fieldPathMatches(std::string_view path, const FieldPathPattern& pattern)
{
    return !pattern.empty() && matchFrom(path, 0, pattern, 0);
}

// Each step is a letter (K, I, A); a key is followed by its length in decimal, ':' and its bytes.
std::string encodeFieldPathPattern(const FieldPathPattern& pattern)
{
    std::string spec;
    for (const FieldPathStep& step : pattern) {
        switch (step.kind) {
        case FieldPathStep::Kind::Key:
            spec.append("K").append(std::to_string(step.key.size())).append(":").append(step.key);
            break;
        case FieldPathStep::Kind::AnyIndex:
            spec += 'I';
            break;
        case FieldPathStep::Kind::AnyMember:
            spec += 'A';
            break;
        }
    }
    return spec;
}

std::optional<FieldPathPattern> decodeFieldPathPattern(std::string_view spec)
{
    FieldPathPattern pattern;
    std::size_t at = 0;
    while (at < spec.size()) {
        const char kind = spec[at++];
        if (kind == 'I') {
            pattern.push_back({FieldPathStep::Kind::AnyIndex, {}});
        } else if (kind == 'A') {
            pattern.push_back({FieldPathStep::Kind::AnyMember, {}});
        } else if (kind == 'K') {
            const std::size_t colon = spec.find(':', at);
            if (colon == std::string_view::npos || colon == at)
                return std::nullopt;
            std::size_t length = 0;
            for (std::size_t i = at; i < colon; ++i) {
                if (spec[i] < '0' || spec[i] > '9')
                    return std::nullopt;
                length = length * 10 + static_cast<std::size_t>(spec[i] - '0');
            }
            if (length > spec.size() - colon - 1)
                return std::nullopt;
            pattern.push_back({FieldPathStep::Kind::Key, std::string(spec.substr(colon + 1, length))});
            at = colon + 1 + length;
        } else {
            return std::nullopt;
        }
    }
    return pattern;
}

void FieldLeafCollector::begin(ParsedEvent& event, EventBatch& batch)
{
    if (&batch != m_batch || m_batchPaths != batch.fieldPaths.size()) {
        // Another batch (or a new one at the same address): its path indexes start again.
        m_paths.clear();
        m_batch = &batch;
    }
    event.leavesBegin = event.leavesEnd = static_cast<std::uint32_t>(batch.fieldLeaves.size());
    event.leavesTruncated = false;
}

void FieldLeafCollector::collect(std::string_view top, dom::element value, ParsedEvent& event, EventBatch& batch)
{
    m_path.assign(top);
    walk(value, false, event, batch);
    m_batchPaths = batch.fieldPaths.size();
}

void FieldLeafCollector::end(ParsedEvent& event, EventBatch& batch)
{
    event.leavesEnd = static_cast<std::uint32_t>(batch.fieldLeaves.size());
    m_batchPaths = batch.fieldPaths.size();
}

std::uint32_t FieldLeafCollector::pathIndex(EventBatch& batch, bool composite, bool dotted)
{
    if (const auto found = m_paths.find(m_path); found != m_paths.end()) {
        batch.fieldPaths[found->second].composite |= composite;
        batch.fieldPaths[found->second].dottedKey |= dotted;
        return found->second;
    }
    const auto index = static_cast<std::uint32_t>(batch.fieldPaths.size());
    batch.fieldPaths.push_back(FieldPath{batch.add(m_path), composite, dotted, 0});
    m_paths.emplace(m_path, index);
    return index;
}

void FieldLeafCollector::walk(dom::element value, bool dotted, ParsedEvent& event, EventBatch& batch)
{
    if (event.leavesTruncated)
        return;
    if (batch.fieldLeaves.size() - event.leavesBegin >= MaxLeavesPerEvent) {
        event.leavesTruncated = true;
        return;
    }
    switch (value.type()) {
    case dom::element_type::OBJECT: {
        pathIndex(batch, true, dotted);
        dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS)
            return;
        for (const dom::key_value_pair member : object) {
            const std::size_t mark = m_path.size();
            m_path += '.';
            m_path += member.key;
            const bool ambiguous = member.key.find_first_of(".[") != std::string_view::npos;
            walk(member.value, dotted || ambiguous, event, batch);
            m_path.resize(mark);
        }
        return;
    }
    case dom::element_type::ARRAY: {
        pathIndex(batch, true, dotted);
        dom::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS)
            return;
        const std::size_t mark = m_path.size();
        m_path += "[*]";
        for (const dom::element item : array)
            walk(item, dotted, event, batch);
        m_path.resize(mark);
        return;
    }
    case dom::element_type::STRING:
        batch.fieldLeaves.push_back(
            FieldLeaf{pathIndex(batch, false, dotted), true, batch.add(value.get_string().value_unsafe()), 0});
        return;
    case dom::element_type::NULL_VALUE:
        return; // null compares as NULL: no indexed condition can hold
    case dom::element_type::BOOL:
        batch.fieldLeaves.push_back(FieldLeaf{pathIndex(batch, false, dotted), false, {}, 0});
        return;
    default: {
        double number = 0; // integers too, as the nearest double (the bucket is what counts)
        if (value.get_double().get(number) != simdjson::SUCCESS)
            number = 0;
        batch.fieldLeaves.push_back(FieldLeaf{pathIndex(batch, false, dotted), false, {}, fieldNumberValue(number)});
        return;
    }
    }
}

} // namespace Trailscope::Core
