#include "window/casefiles.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include "trailscopeversion.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>
#include <memory>

using namespace Trailscope::Ui;

namespace {

// --help and --version print and exit: they need no display, so they run without one (help2man, a terminal over ssh).
bool onlyPrints(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

// The window's strings for the user's language: an installed .qm beside the executable's share folder first, then the
// copy embedded under :/i18n; Qt's own strings for its dialogs where installed.
void installTranslators(QCoreApplication& app)
{
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto* appTranslator = new QTranslator(&app);
    const QString installed =
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/trailscope/translations"));
    for (const QString& folder : {installed, QStringLiteral(":/i18n")})
        if (appTranslator->load(QLocale(), QStringLiteral("trailscope"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(appTranslator);
            break;
        }
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (onlyPrints(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trailscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Trailscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRAILSCOPE_VERSION));
    installTranslators(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Offline audit console for AWS CloudTrail"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QCoreApplication::translate("main", "Open the bundled sample trail"));
    parser.addOption(sample);
    const QCommandLineOption view(QStringLiteral("view"),
                                  QCoreApplication::translate("main", "Start in this view: events, sql or dashboard"),
                                  QStringLiteral("view"), QStringLiteral("events"));
    parser.addOption(view);
    const QCommandLineOption drillDown(
        QStringLiteral("drill-down"),
        QCoreApplication::translate("main", "Start in the dashboard, drilled down into this principal once computed"),
        QStringLiteral("principal"));
    parser.addOption(drillDown);
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QCoreApplication::translate("main", "A case to open, or trail files to import"),
                                 QStringLiteral("[path...]"));
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("Trailscope"));
    // The desktop file's id, so that Wayland compositors match the window to its launcher and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trailscope.Trailscope"));
    MainWindow window;
    window.show();
    if (parser.value(view) == QLatin1String("sql"))
        window.actions()->showSql->trigger();
    else if (parser.value(view) == QLatin1String("dashboard"))
        window.actions()->showDashboard->trigger();
    if (parser.isSet(drillDown))
        window.drillDownWhenComputed(parser.value(drillDown));
    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(sample))
        window.openSample();
    else if (paths.size() == 1 && CaseFiles::isCaseFile(paths.first()))
        window.openCase(QFileInfo(paths.first()).absoluteFilePath());
    else if (!paths.isEmpty())
        window.importPaths(paths); // a new case beside the first source, or in the data folder
    else
        window.openLastOrWelcome();
    return QCoreApplication::exec();
}
