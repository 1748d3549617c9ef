#include "browser/colourrulesdialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Trailscope::Ui;

class TestColourRulesDialog : public QObject
{
    Q_OBJECT

private:
    static QPushButton* okButton(ColourRulesDialog& dialog)
    {
        return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    static QPushButton* button(ColourRulesDialog& dialog, const QString& text)
    {
        for (QPushButton* candidate : dialog.findChildren<QPushButton*>())
            if (candidate->text() == text)
                return candidate;
        return nullptr;
    }

private Q_SLOTS:
    void rulesRoundTripThroughTheTable()
    {
        const QList<ColourRule> rules{{"a", "eventName:A", QColor(1, 2, 3), true},
                                      {"b", "errorCode:*", QColor(4, 5, 6), false}};
        ColourRulesDialog dialog(rules);
        QCOMPARE(dialog.rules(), rules);
        QVERIFY(dialog.isValid());
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void anInvalidExpressionBlocksOk()
    {
        ColourRulesDialog dialog(ColourRules::defaults());
        dialog.table()->item(1, 2)->setText("eventName:(");
        QVERIFY(!dialog.isValid());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!dialog.table()->item(1, 2)->toolTip().isEmpty());
        dialog.table()->item(1, 2)->setText("eventName:Fixed");
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void rowsMoveUpAndDownAndDefaultsComeBack()
    {
        ColourRulesDialog dialog(ColourRules::defaults());
        dialog.table()->selectRow(2);
        dialog.table()->setCurrentCell(2, 1);
        QTest::mouseClick(button(dialog, "Up"), Qt::LeftButton);
        QCOMPARE(dialog.rules().at(1), ColourRules::defaults().at(2));
        QCOMPARE(dialog.rules().at(2), ColourRules::defaults().at(1));
        dialog.table()->setCurrentCell(0, 1);
        QTest::mouseClick(button(dialog, "Remove"), Qt::LeftButton);
        QCOMPARE(dialog.rules().size(), 2);
        QTest::mouseClick(button(dialog, "Restore Defaults"), Qt::LeftButton);
        QCOMPARE(dialog.rules(), ColourRules::defaults());
    }

    void okSendsTheEditedRules()
    {
        ColourRulesDialog dialog(ColourRules::defaults());
        QSignalSpy accepted(&dialog, &ColourRulesDialog::rulesAccepted);
        dialog.table()->item(0, 0)->setCheckState(Qt::Unchecked);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        const auto rules = accepted.first().first().value<QList<ColourRule>>();
        QCOMPARE(rules.size(), ColourRules::defaults().size());
        QVERIFY(!rules.first().enabled);
        QCOMPARE(ColourRules::enabledExpressions(rules),
                 QStringList({ColourRules::defaults().at(1).expression, ColourRules::defaults().at(2).expression}));
    }
};

QTEST_MAIN(TestColourRulesDialog)
#include "tst_colourrulesdialog.moc"
