#include "window/casefiles.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Trailscope::Ui;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("trailscope"));
    QApplication::setOrganizationName(QStringLiteral("Trailscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trailscope"));
    QApplication::setApplicationVersion(QStringLiteral(TRAILSCOPE_VERSION));

    // The window's own strings for the user's language (embedded), and Qt's for its dialogs where installed.
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(QLocale(), QStringLiteral("trailscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Offline audit console for AWS CloudTrail"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QApplication::translate("main", "Open the bundled sample trail"));
    parser.addOption(sample);
    const QCommandLineOption view(QStringLiteral("view"),
                                  QApplication::translate("main", "Start in this view: events, sql or dashboard"),
                                  QStringLiteral("view"), QStringLiteral("events"));
    parser.addOption(view);
    const QCommandLineOption drillDown(
        QStringLiteral("drill-down"),
        QApplication::translate("main", "Start in the dashboard, drilled down into this principal once computed"),
        QStringLiteral("principal"));
    parser.addOption(drillDown);
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "A case to open, or trail files to import"),
                                 QStringLiteral("[path...]"));
    parser.process(app);

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
    return QApplication::exec();
}
