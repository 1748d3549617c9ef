// Compare: one row per path over all events, exactly the differing paths highlighted, "only differences" hides the
// rest, and no more than five events.
#include "browser/comparedialog.h"
#include "browser/comparemodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QTableView>
#include <QTest>

using namespace Trailscope::Ui;

namespace {

using Events = QList<std::pair<QString, QByteArray>>;

const QByteArray First = "{\"eventName\":\"RunInstances\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":"
                         "\"alice\"},\"requestParameters\":{\"instanceType\":\"t3.micro\",\"count\":1},"
                         "\"readOnly\":false,\"tags\":[]}";
// Different user name and instance type, an extra request parameter, a string "1" for the number 1, no tags.
const QByteArray Second = "{\"eventName\":\"RunInstances\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":"
                          "\"bob\"},\"requestParameters\":{\"instanceType\":\"g5.12xlarge\",\"dryRun\":true,"
                          "\"count\":\"1\"},\"readOnly\":false}";

QStringList differing(const CompareModel& model)
{
    QStringList paths;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(CompareModel::DifferentRole).toBool())
            paths << index.data(CompareModel::PathRole).toString();
    }
    return paths;
}

} // namespace

class TestCompareDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAreTheUnionInRecordOrder()
    {
        CompareModel model(Events{{"first", First}, {"second", Second}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QString("first"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QString("second"));
        // dryRun, new in the second event, sits after the path that precedes it there.
        QCOMPARE(model.shownPaths(), (QStringList{"eventName", "userIdentity.type", "userIdentity.userName",
                                                  "requestParameters.instanceType", "requestParameters.dryRun",
                                                  "requestParameters.count", "readOnly", "tags"}));
        const int dryRun = int(model.shownPaths().indexOf("requestParameters.dryRun"));
        QCOMPARE(model.index(dryRun, 1).data().toString(), QString("\u2014"));
        QCOMPARE(model.index(dryRun, 1).data(Qt::ToolTipRole).toString(), QString("Not in this event"));
        QCOMPARE(model.index(dryRun, 2).data().toString(), QString("true"));
        QCOMPARE(model.index(int(model.shownPaths().indexOf("tags")), 1).data().toString(), QString("[]"));
    }

    void exactlyTheDifferingPathsAreHighlighted()
    {
        CompareModel model(Events{{"first", First}, {"second", Second}});
        const QStringList expected{"userIdentity.userName", "requestParameters.instanceType",
                                   "requestParameters.dryRun", "requestParameters.count", "tags"};
        QCOMPARE(differing(model), expected);
        QCOMPARE(model.differenceCount(), 5);
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool different = expected.contains(model.shownPaths()[row]);
            for (int column = 0; column < model.columnCount(); ++column)
                QCOMPARE(model.index(row, column).data(Qt::BackgroundRole).isValid(), different);
        }
    }

    void onlyDifferences()
    {
        CompareDialog dialog(Events{{"first", First}, {"second", Second}});
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog.model()->rowCount(), 8);
        dialog.onlyDifferencesBox()->setChecked(true);
        QCOMPARE(dialog.model()->shownPaths(), differing(*dialog.model()));
        QCOMPARE(dialog.model()->rowCount(), 5);
        QCOMPARE(dialog.view()->model()->rowCount(), 5);
        for (int row = 0; row < dialog.model()->rowCount(); ++row)
            QVERIFY(dialog.model()->index(row, 1).data(CompareModel::DifferentRole).toBool());
        dialog.onlyDifferencesBox()->setChecked(false);
        QCOMPARE(dialog.model()->rowCount(), 8);
    }

    void identicalEventsDoNotDiffer()
    {
        CompareModel model(Events{{"a", First}, {"b", First}, {"c", First}});
        QCOMPARE(model.differenceCount(), 0);
        model.setOnlyDifferences(true);
        QCOMPARE(model.rowCount(), 0);
    }

    void atMostFiveEvents()
    {
        Events events;
        for (int i = 0; i < 5; ++i)
            events.append({QString::number(i), First});
        events.last().second = Second;
        CompareModel model(events);
        QCOMPARE(model.eventCount(), 5);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.differenceCount(), 5);
    }

    void recordThatIsNotJson()
    {
        CompareModel model(Events{{"good", First}, {"bad", "{\"eventName\":"}});
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QString("bad (not JSON)"));
        // Every path of the good record is missing from the bad one.
        QCOMPARE(model.differenceCount(), model.pathCount());
    }
};

QTEST_MAIN(TestCompareDialog)
#include "tst_comparedialog.moc"
