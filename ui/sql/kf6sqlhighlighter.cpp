#include "kf6sqlhighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QGuiApplication>
#include <QPalette>

namespace Trailscope::Ui {

Kf6SqlHighlighter::Kf6SqlHighlighter(QTextDocument* document) : KSyntaxHighlighting::SyntaxHighlighter(document)
{
    setDefinition(m_repository.definitionForName(QStringLiteral("SQL")));
    setPalette(QGuiApplication::palette());
}

void Kf6SqlHighlighter::setPalette(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
    setTheme(m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme));
    rehighlight();
}

} // namespace Trailscope::Ui
