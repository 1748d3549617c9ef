#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

// An independent reading of the corpus with Qt's JSON parser: every record-like object per file.
struct CorpusTruth
{
    qint64 records = 0;
    QSet<QString> eventIds;
    QMap<QString, QSet<QByteArray>> contentsById; // canonical (key-sorted) forms
};

CorpusTruth readTruth(const QString& dir)
{
    CorpusTruth truth;
    QDirIterator it(dir, {QStringLiteral("*.json"), QStringLiteral("*.cloudtrail")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        QJsonArray list;
        if (document.isArray())
            list = document.array();
        else if (document.object().contains(QStringLiteral("Records")))
            list = document.object()[QStringLiteral("Records")].toArray();
        else if (document.isObject())
            list.append(document.object());
        for (const QJsonValue& value : list) {
            ++truth.records;
            const QString eventId = value[QStringLiteral("eventID")].toString();
            if (!eventId.isEmpty()) {
                truth.eventIds.insert(eventId);
                truth.contentsById[eventId].insert(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            }
        }
    }
    return truth;
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_corpus;
    QString m_case;
    ImportSummary m_summary;

private Q_SLOTS:
    void initTestCase()
    {
        m_corpus = corpusDir();
        if (m_corpus.isEmpty())
            QSKIP("../shared/corpus is absent: the real-record corpus tests are skipped");
        m_case = m_dir.filePath(QStringLiteral("corpus.tscase"));
        auto summary = importPaths(m_case, {m_corpus});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        m_summary = *summary;
    }

    void everyRecordIsAccountedFor()
    {
        const CorpusTruth truth = readTruth(m_corpus);
        // Every real record ends up stored, deduplicated or kept aside; what is rejected is the labels file (rule
        // test metadata, not records), once for the whole file; the licence texts and READMEs are passed over.
        const qint64 stored = queryCount(m_case, "SELECT count(*) FROM events");
        QVERIFY(stored > 0);
        QCOMPARE(m_summary.counts.rejected, 1);
        QCOMPARE(m_summary.rejected.size(), std::size_t(1));
        QVERIFY(m_summary.rejected[0].path.endsWith(QLatin1String("labels.jsonl")));
        QCOMPARE(m_summary.rejected[0].code, ErrorCode::NotARecord);
        QStringList ignored;
        for (const IgnoredSource& source : m_summary.ignored)
            ignored << QFileInfo(source.path).fileName();
        for (const char* clutter : {"LICENSE", "LICENSE.txt", "README.md"})
            QVERIFY2(ignored.contains(QLatin1String(clutter)), qPrintable(ignored.join(u' ')));
        for (const QString& eventId : truth.eventIds) {
            const qint64 rows =
                queryCount(m_case, QStringLiteral("SELECT count(*) FROM events WHERE event_id = '%1' OR "
                                                  "lower(hex(event_id)) = replace('%1','-','')")
                                       .arg(eventId));
            QVERIFY2(rows == 1, qPrintable(eventId));
        }
        // Distinct contents beyond the first per eventID are conflicts (key order aside).
        qint64 expectedConflictsAtLeast = 0;
        for (const auto& contents : truth.contentsById)
            expectedConflictsAtLeast += contents.size() - 1;
        QVERIFY(m_summary.counts.conflicts >= expectedConflictsAtLeast);
    }

    void storedRecordsAreTheOriginals()
    {
        const CorpusTruth truth = readTruth(m_corpus);
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader reader(*db);
        auto rows = db->prepare("SELECT id FROM events WHERE flags & 2 = 0");
        int checked = 0;
        while (rows.step() == SQLITE_ROW) {
            const auto raw = reader.eventRecord(rows.columnInt(0));
            QVERIFY(raw.has_value());
            const QJsonObject record = QJsonDocument::fromJson(QByteArray::fromStdString(*raw)).object();
            const QString eventId = record[QStringLiteral("eventID")].toString();
            QVERIFY2(truth.contentsById.value(eventId).contains(QJsonDocument(record).toJson(QJsonDocument::Compact)),
                     qPrintable(eventId));
            ++checked;
        }
        QCOMPARE(checked, truth.eventIds.size());
    }

    void oddShapesAreKept()
    {
        // Space-separated and nanosecond times parse (no time is left NULL without the flag); assumed-role
        // sessions get their derived user; network-activity events are kept.
        QVERIFY(queryCount(m_case, "SELECT count(*) FROM events e JOIN identities i ON i.id = e.identity "
                                   "JOIN strings a ON a.id = i.arn JOIN strings u ON u.id = i.user "
                                   "WHERE a.value LIKE 'arn:aws:sts::%:assumed-role/%/' || u.value") > 0);
        QVERIFY(queryCount(m_case, "SELECT count(*) FROM events e JOIN strings s ON s.id = e.category "
                                   "WHERE s.value = 'NetworkActivity'") > 0);
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM events WHERE time IS NULL"),
                 queryCount(m_case, "SELECT count(*) FROM events WHERE flags & 1"));
        QVERIFY(queryCount(m_case, "SELECT count(*) FROM events WHERE flags & 2") > 0); // synthesized IDs
        QVERIFY(queryCount(m_case, "SELECT count(*) FROM events WHERE version_major = 1 AND version_minor = 11") > 0);
    }

    void reimportAddsNothing()
    {
        const auto again = importPaths(m_case, {m_corpus});
        QVERIFY(again.has_value());
        QCOMPARE(again->counts.events, 0);
        QCOMPARE(again->counts.conflicts, 0);
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
