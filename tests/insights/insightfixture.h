// A generated case with known episodes for the insights tests. Every number the tests expect follows from the
// schedule described here, minute by minute from Origin (2026-02-01T00:00:00Z), ten days (minutes 0..14399):
//
//  spike    111122223333 us-east-1  ec2 RunInstances (write): alice once an hour at minute 60k; minute 12270 holds
//           10 calls by mallory and 2 by alice, minute 12271 8 by mallory.
//  storm    111122223333 eu-west-1  iam ListRoles (read) AccessDenied: alice daily at d·1440+540; minutes
//           12420..12423 hold 20, 15, 6, 1 by mallory.
//  data     111122223333 us-east-1  s3 GetObject data events AccessDenied by mallory: 30 at 12720, 30 at 12721,
//           with six user agents scanner/1..6 (10, 8, 5, 4, 2, 1 calls a minute).
//  quiet    444455556666 us-east-1  ec2 CreateTags (write) by bob every ten minutes; minute 12005 holds 3.
//  edge     444455556666 eu-west-1  ec2 DeleteSecurityGroup (write) by bob at minutes 100 and 101 (its account and
//           region's first events), 7 at 10181: the window before 10181 starts at 101 exactly; a read at 14000.
//  short    111122223333 ap-south-1 lambda: first event (a read) at 8640, CreateFunction ×6 at 10640, a read at
//           14000: 2,000 minutes of baseline.
//  young    111122223333 ap-northeast-1 lambda: first event at 11000, CreateFunction ×6 at 12000 (1,000 minutes of
//           history, under the minimum), a read at 14000.
//  session  alice with a temporary (ASIA) key: one DescribeInstances in us-east-1 at 9000.
//  aws      one Insights event as AWS delivers it (ApiCallRateInsight Start for the spike).
#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace InsightFixture {

inline constexpr qint64 Origin = 1769904000000; // 2026-02-01T00:00:00Z
inline constexpr qint64 OriginMinute = Origin / 60000;

inline const QString AccountA = QStringLiteral("111122223333");
inline const QString AccountB = QStringLiteral("444455556666");
inline const QString Alice = QStringLiteral("arn:aws:iam::111122223333:user/alice");
inline const QString Mallory = QStringLiteral("arn:aws:iam::111122223333:user/mallory");
inline const QString Bob = QStringLiteral("arn:aws:iam::444455556666:user/bob");
inline const QString AliceAgent = QStringLiteral("aws-cli/2.15.0 Python/3.11.6");
inline const QString MalloryAgent = QStringLiteral("kali-agent/1.0");
inline const QString BobAgent = QStringLiteral("Boto3/1.34.0");
inline const QString MalloryKey = QStringLiteral("AKIAMALLORY000000001");
inline const QString MalloryIp = QStringLiteral("203.0.113.66");

/// The fixture's records (the delivered Insights event last).
std::vector<QJsonObject> records();

/// Writes the records as a trail file under `dir` and imports them into `dir`/insights.tscase; returns the case
/// path, or an empty string (after failing the running test) when the import fails.
QString buildCase(const QString& dir);

/// Origin + minutes, in UTC milliseconds.
inline qint64 at(qint64 minute, int second = 0)
{
    return Origin + minute * 60000 + second * 1000;
}

} // namespace InsightFixture
