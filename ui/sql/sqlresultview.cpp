#include "sqlresultview.h"

#include "sql/sqlresultmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace Trailscope::Ui {

SqlResultView::SqlResultView(SqlResultModel* model, int number, QWidget* parent)
    : QWidget(parent), m_model(model), m_number(number), m_header(new QLabel(this)), m_table(new QTableView(this))
{
    model->setParent(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);

    m_table->setModel(model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform rows: the grid never measures the rows it has not shown.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QString eventId = index.data(SqlResultModel::EventIdRole).toString();
        if (!eventId.isEmpty())
            Q_EMIT eventIdClicked(eventId);
    });
    connect(model, &SqlResultModel::progressChanged, this, &SqlResultView::updateHeader);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        // Size columns to the first rows once; later batches keep the user's widths.
        if (!m_sized) {
            m_sized = true;
            m_table->resizeColumnsToContents();
            for (int column = 0; column < m_model->columnCount(); ++column)
                m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 420));
        }
    });
    updateHeader();
}

QString SqlResultView::headerText() const
{
    return m_header->text();
}

void SqlResultView::updateHeader()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const QString statement = tr("Statement %1 (line %2)").arg(m_number).arg(m_model->statement().line);
    QString state;
    if (m_model->isStopped())
        state = tr("stopped after %n row(s)", nullptr, rows);
    else if (m_model->isComplete())
        state = tr("%n row(s)", nullptr, rows);
    else if (rows == 0)
        state = tr("running…");
    else
        state = tr("first %1 rows, more as you scroll").arg(locale.toString(rows));
    const QString time = tr("%1 ms").arg(locale.toString(m_model->milliseconds(), 'f', 1));
    QString text = statement + QStringLiteral("  ·  ") + state + QStringLiteral("  ·  ") + time;
    if (m_model->statement().eventIdColumn >= 0)
        text += QStringLiteral("  ·  ") + tr("click an eventID to open the event");
    m_header->setText(text);
}

} // namespace Trailscope::Ui
