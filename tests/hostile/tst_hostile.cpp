// Hostile input, generated here: bombs, deep nesting, huge records, bad bytes and wrong types in every field, crafted
// archive members, thousands of empty files. Each import runs the real trailscope-cli beside one good trail file:
// the bad input gets its own clear error naming it, every good event is kept, and the process's peak memory stays
// bounded (the import's own figure, peakRssBytes).
#include "clitest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

#include <sys/stat.h>

using namespace Trailscope::Test;

namespace {

constexpr qint64 MiB = 1 << 20;
constexpr qint64 BoundedRss = 600 * MiB; // what any of these imports may take, whatever the hostile file holds

QString eventId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QString minute(int n)
{
    return QStringLiteral("2026-03-01T%1:%2:00Z")
        .arg(n / 60 % 24, 2, 10, QLatin1Char('0'))
        .arg(n % 60, 2, 10, QLatin1Char('0'));
}

// `{"Records":[` + body + `]}` as raw bytes, for bodies QJsonDocument could not write.
QByteArray envelopeAround(const QByteArray& body)
{
    return "{\"Records\":[" + body + "]}";
}

struct Outcome
{
    CliRun run;
    QJsonObject summary;
    qint64 events = -1;

    QJsonArray rejected() const { return summary.value(QStringLiteral("rejected")).toArray(); }
    // The rejections whose path (and member, when given) ends with `name`.
    QJsonArray rejectedFor(const QString& name) const
    {
        QJsonArray found;
        for (const QJsonValue& value : rejected()) {
            const QJsonObject problem = value.toObject();
            const QString where =
                problem.value(QStringLiteral("member")).toString(problem.value(QStringLiteral("path")).toString());
            if (where.endsWith(name))
                found.append(problem);
        }
        return found;
    }
    QStringList codesFor(const QString& name) const
    {
        QStringList codes;
        for (const QJsonValue& value : rejectedFor(name))
            codes << value.toObject().value(QStringLiteral("code")).toString();
        return codes;
    }
};

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gzipBomb();
    void gzipTrailerUnderstatesContent();
    void zipBomb();
    void deepNesting();
    void fiftyMegabyteRecord();
    void badBytesInEveryField();
    void wrongTypeInEveryField();
    void craftedArchiveMembers();
    void thousandsOfEmptyFiles();
    void fifoOnTheCommandLine();
    void fileChangingWhileRead();

private:
    QString newDir(const QString& stem);
    // Imports `root` (which also gets the good file) into a new case; checks the good events are all there.
    Outcome importWithGood(const QString& root);

    QTemporaryDir m_dir;
    int m_serial = 0;
    QByteArray m_good;
    static constexpr int GoodEvents = 40;
};

void TestHostile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    std::vector<QJsonObject> records;
    for (int i = 0; i < GoodEvents; ++i)
        records.push_back(makeRecord(eventId(900000 + i), minute(i)));
    m_good = gzip(recordsEnvelope(records));
}

QString TestHostile::newDir(const QString& stem)
{
    const QString path = m_dir.filePath(QStringLiteral("%1-%2").arg(stem).arg(++m_serial));
    QDir().mkpath(path);
    return path;
}

Outcome TestHostile::importWithGood(const QString& root)
{
    writeFile(root,
              trailKey(QStringLiteral("111122223333"), QStringLiteral("us-east-1"), QStringLiteral("20260301T0000Z"),
                       QStringLiteral("GoodGoodGoodGood")),
              m_good);
    Outcome outcome;
    const QString casePath = root + QStringLiteral(".tscase");
    outcome.run = runCli({QStringLiteral("import"), casePath, root, QStringLiteral("--json")});
    outcome.summary = QJsonDocument::fromJson(outcome.run.out).object();
    const QStringList good = queryStrings(casePath, "SELECT count(*) FROM events");
    outcome.events = good.isEmpty() ? -1 : good.first().toLongLong();
    const qint64 goodKept =
        queryStrings(casePath, "SELECT count(*) FROM source_files WHERE path LIKE '%GoodGoodGoodGood%' "
                               "AND events = 40")
            .value(0)
            .toLongLong();
    if (goodKept != 1)
        qWarning("the good file's 40 events are not all kept: %s",
                 qPrintable(queryStrings(casePath, "SELECT path || ' ' || events FROM source_files").join(u'\n')));
    const qint64 rss = outcome.summary.value(QStringLiteral("peakRssBytes")).toInteger();
    if (rss <= 0 || rss > BoundedRss)
        qWarning("peak RSS %lld MiB", rss / MiB);
    outcome.summary.insert(QStringLiteral("goodKept"), goodKept == 1 && rss > 0 && rss <= BoundedRss);
    return outcome;
}

#define VERIFY_GOOD_KEPT(outcome)                                                                                      \
    QVERIFY2((outcome).summary.value(QStringLiteral("goodKept")).toBool(), describe((outcome).run).constData())

void TestHostile::gzipBomb()
{
    const QString root = newDir(QStringLiteral("gzip-bomb"));
    // 200 MB of JSON whitespace inside a valid envelope: about 1000:1, and a gzip reader alone would take all of it.
    writeFile(root, QStringLiteral("bomb.json.gz"), gzip(envelopeAround(QByteArray(200 * MiB, ' '))));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.codesFor(QStringLiteral("bomb.json.gz")), QStringList{QStringLiteral("decompression-bomb")});
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::gzipTrailerUnderstatesContent()
{
    // Two gzip members: the trailer at the end gives only the last one's size, a few bytes, while the first holds
    // 70 MB of records. Read as a small file it would be buffered whole; every event must still arrive.
    const QString root = newDir(QStringLiteral("gzip-members"));
    std::vector<QJsonObject> records;
    const QByteArray padding(600, 'x');
    for (int i = 0; i < 100000; ++i)
        records.push_back(makeRecord(
            eventId(i), minute(i), QStringLiteral("DescribeInstances"),
            QJsonObject{{QStringLiteral("requestParameters"),
                         QJsonObject{{QStringLiteral("note"), QString::fromLatin1(padding) + QString::number(i)}}}}));
    QByteArray text = recordsEnvelope(records);
    QVERIFY(text.size() > 64 * MiB);
    const qsizetype cut = text.size() - 2;
    writeFile(root, QStringLiteral("members.json.gz"), gzip(text.left(cut)) + gzip(text.mid(cut)));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 0);
    QCOMPARE(outcome.events, 100000 + GoodEvents);
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::zipBomb()
{
    const QString root = newDir(QStringLiteral("zip-bomb"));
    const Members members{{QStringLiteral("AWSLogs/bomb.json"), envelopeAround(QByteArray(300 * MiB, ' '))},
                          {QStringLiteral("AWSLogs/fine.json"),
                           recordsEnvelope({makeRecord(eventId(1), minute(1)), makeRecord(eventId(2), minute(2))})}};
    writeFile(root, QStringLiteral("trail.zip"), makeZip(members));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.codesFor(QStringLiteral("bomb.json")), QStringList{QStringLiteral("decompression-bomb")});
    QCOMPARE(outcome.events, GoodEvents + 2);
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::deepNesting()
{
    const QString root = newDir(QStringLiteral("deep"));
    const int depth = 100000;
    const QByteArray nested = QByteArray(depth, '[') + QByteArray(depth, ']');
    QByteArray deepRecord = compact(makeRecord(eventId(1), minute(1)));
    deepRecord.replace("{\"maxResults\":5}", "{\"filter\":" + nested + "}");
    QVERIFY(deepRecord.contains(nested));
    const QByteArray body = compact(makeRecord(eventId(2), minute(2))) + ',' + deepRecord + ',' +
                            compact(makeRecord(eventId(3), minute(3)));
    writeFile(root, QStringLiteral("deep.json"), envelopeAround(body));
    // Not a record at all: a document that is nothing but brackets.
    writeFile(root, QStringLiteral("brackets.json"), QByteArray(depth, '['));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.codesFor(QStringLiteral("deep.json")), QStringList{QStringLiteral("too-deep")});
    QCOMPARE(outcome.rejectedFor(QStringLiteral("deep.json")).first().toObject().value(QStringLiteral("record")),
             QJsonValue(1));
    QVERIFY(outcome.codesFor(QStringLiteral("brackets.json")).contains(QStringLiteral("invalid-json")));
    QCOMPARE(outcome.events, GoodEvents + 2);
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::fiftyMegabyteRecord()
{
    const QString root = newDir(QStringLiteral("huge"));
    // Letters that do not repeat, so the file is not also a decompression bomb.
    QByteArray letters(50 * MiB, 'a');
    quint32 state = 12345;
    for (char& c : letters) {
        state = state * 1664525u + 1013904223u;
        c = static_cast<char>('a' + (state >> 24) % 26);
    }
    const QByteArray huge =
        compact(makeRecord(eventId(1), minute(1), QStringLiteral("PutObject"),
                           QJsonObject{{QStringLiteral("requestParameters"),
                                        QJsonObject{{QStringLiteral("body"), QString::fromLatin1(letters)}}}}));
    const QByteArray body =
        compact(makeRecord(eventId(2), minute(2))) + ',' + huge + ',' + compact(makeRecord(eventId(3), minute(3)));
    writeFile(root, QStringLiteral("huge.json.gz"), gzip(envelopeAround(body)));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.codesFor(QStringLiteral("huge.json.gz")), QStringList{QStringLiteral("record-too-large")});
    QCOMPARE(outcome.events, GoodEvents + 2);
    VERIFY_GOOD_KEPT(outcome);
}

namespace {

// The string fields of a record, by where they sit: top-level, or under userIdentity.
QList<QStringList> stringFields()
{
    QList<QStringList> fields;
    const QJsonObject record = makeRecord(eventId(0), minute(0));
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.value().isString())
            fields << QStringList{it.key()};
        else if (it.value().isObject())
            for (const QString& inner : it.value().toObject().keys())
                if (it.value().toObject().value(inner).isString())
                    fields << QStringList{it.key(), inner};
    }
    return fields;
}

// The record with `marker` put into the field's value (as JSON text, so it may be bytes JSON cannot hold).
QByteArray withMarker(int n, const QStringList& field, const QByteArray& marker)
{
    QJsonObject record = makeRecord(eventId(n), minute(n));
    const QString placeholder = QStringLiteral("@@MARK@@");
    if (field.size() == 1) {
        record[field[0]] = record[field[0]].toString() + placeholder;
    } else {
        QJsonObject inner = record[field[0]].toObject();
        inner[field[1]] = inner[field[1]].toString() + placeholder;
        record[field[0]] = inner;
    }
    QByteArray text = compact(record);
    return text.replace(placeholder.toLatin1(), marker);
}

} // namespace

void TestHostile::badBytesInEveryField()
{
    const QString root = newDir(QStringLiteral("bytes"));
    const QList<QStringList> fields = stringFields();
    QVERIFY(fields.size() >= 15);
    // Per field: invalid UTF-8 (rejected), a raw NUL (not JSON: rejected), an escaped NUL (valid JSON: kept).
    QByteArray body;
    int n = 1;
    for (const QStringList& field : fields)
        for (const QByteArray& marker : {QByteArray("\xc3\x28\xff", 3), QByteArray("a\0b", 3), QByteArray("\\u0000")})
            body += (body.isEmpty() ? "" : ",") + withMarker(n++, field, marker);
    writeFile(root, QStringLiteral("bytes.json"), envelopeAround(body));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    const QStringList codes = outcome.codesFor(QStringLiteral("bytes.json"));
    QCOMPARE(codes.size(), 2 * fields.size());
    QCOMPARE(codes.count(QStringLiteral("invalid-utf8")), fields.size());
    QCOMPARE(codes.count(QStringLiteral("invalid-json")), fields.size());
    for (const QJsonValue& problem : outcome.rejectedFor(QStringLiteral("bytes.json")))
        QVERIFY(problem.toObject().value(QStringLiteral("record")).toInt(-1) >= 0);
    // The escaped NULs are kept, and so is the record exactly as it was written.
    QCOMPARE(outcome.events, GoodEvents + fields.size());
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::wrongTypeInEveryField()
{
    const QString root = newDir(QStringLiteral("types"));
    const QJsonObject sample = makeRecord(eventId(0), minute(0));
    const QList<QJsonValue> wrong{QJsonValue(42),
                                  QJsonValue(-1.5e300),
                                  QJsonValue(true),
                                  QJsonValue(QJsonValue::Null),
                                  QJsonObject{{QStringLiteral("k"), QJsonArray{1, QStringLiteral("two")}}},
                                  QJsonArray{QStringLiteral("x"), QJsonObject{}},
                                  QJsonValue(QStringLiteral("text"))};
    std::vector<QJsonObject> records;
    int n = 1;
    for (const QString& key : sample.keys()) {
        for (const QJsonValue& value : wrong) {
            if (value.type() == sample.value(key).type())
                continue;
            records.push_back(
                makeRecord(eventId(n), minute(n), QStringLiteral("DescribeInstances"), QJsonObject{{key, value}}));
            ++n;
        }
    }
    const int total = static_cast<int>(records.size());
    QVERIFY(total > 100);
    writeFile(root, QStringLiteral("types.json"), recordsEnvelope(records));
    const Outcome outcome = importWithGood(root);
    QVERIFY2(outcome.run.exitCode == 0 || outcome.run.exitCode == 3, describe(outcome.run).constData());
    const QJsonArray problems = outcome.rejectedFor(QStringLiteral("types.json"));
    // Every record is either an event or a rejection that says which record and why.
    QCOMPARE(outcome.events - GoodEvents + problems.size(), total);
    for (const QJsonValue& problem : problems) {
        QVERIFY(problem.toObject().value(QStringLiteral("record")).toInt(-1) >= 0);
        QVERIFY(!problem.toObject().value(QStringLiteral("reason")).toString().isEmpty());
    }
    // Wrong types are kept as the record has them; a wrong eventTime is said, record by record.
    int unusableTimes = 0;
    for (const QJsonValue& warning : outcome.summary.value(QStringLiteral("warnings")).toArray())
        if (warning.toObject().value(QStringLiteral("path")).toString().endsWith(QLatin1String("types.json")) &&
            warning.toObject().value(QStringLiteral("code")).toString() == QLatin1String("unusable-event-time"))
            ++unusableTimes;
    QCOMPARE(unusableTimes, wrong.size() - 1);
    QCOMPARE(queryStrings(root + QStringLiteral(".tscase"), "SELECT count(*) FROM events WHERE time IS NULL"),
             QStringList{QString::number(wrong.size() - 1)});
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::craftedArchiveMembers()
{
    const QString root = newDir(QStringLiteral("members"));
    const QByteArray fine = recordsEnvelope({makeRecord(eventId(1), minute(1))});
    const Members members{{QStringLiteral("/etc/cron.d/absolute.json"), fine},
                          {QStringLiteral("../escape.json"), fine},
                          {QStringLiteral("AWSLogs/../../deeper.json"), fine},
                          {QStringLiteral("AWSLogs/passwd.json -> /etc/passwd"), {}},
                          {QStringLiteral("AWSLogs/again.json => AWSLogs/fine.json"), {}},
                          {QStringLiteral("AWSLogs/fine.json"), fine}};
    writeFile(root, QStringLiteral("crafted.tar"), makeTar(members));
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.codesFor(QStringLiteral("absolute.json")), QStringList{QStringLiteral("bad-member-name")});
    QCOMPARE(outcome.codesFor(QStringLiteral("escape.json")), QStringList{QStringLiteral("bad-member-name")});
    QCOMPARE(outcome.codesFor(QStringLiteral("deeper.json")), QStringList{QStringLiteral("bad-member-name")});
    QCOMPARE(outcome.codesFor(QStringLiteral("passwd.json")), QStringList{QStringLiteral("archive-link")});
    QVERIFY(outcome.rejectedFor(QStringLiteral("passwd.json"))
                .first()
                .toObject()
                .value(QStringLiteral("reason"))
                .toString()
                .contains(QLatin1String("/etc/passwd")));
    QCOMPARE(outcome.codesFor(QStringLiteral("again.json")), QStringList{QStringLiteral("archive-link")});
    QCOMPARE(outcome.events, GoodEvents + 1);
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::thousandsOfEmptyFiles()
{
    const QString root = newDir(QStringLiteral("empty"));
    constexpr int Empty = 3000;
    for (int i = 0; i < Empty; ++i)
        writeFile(root, QStringLiteral("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/empty-%1.json").arg(i),
                  {});
    const Outcome outcome = importWithGood(root);
    COMPARE_EXIT(outcome.run, 3);
    QCOMPARE(outcome.summary.value(QStringLiteral("rejectedTotal")).toInt(), Empty);
    // Each is its own rejection, though all share one (empty) content.
    const QJsonArray listed = outcome.rejected();
    QVERIFY(!listed.isEmpty());
    for (const QJsonValue& problem : listed) {
        QVERIFY(problem.toObject().value(QStringLiteral("path")).toString().contains(QLatin1String("/empty-")));
        QCOMPARE(problem.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("empty file"));
    }
    QCOMPARE(outcome.events, GoodEvents);
    VERIFY_GOOD_KEPT(outcome);
}

void TestHostile::fifoOnTheCommandLine()
{
    // Opened for reading, a FIFO waits for a writer that never comes: it is refused instead.
    const QString root = newDir(QStringLiteral("fifo"));
    const QString fifo = m_dir.filePath(QStringLiteral("events.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    writeFile(root, QStringLiteral("good.json.gz"), m_good);
    const CliRun run =
        runCli({QStringLiteral("import"), root + QStringLiteral(".tscase"), fifo, root, QStringLiteral("--json")});
    COMPARE_EXIT(run, 3);
    const QJsonArray rejected = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().toObject().value(QStringLiteral("path")).toString(), fifo);
    QVERIFY(rejected.first().toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("FIFO")));
    QCOMPARE(queryStrings(root + QStringLiteral(".tscase"), "SELECT count(*) FROM events"),
             QStringList{QString::number(GoodEvents)});
}

void TestHostile::fileChangingWhileRead()
{
    // A file written to all through the import (a sync still running): refused with the reason, never kept half.
    const QString root = newDir(QStringLiteral("growing"));
    std::vector<QJsonObject> records;
    for (int i = 0; i < 20000; ++i)
        records.push_back(makeRecord(eventId(i), minute(i)));
    const QString growing = writeFile(root, QStringLiteral("growing.json"), recordsEnvelope(records));
    std::atomic<bool> stop = false;
    std::atomic<int> appended = 0;
    std::thread writer([&] {
        QFile file(growing);
        if (!file.open(QIODevice::Append | QIODevice::Unbuffered))
            return;
        while (!stop) {
            file.write("\n");
            ++appended;
        }
    });
    while (appended == 0)
        std::this_thread::yield();
    const Outcome outcome = importWithGood(root);
    stop = true;
    writer.join();
    COMPARE_EXIT(outcome.run, 3);
    const QJsonArray problems = outcome.rejectedFor(QStringLiteral("growing.json"));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first()
                 .toObject()
                 .value(QStringLiteral("reason"))
                 .toString()
                 .contains(QLatin1String("changed while it was read")),
             describe(outcome.run).constData());
    QCOMPARE(outcome.events, GoodEvents);
    VERIFY_GOOD_KEPT(outcome);
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
