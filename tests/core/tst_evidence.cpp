// Evidence kept as zstd with a per-case dictionary: the codec, what an import keeps of each kind of file, that every
// file's content comes back byte for byte with its SHA-256, and the in-place upgrade of a schema-5 case (gzip
// evidence) that keeps reading its records.
#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "record/evidencecodec.h"
#include "testsupport.h"
#include "util/sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

// Trail files of varied records, as an import would see them: `files` files of `perFile` records each.
std::vector<QByteArray> trailContents(int files, int perFile)
{
    std::vector<QByteArray> contents;
    int n = 0;
    for (int f = 0; f < files; ++f) {
        std::vector<QJsonObject> records;
        for (int r = 0; r < perFile; ++r, ++n) {
            const QString eventId = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
            QJsonObject parameters{{QStringLiteral("bucketName"), QStringLiteral("bucket-%1").arg(n % 7)},
                                   {QStringLiteral("key"), QStringLiteral("logs/%1/object-%2.gz").arg(f).arg(n)}};
            records.push_back(makeRecord(eventId,
                                         QStringLiteral("2026-02-21T18:%1:00Z").arg(f % 60, 2, 10, QLatin1Char('0')),
                                         n % 3 ? QStringLiteral("GetObject") : QStringLiteral("PutObject"),
                                         {{QStringLiteral("requestParameters"), parameters}}));
        }
        contents.push_back(recordsEnvelope(records));
    }
    return contents;
}

Result<ImportSummary> importWith(const QString& casePath, const QStringList& paths, std::size_t dictionarySamples)
{
    ImportOptions options;
    options.paths = paths;
    options.workers = 2;
    options.dictionarySamples = dictionarySamples;
    const std::atomic<bool> cancel(false);
    return Importer(casePath).run(options, {}, cancel);
}

QByteArray contentOf(RawRecordReader& reader, std::int64_t fileId)
{
    QByteArray content;
    const auto read = reader.content(fileId, [&](std::string_view chunk) {
        content.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
        return true;
    });
    if (!read)
        qWarning("file %lld: %s", static_cast<long long>(fileId), qPrintable(read.error().toString()));
    return read ? content : QByteArray();
}

// Every complete source file's content, read back from its evidence, hashes to the SHA-256 taken at import; and
// every event's record is the slice of that content at its location. Returns the files checked.
int checkEveryFile(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        qFatal("cannot open %s", qPrintable(casePath));
    RawRecordReader reader(*db);
    auto files = db->prepare("SELECT id, content_sha256, encoding FROM source_files WHERE complete = 1");
    auto events = db->prepare("SELECT id, offset, length FROM events WHERE file_id = ?1");
    int checked = 0;
    while (files.step() == SQLITE_ROW) {
        const std::int64_t fileId = files.columnInt(0);
        const QByteArray content = contentOf(reader, fileId);
        const std::string_view expected = files.columnBlob(1);
        const Sha256 actual = sha256(std::string_view(content.constData(), static_cast<std::size_t>(content.size())));
        if (std::string_view(reinterpret_cast<const char*>(actual.data()), actual.size()) != expected) {
            qWarning("file %lld: content differs from its SHA-256", static_cast<long long>(fileId));
            return -1;
        }
        // Lookup-events items are unwrapped (their record is a JSON string); the other encodings are slices.
        if (files.columnInt(2) == 0) {
            events.bind(1, fileId);
            while (events.step() == SQLITE_ROW) {
                const auto record = reader.eventRecord(events.columnInt(0));
                const QByteArray slice = content.mid(events.columnInt(1), events.columnInt(2));
                if (!record || QByteArray::fromStdString(*record) != slice) {
                    qWarning("event %lld: record differs from its slice", static_cast<long long>(events.columnInt(0)));
                    return -1;
                }
            }
            events.reset();
        }
        ++checked;
    }
    return checked;
}

// Rewrites a case as schema 5 wrote it: every file's evidence gzip in a pack of its own, no format or dictionary
// columns, no dictionaries table. What an older Trailscope left on an analyst's disk.
void downgradeToSchema5(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
    QVERIFY(db.has_value());
    std::vector<std::pair<std::int64_t, QByteArray>> gzipped;
    {
        RawRecordReader reader(*db);
        auto files = db->prepare("SELECT id FROM source_files");
        while (files.step() == SQLITE_ROW)
            gzipped.emplace_back(files.columnInt(0), gzip(contentOf(reader, files.columnInt(0))));
    }
    QVERIFY(db->exec("BEGIN; DELETE FROM source_blobs;").has_value());
    auto blob = db->prepare("INSERT INTO source_blobs(id, data) VALUES(?1, ?2)");
    auto file = db->prepare("UPDATE source_file_rows SET pack_id = ?1, pack_offset = 0, stored_size = ?2, "
                            "evidence_original = 0 WHERE id = ?1");
    for (const auto& [id, bytes] : gzipped) {
        blob.bind(1, id).bindBlob(2, bytes.constData(), static_cast<std::size_t>(bytes.size()));
        QCOMPARE(blob.exec(), SQLITE_DONE);
        file.bind(1, id).bind(2, static_cast<std::int64_t>(bytes.size()));
        QCOMPARE(file.exec(), SQLITE_DONE);
    }
    // The schema-5 view is today's without the two evidence columns.
    QVERIFY(db->exec("DROP VIEW source_files; "
                     "CREATE VIEW source_files AS SELECT f.id AS id, f.session_id AS session_id, "
                     "d.path || f.name AS path, f.member AS member, f.folder AS folder, f.shape AS shape, "
                     "f.rank AS rank, f.encoding AS encoding, d.organization AS organization, d.account AS account, "
                     "d.region AS region, f.delivered AS delivered, f.stored_sha256 AS stored_sha256, "
                     "f.content_sha256 AS content_sha256, f.stored_size AS stored_size, "
                     "f.content_size AS content_size, f.records AS records, f.events AS events, "
                     "f.complete AS complete, f.evidence_original AS evidence_original, f.pack_id AS pack_id, "
                     "f.pack_offset AS pack_offset FROM source_file_rows f JOIN source_dirs d ON d.id = f.dir_id; "
                     "ALTER TABLE source_file_rows DROP COLUMN evidence_format; "
                     "ALTER TABLE source_file_rows DROP COLUMN evidence_dictionary; "
                     "DROP TABLE evidence_dictionaries; COMMIT; PRAGMA user_version = 5;")
                .has_value());
}

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codecRoundTripsWithAndWithoutDictionary()
    {
        const std::vector<QByteArray> contents = trailContents(40, 12);
        std::vector<std::string> samples;
        for (const QByteArray& content : contents)
            samples.push_back(content.toStdString());
        const auto dictionary = EvidenceDictionary::train(7, samples);
        QVERIFY(dictionary);
        QCOMPARE(dictionary->id(), std::int64_t(7));
        EvidenceCompressor compressor;
        EvidenceDecompressor decompressor;
        for (const EvidenceDictionary* used : {static_cast<const EvidenceDictionary*>(nullptr), dictionary.get()}) {
            for (const QByteArray& content :
                 {contents.front(), contents.back(), QByteArray(), QByteArray(300000, 'x')}) {
                const auto compressed = compressor.compress(content.toStdString(), used);
                QVERIFY(compressed.has_value());
                QByteArray back;
                const auto produced = decompressor.decode(*compressed, used, [&](std::string_view chunk) {
                    back.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
                    return true;
                });
                QVERIFY(produced.has_value());
                QCOMPARE(back, content);
                QCOMPARE(*produced, static_cast<std::uint64_t>(content.size()));
            }
        }
        // The dictionary is what makes small files small.
        const std::string sample = contents[20].toStdString();
        QVERIFY(compressor.compress(sample, dictionary.get())->size() * 3 <
                compressor.compress(sample, nullptr)->size() * 2);
    }

    void damagedEvidenceIsAnErrorNotAWrongRecord()
    {
        EvidenceCompressor compressor;
        EvidenceDecompressor decompressor;
        const std::string content = trailContents(1, 20).front().toStdString();
        QByteArray compressed = *compressor.compress(content, nullptr);
        const auto sink = [](std::string_view) { return true; };
        QVERIFY(!decompressor.decode(compressed.left(compressed.size() / 2), nullptr, sink).has_value());
        compressed[compressed.size() / 2] = static_cast<char>(compressed[compressed.size() / 2] ^ 0x5a);
        QVERIFY(!decompressor.decode(compressed, nullptr, sink).has_value()); // the frame checksum catches it
        // Evidence compressed with a dictionary cannot be read without it.
        std::vector<std::string> samples;
        for (const QByteArray& file : trailContents(40, 12))
            samples.push_back(file.toStdString());
        const auto dictionary = EvidenceDictionary::train(1, samples);
        QVERIFY(dictionary);
        QVERIFY(!decompressor.decode(*compressor.compress(content, dictionary.get()), nullptr, sink).has_value());
    }

    void tooFewSamplesTrainNoDictionary()
    {
        QVERIFY(!EvidenceDictionary::train(1, {"{\"Records\":[]}", "{}"}));
        QVERIFY(!EvidenceDictionary::load(1, "not a dictionary"));
    }

    void importKeepsZstdEvidenceWithOneDictionary()
    {
        QTemporaryDir dir, caseDir;
        const std::vector<QByteArray> contents = trailContents(30, 10);
        for (std::size_t i = 0; i < contents.size(); ++i)
            writeFile(dir.path(),
                      trailKey("111122223333", "us-east-1", "20260221T1810Z",
                               QStringLiteral("Uq%1abcdefghi").arg(i, 5, 10, QLatin1Char('0'))),
                      gzip(contents[i]));
        const QString casePath = caseDir.filePath("case.tscase");
        const auto summary = importWith(casePath, {dir.path()}, 8);
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->counts.files, qint64(30));
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE evidence_format = 1"), qint64(30));
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM evidence_dictionaries"), qint64(1));
        // The files decoded before the dictionary was trained go without one; every one after uses it.
        QVERIFY(queryCount(casePath, "SELECT count(*) FROM source_files WHERE evidence_dictionary = 1") >= 30 - 8);
        QCOMPARE(checkEveryFile(casePath), 30);

        // An append uses the case's dictionary rather than training another.
        QTemporaryDir more;
        const std::vector<QByteArray> later = trailContents(40, 10);
        for (std::size_t i = 30; i < later.size(); ++i)
            writeFile(more.path(), QStringLiteral("later-%1.json").arg(i), later[i]); // plain JSON: zstd too
        QVERIFY(importWith(casePath, {more.path()}, 8).has_value());
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM evidence_dictionaries"), qint64(1));
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE session_id = 2 AND evidence_format = 1 "
                                      "AND evidence_dictionary = 1"),
                 qint64(10));
        QCOMPARE(checkEveryFile(casePath), 40);
    }

    void damagedFileKeepsItsStoredBytes()
    {
        QTemporaryDir dir, caseDir;
        const QByteArray whole = gzip(trailContents(1, 50).front());
        const QByteArray truncated = whole.left(whole.size() * 2 / 3);
        writeFile(dir.path(), "cut.json.gz", truncated);
        const QString casePath = caseDir.filePath("case.tscase");
        QVERIFY(importWith(casePath, {dir.path()}, 8).has_value());
        QCOMPARE(queryCount(casePath, "SELECT evidence_format FROM source_files"), qint64(0));
        QCOMPARE(queryCount(casePath, "SELECT evidence_original FROM source_files"), qint64(1));
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        auto kept = db->prepare("SELECT substr(b.data, f.pack_offset + 1, f.stored_size) FROM source_files f "
                                "JOIN source_blobs b ON b.id = f.pack_id");
        QCOMPARE(kept.step(), SQLITE_ROW);
        QCOMPARE(QByteArray::fromStdString(std::string(kept.columnBlob(0))), truncated);
        // The events before the damage still read back.
        const qint64 events = queryCount(casePath, "SELECT count(*) FROM events");
        QVERIFY(events > 0);
        RawRecordReader reader(*db);
        for (qint64 row = 1; row <= events; ++row)
            QVERIFY(reader.eventRecord(row).has_value());
    }

    void corpusContentComesBackByteForByte()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("../shared/corpus is absent");
        QTemporaryDir caseDir;
        const QString casePath = caseDir.filePath("corpus.tscase");
        const auto summary = importWith(casePath, {corpus}, 16);
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        const qint64 complete = queryCount(casePath, "SELECT count(*) FROM source_files WHERE complete = 1");
        QVERIFY(complete > 100);
        QVERIFY(queryCount(casePath, "SELECT count(*) FROM source_files WHERE evidence_format = 1") > 100);
        QCOMPARE(checkEveryFile(casePath), complete);
    }

    void schema5CaseIsUpgradedInPlace()
    {
        QTemporaryDir dir, caseDir;
        const std::vector<QByteArray> contents = trailContents(12, 10);
        for (std::size_t i = 0; i < 10; ++i)
            writeFile(dir.path(), QStringLiteral("old-%1.json.gz").arg(i), gzip(contents[i]));
        const QString casePath = caseDir.filePath("old.tscase");
        QVERIFY(importWith(casePath, {dir.path()}, 4).has_value());
        downgradeToSchema5(casePath);
        QCOMPARE(queryCount(casePath, "PRAGMA user_version"),
                 qint64(CaseSchema::Version)); // queryCount opens it: upgraded

        auto db = Trailscope::Core::Sql::Database::open(casePath, SQLITE_OPEN_READONLY);
        QVERIFY(db.has_value());
        QCOMPARE(db->queryInt("SELECT count(*) FROM source_files WHERE evidence_format = 0").value_or(-1), 10);
        QCOMPARE(db->queryInt("SELECT count(*) FROM evidence_dictionaries").value_or(-1), 0);
        QCOMPARE(checkEveryFile(casePath), 10);

        // An import into the upgraded case adds zstd evidence beside the old gzip.
        QTemporaryDir more;
        for (std::size_t i = 10; i < contents.size(); ++i)
            writeFile(more.path(), QStringLiteral("new-%1.json.gz").arg(i), gzip(contents[i]));
        QVERIFY(importWith(casePath, {more.path()}, 4).has_value());
        QCOMPARE(queryCount(casePath, "SELECT count(*) FROM source_files WHERE evidence_format = 1"), qint64(2));
        QCOMPARE(checkEveryFile(casePath), 12);
    }

    void readOnlySchema5CaseIsRefusedClearly()
    {
        QTemporaryDir dir, caseDir;
        writeFile(dir.path(), "one.json.gz", gzip(trailContents(1, 5).front()));
        const QString casePath = caseDir.filePath("old.tscase");
        QVERIFY(importWith(casePath, {dir.path()}, 4).has_value());
        downgradeToSchema5(casePath);
        QVERIFY(QFile::setPermissions(casePath, QFile::ReadOwner));
        if (QFileInfo(casePath).isWritable())
            QSKIP("running as a user who can write any file (root): the refusal cannot be seen");
        const auto opened = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, ErrorCode::OlderCase);
        QVERIFY(opened.error().detail.contains(QLatin1String("cannot be written")));
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
