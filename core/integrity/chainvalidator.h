#pragma once

#include "integrity/integrityreport.h"
#include "integrity/inventory.h"

#include <map>

namespace Trailscope::Core::Integrity {

class PublicKeySet;

/// Signatures of newest digests given apart from the files (`--signature`): digest file name → hex.
using SignatureMap = std::map<QString, QString>;

/// Validates an inventory as `aws cloudtrail validate-logs` would validate the bucket (reference §5): every chain
/// of digests per account, region and trail from its newest digest back through previousDigestS3Object, each
/// digest's hash against its successor's previousDigestHashValue and, when `keys` is not empty, its signature
/// (the successor's previousDigestSignature; the newest one's from a sidecar or `signatures`); every listed log
/// file's content hash; and the log files no digest lists.
IntegrityReport validateInventory(const Inventory& inventory, const PublicKeySet& keys,
                                  const SignatureMap& signatures = {});

} // namespace Trailscope::Core::Integrity
