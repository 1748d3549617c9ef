#include "colourrulesdialog.h"

#include "query/searchparser.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

enum Column { EnabledColumn, NameColumn, ExpressionColumn, ColourColumn };

} // namespace

ColourRulesDialog::ColourRulesDialog(const QList<ColourRule>& rules, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Colouring Rules"));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("On"), tr("Name"), tr("Search expression"), tr("Colour")});
    m_table->horizontalHeader()->setSectionResizeMode(ExpressionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table);

    auto* row = new QHBoxLayout;
    const auto button = [this, row](const QString& text, auto handler) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, handler);
        row->addWidget(b);
    };
    button(tr("Add"), [this] {
        appendRow({tr("New rule"), QString(), QColor(60, 140, 220), true});
        m_table->selectRow(m_table->rowCount() - 1);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, ExpressionColumn));
    });
    button(tr("Remove"), [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        validate();
    });
    button(tr("Up"), [this] { moveRow(-1); });
    button(tr("Down"), [this] { moveRow(1); });
    button(tr("Restore Defaults"), [this] { setRules(ColourRules::defaults()); });
    row->addStretch(1);
    layout->addLayout(row);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT rulesAccepted(this->rules());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemChanged, this, &ColourRulesDialog::validate);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int tableRow, int column) {
        if (column == ColourColumn)
            chooseColour(tableRow);
    });
    setRules(rules);
    resize(760, 360);
}

void ColourRulesDialog::setRules(const QList<ColourRule>& rules)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const ColourRule& rule : rules)
        appendRow(rule);
    validate();
}

void ColourRulesDialog::appendRow(const ColourRule& rule)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    enabled->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, EnabledColumn, enabled);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(rule.name));
    m_table->setItem(row, ExpressionColumn, new QTableWidgetItem(rule.expression));
    auto* colour = new QTableWidgetItem(rule.colour.name());
    colour->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    colour->setBackground(rule.colour);
    colour->setData(Qt::UserRole, rule.colour);
    colour->setToolTip(tr("Double-click to choose a colour"));
    m_table->setItem(row, ColourColumn, colour);
}

QList<ColourRule> ColourRulesDialog::rules() const
{
    QList<ColourRule> rules;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rules.append({m_table->item(row, NameColumn)->text(), m_table->item(row, ExpressionColumn)->text(),
                      m_table->item(row, ColourColumn)->data(Qt::UserRole).value<QColor>(),
                      m_table->item(row, EnabledColumn)->checkState() == Qt::Checked});
    return rules;
}

bool ColourRulesDialog::isValid() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString expression = m_table->item(row, ExpressionColumn)->text();
        if (expression.trimmed().isEmpty() || !Core::Query::parseSearch(expression))
            return false;
    }
    return true;
}

void ColourRulesDialog::validate()
{
    const QSignalBlocker blocker(m_table);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* item = m_table->item(row, ExpressionColumn);
        const auto parsed = Core::Query::parseSearch(item->text());
        const bool valid = parsed && !item->text().trimmed().isEmpty();
        item->setForeground(valid ? palette().color(QPalette::Text) : QColor(200, 30, 30));
        item->setToolTip(valid    ? QString()
                         : parsed ? tr("Empty expression")
                                  : tr("Column %1: %2").arg(parsed.error().position + 1).arg(parsed.error().message));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid());
}

void ColourRulesDialog::moveRow(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    QList<ColourRule> current = rules();
    current.move(row, target);
    setRules(current);
    m_table->selectRow(target);
}

void ColourRulesDialog::chooseColour(int row)
{
    QTableWidgetItem* item = m_table->item(row, ColourColumn);
    auto* dialog = new QColorDialog(item->data(Qt::UserRole).value<QColor>(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this, row](const QColor& colour) {
        if (QTableWidgetItem* cell = m_table->item(row, ColourColumn)) {
            cell->setData(Qt::UserRole, colour);
            cell->setBackground(colour);
            cell->setText(colour.name());
        }
    });
    dialog->open();
}

} // namespace Trailscope::Ui
