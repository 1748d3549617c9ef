// core/integrity over signed trails written at test time: every kind of tampering and the exact AWS CLI wording.
#include "signedtrail.h"
#include "testsupport.h"

#include "integrity/chainvalidator.h"
#include "integrity/digestfile.h"
#include "integrity/publickeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core::Integrity;
using Trailscope::Test::SignedTrail;
using Trailscope::Test::SigningKey;

namespace {

const SigningKey& regionKey()
{
    static const SigningKey key;
    return key;
}

IntegrityReport validate(const QString& root, const PublicKeySet& keys, const SignatureMap& signatures = {})
{
    const std::atomic<bool> cancel{false};
    return validateInventory(collectTree({root}, 2, cancel), keys, signatures);
}

PublicKeySet keysOf(const std::vector<const SigningKey*>& signers, const QString& dir)
{
    PublicKeySet keys;
    const auto added = keys.addFile(SigningKey::writePublicKeys(dir + "/public-keys.json", signers));
    Q_ASSERT(added && *added == int(signers.size()));
    return keys;
}

const IntegrityEntry* entryFor(const IntegrityReport& report, const QString& s3)
{
    for (const IntegrityEntry& entry : report.entries) {
        if (entry.s3Path == s3)
            return &entry;
    }
    return nullptr;
}

QString messageFor(const IntegrityReport& report, const QString& s3)
{
    const IntegrityEntry* entry = entryFor(report, s3);
    return entry ? statusMessage(*entry) : QStringLiteral("<no entry for %1>").arg(s3);
}

// Every entry by its path and message, for comparing two runs.
QStringList lines(const IntegrityReport& report)
{
    QStringList all;
    for (const IntegrityEntry& entry : report.entries)
        all << (entry.kind == EntryKind::Gap ? entry.gapFrom + " " + entry.gapTo : entry.s3Path) + '\t' +
                   statusMessage(entry);
    return all;
}

} // namespace

class TestIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allValidWithKeys();
    void allValidWithoutKeys();
    void pemKeyMatchedByFingerprint();
    void modifiedLogFile();
    void deletedLogFile();
    void extraLogFiles();
    void movedDigest();
    void modifiedDigest();
    void deletedDigest();
    void restartAfterGap();
    void gapInsideChain();
    void digestOfInvalidFormat();
    void signatureSidecarForms();
    void keyPerRegion();
    void wrongKey();
    void keyNotFound();
    void newestWithoutSignature();
    void caseGivesTheTreesResults();
    void archiveIsValidated();
    void signingStringAsDocumented();
    void badKeyFileNamed();

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    QString freshRoot() { return m_dir.filePath(QString::number(++m_next)); }
};

void TestIntegrity::allValidWithKeys()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(report.allValid());
    QCOMPARE(report.count(EntryKind::Digest, true), 3);
    QCOMPARE(report.count(EntryKind::Digest, false), 0);
    QCOMPARE(report.count(EntryKind::Log, true), 6);
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 3);
    QCOMPARE(report.chains.size(), std::size_t(1));
    QCOMPARE(report.chains[0].trail, QStringLiteral("main-trail"));
    QCOMPARE(report.chains[0].start, QStringLiteral("2026-02-21T10:00:31Z"));
    QCOMPARE(report.chains[0].end, QStringLiteral("2026-02-21T13:00:31Z"));
    QCOMPARE(messageFor(report, trail.s3(trail.logKeys[0])), QStringLiteral("valid"));
    QVERIFY(report.notChecked.isEmpty());
    // Newest first, each digest followed by its log files, as validate-logs prints them.
    QCOMPARE(report.entries.front().s3Path, trail.s3(trail.digestKeys.last()));
    QCOMPARE(report.entries[1].s3Path, trail.s3(trail.logKeys[4]));
}

void TestIntegrity::allValidWithoutKeys()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const IntegrityReport report = validate(root, PublicKeySet());
    QVERIFY(report.allValid());
    QCOMPARE(report.count(EntryKind::Digest, true), 3);
    QCOMPARE(report.signaturesIn(SignatureState::NotChecked), 3);
    QCOMPARE(report.notChecked.size(), 1);
    QVERIFY(report.notChecked[0].contains("no public keys"));
}

void TestIntegrity::pemKeyMatchedByFingerprint()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    Trailscope::Test::writeFile(root, "key.pem", regionKey().spkiPem());
    PublicKeySet keys;
    QVERIFY(keys.addFile(root + "/key.pem").has_value());
    QCOMPARE(PublicKeySet::fingerprintOf(regionKey().pkcs1Der()), regionKey().fingerprint());
    const IntegrityReport report = validate(root, keys);
    QVERIFY(report.allValid());
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 3);
}

void TestIntegrity::modifiedLogFile()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const QString path = root + '/' + trail.logKeys[2];
    QByteArray content = Trailscope::Test::readGzip(path);
    const qsizetype at = content.indexOf("DescribeInstances");
    QVERIFY(at > 0);
    content[at] = 'd'; // one byte
    Trailscope::Test::writeGzip(path, content);
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    QCOMPARE(messageFor(report, trail.s3(trail.logKeys[2])), QStringLiteral("INVALID: hash value doesn't match"));
    QCOMPARE(entryFor(report, trail.s3(trail.logKeys[2]))->location, path);
    QCOMPARE(report.count(EntryKind::Log, true), 5);
    QCOMPARE(report.count(EntryKind::Log, false), 1);
    QCOMPARE(report.count(EntryKind::Digest, false), 0);
}

void TestIntegrity::deletedLogFile()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    QVERIFY(QFile::remove(root + '/' + trail.logKeys[0]));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    QCOMPARE(messageFor(report, trail.s3(trail.logKeys[0])), QStringLiteral("INVALID: not found"));
    QVERIFY(entryFor(report, trail.s3(trail.logKeys[0]))->location.isEmpty());
    QCOMPARE(report.count(EntryKind::Log, false), 1);
}

void TestIntegrity::extraLogFiles()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    // One delivered inside the digests' period that no digest lists, one after the newest digest's end.
    const QString inside =
        Trailscope::Test::trailKey(trail.account, trail.region, "20260221T1130Z", "InjectedInjected");
    const QString after = Trailscope::Test::trailKey(trail.account, trail.region, "20260221T1320Z", "LaterLaterLater1");
    for (const QString& key : {inside, after})
        Trailscope::Test::writeFile(
            root, key,
            Trailscope::Test::gzip(Trailscope::Test::recordsEnvelope(
                {Trailscope::Test::makeRecord("00000000-0000-4000-8000-000000000999", "2026-02-21T11:29:00Z")})));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    QCOMPARE(messageFor(report, root + '/' + inside), QStringLiteral("INVALID: not listed in any digest file"));
    QCOMPARE(entryFor(report, root + '/' + after)->status, FileStatus::NotCovered);
    QCOMPARE(report.countStatus(FileStatus::NotInAnyDigest), 1);
    QCOMPARE(report.count(EntryKind::Log, true), 6); // the listed ones are all valid
}

void TestIntegrity::movedDigest()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const QString original = root + '/' + trail.digestKeys[1];
    const QString moved = QString(original).replace("/2026/02/21/", "/2026/02/22/");
    QVERIFY(QDir().mkpath(QFileInfo(moved).path()));
    QVERIFY(QFile::rename(original, moved));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    const IntegrityEntry* entry = entryFor(report, trail.s3(trail.digestKeys[1]));
    QVERIFY(entry);
    QCOMPARE(statusMessage(*entry), QStringLiteral("INVALID: has been moved from its original location"));
    QCOMPARE(entry->location, moved);
    // The chain goes on through it: the oldest digest and every log file are still validated.
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[0])), QStringLiteral("valid"));
    QCOMPARE(report.count(EntryKind::Digest, true), 2);
    QCOMPARE(report.count(EntryKind::Log, true), 6);
}

void TestIntegrity::modifiedDigest()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const QString path = root + '/' + trail.digestKeys[1];
    QByteArray content = Trailscope::Test::readGzip(path);
    content.replace("\"oldestEventTime\":\"2026-02-21T11:", "\"oldestEventTime\":\"2026-02-21T09:");
    QVERIFY(content != Trailscope::Test::readGzip(path));
    Trailscope::Test::writeGzip(path, content);
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    const IntegrityEntry* entry = entryFor(report, trail.s3(trail.digestKeys[1]));
    QCOMPARE(statusMessage(*entry), QStringLiteral("INVALID: hash value doesn't match"));
    QCOMPARE(entry->signature, SignatureState::Failed); // its own signature breaks too
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[2])), QStringLiteral("valid"));
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[0])), QStringLiteral("valid"));
    QCOMPARE(report.count(EntryKind::Digest, false), 1);
}

void TestIntegrity::deletedDigest()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    QVERIFY(QFile::remove(root + '/' + trail.digestKeys[1]));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[1])), QStringLiteral("INVALID: not found"));
    QCOMPARE(entryFor(report, trail.s3(trail.digestKeys[1]))->kind, EntryKind::Digest);
    // The walk goes on with the next older digest, whose signature only the missing one held.
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[0])), QStringLiteral("valid"));
    QCOMPARE(entryFor(report, trail.s3(trail.digestKeys[0]))->signature, SignatureState::Missing);
    // Its two log files are in no digest now, inside the covered period.
    QCOMPARE(report.countStatus(FileStatus::NotInAnyDigest), 2);
    QCOMPARE(report.count(EntryKind::Digest, false), 1);
}

void TestIntegrity::restartAfterGap()
{
    const QString root = freshRoot();
    SignedTrail trail;
    trail.hours = {{}, {}, {2, true}, {}};
    QVERIFY(trail.write(root, regionKey()));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(report.allValid());
    QCOMPARE(report.count(EntryKind::Digest, true), 4);
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 3); // the older chain's newest has no signature at hand
    QCOMPARE(report.chains[0].restarts, 1);
    const auto gap = std::find_if(report.entries.begin(), report.entries.end(),
                                  [](const IntegrityEntry& entry) { return entry.kind == EntryKind::Gap; });
    QVERIFY(gap != report.entries.end());
    // The older chain ends at 12:00:31; logging resumed two hours later.
    QCOMPARE(gap->gapFrom, QStringLiteral("2026-02-21T12:00:31Z"));
    QCOMPARE(gap->gapTo, QStringLiteral("2026-02-21T14:00:31Z"));
}

void TestIntegrity::gapInsideChain()
{
    const QString root = freshRoot();
    SignedTrail trail;
    trail.hours = {{}, {2, false, 3}, {}};
    QVERIFY(trail.write(root, regionKey()));
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(report.allValid()); // every digest and signature holds: the period between is only uncovered
    QCOMPARE(report.chains[0].gaps, 1);
    QCOMPARE(report.chains[0].restarts, 0);
    const auto gap = std::find_if(report.entries.begin(), report.entries.end(),
                                  [](const IntegrityEntry& entry) { return entry.kind == EntryKind::Gap; });
    QVERIFY(gap != report.entries.end());
    QCOMPARE(gap->gapFrom, QStringLiteral("2026-02-21T11:00:31Z"));
    QCOMPARE(gap->gapTo, QStringLiteral("2026-02-21T14:00:31Z"));
}

void TestIntegrity::digestOfInvalidFormat()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    Trailscope::Test::writeGzip(root + '/' + trail.digestKeys[1], "{\"awsAccountId\": \"111122223333\"");
    const IntegrityReport report = validate(root, keysOf({&regionKey()}, root));
    QVERIFY(!report.allValid());
    const IntegrityEntry* entry = entryFor(report, root + '/' + trail.digestKeys[1]);
    QVERIFY(entry);
    QCOMPARE(statusMessage(*entry), QStringLiteral("INVALID: invalid format"));
    // The newest still verifies; the oldest is reached as the next older digest, its signature out of reach.
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[2])), QStringLiteral("valid"));
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[0])), QStringLiteral("valid"));
    QCOMPARE(report.count(EntryKind::Digest, false), 1);
}

void TestIntegrity::signatureSidecarForms()
{
    const QString root = freshRoot();
    const QString hex = Trailscope::Test::writeFile(root, "a.sig", " 0a1B2c\n");
    const QString headObject = Trailscope::Test::writeFile(
        root, "b.json",
        R"({"ContentType": "application/json", "Metadata": {"signature": "99aa", "signature-algorithm": "SHA256withRSA"}})");
    const QString notASignature = Trailscope::Test::writeFile(root, "c.sig", "hello");
    QCOMPARE(readSignatureFile(hex).value_or("-"), QStringLiteral("0a1b2c"));
    QCOMPARE(readSignatureFile(headObject).value_or("-"), QStringLiteral("99aa"));
    const auto bad = readSignatureFile(notASignature);
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().path, notASignature);
}

void TestIntegrity::keyPerRegion()
{
    const QString root = freshRoot();
    const SigningKey euKey;
    SignedTrail east, west;
    west.region = QStringLiteral("eu-west-1");
    QVERIFY(east.write(root, regionKey()));
    QVERIFY(west.write(root, euKey));
    const IntegrityReport report = validate(root, keysOf({&regionKey(), &euKey}, root));
    QVERIFY(report.allValid());
    QCOMPARE(report.chains.size(), std::size_t(2));
    QCOMPARE(report.chains[0].region, QStringLiteral("eu-west-1"));
    QCOMPARE(report.chains[1].region, QStringLiteral("us-east-1"));
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 6);
    // Without eu-west-1's key its digests are invalid in its name, us-east-1's still verify.
    const IntegrityReport eastOnly = validate(root, keysOf({&regionKey()}, root));
    QCOMPARE(messageFor(eastOnly, west.s3(west.digestKeys[0])),
             "INVALID: public key not found in region eu-west-1 for fingerprint " + euKey.fingerprint());
    QCOMPARE(eastOnly.countStatus(FileStatus::KeyNotFound), 3);
    QCOMPARE(eastOnly.signaturesIn(SignatureState::Verified), 3);
}

void TestIntegrity::wrongKey()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const SigningKey other;
    PublicKeySet keys;
    keys.addDer(regionKey().fingerprint(), other.pkcs1Der()); // the right fingerprint, another key
    const IntegrityReport report = validate(root, keys);
    QVERIFY(!report.allValid());
    QCOMPARE(report.countStatus(FileStatus::SignatureFailed), 3);
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[0])),
             QStringLiteral("INVALID: signature verification failed"));
    QCOMPARE(report.count(EntryKind::Log, true), 6);
}

void TestIntegrity::keyNotFound()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const SigningKey other;
    const IntegrityReport report = validate(root, keysOf({&other}, root));
    QVERIFY(!report.allValid());
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[2])),
             "INVALID: public key not found in region us-east-1 for fingerprint " + regionKey().fingerprint());
}

void TestIntegrity::newestWithoutSignature()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    QVERIFY(QFile::remove(root + '/' + trail.digestKeys.last() + ".sig"));
    const PublicKeySet keys = keysOf({&regionKey()}, root);
    IntegrityReport report = validate(root, keys);
    QVERIFY(report.allValid());
    QCOMPARE(entryFor(report, trail.s3(trail.digestKeys[2]))->signature, SignatureState::Missing);
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 2);
    QCOMPARE(report.notChecked.size(), 1);
    QVERIFY(report.notChecked[0].contains("x-amz-meta-signature"));
    // Given apart, by the digest's name.
    const QString name = trail.digestKeys[2].section('/', -1);
    report = validate(root, keys, {{name, trail.digestSignatures[2]}});
    QCOMPARE(report.signaturesIn(SignatureState::Verified), 3);
    // A wrong one fails.
    report = validate(root, keys, {{name, trail.digestSignatures[1]}});
    QCOMPARE(messageFor(report, trail.s3(trail.digestKeys[2])),
             QStringLiteral("INVALID: signature verification failed"));
}

void TestIntegrity::caseGivesTheTreesResults()
{
    const QString root = freshRoot();
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    const QString modified = root + '/' + trail.logKeys[3];
    QByteArray content = Trailscope::Test::readGzip(modified);
    content.replace("DescribeInstances", "DescribeInstancez");
    Trailscope::Test::writeGzip(modified, content);
    QVERIFY(QFile::remove(root + '/' + trail.logKeys[5]));
    const QString digest = root + '/' + trail.digestKeys[1];
    const QString moved = QString(digest).replace("/2026/02/21/", "/2026/02/20/");
    QVERIFY(QDir().mkpath(QFileInfo(moved).path()) && QFile::rename(digest, moved));
    const QString casePath = m_dir.filePath("tampered.tscase");
    QVERIFY(Trailscope::Test::importPaths(casePath, {root}).has_value());
    const PublicKeySet keys = keysOf({&regionKey()}, root);
    const SignatureMap signatures{{trail.digestKeys[2].section('/', -1), trail.digestSignatures[2]}};
    const IntegrityReport fromTree = validate(root, keys);
    const auto inventory = collectCase(casePath);
    QVERIFY(inventory.has_value());
    QVERIFY(inventory->fromCase);
    const IntegrityReport fromCase = validateInventory(*inventory, keys, signatures);
    QCOMPARE(lines(fromCase), lines(fromTree));
    QVERIFY(fromCase.fromCase);
    QCOMPARE(fromCase.signaturesIn(SignatureState::Verified), 3);
    QCOMPARE(messageFor(fromCase, trail.s3(trail.logKeys[3])), QStringLiteral("INVALID: hash value doesn't match"));
    QCOMPARE(messageFor(fromCase, trail.s3(trail.logKeys[5])), QStringLiteral("INVALID: not found"));
    // Where the moved digest lies is the path the import stored.
    QCOMPARE(messageFor(fromCase, trail.s3(trail.digestKeys[1])),
             QStringLiteral("INVALID: has been moved from its original location"));
    QCOMPARE(entryFor(fromCase, trail.s3(trail.digestKeys[1]))->location, moved);
    QCOMPARE(fromCase.count(EntryKind::Log, true), 4);
}

void TestIntegrity::archiveIsValidated()
{
    const QString parent = freshRoot();
    const QString root = parent + "/tree";
    SignedTrail trail;
    QVERIFY(trail.write(root, regionKey()));
    Trailscope::Test::Members members;
    for (const QString& key : trail.logKeys + trail.digestKeys) {
        QFile file(root + '/' + key);
        QVERIFY(file.open(QIODevice::ReadOnly));
        members.emplace_back("bucket/" + key, file.readAll());
    }
    const QString archive =
        Trailscope::Test::writeFile(parent, "download.tar.gz", Trailscope::Test::makeTarGz(members));
    const IntegrityReport report = validate(archive, PublicKeySet());
    QVERIFY(report.allValid());
    QCOMPARE(report.count(EntryKind::Digest, true), 3);
    QCOMPARE(report.count(EntryKind::Log, true), 6);
    QCOMPARE(entryFor(report, trail.s3(trail.logKeys[0]))->location, archive + "!bucket/" + trail.logKeys[0]);
    // The tree beside its own archive: every file twice, each copy checked, none extra.
    const IntegrityReport both = validate(parent, PublicKeySet());
    QVERIFY(both.allValid());
    QCOMPARE(both.count(EntryKind::Log, true), 6);
    QCOMPARE(both.countStatus(FileStatus::NotInAnyDigest), 0);
    // A copy that differs is found whichever copy comes first.
    QByteArray content = Trailscope::Test::readGzip(root + '/' + trail.logKeys[0]);
    content.replace("DescribeInstances", "DescribeInstancez");
    Trailscope::Test::writeGzip(root + '/' + trail.logKeys[0], content);
    const IntegrityReport differing = validate(parent, PublicKeySet());
    QCOMPARE(messageFor(differing, trail.s3(trail.logKeys[0])), QStringLiteral("INVALID: hash value doesn't match"));
    QCOMPARE(entryFor(differing, trail.s3(trail.logKeys[0]))->location, root + '/' + trail.logKeys[0]);
}

void TestIntegrity::signingStringAsDocumented()
{
    DigestFile digest;
    digest.digestEndTime = "2015-08-17T15:01:31Z";
    digest.digestS3Bucket = "S3-bucket-name";
    digest.digestS3Object = "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/x.json.gz";
    QCOMPARE(signingString(digest, "abc"),
             QByteArray("2015-08-17T15:01:31Z\nS3-bucket-name/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/"
                        "x.json.gz\nabc\nnull"));
    digest.previousSignature = "50887ccf";
    QVERIFY(signingString(digest, "abc").endsWith("\nabc\n50887ccf"));
    const auto name =
        parseDigestName("111122223333_CloudTrail-Digest_us-east-2_my_trail_us-west-2_20150817T150131Z.json.gz");
    QVERIFY(name.has_value());
    QCOMPARE(name->trail, QStringLiteral("my_trail"));
    QCOMPARE(name->region, QStringLiteral("us-east-2"));
    QCOMPARE(name->homeRegion, QStringLiteral("us-west-2"));
}

void TestIntegrity::badKeyFileNamed()
{
    const QString root = freshRoot();
    const QString path = Trailscope::Test::writeFile(root, "keys.json", "{\"Keys\": []}");
    PublicKeySet keys;
    const auto added = keys.addFile(path);
    QVERIFY(!added.has_value());
    QCOMPARE(added.error().path, path);
    QVERIFY(added.error().detail.contains("PublicKeyList"));
    const auto missing = keys.addFile(root + "/absent.pem");
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().path, root + "/absent.pem");
}

QTEST_GUILESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
