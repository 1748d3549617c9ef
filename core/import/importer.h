#pragma once

#include "casedb/casewriter.h"
#include "import/evidencetrainer.h"
#include "import/inputwalker.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Trailscope::Core {

struct ImportOptions
{
    QStringList paths;
    ImportScope scope;
    int workers = 0;          ///< parse threads; 0 = one fewer than the cores (at least one)
    bool buildIndexes = true; ///< false leaves the browse indexes to a later open (tests of resumption)
    /// Run the walker and parse workers at a lower CPU priority (nice +10), so a window open beside the import keeps
    /// its GUI thread responsive; the CLI imports at full priority.
    bool lowPriority = false;
    /// Files sampled to train the case's evidence dictionary, when it has none yet (tests use a few).
    std::size_t dictionarySamples = EvidenceDictionaryTrainer::DefaultSamples;
};

/// A snapshot of a running import, for progress bars.
struct ImportProgress
{
    std::int64_t filesDone = 0;
    std::int64_t events = 0;
    std::int64_t rejected = 0;
    std::uint64_t bytesDone = 0;  ///< stored bytes consumed
    std::uint64_t bytesTotal = 0; ///< stored bytes under the paths (archives count whole)
    double seconds = 0;
    double eventsPerSecond = 0;
    double etaSeconds = -1; ///< -1 while unknown
    QString phase;          ///< "reading", "indexing", "done"
};

/// What an import did, in the shape the CLI prints.
struct ImportSummary
{
    ImportCounts counts;
    std::vector<Error> rejected; ///< first problems, capped
    std::vector<Error> warnings;
    std::vector<ImportConflict> conflicts; ///< first conflicts, capped
    std::int64_t outOfScopeFiles = 0;
    std::int64_t ignoredFiles = 0;
    std::vector<IgnoredSource> ignored; ///< the first of them, by name
    double searchableSeconds = 0;
    double seconds = 0;
    bool cancelled = false;
};

/// Imports trail sources into a case: one walker, parse workers and the calling thread as the single writer.
/// Safe to cancel at any moment; what was committed stays, and running the same import again completes it.
class Importer
{
public:
    using ProgressCallback = std::function<void(const ImportProgress&)>;

    explicit Importer(QString casePath);

    Result<ImportSummary> run(const ImportOptions& options, const ProgressCallback& progress,
                              const std::atomic<bool>& cancel);

    /// Builds indexes a crash or cancel left unbuilt; quick when there are none.
    static Result<void> completeIndexes(const QString& casePath);

private:
    QString m_casePath;
};

} // namespace Trailscope::Core
