#pragma once

#include <QString>
#include <QStringList>

namespace Trailscope::Ui {

/// Where cases and the bundled sample live, and how a case file is told from a trail archive.
namespace CaseFiles {

/// The user's data folder for cases Trailscope creates itself (the sample case, cases for dropped archives).
QString dataFolder();
/// The bundled sample trail: installed in share/trailscope/sample (beside the executable, or in the XDG data folders),
/// else in the source tree.
QString sampleTrail();
/// The case the sample is imported into on first use.
QString sampleCase();
/// Whether `path` is a Trailscope case: an SQLite file whose header carries the case application id.
bool isCaseFile(const QString& path);
/// A new case path for importing `sources`: beside the first source when that folder is writable, else in the data
/// folder; never an existing file.
QString newCaseFor(const QStringList& sources);

} // namespace CaseFiles

} // namespace Trailscope::Ui
