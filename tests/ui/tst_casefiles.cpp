// Where the window puts a new case for what it is asked to import: beside the source, named after it, for every
// form of path a shell or a drop hands over.
#include "window/casefiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Ui;

class TestCaseFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newCaseIsBesideTheSource_data()
    {
        QTest::addColumn<QString>("workingFolder"); // relative to the temporary root
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected"); // relative to the root
        QTest::newRow("bare name") << "logs"
                                   << "trail.json"
                                   << "logs/trail.tscase";
        QTest::newRow("dot slash") << "logs"
                                   << "./trail.json.gz"
                                   << "logs/trail.tscase";
        QTest::newRow("dot dot") << "logs/sub"
                                 << "../archive.tar.gz"
                                 << "logs/archive.tscase";
        QTest::newRow("folder with a trailing slash") << ""
                                                      << "logs/"
                                                      << "logs.tscase";
        QTest::newRow("dot as the folder") << "logs"
                                           << "."
                                           << "logs.tscase";
        QTest::newRow("absolute") << ""
                                  << "@/logs/trail.json"
                                  << "logs/trail.tscase";
        QTest::newRow("taken names get a number") << "logs"
                                                  << "taken.json"
                                                  << "logs/taken-2.tscase";
    }

    void newCaseIsBesideTheSource()
    {
        QFETCH(QString, workingFolder);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("logs/sub"))));
        QFile taken(root.filePath(QStringLiteral("logs/taken.tscase")));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(root.filePath(workingFolder)));
        source.replace(QLatin1String("@"), root.path());
        const QString created = CaseFiles::newCaseFor({source});
        QDir::setCurrent(previous);
        QCOMPARE(created, QDir::cleanPath(root.filePath(expected)));
    }
};

QTEST_GUILESS_MAIN(TestCaseFiles)
#include "tst_casefiles.moc"
