#include "foldedsearch.h"

#include <emmintrin.h>

namespace Trailscope::Core::Query {

std::size_t FoldedSearch::find(std::string_view text, std::size_t from) const
{
    const std::size_t m = m_needle.size();
    if (m == 0)
        return from <= text.size() ? from : std::string_view::npos;
    if (m == 1 || from > text.size())
        return findHorspool(text, from);
    // Sixteen positions at a time (SSE2, which every x86-64 has): where the first and the last byte of the
    // needle both match, compare the rest. A letter matches either case as its byte | 0x20, any other byte
    // exactly, so no occurrence is missed and the check then decides. A free-text scan of the 1M-event case: 690
    // ms with Horspool alone, 560 with the filter.
    const __m128i first = _mm_set1_epi8(m_needle.front()), last = _mm_set1_epi8(m_needle.back());
    const __m128i firstFold = _mm_set1_epi8(isLetter(m_needle.front()) ? 0x20 : 0);
    const __m128i lastFold = _mm_set1_epi8(isLetter(m_needle.back()) ? 0x20 : 0);
    std::size_t i = from;
    for (; i + m - 1 + 16 <= text.size(); i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + m - 1));
        const __m128i both = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(a, firstFold), first),
                                           _mm_cmpeq_epi8(_mm_or_si128(b, lastFold), last));
        for (unsigned bits = unsigned(_mm_movemask_epi8(both)); bits != 0; bits &= bits - 1) {
            const std::size_t at = i + std::size_t(__builtin_ctz(bits));
            if (matchesAt(text, at))
                return at;
        }
    }
    return findHorspool(text, i);
}

bool FoldedSearch::matchesAt(std::string_view text, std::size_t at) const
{
    for (std::size_t j = 1; j + 1 < m_needle.size(); ++j)
        if (fold(text[at + j]) != m_needle[j])
            return false;
    return true;
}

std::size_t FoldedSearch::findHorspool(std::string_view text, std::size_t from) const
{
    const std::size_t m = m_needle.size();
    const std::size_t last = m - 1;
    for (std::size_t i = from; i + m <= text.size();) {
        const char end = text[i + last];
        if (fold(end) == m_needle[last]) {
            std::size_t j = last;
            while (j > 0 && fold(text[i + j - 1]) == m_needle[j - 1])
                --j;
            if (j == 0)
                return i;
        }
        i += m_skip[static_cast<unsigned char>(end)];
    }
    return std::string_view::npos;
}

} // namespace Trailscope::Core::Query
