#include "browser/facetpane.h"

#include "query/fieldtable.h"
#include "query/searchparser.h"

#include <QTest>
#include <QTreeWidget>

using namespace Trailscope;
using namespace Trailscope::Ui;
using Core::Query::FacetValue;

class TestFacetPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void termsQuoteEverythingLiterally_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("absent");
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<QString>("term");
        QTest::newRow("plain") << "GetObject" << false << false << "eventName:\"GetObject\"";
        QTest::newRow("excluded") << "GetObject" << false << true << "-eventName:\"GetObject\"";
        // A star in a value is a literal star, not a wildcard; quotes and backslashes are escaped.
        QTest::newRow("star") << "Get*" << false << false << "eventName:\"Get\\*\"";
        QTest::newRow("quote and backslash") << "a\"b\\c" << false << false << "eventName:\"a\\\"b\\\\c\"";
        QTest::newRow("absent, filtered in") << "" << true << false << "-eventName:*";
        QTest::newRow("absent, excluded") << "" << true << true << "eventName:*";
    }

    void termsQuoteEverythingLiterally()
    {
        QFETCH(QString, value);
        QFETCH(bool, absent);
        QFETCH(bool, exclude);
        QFETCH(QString, term);
        FacetValue facetValue;
        facetValue.value = value;
        facetValue.absent = absent;
        const QString made = FacetPane::termFor(*Core::Query::findField(u"eventName"), facetValue, exclude);
        QCOMPARE(made, term);
        QVERIFY(Core::Query::parseSearch(made).has_value());
    }

    void valuesShowWithCountsAndClicksEmitTerms()
    {
        FacetPane pane;
        Core::Query::Facet facet;
        facet.field = Core::Query::findField(u"region");
        facet.distinct = 2;
        facet.top = {FacetValue{"us-east-1", false, 7}, FacetValue{{}, true, 2}};
        pane.setFacets({facet});
        QTreeWidget* tree = pane.tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QString("7"));
        QStringList emitted;
        connect(&pane, &FacetPane::termActivated, this, [&emitted](const QString& term) { emitted << term; });
        pane.resize(300, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(tree->topLevelItem(0)->child(0)).center());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          tree->visualItemRect(tree->topLevelItem(0)->child(1)).center());
        QCOMPARE(emitted, QStringList({"region:\"us-east-1\"", "region:*"}));
    }
};

QTEST_MAIN(TestFacetPane)
#include "tst_facetpane.moc"
