// Case files travel between analysts: a crafted or damaged case is refused with its reason, never run or crashed on.
// Each case here is a real import altered with a plain SQLite connection, as anyone holding the file could.
#include "casedb/caseinfo.h"
#include "casedb/caseschema.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

Q_DECLARE_METATYPE(Trailscope::Core::ErrorCode)

namespace {

// Runs SQL on the file through a connection with none of Trailscope's precautions.
bool alter(const QString& path, const QByteArray& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char* message = nullptr;
    const int status = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
    if (status != SQLITE_OK)
        qWarning("altering failed: %s", message);
    sqlite3_free(message);
    sqlite3_close(db);
    return status == SQLITE_OK;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestUntrustedCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void untouchedCaseStillOpens();
    void connectionsRunNoCode();
    void damagedPagesAreReported();
    void emptyDatabaseIsNoCaseYet();

private:
    QString freshCase(const QString& name);

    QTemporaryDir m_dir;
    QString m_case;
};

void TestUntrustedCase::initTestCase()
{
    QVERIFY(m_dir.isValid());
    std::vector<QJsonObject> records;
    for (int i = 0; i < 200; ++i)
        records.push_back(makeRecord(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                                     QStringLiteral("2026-02-21T18:%1:00Z").arg(i % 60, 2, 10, QLatin1Char('0'))));
    const QString trail = m_dir.filePath(QStringLiteral("trail"));
    writeFile(trail,
              trailKey(QStringLiteral("111122223333"), QStringLiteral("us-east-1"), QStringLiteral("20260221T1805Z")),
              gzip(recordsEnvelope(records)));
    m_case = m_dir.filePath(QStringLiteral("good.tscase"));
    QVERIFY(importPaths(m_case, {trail}));
    QCOMPARE(queryCount(m_case, "SELECT count(*) FROM events"), 200);
}

QString TestUntrustedCase::freshCase(const QString& name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".tscase"));
    QFile::remove(path);
    return QFile::copy(m_case, path) ? path : QString();
}

void TestUntrustedCase::refused_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("keepBytes"); // >= 0: cut the file to this many bytes instead
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char* name, const QByteArray& sql, ErrorCode code, const char* reason) {
        QTest::newRow(name) << sql << -1 << code << QString::fromUtf8(reason);
    };
    row("trigger", "CREATE TRIGGER spy AFTER INSERT ON meta BEGIN DELETE FROM event_rows; END;", ErrorCode::AlteredCase,
        "trigger named spy");
    row("trigger on a view", "CREATE TRIGGER spy2 INSTEAD OF DELETE ON events BEGIN SELECT 1; END;",
        ErrorCode::AlteredCase, "trigger named spy2");
    row("foreign view", "CREATE VIEW overview AS SELECT count(*) FROM event_rows;", ErrorCode::AlteredCase,
        "view named overview");
    row("events view rewritten", "DROP VIEW events; CREATE VIEW events AS SELECT * FROM event_rows WHERE 0;",
        ErrorCode::AlteredCase, "view events");
    row("virtual table", "CREATE VIRTUAL TABLE notes USING fts5(text);", ErrorCode::AlteredCase,
        "virtual table named notes");
    row("view missing", "DROP VIEW resources;", ErrorCode::CorruptCase, "incomplete");
    row("newer schema", "PRAGMA user_version=99;", ErrorCode::NewerCase, "case schema 99; this one reads up to");
    QTest::newRow("empty file") << QByteArray() << 0 << ErrorCode::NotACase << QStringLiteral("empty (0 bytes)");
    QTest::newRow("cut to its header") << QByteArray() << 60 << ErrorCode::CorruptCase << QStringLiteral("cut short");
    QTest::newRow("cut in half") << QByteArray() << -2 << ErrorCode::CorruptCase << QStringLiteral("cut short");
}

void TestUntrustedCase::refused()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, keepBytes);
    QFETCH(ErrorCode, code);
    QFETCH(QString, reason);
    const QString path =
        freshCase(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    QVERIFY(!path.isEmpty());
    if (keepBytes == -1) {
        QVERIFY(alter(path, sql));
    } else {
        const QByteArray whole = readAll(path);
        QVERIFY(writeAll(path, whole.left(keepBytes == -2 ? whole.size() / 2 : keepBytes)));
    }
    const QByteArray before = readAll(path);
    for (const auto mode :
         {CaseSchema::OpenMode::ReadOnly, CaseSchema::OpenMode::ReadWrite, CaseSchema::OpenMode::CreateOrOpen}) {
        if (keepBytes == 0 && mode == CaseSchema::OpenMode::CreateOrOpen)
            continue; // an empty file is where an import makes a new case
        const auto opened = CaseSchema::open(path, mode);
        QVERIFY2(!opened, qPrintable(QStringLiteral("mode %1 opened it").arg(static_cast<int>(mode))));
        QCOMPARE(opened.error().code, code);
        QVERIFY2(opened.error().detail.contains(reason), qPrintable(opened.error().detail));
        QCOMPARE(opened.error().path, path);
    }
    const auto info = readCaseInfo(path);
    QVERIFY(!info);
    QCOMPARE(info.error().code, code);
    QCOMPARE(readAll(path), before); // refusing never writes, so the evidence of tampering stays as it was
}

void TestUntrustedCase::untouchedCaseStillOpens()
{
    for (const auto mode : {CaseSchema::OpenMode::ReadOnly, CaseSchema::OpenMode::ReadWrite}) {
        auto db = CaseSchema::open(m_case, mode);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        QCOMPARE(db->queryInt("SELECT count(*) FROM events WHERE name IS NOT NULL"), 200);
        QCOMPARE(db->queryInt("SELECT count(*) FROM source_files"), 1);
    }
    // A second import appends: the checks allow everything Trailscope itself writes later (indexes, tables).
    const QString path = freshCase(QStringLiteral("appended"));
    const QString more = m_dir.filePath(QStringLiteral("more"));
    writeFile(more,
              trailKey(QStringLiteral("111122223333"), QStringLiteral("eu-west-1"), QStringLiteral("20260222T0000Z")),
              gzip(recordsEnvelope({makeRecord(QStringLiteral("10000000-0000-4000-8000-000000000001"),
                                               QStringLiteral("2026-02-22T00:00:00Z"))})));
    QVERIFY(importPaths(path, {more}));
    QCOMPARE(queryCount(path, "SELECT count(*) FROM events"), 201);
}

void TestUntrustedCase::connectionsRunNoCode()
{
    // Opened below the schema checks: even a connection that never looks at the schema runs none of the file's code.
    const QString path = freshCase(QStringLiteral("armed"));
    QVERIFY(alter(path, "CREATE TABLE fired(x); CREATE TRIGGER arm AFTER INSERT ON meta BEGIN INSERT INTO fired "
                        "VALUES(1); END;"));
    auto db = Sql::Database::open(path, SQLITE_OPEN_READWRITE);
    QVERIFY(db);
    QVERIFY(db->exec("INSERT INTO meta(key, value) VALUES('probe', 1)"));
    QCOMPARE(db->queryInt("SELECT count(*) FROM fired"), 0);
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    QVERIFY(!db->exec(QString("ATTACH '" + other + "' AS other").toStdString()));
    QVERIFY(!QFile::exists(other));
    QVERIFY(!db->exec("SELECT load_extension('/nonexistent/libspy.so')"));
    (void)db->exec("PRAGMA writable_schema=ON");
    // Defensive mode: the schema cannot be edited as rows.
    QVERIFY(!db->exec("UPDATE sqlite_schema SET sql = 'CREATE VIEW events AS SELECT 1' WHERE name = 'events'"));
    // Setting a tokenizer takes a pointer, which from a file would be code to jump to.
    QVERIFY(!db->exec("SELECT fts3_tokenizer('spy', x'4141414141414141')"));
}

void TestUntrustedCase::damagedPagesAreReported()
{
    // Every page after the first overwritten: the header still says SQLite and the length is right.
    const QString path = freshCase(QStringLiteral("damaged"));
    QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 2 * 16384);
    for (qsizetype at = 16384; at < bytes.size(); ++at)
        bytes[at] = static_cast<char>(0x5a ^ (at * 31));
    QVERIFY(writeAll(path, bytes));
    const auto info = readCaseInfo(path);
    QVERIFY(!info);
    QVERIFY2(info.error().code == ErrorCode::CorruptCase || info.error().code == ErrorCode::AlteredCase,
             qPrintable(info.error().toString()));
    QCOMPARE(info.error().path, path);
}

// What an import killed while it made the case left before the schema was made atomic: a SQLite database in WAL
// mode without a single table. It is no case to a reader, said so, and an import makes one in it.
void TestUntrustedCase::emptyDatabaseIsNoCaseYet()
{
    const QString path = m_dir.filePath(QStringLiteral("empty-database.tscase"));
    sqlite3* made = nullptr;
    QCOMPARE(sqlite3_open_v2(QFile::encodeName(path).constData(), &made, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_exec(made, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(made);
    QVERIFY(QFileInfo(path).size() > 0);
    auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotACase);
    QVERIFY2(db.error().detail.contains(QStringLiteral("no case was made in it yet")), qPrintable(db.error().detail));
    QVERIFY(importPaths(path, {m_dir.filePath(QStringLiteral("trail"))}));
    QCOMPARE(queryCount(path, "SELECT count(*) FROM events"), 200);
}

QTEST_GUILESS_MAIN(TestUntrustedCase)
#include "tst_untrustedcase.moc"
