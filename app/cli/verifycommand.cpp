#include "climain.h"
#include "exitcodes.h"

#include "integrity/chainvalidator.h"
#include "integrity/publickeys.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <thread>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Integrity;

bool isCaseFile(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

QString kindName(EntryKind kind)
{
    return kind == EntryKind::Digest ? QStringLiteral("Digest file") : QStringLiteral("Log file");
}

QString gapLine(const IntegrityEntry& gap)
{
    return QStringLiteral("No log files were delivered by CloudTrail between %1 and %2").arg(gap.gapFrom, gap.gapTo);
}

void printSummary(const IntegrityReport& report)
{
    printOut(QStringLiteral("\n"));
    for (const QString& line : summaryLines(report))
        printOut(line + u'\n');
}

void printText(const IntegrityReport& report, bool verbose)
{
    for (const ChainSummary& chain : report.chains) {
        printOut(QStringLiteral("Validating log files for trail %1 in account %2, region %3 between %4 and %5\n")
                     .arg(chain.trail, chain.account, chain.region, chain.start, chain.end));
        const QString key = chain.account + u'/' + chain.region + u'/' + chain.trail;
        for (const IntegrityEntry& entry : report.entries) {
            if (entry.chain != key)
                continue;
            if (entry.kind == EntryKind::Gap)
                printOut(gapLine(entry) + u'\n');
            else if (verbose || isInvalid(entry.status))
                printOut(kindName(entry.kind) + u'\t' + entry.s3Path + u'\t' + statusMessage(entry) + u'\n');
        }
    }
    for (const IntegrityEntry& entry : report.entries) {
        const bool unlisted = entry.chain.isEmpty() && entry.kind == EntryKind::Log;
        if (unlisted && (verbose || isInvalid(entry.status)))
            printOut(kindName(entry.kind) + u'\t' + entry.location + u'\t' + statusMessage(entry) + u'\n');
    }
    if (report.fromCase)
        printOut(QStringLiteral("Validated from the case: the content hashes and digest files the import recorded; "
                                "no original file was read\n"));
    printSummary(report);
}

QString signatureName(SignatureState state)
{
    switch (state) {
    case SignatureState::Verified:
        return QStringLiteral("verified");
    case SignatureState::Failed:
        return QStringLiteral("failed");
    case SignatureState::Missing:
        return QStringLiteral("missing");
    case SignatureState::NotChecked:
        break;
    }
    return QStringLiteral("not-checked");
}

QJsonObject entryJson(const IntegrityEntry& entry)
{
    if (entry.kind == EntryKind::Gap)
        return QJsonObject{{QStringLiteral("chain"), entry.chain},
                           {QStringLiteral("from"), entry.gapFrom},
                           {QStringLiteral("to"), entry.gapTo},
                           {QStringLiteral("message"), gapLine(entry)}};
    QJsonObject object{
        {QStringLiteral("kind"), entry.kind == EntryKind::Digest ? QStringLiteral("digest") : QStringLiteral("log")},
        {QStringLiteral("s3"), entry.s3Path},
        {QStringLiteral("location"), entry.location.isEmpty() ? QJsonValue() : entry.location},
        {QStringLiteral("chain"), entry.chain.isEmpty() ? QJsonValue() : entry.chain},
        {QStringLiteral("valid"), !isInvalid(entry.status)},
        {QStringLiteral("message"), statusMessage(entry)}};
    if (entry.kind == EntryKind::Digest)
        object[QStringLiteral("signature")] = signatureName(entry.signature);
    return object;
}

void printJson(const IntegrityReport& report, const QStringList& sources)
{
    QJsonArray files, gaps, chains;
    for (const IntegrityEntry& entry : report.entries)
        (entry.kind == EntryKind::Gap ? gaps : files).append(entryJson(entry));
    for (const ChainSummary& chain : report.chains)
        chains.append(QJsonObject{{QStringLiteral("account"), chain.account},
                                  {QStringLiteral("region"), chain.region},
                                  {QStringLiteral("trail"), chain.trail},
                                  {QStringLiteral("start"), chain.start},
                                  {QStringLiteral("end"), chain.end},
                                  {QStringLiteral("digests"), chain.digests},
                                  {QStringLiteral("restarts"), chain.restarts},
                                  {QStringLiteral("gaps"), chain.gaps}});
    const auto ratio = [&](EntryKind kind) {
        return QJsonObject{{QStringLiteral("valid"), report.count(kind, true)},
                           {QStringLiteral("invalid"), report.count(kind, false)}};
    };
    const QJsonObject summary{{QStringLiteral("digestFiles"), ratio(EntryKind::Digest)},
                              {QStringLiteral("logFiles"), ratio(EntryKind::Log)},
                              {QStringLiteral("notInAnyDigest"), report.countStatus(FileStatus::NotInAnyDigest)},
                              {QStringLiteral("notCovered"), report.countStatus(FileStatus::NotCovered)},
                              {QStringLiteral("signaturesVerified"), report.signaturesIn(SignatureState::Verified)}};
    const QJsonObject root{{QStringLiteral("sources"), QJsonArray::fromStringList(sources)},
                           {QStringLiteral("fromCase"), report.fromCase},
                           {QStringLiteral("valid"), report.allValid()},
                           {QStringLiteral("keysSupplied"), report.keysSupplied},
                           {QStringLiteral("chains"), chains},
                           {QStringLiteral("files"), files},
                           {QStringLiteral("gaps"), gaps},
                           {QStringLiteral("summary"), summary},
                           {QStringLiteral("notChecked"), QJsonArray::fromStringList(report.notChecked)}};
    printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

// Each --signature file is the newest digest's `<digest file name>.sig`, or, named otherwise, the signature of the
// only chain's newest digest.
std::optional<SignatureMap> loadSignatures(const QStringList& paths)
{
    SignatureMap signatures;
    for (const QString& path : paths) {
        const auto hex = readSignatureFile(path);
        if (!hex) {
            printErr(QStringLiteral("verify: %1\n").arg(hex.error().toString()));
            return std::nullopt;
        }
        QString name = QFileInfo(path).fileName();
        name = name.endsWith(QLatin1String(".sig")) && name.contains(QLatin1String("_CloudTrail-Digest_"))
                   ? name.chopped(4)
                   : QString();
        signatures[name] = *hex;
    }
    return signatures;
}

std::optional<PublicKeySet> loadKeys(const QStringList& paths)
{
    PublicKeySet keys;
    for (const QString& path : paths) {
        if (auto added = keys.addFile(path); !added) {
            printErr(QStringLiteral("verify: %1\n").arg(added.error().toString()));
            return std::nullopt;
        }
    }
    return keys;
}

std::optional<Inventory> collect(const QStringList& sources)
{
    if (sources.size() == 1 && isCaseFile(sources.first())) {
        auto inventory = collectCase(sources.first());
        if (!inventory) {
            printErr(QStringLiteral("verify: %1\n").arg(inventory.error().toString()));
            return std::nullopt;
        }
        return std::move(*inventory);
    }
    for (const QString& source : sources) {
        if (!QFileInfo::exists(source)) {
            printErr(QStringLiteral("verify: %1: no such file or folder\n").arg(source));
            return std::nullopt;
        }
    }
    const std::atomic<bool> cancel{false};
    return collectTree(sources, int(std::max(1u, std::thread::hardware_concurrency())), cancel);
}

} // namespace

int runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Validates CloudTrail log files against their digest files, as aws cloudtrail validate-logs "
                       "does in S3, for a downloaded trail tree or archive or for a case (from what the import "
                       "recorded). Exits 0 when everything checked is valid, 5 when something is invalid."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH|CASE"), QStringLiteral("Trail folders or archives, or a case."));
    const QCommandLineOption keysOption(
        QStringLiteral("public-keys"),
        QStringLiteral("The JSON of aws cloudtrail list-public-keys, or a PEM or DER public key; repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption signatureOption(
        QStringLiteral("signature"),
        QStringLiteral("The newest digest's signature (its S3 metadata x-amz-meta-signature, as hex or the JSON of "
                       "aws s3api head-object), named <digest file name>.sig; repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("F"),
                                    QStringLiteral("text"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Also list the valid files."));
    parser.addOptions({keysOption, signatureOption, format, verbose});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    const QStringList sources = parser.positionalArguments();
    if (sources.isEmpty()) {
        printErr(QStringLiteral("verify: needs a PATH or a CASE\n"));
        return ExitUsage;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json")) {
        printErr(QStringLiteral("verify: --format is text or json\n"));
        return ExitUsage;
    }
    const auto keys = loadKeys(parser.values(keysOption));
    const auto signatures = loadSignatures(parser.values(signatureOption));
    if (!keys || !signatures)
        return ExitFatal;
    const auto inventory = collect(sources);
    if (!inventory)
        return ExitFatal;
    for (const Error& problem : inventory->problems)
        printErr(QStringLiteral("verify: %1\n").arg(problem.toString()));
    const IntegrityReport report = validateInventory(*inventory, *keys, *signatures);
    if (formatName == QLatin1String("json"))
        printJson(report, sources);
    else
        printText(report, parser.isSet(verbose));
    if (!report.allValid())
        return ExitInvalid;
    return inventory->problems.empty() ? ExitOk : ExitPartial;
}

} // namespace Trailscope::Cli
