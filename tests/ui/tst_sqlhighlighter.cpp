// The SQL editor's highlighter: each token kind gets its format, comments and strings carry across lines, fields
// include nested paths and the case's key paths, and the colours follow a dark palette.
#include "sql/sqlhighlighter.h"

#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Trailscope::Ui;
using Token = SqlHighlighter::Token;

Q_DECLARE_METATYPE(SqlHighlighter::Token)

namespace {

// The foreground of the character at `offset` of the document, or an invalid colour when it has no format.
QColor colourAt(QTextDocument& document, int offset)
{
    const QTextBlock block = document.findBlock(offset);
    const int inBlock = offset - block.position();
    for (const QTextLayout::FormatRange& range : block.layout()->formats())
        if (inBlock >= range.start && inBlock < range.start + range.length)
            return range.format.foreground().color();
    return {};
}

} // namespace

class TestSqlHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word"); // the first occurrence is checked
        QTest::addColumn<int>("token");    // -1: no format
        const QString query = "SELECT count(*), eventName, userIdentity.sessionContext.sessionIssuer.arn AS issuer\n"
                              "FROM cloudtrail_logs -- who did it\n"
                              "WHERE eventTime > '2026-02-21 23:00:00' AND errorCode IN ('a') /* block */ LIMIT 100";
        QTest::newRow("keyword") << query << "SELECT" << int(Token::Keyword);
        QTest::newRow("keyword IN before a parenthesis") << query << "IN" << int(Token::Keyword);
        QTest::newRow("function") << query << "count" << int(Token::Function);
        QTest::newRow("field") << query << "eventName" << int(Token::Field);
        QTest::newRow("nested field") << query << "sessionIssuer" << int(Token::Field);
        QTest::newRow("string") << query << "23:00" << int(Token::String);
        QTest::newRow("number") << query << "100" << int(Token::Number);
        QTest::newRow("line comment") << query << "who did" << int(Token::Comment);
        QTest::newRow("block comment") << query << "block" << int(Token::Comment);
        QTest::newRow("alias is plain") << query << "issuer" << -1;
        QTest::newRow("table is plain") << query << "cloudtrail_logs" << -1;
        QTest::newRow("unknown function call") << "SELECT my_udf(1)"
                                               << "my_udf" << int(Token::Function);
        QTest::newRow("keyword any case") << "select 1 from t"
                                          << "from" << int(Token::Keyword);
        QTest::newRow("decimal with exponent") << "SELECT 1.5e3"
                                               << "1.5e3" << int(Token::Number);
        QTest::newRow("quote escaped in string") << "SELECT 'it''s', x"
                                                 << "s'" << int(Token::String);
        QTest::newRow("identifier with digits is not a number") << "SELECT a1 FROM t"
                                                                << "1" << -1;
        QTest::newRow("subscripted path") << "SELECT resources[1].arn FROM t"
                                          << "arn" << int(Token::Field);
    }

    void tokens()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(int, token);
        QTextDocument document(text);
        SqlHighlighter highlighter(&document);
        const int at = static_cast<int>(text.indexOf(word));
        QVERIFY(at >= 0);
        const QColor expected =
            token < 0 ? QColor() : highlighter.tokenFormat(static_cast<Token>(token)).foreground().color();
        for (int i = at; i < at + word.size(); ++i)
            QCOMPARE(colourAt(document, i), expected);
    }

    void allKindsDiffer()
    {
        QTextDocument document;
        SqlHighlighter highlighter(&document);
        QSet<QRgb> colours;
        for (Token token :
             {Token::Keyword, Token::Function, Token::String, Token::Number, Token::Comment, Token::Field})
            colours.insert(highlighter.tokenFormat(token).foreground().color().rgb());
        QCOMPARE(colours.size(), 6);
    }

    void blockCommentAndStringSpanLines()
    {
        QTextDocument document("SELECT /* one\ntwo\nthree */ x, 'a\nb' FROM t");
        SqlHighlighter highlighter(&document);
        const QString text = document.toPlainText();
        const QColor comment = highlighter.tokenFormat(Token::Comment).foreground().color();
        const QColor string = highlighter.tokenFormat(Token::String).foreground().color();
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("two"))), comment);
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("three"))), comment);
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf(" x")) + 1), QColor()); // after the comment
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("\nb")) + 1), string);
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("FROM"))),
                 highlighter.tokenFormat(Token::Keyword).foreground().color());
    }

    void keyPathsOfTheCaseAreFields()
    {
        const QString text = "SELECT bucketname.x, custom.path FROM t";
        QTextDocument document(text);
        SqlHighlighter highlighter(&document);
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("custom"))), QColor());
        highlighter.setExtraFields({"custom.path"});
        QCOMPARE(colourAt(document, static_cast<int>(text.indexOf("custom"))),
                 highlighter.tokenFormat(Token::Field).foreground().color());
        // A top-level column starts a field whatever follows: requestParameters.<any key>.
        QTextDocument second("SELECT requestParameters.anything FROM t");
        SqlHighlighter other(&second);
        QCOMPARE(colourAt(second, 20), other.tokenFormat(Token::Field).foreground().color());
    }

    void followsADarkPalette()
    {
        QTextDocument document("SELECT 'x'");
        SqlHighlighter highlighter(&document);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        highlighter.setPalette(light);
        const QColor onLight = highlighter.tokenFormat(Token::Keyword).foreground().color();
        highlighter.setPalette(dark);
        const QColor onDark = highlighter.tokenFormat(Token::Keyword).foreground().color();
        QVERIFY(onLight != onDark);
        QVERIFY(onDark.lightness() > onLight.lightness()); // readable on a dark base
        QCOMPARE(colourAt(document, 0), onDark);           // and applied to the text
    }
};

QTEST_MAIN(TestSqlHighlighter)
#include "tst_sqlhighlighter.moc"
