// The detail pane: tree and JSON views of the record, resources, related-event searches and the filter/exclude
// terms of the context menu, each checked against the search parser.
#include "browser/detailpane.h"
#include "browser/searchterm.h"
#include "common/jsonhighlighter.h"
#include "common/jsonnode.h"
#include "common/jsontreemodel.h"
#include "query/searchparser.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>

using namespace Trailscope::Ui;
using namespace Trailscope::Core::Query;

namespace {

// An assumed-role event with resources, an error message that needs escaping, a request parameter that is no
// search field and a long array.
QByteArray assumedRoleRecord()
{
    QByteArray items;
    for (int i = 0; i < 30; ++i)
        items += (i ? "," : "") + QByteArray::number(i);
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:dev\","
           "\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/dev\",\"accountId\":\"111122223333\","
           "\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
           "\"arn\":\"arn:aws:iam::111122223333:role/Admin\",\"userName\":\"Admin\"},\"attributes\":{"
           "\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\"2026-02-21T18:00:00Z\",\"eventSource\":"
           "\"s3.amazonaws.com\",\"eventName\":\"PutBucketPolicy\",\"errorCode\":\"AccessDenied\",\"errorMessage\":"
           "\"User is not \\\"allowed\\\" on C:\\\\* now\",\"requestParameters\":{\"bucketName\":\"my \\\"odd\\\" "
           "*bucket\",\"items\":[" +
           items +
           "]},\"responseElements\":null,\"readOnly\":false,\"requestID\":\"REQ123\",\"eventID\":"
           "\"6f2c1f7e-0000-4000-8000-000000000001\",\"sharedEventID\":\"0c1d2e3f-0000-4000-8000-000000000002\","
           "\"resources\":[{\"accountId\":\"111122223333\",\"type\":\"AWS::S3::Bucket\",\"ARN\":"
           "\"arn:aws:s3:::my-bucket\"},{\"type\":\"AWS::S3::Object\",\"ARNPrefix\":\"arn:aws:s3:::my-bucket/logs/\"}],"
           "\"recipientAccountId\":\"111122223333\"}";
}

const QByteArray IamUserRecord =
    "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
    "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"userName\":\"alice\"},\"eventName\":\"ListBuckets\","
    "\"eventTime\":\"2026-02-21T19:00:00Z\"}";

} // namespace

class TestDetailPane : public QObject
{
    Q_OBJECT

    DetailPane* m_pane = nullptr;

    QModelIndex indexFor(const QString& path) const { return m_pane->model()->indexForPath(path); }

    QString filterTerm(const QString& path, bool exclude = false)
    {
        const QModelIndex index = indexFor(path);
        if (!index.isValid())
            return QStringLiteral("<no such path %1>").arg(path);
        std::unique_ptr<QMenu> menu(m_pane->createContextMenu(index));
        QAction* action = menu->findChild<QAction*>(exclude ? "excludeValue" : "filterValue");
        if (!action || !action->isEnabled())
            return QString();
        QSignalSpy spy(m_pane, &DetailPane::filterRequested);
        action->trigger();
        if (spy.size() != 1 || spy[0][1].toBool() != exclude)
            return QStringLiteral("<bad signal>");
        return spy[0][0].toString();
    }

private Q_SLOTS:
    void init()
    {
        m_pane = new DetailPane;
        m_pane->resize(700, 600);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane));
    }

    void cleanup()
    {
        delete m_pane;
        m_pane = nullptr;
    }

    void placeholderUntilAnEventIsSet()
    {
        auto* stack = m_pane->findChild<QStackedWidget*>();
        QVERIFY(stack);
        m_pane->setPlaceholderText("Nothing selected");
        QCOMPARE(qobject_cast<QLabel*>(stack->currentWidget())->text(), QString("Nothing selected"));
        QCOMPARE(m_pane->rowId(), std::int64_t(-1));
        m_pane->setEvent(42, assumedRoleRecord());
        QCOMPARE(m_pane->rowId(), std::int64_t(42));
        QVERIFY(!qobject_cast<QLabel*>(stack->currentWidget()));
        m_pane->clear();
        QCOMPARE(m_pane->rowId(), std::int64_t(-1));
        QCOMPARE(m_pane->model()->rowCount(), 0);
        QVERIFY(qobject_cast<QLabel*>(stack->currentWidget()));
    }

    void treeOpensSmallContainers()
    {
        m_pane->setEvent(1, assumedRoleRecord());
        QTreeView* tree = m_pane->treeView();
        QVERIFY(tree->isExpanded(indexFor("userIdentity")));
        QVERIFY(tree->isExpanded(indexFor("userIdentity.sessionContext")));
        QVERIFY(tree->isExpanded(indexFor("resources")));
        QVERIFY(tree->isExpanded(indexFor("requestParameters")));
        QVERIFY(!tree->isExpanded(indexFor("requestParameters.items"))); // 30 elements
        // What the analyst closes stays closed on the next event.
        tree->collapse(indexFor("userIdentity"));
        m_pane->setEvent(2, IamUserRecord);
        QVERIFY(!tree->isExpanded(indexFor("userIdentity")));
        tree->expand(indexFor("userIdentity"));
        m_pane->setEvent(3, assumedRoleRecord());
        QVERIFY(tree->isExpanded(indexFor("userIdentity")));
    }

    void relatedSearches()
    {
        m_pane->setEvent(1, assumedRoleRecord());
        QStringList ids;
        for (const RelatedSearch& related : m_pane->relatedSearches())
            ids << related.id;
        QCOMPARE(ids, (QStringList{"accessKey", "session", "request", "sharedEvent"}));
        const QList<std::pair<QString, QString>> expected{
            {"accessKey", "accessKeyId:\"ASIAEXAMPLE\""},
            {"session", "userArn:\"arn:aws:sts::111122223333:assumed-role/Admin/dev\""},
            {"request", "requestId:\"REQ123\""},
            {"sharedEvent", "sharedEventId:\"0c1d2e3f-0000-4000-8000-000000000002\""},
        };
        QSignalSpy spy(m_pane, &DetailPane::searchRequested);
        for (const auto& [id, search] : expected) {
            auto* button = m_pane->findChild<QToolButton*>("related_" + id);
            QVERIFY2(button, qPrintable(id));
            QTest::mouseClick(button, Qt::LeftButton);
            QCOMPARE(spy.takeFirst()[0].toString(), search);
            QVERIFY2(parseSearch(search).has_value(), qPrintable(search));
        }
        // An IAM user has no session: the link finds the principal; without a key, request or shared event, no links.
        m_pane->setEvent(2, IamUserRecord);
        QCOMPARE(m_pane->relatedSearches().size(), 1);
        QCOMPARE(m_pane->relatedSearches()[0].id, QString("principal"));
        QCOMPARE(m_pane->relatedSearches()[0].search, QString("principalId:\"AIDAEXAMPLE\""));
        QVERIFY(!m_pane->findChild<QToolButton*>("related_accessKey"));
        QVERIFY(m_pane->findChild<QToolButton*>("related_principal"));
    }

    void filterTerms_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("term");
        QTest::addColumn<QString>("field"); // empty: free text
        QTest::addColumn<QString>("literal");
        QTest::newRow("event name") << "eventName"
                                    << "eventName:\"PutBucketPolicy\""
                                    << "eventName"
                                    << "PutBucketPolicy";
        QTest::newRow("nested identity path") << "userIdentity.sessionContext.sessionIssuer.arn"
                                              << "sessionIssuer:\"arn:aws:iam::111122223333:role/Admin\""
                                              << "sessionIssuer"
                                              << "arn:aws:iam::111122223333:role/Admin";
        QTest::newRow("value with quotes, backslash and star")
            << "errorMessage"
            << "errorMessage:\"User is not \\\"allowed\\\" on C:\\\\\\* now\""
            << "errorMessage"
            << "User is not \"allowed\" on C:\\* now";
        QTest::newRow("boolean") << "readOnly"
                                 << "readOnly:\"false\""
                                 << "readOnly"
                                 << "false";
        QTest::newRow("time") << "eventTime"
                              << "time:\"2026-02-21T18:00:00Z\""
                              << "time"
                              << "2026-02-21T18:00:00Z";
        QTest::newRow("mfa attribute") << "userIdentity.sessionContext.attributes.mfaAuthenticated"
                                       << "mfa:\"false\""
                                       << "mfa"
                                       << "false";
        QTest::newRow("resource ARN") << "resources[0].ARN"
                                      << "resource:\"arn:aws:s3:::my-bucket\""
                                      << "resource"
                                      << "arn:aws:s3:::my-bucket";
        QTest::newRow("resource ARN prefix") << "resources[1].ARNPrefix"
                                             << "resource:\"arn:aws:s3:::my-bucket/logs/\""
                                             << "resource"
                                             << "arn:aws:s3:::my-bucket/logs/";
        QTest::newRow("resource type") << "resources[1].type"
                                       << "resourceType:\"AWS::S3::Object\""
                                       << "resourceType"
                                       << "AWS::S3::Object";
        // No field: free text of the value as the record writes it, which is what free text matches.
        QTest::newRow("no field") << "resources[0].accountId"
                                  << "\"111122223333\""
                                  << ""
                                  << "111122223333";
        QTest::newRow("no field, escapes in the record") << "requestParameters.bucketName"
                                                         << "\"my \\\\\\\"odd\\\\\\\" \\*bucket\""
                                                         << ""
                                                         << "my \\\"odd\\\" *bucket";
        QTest::newRow("array element") << "requestParameters.items[3]"
                                       << "\"3\""
                                       << ""
                                       << "3";
    }

    void filterTerms()
    {
        QFETCH(QString, path);
        QFETCH(QString, term);
        QFETCH(QString, field);
        QFETCH(QString, literal);
        m_pane->setEvent(1, assumedRoleRecord());
        QCOMPARE(filterTerm(path), term);
        QCOMPARE(filterTerm(path, true), term);
        // The term means what it says to the search bar: that field (or free text), that exact value, no wildcard.
        const auto parsed = parseSearch(term);
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->kind, field.isEmpty() ? SearchNode::Kind::Text : SearchNode::Kind::Field);
        if (!field.isEmpty())
            QCOMPARE(QString::fromLatin1(parsed->field->name), field);
        QVERIFY(!parsed->pattern.hasWildcard());
        QCOMPARE(parsed->pattern.literal(), literal);
        const auto negated = parseSearch(QString("-" + term));
        QVERIFY(negated.has_value());
        QCOMPARE(negated->kind, SearchNode::Kind::Not);
    }

    void noTermForContainersAndNull()
    {
        m_pane->setEvent(1, assumedRoleRecord());
        QCOMPARE(filterTerm("userIdentity"), QString());
        QCOMPARE(filterTerm("resources"), QString());
        QCOMPARE(filterTerm("responseElements"), QString());
        QCOMPARE(filterTermFor(u"requestParameters.x", u"", u""), QString()); // an empty phrase finds everything
        QCOMPARE(filterTermFor(u"eventName", u"", u""), QString("eventName:\"\""));
    }

    void copyValueAndPath()
    {
        m_pane->setEvent(1, assumedRoleRecord());
        const auto copy = [&](const QString& path, const char* action) {
            std::unique_ptr<QMenu> menu(m_pane->createContextMenu(indexFor(path)));
            menu->findChild<QAction*>(action)->trigger();
            return QApplication::clipboard()->text();
        };
        QCOMPARE(copy("errorMessage", "copyValue"), QString("User is not \"allowed\" on C:\\* now"));
        QCOMPARE(copy("resources[1].ARNPrefix", "copyPath"), QString("resources[1].ARNPrefix"));
        // A container copies as JSON, members in record order.
        const QString json = copy("userIdentity.sessionContext.sessionIssuer", "copyValue");
        QVERIFY(json.indexOf("\"type\"") < json.indexOf("\"arn\""));
        QVERIFY(json.indexOf("\"arn\"") < json.indexOf("\"userName\""));
    }

    void resourcesTab()
    {
        m_pane->setEvent(1, assumedRoleRecord());
        auto* resources = m_pane->findChild<QTreeWidget*>();
        QVERIFY(resources);
        QCOMPARE(resources->topLevelItemCount(), 2);
        QCOMPARE(resources->topLevelItem(0)->text(0), QString("AWS::S3::Bucket"));
        QCOMPARE(resources->topLevelItem(0)->text(1), QString("arn:aws:s3:::my-bucket"));
        QCOMPARE(resources->topLevelItem(0)->text(2), QString("111122223333"));
        QCOMPARE(resources->topLevelItem(1)->text(1), QString("arn:aws:s3:::my-bucket/logs/"));
        auto* tabs = m_pane->findChild<QTabWidget*>();
        QCOMPARE(tabs->tabText(2), QString("Resources (2)"));
        QSignalSpy spy(m_pane, &DetailPane::searchRequested);
        Q_EMIT resources->itemActivated(resources->topLevelItem(0), 1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toString(), QString("resource:\"arn:aws:s3:::my-bucket\""));
        m_pane->setEvent(2, IamUserRecord);
        QCOMPARE(resources->topLevelItemCount(), 0);
        QVERIFY(!tabs->isTabEnabled(2));
    }

    // As Event history shows them: a record without a resources array names its resources in its request.
    void resourcesDerivedFromTheRequest()
    {
        m_pane->setEvent(3, R"({"eventSource":"iam.amazonaws.com","eventName":"AttachUserPolicy",
            "eventTime":"2026-02-21T18:00:00Z","requestParameters":{"userName":"mallory",
            "policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}})");
        auto* resources = m_pane->findChild<QTreeWidget*>();
        QCOMPARE(resources->topLevelItemCount(), 2);
        QCOMPARE(resources->topLevelItem(0)->text(0), QString("AWS::IAM::User"));
        QCOMPARE(resources->topLevelItem(0)->text(1), QString("mallory"));
        QCOMPARE(resources->topLevelItem(0)->text(3), QString("request or response"));
        QCOMPARE(resources->topLevelItem(1)->text(1), QString("arn:aws:iam::aws:policy/AdministratorAccess"));
        auto* tabs = m_pane->findChild<QTabWidget*>();
        QCOMPARE(tabs->tabText(2), QString("Resources (2)"));
        QSignalSpy spy(m_pane, &DetailPane::searchRequested);
        Q_EMIT resources->itemActivated(resources->topLevelItem(0), 1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toString(), QString("resource:\"mallory\""));
        // Listed resources are shown as listed, and say so.
        m_pane->setEvent(1, assumedRoleRecord());
        QCOMPARE(resources->topLevelItem(0)->text(3), QString("resources"));
    }

    // A Logstash/Elastic record has @timestamp, not eventTime: the header shows it and says where it came from.
    void timeFromLogstashTimestampIsExplained()
    {
        auto* note = m_pane->findChild<QLabel*>("recordNote");
        QVERIFY(note);
        m_pane->setEvent(4, R"({"@timestamp":"2022-03-01T08:15:00.123Z","@version":"1",
            "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin"})");
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains("@timestamp"), qPrintable(note->text()));
        const QList<QLabel*> labels = m_pane->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
            return label->text().contains("2022-03-01T08:15:00.123Z") && label->text().contains("ConsoleLogin");
        }));
        m_pane->setEvent(5, assumedRoleRecord());
        QVERIFY(!note->isVisible());
    }

    void jsonTabPrettyAndAsStored()
    {
        const QByteArray raw = assumedRoleRecord();
        m_pane->setEvent(1, raw);
        auto* tabs = m_pane->findChild<QTabWidget*>();
        tabs->setCurrentIndex(1);
        const auto parsed = parseJson(raw);
        QVERIFY(parsed.has_value());
        QCOMPARE(m_pane->jsonView()->toPlainText(), toPrettyJson(**parsed));
        QVERIFY(m_pane->jsonView()->isReadOnly());
        auto* asStored = m_pane->findChild<QCheckBox*>();
        asStored->setChecked(true);
        QCOMPARE(m_pane->jsonView()->toPlainText().toUtf8(), raw);
        // The next event shows in the open tab at once.
        m_pane->setEvent(2, IamUserRecord);
        QCOMPARE(m_pane->jsonView()->toPlainText().toUtf8(), IamUserRecord);
        if (const QString dir = qEnvironmentVariable("TRAILSCOPE_SNAPSHOT_DIR"); !dir.isEmpty()) {
            asStored->setChecked(false);
            m_pane->setEvent(1, raw);
            m_pane->grab().save(dir + "/detail-json.png");
            tabs->setCurrentIndex(0);
            m_pane->grab().save(dir + "/detail-tree.png");
        }
    }

    void highlighterTellsKeysFromValues()
    {
        QTextDocument document;
        JsonHighlighter highlighter(&document);
        const QString line = "    \"k\\\"ey\" : \"v:al\", -1.5e3, true, null]";
        document.setPlainText(line);
        highlighter.rehighlight(); // the first pass is otherwise queued to the event loop
        const auto formatAt = [&](qsizetype position) {
            for (const QTextLayout::FormatRange& range : document.firstBlock().layout()->formats()) {
                if (position >= range.start && position < range.start + range.length)
                    return range.format;
            }
            return QTextCharFormat();
        };
        using Token = JsonHighlighter::Token;
        const auto colour = [&](Token token) { return highlighter.tokenFormat(token).foreground().color(); };
        QCOMPARE(formatAt(line.indexOf("ey")).foreground().color(), colour(Token::Key)); // after an escaped quote
        QCOMPARE(formatAt(line.indexOf("v:al")).foreground().color(), colour(Token::String));
        QCOMPARE(formatAt(line.indexOf("1.5e3")).foreground().color(), colour(Token::Number));
        QCOMPARE(formatAt(line.indexOf("true")).foreground().color(), colour(Token::Keyword));
        QCOMPARE(formatAt(line.indexOf("null")).foreground().color(), colour(Token::Keyword));
        QCOMPARE(formatAt(line.indexOf(']')).foreground().color(), colour(Token::Punctuation));
        QVERIFY(colour(Token::Key) != colour(Token::String));
        // A dark palette gets other, lighter colours.
        const QColor lightString = colour(Token::String);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        highlighter.setPalette(dark);
        QVERIFY(colour(Token::String) != lightString);
        QVERIFY(colour(Token::String).lightness() > lightString.lightness());
        QCOMPARE(formatAt(line.indexOf("v:al")).foreground().color(), colour(Token::String));
    }

    void invalidRecordShownAsStored()
    {
        const QByteArray broken = "{\"eventName\":\"X\",\"oops\"";
        m_pane->setEvent(7, broken);
        QCOMPARE(m_pane->model()->rowCount(), 0);
        auto* tabs = m_pane->findChild<QTabWidget*>();
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(m_pane->jsonView()->toPlainText().toUtf8(), broken);
        QVERIFY(m_pane->relatedSearches().isEmpty());
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
