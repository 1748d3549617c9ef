// The query connection only reads: every trick that would change the case or anything else on disk is refused,
// both through the Lake query runner and on the connection directly, and the case and the folder are unchanged
// afterwards. Also: long statements can be cancelled and report progress.
#include "lakefixture.h"

#include "query/lake/lakequery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace

class TestLakeSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<LakeQuery> m_lake;
    QByteArray m_hash;
    QStringList m_files;
    qint64 m_schemaRows = 0;
    qint64 m_userVersion = 0;

    QStringList files() const { return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name); }

    // Nothing on disk changed: the case's bytes, the folder's files, the schema as a fresh connection sees it.
    void verifyUnchanged(const QString& what)
    {
        QVERIFY2(fileHash(m_case) == m_hash, qPrintable(what + ": the case file changed"));
        QVERIFY2(files() == m_files, qPrintable(what + ": files appeared: " + files().join(u' ')));
        auto fresh = LakeQuery::open(m_case);
        QVERIFY(fresh.has_value());
        QCOMPARE((*fresh)->connection().database().queryInt("SELECT count(*) FROM sqlite_schema").value_or(-1),
                 m_schemaRows);
        QCOMPARE(
            (*fresh)->connection().database().queryInt("SELECT count(*) FROM strings WHERE id = 999999").value_or(-1),
            0);
        QCOMPARE((*fresh)->connection().database().queryInt("PRAGMA user_version").value_or(-1), m_userVersion);
        QCOMPARE((*fresh)->connection().database().queryInt("SELECT count(*) FROM events").value_or(-1), 120);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_case = LakeFixture::buildCase(m_dir.path(), LakeFixture::records());
        QVERIFY(!m_case.isEmpty());
        auto lake = LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        m_lake = std::move(*lake);
        m_hash = fileHash(m_case);
        m_files = files();
        m_schemaRows = m_lake->connection().database().queryInt("SELECT count(*) FROM sqlite_schema").value_or(-1);
        QVERIFY(m_schemaRows > 10);
        m_userVersion = m_lake->connection().database().queryInt("PRAGMA user_version").value_or(-1);
        QVERIFY(m_userVersion >= 1);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("sql");
        const QString dir = m_dir.path();
        QTest::newRow("INSERT") << "INSERT INTO strings VALUES (999999, 'x')";
        QTest::newRow("INSERT RETURNING") << "INSERT INTO strings VALUES (999999, 'x') RETURNING id";
        QTest::newRow("REPLACE") << "REPLACE INTO strings VALUES (1, 'x')";
        QTest::newRow("UPDATE") << "UPDATE strings SET value = 'x' WHERE id = 1";
        QTest::newRow("DELETE") << "DELETE FROM events";
        QTest::newRow("DELETE event_rows") << "DELETE FROM event_rows";
        QTest::newRow("UPDATE event_contexts") << "UPDATE event_contexts SET region = NULL";
        QTest::newRow("WITH … INSERT") << "WITH a AS (SELECT 1) INSERT INTO strings SELECT 999999, 'x' FROM a";
        QTest::newRow("DROP") << "DROP TABLE events";
        QTest::newRow("CREATE") << "CREATE TABLE t(a)";
        QTest::newRow("CREATE INDEX") << "CREATE INDEX i ON events(agent)";
        QTest::newRow("CREATE TEMP TABLE") << "CREATE TEMP TABLE t(a)";
        QTest::newRow("CREATE TEMP VIEW") << "CREATE TEMP VIEW v AS SELECT 1";
        QTest::newRow("CREATE TRIGGER") << "CREATE TEMP TRIGGER g AFTER INSERT ON strings BEGIN SELECT 1; END";
        QTest::newRow("ALTER") << "ALTER TABLE events ADD COLUMN x";
        QTest::newRow("ATTACH") << "ATTACH '" + dir + "/attached.db' AS x";
        QTest::newRow("ATTACH memory") << "ATTACH ':memory:' AS x";
        QTest::newRow("VACUUM INTO") << "VACUUM INTO '" + dir + "/copy.tscase'";
        QTest::newRow("VACUUM INTO /tmp") << "VACUUM INTO '/tmp/trailscope-lake-safety-copy.db'";
        QTest::newRow("VACUUM") << "VACUUM";
        QTest::newRow("PRAGMA writable_schema") << "PRAGMA writable_schema = 1";
        QTest::newRow("PRAGMA journal_mode") << "PRAGMA journal_mode = DELETE";
        QTest::newRow("PRAGMA main.journal_mode") << "PRAGMA main.journal_mode = DELETE";
        QTest::newRow("PRAGMA user_version") << "PRAGMA user_version = 7";
        QTest::newRow("PRAGMA query_only") << "PRAGMA query_only = 0";
        QTest::newRow("fts3_tokenizer") << "SELECT fts3_tokenizer('simple')";
        QTest::newRow("fts3_tokenizer set") << "SELECT fts3_tokenizer('evil', x'0000000000000000')";
        QTest::newRow("load_extension") << "SELECT load_extension('" + dir + "/evil.so')";
        QTest::newRow("load_extension in Lake SQL") << "SELECT load_extension('x') FROM cloudtrail_logs LIMIT 1";
        QTest::newRow("smuggled after a query") << "SELECT 1; DROP TABLE events";
        QTest::newRow("smuggled after Lake SQL") << "SELECT * FROM cloudtrail_logs LIMIT 1;\nDELETE FROM events";
        QTest::newRow("BEGIN") << "BEGIN IMMEDIATE";
        QTest::newRow("SAVEPOINT") << "SAVEPOINT s";
        QTest::newRow("REINDEX") << "REINDEX";
        QTest::newRow("ANALYZE") << "ANALYZE";
    }

    // Through the Lake runner: refused before anything runs (all statements are prepared first).
    void refused()
    {
        QFETCH(QString, sql);
        const auto prepared = m_lake->prepare(sql);
        QVERIFY2(!prepared.has_value(), qPrintable(sql));
        QCOMPARE(prepared.error().code, ErrorCode::QueryRefused);
        QVERIFY(prepared.error().detail.contains("not allowed"));
        QVERIFY(prepared.error().line >= 1 && prepared.error().column >= 1);
        verifyUnchanged(sql);
        QVERIFY(!QFile::exists("/tmp/trailscope-lake-safety-copy.db"));
    }

    void refusedByTheConnection_data() { refused_data(); }

    // On the connection itself, bypassing the Lake parser: the authorizer, the limits and the read-only check.
    void refusedByTheConnection()
    {
        QFETCH(QString, sql);
        sql.replace("cloudtrail_logs", "events"); // plain SQLite knows no event data store
        const QByteArray utf8 = sql.toUtf8();
        const auto statement = m_lake->connection().prepare(std::string_view(utf8.constData(), utf8.size()));
        QVERIFY2(!statement.has_value(), qPrintable(sql));
        QCOMPARE(statement.error().code, ErrorCode::QueryRefused);
        verifyUnchanged(sql);
        QVERIFY(!QFile::exists("/tmp/trailscope-lake-safety-copy.db"));
    }

    void readingStillWorks_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("schema") << "SELECT count(*) FROM sqlite_schema";
        QTest::newRow("table_info") << "PRAGMA table_info(events)";
        QTest::newRow("user_version") << "PRAGMA user_version";
        QTest::newRow("recursive CTE") << "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) "
                                          "SELECT sum(x) FROM c";
        QTest::newRow("json_each") << "SELECT count(*) FROM json_each('[1,2,3]')";
        QTest::newRow("EXPLAIN QUERY PLAN") << "EXPLAIN QUERY PLAN SELECT * FROM events WHERE time > 0";
    }

    void readingStillWorks()
    {
        QFETCH(QString, sql);
        auto prepared = m_lake->prepare(sql);
        QVERIFY2(prepared.has_value(), prepared ? "" : qPrintable(describeQueryError(prepared.error())));
        QJsonArray row;
        const auto first = m_lake->next(prepared->front(), row);
        QVERIFY2(first.has_value() && *first, qPrintable(sql));
        verifyUnchanged(sql);
    }

    // A statement the progress handler stops ends with ErrorCode::Cancelled; the handler was called along the way.
    void progressCancels()
    {
        auto prepared = m_lake->prepare("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                                        "1000000000) SELECT count(*) FROM c");
        QVERIFY(prepared.has_value());
        int calls = 0;
        m_lake->setProgressHandler([&](const QueryProgress&) { return ++calls < 50; });
        QJsonArray row;
        const auto result = m_lake->next(prepared->front(), row);
        m_lake->setProgressHandler({});
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 50);
    }

    void cancelFromAnotherThread()
    {
        auto prepared = m_lake->prepare("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                                        "1000000000) SELECT count(*) FROM c");
        QVERIFY(prepared.has_value());
        std::atomic<bool> started{false};
        m_lake->setProgressHandler([&](const QueryProgress&) {
            started = true;
            return true;
        });
        std::thread canceller([&] {
            while (!started)
                std::this_thread::yield();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            m_lake->cancel();
        });
        QJsonArray row;
        const auto result = m_lake->next(prepared->front(), row);
        canceller.join();
        m_lake->setProgressHandler({});
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        // The next preparation starts afresh.
        auto again = m_lake->prepare("SELECT count(*) FROM events");
        QVERIFY(again.has_value());
        QVERIFY(m_lake->next(again->front(), row).value_or(false));
        QCOMPARE(row.at(0).toInteger(), 120);
    }
};

QTEST_GUILESS_MAIN(TestLakeSafety)
#include "tst_lakesafety.moc"
