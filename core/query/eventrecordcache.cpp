#include "eventrecordcache.h"

namespace Trailscope::Core::Query {

Result<std::string_view> EventRecordCache::text(std::int64_t rowId, const std::optional<Location>& at)
{
    if (rowId != m_rowId) {
        m_rowId = -1;
        if (at) {
            auto view = m_reader.recordView(at->fileId, at->offset, at->length);
            if (!view)
                return std::unexpected(view.error());
            m_record = *view;
        } else {
            auto raw = m_reader.eventRecord(rowId);
            if (!raw)
                return std::unexpected(raw.error());
            m_owned = std::move(*raw);
            m_record = m_owned;
        }
        if (m_examined)
            m_examined->fetch_add(1, std::memory_order_relaxed);
        m_parsed = false;
        m_rowId = rowId;
    }
    return m_record;
}

Result<simdjson::dom::element> EventRecordCache::json(std::int64_t rowId, const std::optional<Location>& at)
{
    auto raw = text(rowId, at);
    if (!raw)
        return std::unexpected(raw.error());
    if (!m_parsed) {
        if (m_parser.parse(m_record.data(), m_record.size()).get(m_root) != simdjson::SUCCESS)
            return fail(ErrorCode::CorruptCase, QStringLiteral("stored record of event %1 is not JSON").arg(rowId));
        m_parsed = true;
    }
    return m_root;
}

} // namespace Trailscope::Core::Query
