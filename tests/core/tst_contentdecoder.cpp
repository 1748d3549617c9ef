#include "record/contentdecoder.h"
#include "testsupport.h"

#include <QTest>

using namespace Trailscope::Core;

namespace {

Result<std::uint64_t> decodeAll(const QByteArray& stored, QByteArray& content, DecodeLimits limits = {})
{
    content.clear();
    return ContentDecoder::decode(std::span<const char>(stored.constData(), static_cast<std::size_t>(stored.size())),
                                  limits, [&](std::string_view chunk) {
                                      content.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
                                      return true;
                                  });
}

QByteArray sampleText(int size)
{
    QByteArray text;
    for (int i = 0; text.size() < size; ++i)
        text += QByteArray::number(qint64(i) * 7919 % 104729) + ',';
    return text.left(size);
}

} // namespace

class TestContentDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainPassesThrough()
    {
        const QByteArray plain = "{\"Records\":[]}";
        QByteArray content;
        const auto produced = decodeAll(plain, content);
        QVERIFY(produced.has_value());
        QCOMPARE(*produced, std::uint64_t(plain.size()));
        QCOMPARE(content, plain);
    }

    void gzipRoundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("small") << 100;
        QTest::newRow("several output chunks") << (3 << 20) + 17;
    }

    void gzipRoundTrip()
    {
        QFETCH(int, size);
        const QByteArray plain = sampleText(size);
        QByteArray content;
        const auto produced = decodeAll(Trailscope::Test::gzip(plain), content);
        QVERIFY(produced.has_value());
        QCOMPARE(content, plain);
    }

    void concatenatedMembersAreOneFile()
    {
        const QByteArray first = sampleText(5000);
        const QByteArray second = "tail-of-file";
        QByteArray content;
        QVERIFY(decodeAll(Trailscope::Test::gzip(first) + Trailscope::Test::gzip(second), content).has_value());
        QCOMPARE(content, first + second);
    }

    void truncatedKeepsWhatCameBefore()
    {
        const QByteArray plain = sampleText(4 << 20);
        const QByteArray stored = Trailscope::Test::gzip(plain);
        QByteArray content;
        const auto produced = decodeAll(stored.left(stored.size() / 2), content);
        QVERIFY(!produced.has_value());
        QCOMPARE(produced.error().code, ErrorCode::TruncatedGzip);
        QVERIFY(content.size() > 0);
        QVERIFY(plain.startsWith(content));
    }

    void corruptChecksumIsReported()
    {
        QByteArray stored = Trailscope::Test::gzip(sampleText(1000));
        stored[stored.size() - 6] = static_cast<char>(stored[stored.size() - 6] ^ 0x55); // CRC32 in the trailer
        QByteArray content;
        const auto produced = decodeAll(stored, content);
        QVERIFY(!produced.has_value());
        QCOMPARE(produced.error().code, ErrorCode::CorruptGzip);
    }

    void bombIsStopped_data()
    {
        QTest::addColumn<quint64>("maxContent");
        QTest::addColumn<quint64>("ratio");
        QTest::newRow("ratio over 100:1") << quint64(4) << quint64(100);
        QTest::newRow("absolute size") << quint64(1) << quint64(1000000);
    }

    void bombIsStopped()
    {
        QFETCH(quint64, maxContent);
        QFETCH(quint64, ratio);
        // 32 MiB of one byte compresses about 1000:1.
        const QByteArray stored = Trailscope::Test::gzip(QByteArray(32 << 20, ' '));
        DecodeLimits limits;
        limits.maxRatio = ratio;
        limits.maxContentBytes = maxContent << 20;
        QByteArray content;
        const auto produced = decodeAll(stored, content, limits);
        QVERIFY(!produced.has_value());
        QCOMPARE(produced.error().code, ErrorCode::DecompressionBomb);
        QVERIFY(content.size() <= qsizetype((maxContent + 2) << 20) || ratio == 100);
    }
};

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
