#include "eventrecordcache.h"

namespace Trailscope::Core::Query {

Result<std::string_view> EventRecordCache::text(std::int64_t rowId)
{
    if (rowId != m_rowId) {
        m_rowId = -1;
        auto raw = m_reader.eventRecord(rowId);
        if (!raw)
            return std::unexpected(raw.error());
        m_record = std::move(*raw);
        if (m_examined)
            m_examined->fetch_add(1, std::memory_order_relaxed);
        m_parsed = false;
        m_rowId = rowId;
    }
    return std::string_view(m_record);
}

Result<simdjson::dom::element> EventRecordCache::json(std::int64_t rowId)
{
    auto raw = text(rowId);
    if (!raw)
        return std::unexpected(raw.error());
    if (!m_parsed) {
        if (m_parser.parse(m_record).get(m_root) != simdjson::SUCCESS)
            return fail(ErrorCode::CorruptCase, QStringLiteral("stored record of event %1 is not JSON").arg(rowId));
        m_parsed = true;
    }
    return m_root;
}

} // namespace Trailscope::Core::Query
