#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Trailscope::Ui {

/// The window's language: the system locale, or the one `trailscope --lang` names.
namespace Translations {

/// The value of `--lang` ("--lang de" or "--lang=de") among the program's arguments, or an empty string. Read before
/// the command-line parser runs, so that the parser's own --help text is in that language.
QString languageArgument(int argc, const char* const argv[]);

/// The locale for a `--lang` value ("de", "en", "de_AT"); the system locale for an empty value.
QLocale localeFor(const QString& language);

/// Makes `locale` the default, so that QLocale() formats numbers and dates in it, and installs the translators for
/// its language: Qt's own (for its dialogs) where installed, and Trailscope's from the first of `folders` holding a
/// trailscope_<language>.qm. English needs none. Returns whether a Trailscope translation was installed.
bool install(QCoreApplication& app, const QLocale& locale, const QStringList& folders);

} // namespace Translations

} // namespace Trailscope::Ui
