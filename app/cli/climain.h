#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Trailscope::Cli {

/// Dispatches `trailscope-cli COMMAND ...`; returns the process exit code.
int runCli(const QStringList& arguments);

int runDetect(const QStringList& arguments);
int runExport(const QStringList& arguments);
int runImport(const QStringList& arguments);
int runInfo(const QStringList& arguments);
int runInsights(const QStringList& arguments);
int runLookup(const QStringList& arguments);
int runQuery(const QStringList& arguments);
int runRules(const QStringList& arguments);
int runStory(const QStringList& arguments);
int runVerify(const QStringList& arguments);

/// Parses a command's arguments; returns the exit code when the command must stop here (a usage error, or --help
/// printed), nothing when it should run.
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& arguments);

/// A --start or --end option's time (the start of what was written), nullopt when absent; sets `bad` when it does
/// not read as a time.
std::optional<std::int64_t> timeOption(const QCommandLineParser& parser, const QCommandLineOption& option, bool& bad);

/// stderr/stdout helpers: UTF-8, unbuffered enough for progress lines.
void printOut(const QString& text);
void printErr(const QString& text);
/// A table on stdout: columns padded to their widest cell, two spaces apart.
void printColumns(const QList<QStringList>& rows);

} // namespace Trailscope::Cli
