#include "integritydialog.h"

#include "integrity/integritymodel.h"

#include "export/destination.h"
#include "export/resultwriter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

using namespace Trailscope::Core::Integrity;

IntegrityDialog::IntegrityDialog(const QString& casePath, QWidget* parent) : QDialog(parent), m_casePath(casePath)
{
    setObjectName(QStringLiteral("integrityDialog"));
    setWindowTitle(tr("Log File Integrity"));
    resize(1000, 640);

    m_originals = new QLineEdit(this);
    m_originals->setPlaceholderText(tr("Empty: the case, from the hashes its import recorded"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    auto* originalsRow = new QHBoxLayout;
    originalsRow->addWidget(m_originals, 1);
    originalsRow->addWidget(browse);
    m_keys = new QListWidget(this);
    m_keys->setMaximumHeight(70);
    auto* addKeys = new QPushButton(tr("Add…"), this);
    auto* removeKeys = new QPushButton(tr("Remove"), this);
    auto* keyButtons = new QVBoxLayout;
    keyButtons->addWidget(addKeys);
    keyButtons->addWidget(removeKeys);
    keyButtons->addStretch();
    auto* keysRow = new QHBoxLayout;
    keysRow->addWidget(m_keys, 1);
    keysRow->addLayout(keyButtons);
    auto* form = new QFormLayout;
    form->addRow(tr("Original files:"), originalsRow);
    form->addRow(tr("Public keys:"), keysRow);

    m_validate = new QPushButton(tr("&Validate"), this);
    m_validate->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(true);
    m_busy->hide();
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_validate);
    actions->addWidget(m_cancel);
    actions->addWidget(m_busy, 1);
    actions->addStretch();
    actions->addWidget(m_export);

    m_summary = new QLabel(tr("Not validated yet."), this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_model = new IntegrityModel(this);
    m_entries = new QTableView(this);
    m_entries->setModel(m_model);
    m_entries->setObjectName(QStringLiteral("integrityEntries"));
    m_entries->verticalHeader()->hide();
    m_entries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_entries->horizontalHeader()->setStretchLastSection(true);
    // One line a file, long S3 keys cut in the middle: their account and date at the start, their name at the end.
    m_entries->setWordWrap(false);
    m_entries->setTextElideMode(Qt::ElideMiddle);
    m_entries->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_entries->verticalHeader()->setDefaultSectionSize(m_entries->fontMetrics().height() + 6);
    m_entries->setColumnWidth(IntegrityModel::Kind, 90);
    m_entries->setColumnWidth(IntegrityModel::File, 460);
    m_entries->setColumnWidth(IntegrityModel::Result, 260);
    m_problemsOnly =
        new QCheckBox(tr("Only problems (invalid files, gaps, files outside every digest's period)"), this);
    auto* filesPage = new QWidget(this);
    auto* filesLayout = new QVBoxLayout(filesPage);
    filesLayout->addWidget(m_problemsOnly);
    filesLayout->addWidget(m_entries, 1);
    m_chains = new QTableWidget(0, 7, this);
    m_chains->setHorizontalHeaderLabels(
        {tr("Account"), tr("Region"), tr("Trail"), tr("From"), tr("Until"), tr("Digests"), tr("Restarts, gaps")});
    m_chains->verticalHeader()->hide();
    m_chains->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chains->horizontalHeader()->setStretchLastSection(true);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(filesPage, tr("Files"));
    tabs->addTab(m_chains, tr("Chains"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_summary);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &IntegrityDialog::chooseOriginals);
    connect(addKeys, &QPushButton::clicked, this, &IntegrityDialog::addKeys);
    connect(removeKeys, &QPushButton::clicked, this, [this] { qDeleteAll(m_keys->selectedItems()); });
    connect(m_validate, &QPushButton::clicked, this, &IntegrityDialog::validate);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_export, &QPushButton::clicked, this, &IntegrityDialog::askExport);
    connect(m_problemsOnly, &QCheckBox::toggled, m_model, &IntegrityModel::setProblemsOnly);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRunning(false);
}

IntegrityDialog::~IntegrityDialog()
{
    delete m_job; // cancels and waits
}

void IntegrityDialog::setRunning(bool running, const QString& message)
{
    m_validate->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_export->setEnabled(!running && m_report);
    m_busy->setVisible(running);
    m_busy->setFormat(message);
}

void IntegrityDialog::validate()
{
    if (m_job)
        return;
    IntegrityRequest request{m_casePath, {}, {}};
    if (!m_originals->text().trimmed().isEmpty())
        request.originals = m_originals->text().trimmed().split(u';', Qt::SkipEmptyParts);
    for (int i = 0; i < m_keys->count(); ++i)
        request.keyFiles << m_keys->item(i)->text();
    m_job = new IntegrityJob(request, this);
    connect(m_job, &IntegrityJob::stage, this, [this](const QString& what) { setRunning(true, what + u'…'); });
    const auto done = [this] {
        m_job->deleteLater();
        m_job = nullptr;
        setRunning(false);
    };
    connect(m_job, &IntegrityJob::finished, this,
            [this, done](const SharedIntegrityReport& report, const SharedFlaggedFiles& flagged) {
                done();
                showReport(report);
                Q_EMIT validated(report, flagged);
            });
    connect(m_job, &IntegrityJob::failed, this, [this, done](const QString& message) {
        done();
        m_summary->setText(tr("Could not validate: %1").arg(message));
    });
    connect(m_job, &IntegrityJob::cancelled, this, [this, done] {
        done();
        m_summary->setText(tr("Validation cancelled."));
    });
    setRunning(true, tr("Starting…"));
    m_job->start();
}

void IntegrityDialog::showReport(const SharedIntegrityReport& report)
{
    m_report = report;
    m_model->setReport(report);
    QStringList lines = summaryLines(*report);
    if (report->fromCase)
        lines.prepend(tr("Validated from the case: the content hashes and digest files the import recorded; no "
                         "original file was read."));
    m_summary->setText(lines.join(u'\n').trimmed());
    m_chains->setRowCount(static_cast<int>(report->chains.size()));
    int row = 0;
    for (const ChainSummary& chain : report->chains) {
        const QStringList cells{chain.account,
                                chain.region,
                                chain.trail,
                                chain.start,
                                chain.end,
                                QString::number(chain.digests),
                                QStringLiteral("%1, %2").arg(chain.restarts).arg(chain.gaps)};
        for (int column = 0; column < cells.size(); ++column)
            m_chains->setItem(row, column, new QTableWidgetItem(cells[column]));
        ++row;
    }
    setRunning(false);
}

bool IntegrityDialog::exportCsv(const QString& path)
{
    if (!m_report)
        return false;
    Core::Export::Destination out(path);
    if (!out.open())
        return false;
    bool written = true;
    Core::Export::ResultWriter writer(Core::Export::Format::Csv,
                                      [&](const QByteArray& bytes) { return written = written && out.write(bytes); });
    QStringList header;
    for (int column = 0; column < IntegrityModel::ColumnCount; ++column)
        header << m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    writer.begin(header);
    for (const IntegrityEntry& entry : m_report->entries) {
        QStringList cells;
        for (int column = 0; column < IntegrityModel::ColumnCount; ++column)
            cells << m_model->text(entry, column);
        writer.textRow(cells);
    }
    writer.finish();
    if (!written || !out.commit()) {
        out.discard();
        return false;
    }
    return true;
}

void IntegrityDialog::chooseOriginals()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("The original trail files"));
    if (!folder.isEmpty())
        m_originals->setText(folder);
}

void IntegrityDialog::addKeys()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Public keys"), QString(),
                                                            tr("Public keys (*.json *.pem *.der);;All files (*)"));
    for (const QString& file : files)
        m_keys->addItem(file);
}

void IntegrityDialog::askExport()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the results"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
        QMessageBox::warning(this, windowTitle(), tr("Could not write %1.").arg(path));
}

} // namespace Trailscope::Ui
