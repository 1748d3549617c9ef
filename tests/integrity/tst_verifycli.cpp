// `trailscope-cli verify` as an analyst runs it: exit codes, the AWS CLI's lines, the JSON shape, and errors that
// name the file.
#include "clitest.h"
#include "signedtrail.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;

class TestVerifyCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validTreeExitsZero();
    void tamperedTreeExitsFive();
    void jsonShape();
    void caseExitsFiveWithoutOriginals();
    void withoutKeysSaysSo();
    void errorsNameTheFile();

private:
    QTemporaryDir m_dir;
    SigningKey m_key;
    SignedTrail m_trail;
    QString m_valid, m_tampered, m_keys;
};

void TestVerifyCli::initTestCase()
{
    m_valid = m_dir.filePath("valid");
    m_tampered = m_dir.filePath("tampered");
    QVERIFY(m_trail.write(m_valid, m_key));
    SignedTrail copy;
    QVERIFY(copy.write(m_tampered, m_key));
    const QString log = m_tampered + '/' + copy.logKeys[1];
    QByteArray content = readGzip(log);
    content.replace("DescribeInstances", "DescribeInstancez");
    writeGzip(log, content);
    m_keys = SigningKey::writePublicKeys(m_dir.filePath("public-keys.json"), {&m_key});
}

void TestVerifyCli::validTreeExitsZero()
{
    const CliRun run = runCli({"verify", m_valid, "--public-keys", m_keys, "--verbose"});
    COMPARE_EXIT(run, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains("\n3/3 digest files valid\n6/6 log files valid\n"), run.out.constData());
    QVERIFY(out.contains("3/3 digest signatures verified"));
    QVERIFY(out.contains("Digest file\t" + m_trail.s3(m_trail.digestKeys[2]) + "\tvalid\n"));
    QVERIFY(out.contains("Log file\t" + m_trail.s3(m_trail.logKeys[0]) + "\tvalid\n"));
    QVERIFY(out.contains("Results found for 2026-02-21T10:00:31Z to 2026-02-21T13:00:31Z:"));
}

void TestVerifyCli::tamperedTreeExitsFive()
{
    const CliRun run = runCli({"verify", m_tampered, "--public-keys", m_keys});
    COMPARE_EXIT(run, 5);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains("Log file\t" + m_trail.s3(m_trail.logKeys[1]) + "\tINVALID: hash value doesn't match\n"),
             run.out.constData());
    QVERIFY(out.contains("5/6 log files valid, 1/6 log files INVALID"));
    QVERIFY(!out.contains("\tvalid\n")); // valid files only with --verbose
}

void TestVerifyCli::jsonShape()
{
    const CliRun run = runCli({"verify", m_tampered, "--public-keys", m_keys, "--format", "json"});
    COMPARE_EXIT(run, 5);
    PARSE_JSON(run, root);
    QCOMPARE(root["valid"].toBool(true), false);
    QCOMPARE(root["fromCase"].toBool(true), false);
    QCOMPARE(root["keysSupplied"].toBool(), true);
    const QJsonObject summary = root["summary"].toObject();
    QCOMPARE(summary["digestFiles"]["valid"].toInt(), 3);
    QCOMPARE(summary["digestFiles"]["invalid"].toInt(), 0);
    QCOMPARE(summary["logFiles"]["valid"].toInt(), 5);
    QCOMPARE(summary["logFiles"]["invalid"].toInt(), 1);
    QCOMPARE(summary["signaturesVerified"].toInt(), 3);
    const QJsonArray chains = root["chains"].toArray();
    QCOMPARE(chains.size(), 1);
    QCOMPARE(chains[0]["trail"].toString(), QStringLiteral("main-trail"));
    QCOMPARE(chains[0]["digests"].toInt(), 3);
    const QJsonArray files = root["files"].toArray();
    QCOMPARE(files.size(), 9);
    int invalid = 0;
    for (const QJsonValue& file : files) {
        if (file["valid"].toBool())
            continue;
        ++invalid;
        QCOMPARE(file["kind"].toString(), QStringLiteral("log"));
        QCOMPARE(file["s3"].toString(), m_trail.s3(m_trail.logKeys[1]));
        QCOMPARE(file["message"].toString(), QStringLiteral("INVALID: hash value doesn't match"));
        QCOMPARE(file["location"].toString(), m_tampered + '/' + m_trail.logKeys[1]);
    }
    QCOMPARE(invalid, 1);
    QCOMPARE(files[0]["signature"].toString(), QStringLiteral("verified"));
}

void TestVerifyCli::caseExitsFiveWithoutOriginals()
{
    const QString casePath = m_dir.filePath("tampered.tscase");
    COMPARE_EXIT(runCli({"import", casePath, m_tampered}), 0);
    // Moved away: the case alone must do.
    QVERIFY(QFile::rename(m_tampered, m_dir.filePath("elsewhere")));
    const QString signature = m_dir.filePath(m_trail.digestKeys[2].section('/', -1) + ".sig");
    QVERIFY(QFile::copy(m_dir.filePath("elsewhere/" + m_trail.digestKeys[2] + ".sig"), signature));
    const CliRun run = runCli({"verify", casePath, "--public-keys", m_keys, "--signature", signature});
    QVERIFY(QFile::rename(m_dir.filePath("elsewhere"), m_tampered));
    COMPARE_EXIT(run, 5);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains("Log file\t" + m_trail.s3(m_trail.logKeys[1]) + "\tINVALID: hash value doesn't match\n"),
             run.out.constData());
    QVERIFY(out.contains("no original file was read"));
    QVERIFY(out.contains("3/3 digest signatures verified"));
    COMPARE_EXIT(runCli({"verify", m_dir.filePath("valid.tscase")}), 1); // no such case or path
}

void TestVerifyCli::withoutKeysSaysSo()
{
    const CliRun run = runCli({"verify", m_valid});
    COMPARE_EXIT(run, 0);
    QVERIFY2(run.out.contains("Signatures not verified: no public keys were given"), run.out.constData());
}

void TestVerifyCli::errorsNameTheFile()
{
    const QString bad =
        writeFile(m_dir.path(), "bad-key.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    CliRun run = runCli({"verify", m_valid, "--public-keys", bad});
    COMPARE_EXIT(run, 1);
    QVERIFY2(run.err.contains(bad.toUtf8()) && run.err.contains("not an RSA public key"), run.err.constData());
    run = runCli({"verify", m_dir.filePath("absent")});
    COMPARE_EXIT(run, 1);
    QVERIFY2(run.err.contains("absent: no such file or folder"), run.err.constData());
    run = runCli({"verify", m_valid, "--format", "xml"});
    COMPARE_EXIT(run, 2);
}

QTEST_GUILESS_MAIN(TestVerifyCli)
#include "tst_verifycli.moc"
