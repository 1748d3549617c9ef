#include "util/eventtime.h"

#include <QTest>

using namespace Trailscope::Core;

class TestEventTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1 = unusable
        const qint64 base = 1771697045000;    // 2026-02-21T18:04:05Z
        QTest::newRow("zulu") << "2026-02-21T18:04:05Z" << base;
        QTest::newRow("lowercase z") << "2026-02-21t18:04:05z" << base;
        QTest::newRow("space separator") << "2026-02-21 18:04:05" << base;
        QTest::newRow("no zone is UTC") << "2026-02-21T18:04:05" << base;
        QTest::newRow("milliseconds") << "2026-02-21T18:04:05.123Z" << base + 123;
        QTest::newRow("nanoseconds") << "2026-02-21 18:04:05.123456789" << base + 123;
        QTest::newRow("one fraction digit") << "2026-02-21T18:04:05.5Z" << base + 500;
        QTest::newRow("positive offset") << "2026-02-21T19:04:05+01:00" << base;
        QTest::newRow("negative offset compact") << "2026-02-21T13:04:05-0500" << base;
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
        QTest::newRow("redacted") << "redacted" << qint64(-1);
        QTest::newRow("ellipsis") << "..." << qint64(-1);
        QTest::newRow("date only") << "2026-02-21" << qint64(-1);
        QTest::newRow("bad month") << "2026-13-01T00:00:00Z" << qint64(-1);
        QTest::newRow("bad day") << "2026-02-30T00:00:00Z" << qint64(-1);
        QTest::newRow("bad hour") << "2026-02-21T24:00:00Z" << qint64(-1);
        QTest::newRow("trailing junk") << "2026-02-21T18:04:05Zjunk" << qint64(-1);
        QTest::newRow("empty fraction") << "2026-02-21T18:04:05.Z" << qint64(-1);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto parsed = parseEventTime(text.toStdString());
        if (expected < 0) {
            QVERIFY2(!parsed, qPrintable(text));
        } else {
            QVERIFY2(parsed.has_value(), qPrintable(text));
            QCOMPARE(*parsed, expected);
        }
    }

    void format_data()
    {
        QTest::addColumn<qint64>("epochMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
        QTest::newRow("millis") << qint64(1771697045123) << "2026-02-21T18:04:05.123Z";
        QTest::newRow("before epoch") << qint64(-1) << "1969-12-31T23:59:59.999Z";
        QTest::newRow("leap day") << qint64(1709164800000) << "2024-02-29T00:00:00.000Z";
    }

    void format()
    {
        QFETCH(qint64, epochMs);
        QFETCH(QString, expected);
        QCOMPARE(formatEventTime(epochMs), expected);
    }

    void roundTrip()
    {
        for (qint64 ms = -86400000LL * 400; ms < 86400000LL * 365 * 80; ms += 86400000LL * 37 + 12345) {
            const QString text = formatEventTime(ms);
            const auto parsed = parseEventTime(text.toStdString());
            QVERIFY2(parsed && *parsed == ms, qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestEventTime)
#include "tst_eventtime.moc"
