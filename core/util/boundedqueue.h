#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace Trailscope::Core {

/// A multi-producer, multi-consumer queue bounded by a cost (bytes, items) so fast producers wait for slow
/// consumers instead of filling memory. `close()` wakes everyone; pops then drain what is left.
template <typename T>
class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {}

    /// Blocks while full; returns false when the queue was closed.
    bool push(T item, std::size_t cost = 1)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_used == 0 || m_used + cost <= m_capacity; });
        if (m_closed)
            return false;
        m_used += cost;
        m_items.push_back({std::move(item), cost});
        m_notEmpty.notify_one();
        return true;
    }

    /// Blocks until an item arrives or the queue is closed and empty.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        return take(lock);
    }

    /// Waits at most `timeout` for an item.
    template <typename Duration>
    std::optional<T> popFor(Duration timeout)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait_for(lock, timeout, [&] { return !m_items.empty() || m_closed; });
        return take(lock);
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

    bool closedAndEmpty() const
    {
        std::lock_guard lock(m_mutex);
        return m_closed && m_items.empty();
    }

private:
    std::optional<T> take(std::unique_lock<std::mutex>&)
    {
        if (m_items.empty())
            return std::nullopt;
        auto entry = std::move(m_items.front());
        m_items.pop_front();
        m_used -= entry.cost;
        m_notFull.notify_all();
        return std::move(entry.item);
    }

    struct Entry
    {
        T item;
        std::size_t cost;
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<Entry> m_items;
    std::size_t m_capacity;
    std::size_t m_used = 0;
    bool m_closed = false;
};

} // namespace Trailscope::Core
