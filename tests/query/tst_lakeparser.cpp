// The Lake dialect's front end without a case: tokens and their places, statements the parser accepts and the
// line:column of those it rejects, and what the translator makes of names (table names, qualifiers, nested paths),
// literals and result column names.
#include "query/lake/lakeparser.h"
#include "query/lake/laketranslator.h"

#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;

namespace {

// The case's tables as the translator sees them.
TableCatalog caseTables()
{
    return TableCatalog{{"events", {"id", "time", "name", "source", "identity", "tls"}},
                        {"strings", {"id", "value"}},
                        {"identities", {"id", "type", "arn", "user_name", "issuer_arn"}}};
}

// `countExamined`: as prepared for progress (loops over events count the rows they visit).
Result<Translation> translateText(const QString& text, bool countExamined = false)
{
    const auto tokens = tokenize(text);
    if (!tokens)
        return std::unexpected(tokens.error());
    const auto statements = splitStatements(*tokens);
    if (statements.size() != 1)
        return std::unexpected(Error{ErrorCode::QuerySyntax, "expected one statement"});
    const auto parsed = parseStatement(statements.front());
    if (!parsed)
        return std::unexpected(parsed.error());
    return translate(*parsed, caseTables(), 1'700'000'000'000, countExamined);
}

} // namespace

class TestLakeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<QStringList>("places"); // line:column of each token
        const int I = int(TokenKind::Identifier), Q = int(TokenKind::QuotedIdentifier), S = int(TokenKind::String),
                  N = int(TokenKind::Number), O = int(TokenKind::Operator);
        QTest::newRow("words and operators")
            << "SELECT a.b<>1" << QStringList{"SELECT", "a", ".", "b", "<>", "1"} << QList<int>{I, I, O, I, O, N}
            << QStringList{"1:1", "1:8", "1:9", "1:10", "1:11", "1:13"};
        QTest::newRow("strings with quotes") << "'it''s' \"a \"\"b\"\"\"" << QStringList{"it's", "a \"b\""}
                                             << QList<int>{S, Q} << QStringList{"1:1", "1:9"};
        QTest::newRow("numbers") << "1 1.5 .5 1e3 2E-2" << QStringList{"1", "1.5", ".5", "1e3", "2E-2"}
                                 << QList<int>{N, N, N, N, N} << QStringList{"1:1", "1:3", "1:7", "1:10", "1:14"};
        QTest::newRow("comments and lines")
            << "a -- note\n  /* block\n */ b" << QStringList{"a", "b"} << QList<int>{I, I} << QStringList{"1:1", "3:5"};
        QTest::newRow("two-character operators")
            << "<= >= != || -> ==" << QStringList{"<=", ">=", "!=", "||", "->", "="} << QList<int>{O, O, O, O, O, O}
            << QStringList{"1:1", "1:4", "1:7", "1:10", "1:13", "1:16"};
        QTest::newRow("EDS placeholders") << "$EDS_ID 4c5b5f38-1c2d" << QStringList{"$EDS_ID", "4c5b5f38", "-", "1c2d"}
                                          << QList<int>{I, I, O, I} << QStringList{"1:1", "1:9", "1:17", "1:18"};
        QTest::newRow("backticks") << "`my col`" << QStringList{"my col"} << QList<int>{Q} << QStringList{"1:1"};
    }

    void tokens()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, texts);
        QFETCH(QList<int>, kinds);
        QFETCH(QStringList, places);
        const auto tokens = tokenize(text);
        QVERIFY(tokens.has_value());
        QCOMPARE(tokens->size(), std::size_t(texts.size() + 1));
        QCOMPARE(tokens->back().kind, TokenKind::End);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const Token& token = (*tokens)[std::size_t(i)];
            QCOMPARE(token.text, texts[i]);
            QCOMPARE(int(token.kind), kinds[i]);
            QCOMPARE(QStringLiteral("%1:%2").arg(token.pos.line).arg(token.pos.column), places[i]);
        }
    }

    void tokenErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("place");
        QTest::newRow("unterminated string") << "SELECT\n  'abc"
                                             << "2:3";
        QTest::newRow("unterminated comment") << "SELECT 1 /* x"
                                              << "1:10";
        QTest::newRow("stray character") << "SELECT #"
                                         << "1:8";
        QTest::newRow("empty quoted name") << "SELECT \"\""
                                           << "1:8";
    }

    void tokenErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, place);
        const auto tokens = tokenize(text);
        QVERIFY(!tokens.has_value());
        QCOMPARE(tokens.error().code, ErrorCode::QuerySyntax);
        QCOMPARE(QStringLiteral("%1:%2").arg(tokens.error().line).arg(tokens.error().column), place);
    }

    void statements()
    {
        const auto tokens = tokenize(u"SELECT 1; ; SELECT ';' ;\nSELECT 3");
        QVERIFY(tokens.has_value());
        const auto statements = splitStatements(*tokens);
        QCOMPARE(statements.size(), std::size_t(3));
        QCOMPARE(statements[1][1].text, QString(";"));
        QCOMPARE(statements[2].front().pos.line, 2);
    }

    void accepted_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("distinct, aliases") << "SELECT DISTINCT eventName AS n, awsRegion r FROM t";
        QTest::newRow("joins") << "SELECT a.eventName FROM t a LEFT OUTER JOIN t b ON a.eventID = b.eventID "
                                  "INNER JOIN t c USING (eventID) CROSS JOIN t d";
        QTest::newRow("subquery in FROM") << "SELECT n FROM (SELECT eventName AS n FROM t) q WHERE n <> 'x'";
        QTest::newRow("WITH and UNION ALL") << "WITH a AS (SELECT 1 AS x), b AS (SELECT 2 AS x) SELECT x FROM a "
                                               "UNION ALL SELECT x FROM b UNION SELECT 3 ORDER BY x DESC NULLS FIRST";
        QTest::newRow("predicates")
            << "SELECT 1 FROM t WHERE a IN (1, 2) AND b NOT IN (SELECT 1) AND c LIKE 'x%' ESCAPE '!' AND d NOT "
               "BETWEEN 1 AND 2 AND e IS NOT NULL AND f IS DISTINCT FROM g AND h IS NOT DISTINCT FROM NULL AND NOT "
               "EXISTS (SELECT 1)";
        QTest::newRow("CASE and CAST") << "SELECT CASE WHEN a = 1 THEN 'x' ELSE 'y' END, CASE a WHEN 1 THEN 2 END, "
                                          "CAST(a AS varchar), TRY_CAST(a AS decimal(10, 2)) FROM t";
        QTest::newRow("functions") << "SELECT count(*), count(DISTINCT a), count_if(b), element_at(resources, 1).arn, "
                                      "element_at(requestParameters, 'k'), x[1], y['k'].z FROM t";
        QTest::newRow("windows and FILTER") << "SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC), "
                                               "count(*) FILTER (WHERE c) FROM t";
        QTest::newRow("intervals and typed literals") << "SELECT 1 FROM t WHERE eventTime > now() - interval '7' day "
                                                         "AND eventTime < TIMESTAMP '2026-01-01 00:00:00'";
        QTest::newRow("EDS names") << "SELECT 1 FROM 4c5b5f38-1c2d-4d5e-9f00-123456789abc, $EDS_ID, <EDS ID>, "
                                      "\"quoted-eds\"";
        QTest::newRow("LIMIT, OFFSET, GROUP BY, HAVING") << "SELECT a, count(*) FROM t GROUP BY 1 HAVING count(*) > 1 "
                                                            "ORDER BY 2 OFFSET 5 LIMIT 10";
        QTest::newRow("parenthesised query") << "(SELECT 1) UNION ALL (SELECT 2 LIMIT 1)";
        QTest::newRow("frames") << "SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING), "
                                   "sum(a) OVER (PARTITION BY c ORDER BY b RANGE BETWEEN INTERVAL '1' DAY PRECEDING "
                                   "AND CURRENT ROW), sum(a) OVER (ORDER BY b GROUPS 2 PRECEDING), count(*) OVER "
                                   "(ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t";
        QTest::newRow("WINDOW clause") << "SELECT rank() OVER w, sum(a) OVER (w ROWS 1 PRECEDING) FROM t GROUP BY a "
                                          "HAVING count(*) > 1 WINDOW w AS (ORDER BY a), v AS (w) ORDER BY 1";
    }

    void accepted()
    {
        QFETCH(QString, sql);
        const auto tokens = tokenize(sql);
        QVERIFY(tokens.has_value());
        const auto statements = splitStatements(*tokens);
        QCOMPARE(statements.size(), std::size_t(1));
        const auto parsed = parseStatement(statements.front());
        QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(describeQueryError(parsed.error())));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing FROM table") << "SELECT a FROM"
                                            << "1:14"
                                            << "table name";
        QTest::newRow("dangling operator") << "SELECT a +\nFROM t"
                                           << "2:1"
                                           << "expected a value";
        QTest::newRow("unclosed parenthesis") << "SELECT (a FROM t"
                                              << "1:11"
                                              << "expected ')'";
        QTest::newRow("IS what") << "SELECT a FROM t WHERE a IS 5"
                                 << "1:28"
                                 << "NULL or DISTINCT";
        QTest::newRow("JOIN without ON") << "SELECT a FROM t JOIN u WHERE 1"
                                         << "1:24"
                                         << "ON or USING";
        QTest::newRow("trailing words") << "SELECT a FROM t x y"
                                        << "1:19"
                                        << "unexpected";
        QTest::newRow("not a query") << "WITH a AS (SELECT 1) DELETE FROM t"
                                     << "1:22"
                                     << "only SELECT";
        QTest::newRow("frame offset without a direction") << "SELECT sum(a) OVER (ORDER BY b ROWS 1) FROM t"
                                                          << "1:38"
                                                          << "PRECEDING or FOLLOWING";
        QTest::newRow("frame ending before it starts")
            << "SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t"
            << "1:61"
            << "cannot end before it starts";
        QTest::newRow("frame starting at UNBOUNDED FOLLOWING")
            << "SELECT sum(a) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND UNBOUNDED FOLLOWING) FROM t"
            << "1:34"
            << "cannot start at UNBOUNDED FOLLOWING";
        QTest::newRow("frame ending at UNBOUNDED PRECEDING")
            << "SELECT sum(a) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED PRECEDING) FROM t"
            << "1:58"
            << "cannot end at UNBOUNDED PRECEDING";
        QTest::newRow("short frame after the current row") << "SELECT sum(a) OVER (ROWS 2 FOLLOWING) FROM t"
                                                           << "1:26"
                                                           << "needs BETWEEN";
        QTest::newRow("WINDOW without AS") << "SELECT rank() OVER w FROM t WINDOW w (ORDER BY a)"
                                           << "1:38"
                                           << "expected AS";
    }

    void rejected()
    {
        QFETCH(QString, sql);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const auto tokens = tokenize(sql);
        QVERIFY(tokens.has_value());
        const auto parsed = parseStatement(splitStatements(*tokens).front());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, ErrorCode::QuerySyntax);
        QCOMPARE(QStringLiteral("%1:%2").arg(parsed.error().line).arg(parsed.error().column), place);
        QVERIFY2(parsed.error().detail.contains(message), qPrintable(parsed.error().detail));
    }

    // Text nested deeper than the translator can take is an error, not a stack overflow.
    void deepNesting_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("parentheses") << "SELECT " + QString("(").repeated(5000) + "1" + QString(")").repeated(5000);
        QTest::newRow("operator chain") << "SELECT 1" + QString("+1").repeated(30000);
        QTest::newRow("NOT chain") << "SELECT " + QString("NOT ").repeated(20000) + "1";
        QTest::newRow("unary minus chain") << "SELECT " + QString("- ").repeated(20000) + "1";
        QTest::newRow("subqueries") << "SELECT " + QString("(SELECT ").repeated(3000) + "1" +
                                           QString(")").repeated(3000);
        QTest::newRow("subscripts") << "SELECT x" + QString("[1]").repeated(30000) + " FROM t";
    }

    void deepNesting()
    {
        QFETCH(QString, sql);
        const auto tokens = tokenize(sql);
        QVERIFY(tokens.has_value());
        const auto parsed = parseStatement(splitStatements(*tokens).front());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, ErrorCode::QuerySyntax);
        QVERIFY2(parsed.error().detail.contains("nests too deeply"), qPrintable(parsed.error().detail));
        // Nesting SQLite still takes is fine.
        QVERIFY(translateText("SELECT " + QString("(").repeated(100) + "1" + QString(")").repeated(100)).has_value());
    }

    void tableNames_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("lakeEvents");
        QTest::newRow("my_event_data_store") << "my_event_data_store" << true;
        QTest::newRow("cloudtrail_logs") << "cloudtrail_logs" << true;
        QTest::newRow("hyphenated EDS ID") << "4c5b5f38-1c2d-4d5e-9f00-123456789abc" << true;
        QTest::newRow("$EDS_ID") << "$EDS_ID" << true;
        QTest::newRow("<EDS ID>") << "<EDS ID>" << true;
        QTest::newRow("quoted") << "\"event_data_store_ID\"" << true;
        QTest::newRow("the events table") << "events" << false;
        QTest::newRow("main.events") << "main.events" << false;
        QTest::newRow("EVENTS") << "EVENTS" << false;
    }

    // A table of the case is itself; any other name is the Lake events view (whose columns are Lake's).
    void tableNames()
    {
        QFETCH(QString, from);
        QFETCH(bool, lakeEvents);
        const auto lake = translateText("SELECT eventName FROM " + from);
        const auto plain = translateText("SELECT name FROM " + from);
        QCOMPARE(lake.has_value(), lakeEvents);
        QCOMPARE(plain.has_value(), !lakeEvents);
        if (lakeEvents)
            QVERIFY2(lake->sql.find("FROM events AS e1") != std::string::npos, lake->sql.c_str());
    }

    void names_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("lacks");
        QTest::newRow("mapped struct field in any case")
            << "SELECT userIdentity.SessionContext.sessionissuer.ARN FROM x"
            << QStringList{"SELECT issuer_arn FROM identities"} << QStringList{"ts_event_get"};
        QTest::newRow("tls field") << "SELECT tlsDetails.tlsversion FROM x" << QStringList{"FROM tls_profiles"}
                                   << QStringList{"ts_event_get"};
        QTest::newRow("unmapped nested path")
            << "SELECT requestParameters.bucketName FROM x"
            << QStringList{"ts_event_get(e1.id, '[\".requestParameters\",\".bucketName\"]')"} << QStringList{};
        QTest::newRow("qualifier is the alias")
            << "SELECT t.eventName FROM x AS t" << QStringList{"WHERE id = e1.name"} << QStringList{};
        QTest::newRow("element_at map key is exact")
            << "SELECT element_at(requestParameters, 'Key') FROM x" << QStringList{"\"=Key\""} << QStringList{};
        QTest::newRow("element_at array is 1-based") << "SELECT element_at(resources, 1).arn FROM x"
                                                     << QStringList{"[\".resources\",0,\".arn\"]"} << QStringList{};
        QTest::newRow("time literal as milliseconds") << "SELECT 1 FROM x WHERE eventTime > '2026-02-21 23:00:00'"
                                                      << QStringList{"e1.time > 1771714800000"} << QStringList{"'2026"};
        QTest::newRow("date literal is midnight") << "SELECT 1 FROM x WHERE eventTime >= '2026-01-01'"
                                                  << QStringList{"e1.time >= 1767225600000"} << QStringList{};
        QTest::newRow("ISO literal") << "SELECT 1 FROM x WHERE eventTime < '2026-01-01T01:00:00Z'"
                                     << QStringList{"e1.time < 1767229200000"} << QStringList{};
        QTest::newRow("equality looks the string up once")
            << "SELECT 1 FROM x WHERE eventName = 'RunInstances'"
            << QStringList{"e1.name_key = (SELECT id FROM strings WHERE (ts_hash(value) = ts_hash('RunInstances') AND "
                           "+value = 'RunInstances'))"}
            << QStringList{};
        QTest::newRow("negated equality compares text")
            << "SELECT 1 FROM x WHERE NOT eventName = 'RunInstances'"
            << QStringList{"(NOT ((SELECT value FROM strings WHERE id = e1.name) = 'RunInstances'))"} << QStringList{};
        QTest::newRow("LIKE is case-sensitive") << "SELECT 1 FROM x WHERE errorMessage LIKE '%Denied%'"
                                                << QStringList{"ts_like(value, '%Denied%')"} << QStringList{" LIKE "};
        QTest::newRow("string boolean") << "SELECT 1 FROM x WHERE sessionCredentialFromConsole = true"
                                        << QStringList{"value = 'true'"} << QStringList{};
        QTest::newRow("now() is fixed") << "SELECT now() FROM x" << QStringList{"1700000000000"} << QStringList{};
        QTest::newRow("plain table column")
            << "SELECT e.name FROM events e" << QStringList{"SELECT t1.\"name\""} << QStringList{"strings"};
        QTest::newRow("ROWS frame")
            << "SELECT sum(1) OVER (ORDER BY eventTime ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM x"
            << QStringList{"OVER (ORDER BY e1.time ASC NULLS LAST ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)"}
            << QStringList{};
        QTest::newRow("short frame ends at the current row")
            << "SELECT sum(1) OVER (ORDER BY eventTime ROWS UNBOUNDED PRECEDING) FROM x"
            << QStringList{"ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"} << QStringList{};
        QTest::newRow("RANGE interval in milliseconds")
            << "SELECT count(*) OVER (ORDER BY eventTime RANGE BETWEEN INTERVAL '2' HOUR PRECEDING AND INTERVAL '30' "
               "SECOND FOLLOWING) FROM x"
            << QStringList{"RANGE BETWEEN 7200000 PRECEDING AND 30000 FOLLOWING"} << QStringList{};
        QTest::newRow("GROUPS frame") << "SELECT count(*) OVER (ORDER BY awsRegion GROUPS 1 PRECEDING) FROM x"
                                      << QStringList{"GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW"} << QStringList{};
        QTest::newRow("WINDOW clause")
            << "SELECT rank() OVER w, count(*) OVER (w ROWS 1 PRECEDING) FROM x WINDOW w AS (PARTITION BY awsRegion "
               "ORDER BY eventTime) ORDER BY 1"
            << QStringList{"rank() OVER \"w\"", "OVER (\"w\" ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
                           " WINDOW \"w\" AS (PARTITION BY ", " ORDER BY e1.time ASC NULLS LAST) ORDER BY "}
            << QStringList{};
        QTest::newRow("max_by, min_by and their window forms")
            << "SELECT max_by(eventName, eventTime), min_by(eventName, eventTime, 2), max_by(eventName, eventTime) "
               "OVER (ROWS 2 PRECEDING) FROM x GROUP BY awsRegion"
            << QStringList{"ts_max_by((SELECT", "ts_min_by((SELECT", "ts_max_by_window((SELECT"} << QStringList{};
        QTest::newRow("FILTER drops y of max_by")
            << "SELECT max_by(eventName, eventTime) FILTER (WHERE readOnly) FROM x"
            << QStringList{"CASE WHEN e1.read_only THEN e1.time END)"} << QStringList{};
        QTest::newRow("variances and percentiles")
            << "SELECT stddev(1), stddev_pop(1), variance(1), var_pop(1), approx_percentile(1, ARRAY[0.5]) FROM x"
            << QStringList{"ts_stddev_samp(1)", "ts_stddev_pop(1)", "ts_var_samp(1)", "ts_var_pop(1)",
                           "ts_percentile(1, json_array(0.5))"}
            << QStringList{};
    }

    // Prepared for progress, each loop over events counts the rows it visits, first thing in its WHERE.
    void examineCounters_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("lacks");
        QTest::newRow("the events alone: the outermost loop, no row id read")
            << "SELECT eventName FROM x WHERE eventName = 'RunInstances'"
            << QStringList{"FROM events AS e1 WHERE likelihood(ts_examine(), 1.0) AND ("} << QStringList{"e1.id)"};
        QTest::newRow("a join: each side's loop by its row id")
            << "SELECT a.eventName FROM x a JOIN x b ON a.eventID = b.eventID"
            << QStringList{"WHERE likelihood(ts_examine(e1.id), 1.0) AND likelihood(ts_examine(e2.id), 1.0)"}
            << QStringList{"ts_examine()"};
        QTest::newRow("WITH: by row id, the common table may be merged into a join")
            << "WITH c AS (SELECT eventName FROM x) SELECT * FROM c"
            << QStringList{"likelihood(ts_examine(e1.id), 1.0)"} << QStringList{"ts_examine()"};
        QTest::newRow("count(*) alone counts no rows")
            << "SELECT count(*) FROM x" << QStringList{} << QStringList{"ts_examine"};
    }

    void examineCounters()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, lacks);
        const auto translation = translateText(sql, true);
        QVERIFY2(translation.has_value(), translation ? "" : qPrintable(describeQueryError(translation.error())));
        const QString text = QString::fromStdString(translation->sql);
        for (const QString& piece : contains)
            QVERIFY2(text.contains(piece), qPrintable(text));
        for (const QString& piece : lacks)
            QVERIFY2(!text.contains(piece), qPrintable(text));
        // Not prepared for progress: no counter at all.
        const auto plain = translateText(sql);
        QVERIFY(plain.has_value());
        QVERIFY2(plain->sql.find("ts_examine") == std::string::npos, plain->sql.c_str());
        QVERIFY(!plain->countsEvents);
    }

    void names()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, lacks);
        const auto translation = translateText(sql);
        QVERIFY2(translation.has_value(), translation ? "" : qPrintable(describeQueryError(translation.error())));
        const QString text = QString::fromStdString(translation->sql);
        for (const QString& piece : contains)
            QVERIFY2(text.contains(piece), qPrintable(text));
        for (const QString& piece : lacks)
            QVERIFY2(!text.contains(piece), qPrintable(text));
    }

    void columnNames()
    {
        const auto translation = translateText(
            "SELECT eventName, userIdentity.arn, element_at(requestParameters, 'a'), count(*) AS n, 1 + 1, "
            "element_at(resources, 1).arn FROM x GROUP BY 1, 2, 3, 6");
        QVERIFY(translation.has_value());
        QStringList names;
        QList<ValueType> types;
        for (const OutputColumn& column : translation->columns) {
            names << column.name;
            types << column.type;
        }
        QCOMPARE(names, (QStringList{"eventName", "arn", "_col2", "n", "_col4", "arn"}));
        QCOMPARE(translate(*parseStatement(splitStatements(*tokenize(u"SELECT eventTime, readOnly FROM x")).front()),
                           caseTables(), 0)
                     ->columns.front()
                     .type,
                 ValueType::Timestamp);
    }

    void translationErrors_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown column") << "SELECT eventNam FROM x"
                                        << "1:8"
                                        << "cannot be resolved";
        QTest::newRow("field of a string") << "SELECT eventName.x FROM x"
                                           << "1:18"
                                           << "has no field";
        QTest::newRow("bad time literal") << "SELECT 1 FROM x\nWHERE eventTime > 'soon'"
                                          << "2:17"
                                          << "not a time";
        QTest::newRow("ambiguous") << "SELECT eventName FROM x a, y b"
                                   << "1:8"
                                   << "ambiguous";
        QTest::newRow("ORDER BY position") << "SELECT eventName FROM x ORDER BY 3"
                                           << "1:34"
                                           << "position 3";
        QTest::newRow("union arity") << "SELECT 1, 2 UNION ALL SELECT 1"
                                     << "1:1"
                                     << "columns";
        QTest::newRow("plain column has no fields") << "SELECT name.x FROM events"
                                                    << "1:13"
                                                    << "plain column";
        QTest::newRow("unknown window") << "SELECT rank() OVER w FROM x"
                                        << "1:20"
                                        << "no window named 'w'";
        QTest::newRow("window defined twice") << "SELECT 1 FROM x WINDOW w AS (), w AS ()"
                                              << "1:33"
                                              << "defined twice";
        QTest::newRow("refining a partition") << "SELECT rank() OVER (w PARTITION BY awsRegion) FROM x WINDOW w AS ()"
                                              << "1:36"
                                              << "takes its PARTITION BY";
        QTest::newRow("RANGE offset with two keys")
            << "SELECT count(*) OVER (ORDER BY eventTime, eventName RANGE 1 PRECEDING) FROM x"
            << "1:59"
            << "exactly one ORDER BY key";
        QTest::newRow("interval offset of ROWS") << "SELECT count(*) OVER (ORDER BY eventTime ROWS INTERVAL '1' "
                                                    "HOUR PRECEDING) FROM x"
                                                 << "1:47"
                                                 << "needs a RANGE frame";
        QTest::newRow("number offset over a time")
            << "SELECT count(*) OVER (ORDER BY eventTime RANGE 1000 PRECEDING) FROM x"
            << "1:48"
            << "is an INTERVAL";
        QTest::newRow("months have no fixed length")
            << "SELECT count(*) OVER (ORDER BY eventTime RANGE INTERVAL '1' MONTH PRECEDING) FROM x"
            << "1:48"
            << "no fixed length";
        QTest::newRow("offset not a constant")
            << "SELECT count(*) OVER (ORDER BY eventTime ROWS length(eventName) PRECEDING) FROM x"
            << "1:47"
            << "must be a constant";
        QTest::newRow("weighted percentile") << "SELECT approx_percentile(1, 2, 0.5) FROM x"
                                             << "1:8"
                                             << "weights";
        QTest::newRow("max_by of four") << "SELECT max_by(1, 2, 3, 4) FROM x"
                                        << "1:8"
                                        << "at most 3";
    }

    // Whether a statement counts the events it examines, and whether it examines each at most once.
    void examineCounting_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("counts");
        QTest::addColumn<bool>("once");
        QTest::newRow("one scan") << "SELECT eventName FROM x WHERE eventName = 'a'" << true << true;
        QTest::newRow("one scan under GROUP BY, a window and LIMIT")
            << "SELECT eventName, count(*), rank() OVER (ORDER BY count(*)) FROM x GROUP BY 1 LIMIT 5" << true << true;
        QTest::newRow("a derived table") << "SELECT n FROM (SELECT eventName AS n FROM x) q" << true << true;
        QTest::newRow("count(*) alone") << "SELECT count(*) FROM x" << false << false;
        QTest::newRow("no events") << "SELECT 1" << false << false;
        QTest::newRow("a case table") << "SELECT name FROM events" << false << false;
        QTest::newRow("a join") << "SELECT a.eventName FROM x a JOIN x b ON a.eventID = b.eventID" << true << false;
        QTest::newRow("a join with a case table")
            << "SELECT eventName FROM x JOIN strings s ON s.id = 1" << true << false;
        QTest::newRow("a derived table in a join")
            << "SELECT 1 FROM strings s, (SELECT eventName FROM x) q" << true << false;
        QTest::newRow("two scans in a UNION")
            << "SELECT eventName FROM x UNION SELECT eventName FROM x" << true << false;
        QTest::newRow("a scan in a subquery")
            << "SELECT 1 FROM strings WHERE value IN (SELECT eventName FROM x)" << true << false;
        QTest::newRow("a scan in WITH") << "WITH c AS (SELECT eventName FROM x) SELECT * FROM c" << true << false;
    }

    void examineCounting()
    {
        QFETCH(QString, sql);
        QFETCH(bool, counts);
        QFETCH(bool, once);
        const auto translation = translateText(sql, true);
        QVERIFY2(translation.has_value(), translation ? "" : qPrintable(describeQueryError(translation.error())));
        QCOMPARE(translation->countsEvents, counts);
        QCOMPARE(translation->examinesOnce, once);
    }

    void translationErrors()
    {
        QFETCH(QString, sql);
        QFETCH(QString, place);
        QFETCH(QString, message);
        const auto translation = translateText(sql);
        QVERIFY(!translation.has_value());
        QCOMPARE(QStringLiteral("%1:%2").arg(translation.error().line).arg(translation.error().column), place);
        QVERIFY2(translation.error().detail.contains(message), qPrintable(translation.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestLakeParser)
#include "tst_lakeparser.moc"
