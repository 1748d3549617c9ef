#include "comparedialog.h"

#include "browser/comparemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Trailscope::Ui {

CompareDialog::CompareDialog(const QList<std::pair<QString, QByteArray>>& events, QWidget* parent)
    : QDialog(parent), m_model(new CompareModel(events, this)), m_view(new QTableView(this)),
      m_onlyDifferences(new QCheckBox(tr("Only differences"), this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Compare events"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_onlyDifferences);
    top->addStretch(1);
    top->addWidget(m_summary);
    layout->addLayout(top);

    m_view->setModel(m_model);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnToContents(0);
    m_view->setColumnWidth(0, std::min(m_view->columnWidth(0), fontMetrics().horizontalAdvance(u'x') * 50));
    for (int column = 1; column < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, fontMetrics().horizontalAdvance(u'x') * 32);
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_onlyDifferences, &QCheckBox::toggled, this, [this](bool only) {
        m_model->setOnlyDifferences(only);
        updateSummary();
    });
    updateSummary();
    resize(fontMetrics().horizontalAdvance(u'x') * (50 + 32 * m_model->eventCount()) + 40, fontMetrics().height() * 36);
}

void CompareDialog::updateSummary()
{
    m_summary->setText(tr("%1 of %2 fields differ").arg(m_model->differenceCount()).arg(m_model->pathCount()));
}

} // namespace Trailscope::Ui
