#include "window/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <cstring>

namespace Trailscope::Ui::Translations {

QString languageArgument(int argc, const char* const argv[])
{
    static constexpr char option[] = "--lang";
    static constexpr std::size_t length = sizeof(option) - 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], option) == 0)
            return i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        if (std::strncmp(argv[i], option, length) == 0 && argv[i][length] == '=')
            return QString::fromLocal8Bit(argv[i] + length + 1);
    }
    return {};
}

QLocale localeFor(const QString& language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

bool install(QCoreApplication& app, const QLocale& locale, const QStringList& folders)
{
    QLocale::setDefault(locale);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    // The source strings are English: an English locale must not pick up another language's file through the
    // locale's fallbacks (a German system's "de" among an "en" locale's UI languages).
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;
    auto* appTranslator = new QTranslator(&app);
    for (const QString& folder : folders)
        if (appTranslator->load(locale, QStringLiteral("trailscope"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(appTranslator);
            return true;
        }
    delete appTranslator;
    return false;
}

} // namespace Trailscope::Ui::Translations
