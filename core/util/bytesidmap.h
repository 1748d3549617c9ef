#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace Trailscope::Core {

/// Open-addressing map from byte strings (interned text, id tuples) to ids. An import looks up ~25 strings per
/// event: a slot holds the full hash and length beside a pointer into an arena, so a probe costs one cache line and
/// the bytes are compared only on a likely hit, where std::unordered_map walks bucket -> node -> heap string.
class BytesIdMap
{
public:
    /// The id of `key`, inserting `newId` for it when absent; `.second` says whether it was inserted.
    std::pair<std::int64_t, bool> findOrInsert(std::string_view key, std::int64_t newId)
    {
        const Entry entry = findOrInsertEntry(key, newId);
        return {entry.id, entry.inserted};
    }

    /// As findOrInsert(), and the map's own copy of the key, valid as long as the map.
    struct Entry
    {
        std::int64_t id;
        bool inserted;
        std::string_view key;
    };
    Entry findOrInsertEntry(std::string_view key, std::int64_t newId)
    {
        if ((m_size + 1) * 10 > m_slots.size() * 7)
            grow(m_slots.empty() ? 1024 : m_slots.size() * 2);
        const std::uint64_t hash = hashOf(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.data == nullptr) {
                slot = Slot{hash, store(key), static_cast<std::uint32_t>(key.size()), newId};
                ++m_size;
                return {newId, true, {slot.data, key.size()}};
            }
            if (slot.hash == hash && slot.length == key.size() && std::memcmp(slot.data, key.data(), key.size()) == 0)
                return {slot.id, false, {slot.data, key.size()}};
        }
    }

    /// The id of `key`, if it is in the map.
    std::optional<std::int64_t> find(std::string_view key) const
    {
        if (m_slots.empty())
            return std::nullopt;
        const std::uint64_t hash = hashOf(key);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.data == nullptr)
                return std::nullopt;
            if (slot.hash == hash && slot.length == key.size() && std::memcmp(slot.data, key.data(), key.size()) == 0)
                return slot.id;
        }
    }

    std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        const char* data = nullptr; // nullptr marks an empty slot (an empty key points into the arena)
        std::uint32_t length = 0;
        std::int64_t id = 0;
    };
    static constexpr std::size_t BlockBytes = 1u << 20;

    static std::uint64_t hashOf(std::string_view key)
    {
        std::uint64_t hash = std::hash<std::string_view>{}(key);
        hash ^= hash >> 33; // std::hash can leave the low bits, which pick the slot, poorly mixed
        hash *= 0xff51afd7ed558ccdULL;
        return hash ^ (hash >> 33);
    }

    // Keys live in blocks that never move, so slots keep plain pointers across growth.
    const char* store(std::string_view key)
    {
        if (key.size() > BlockBytes / 4) {
            m_large.push_back(std::make_unique<char[]>(key.size() + 1));
            std::memcpy(m_large.back().get(), key.data(), key.size());
            return m_large.back().get();
        }
        if (m_blocks.empty() || m_blockUsed + key.size() + 1 > BlockBytes) {
            m_blocks.push_back(std::make_unique<char[]>(BlockBytes));
            m_blockUsed = 0;
        }
        char* at = m_blocks.back().get() + m_blockUsed;
        std::memcpy(at, key.data(), key.size());
        m_blockUsed += key.size() + 1;
        return at;
    }

    void grow(std::size_t capacity)
    {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        m_mask = capacity - 1;
        for (const Slot& slot : old) {
            if (slot.data == nullptr)
                continue;
            std::size_t i = slot.hash & m_mask;
            while (m_slots[i].data != nullptr)
                i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
    std::vector<std::unique_ptr<char[]>> m_blocks, m_large;
    std::size_t m_blockUsed = 0;
};

} // namespace Trailscope::Core
