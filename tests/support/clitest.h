#pragma once

// Helpers for tests that drive the real trailscope-cli binary, as a user does.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <vector>

namespace Trailscope::Test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out, err;

    QStringList errLines() const { return QString::fromUtf8(err).split(u'\n', Qt::SkipEmptyParts); }
};

QString cliPath();
/// Waits (up to two minutes) for a started trailscope-cli and collects its streams.
CliRun finishCli(QProcess& process);
CliRun runCli(const QStringList& arguments, const QString& workingDirectory = {});
/// Exit code and both streams, for failure messages.
QByteArray describe(const CliRun& run);

/// The text of the first column of every row, in order (opened read-write so a crashed import's WAL recovers).
QStringList queryStrings(const QString& casePath, const char* sql);

/// `00000000-0000-4000-8000-<n>`: a canonical event ID for fixture number n.
QString fixtureEventId(int n);

/// One delivered trail file of a fixture: its key fields and one event per time.
struct TrailFile
{
    QString account, region, delivered;
    QStringList times;
    QString source = QStringLiteral("ec2.amazonaws.com");
};

/// The file's records, numbered on from `nextId`.
std::vector<QJsonObject> recordsOf(const TrailFile& file, int& nextId);
/// Writes the files as CloudTrail delivers them (gzip under their S3 key), numbering events from 1; returns paths.
QStringList writeTrail(const QString& root, const std::vector<TrailFile>& files);
/// Two accounts, two regions, one file each, 11 events (B has more than A, us-east-1 more than eu-west-1).
std::vector<TrailFile> smallTrail();

} // namespace Trailscope::Test

// The exit code, with both streams in the failure message.
#define COMPARE_EXIT(run, code)                                                                                        \
    do {                                                                                                               \
        const ::Trailscope::Test::CliRun& checked = (run);                                                             \
        QVERIFY2(checked.exitCode == (code), ::Trailscope::Test::describe(checked).constData());                       \
    } while (false)

// stdout must be exactly one JSON object; declares `name` holding it.
#define PARSE_JSON(run, name)                                                                                          \
    QJsonParseError parseError_##name;                                                                                 \
    const QJsonDocument document_##name = QJsonDocument::fromJson((run).out, &parseError_##name);                      \
    QVERIFY2(parseError_##name.error == QJsonParseError::NoError && document_##name.isObject(),                        \
             ::Trailscope::Test::describe(run).constData());                                                           \
    const QJsonObject name = document_##name.object()
