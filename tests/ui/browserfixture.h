#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Trailscope::Test {

/// A small trail for the window's tests: 240 events over four days by four users, with errors, root activity and
/// a few distinctive event names. The records are kept so tests compute expectations from them, not from the code
/// under test.
struct BrowserFixture
{
    std::vector<QJsonObject> records;
    QString trailFile; ///< the records as one .json.gz trail file
    QString casePath;  ///< the trail imported into a case

    /// Writes the trail under `dir` and imports it into `dir/browser.tscase`.
    static BrowserFixture create(const QString& dir);

    /// Records whose top-level `key` equals `value` (string comparison).
    qsizetype countWhere(const QString& key, const QString& value) const;
    /// Records with eventTime in [startMs, endMs).
    qsizetype countBetween(qint64 startMs, qint64 endMs) const;
    /// The eventID of the newest record.
    QString newestEventId() const;
};

} // namespace Trailscope::Test
