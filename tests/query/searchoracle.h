// An evaluation of searches written independently of the query layer: the expectation of each test search is a
// predicate over the record as Qt's JSON parser reads it, checked against what the compiled SQL returns.
#pragma once

#include "casedb/caseschema.h"
#include "casedb/casewriter.h"
#include "query/searchparser.h"
#include "query/searchsql.h"
#include "record/resourcetable.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>
#include <optional>

namespace Oracle {

struct Rec;
using Expectation = std::function<bool(const Rec&)>;

/// The eventID of fixture record n (tst_searchsql): a canonical lowercase UUID.
QString fixtureUuid(int n);
/// Adds the columns search (QString), predicate (Expectation), mayBeEmpty (bool) and a row per search case.
void addFixtureSearchCases();

struct Resource
{
    QString arn; ///< ARN, or ARNPrefix when isPrefix
    bool isPrefix = false;
    QString type;
};

/// One record as the oracle sees it.
struct Rec
{
    QJsonObject object;
    QString raw; ///< the record's JSON text as stored in its source file

    QJsonValue at(const QString& dotted) const
    {
        QJsonValue value = object;
        for (const QString& key : dotted.split(u'.')) {
            if (!value.isObject())
                return QJsonValue::Undefined;
            value = value.toObject().value(key);
        }
        return value;
    }
    bool has(const QString& dotted) const { return !at(dotted).isUndefined(); }
    /// A scalar as text (strings as they are, booleans as true/false); nullopt for absent, null, objects, arrays.
    std::optional<QString> str(const QString& dotted) const
    {
        const QJsonValue value = at(dotted);
        if (value.isString())
            return value.toString();
        if (value.isBool())
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return std::nullopt;
    }
    bool is(const QString& dotted, const QString& text) const { return str(dotted) == text; }

    /// userName, else the session name of an assumed-role or federated-user ARN, else the session issuer's
    /// userName, else invokedBy.
    std::optional<QString> user() const
    {
        if (const auto name = str(QStringLiteral("userIdentity.userName")); name && !name->isEmpty())
            return name;
        if (const auto arn = str(QStringLiteral("userIdentity.arn"));
            arn &&
            (arn->contains(QLatin1String(":assumed-role/")) || arn->contains(QLatin1String(":federated-user/")))) {
            const QString session = arn->section(u'/', -1);
            if (!session.isEmpty())
                return session;
        }
        if (const auto issuer = str(QStringLiteral("userIdentity.sessionContext.sessionIssuer.userName"));
            issuer && !issuer->isEmpty())
            return issuer;
        if (const auto invokedBy = str(QStringLiteral("userIdentity.invokedBy")); invokedBy && !invokedBy->isEmpty())
            return invokedBy;
        return std::nullopt;
    }

    std::optional<qint64> time() const
    {
        const auto text = str(QStringLiteral("eventTime"));
        if (!text)
            return std::nullopt;
        const QDateTime parsed = QDateTime::fromString(*text, Qt::ISODateWithMs);
        return parsed.isValid() ? std::optional<qint64>(parsed.toMSecsSinceEpoch()) : std::nullopt;
    }

    std::vector<Resource> resources() const
    {
        std::vector<Resource> list;
        for (const QJsonValue& item : object.value(QStringLiteral("resources")).toArray()) {
            if (!item.isObject())
                continue; // a tool that wrote each resource as a string says nothing usable
            const QJsonObject resource = item.toObject();
            Resource r;
            for (auto it = resource.begin(); it != resource.end(); ++it) {
                if (it.key().compare(QLatin1String("arn"), Qt::CaseInsensitive) == 0)
                    r.arn = it.value().toString();
            }
            if (r.arn.isEmpty()) {
                for (auto it = resource.begin(); it != resource.end(); ++it)
                    if (it.key().compare(QLatin1String("arnPrefix"), Qt::CaseInsensitive) == 0) {
                        r.arn = it.value().toString();
                        r.isPrefix = true;
                    }
            }
            r.type = resource.value(QStringLiteral("type")).toString();
            list.push_back(r);
        }
        if (list.empty())
            derivedResources(list);
        return list;
    }

private:
    // The resource table read with QJson, independently of the importer's simdjson walk.
    void derivedResources(std::vector<Resource>& list) const
    {
        const auto source = str(QStringLiteral("eventSource"));
        const auto name = str(QStringLiteral("eventName"));
        if (!source || !name)
            return;
        const Trailscope::Core::ResourceRule* rule =
            Trailscope::Core::findResourceRule(source->toStdString(), name->toStdString());
        if (!rule)
            return;
        for (const Trailscope::Core::ResourcePath& path : rule->resources) {
            if (path.type.empty())
                break;
            QStringList names;
            collect(QJsonValue(object), QString::fromLatin1(path.path.data(), path.path.size()).split(u'.'), names);
            for (const QString& found : names) {
                Resource r;
                r.type = QString::fromLatin1(path.type.data(), path.type.size());
                r.arn = found;
                const bool seen =
                    std::ranges::any_of(list, [&](const Resource& x) { return x.type == r.type && x.arn == r.arn; });
                if (!seen && !found.isEmpty())
                    list.push_back(r);
            }
        }
    }

    static void collect(const QJsonValue& value, QStringList segments, QStringList& names)
    {
        if (segments.isEmpty()) {
            if (value.isString())
                names << value.toString();
            else if (value.isDouble())
                names << QString::number(value.toInteger());
            else if (value.isArray())
                for (const QJsonValue& item : value.toArray())
                    if (item.isString())
                        names << item.toString();
            return;
        }
        QString key = segments.takeFirst();
        const bool each = key.endsWith(QLatin1String("[]"));
        if (each)
            key.chop(2);
        const QJsonValue child = value.toObject().value(key);
        if (!each) {
            collect(child, segments, names);
            return;
        }
        for (const QJsonValue& item : child.toArray())
            collect(item, segments, names);
    }

public:
};

/// Whole-value `*` pattern, through QRegularExpression.
inline bool glob(const std::optional<QString>& text, const QString& pattern, bool caseInsensitive = false)
{
    if (!text)
        return false;
    QStringList pieces;
    for (const QString& piece : pattern.split(u'*'))
        pieces << QRegularExpression::escape(piece);
    const QRegularExpression regex(QRegularExpression::anchoredPattern(pieces.join(QStringLiteral(".*"))),
                                   caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                                   : QRegularExpression::NoPatternOption);
    return regex.match(*text).hasMatch();
}

inline bool equalsIgnoringCase(const std::optional<QString>& text, const QString& value)
{
    return text && text->compare(value, Qt::CaseInsensitive) == 0;
}

/// CIDR through QHostAddress (Qt Network), not the code under test. Dotted quads are decimal part by part
/// (`10.0.0.07` is 10.0.0.7), where QHostAddress, like inet_aton, would read a leading zero as octal.
inline bool inSubnet(const std::optional<QString>& text, const QString& cidr)
{
    if (!text)
        return false;
    QString normalised = *text;
    static const QRegularExpression DottedQuad(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    if (DottedQuad.match(normalised).hasMatch()) {
        QStringList parts = normalised.split(u'.');
        for (QString& part : parts)
            part = QString::number(part.toInt());
        normalised = parts.join(u'.');
    }
    const QHostAddress address(normalised);
    return !address.isNull() && address.isInSubnet(QHostAddress::parseSubnet(cidr));
}

/// Free text: the record's text contains the pieces in order, ignoring case.
inline bool rawContains(const Rec& rec, const QString& pattern)
{
    qsizetype from = 0;
    for (const QString& piece : pattern.split(u'*')) {
        const qsizetype found = rec.raw.indexOf(piece, from, Qt::CaseInsensitive);
        if (found < 0)
            return false;
        from = found + piece.size();
    }
    return true;
}

/// The stored eventID text of each event row.
inline QHash<qint64, QString> eventIdsByRow(Trailscope::Core::Sql::Database& db)
{
    QHash<qint64, QString> ids;
    auto rows = db.prepare("SELECT id, event_id, typeof(event_id) = 'blob' FROM events");
    while (rows.step() == SQLITE_ROW)
        ids.insert(rows.columnInt(0), QString::fromStdString(Trailscope::Core::decodeStoredId(rows.columnBlob(1),
                                                                                              rows.columnInt(2) != 0)));
    return ids;
}

/// Runs a search through the query layer and returns the row ids in result order, or an error text.
inline std::variant<std::vector<Trailscope::Core::Query::EventKey>, QString>
runSearch(Trailscope::Core::Sql::Database& db, const QString& search,
          const Trailscope::Core::Query::SearchOptions& options = {}, int limit = 0)
{
    using namespace Trailscope::Core::Query;
    const auto parsed = parseSearch(search);
    if (!parsed)
        return QStringLiteral("%1: %2").arg(parsed.error().position).arg(parsed.error().message);
    auto events = EventSearch::create(db, *parsed, options);
    if (!events)
        return events.error().detail;
    const auto page = events->page(std::nullopt, limit);
    if (!page)
        return page.error().toString();
    return *page;
}

} // namespace Oracle

Q_DECLARE_METATYPE(Oracle::Expectation)
