// Core errors reach the window as codes and are worded there: every code has a reason of its own, the place and
// the core's detail are kept, and under the German translation the reason is German while the detail stays as the
// core wrote it.
#include "common/errortext.h"

#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace Trailscope;
using Trailscope::Core::ErrorCode;
using Trailscope::Ui::ErrorText;

Q_DECLARE_METATYPE(Trailscope::Core::Error)

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeHasAReasonOfItsOwn()
    {
        QSet<QString> reasons;
        const int last = static_cast<int>(ErrorCode::QueryFailed);
        for (int code = 0; code <= last; ++code) {
            const QString reason = ErrorText::reason(static_cast<ErrorCode>(code));
            QVERIFY2(reason != ErrorText::reason(static_cast<ErrorCode>(last + 1)),
                     qPrintable(Core::errorCodeName(static_cast<ErrorCode>(code))));
            reasons.insert(reason);
        }
        QCOMPARE(reasons.size(), last + 1);
    }

    void thePlaceTheReasonAndTheDetail_data()
    {
        QTest::addColumn<Core::Error>("error");
        QTest::addColumn<QString>("expected");
        QTest::newRow("record in an archive member")
            << Core::Error(ErrorCode::InvalidJson, "missing ':' after a key", "/cases/t.zip", "a/b.json", 3, 7)
            << "/cases/t.zip!a/b.json record 3 (line 7): Not valid JSON (missing ':' after a key)";
        QTest::newRow("whole file") << Core::Error(ErrorCode::NotACase, "header", "/x.tscase")
                                    << "/x.tscase: Not a Trailscope case (header)";
        QTest::newRow("no place, no detail") << Core::Error(ErrorCode::Cancelled, {}) << "Cancelled";
        Core::Error query(ErrorCode::QuerySyntax, "expected FROM");
        query.line = 2;
        query.column = 5;
        QTest::newRow("query position") << query << "(line 2, column 5): Syntax error (expected FROM)";
    }

    void thePlaceTheReasonAndTheDetail()
    {
        QFETCH(Core::Error, error);
        QFETCH(QString, expected);
        QCOMPARE(ErrorText::describe(error), expected);
    }

    void theReasonIsTranslatedAndTheDetailIsNot()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(TRAILSCOPE_BINARY_DIR "/translations/trailscope_de.qm")));
        QCoreApplication::installTranslator(&german);
        const Core::Error error(ErrorCode::CorruptGzip, "invalid block type", "/logs/a.json.gz", {}, 12);
        const QString text = ErrorText::describe(error);
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(text, QString("/logs/a.json.gz Eintrag 12: Die gzip-Datei ist beschädigt (invalid block type)"));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
