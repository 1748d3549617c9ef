#include "window/casefiles.h"
#include "window/mainwindow.h"
#include "window/translations.h"
#include "window/windowactions.h"

#include "trailscopeversion.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

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

// The window's strings for the user's language (the system's, or --lang): an installed .qm beside the executable's
// share folder first, then the copy embedded under :/i18n; Qt's own strings for its dialogs where installed. QLocale()
// follows the same language, so numbers and dates are formatted in it.
void installTranslators(QCoreApplication& app, const QString& language)
{
    const QString installed =
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/trailscope/translations"));
    Translations::install(app, Translations::localeFor(language), {installed, QStringLiteral(":/i18n")});
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
    installTranslators(*app, Translations::languageArgument(argc, argv));

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
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "The window's language, e.g. de or en, instead of the system's"),
        QStringLiteral("language"));
    parser.addOption(lang); // read before the parser runs (installTranslators), listed here for --help
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
