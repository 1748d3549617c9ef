// The Lake function catalogue is the one list the translator dispatches on and the SQL editor offers: every entry's
// example runs on the imported fixture and behaves as its kind says (an aggregate folds the table to one row, a
// window or scalar function keeps one row per record), so an entry the translator does not treat as listed fails.
#include "lakefixture.h"

#include "query/lake/lakefunctioncatalogue.h"
#include "query/lake/lakequery.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Trailscope::Core::Query::Lake;
using namespace LakeFixture;

Q_DECLARE_METATYPE(LakeFunctionKind)

class TestLakeFunctions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::size_t m_recordCount = 0;
    std::unique_ptr<LakeQuery> m_lake;

    static QString text(std::string_view view)
    {
        return QString::fromLatin1(view.data(), static_cast<qsizetype>(view.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto fixture = records();
        m_recordCount = fixture.size();
        const QString path = buildCase(m_dir.path(), fixture);
        QVERIFY(!path.isEmpty());
        auto lake = LakeQuery::open(path);
        QVERIFY2(lake.has_value(), lake ? "" : qPrintable(lake.error().toString()));
        m_lake = std::move(*lake);
    }

    void namesAreUniqueLowerCaseAndFound()
    {
        QSet<QString> seen;
        for (const LakeFunction& function : lakeFunctionCatalogue()) {
            const QString name = text(function.name);
            QCOMPARE(name, name.toLower());
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(findLakeFunction(name.toUpper()), &function);
            QVERIFY2(!function.help.empty(), qPrintable(name));
            QVERIFY2(text(function.example).startsWith(name), qPrintable(name));
        }
        QCOMPARE(findLakeFunction(u"no_such_function"), nullptr);
    }

    void exampleRunsAsItsKind_data()
    {
        QTest::addColumn<QString>("example");
        QTest::addColumn<LakeFunctionKind>("kind");
        for (const LakeFunction& function : lakeFunctionCatalogue())
            QTest::newRow(function.name.data()) << text(function.example) << function.kind;
    }

    void exampleRunsAsItsKind()
    {
        QFETCH(QString, example);
        QFETCH(LakeFunctionKind, kind);
        const Rows rows = runStatement(*m_lake, QStringLiteral("SELECT %1 FROM cloudtrail_logs").arg(example));
        if (QTest::currentTestFailed())
            return;
        const qsizetype expected = kind == LakeFunctionKind::Aggregate ? 1 : static_cast<qsizetype>(m_recordCount);
        QCOMPARE(rows.size(), expected);
    }

    void windowFunctionsNeedOver_data()
    {
        QTest::addColumn<QString>("name");
        for (const LakeFunction& function : lakeFunctionCatalogue())
            if (function.kind == LakeFunctionKind::Window)
                QTest::newRow(function.name.data()) << text(function.name);
    }

    void windowFunctionsNeedOver()
    {
        QFETCH(QString, name);
        const auto prepared = m_lake->prepare(QStringLiteral("SELECT %1() FROM cloudtrail_logs").arg(name));
        QVERIFY(!prepared.has_value());
        QVERIFY2(describeQueryError(prepared.error()).contains(QStringLiteral("OVER")),
                 qPrintable(describeQueryError(prepared.error())));
    }

    // Trino's json_size(json, json_path): the elements or keys of the value at the path, 0 for a scalar or null
    // there, NULL where the path leads nowhere.
    void jsonSizeAtAPath()
    {
        const auto rows = runStatement(*m_lake, "SELECT json_size('{\"a\":[1,2,3]}', '$.a'), "
                                                "json_size('{\"a\":{\"b\":1,\"c\":2}}', '$.a'), "
                                                "json_size('{\"a\":5}', '$.a'), json_size('{\"a\":\"s\"}', '$.a'), "
                                                "json_size('{\"a\":null}', '$.a'), json_size('{\"a\":5}', '$.x')");
        QCOMPARE(rows.size(), 1);
        const QJsonArray row = rows.front();
        QCOMPARE(row.at(0).toInteger(-1), 3);
        QCOMPARE(row.at(1).toInteger(-1), 2);
        QCOMPARE(row.at(2).toInteger(-1), 0);
        QCOMPARE(row.at(3).toInteger(-1), 0);
        QCOMPARE(row.at(4).toInteger(-1), 0);
        QVERIFY(row.at(5).isNull());
    }
};

QTEST_GUILESS_MAIN(TestLakeFunctions)
#include "tst_lakefunctions.moc"
