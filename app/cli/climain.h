#pragma once

#include <QStringList>

namespace Trailscope::Cli {

/// Dispatches `trailscope-cli COMMAND ...`; returns the process exit code.
int runCli(const QStringList& arguments);

int runImport(const QStringList& arguments);
int runInfo(const QStringList& arguments);
int runLookup(const QStringList& arguments);

/// stderr/stdout helpers: UTF-8, unbuffered enough for progress lines.
void printOut(const QString& text);
void printErr(const QString& text);

} // namespace Trailscope::Cli
