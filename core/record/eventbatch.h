#pragma once

#include "record/evidencecodec.h"
#include "record/parsedevent.h"
#include "record/recordsplitter.h"
#include "record/s3key.h"
#include "util/error.h"
#include "util/sha256.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace Trailscope::Core {

/// How much a copy of an event can be trusted to be complete; a lower rank supersedes a higher one.
enum class SourceRank : int {
    TrailFile = 0,   ///< a file CloudTrail delivered to S3
    FullRecords = 1, ///< complete records written by another tool (arrays, JSON Lines, EventBridge)
    Abridged = 2,    ///< Event history download or lookup-events output, which lack fields
};

/// One source file (or archive member) and what is kept of it as evidence.
struct SourceFile
{
    std::int64_t id = 0;
    QString path;   ///< file on disk (the archive, for members)
    QString member; ///< path inside the archive, empty for plain files
    S3Key key;
    DocumentShape shape = DocumentShape::Unknown;
    SourceRank rank = SourceRank::FullRecords;
    RecordEncoding encoding = RecordEncoding::Json;
    Sha256 storedSha256{};
    Sha256 contentSha256{};
    std::uint64_t contentSize = 0;
    QByteArray evidence; ///< what the case keeps: see evidenceFormat
    EvidenceFormat evidenceFormat = EvidenceFormat::Gzip;
    bool evidenceIsOriginal = true; ///< the evidence is the stored bytes themselves (gzip evidence of a gzip source)
    std::shared_ptr<const EvidenceDictionary> dictionary; ///< zstd evidence compressed with a dictionary
    std::int64_t records = 0;                             ///< elements seen, good and bad
    bool resumed = false;                                 ///< an earlier, interrupted import already recorded this file
};

/// A slice of one file's events on its way from a parse worker to the writer. The first batch of a file carries
/// its evidence; the last one says the file is complete.
struct EventBatch
{
    std::shared_ptr<SourceFile> file;
    bool firstOfFile = false;
    bool lastOfFile = false;
    std::string text; ///< arena for every TextRef of the batch
    std::vector<ParsedEvent> events;
    std::vector<ResourceFields> resources;
    std::vector<Error> rejected; ///< records not stored
    std::vector<Error> warnings; ///< records stored with a flag
    /// Distinct key paths under requestParameters, responseElements, additionalEventData and serviceEventDetails
    /// seen in the batch (`requestParameters.bucketName`, arrays as `[*]`), for SQL completion; each event lists
    /// indexes into it in keyPathUses.
    std::vector<TextRef> keyPaths; // in `text`: no allocation per path, freed with the batch on the writer thread
    std::vector<std::uint32_t> keyPathUses;
    /// The field index's share of the batch (record/fieldleaves.h): the distinct leaf paths and every scalar leaf.
    std::vector<FieldPath> fieldPaths;
    std::vector<FieldLeaf> fieldLeaves;

    TextRef add(std::string_view value)
    {
        TextRef ref{static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(value.size()), true};
        text.append(value);
        return ref;
    }
    std::string_view view(const TextRef& ref) const
    {
        return ref.present ? std::string_view(text).substr(ref.offset, ref.length) : std::string_view();
    }
};

} // namespace Trailscope::Core
