#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

using Core::Report::ReportPart;

struct SectionLabel
{
    ReportPart part;
    const char* label;
};

// In the report's order.
const SectionLabel SectionLabels[] = {
    {ReportPart::Summary, QT_TRANSLATE_NOOP("ExportDialog", "Case summary")},
    {ReportPart::Scope, QT_TRANSLATE_NOOP("ExportDialog", "Search or query used")},
    {ReportPart::Timeline, QT_TRANSLATE_NOOP("ExportDialog", "Timeline")},
    {ReportPart::Findings, QT_TRANSLATE_NOOP("ExportDialog", "Findings")},
    {ReportPart::Starred, QT_TRANSLATE_NOOP("ExportDialog", "Starred events with notes")},
    {ReportPart::Events, QT_TRANSLATE_NOOP("ExportDialog", "Event table")},
    {ReportPart::Sources, QT_TRANSLATE_NOOP("ExportDialog", "Sources and file hashes")},
};

} // namespace

ExportDialog::ExportDialog(std::vector<ExportChoice> choices, QStringList tableColumns, int chosen, QWidget* parent)
    : QDialog(parent), m_choices(std::move(choices)), m_tableColumns(std::move(tableColumns))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("exportScope"));
    for (const ExportChoice& choice : m_choices)
        m_scope->addItem(choice.label);
    m_scope->setCurrentIndex(std::clamp(chosen, 0, std::max(0, m_scope->count() - 1)));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV (spreadsheets)"), int(ExportFormat::Csv));
    m_format->addItem(tr("JSON ({\"Records\": [...]}, imports again)"), int(ExportFormat::Json));
    m_format->addItem(tr("JSON Lines"), int(ExportFormat::JsonLines));
    m_format->addItem(tr("HTML report"), int(ExportFormat::Html));
    m_format->addItem(tr("PDF report"), int(ExportFormat::Pdf));
    m_bom = new QCheckBox(tr("Byte order mark first (for spreadsheet programs)"), this);

    m_report = new QGroupBox(tr("Report"), this);
    m_title = new QLineEdit(m_report);
    m_title->setPlaceholderText(tr("CloudTrail investigation report"));
    m_limit = new QSpinBox(m_report);
    m_limit->setRange(0, 1'000'000);
    m_limit->setValue(10'000);
    m_limit->setSuffix(tr(" events at most"));
    m_useTableColumns = new QCheckBox(tr("The table's visible columns (else the report's own set)"), m_report);
    m_useTableColumns->setEnabled(!m_tableColumns.isEmpty());
    m_useTableColumns->setChecked(!m_tableColumns.isEmpty());
    auto* sections = new QGridLayout;
    int index = 0;
    for (const SectionLabel& section : SectionLabels) {
        auto* box = new QCheckBox(tr(section.label), m_report);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &ExportDialog::updateButtons);
        sections->addWidget(box, index / 2, index % 2);
        m_sections.emplace_back(section.part, box);
        ++index;
    }
    auto* reportLayout = new QFormLayout(m_report);
    reportLayout->addRow(tr("Title:"), m_title);
    reportLayout->addRow(tr("Sections:"), sections);
    reportLayout->addRow(tr("Event table:"), m_limit);
    reportLayout->addRow(QString(), m_useTableColumns);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Export:"), m_scope);
    form->addRow(tr("Format:"), m_format);
    form->addRow(QString(), m_bom);
    form->addRow(tr("File:"), pathRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_report);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Beside the case, named after it: the export is the case's.
    const QString casePath = m_choices.empty() ? QString() : m_choices.front().request.casePath;
    m_path->setText(casePath.isEmpty() ? QDir::home().filePath(QStringLiteral("trailscope-export.csv"))
                                       : QFileInfo(casePath).dir().filePath(QFileInfo(casePath).completeBaseName() +
                                                                            QStringLiteral("-export.csv")));
    onFormatChanged();
}

QCheckBox* ExportDialog::sectionBox(ReportPart part) const
{
    for (const auto& [known, box] : m_sections) {
        if (known == part)
            return box;
    }
    return nullptr;
}

ExportFormat ExportDialog::format() const
{
    return static_cast<ExportFormat>(m_format->currentData().toInt());
}

void ExportDialog::onFormatChanged()
{
    const ExportFormat chosen = format();
    m_bom->setVisible(chosen == ExportFormat::Csv);
    m_report->setVisible(isReport(chosen));
    // The file keeps its name and takes the format's suffix.
    const QFileInfo file(m_path->text());
    if (!m_path->text().isEmpty())
        m_path->setText(file.dir().filePath(file.completeBaseName() + u'.' + exportFormatSuffix(chosen)));
    adjustSize();
    updateButtons();
}

void ExportDialog::browse()
{
    const ExportFormat chosen = format();
    const QString suffix = exportFormatSuffix(chosen);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_path->text(), tr("%1 files (*.%2)").arg(exportFormatName(chosen).toUpper(), suffix));
    if (!path.isEmpty())
        m_path->setText(QFileInfo(path).suffix().isEmpty() ? path + u'.' + suffix : path);
}

void ExportDialog::updateButtons()
{
    bool anySection = false;
    for (const auto& [part, box] : m_sections)
        anySection = anySection || box->isChecked();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_path->text().trimmed().isEmpty() && !m_choices.empty() && (anySection || !isReport(format())));
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request =
        m_choices.empty() ? ExportRequest{} : m_choices[static_cast<std::size_t>(m_scope->currentIndex())].request;
    request.format = format();
    request.byteOrderMark = m_bom->isChecked();
    request.title = m_title->text().trimmed();
    request.eventLimit = m_limit->value();
    request.parts = 0;
    for (const auto& [part, box] : m_sections) {
        if (box->isChecked())
            request.parts |= static_cast<unsigned>(part);
    }
    if (m_useTableColumns->isChecked())
        request.columns = m_tableColumns;
    request.path = m_path->text().trimmed();
    return request;
}

} // namespace Trailscope::Ui
