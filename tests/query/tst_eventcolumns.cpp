// The one column table of event views (the browser, `lookup`, exports): every column names a real field, once.
#include "query/eventcolumns.h"

#include <QSet>
#include <QTest>

using namespace Trailscope::Core::Query;

class TestEventColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyColumnNamesAFieldOnce()
    {
        QSet<QString> ids, fields;
        for (const EventColumn& column : eventColumns()) {
            const QString id = QString::fromLatin1(column.id.data(), column.id.size());
            const QString field = QString::fromLatin1(column.fieldName.data(), column.fieldName.size());
            QVERIFY2(findField(field) != nullptr, qPrintable(id));
            QVERIFY2(!ids.contains(id), qPrintable(id));
            QVERIFY2(!fields.contains(field), qPrintable(field));
            QVERIFY(column.title && *column.title);
            QVERIFY(column.text);
            ids.insert(id);
            fields.insert(field);
        }
        QCOMPARE(eventColumns().size(), std::size_t(12));
        QCOMPARE(fieldOf(eventColumns().front()).kind, ValueKind::Time);
    }

    void cellsReadFromTheRow_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("text");
        QTest::newRow("time in UTC") << "eventTime"
                                     << "2026-02-21T18:05:00.000Z";
        QTest::newRow("user") << "userName"
                              << "alice";
        QTest::newRow("resource") << "resourceName"
                                  << "i-0abc";
        QTest::newRow("read-only") << "readOnly"
                                   << "false";
        QTest::newRow("absent") << "errorCode"
                                << "";
    }

    void cellsReadFromTheRow()
    {
        QFETCH(QString, id);
        QFETCH(QString, text);
        EventRow row;
        row.time = 1771697100000; // 2026-02-21T18:05:00Z
        row.user = QStringLiteral("alice");
        row.resourceName = QStringLiteral("i-0abc");
        row.readOnly = false;
        for (const EventColumn& column : eventColumns())
            if (QLatin1String(column.id.data(), column.id.size()) == id) {
                QCOMPARE(column.text(row), text);
                return;
            }
        QFAIL("no such column");
    }
};

QTEST_GUILESS_MAIN(TestEventColumns)
#include "tst_eventcolumns.moc"
