// trailscope --lang: the value is read from the arguments before the parser runs, the locale it names becomes the
// default (numbers follow it) and its translation is installed from the first folder holding one; English installs
// none, whatever the system's language.
#include "window/translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace Trailscope::Ui;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLanguageArgument_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("language");
        QTest::newRow("none") << QStringList{"trailscope", "--sample"} << QString();
        QTest::newRow("separate") << QStringList{"trailscope", "--lang", "de", "--sample"} << "de";
        QTest::newRow("joined") << QStringList{"trailscope", "--sample", "--lang=en"} << "en";
        QTest::newRow("missing value") << QStringList{"trailscope", "--lang"} << QString();
        QTest::newRow("another option") << QStringList{"trailscope", "--language", "de"} << QString();
    }

    void theLanguageArgument()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, language);
        std::vector<QByteArray> bytes;
        for (const QString& argument : arguments)
            bytes.push_back(argument.toLocal8Bit());
        std::vector<const char*> argv;
        for (const QByteArray& argument : bytes)
            argv.push_back(argument.constData());
        QCOMPARE(Translations::languageArgument(static_cast<int>(argv.size()), argv.data()), language);
    }

    void theSystemLocaleWithoutTheArgument()
    {
        QCOMPARE(Translations::localeFor(QString()), QLocale::system());
        QCOMPARE(Translations::localeFor("de").language(), QLocale::German);
    }

    // English first: nothing is installed, so the German test below cannot leak into it.
    void englishInstallsNoTranslation()
    {
        QVERIFY(!Translations::install(*QCoreApplication::instance(), Translations::localeFor("en"), folders()));
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(QCoreApplication::translate("Trailscope::Ui::WindowActions", "&File"), QString("&File"));
        QCOMPARE(QLocale().toString(1234567), QString("1,234,567"));
    }

    void germanTranslatesAndFormats()
    {
        QVERIFY(Translations::install(*QCoreApplication::instance(), Translations::localeFor("de"), folders()));
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(QCoreApplication::translate("Trailscope::Ui::WindowActions", "&File"), QString("&Datei"));
        QCOMPARE(QCoreApplication::translate("Trailscope::Ui::ExportJob", "%n event(s)", nullptr, 1),
                 QString("1 Ereignis"));
        QCOMPARE(QCoreApplication::translate("Trailscope::Ui::ExportJob", "%n event(s)", nullptr, 3),
                 QString("3 Ereignisse"));
        QCOMPARE(QLocale().toString(1234567), QString("1.234.567"));
        QCOMPARE(QLocale().toString(2.5, 'f', 1), QString("2,5"));
    }

private:
    static QStringList folders()
    {
        return {QStringLiteral("/nonexistent"), QStringLiteral(TRAILSCOPE_BINARY_DIR "/translations")};
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
