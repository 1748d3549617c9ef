#include "aboutdialog.h"

#include "util/libraryversions.h"

#include "trailscopeversion.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

QIcon AboutDialog::applicationIcon()
{
    QIcon embedded;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        embedded.addFile(QStringLiteral(":/icons/trailscope-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("io.github.trailscope.Trailscope"), embedded);
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Trailscope"));

    auto* emblem = new QLabel(this);
    emblem->setPixmap(applicationIcon().pixmap(QSize(96, 96)));
    emblem->setAlignment(Qt::AlignTop);
    auto* title = new QLabel(tr("Trailscope %1").arg(QStringLiteral(TRAILSCOPE_VERSION)), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* summary = new QLabel(tr("Offline audit console for AWS CloudTrail"), this);
    m_versionText =
        tr("Version %1").arg(QStringLiteral(TRAILSCOPE_VERSION)) + QLatin1Char('\n') +
        tr("Build: %1, against Qt %2").arg(QStringLiteral(TRAILSCOPE_BUILD), QStringLiteral(QT_VERSION_STR));
    auto* version = new QLabel(m_versionText, this);
    version->setObjectName(QStringLiteral("version"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* libraries = new QTreeWidget(this);
    libraries->setObjectName(QStringLiteral("libraries"));
    libraries->setHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    libraries->setRootIsDecorated(false);
    libraries->setUniformRowHeights(true);
    libraries->setSelectionMode(QAbstractItemView::NoSelection);
    libraries->setFocusPolicy(Qt::NoFocus);
    QList<Core::LibraryVersion> versions = Core::libraryVersions();
    // The window draws its timeline and dashboard charts with Qt Charts, which Qt licenses differently from Qt itself.
    versions.insert(1, {QStringLiteral("Qt Charts"), QString::fromLatin1(qVersion()), QStringLiteral("GPL-3.0-only")});
    for (const Core::LibraryVersion& library : versions)
        new QTreeWidgetItem(libraries, {library.name, library.version, library.licence});
    for (int column = 0; column < 3; ++column)
        libraries->resizeColumnToContents(column);

    auto* licence = new QLabel(tr("Trailscope does not carry a licence yet: until its authors choose one, all rights "
                                  "are reserved. The libraries above are used under the licences listed."),
                               this);
    licence->setObjectName(QStringLiteral("licence"));
    licence->setWordWrap(true);
    auto* attribution =
        new QLabel(tr("Test data from TrailDiscover (Adan Alvarez, CC-BY-4.0), Stratus Red Team (Datadog, Apache-2.0), "
                      "panther-analysis (Panther Labs, Apache-2.0) and the SigmaHQ rules (DRL 1.1). The bundled "
                      "sample trail is synthetic and holds no real account data."),
                   this);
    attribution->setObjectName(QStringLiteral("attribution"));
    attribution->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(summary);
    heading->addSpacing(6);
    heading->addWidget(version);
    heading->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(emblem);
    top->addSpacing(12);
    top->addLayout(heading, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(libraries, 1);
    layout->addWidget(licence);
    layout->addWidget(attribution);
    layout->addWidget(buttons);
    resize(560, 470);
}

} // namespace Trailscope::Ui
