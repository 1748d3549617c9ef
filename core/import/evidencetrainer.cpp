#include "evidencetrainer.h"

namespace Trailscope::Core {

EvidenceDictionaryTrainer::EvidenceDictionaryTrainer(std::shared_ptr<const EvidenceDictionary> existing,
                                                     std::int64_t nextId, std::size_t samplesWanted)
    : m_current(std::move(existing)), m_nextId(nextId), m_samplesWanted(samplesWanted)
{
    m_done = m_current != nullptr;
}

std::shared_ptr<const EvidenceDictionary> EvidenceDictionaryTrainer::current() const
{
    const std::lock_guard lock(m_mutex);
    return m_current;
}

void EvidenceDictionaryTrainer::offer(std::string_view content)
{
    if (m_done.load(std::memory_order_acquire) || content.empty())
        return;
    const std::lock_guard lock(m_mutex);
    if (m_done)
        return;
    m_samples.emplace_back(content.substr(0, SampleBytes));
    m_sampleBytes += m_samples.back().size();
    if (m_samples.size() < m_samplesWanted && m_sampleBytes < EnoughBytes)
        return;
    // Trained once: if these samples give nothing, the rest of the import goes without a dictionary.
    m_current = EvidenceDictionary::train(m_nextId, m_samples);
    m_samples = {};
    m_done = true;
}

} // namespace Trailscope::Core
