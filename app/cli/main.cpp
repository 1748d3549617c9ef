#include "climain.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstring>
#include <memory>

namespace {

// An HTML or PDF report draws text (the timeline's picture, the PDF's pages), and fonts need a QGuiApplication;
// every other command stays on QCoreApplication, which starts faster and needs no platform plugin.
bool drawsReport(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char* argument = argv[i];
        const char* value = nullptr;
        if (std::strcmp(argument, "--format") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (std::strncmp(argument, "--format=", 9) == 0)
            value = argument + 9;
        if (value && (std::strcmp(value, "html") == 0 || std::strcmp(value, "pdf") == 0))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> runtimeDir;
    if (drawsReport(argc, argv)) {
        // The CLI never shows a window: the offscreen platform needs no display, nor a session's runtime folder
        // (Qt warns on every run without one; a private temporary one serves).
        qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            runtimeDir = std::make_unique<QTemporaryDir>();
            if (runtimeDir->isValid())
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("trailscope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Trailscope"));
    return Trailscope::Cli::runCli(QCoreApplication::arguments());
}
