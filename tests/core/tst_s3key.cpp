#include "record/s3key.h"

#include <QTest>

using namespace Trailscope::Core;

Q_DECLARE_METATYPE(S3Key::Folder)

class TestS3Key : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<S3Key::Folder>("folder");
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("region");
        QTest::addColumn<qint64>("delivered"); // -1 = none
        QTest::addColumn<bool>("dayOnly");
        QTest::newRow("plain trail") << "bucket/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                                        "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"
                                     << S3Key::Folder::CloudTrail << ""
                                     << "111122223333"
                                     << "us-east-2" << qint64(1438395000000) << false;
        QTest::newRow("org trail with prefix")
            << "/data/o-fxozgwu6rc/AWSLogs/o-fxozgwu6rc/123456789015/CloudTrail-Insight/ca-central-1/2020/09/23/"
               "123456789015_CloudTrail-Insight_ca-central-1_20200923T0516Z_KL5e9VCV2SS7IqzB.json.gz"
            << S3Key::Folder::Insight << "o-fxozgwu6rc"
            << "123456789015"
            << "ca-central-1" << qint64(1600838160000) << false;
        QTest::newRow("digest with seconds")
            << "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/"
               "111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz"
            << S3Key::Folder::Digest << ""
            << "111122223333"
            << "us-east-2" << qint64(1439823691000) << false;
        QTest::newRow("renamed file keeps the day")
            << "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/02/21/copy.json.gz" << S3Key::Folder::CloudTrail << ""
            << "111122223333"
            << "eu-west-1" << qint64(1771632000000) << true;
        QTest::newRow("unknown sibling folder")
            << "AWSLogs/111122223333/CloudTrail-Aggregated/us-east-1/2026/02/21/x.json.gz" << S3Key::Folder::Other << ""
            << "111122223333"
            << "us-east-1" << qint64(1771632000000) << true;
        QTest::newRow("not a key") << "/home/me/export.json" << S3Key::Folder::None << ""
                                   << ""
                                   << "" << qint64(-1) << false;
        QTest::newRow("windows separators")
            << "C:\\logs\\AWSLogs\\111122223333\\CloudTrail\\us-east-1\\2026\\02\\21\\"
               "111122223333_CloudTrail_us-east-1_20260221T1805Z_AbCdEfGhIjKlMnOp.json.gz"
            << S3Key::Folder::CloudTrail << ""
            << "111122223333"
            << "us-east-1" << qint64(1771697100000) << false;
    }

    void parse()
    {
        QFETCH(QString, path);
        QFETCH(S3Key::Folder, folder);
        QFETCH(QString, organization);
        QFETCH(QString, account);
        QFETCH(QString, region);
        QFETCH(qint64, delivered);
        QFETCH(bool, dayOnly);
        const S3Key key = parseS3Key(path.toStdString());
        QCOMPARE(key.folder, folder);
        QCOMPARE(QString::fromStdString(key.organizationId), organization);
        QCOMPARE(QString::fromStdString(key.accountId), account);
        QCOMPARE(QString::fromStdString(key.region), region);
        QCOMPARE(key.delivered.value_or(-1), delivered);
        QCOMPARE(key.deliveredDayOnly, dayOnly);
    }

    void trailFileName()
    {
        QVERIFY(
            looksLikeTrailFileName("dir/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"));
        QVERIFY(!looksLikeTrailFileName("event_history.json"));
        QVERIFY(!looksLikeTrailFileName("11112222333_CloudTrail_us-east-2.json"));
    }
};

QTEST_GUILESS_MAIN(TestS3Key)
#include "tst_s3key.moc"
