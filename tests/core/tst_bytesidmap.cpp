#include "util/bytesidmap.h"

#include <QTest>

#include <random>
#include <string>
#include <unordered_map>

using namespace Trailscope::Core;

class TestBytesIdMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Many growths, keys that share long prefixes, keys of every length up to past an arena block's quarter (stored
    // on their own), and keys with NUL bytes (id tuples are binary): every id comes back, nothing is inserted twice.
    void agreesWithAStandardMap()
    {
        BytesIdMap map;
        std::unordered_map<std::string, std::int64_t> reference;
        std::mt19937_64 random(11);
        std::int64_t next = 1;
        const auto add = [&](const std::string& key) {
            const auto [id, inserted] = map.findOrInsert(key, next);
            const auto [at, new_] = reference.emplace(key, next);
            QCOMPARE(inserted, new_);
            QCOMPARE(id, at->second);
            if (inserted)
                ++next;
        };
        for (int i = 0; i < 100000; ++i) {
            const auto n = random();
            add("arn:aws:iam::123456789012:role/" + std::to_string(n % 30000));
            add(std::string(reinterpret_cast<const char*>(&n), sizeof n) + std::string(3, '\0'));
        }
        for (std::size_t length = 0; length < 300000; length = length * 2 + 1)
            add(std::string(length, 'x'));
        add(std::string());
        QCOMPARE(map.size(), reference.size());
        for (const auto& [key, id] : reference) {
            const auto [found, inserted] = map.findOrInsert(key, -1);
            QVERIFY(!inserted);
            QCOMPARE(found, id);
        }
    }

    void keysDifferingOnlyInLengthStayApart()
    {
        BytesIdMap map;
        QCOMPARE(map.findOrInsert(std::string_view("ab\0", 3), 1).first, std::int64_t(1));
        QCOMPARE(map.findOrInsert("ab", 2).first, std::int64_t(2));
        QCOMPARE(map.findOrInsert(std::string_view("ab\0", 3), 3).first, std::int64_t(1));
        QCOMPARE(map.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestBytesIdMap)
#include "tst_bytesidmap.moc"
