#pragma once

#include <cstdint>
#include <vector>

namespace Trailscope::Core {

/// Open-addressing map from a 64-bit eventID hash to an events row: 16 bytes a slot, no node allocations, so a
/// case of ten million events costs ~320 MB here instead of ~1 GB in an unordered_map.
class IdTable
{
public:
    /// The row stored for `hash`, or 0.
    std::int64_t find(std::uint64_t hash) const
    {
        if (m_slots.empty())
            return 0;
        const std::uint64_t key = normalise(hash);
        for (std::size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i].key == key)
                return m_slots[i].row;
            if (m_slots[i].key == 0)
                return 0;
        }
    }

    /// Inserts or overwrites.
    void set(std::uint64_t hash, std::int64_t row)
    {
        if ((m_size + 1) * 10 > m_slots.size() * 7)
            grow(m_slots.empty() ? 1024 : m_slots.size() * 2);
        const std::uint64_t key = normalise(hash);
        for (std::size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i].key == key) {
                m_slots[i].row = row;
                return;
            }
            if (m_slots[i].key == 0) {
                m_slots[i] = Slot{key, row};
                ++m_size;
                return;
            }
        }
    }

    void reserve(std::size_t entries)
    {
        std::size_t capacity = 1024;
        while (capacity * 7 < entries * 10)
            capacity *= 2;
        if (capacity > m_slots.size())
            grow(capacity);
    }

    std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        std::uint64_t key = 0; // 0 marks an empty slot
        std::int64_t row = 0;
    };

    // Spreads std::hash output (which can be the identity for short keys) and keeps 0 free as the empty marker.
    static std::uint64_t normalise(std::uint64_t hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdULL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }

    void grow(std::size_t capacity)
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        m_size = 0;
        for (const Slot& slot : old) {
            if (slot.key == 0)
                continue;
            for (std::size_t i = slot.key & m_mask;; i = (i + 1) & m_mask) {
                if (m_slots[i].key == 0) {
                    m_slots[i] = slot;
                    ++m_size;
                    break;
                }
            }
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace Trailscope::Core
