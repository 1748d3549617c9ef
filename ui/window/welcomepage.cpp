#include "welcomepage.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Trailscope::Ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* column = new QVBoxLayout;
    auto* title = new QLabel(tr("Trailscope"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("Drop an AWSLogs folder, a trail file or an archive anywhere on this window, "
                                   "or start here."),
                                this);
    subtitle->setWordWrap(true);
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(12);
    const auto addButton = [this, column](const QString& text, void (WelcomePage::*signal)()) {
        auto* button = new QPushButton(text, this);
        button->setMinimumHeight(button->sizeHint().height() * 5 / 4);
        connect(button, &QPushButton::clicked, this, signal);
        column->addWidget(button);
        return button;
    };
    addButton(tr("Open the sample trail"), &WelcomePage::sampleRequested)->setObjectName(QStringLiteral("openSample"));
    addButton(tr("Import a trail…"), &WelcomePage::importRequested)->setObjectName(QStringLiteral("import"));
    addButton(tr("Open a case…"), &WelcomePage::openRequested)->setObjectName(QStringLiteral("openCase"));
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("Recent cases"), this));
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentCases"));
    column->addWidget(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT recentRequested(item->data(Qt::UserRole).toString()); });
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 2);
    row->addStretch(1);
    outer->addLayout(row, 4);
    outer->addStretch(1);
}

void WelcomePage::setRecentCases(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path, m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
}

} // namespace Trailscope::Ui
