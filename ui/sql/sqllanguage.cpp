#include "sqllanguage.h"

#include "query/fieldtable.h"
#include "query/lake/lakefunctioncatalogue.h"
#include "query/lake/lakeschema.h"

namespace Trailscope::Ui::SqlLanguage {

namespace {

QSet<QString> lowerSet(const QStringList& words)
{
    QSet<QString> set;
    for (const QString& word : words)
        set.insert(word.toLower());
    return set;
}

// The record's spelling of a lower-case Lake path: each prefix's own name from the schema.
QString camelPath(std::string_view lowerPath)
{
    const QString path = QString::fromLatin1(lowerPath.data(), static_cast<qsizetype>(lowerPath.size()));
    QStringList parts;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype dot = path.indexOf(u'.', start);
        if (dot < 0)
            dot = path.size();
        const auto* field = Core::Query::Lake::findLakeField(QStringView(path).left(dot));
        parts << (field ? QString::fromLatin1(field->name.data(), static_cast<qsizetype>(field->name.size()))
                        : path.mid(start, dot - start));
        start = dot + 1;
    }
    return parts.join(u'.');
}

} // namespace

const QStringList& keywords()
{
    static const QStringList words = {
        QStringLiteral("SELECT"),    QStringLiteral("DISTINCT"),  QStringLiteral("FROM"),
        QStringLiteral("WHERE"),     QStringLiteral("GROUP"),     QStringLiteral("BY"),
        QStringLiteral("HAVING"),    QStringLiteral("ORDER"),     QStringLiteral("ASC"),
        QStringLiteral("DESC"),      QStringLiteral("NULLS"),     QStringLiteral("FIRST"),
        QStringLiteral("LAST"),      QStringLiteral("LIMIT"),     QStringLiteral("OFFSET"),
        QStringLiteral("AS"),        QStringLiteral("AND"),       QStringLiteral("OR"),
        QStringLiteral("NOT"),       QStringLiteral("IN"),        QStringLiteral("IS"),
        QStringLiteral("NULL"),      QStringLiteral("LIKE"),      QStringLiteral("ESCAPE"),
        QStringLiteral("BETWEEN"),   QStringLiteral("EXISTS"),    QStringLiteral("CASE"),
        QStringLiteral("WHEN"),      QStringLiteral("THEN"),      QStringLiteral("ELSE"),
        QStringLiteral("END"),       QStringLiteral("CAST"),      QStringLiteral("TRY_CAST"),
        QStringLiteral("JOIN"),      QStringLiteral("INNER"),     QStringLiteral("LEFT"),
        QStringLiteral("RIGHT"),     QStringLiteral("FULL"),      QStringLiteral("OUTER"),
        QStringLiteral("CROSS"),     QStringLiteral("ON"),        QStringLiteral("USING"),
        QStringLiteral("UNION"),     QStringLiteral("EXCEPT"),    QStringLiteral("INTERSECT"),
        QStringLiteral("ALL"),       QStringLiteral("WITH"),      QStringLiteral("RECURSIVE"),
        QStringLiteral("TRUE"),      QStringLiteral("FALSE"),     QStringLiteral("INTERVAL"),
        QStringLiteral("TIMESTAMP"), QStringLiteral("DATE"),      QStringLiteral("ARRAY"),
        QStringLiteral("OVER"),      QStringLiteral("PARTITION"), QStringLiteral("FILTER"),
        QStringLiteral("VARCHAR"),   QStringLiteral("BIGINT"),    QStringLiteral("INTEGER"),
        QStringLiteral("DOUBLE"),    QStringLiteral("DECIMAL"),   QStringLiteral("BOOLEAN"),
        QStringLiteral("JSON"),      QStringLiteral("DAY"),       QStringLiteral("HOUR"),
        QStringLiteral("MINUTE"),    QStringLiteral("SECOND"),    QStringLiteral("MONTH"),
        QStringLiteral("YEAR"),
    };
    return words;
}

const QStringList& functions()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto& function : Core::Query::Lake::lakeFunctionCatalogue())
            list << QString::fromLatin1(function.name.data(), static_cast<qsizetype>(function.name.size()));
        return list;
    }();
    return names;
}

QString functionHelp(const QString& name)
{
    const auto* function = Core::Query::Lake::findLakeFunction(name);
    if (!function)
        return {};
    return QString::fromLatin1(function->example.data(), static_cast<qsizetype>(function->example.size())) +
           QStringLiteral(" — ") +
           QString::fromLatin1(function->help.data(), static_cast<qsizetype>(function->help.size()));
}

const QStringList& fields()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto& column : Core::Query::Lake::lakeColumns())
            list << camelPath(column.path);
        // The mapped nested fields, then every record key path of the search field table
        // (responseElements.ConsoleLogin, additionalEventData.MFAUsed); paths into arrays (resources[].ARN) are not
        // names.
        static constexpr std::string_view Nested[] = {
            "useridentity.type",
            "useridentity.principalid",
            "useridentity.arn",
            "useridentity.accountid",
            "useridentity.accesskeyid",
            "useridentity.username",
            "useridentity.invokedby",
            "useridentity.identityprovider",
            "useridentity.sessioncontext",
            "useridentity.sessioncontext.sessionissuer",
            "useridentity.sessioncontext.sessionissuer.type",
            "useridentity.sessioncontext.sessionissuer.principalid",
            "useridentity.sessioncontext.sessionissuer.arn",
            "useridentity.sessioncontext.sessionissuer.accountid",
            "useridentity.sessioncontext.sessionissuer.username",
            "useridentity.sessioncontext.attributes",
            "useridentity.sessioncontext.attributes.mfaauthenticated",
            "useridentity.sessioncontext.attributes.creationdate",
            "useridentity.sessioncontext.sourceidentity",
            "useridentity.sessioncontext.webidfederationdata",
            "useridentity.onbehalfof",
            "useridentity.inscopeof",
            "tlsdetails.tlsversion",
            "tlsdetails.ciphersuite",
            "tlsdetails.clientprovidedhostheader",
            "tlsdetails.keyexchange",
        };
        for (const std::string_view path : Nested)
            list << camelPath(path);
        for (const auto& field : Core::Query::fields()) {
            const QString path =
                QString::fromLatin1(field.jsonPath.data(), static_cast<qsizetype>(field.jsonPath.size()));
            if (!path.isEmpty() && !path.contains(u'[') && !list.contains(path, Qt::CaseInsensitive))
                list << path;
        }
        return list;
    }();
    return names;
}

const QStringList& tables()
{
    static const QStringList names = {
        QStringLiteral("cloudtrail_logs"), QStringLiteral("events"),         QStringLiteral("strings"),
        QStringLiteral("identities"),      QStringLiteral("resources"),      QStringLiteral("insights"),
        QStringLiteral("tls_profiles"),    QStringLiteral("event_variants"), QStringLiteral("source_files"),
        QStringLiteral("coverage"),        QStringLiteral("key_paths"),
    };
    return names;
}

const QSet<QString>& keywordSet()
{
    static const QSet<QString> set = lowerSet(keywords());
    return set;
}

const QSet<QString>& functionSet()
{
    static const QSet<QString> set = lowerSet(functions());
    return set;
}

const QSet<QString>& topLevelFieldSet()
{
    static const QSet<QString> set = [] {
        QSet<QString> names;
        for (const auto& column : Core::Query::Lake::lakeColumns())
            names.insert(QString::fromLatin1(column.path.data(), static_cast<qsizetype>(column.path.size())));
        return names;
    }();
    return set;
}

QString keyPathAsSql(const QString& keyPath)
{
    QString path = keyPath;
    return path.replace(QStringLiteral("[*]"), QStringLiteral("[1]"));
}

} // namespace Trailscope::Ui::SqlLanguage
