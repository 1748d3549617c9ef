#include "integrityjob.h"

#include "common/errortext.h"

#include "casedb/caseschema.h"
#include "integrity/chainvalidator.h"
#include "integrity/inventory.h"
#include "integrity/publickeys.h"

#include <QThread>

namespace Trailscope::Ui {

using namespace Trailscope::Core::Integrity;

IntegrityJob::IntegrityJob(IntegrityRequest request, QObject* parent)
    : BackgroundJob(parent), m_request(std::move(request))
{
    qRegisterMetaType<SharedIntegrityReport>();
    qRegisterMetaType<SharedFlaggedFiles>();
}

IntegrityJob::~IntegrityJob()
{
    stop();
}

void IntegrityJob::run()
{
    PublicKeySet keys;
    for (const QString& file : m_request.keyFiles) {
        if (auto added = keys.addFile(file); !added) {
            Q_EMIT failed(ErrorText::describe(added.error()));
            return;
        }
    }
    Inventory inventory;
    if (m_request.originals.isEmpty()) {
        Q_EMIT stage(tr("Reading the hashes the import recorded"));
        auto fromCase = collectCase(m_request.casePath);
        if (!fromCase) {
            Q_EMIT failed(ErrorText::describe(fromCase.error()));
            return;
        }
        inventory = std::move(*fromCase);
    } else {
        Q_EMIT stage(tr("Reading and hashing the original files"));
        inventory = collectTree(m_request.originals, std::max(1, QThread::idealThreadCount()), cancelledFlag());
    }
    if (isCancelled()) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT stage(tr("Following the digest chains"));
    auto report = std::make_shared<IntegrityReport>(validateInventory(inventory, keys));
    auto flagged = std::make_shared<FlaggedFiles>();
    if (auto db = Core::CaseSchema::open(m_request.casePath, Core::CaseSchema::OpenMode::ReadOnly)) {
        auto found = flaggedSourceFiles(*db, *report);
        if (!found) {
            Q_EMIT failed(ErrorText::describe(found.error()));
            return;
        }
        *flagged = std::move(*found);
    }
    Q_EMIT finished(report, flagged);
}

} // namespace Trailscope::Ui
