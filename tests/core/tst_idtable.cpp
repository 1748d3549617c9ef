#include "util/idtable.h"

#include <QTest>

#include <random>
#include <unordered_map>

using namespace Trailscope::Core;

class TestIdTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithAStandardMap()
    {
        IdTable table;
        std::unordered_map<std::uint64_t, std::int64_t> reference;
        std::mt19937_64 random(7);
        for (std::int64_t row = 1; row <= 200000; ++row) {
            // Small keys too: std::hash of an integer is the integer, and 0 must not read as "empty".
            const std::uint64_t hash = row % 5 == 0 ? std::uint64_t(row % 1000) : random();
            table.set(hash, row);
            reference[hash] = row;
        }
        QCOMPARE(table.size(), reference.size());
        for (const auto& [hash, row] : reference)
            QCOMPARE(table.find(hash), row);
        QCOMPARE(table.find(0xdeadbeefcafef00dULL), std::int64_t(0));
    }

    void reserveKeepsEntries()
    {
        IdTable table;
        table.set(0, 5);
        table.set(42, 6);
        table.reserve(1000000);
        QCOMPARE(table.find(0), std::int64_t(5));
        QCOMPARE(table.find(42), std::int64_t(6));
        QCOMPARE(table.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestIdTable)
#include "tst_idtable.moc"
