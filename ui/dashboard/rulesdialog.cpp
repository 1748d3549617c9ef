#include "rulesdialog.h"

#include "dashboard/rulelistmodel.h"
#include "dashboard/ruleworker.h"
#include "detect/rulefile.h"
#include "detect/shippedrules.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

QByteArray metricFilterTemplate(const QString& id)
{
    return QStringLiteral("id: %1\n"
                          "title: New metric-filter rule\n"
                          "level: medium\n"
                          "description: What the alarm means and what to check next.\n"
                          "tags: []\n"
                          "# A CloudWatch Logs filter pattern, as the search bar takes it.\n"
                          "filterPattern: '{ ($.eventSource = \"iam.amazonaws.com\") && ($.eventName = "
                          "\"CreateAccessKey\") }'\n"
                          "# In alarm when a period of periodMinutes holds at least threshold matching events.\n"
                          "threshold: 1\n"
                          "periodMinutes: 5\n")
        .arg(id)
        .toUtf8();
}

QByteArray sigmaTemplate()
{
    return QStringLiteral("title: New Sigma rule\n"
                          "id: %1\n"
                          "status: experimental\n"
                          "description: What the rule finds.\n"
                          "author: \n"
                          "level: medium\n"
                          "tags: []\n"
                          "logsource:\n"
                          "    product: aws\n"
                          "    service: cloudtrail\n"
                          "detection:\n"
                          "    selection:\n"
                          "        eventSource: iam.amazonaws.com\n"
                          "        eventName: CreateAccessKey\n"
                          "    condition: selection\n")
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
        .toUtf8();
}

// The text with its top-level `id:` replaced, comments and layout kept.
QByteArray withId(const QByteArray& text, const QString& id)
{
    static const QRegularExpression idLine(QStringLiteral("^id:.*$"), QRegularExpression::MultilineOption);
    QString copy = QString::fromUtf8(text);
    copy.replace(idLine, QStringLiteral("id: ") + id);
    return copy.toUtf8();
}

bool isShippedId(const QString& id)
{
    const auto& shipped = Core::Detect::shippedRules();
    return std::any_of(shipped.begin(), shipped.end(),
                       [&](const Core::Detect::MetricFilterRule& rule) { return rule.info.id == id; });
}

} // namespace

RulesDialog::RulesDialog(const QString& casePath, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Detection Rules"));
    setObjectName(QStringLiteral("rulesDialog"));
    resize(1100, 640);

    m_model = new RuleListModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter rules…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesDialog::showRule);

    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("ruleEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("ruleValidation"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(200);
    connect(m_validateTimer, &QTimer::timeout, this, &RulesDialog::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_dirty = true;
        m_valid = false;
        updateButtons();
        m_validateTimer->start();
    });

    m_newMetric = new QPushButton(tr("New &Metric Filter"), this);
    m_newSigma = new QPushButton(tr("New &Sigma Rule"), this);
    m_duplicate = new QPushButton(tr("D&uplicate"), this);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_save = new QPushButton(tr("Sa&ve"), this);
    m_save->setObjectName(QStringLiteral("saveRule"));
    connect(m_newMetric, &QPushButton::clicked, this, &RulesDialog::newMetricFilter);
    connect(m_newSigma, &QPushButton::clicked, this, &RulesDialog::newSigmaRule);
    connect(m_duplicate, &QPushButton::clicked, this, &RulesDialog::duplicateRule);
    connect(m_delete, &QPushButton::clicked, this, &RulesDialog::deleteRule);
    connect(m_save, &QPushButton::clicked, this, &RulesDialog::saveRule);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_view, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_editor, 1);
    rightLayout->addWidget(m_validation);
    auto* editButtons = new QHBoxLayout;
    for (QPushButton* button : {m_newMetric, m_newSigma, m_duplicate, m_delete})
        editButtons->addWidget(button);
    editButtons->addStretch(1);
    editButtons->addWidget(m_save);
    rightLayout->addLayout(editButtons);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* importButton = buttons->addButton(tr("&Import Folder…"), QDialogButtonBox::ActionRole);
    QPushButton* exportButton = buttons->addButton(tr("&Export Folder…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Rules from Folder"));
        if (!folder.isEmpty())
            importFolder(folder);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the Case's Rules to Folder"));
        if (!folder.isEmpty())
            exportFolder(folder);
    });
    auto* note = new QLabel(tr("Shipped rules are read-only: duplicate one to make it your own. Your rules live in "
                               "the case; an exported folder loads with trailscope-cli detect --rules."),
                            this);
    note->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);

    m_worker = new RuleWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RuleWorker::rulesLoaded, this, &RulesDialog::onRulesLoaded);
    connect(m_worker, &RuleWorker::failed, this, [this](const QString& text) {
        m_validation->setText(tr("Not stored: %1").arg(text));
        Q_EMIT message(text);
    });
    connect(m_worker, &RuleWorker::saved, this, [this](const QString& ruleId) {
        m_changed = true;
        m_dirty = false;
        m_selectAfterLoad = ruleId;
        selectRule(ruleId);
    });
    connect(m_worker, &RuleWorker::imported, this, [this](const QStringList& ids, const QStringList& problems) {
        m_changed = m_changed || !ids.isEmpty();
        QString text = tr("%n rule(s) imported.", nullptr, static_cast<int>(ids.size()));
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + tr("Left out: %1").arg(problems.join(QStringLiteral("; ")));
        m_validation->setText(text);
        Q_EMIT message(text);
    });
    connect(m_worker, &RuleWorker::exported, this, [this](const QString& folder, int rules) {
        const QString text = tr("%n rule(s) exported to %1.", nullptr, rules).arg(folder);
        m_validation->setText(text);
        Q_EMIT message(text);
    });
    connect(m_model, &RuleListModel::enabledToggled, this, [this](const QString& ruleId, bool enabled) {
        m_changed = true;
        QMetaObject::invokeMethod(m_worker,
                                  [worker = m_worker, ruleId, enabled] { worker->setEnabled(ruleId, enabled); });
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, casePath] { worker->openCase(casePath); });
    updateButtons();
}

RulesDialog::~RulesDialog()
{
    m_thread.quit();
    m_thread.wait();
}

void RulesDialog::done(int result)
{
    if (m_changed)
        Q_EMIT rulesChanged();
    m_changed = false;
    QDialog::done(result);
}

void RulesDialog::onRulesLoaded(const Core::Detect::CaseRules& rules)
{
    const QString current = m_selectAfterLoad.isEmpty() ? [this] {
        const auto* entry = m_model->entryAt(m_filter->mapToSource(m_view->currentIndex()).row());
        return entry ? entry->id : QString();
    }()
                                                        : m_selectAfterLoad;
    m_selectAfterLoad.clear();
    const bool keepEditor = m_dirty;
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setRules(rules);
    }
    m_view->resizeColumnsToContents();
    if (!keepEditor && !current.isEmpty())
        selectRule(current);
    else if (!keepEditor && m_model->rowCount() > 0 && m_editingId.isEmpty() && !m_editable)
        m_view->selectRow(0);
    Q_EMIT rulesLoaded();
}

void RulesDialog::selectRule(const QString& ruleId)
{
    const int row = m_model->rowOf(ruleId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, RuleListModel::Rule));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    showRule();
}

void RulesDialog::showRule()
{
    const auto* entry = m_model->entryAt(m_filter->mapToSource(m_view->currentIndex()).row());
    if (!entry)
        return;
    if (m_dirty && m_editable &&
        QMessageBox::question(this, tr("Discard Changes?"), tr("The rule in the editor has changes not saved.")) !=
            QMessageBox::Yes)
        return;
    m_heading->setText(entry->own ? tr("Your rule <b>%1</b>, kept in the case.").arg(entry->id.toHtmlEscaped())
                                  : tr("Shipped rule <b>%1</b> (read-only).").arg(entry->id.toHtmlEscaped()));
    setEditorText(entry->text, entry->own, entry->own ? entry->id : QString());
}

void RulesDialog::setEditorText(const QByteArray& text, bool editable, const QString& editingId)
{
    m_loading = true;
    m_editor->setPlainText(QString::fromUtf8(text));
    m_loading = false;
    m_editor->setReadOnly(!editable);
    m_editable = editable;
    m_editingId = editingId;
    m_dirty = false;
    validateNow();
}

void RulesDialog::validateNow()
{
    m_validateTimer->stop();
    const QByteArray text = m_editor->toPlainText().toUtf8();
    const auto parsed = Core::Detect::parseRuleText(text);
    QString verdict;
    m_valid = false;
    if (!parsed) {
        verdict = tr("Does not load: %1").arg(Core::Detect::describeProblem(parsed.error()));
    } else {
        const Core::Detect::RuleInfo& info = Core::Detect::ruleInfoOf(*parsed);
        if (const auto* metric = std::get_if<Core::Detect::MetricFilterRule>(&*parsed))
            verdict = tr("A metric-filter rule: in alarm at %n matching event(s)", nullptr, metric->threshold) +
                      QLatin1Char(' ') + tr("in %n minute(s).", nullptr, metric->windowMinutes);
        else
            verdict = tr("A Sigma rule with %n selection(s).", nullptr,
                         static_cast<int>(std::get<Core::Detect::SigmaRule>(*parsed).selections.size()));
        if (info.id.isEmpty())
            verdict = tr("Needs an id.");
        else if (m_editable && isShippedId(info.id))
            verdict = tr("%1 is a shipped rule's id: choose another.").arg(info.id);
        else
            m_valid = true;
    }
    m_validation->setText(verdict);
    updateButtons();
}

void RulesDialog::updateButtons()
{
    const auto* entry = m_model->entryAt(m_filter->mapToSource(m_view->currentIndex()).row());
    m_save->setEnabled(m_editable && m_dirty && m_valid);
    m_delete->setEnabled(!m_editingId.isEmpty() && entry && entry->own);
    m_duplicate->setEnabled(entry != nullptr && !m_dirty);
}

QString RulesDialog::uniqueOwnId(const QString& stem) const
{
    QString id = stem;
    for (int n = 2; m_model->rowOf(id) >= 0; ++n)
        id = stem + u'-' + QString::number(n);
    return id;
}

void RulesDialog::newMetricFilter()
{
    m_view->clearSelection();
    m_heading->setText(tr("A new metric-filter rule (not stored until saved)."));
    setEditorText(metricFilterTemplate(uniqueOwnId(QStringLiteral("user.new-rule"))), true, QString());
    m_dirty = true;
    updateButtons();
}

void RulesDialog::newSigmaRule()
{
    m_view->clearSelection();
    m_heading->setText(tr("A new Sigma rule (not stored until saved)."));
    setEditorText(sigmaTemplate(), true, QString());
    m_dirty = true;
    updateButtons();
}

void RulesDialog::duplicateRule()
{
    const auto* entry = m_model->entryAt(m_filter->mapToSource(m_view->currentIndex()).row());
    if (!entry)
        return;
    const bool sigma = entry->source == Core::Detect::RuleSource::Sigma;
    const QString id = sigma ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                             : uniqueOwnId(QStringLiteral("user.") + entry->id.section(u'.', entry->own ? 1 : 0));
    m_heading->setText(tr("A copy of %1 (not stored until saved).").arg(entry->id.toHtmlEscaped()));
    setEditorText(withId(entry->text, id), true, QString());
    m_dirty = true;
    updateButtons();
}

void RulesDialog::deleteRule()
{
    if (m_editingId.isEmpty())
        return;
    const QString id = m_editingId;
    m_changed = true;
    m_dirty = false;
    m_editingId.clear();
    m_editable = false;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id] { worker->remove(id); });
}

void RulesDialog::saveRule()
{
    validateNow();
    if (!m_valid || !m_editable)
        return;
    const QByteArray text = m_editor->toPlainText().toUtf8();
    const QString replacing = m_editingId;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, text, replacing] { worker->save(text, replacing); });
}

void RulesDialog::importFolder(const QString& folder)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, folder] { worker->importFolder(folder); });
}

void RulesDialog::exportFolder(const QString& folder)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, folder] { worker->exportFolder(folder); });
}

} // namespace Trailscope::Ui
