// HTML and PDF reports (report/casereport.h, htmlreport.h, pdfreport.h, reportexport.h): every value escaped, the
// HTML self-contained, the PDF's text (pdftotext) holding the title and the events, its pages numbered and within a
// range, the sections the analyst picked and no others, the row limit said, and a cancelled report leaving nothing.
#include "casedb/analyststore.h"
#include "casedb/caseschema.h"
#include "clitest.h"
#include "query/eventcolumns.h"
#include "query/searchparser.h"
#include "report/htmlreport.h"
#include "report/reportexport.h"
#include "report/timelinechart.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

constexpr int Events = 240;
const QString HostileAgent = QStringLiteral("<script>alert('agent')</script>");

QString eventIdOf(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

// Ordinary events a minute apart, every third with an error; event 7 carries markup in every field a column shows.
std::vector<QJsonObject> fixture()
{
    std::vector<QJsonObject> records;
    for (int n = 0; n < Events; ++n) {
        QJsonObject overrides;
        if (n % 3 == 0)
            overrides["errorCode"] = QStringLiteral("AccessDenied");
        QString name = QStringLiteral("DescribeInstances");
        if (n == 7) {
            name = QStringLiteral("<img src=x onerror=alert(1)>");
            overrides["eventSource"] = QStringLiteral("<b>s3</b>.amazonaws.com");
            overrides["awsRegion"] = QStringLiteral("us-<i>east</i>-1");
            overrides["sourceIPAddress"] = QStringLiteral("\"><svg onload=alert(2)>");
            overrides["errorCode"] = QStringLiteral("<script>alert(3)</script>");
            overrides["userAgent"] = HostileAgent;
            overrides["recipientAccountId"] = QStringLiteral("1234'5678&9012");
            overrides["userIdentity"] = QJsonObject{{"type", "IAMUser"},
                                                    {"userName", "<u>mallory</u>\u0001"},
                                                    {"accountId", "123456789012"},
                                                    {"arn", "arn:aws:iam::123456789012:user/<u>mallory</u>"}};
            overrides["resources"] =
                QJsonArray{QJsonObject{{"ARN", "arn:aws:s3:::<iframe src=//evil>"}, {"type", "AWS::S3::<Bucket>"}}};
        }
        records.push_back(makeRecord(eventIdOf(n),
                                     QStringLiteral("2026-02-21T%1:%2:00Z")
                                         .arg(10 + n / 60, 2, 10, QLatin1Char('0'))
                                         .arg(n % 60, 2, 10, QLatin1Char('0')),
                                     name, overrides));
    }
    return records;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList allColumns()
{
    QStringList ids;
    for (const Query::EventColumn& column : Query::eventColumns())
        ids << QString::fromLatin1(column.id.data(), static_cast<qsizetype>(column.id.size()));
    return ids;
}

// Every element the HTML opens, by name.
QSet<QString> elementNames(const QString& html)
{
    QSet<QString> names;
    static const QRegularExpression tag(QStringLiteral("<([a-zA-Z][a-zA-Z0-9]*)"));
    for (auto it = tag.globalMatch(html); it.hasNext();)
        names.insert(it.next().captured(1).toLower());
    return names;
}

QString pdfText(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestCaseReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    Result<Report::ReportWritten> report(const Report::ReportScope& scope, const Report::CaseReportOptions& options,
                                         Report::ReportFormat format, const QString& path)
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            return std::unexpected(db.error());
        return Report::exportReport(m_case, *db, scope, options, format, path);
    }

    QString htmlOf(const Report::ReportScope& scope, const Report::CaseReportOptions& options)
    {
        const QString path = m_dir.filePath("report.html");
        const auto written = report(scope, options, Report::ReportFormat::Html, path);
        if (!written)
            return {};
        return QString::fromUtf8(readAll(path));
    }

    static Report::ReportScope searchScope(const QString& text)
    {
        Report::ReportScope scope;
        scope.text = text;
        scope.search = *Query::parseSearch(text);
        return scope;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath("case.tscase");
        const QString file = writeFile(m_dir.path(), "trail.json", recordsEnvelope(fixture()));
        QVERIFY(importPaths(m_case, {file}).has_value());
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM event_rows"), qint64(Events));
        auto store = AnalystStore::open(m_case);
        QVERIFY(store.has_value());
        const qint64 hostile = queryCount(m_case, "SELECT id FROM event_rows ORDER BY time LIMIT 1 OFFSET 7");
        QVERIFY(hostile > 0);
        QVERIFY(store->setStarred(hostile, true).has_value());
        QVERIFY(store->setNote(hostile, "note <script>alert('note')</script> & more").has_value());
    }

    void htmlTextEscapesMarkupQuotesAndControls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");
        QTest::newRow("plain") << "AssumeRole"
                               << "AssumeRole";
        QTest::newRow("tags") << "<script>x</script>"
                              << "&lt;script&gt;x&lt;/script&gt;";
        QTest::newRow("ampersand first") << "&lt;"
                                         << "&amp;lt;";
        QTest::newRow("quotes") << "\"a\" 'b'"
                                << "&quot;a&quot; &#39;b&#39;";
        QTest::newRow("NUL and controls")
            << QString::fromUtf16(u"a\u0000b\u0001c\u007f", 6) << QString::fromUtf16(u"a\uFFFDb\uFFFDc\uFFFD");
        QTest::newRow("whitespace kept") << "a\tb\nc"
                                         << "a\tb\nc";
        QTest::newRow("not ASCII") << QString::fromUtf16(u"Grüße \u65e5\u672c")
                                   << QString::fromUtf16(u"Grüße \u65e5\u672c");
    }

    void htmlTextEscapesMarkupQuotesAndControls()
    {
        QFETCH(QString, text);
        QFETCH(QString, html);
        QCOMPARE(Report::htmlText(text), html);
    }

    // Markup in every column, the note, the title and the search shows as text: the only elements are the report's.
    void everyValueIsEscapedInTheHtml()
    {
        Report::CaseReportOptions options;
        options.columns = allColumns();
        options.title = "Case <b>42</b>";
        const QString html =
            htmlOf(searchScope("eventName:\"<img src=x onerror=alert(1)>\" OR errorCode:AccessDenied"), options);
        QVERIFY(!html.isEmpty());
        const QSet<QString> allowed{"html",  "head",  "meta",    "title", "style",  "body", "header",
                                    "h1",    "p",     "section", "h2",    "figure", "img",  "figcaption",
                                    "table", "thead", "tr",      "th",    "tbody",  "td",   "footer"};
        const QSet<QString> found = elementNames(html);
        QVERIFY2((found - allowed).isEmpty(), qPrintable(QStringList((found - allowed).values()).join(", ")));
        // One img: the timeline, from a data: URL.
        QCOMPARE(html.count("<img "), 1);
        QVERIFY(html.contains("<img src=\"data:image/png;base64,"));
        for (const char* escaped :
             {"&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;s3&lt;/b&gt;.amazonaws.com",
              "us-&lt;i&gt;east&lt;/i&gt;-1", "&quot;&gt;&lt;svg onload=alert(2)&gt;",
              "&lt;script&gt;alert(3)&lt;/script&gt;", "1234&#39;5678&amp;9012", "&lt;u&gt;mallory&lt;/u&gt;\uFFFD",
              "arn:aws:s3:::&lt;iframe src=//evil&gt;", "AWS::S3::&lt;Bucket&gt;",
              "note &lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &amp; more", "Case &lt;b&gt;42&lt;/b&gt;"})
            QVERIFY2(html.contains(QString::fromUtf8(escaped)), escaped);
    }

    // No scripts, no network: a CSP that says so, no http(s) reference anywhere but in text.
    void htmlIsSelfContained()
    {
        const QString html = htmlOf(searchScope(""), {});
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        QVERIFY(!html.contains("src=\"http", Qt::CaseInsensitive));
        QVERIFY(!html.contains("href=", Qt::CaseInsensitive));
        QVERIFY(!html.contains("url(", Qt::CaseInsensitive));
        for (const QString& id : Report::reportPartNames())
            QVERIFY2(html.contains("<section id=\"" + id + "\">"), qPrintable(id));
        // The sources name the file with its content hash.
        QVERIFY(html.contains("trail.json"));
        QVERIFY(QRegularExpression("<td>[0-9a-f]{64}</td>").match(html).hasMatch());
        QVERIFY(html.contains("<td>" + eventIdOf(239) + "</td>"));
    }

    void onlyThePickedSectionsAreWritten()
    {
        Report::CaseReportOptions options;
        options.parts = *Report::reportPartsNamed("events,starred");
        const QString html = htmlOf(searchScope(""), options);
        QVERIFY(html.contains("<section id=\"events\">"));
        QVERIFY(html.contains("<section id=\"starred\">"));
        for (const char* id : {"summary", "sources", "scope", "timeline", "findings"})
            QVERIFY2(!html.contains("<section id=\"" + QString(id) + "\">"), id);
        QVERIFY(!Report::reportPartsNamed("events,bogus"));
        QVERIFY(!Report::reportPartsNamed(""));
        QCOMPARE(*Report::reportPartsNamed("all"), Report::AllReportParts);
    }

    // The table stops at the limit, newest first, and says how many there were.
    void theLimitIsSaid()
    {
        Report::CaseReportOptions options;
        options.eventLimit = 25;
        options.parts = static_cast<unsigned>(Report::ReportPart::Events);
        const QString path = m_dir.filePath("limited.html");
        const auto written = report(searchScope(""), options, Report::ReportFormat::Html, path);
        QVERIFY(written.has_value());
        QCOMPARE(written->events, 25);
        const QString html = QString::fromUtf8(readAll(path));
        QVERIFY(html.contains("The first 25 of 240 events."));
        QVERIFY(html.contains("<td>" + eventIdOf(239) + "</td>"));
        QVERIFY(html.contains("<td>" + eventIdOf(215) + "</td>"));
        QVERIFY(!html.contains("<td>" + eventIdOf(214) + "</td>"));
    }

    void queryResultIsATable()
    {
        Report::ReportScope scope;
        scope.kind = Report::ReportScope::Kind::Query;
        scope.text = "SELECT errorCode, count(*) AS calls FROM cloudtrail_logs GROUP BY errorCode ORDER BY calls DESC";
        const QString html = htmlOf(scope, {});
        QVERIFY(html.contains("<th>errorCode</th><th>calls</th>"));
        QVERIFY(html.contains("<tr><td>AccessDenied</td><td>80</td></tr>"));
        QVERIFY(!html.contains("<section id=\"timeline\">"));
    }

    void starredScopeHoldsTheNote()
    {
        Report::ReportScope scope;
        scope.kind = Report::ReportScope::Kind::Starred;
        const QString html = htmlOf(scope, {});
        QVERIFY(html.contains("Events: 1"));
        QVERIFY(html.contains("<td>" + eventIdOf(7) + "</td>"));
        QVERIFY(html.contains("note &lt;script&gt;"));
    }

    // pdftotext reads back the title, a known event, numbered pages; the table's header repeats on each of its pages.
    void pdfHoldsTheReportOnNumberedPages()
    {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        Report::CaseReportOptions options;
        options.title = "Incident 2026-17";
        const QString path = m_dir.filePath("report.pdf");
        const auto written = report(searchScope(""), options, Report::ReportFormat::Pdf, path);
        QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().toString()));
        QVERIFY(readAll(path).startsWith("%PDF-"));
        // A title page, the summary and sources, then 240 events at some 20 to 40 a page.
        QVERIFY2(written->pages >= 7 && written->pages <= 20, qPrintable(QString::number(written->pages)));
        const QString text = pdfText(path);
        QVERIFY(text.contains("Incident 2026-17"));
        // A cell too narrow for its text wraps: the event ID may be cut over two lines.
        QVERIFY(QString(text).remove(QRegularExpression("\\s")).contains(eventIdOf(123)));
        QVERIFY(text.contains(QStringLiteral("Page 2 of %1").arg(written->pages)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(written->pages)));
        QCOMPARE(text.count("\f"), written->pages); // pdftotext ends each page with a form feed
        // The events table's header on every page it spans: 240 rows need several.
        int headed = 0;
        for (const QString& page : text.split(u'\f')) {
            if (page.contains(eventIdOf(200).left(20)))
                headed += page.contains("Event time") ? 1 : -1000;
        }
        QVERIFY2(headed >= 4, qPrintable(QString::number(headed)));
    }

    // Set before the report starts or while it is laid out: an error, no file, and an earlier file untouched.
    void cancelledReportLeavesNothing()
    {
        std::atomic<bool> cancelled(true);
        Report::CaseReportOptions options;
        options.cancelled = &cancelled;
        for (const auto format : {Report::ReportFormat::Html, Report::ReportFormat::Pdf}) {
            const QString fresh = m_dir.filePath("cancelled.out");
            auto written = report(searchScope(""), options, format, fresh);
            QVERIFY(!written);
            QCOMPARE(written.error().code, ErrorCode::Cancelled);
            QVERIFY(!QFile::exists(fresh));
            const QString existing = writeFile(m_dir.path(), "kept.out", "earlier report");
            written = report(searchScope(""), options, format, existing);
            QVERIFY(!written);
            QCOMPARE(readAll(existing), QByteArray("earlier report"));
        }
        // Cancelled in the middle: after the findings, while the events are read.
        std::atomic<bool> later(false);
        options.cancelled = &later;
        options.progress = [&](const QString& stage) {
            if (stage.startsWith("Writing the events"))
                later = true;
        };
        const QString path = m_dir.filePath("midway.pdf");
        const auto written = report(searchScope(""), options, Report::ReportFormat::Pdf, path);
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList({"midway*"}, QDir::Files), QStringList());
    }

    void histogramCountsEveryEventOnce()
    {
        std::vector<Report::TimedEvent> events;
        for (int n = 0; n < 500; ++n)
            events.push_back({1'771'660'800'000 + n * 37'000LL, n % 5 == 0});
        const Query::Histogram histogram = Report::histogramOf(events, 40);
        QVERIFY(histogram.buckets.size() <= 40);
        std::int64_t success = 0, error = 0;
        for (const Query::HistogramBucket& bucket : histogram.buckets) {
            success += bucket.success;
            error += bucket.error;
        }
        QCOMPARE(success, 400);
        QCOMPARE(error, 100);
        QVERIFY(histogram.buckets.front().start <= events.front().time);
        QVERIFY(histogram.buckets.back().start + histogram.bucketMs > events.back().time);
        QVERIFY(!Report::timelineChart(histogram).isNull());
        QVERIFY(Report::timelineChart({}).isNull());
    }

    void cliWritesHtmlAndPdf()
    {
        const QString html = m_dir.filePath("cli.html");
        CliRun run = runCli({"export", m_case, "--search", "errorCode:AccessDenied", "--format", "html", "-o", html});
        COMPARE_EXIT(run, 0);
        const QString written = QString::fromUtf8(readAll(html));
        QVERIFY(written.contains("<td>" + eventIdOf(3) + "</td>"));
        QVERIFY(!written.contains("<td>" + eventIdOf(4) + "</td>"));
        run = runCli({"export", m_case, "--format", "pdf", "--sections", "scope,events", "--limit", "10", "-o", "-"});
        COMPARE_EXIT(run, 0);
        QVERIFY(run.out.startsWith("%PDF-"));
        run = runCli({"export", m_case, "--format", "pdf", "--sections", "nonsense", "-o", m_dir.filePath("x.pdf")});
        COMPARE_EXIT(run, 2);
        QVERIFY(run.err.contains("--sections"));
        run = runCli(
            {"export", m_case, "--format", "html", "--columns", "eventTime,bogus", "-o", m_dir.filePath("x.html")});
        COMPARE_EXIT(run, 2);
        QVERIFY(run.err.contains("no column bogus"));
        QVERIFY(!QFile::exists(m_dir.filePath("x.pdf")));
        QVERIFY(!QFile::exists(m_dir.filePath("x.html")));
    }
};

QTEST_MAIN(TestCaseReport) // a QGuiApplication: the timeline and the PDF draw text
#include "tst_casereport.moc"
