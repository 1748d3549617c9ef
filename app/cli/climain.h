#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Trailscope::Cli {

/// Dispatches `trailscope-cli COMMAND ...`; returns the process exit code.
int runCli(const QStringList& arguments);

int runDetect(const QStringList& arguments);
int runImport(const QStringList& arguments);
int runInfo(const QStringList& arguments);
int runInsights(const QStringList& arguments);
int runLookup(const QStringList& arguments);
int runQuery(const QStringList& arguments);

/// Parses a command's arguments; returns the exit code when the command must stop here (a usage error, or --help
/// printed), nothing when it should run.
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& arguments);

/// stderr/stdout helpers: UTF-8, unbuffered enough for progress lines.
void printOut(const QString& text);
void printErr(const QString& text);

} // namespace Trailscope::Cli
