// The one field table: names and aliases, where each field lives in the case, and the index that serves it.
#include "casedb/caseschema.h"
#include "query/fieldtable.h"
#include "query/searchparser.h"
#include "query/searchsql.h"
#include "testsupport.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;

namespace {

QString nameOf(const FieldDef* field)
{
    return field ? QString::fromLatin1(field->name) : QStringLiteral("(none)");
}

QString text(std::string_view view)
{
    return QString::fromLatin1(view.data(), static_cast<qsizetype>(view.size()));
}

QString tableOf(Storage storage)
{
    switch (storage) {
    case Storage::IdentityString:
        return QStringLiteral("identities");
    case Storage::TlsString:
        return QStringLiteral("tls_profiles");
    case Storage::ResourceArn:
    case Storage::ResourceType:
        return QStringLiteral("resources");
    default:
        return QStringLiteral("events");
    }
}

// A value each field's kind accepts.
QString sampleValue(const FieldDef& field)
{
    switch (field.kind) {
    case ValueKind::Time:
        return QStringLiteral("2026-02-21");
    case ValueKind::Number:
        return QStringLiteral("1.08");
    case ValueKind::Boolean:
        return QStringLiteral("true");
    case ValueKind::Cidr:
        return QStringLiteral("10.0.0.0/8");
    default:
        return QStringLiteral("x");
    }
}

} // namespace

class TestFieldTable : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("field");
        // The eight Event history lookup attributes.
        QTest::newRow("EventId") << "EventId"
                                 << "eventId";
        QTest::newRow("EventName") << "EventName"
                                   << "eventName";
        QTest::newRow("ReadOnly") << "ReadOnly"
                                  << "readOnly";
        QTest::newRow("Username") << "Username"
                                  << "user";
        QTest::newRow("ResourceType") << "ResourceType"
                                      << "resourceType";
        QTest::newRow("ResourceName") << "ResourceName"
                                      << "resource";
        QTest::newRow("EventSource") << "EventSource"
                                     << "eventSource";
        QTest::newRow("AccessKeyId") << "AccessKeyId"
                                     << "accessKeyId";
        // Any case, canonical names, aliases and record key paths.
        QTest::newRow("lower") << "eventname"
                               << "eventName";
        QTest::newRow("upper") << "EVENTNAME"
                               << "eventName";
        QTest::newRow("userName is user") << "userName"
                                          << "user";
        QTest::newRow("raw userName") << "userIdentity.userName"
                                      << "identityUserName";
        QTest::newRow("eventID") << "eventID"
                                 << "eventId";
        QTest::newRow("sourceIPAddress") << "SOURCEIPADDRESS"
                                         << "ip";
        QTest::newRow("awsRegion") << "awsRegion"
                                   << "region";
        QTest::newRow("recipientAccountId") << "recipientAccountId"
                                            << "account";
        QTest::newRow("identity account") << "userIdentity.accountId"
                                          << "identityAccount";
        QTest::newRow("issuer") << "sessionIssuerArn"
                                << "sessionIssuer";
        QTest::newRow("issuer path") << "userIdentity.sessionContext.sessionIssuer.arn"
                                     << "sessionIssuer";
        QTest::newRow("mfaAuthenticated") << "mfaAuthenticated"
                                          << "mfa";
        QTest::newRow("eventTime") << "eventTime"
                                   << "time";
        QTest::newRow("eventCategory") << "eventCategory"
                                       << "category";
        QTest::newRow("requestID") << "requestID"
                                   << "requestId";
        QTest::newRow("console login") << "responseElements.ConsoleLogin"
                                       << "consoleLogin";
        QTest::newRow("MFAUsed") << "additionalEventData.mfaused"
                                 << "mfaUsed";
        QTest::newRow("arn is not a field") << "arn"
                                            << "(none)";
        QTest::newRow("unknown") << "colour"
                                 << "(none)";
        QTest::newRow("empty") << ""
                               << "(none)";
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, field);
        QCOMPARE(nameOf(findField(name)), field);
    }

    void requiredFieldsExist()
    {
        const QStringList required = {"eventId",
                                      "eventName",
                                      "eventSource",
                                      "readOnly",
                                      "user",
                                      "username",
                                      "userName",
                                      "userArn",
                                      "principalId",
                                      "accessKeyId",
                                      "identityType",
                                      "identityAccount",
                                      "sessionIssuer",
                                      "sessionIssuerName",
                                      "mfa",
                                      "invokedBy",
                                      "account",
                                      "region",
                                      "ip",
                                      "userAgent",
                                      "errorCode",
                                      "errorMessage",
                                      "eventType",
                                      "category",
                                      "resource",
                                      "resourceName",
                                      "resourceType",
                                      "requestId",
                                      "sharedEventId",
                                      "vpcEndpointId",
                                      "consoleLogin",
                                      "mfaUsed",
                                      "managementEvent",
                                      "version",
                                      "time"};
        for (const QString& name : required)
            QVERIFY2(findField(name), qPrintable(name));
    }

    void namesAreUnambiguous()
    {
        QHash<QString, const FieldDef*> owners;
        for (const FieldDef& field : fields()) {
            QStringList names{text(field.name)};
            if (!field.jsonPath.empty())
                names << text(field.jsonPath);
            for (const std::string_view alias : field.aliases)
                if (!alias.empty())
                    names << text(alias);
            for (const QString& name : names) {
                QCOMPARE(findField(name), &field); // every spelling reaches its own field
                const QString key = name.toLower();
                QVERIFY2(owners.value(key, &field) == &field, qPrintable(name));
                owners.insert(key, &field);
            }
        }
    }

    void jsonPathsAreCaseSensitive()
    {
        QCOMPARE(nameOf(fieldForJsonPath(u"userIdentity.type")), QStringLiteral("identityType"));
        QCOMPARE(nameOf(fieldForJsonPath(u"useridentity.type")), QStringLiteral("(none)"));
        QCOMPARE(nameOf(fieldForJsonPath(u"recipientAccountId")), QStringLiteral("account"));
        QCOMPARE(nameOf(fieldForJsonPath(u"resources")), QStringLiteral("(none)"));
    }

    // Each index a field names exists in caseschema.cpp and covers the field's column (or the identity link).
    void indexesExist()
    {
        QHash<QString, QString> indexes;
        for (const auto set : {CaseSchema::searchableIndexes(), CaseSchema::browseIndexes()})
            for (const CaseSchema::IndexDef& index : set)
                indexes.insert(text(index.name), text(index.sql));
        int indexed = 0;
        for (const FieldDef& field : fields()) {
            if (field.index.empty())
                continue;
            ++indexed;
            for (const QString& name : text(field.index).split(QStringLiteral(", "))) {
                QVERIFY2(indexes.contains(name), qPrintable(name));
                const QString sql = indexes.value(name);
                // Identity fields reach events through the identity index, eventSource through its names.
                const bool coversColumn =
                    sql.contains(u'(' + text(field.column)) ||
                    (field.storage == Storage::IdentityString && name == u"events_identity_time") ||
                    (field.column == "source" && name == u"events_name_time");
                QVERIFY2(coversColumn, qPrintable(QString::fromLatin1(field.name) + u' ' + sql));
            }
        }
        QVERIFY(indexed >= 10);
    }

    void columnsExist()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.tscase"));
        auto db = CaseSchema::open(path, CaseSchema::OpenMode::CreateOrOpen);
        QVERIFY(db.has_value());
        for (const FieldDef& field : fields()) {
            const QString sql = QStringLiteral("SELECT %1 FROM %2").arg(text(field.column), tableOf(field.storage));
            const auto statement = db->prepare(sql.toStdString());
            QVERIFY2(statement.isValid(), qPrintable(sql + u": " + statement.prepareError()));
        }
    }

    // Every field compiles, with a value, with `*`, negated and in a filter pattern, and runs on an empty case.
    void everyFieldCompiles()
    {
        const QString path = m_dir.filePath(QStringLiteral("compile.tscase"));
        {
            auto created = CaseSchema::open(path, CaseSchema::OpenMode::CreateOrOpen);
            QVERIFY(created.has_value());
        }
        auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        for (const FieldDef& field : fields()) {
            const QString name = text(field.name);
            QStringList searches{name + u':' + sampleValue(field), name + QStringLiteral(":*"),
                                 u'-' + name + u':' + sampleValue(field),
                                 name + QStringLiteral("!=") + sampleValue(field)};
            if (field.kind == ValueKind::Wildcard || field.kind == ValueKind::Cidr)
                searches << name + QStringLiteral(":x*y");
            if (!field.jsonPath.empty())
                searches << QStringLiteral("{ $.%1 = \"x*\" || $.%1 NOT EXISTS || $.%1 != 5 || $.%1 IS TRUE }")
                                .arg(text(field.jsonPath));
            for (const QString& search : searches) {
                const auto parsed = parseSearch(search);
                QVERIFY2(parsed.has_value(),
                         qPrintable(search + u": " + (parsed ? QString() : parsed.error().message)));
                auto events = EventSearch::create(*db, *parsed, {});
                QVERIFY2(events.has_value(), qPrintable(search + u": " + (events ? QString() : events.error().detail)));
                const auto page = events->page(std::nullopt, 10);
                QVERIFY2(page.has_value() && page->empty(), qPrintable(search));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFieldTable)
#include "tst_fieldtable.moc"
