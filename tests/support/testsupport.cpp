#include "testsupport.h"

#include "casedb/caseschema.h"
#include "util/gzip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <archive.h>
#include <archive_entry.h>

namespace Trailscope::Test {

QJsonObject makeRecord(const QString& eventId, const QString& eventTime, const QString& eventName,
                       const QJsonObject& overrides)
{
    QJsonObject record{
        {QStringLiteral("eventVersion"), QStringLiteral("1.08")},
        {QStringLiteral("userIdentity"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("IAMUser")},
                     {QStringLiteral("principalId"), QStringLiteral("AIDAEXAMPLEPRINCIPAL")},
                     {QStringLiteral("arn"), QStringLiteral("arn:aws:iam::111122223333:user/alice")},
                     {QStringLiteral("accountId"), QStringLiteral("111122223333")},
                     {QStringLiteral("accessKeyId"), QStringLiteral("AKIAEXAMPLEALICE0001")},
                     {QStringLiteral("userName"), QStringLiteral("alice")}}},
        {QStringLiteral("eventTime"), eventTime},
        {QStringLiteral("eventSource"), QStringLiteral("ec2.amazonaws.com")},
        {QStringLiteral("eventName"), eventName},
        {QStringLiteral("awsRegion"), QStringLiteral("us-east-1")},
        {QStringLiteral("sourceIPAddress"), QStringLiteral("198.51.100.7")},
        {QStringLiteral("userAgent"), QStringLiteral("aws-cli/2.15.0 Python/3.11.6")},
        {QStringLiteral("requestParameters"), QJsonObject{{QStringLiteral("maxResults"), 5}}},
        {QStringLiteral("responseElements"), QJsonValue::Null},
        {QStringLiteral("requestID"), QStringLiteral("0f0e0d0c-0b0a-4909-8807-060504030201")},
        {QStringLiteral("eventID"), eventId},
        {QStringLiteral("readOnly"), true},
        {QStringLiteral("eventType"), QStringLiteral("AwsApiCall")},
        {QStringLiteral("managementEvent"), true},
        {QStringLiteral("recipientAccountId"), QStringLiteral("111122223333")},
        {QStringLiteral("eventCategory"), QStringLiteral("Management")},
        {QStringLiteral("tlsDetails"),
         QJsonObject{{QStringLiteral("tlsVersion"), QStringLiteral("TLSv1.3")},
                     {QStringLiteral("cipherSuite"), QStringLiteral("TLS_AES_128_GCM_SHA256")},
                     {QStringLiteral("clientProvidedHostHeader"), QStringLiteral("ec2.us-east-1.amazonaws.com")}}}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isUndefined())
            record.remove(it.key());
        else
            record[it.key()] = it.value();
    }
    return record;
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray recordsEnvelope(const std::vector<QJsonObject>& records)
{
    QByteArray out = "{\"Records\":[";
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (i > 0)
            out += ',';
        out += compact(records[i]);
    }
    return out + "]}";
}

QByteArray jsonArray(const std::vector<QJsonObject>& records)
{
    QJsonArray array;
    for (const QJsonObject& record : records)
        array.append(record);
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray jsonLines(const std::vector<QJsonObject>& records)
{
    QByteArray out;
    for (const QJsonObject& record : records)
        out += compact(record) + '\n';
    return out;
}

QByteArray gzip(const QByteArray& plain)
{
    return Core::gzipCompress(plain);
}

namespace {

QByteArray writeArchive(const Members& members, bool zip, bool gzipped)
{
    archive* writer = archive_write_new();
    if (zip)
        archive_write_set_format_zip(writer);
    else
        archive_write_set_format_pax_restricted(writer);
    if (gzipped)
        archive_write_add_filter_gzip(writer);
    std::vector<char> buffer(64u << 20);
    size_t used = 0;
    archive_write_set_bytes_in_last_block(writer, 1);
    archive_write_open_memory(writer, buffer.data(), buffer.size(), &used);
    for (const auto& [name, bytes] : members) {
        archive_entry* entry = archive_entry_new();
        const qsizetype symlink = name.indexOf(QLatin1String(" -> "));
        const qsizetype hardlink = name.indexOf(QLatin1String(" => "));
        const qsizetype arrow = symlink >= 0 ? symlink : hardlink;
        const QByteArray utf8 = name.left(arrow).toUtf8();
        const QByteArray target = arrow >= 0 ? name.mid(arrow + 4).toUtf8() : QByteArray();
        archive_entry_set_pathname(entry, utf8.constData());
        archive_entry_set_perm(entry, 0644);
        if (symlink >= 0) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, target.constData());
            archive_entry_set_size(entry, 0);
        } else if (hardlink >= 0) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, target.constData());
            archive_entry_set_size(entry, 0);
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, bytes.size());
        }
        archive_write_header(writer, entry);
        if (arrow < 0)
            archive_write_data(writer, bytes.constData(), static_cast<size_t>(bytes.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return QByteArray(buffer.data(), static_cast<qsizetype>(used));
}

} // namespace

QByteArray makeZip(const Members& members)
{
    return writeArchive(members, true, false);
}

QByteArray makeTar(const Members& members)
{
    return writeArchive(members, false, false);
}

QByteArray makeTarGz(const Members& members)
{
    return writeArchive(members, false, true);
}

QString writeFile(const QString& dir, const QString& relative, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write test fixture %s", qPrintable(path));
    return path;
}

QString trailKey(const QString& account, const QString& region, const QString& deliveredCompact, const QString& unique)
{
    const QString date = deliveredCompact.left(8);
    return QStringLiteral("AWSLogs/%1/CloudTrail/%2/%3/%4/%5/%1_CloudTrail_%2_%6_%7.json.gz")
        .arg(account, region, date.left(4), date.mid(4, 2), date.mid(6, 2), deliveredCompact, unique);
}

Core::Result<Core::ImportSummary> importPaths(const QString& casePath, const QStringList& paths,
                                              Core::ImportScope scope)
{
    Core::ImportOptions options;
    options.paths = paths;
    options.scope = std::move(scope);
    options.workers = 2;
    const std::atomic<bool> cancel(false);
    return Core::Importer(casePath).run(options, {}, cancel);
}

qint64 queryCount(const QString& casePath, const QString& sql)
{
    auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
    if (!db)
        qFatal("cannot open case %s: %s", qPrintable(casePath), qPrintable(db.error().toString()));
    const QByteArray text = sql.toUtf8();
    return db->queryInt(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))).value_or(-1);
}

QString corpusDir()
{
    const QString path = QStringLiteral(TRAILSCOPE_SOURCE_DIR "/../shared/corpus");
    return QFileInfo::exists(path) ? QDir(path).canonicalPath() : QString();
}

} // namespace Trailscope::Test
