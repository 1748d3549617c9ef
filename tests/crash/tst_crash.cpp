// Crashes, concurrency and hostile file systems (issue 21): the built trailscope-cli killed with SIGKILL at random
// moments of an import, its index build and an export; two imports into one case; a reader beside a writer; a disk
// that fills up and a location that is read-only. Every time the case must open, keep what was committed, and a
// re-import must complete it with the exact event count.
#include "clitest.h"
#include "generatedtrail.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <unistd.h>

using namespace Trailscope::Test;

namespace {

#ifdef NDEBUG
constexpr int FileCount = 300;
#else
constexpr int FileCount = 80;
#endif
constexpr int RecordsPerFile = 200;
constexpr qint64 TotalEvents = qint64(FileCount) * RecordsPerFile;

qint64 count(const QString& casePath, const char* sql)
{
    return queryCount(casePath, QString::fromLatin1(sql));
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// A tmpfs of its own (root only): a disk of a chosen size that can be filled up or made read-only. Unmounted when
// it goes, so a failing test leaves no mount behind.
class ScratchMount
{
public:
    ScratchMount(const QString& path, const QString& size) : m_path(path)
    {
        QDir().mkpath(path);
        if (::geteuid() == 0)
            m_mounted = run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                             QStringLiteral("size=") + size, QStringLiteral("tmpfs"), path});
    }
    ~ScratchMount()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    }
    ScratchMount(const ScratchMount&) = delete;
    ScratchMount& operator=(const ScratchMount&) = delete;

    bool isMounted() const { return m_mounted; }
    bool remount(const QString& options)
    {
        return run({QStringLiteral("-o"), QStringLiteral("remount,") + options, m_path});
    }

private:
    static bool run(const QStringList& arguments)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"), arguments);
        return mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
    }

    QString m_path;
    bool m_mounted = false;
};

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_trail, m_small, m_reference;
    double m_importSeconds = 0, m_searchableSeconds = 0;
    int m_serial = 0;
    QString newCase() { return m_dir.filePath(QStringLiteral("case%1.tscase").arg(++m_serial)); }

    CliRun import(const QString& casePath, const QString& trail)
    {
        return runCli({QStringLiteral("import"), casePath, trail, QStringLiteral("--json")});
    }

    // The case opens and reports what it holds, and its database is sound.
    void checkOpens(const QString& casePath)
    {
        QCOMPARE(queryStrings(casePath, "PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
        const CliRun info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        COMPARE_EXIT(info, 0);
        PARSE_JSON(info, object);
        QCOMPARE(object[QStringLiteral("events")].toInteger(), count(casePath, "SELECT count(*) FROM events"));
    }

    // The same import again completes the case: every event exactly once, every file whole.
    void checkCompletes(const QString& casePath)
    {
        const CliRun again = import(casePath, m_trail);
        COMPARE_EXIT(again, 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM events"), TotalEvents);
        QCOMPARE(count(casePath, "SELECT count(*) - count(DISTINCT event_id) FROM events"), 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM source_files WHERE complete = 1"), FileCount);
        QCOMPARE(count(casePath, "SELECT sum(events) FROM source_files"), TotalEvents);
        checkOpens(casePath);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cliPath()), "trailscope-cli is not built");
        m_trail = m_dir.filePath(QStringLiteral("trail"));
        writeGeneratedTrail(m_trail, FileCount, RecordsPerFile);
        m_small = m_dir.filePath(QStringLiteral("small"));
        writeTrail(m_small, smallTrail());
        // One whole import: how long the phases take on this machine, so the kills can aim at them.
        m_reference = newCase();
        const CliRun whole = import(m_reference, m_trail);
        COMPARE_EXIT(whole, 0);
        PARSE_JSON(whole, summary);
        QCOMPARE(summary[QStringLiteral("events")].toInteger(), TotalEvents);
        m_importSeconds = summary[QStringLiteral("seconds")].toDouble();
        m_searchableSeconds = summary[QStringLiteral("searchableSeconds")].toDouble();
        qInfo("a whole import: %.2f s, searchable after %.2f s", m_importSeconds, m_searchableSeconds);
    }

    // Twenty kills at random moments, one in three aimed at the index build that follows the last commit. The
    // process start adds to the delay, so some land after the end: those must leave a complete case.
    void killedImportsReopenAndComplete()
    {
        auto* random = QRandomGenerator::global();
        const int wholeMs = qMax(50, int(m_importSeconds * 1000));
        const int searchableMs = int(m_searchableSeconds * 1000);
        int killedWhileStoring = 0, killedWhileIndexing = 0, finished = 0;
        for (int attempt = 0; attempt < 20; ++attempt) {
            const bool aimAtIndexes = attempt % 3 == 2 && wholeMs - searchableMs > 20;
            const int delayMs =
                aimAtIndexes ? int(random->bounded(searchableMs, wholeMs)) : int(random->bounded(0, wholeMs));
            const QString casePath = newCase();
            QProcess process;
            process.start(cliPath(), {QStringLiteral("import"), casePath, m_trail, QStringLiteral("--json")});
            QVERIFY(process.waitForStarted());
            QElapsedTimer sinceStart;
            sinceStart.start();
            if (process.waitForFinished(delayMs)) {
                ++finished;
            } else {
                process.kill();
                QVERIFY(process.waitForFinished());
                (sinceStart.elapsed() < searchableMs ? killedWhileStoring : killedWhileIndexing) += 1;
            }
            qInfo("attempt %d: %s after %lld ms", attempt + 1,
                  process.exitStatus() == QProcess::CrashExit ? "killed" : "finished", sinceStart.elapsed());
            // A kill before the schema's first commit leaves an empty file or none; an import still makes a case
            // there. Anything more must open.
            if (QFileInfo(casePath).size() > 0)
                checkOpens(casePath);
            checkCompletes(casePath);
        }
        qInfo("killed %d times while storing, %d while indexing; %d imports finished first", killedWhileStoring,
              killedWhileIndexing, finished);
        QVERIFY2(killedWhileStoring + killedWhileIndexing >= 10, "most imports finished before they were killed");
    }

    // An export killed half-way leaves the previous file at its path untouched and the case as it was.
    void killedExportLeavesDestinationAndCase()
    {
        const QString outDir = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(outDir));
        const QString destination = outDir + QStringLiteral("/events.json");
        const QStringList exportArguments{QStringLiteral("export"),   m_reference,
                                          QStringLiteral("--search"), QString(),
                                          QStringLiteral("--format"), QStringLiteral("json"),
                                          QStringLiteral("-o"),       destination};
        QElapsedTimer whole;
        whole.start();
        COMPARE_EXIT(runCli(exportArguments), 0);
        const int wholeMs = qMax(20, int(whole.elapsed()));
        QVERIFY(QFileInfo(destination).size() > TotalEvents * 100);
        const QByteArray wholeExport = fileHash(destination);
        const QByteArray previousExport =
            QCryptographicHash::hash("the previous export\n", QCryptographicHash::Sha256).toHex();
        const QByteArray caseHash = fileHash(m_reference);
        int killed = 0, killedWhileWriting = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {
            QFile previous(destination);
            QVERIFY(previous.open(QIODevice::WriteOnly | QIODevice::Truncate));
            previous.write("the previous export\n");
            previous.close();
            QProcess process;
            process.start(cliPath(), exportArguments);
            QVERIFY(process.waitForStarted());
            if (process.waitForFinished(int(QRandomGenerator::global()->bounded(0, wholeMs)))) {
                QCOMPARE(process.exitStatus(), QProcess::NormalExit);
                QCOMPARE(process.exitCode(), 0);
                QCOMPARE(fileHash(destination), wholeExport);
            } else {
                process.kill();
                QVERIFY(process.waitForFinished());
                ++killed;
                // Killed before the rename: the previous file; after it (on the way out): the whole export.
                const QByteArray left = fileHash(destination);
                QVERIFY2(left == previousExport || left == wholeExport, left.constData());
                killedWhileWriting += left == previousExport ? 1 : 0;
            }
            QCOMPARE(fileHash(m_reference), caseHash);
        }
        // A killed export cannot remove its temporary file; what is left is a named sibling, never the destination.
        qInfo("killed %d of 8 exports, %d of them before the rename; files left beside the destination: %s", killed,
              killedWhileWriting, qPrintable(filesIn(outDir).join(QStringLiteral(", "))));
        QVERIFY2(killedWhileWriting >= 2, "most exports had written their file before they were killed");
        checkOpens(m_reference);
    }

    // A second import into a case that is being imported into is refused at once with the reason; the first
    // completes, readers meanwhile see a growing case, and the second import, run again, completes too.
    void secondImportIsRefusedWhileTheFirstRuns()
    {
        const QString casePath = newCase();
        QProcess first;
        first.start(cliPath(), {QStringLiteral("import"), casePath, m_trail, QStringLiteral("--json")});
        QVERIFY(first.waitForStarted());
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && QFileInfo(casePath).size() == 0 && !first.waitForFinished(10)) {
        }
        QVERIFY2(first.state() == QProcess::Running, "the first import finished too soon");
        const CliRun second = import(casePath, m_small);
        const CliRun reader = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        const CliRun firstRun = finishCli(first);
        COMPARE_EXIT(firstRun, 0);
        if (second.exitCode == 0)
            QSKIP("the first import finished before the second started");
        COMPARE_EXIT(second, 1);
        QVERIFY2(second.err.contains("another import into this case is running"), describe(second).constData());
        QVERIFY2(second.err.contains(QFile::encodeName(QFileInfo(casePath).fileName())), describe(second).constData());
        COMPARE_EXIT(reader, 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM events"), TotalEvents);
        COMPARE_EXIT(import(casePath, m_small), 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM events"), TotalEvents + 11);
        checkOpens(casePath);
    }

    // The disk fills up half-way through an import: a clear error naming the case, the events of the earlier
    // import kept, the case sound; with room again, the same import completes it.
    void diskFullKeepsTheCase()
    {
        ScratchMount disk(m_dir.filePath(QStringLiteral("full")), QStringLiteral("2m"));
        if (!disk.isMounted())
            QSKIP("needs root to mount a small tmpfs as a full disk");
        const QString casePath = m_dir.filePath(QStringLiteral("full/case.tscase"));
        COMPARE_EXIT(import(casePath, m_small), 0);
        const CliRun full = import(casePath, m_trail);
        COMPARE_EXIT(full, 1);
        QVERIFY2(full.err.contains("full"), describe(full).constData());
        QVERIFY2(full.err.contains("case.tscase"), describe(full).constData());
        QVERIFY2(count(casePath, "SELECT count(*) FROM events") >= 11, describe(full).constData());
        checkOpens(casePath);

        // An export to the full disk fails as clearly and leaves nothing behind.
        const QString destination = m_dir.filePath(QStringLiteral("full/events.json"));
        const QStringList before = filesIn(m_dir.filePath(QStringLiteral("full")));
        const CliRun exported =
            runCli({QStringLiteral("export"), m_reference, QStringLiteral("--search"), QString(),
                    QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), destination});
        COMPARE_EXIT(exported, 1);
        QVERIFY2(exported.err.contains("events.json"), describe(exported).constData());
        QCOMPARE(filesIn(m_dir.filePath(QStringLiteral("full"))), before);

        QVERIFY(disk.remount(QStringLiteral("size=200m")));
        COMPARE_EXIT(import(casePath, m_trail), 0);
        QCOMPARE(count(casePath, "SELECT count(*) FROM events"), TotalEvents + 11);
        checkOpens(casePath);
    }

    // A case on read-only media: it opens and can be read, an import into it or an export beside it is refused
    // with the reason, and not one byte changes.
    void readOnlyLocationIsReadNotWritten()
    {
        ScratchMount disk(m_dir.filePath(QStringLiteral("readonly")), QStringLiteral("50m"));
        if (!disk.isMounted())
            QSKIP("needs root to mount a tmpfs read-only (permissions do not bind root)");
        const QString casePath = m_dir.filePath(QStringLiteral("readonly/case.tscase"));
        COMPARE_EXIT(import(casePath, m_small), 0);
        QVERIFY(disk.remount(QStringLiteral("ro")));
        const QByteArray hash = fileHash(casePath);

        const CliRun info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        COMPARE_EXIT(info, 0);
        PARSE_JSON(info, object);
        QCOMPARE(object[QStringLiteral("events")].toInteger(), 11);
        const CliRun lookup = runCli({QStringLiteral("lookup"), casePath, QString(), QStringLiteral("--limit"),
                                      QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("jsonl")});
        COMPARE_EXIT(lookup, 0);
        QCOMPARE(lookup.out.count('\n'), 11);

        const CliRun refused = import(casePath, m_trail);
        COMPARE_EXIT(refused, 1);
        QVERIFY2(refused.err.contains("read-only") || refused.err.contains("Read-only"), describe(refused).constData());
        QVERIFY2(refused.err.contains("case.tscase"), describe(refused).constData());

        const CliRun exported = runCli({QStringLiteral("export"), casePath, QStringLiteral("--search"), QString(),
                                        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"),
                                        m_dir.filePath(QStringLiteral("readonly/events.json"))});
        COMPARE_EXIT(exported, 1);
        QVERIFY2(exported.err.contains("events.json"), describe(exported).constData());
        QCOMPARE(fileHash(casePath), hash);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
