#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace Trailscope::Core::Query {

/// Finds a piece of text ignoring ASCII case, without lowering the text first: a 16-byte filter on the needle's
/// first and last bytes, Boyer-Moore-Horspool over folded bytes for the tail. Free text reads every record, and
/// lowering a copy of each cost more than the search (27% of a 1M-event scan). Non-ASCII bytes compare exactly, as free
/// text has always folded only ASCII.
class FoldedSearch
{
public:
    explicit FoldedSearch(std::string_view needle) : m_needle(needle)
    {
        for (char& c : m_needle)
            c = fold(c);
        m_skip.fill(m_needle.size());
        for (std::size_t k = 0; k + 1 < m_needle.size(); ++k) {
            const char c = m_needle[k];
            m_skip[static_cast<unsigned char>(c)] = m_needle.size() - 1 - k;
            if (c >= 'a' && c <= 'z')
                m_skip[static_cast<unsigned char>(c - 32)] = m_needle.size() - 1 - k;
        }
    }

    std::size_t size() const { return m_needle.size(); }

    /// The first position at or after `from` where the needle occurs, or npos.
    std::size_t find(std::string_view text, std::size_t from = 0) const;

private:
    static char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
    static bool isLetter(char folded) { return folded >= 'a' && folded <= 'z'; }

    bool matchesAt(std::string_view text, std::size_t at) const;
    std::size_t findHorspool(std::string_view text, std::size_t from) const;

    std::string m_needle;
    std::array<std::size_t, 256> m_skip{};
};

} // namespace Trailscope::Core::Query
