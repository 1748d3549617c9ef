#include "digestfile.h"

#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Trailscope::Core::Integrity {

namespace {

Error formatError(const QString& detail)
{
    return Error{ErrorCode::NotJson, detail};
}

// A field that must be a string; `nullable` ones may also be null (the previous-digest fields of a chain's start).
Result<std::optional<QString>> stringField(const QJsonObject& object, const char* name, bool nullable)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isString())
        return std::optional<QString>(value.toString());
    if (nullable && (value.isNull() || value.isUndefined()))
        return std::optional<QString>();
    return std::unexpected(
        formatError(QStringLiteral("digest field %1 is missing or not a string").arg(QLatin1String(name))));
}

Result<QString> requiredString(const QJsonObject& object, const char* name)
{
    auto value = stringField(object, name, false);
    if (!value)
        return std::unexpected(value.error());
    return **value;
}

Result<std::int64_t> timeField(const QString& text, const char* name)
{
    if (const auto parsed = parseEventTime(text.toStdString()))
        return *parsed;
    return std::unexpected(
        formatError(QStringLiteral("digest field %1 is not a time: %2").arg(QLatin1String(name), text)));
}

Result<std::vector<DigestLogEntry>> logEntries(const QJsonObject& root)
{
    const QJsonValue list = root.value(QLatin1String("logFiles"));
    if (!list.isArray())
        return std::unexpected(formatError(QStringLiteral("digest field logFiles is missing or not an array")));
    std::vector<DigestLogEntry> entries;
    for (const QJsonValue item : list.toArray()) {
        const QJsonObject entry = item.toObject();
        auto bucket = requiredString(entry, "s3Bucket");
        auto object = requiredString(entry, "s3Object");
        auto hash = requiredString(entry, "hashValue");
        if (!bucket || !object || !hash)
            return std::unexpected(
                formatError(QStringLiteral("a logFiles entry lacks s3Bucket, s3Object or hashValue")));
        entries.push_back(DigestLogEntry{*bucket, *object, hash->toLower()});
    }
    return entries;
}

} // namespace

Result<DigestFile> parseDigestFile(const QByteArray& content)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(formatError(QStringLiteral("not a JSON object: %1").arg(parseError.errorString())));
    const QJsonObject root = document.object();
    DigestFile digest;
    for (auto [field, name] : {std::pair{&digest.awsAccountId, "awsAccountId"},
                               {&digest.digestStartTime, "digestStartTime"},
                               {&digest.digestEndTime, "digestEndTime"},
                               {&digest.digestS3Bucket, "digestS3Bucket"},
                               {&digest.digestS3Object, "digestS3Object"},
                               {&digest.publicKeyFingerprint, "digestPublicKeyFingerprint"},
                               {&digest.signatureAlgorithm, "digestSignatureAlgorithm"}}) {
        auto value = requiredString(root, name);
        if (!value)
            return std::unexpected(value.error());
        *field = std::move(*value);
    }
    for (auto [field, name] : {std::pair{&digest.previousS3Bucket, "previousDigestS3Bucket"},
                               {&digest.previousS3Object, "previousDigestS3Object"},
                               {&digest.previousHashValue, "previousDigestHashValue"},
                               {&digest.previousSignature, "previousDigestSignature"}}) {
        auto value = stringField(root, name, true);
        if (!value)
            return std::unexpected(value.error());
        *field = std::move(*value);
    }
    auto start = timeField(digest.digestStartTime, "digestStartTime");
    auto end = timeField(digest.digestEndTime, "digestEndTime");
    if (!start || !end)
        return std::unexpected(start ? end.error() : start.error());
    digest.startMs = *start;
    digest.endMs = *end;
    auto entries = logEntries(root);
    if (!entries)
        return std::unexpected(entries.error());
    digest.logFiles = std::move(*entries);
    return digest;
}

QByteArray signingString(const DigestFile& digest, const QString& contentSha256Hex)
{
    // "must be 'null' to match the Java implementation" (awscli validation.py)
    const QString previous = digest.previousSignature.value_or(QStringLiteral("null"));
    const QString text = digest.digestEndTime + u'\n' + digest.digestS3Bucket + u'/' + digest.digestS3Object + u'\n' +
                         contentSha256Hex + u'\n' + previous;
    return text.toUtf8();
}

std::optional<DigestName> parseDigestName(const QString& fileName)
{
    // The trail name may itself hold underscores, so the fields around it are taken from both ends.
    static const QLatin1String Marker("_CloudTrail-Digest_");
    const qsizetype marker = fileName.indexOf(Marker);
    QString rest = fileName;
    for (const char* suffix : {".json.gz", ".json"}) {
        if (rest.endsWith(QLatin1String(suffix))) {
            rest.chop(qsizetype(qstrlen(suffix)));
            break;
        }
    }
    if (marker <= 0)
        return std::nullopt;
    DigestName name;
    name.account = rest.left(marker);
    rest = rest.mid(marker + Marker.size());
    const qsizetype regionEnd = rest.indexOf(u'_');
    const qsizetype stampStart = rest.lastIndexOf(u'_');
    const qsizetype homeStart = stampStart > 0 ? rest.lastIndexOf(u'_', stampStart - 1) : -1;
    if (regionEnd <= 0 || homeStart <= regionEnd)
        return std::nullopt;
    name.region = rest.left(regionEnd);
    name.trail = rest.mid(regionEnd + 1, homeStart - regionEnd - 1);
    name.homeRegion = rest.mid(homeStart + 1, stampStart - homeStart - 1);
    name.timestamp = rest.mid(stampStart + 1);
    return name;
}

} // namespace Trailscope::Core::Integrity
