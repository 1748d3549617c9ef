#include "record/recordsplitter.h"

#include <QTest>

using namespace Trailscope::Core;

Q_DECLARE_METATYPE(DocumentShape)

#ifndef Q_MOC_RUN // moc cannot parse some C++23 in helpers
namespace {

struct Split
{
    QStringList records; ///< the exact bytes of each record, "!big" / "!scalar" for the flagged ones
    QList<qint64> lines;
    QStringList locations; ///< "index:offset+length" of each slice
    qint64 recordCount = 0;
    bool cutByIndex = false;
    DocumentShape shape = DocumentShape::Unknown;
    bool ok = true;
    ErrorCode code = ErrorCode::Io;
};

RecordSplitter::Callback recorder(Split& result)
{
    return [&result](const RecordSlice& slice) {
        if (slice.tooLarge)
            result.records << QStringLiteral("!big");
        else if (slice.notAnObject)
            result.records << QStringLiteral("!scalar");
        else
            result.records << QString::fromUtf8(slice.json.data(), static_cast<qsizetype>(slice.json.size()));
        result.lines << slice.line;
        result.locations << QStringLiteral("%1:%2+%3").arg(slice.index).arg(slice.offset).arg(slice.length);
        return true;
    };
}

void finish(RecordSplitter& splitter, Split& result)
{
    if (result.ok) {
        if (auto finished = splitter.finish(); !finished) {
            result.ok = false;
            result.code = finished.error().code;
        }
    }
    result.shape = splitter.shape();
    result.recordCount = splitter.recordCount();
    result.cutByIndex = splitter.cutByIndex();
}

// Feeds `text` in chunks of `chunk` bytes (0 = whole) so every boundary case of the carry buffer is exercised.
Split split(const QByteArray& text, int chunk, std::size_t maxRecord = 1 << 20)
{
    Split result;
    RecordSplitter splitter(maxRecord, recorder(result));
    const int step = chunk == 0 ? std::max<int>(1, text.size()) : chunk;
    for (int offset = 0; offset < text.size() && result.ok; offset += step) {
        const QByteArray piece = text.mid(offset, step);
        if (auto fed = splitter.feed(std::string_view(piece.constData(), static_cast<std::size_t>(piece.size())));
            !fed) {
            result.ok = false;
            result.code = fed.error().code;
        }
    }
    finish(splitter, result);
    return result;
}

// The whole text through feedWhole(), with its padding.
Split splitWhole(const QByteArray& text, std::size_t maxRecord = 1 << 20)
{
    Split result;
    RecordSplitter splitter(maxRecord, recorder(result));
    std::string buffer(text.constData(), static_cast<std::size_t>(text.size()));
    buffer.reserve(buffer.size() + RecordSplitter::WholePadding);
    if (auto fed = splitter.feedWhole(buffer, buffer.capacity()); !fed) {
        result.ok = false;
        result.code = fed.error().code;
    }
    finish(splitter, result);
    return result;
}

} // namespace
#endif

class TestRecordSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<DocumentShape>("shape");
        QTest::addColumn<QStringList>("records");
        QTest::newRow("records envelope")
            << QByteArray("{\"Records\":[{\"a\":1},{\"b\":\"}\"}]}") << DocumentShape::RecordsEnvelope
            << QStringList{"{\"a\":1}", "{\"b\":\"}\"}"};
        QTest::newRow("envelope with other keys first")
            << QByteArray("{\"x\":{\"Records\":[1]},\"Records\" : [ {\"a\":[1,{\"b\":2}]} ] , \"n\":null}")
            << DocumentShape::RecordsEnvelope << QStringList{"{\"a\":[1,{\"b\":2}]}"};
        QTest::newRow("empty envelope") << QByteArray("{\"Records\":[]}") << DocumentShape::RecordsEnvelope
                                        << QStringList{};
        QTest::newRow("lookup-events")
            << QByteArray(
                   "{\"Events\":[{\"EventId\":\"1\",\"CloudTrailEvent\":\"{\\\"a\\\":1}\"}],\"NextToken\":\"x\"}")
            << DocumentShape::EventsEnvelope
            << QStringList{"{\"EventId\":\"1\",\"CloudTrailEvent\":\"{\\\"a\\\":1}\"}"};
        QTest::newRow("bare array, pretty") << QByteArray("[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n") << DocumentShape::Array
                                            << QStringList{"{\"a\": 1}", "{\"b\": 2}"};
        QTest::newRow("empty array") << QByteArray("[]") << DocumentShape::Array << QStringList{};
        QTest::newRow("single object") << QByteArray("{\"eventID\":\"x\",\"Records\":\"not an array\"}")
                                       << DocumentShape::Objects
                                       << QStringList{"{\"eventID\":\"x\",\"Records\":\"not an array\"}"};
        QTest::newRow("json lines") << QByteArray("{\"a\":1}\n{\"b\":\"x\\\"}\"}\r\n\n{\"c\":3}\n")
                                    << DocumentShape::Objects
                                    << QStringList{"{\"a\":1}", "{\"b\":\"x\\\"}\"}", "{\"c\":3}"};
        QTest::newRow("escaped backslash before quote")
            << QByteArray("[{\"k\":\"a\\\\\"},{\"k\":\"\\\\\\\"\"}]") << DocumentShape::Array
            << QStringList{"{\"k\":\"a\\\\\"}", "{\"k\":\"\\\\\\\"\"}"};
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF[{\"a\":1}]") << DocumentShape::Array
                                         << QStringList{"{\"a\":1}"};
        QTest::newRow("scalar elements are flagged")
            << QByteArray("[1,\"s\",{\"a\":1},[2],null]") << DocumentShape::Array
            << QStringList{"!scalar", "!scalar", "{\"a\":1}", "!scalar", "!scalar"};
    }

    void shapes()
    {
        QFETCH(QByteArray, text);
        QFETCH(DocumentShape, shape);
        QFETCH(QStringList, records);
        for (const int chunk : {0, 1, 2, 3, 7}) {
            const Split result = split(text, chunk);
            QVERIFY2(result.ok, qPrintable(QStringLiteral("chunk %1").arg(chunk)));
            QCOMPARE(result.shape, shape);
            QCOMPARE(result.records, records);
        }
    }

    void linesAreCounted()
    {
        const Split result = split("[\n{\"a\":1},\n\n  {\"b\":\n2}\n]", 0);
        QVERIFY(result.ok);
        QCOMPARE(result.lines, (QList<qint64>{2, 4}));
    }

    void oversizedRecordIsFlaggedAndSkipped()
    {
        const QByteArray big = "{\"pad\":\"" + QByteArray(5000, 'x') + "\"}";
        for (const int chunk : {0, 100}) {
            const Split result = split("[{\"a\":1}," + big + ",{\"b\":2}]", chunk, 1000);
            QVERIFY(result.ok);
            QCOMPARE(result.records, (QStringList{"{\"a\":1}", "!big", "{\"b\":2}"}));
        }
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("goodRecords");
        QTest::newRow("truncated inside a record") << QByteArray("{\"Records\":[{\"a\":1},{\"b\":") << 1;
        QTest::newRow("truncated inside a string") << QByteArray("[{\"a\":1},{\"b\":\"abc") << 1;
        QTest::newRow("mismatched bracket") << QByteArray("[{\"a\":1},{\"b\":2]]") << 1;
        QTest::newRow("not json") << QByteArray("hello world") << 0;
        QTest::newRow("empty") << QByteArray("") << 0;
        QTest::newRow("only whitespace") << QByteArray(" \n ") << 0;
    }

    void broken()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, goodRecords);
        const Split result = split(text, 0);
        QVERIFY(!result.ok || result.shape == DocumentShape::Unknown);
        QCOMPARE(result.records.size(), goodRecords);
    }

    // feedWhole() cuts one-line trail documents through simdjson's index, and must cut exactly as the byte loop does;
    // anything else it hands to the byte loop, so the results agree there too.
    void wholeDocuments_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("indexed");
        const QByteArray big = "{\"pad\":\"" + QByteArray(5000, 'x') + "\"}";
        QTest::newRow("trail file") << QByteArray("{\"Records\":[{\"a\":1},{\"b\":\"}]\\\"{\",\"c\":[1,{\"d\":[]}]}]}")
                                    << true;
        QTest::newRow("empty trail file") << QByteArray("{\"Records\":[]}") << true;
        QTest::newRow("spaces and scalars")
            << QByteArray("{\"Records\":[ {\"a\":1} , 7, \"s\", [1] ,{}\t] }  ") << true;
        QTest::newRow("oversized record") << "{\"Records\":[{\"a\":1}," + big + ",{\"b\":2}]}" << true;
        QTest::newRow("pretty printed") << QByteArray("{\"Records\":[\n{\"a\":1},\n{\"b\":2}\n]}\n") << false;
        QTest::newRow("keys after the records") << QByteArray("{\"Records\":[{\"a\":1}],\"n\":1}") << false;
        QTest::newRow("other first key") << QByteArray("{\"x\":1,\"Records\":[{\"a\":1}]}") << false;
        QTest::newRow("invalid UTF-8 in a record")
            << QByteArray("{\"Records\":[{\"a\":1},{\"b\":\"\xff\"},{\"c\":3}]}") << false;
        QTest::newRow("broken record") << QByteArray("{\"Records\":[{\"a\":1},{\"b\":tru},{\"c\":3}]}") << true;
        QTest::newRow("truncated") << QByteArray("{\"Records\":[{\"a\":1},{\"b\":") << false;
        QTest::newRow("trailing garbage") << QByteArray("{\"Records\":[{\"a\":1}]}x") << false;
        QTest::newRow("bare array") << QByteArray("[{\"a\":1}]") << false;
    }

    void wholeDocuments()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, indexed);
        const Split whole = splitWhole(text, 1000);
        const Split loop = split(text, 0, 1000);
        QCOMPARE(whole.cutByIndex, indexed);
        QCOMPARE(whole.ok, loop.ok);
        QCOMPARE(whole.code, loop.code);
        QCOMPARE(whole.shape, loop.shape);
        QCOMPARE(whole.records, loop.records);
        QCOMPARE(whole.locations, loop.locations);
        QCOMPARE(whole.lines, loop.lines);
        QCOMPARE(whole.recordCount, loop.recordCount);
    }

    // simdjson's index does not match brackets: the byte loop stops the file at a closer of the wrong kind, while
    // the indexed cut may hand the broken record over, for the parser to reject on its own.
    void wholeDocumentWithWrongCloser()
    {
        const QByteArray text = "{\"Records\":[{\"a\":1},{\"b\":2]]}";
        const Split whole = splitWhole(text);
        QVERIFY(whole.cutByIndex);
        QVERIFY(whole.ok);
        QCOMPARE(whole.records, (QStringList{"{\"a\":1}", "{\"b\":2]"}));
        const Split loop = split(text, 0);
        QVERIFY(!loop.ok);
        QCOMPARE(loop.records, QStringList{"{\"a\":1}"});
    }

    void deepNestingDoesNotRecurse()
    {
        const int depth = 100000;
        const QByteArray text = "[{\"a\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}]";
        const Split result = split(text, 4096, 1 << 20);
        QVERIFY(result.ok);
        QCOMPARE(result.records.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordSplitter)
#include "tst_recordsplitter.moc"
