#pragma once

#include <QDialog>

class QIcon;

namespace Trailscope::Ui {

/// Help › About: the version and build, the libraries Trailscope runs on with their versions and licences, and where
/// the test data comes from.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// The version and build lines as shown, for tests and bug reports.
    QString versionText() const { return m_versionText; }
    /// The emblem: the icon theme's (installed with the package) or the copy embedded under :/icons.
    static QIcon applicationIcon();

private:
    QString m_versionText;
};

} // namespace Trailscope::Ui
