#pragma once

#include "common/backgroundjob.h"
#include "integrity/flaggedfiles.h"
#include "integrity/integrityreport.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Trailscope::Ui {

/// What to validate: the case (from the hashes its import recorded), or the original files of a trail tree or
/// archive; with the analyst's public keys, signatures too.
struct IntegrityRequest
{
    QString casePath;
    QStringList originals; ///< folders, archives or files; empty: the case itself
    QStringList keyFiles;  ///< `aws cloudtrail list-public-keys` JSON, PEM or DER
};

using SharedIntegrityReport = std::shared_ptr<const Core::Integrity::IntegrityReport>;
/// The case's source files the validation could not vouch for (integrity/flaggedfiles.h).
using SharedFlaggedFiles = std::shared_ptr<const Core::Integrity::FlaggedFiles>;

/// One validation on a thread of its own: reading (hashing the originals on every core, or the case's records),
/// then the chains. Cancel stops reading originals; the chains take a fraction of a second.
class IntegrityJob : public BackgroundJob
{
    Q_OBJECT

public:
    explicit IntegrityJob(IntegrityRequest request, QObject* parent = nullptr);
    ~IntegrityJob() override;

    const IntegrityRequest& request() const { return m_request; }

Q_SIGNALS:
    void stage(const QString& what);
    /// `flagged`: the case's files the report does not vouch for, matched by key (originals' files too).
    void finished(const Trailscope::Ui::SharedIntegrityReport& report,
                  const Trailscope::Ui::SharedFlaggedFiles& flagged);
    void failed(const QString& message);
    void cancelled();

private:
    void run() override;

    IntegrityRequest m_request;
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::SharedIntegrityReport)
Q_DECLARE_METATYPE(Trailscope::Ui::SharedFlaggedFiles)
