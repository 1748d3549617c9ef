#pragma once

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

class QPalette;
class QTextDocument;

namespace Trailscope::Ui {

/// KDE's generic SQL highlighting (KF6 SyntaxHighlighting) with the light or dark default theme. Compiled only where
/// CMake finds KF6SyntaxHighlighting; it knows SQL but not the case's fields, so SqlHighlighter stays the editor's.
class Kf6SqlHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    explicit Kf6SqlHighlighter(QTextDocument* document);
    void setPalette(const QPalette& palette);

private:
    KSyntaxHighlighting::Repository m_repository;
};

} // namespace Trailscope::Ui
