#include "chainvalidator.h"

#include "integrity/digestfile.h"
#include "integrity/publickeys.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace Trailscope::Core::Integrity {

namespace {

struct DigestNode
{
    std::size_t file = 0;
    std::optional<DigestFile> parsed;
    DigestName name;
    QString hashHex;
    QString chain;
    std::int64_t sortTime = 0; ///< the end time the file name gives, as validate-logs lists them
    bool visited = false;
};

/// What a successor says of its predecessor; a chain's newest digest has only its signature from elsewhere.
struct Expected
{
    std::optional<QString> hash, signature;
};

QString fileNameOf(const QString& location)
{
    return location.section(u'/', -1).section(u'!', -1);
}

std::int64_t nameTime(const QString& stamp)
{
    QDateTime time = QDateTime::fromString(stamp, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

class Validator
{
public:
    Validator(const Inventory& inventory, const PublicKeySet& keys, const SignatureMap& signatures)
        : m_inventory(inventory), m_keys(keys), m_signatures(signatures), m_listed(inventory.files.size(), false)
    {}

    IntegrityReport run();

private:
    void indexFiles();
    void addDigest(std::size_t index);
    void walkChain(std::vector<std::size_t> nodes, ChainSummary& summary);
    std::optional<std::size_t> afterBreak(const std::vector<std::size_t>& nodes, const DigestNode& node,
                                          ChainSummary& summary);
    std::optional<std::size_t> newestUnvisited(const std::vector<std::size_t>& nodes, std::int64_t before) const;
    std::optional<std::size_t> predecessor(const DigestFile& digest) const;
    Expected headOf(std::optional<std::size_t> node, bool onlyChain) const;
    void checkDigest(const DigestNode& node, const Expected& expected);
    void checkSignature(const DigestNode& node, const Expected& expected, IntegrityEntry& entry) const;
    void checkLogs(const DigestNode& node);
    static FileStatus logStatus(const InventoryFile& file, const DigestLogEntry& log);
    void addGap(const DigestNode& node, std::int64_t olderEnd);
    void missingDigest(const DigestNode& node);
    void reportUnlisted();
    void noteUnchecked();

    const Inventory& m_inventory;
    const PublicKeySet& m_keys;
    const SignatureMap& m_signatures;
    std::vector<bool> m_listed;                                ///< per file: some digest names it
    QHash<QString, std::vector<std::size_t>> m_byKey;          ///< a key's copies: a tree given beside its own archive
    QHash<QString, std::size_t> m_digestByKey, m_digestByName; ///< → m_nodes
    std::vector<DigestNode> m_nodes;
    IntegrityReport m_report;
    bool m_onlyChain = false;
};

void Validator::addDigest(std::size_t index)
{
    const InventoryFile& file = m_inventory.files[index];
    DigestNode node;
    node.file = index;
    node.name = parseDigestName(fileNameOf(file.location)).value_or(DigestName{});
    if (file.contentSha256) {
        node.hashHex = toHex(*file.contentSha256);
        if (auto parsed = parseDigestFile(file.content))
            node.parsed = std::move(*parsed);
    }
    const QString account = node.name.account.isEmpty() ? QString::fromStdString(file.s3.accountId) : node.name.account;
    const QString region = node.name.region.isEmpty() ? QString::fromStdString(file.s3.region) : node.name.region;
    node.chain = account + u'/' + region + u'/' + node.name.trail;
    node.sortTime = nameTime(node.name.timestamp);
    if (node.sortTime == 0 && node.parsed)
        node.sortTime = node.parsed->endMs;
    m_digestByKey.insert(file.key, m_nodes.size());
    m_digestByName.insert(fileNameOf(file.location), m_nodes.size());
    m_nodes.push_back(std::move(node));
}

void Validator::indexFiles()
{
    for (std::size_t i = 0; i < m_inventory.files.size(); ++i) {
        const InventoryFile& file = m_inventory.files[i];
        const bool digest = file.s3.folder == S3Key::Folder::Digest ||
                            (file.key.isEmpty() && parseDigestName(fileNameOf(file.location)));
        if (digest)
            addDigest(i);
        else if (!file.key.isEmpty())
            m_byKey[file.key].push_back(i);
    }
}

std::optional<std::size_t> Validator::newestUnvisited(const std::vector<std::size_t>& nodes, std::int64_t before) const
{
    for (std::size_t node : nodes) {
        if (!m_nodes[node].visited && m_nodes[node].sortTime < before)
            return node;
    }
    return std::nullopt;
}

// By its key, else by its name elsewhere: a digest moved from where its successor says it was is still found (and
// reported as moved), as the chain goes on through it.
std::optional<std::size_t> Validator::predecessor(const DigestFile& digest) const
{
    const QString object = *digest.previousS3Object;
    if (const auto found = m_digestByKey.constFind(keyFromAWSLogs(object)); found != m_digestByKey.cend())
        return *found;
    if (const auto found = m_digestByName.constFind(object.section(u'/', -1)); found != m_digestByName.cend())
        return *found;
    return std::nullopt;
}

Expected Validator::headOf(std::optional<std::size_t> node, bool onlyChain) const
{
    if (!node)
        return {};
    const DigestNode& head = m_nodes[*node];
    const InventoryFile& file = m_inventory.files[head.file];
    if (!file.signatureHex.isEmpty())
        return Expected{std::nullopt, file.signatureHex};
    if (const auto given = m_signatures.find(fileNameOf(file.location)); given != m_signatures.end())
        return Expected{std::nullopt, given->second};
    // A signature given without a digest's name can only mean the newest digest when there is one chain.
    if (const auto given = m_signatures.find(QString()); onlyChain && given != m_signatures.end())
        return Expected{std::nullopt, given->second};
    return {};
}

void Validator::checkSignature(const DigestNode& node, const Expected& expected, IntegrityEntry& entry) const
{
    if (m_keys.isEmpty())
        return;
    const QByteArray message = signingString(*node.parsed, node.hashHex);
    switch (m_keys.verify(node.parsed->publicKeyFingerprint, message, expected.signature.value_or(QString()))) {
    case SignatureCheck::Verified:
        entry.signature = SignatureState::Verified;
        break;
    case SignatureCheck::Failed:
        entry.signature = SignatureState::Failed;
        entry.status = FileStatus::SignatureFailed;
        break;
    case SignatureCheck::KeyNotFound:
        entry.status = FileStatus::KeyNotFound;
        break;
    case SignatureCheck::KeyUnloadable:
        entry.status = FileStatus::KeyUnloadable;
        break;
    case SignatureCheck::NoSignature:
        entry.signature = SignatureState::Missing;
        break;
    }
}

void Validator::checkDigest(const DigestNode& node, const Expected& expected)
{
    const InventoryFile& file = m_inventory.files[node.file];
    IntegrityEntry entry;
    entry.kind = EntryKind::Digest;
    entry.location = file.location;
    entry.chain = node.chain;
    entry.region = node.name.region;
    if (!node.parsed) {
        entry.s3Path = file.location;
        entry.status = FileStatus::InvalidFormat;
        m_report.entries.push_back(entry);
        return;
    }
    const DigestFile& digest = *node.parsed;
    entry.s3Path = QStringLiteral("s3://") + digest.digestS3Bucket + u'/' + digest.digestS3Object;
    entry.fingerprint = digest.publicKeyFingerprint;
    if (keyFromAWSLogs(digest.digestS3Object) != file.key)
        entry.status = FileStatus::Moved;
    else if (expected.hash && expected.hash->toLower() != node.hashHex)
        entry.status = FileStatus::HashMismatch;
    // An edited digest fails its successor's hash and its own signature; both are said.
    IntegrityEntry withSignature = entry;
    checkSignature(node, expected, withSignature);
    entry.signature = withSignature.signature;
    if (entry.status == FileStatus::Valid)
        entry.status = withSignature.status;
    m_report.entries.push_back(entry);
}

FileStatus Validator::logStatus(const InventoryFile& file, const DigestLogEntry& log)
{
    if (!file.contentSha256)
        return FileStatus::InvalidFormat;
    return toHex(*file.contentSha256) == log.hashValue ? FileStatus::Valid : FileStatus::HashMismatch;
}

// Every copy of a listed file is checked; the entry names the first that fails, else the first.
void Validator::checkLogs(const DigestNode& node)
{
    for (const DigestLogEntry& log : node.parsed->logFiles) {
        IntegrityEntry entry;
        entry.kind = EntryKind::Log;
        entry.chain = node.chain;
        entry.s3Path = QStringLiteral("s3://") + log.s3Bucket + u'/' + log.s3Object;
        entry.status = FileStatus::NotFound;
        const auto found = m_byKey.constFind(keyFromAWSLogs(log.s3Object));
        for (std::size_t copy : found == m_byKey.cend() ? std::vector<std::size_t>() : *found) {
            const InventoryFile& file = m_inventory.files[copy];
            m_listed[copy] = true;
            const FileStatus status = logStatus(file, log);
            if (entry.location.isEmpty() || (entry.status == FileStatus::Valid && status != FileStatus::Valid)) {
                entry.location = file.location;
                entry.status = status;
            }
        }
        m_report.entries.push_back(entry);
    }
}

void Validator::addGap(const DigestNode& node, std::int64_t olderEnd)
{
    IntegrityEntry gap;
    gap.kind = EntryKind::Gap;
    gap.chain = node.chain;
    gap.gapFrom = formatDigestTime(olderEnd);
    gap.gapTo = formatDigestTime(node.parsed->startMs);
    m_report.entries.push_back(gap);
}

void Validator::missingDigest(const DigestNode& node)
{
    IntegrityEntry entry;
    entry.kind = EntryKind::Digest;
    entry.status = FileStatus::NotFound;
    entry.chain = node.chain;
    entry.region = node.name.region;
    entry.s3Path = QStringLiteral("s3://") + node.parsed->previousS3Bucket.value_or(QString()) + u'/' +
                   *node.parsed->previousS3Object;
    m_report.entries.push_back(entry);
}

// validate-logs goes on with the next older digest it lists and, at a restart, says what the break left uncovered.
std::optional<std::size_t> Validator::afterBreak(const std::vector<std::size_t>& nodes, const DigestNode& node,
                                                 ChainSummary& summary)
{
    const std::optional<std::size_t> next = newestUnvisited(nodes, node.sortTime);
    if (next && node.parsed->startsChain()) {
        ++summary.restarts;
        const DigestNode& older = m_nodes[*next];
        addGap(node, older.parsed ? older.parsed->endMs : older.sortTime);
    }
    return next;
}

void Validator::walkChain(std::vector<std::size_t> nodes, ChainSummary& summary)
{
    std::sort(nodes.begin(), nodes.end(),
              [&](std::size_t a, std::size_t b) { return m_nodes[a].sortTime > m_nodes[b].sortTime; });
    std::optional<std::size_t> current = nodes.front();
    Expected expected = headOf(current, m_onlyChain);
    while (current) {
        DigestNode& node = m_nodes[*current];
        node.visited = true;
        ++summary.digests;
        checkDigest(node, expected);
        if (!node.parsed) {
            current = newestUnvisited(nodes, node.sortTime);
            expected = headOf(current, false);
            continue;
        }
        const DigestFile& digest = *node.parsed;
        if (summary.end.isEmpty())
            summary.end = digest.digestEndTime;
        summary.start = digest.digestStartTime;
        checkLogs(node);
        std::optional<std::size_t> previous = digest.startsChain() ? std::nullopt : predecessor(digest);
        if (previous && m_nodes[*previous].visited)
            previous.reset();
        if (!digest.startsChain() && !previous)
            missingDigest(node);
        if (!previous) {
            current = afterBreak(nodes, node, summary);
            expected = headOf(current, false);
            continue;
        }
        const DigestNode& older = m_nodes[*previous];
        if (older.parsed && older.parsed->endMs < digest.startMs) {
            ++summary.gaps;
            addGap(node, older.parsed->endMs);
        }
        expected = Expected{digest.previousHashValue, digest.previousSignature};
        current = previous;
    }
}

void Validator::reportUnlisted()
{
    struct Span
    {
        std::int64_t start = 0, end = 0;
    };
    QHash<QString, Span> covered; // account/region → the period its digests cover
    for (const DigestNode& node : m_nodes) {
        if (!node.parsed)
            continue;
        const QString where = node.chain.section(u'/', 0, 1); // the account and region its key names
        auto span = covered.find(where);
        if (span == covered.end())
            span = covered.insert(where, Span{node.parsed->startMs, node.parsed->endMs});
        span->start = std::min(span->start, node.parsed->startMs);
        span->end = std::max(span->end, node.parsed->endMs);
    }
    for (std::size_t i = 0; i < m_inventory.files.size(); ++i) {
        const InventoryFile& file = m_inventory.files[i];
        if (m_listed[i] || file.s3.folder != S3Key::Folder::CloudTrail || m_digestByKey.contains(file.key))
            continue;
        const auto span = covered.constFind(QString::fromStdString(file.s3.accountId + '/' + file.s3.region));
        IntegrityEntry entry;
        entry.kind = EntryKind::Log;
        entry.s3Path = file.location;
        entry.location = file.location;
        entry.status = FileStatus::NotCovered;
        // A file's name gives its delivery minute: within the covered period by a whole minute, some digest must
        // have listed it.
        const bool timed = file.s3.delivered && !file.s3.deliveredDayOnly;
        if (span != covered.cend() &&
            (!timed || (*file.s3.delivered >= span->start && *file.s3.delivered + 60'000 <= span->end)))
            entry.status = FileStatus::NotInAnyDigest;
        m_report.entries.push_back(entry);
    }
}

void Validator::noteUnchecked()
{
    if (m_keys.isEmpty()) {
        m_report.notChecked << QStringLiteral("signatures: no public keys were given (--public-keys)");
        return;
    }
    if (const int missing = m_report.signaturesIn(SignatureState::Missing))
        m_report.notChecked << QStringLiteral(
                                   "signatures of %1 digest file(s) with no successor at hand (a chain's newest, "
                                   "or the one before a missing digest): CloudTrail keeps them in the "
                                   "digest's S3 metadata (x-amz-meta-signature); give one as "
                                   "<digest>.sig or --signature")
                                   .arg(missing);
}

IntegrityReport Validator::run()
{
    m_report.fromCase = m_inventory.fromCase;
    m_report.keysSupplied = !m_keys.isEmpty();
    indexFiles();
    std::map<QString, std::vector<std::size_t>> chains;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        chains[m_nodes[i].chain].push_back(i);
    m_onlyChain = chains.size() == 1;
    for (auto& [chain, nodes] : chains) {
        ChainSummary summary;
        summary.account = chain.section(u'/', 0, 0);
        summary.region = chain.section(u'/', 1, 1);
        summary.trail = chain.section(u'/', 2);
        walkChain(std::move(nodes), summary);
        m_report.chains.push_back(summary);
    }
    reportUnlisted();
    noteUnchecked();
    return std::move(m_report);
}

} // namespace

IntegrityReport validateInventory(const Inventory& inventory, const PublicKeySet& keys, const SignatureMap& signatures)
{
    return Validator(inventory, keys, signatures).run();
}

} // namespace Trailscope::Core::Integrity
