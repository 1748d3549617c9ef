#pragma once

#include "record/evidencecodec.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core {

/// The dictionary an import compresses its evidence with: the case's own when it has one; otherwise one trained,
/// once, on the first files the parse workers decode (the files before it are compressed without one).
class EvidenceDictionaryTrainer
{
public:
    static constexpr std::size_t DefaultSamples = 400; // measured: 400 files train in 0.1 s, 1,000 are 0.5% smaller

    EvidenceDictionaryTrainer(std::shared_ptr<const EvidenceDictionary> existing, std::int64_t nextId,
                              std::size_t samplesWanted = DefaultSamples);

    std::shared_ptr<const EvidenceDictionary> current() const;
    /// A decoded file's content, as a sample until enough are in; the worker that brings the last one trains.
    void offer(std::string_view content);

private:
    static constexpr std::size_t SampleBytes = 64u << 10; // the head of a large file is as good a sample as the rest
    static constexpr std::size_t EnoughBytes = 8u << 20;

    mutable std::mutex m_mutex;
    std::shared_ptr<const EvidenceDictionary> m_current;
    std::atomic<bool> m_done{false};
    std::vector<std::string> m_samples;
    std::size_t m_sampleBytes = 0;
    std::int64_t m_nextId;
    std::size_t m_samplesWanted;
};

} // namespace Trailscope::Core
