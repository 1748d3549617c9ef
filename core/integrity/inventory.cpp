#include "inventory.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "import/inputwalker.h"
#include "record/contentdecoder.h"
#include "util/boundedqueue.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

#include <cstring>
#include <mutex>
#include <thread>

namespace Trailscope::Core::Integrity {

namespace {

QString locationOf(const QString& path, const QString& member)
{
    return member.isEmpty() ? path : path + u'!' + member;
}

InventoryFile hashUnit(SourceUnit&& unit)
{
    InventoryFile file;
    file.location = locationOf(unit.path, unit.member);
    file.key = keyFromAWSLogs(unit.member.isEmpty() ? unit.path : unit.member);
    file.s3 = unit.key;
    const bool digest = unit.key.folder == S3Key::Folder::Digest;
    Sha256Hasher hasher;
    const auto decoded =
        ContentDecoder::decode(std::span<const char>(unit.stored.constData(), std::size_t(unit.stored.size())),
                               DecodeLimits{}, [&](std::string_view chunk) {
                                   hasher.add(chunk);
                                   if (digest)
                                       file.content.append(chunk.data(), qsizetype(chunk.size()));
                                   return true;
                               });
    if (decoded)
        file.contentSha256 = hasher.finish();
    if (digest && unit.member.isEmpty())
        file.signatureHex = readSignatureFile(unit.path + QStringLiteral(".sig")).value_or(QString());
    return file;
}

} // namespace

Result<QString> readSignatureFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::Io, file.errorString(), path});
    const QByteArray bytes = file.readAll().trimmed();
    QByteArray hex = bytes;
    if (bytes.startsWith('{')) {
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        const QJsonObject metadata = root.value(QLatin1String("Metadata")).toObject();
        hex = metadata.value(QLatin1String("signature"))
                  .toString(root.value(QLatin1String("x-amz-meta-signature")).toString())
                  .toLatin1();
    }
    const bool isHex = !hex.isEmpty() && std::all_of(hex.begin(), hex.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c));
    });
    if (!isHex)
        return std::unexpected(Error{
            ErrorCode::NotJson,
            QStringLiteral("not a signature: neither hex nor JSON with Metadata.signature or x-amz-meta-signature"),
            path});
    return QString::fromLatin1(hex).toLower();
}

QString keyFromAWSLogs(const QString& path)
{
    const qsizetype at = path.indexOf(QLatin1String("AWSLogs/"));
    if (at < 0 || (at > 0 && path.at(at - 1) != u'/'))
        return {};
    return path.mid(at);
}

Inventory collectTree(const QStringList& paths, int threads, const std::atomic<bool>& cancel)
{
    Inventory inventory;
    // Bounded by bytes so a fast disk does not fill memory ahead of the hashing workers.
    BoundedQueue<SourceUnit> queue(64u << 20);
    std::mutex mutex;
    std::vector<std::thread> workers;
    for (int i = 0; i < std::max(1, threads); ++i) {
        workers.emplace_back([&] {
            std::vector<InventoryFile> mine;
            while (auto unit = queue.pop())
                mine.push_back(hashUnit(std::move(*unit)));
            std::lock_guard lock(mutex);
            std::move(mine.begin(), mine.end(), std::back_inserter(inventory.files));
        });
    }
    InputWalker walker(
        ImportScope{},
        [&](SourceUnit&& unit) {
            const std::size_t cost = std::size_t(unit.stored.size());
            return queue.push(std::move(unit), cost);
        },
        [&](const Error& error) { inventory.problems.push_back(error); }, cancel);
    walker.walk(paths);
    queue.close();
    for (std::thread& worker : workers)
        worker.join();
    return inventory;
}

Result<Inventory> collectCase(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    Inventory inventory;
    inventory.fromCase = true;
    RawRecordReader reader(*db);
    auto files = db->prepare("SELECT id, path, member, folder, content_sha256, organization, account, region, "
                             "delivered FROM source_files ORDER BY id");
    while (files.step() == SQLITE_ROW) {
        InventoryFile file;
        const QString path = files.columnQString(1);
        const QString member = files.columnIsNull(2) ? QString() : files.columnQString(2);
        file.location = locationOf(path, member);
        file.key = keyFromAWSLogs(member.isEmpty() ? path : member);
        file.s3 = parseS3Key(file.key.toStdString());
        const std::string_view hash = files.columnBlob(4);
        if (hash.size() == 32) {
            Sha256 digest;
            std::memcpy(digest.data(), hash.data(), digest.size());
            file.contentSha256 = digest;
        }
        if (file.s3.folder == S3Key::Folder::Digest) {
            const auto read = reader.content(files.columnInt(0), [&](std::string_view chunk) {
                file.content.append(chunk.data(), qsizetype(chunk.size()));
                return true;
            });
            if (!read)
                inventory.problems.push_back(Error{read.error().code, read.error().detail, file.location});
        }
        inventory.files.push_back(std::move(file));
    }
    return inventory;
}

} // namespace Trailscope::Core::Integrity
