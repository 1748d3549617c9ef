#include "dashboardview.h"

#include "common/errortext.h"
#include "dashboard/activitymodel.h"
#include "dashboard/chartstyle.h"
#include "dashboard/detectionsmodel.h"
#include "dashboard/findingchart.h"
#include "dashboard/findingsearch.h"
#include "dashboard/findingsmodel.h"
#include "dashboard/firstseenmodel.h"
#include "dashboard/insightcard.h"
#include "dashboard/principaldrilldown.h"
#include "dashboard/rulesdialog.h"
#include "dashboard/sparklinedelegate.h"
#include "dashboard/tacticsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

using Core::Insights::ActivityDimension;
using Core::Insights::InsightType;
using Core::Insights::Sensitivity;

constexpr int SparklineBuckets = 48;

QString minuteText(std::int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

bool isCard(const DashboardFinding& finding, DashboardView::Card card)
{
    switch (card) {
    case DashboardView::Card::CallRate:
        return finding.origin == FindingOrigin::Trailscope && finding.type == InsightType::ApiCallRate;
    case DashboardView::Card::ErrorRate:
        return finding.origin == FindingOrigin::Trailscope && finding.type == InsightType::ApiErrorRate;
    case DashboardView::Card::Delivered:
        return finding.origin == FindingOrigin::Aws;
    case DashboardView::Card::FirstSeen:
    case DashboardView::Card::Detections:
        return false;
    }
    return false;
}

QString episodeLabel(const DashboardFinding& finding)
{
    QStringList parts{finding.eventSource + QLatin1Char(' ') + finding.eventName};
    if (finding.type == InsightType::ApiErrorRate)
        parts << finding.errorCode;
    parts << finding.region << finding.account;
    return parts.join(QStringLiteral(" · "));
}

// Short enough for a card: the service without ".amazonaws.com", the region, no account.
QString cardLabel(const DashboardFinding& finding)
{
    QString service = finding.eventSource;
    service.remove(QLatin1String(".amazonaws.com"));
    QStringList parts{service + QLatin1Char(':') + finding.eventName};
    if (finding.type == InsightType::ApiErrorRate)
        parts << finding.errorCode;
    parts << finding.region;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

DashboardView::DashboardView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboard"));
    m_job = new DashboardJob(this);
    connect(m_job, &DashboardJob::progressChanged, this, [this](int percent) { m_progress->setValue(percent); });
    connect(m_job, &DashboardJob::finished, this, &DashboardView::showData);
    connect(m_job, &DashboardJob::tableReady, this,
            [this](ActivityDimension dimension, const std::vector<Core::Insights::ActivityRow>& rows) {
                if (!limitsToSearch() || dimension != m_dimension->currentData().value<ActivityDimension>())
                    return;
                m_activity->setRows(dimension, rows);
                m_tableNote->setText(
                    tr("%n value(s) under the browser's search.", nullptr, static_cast<int>(rows.size())));
            });
    connect(m_job, &DashboardJob::drillDownReady, this, [this](const PrincipalActivity& activity) {
        if (activity.casePath == m_request.casePath && activity.principal == m_drill->activity().principal)
            m_drill->setActivity(activity);
    });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, DashboardJob::Done);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_recompute = new QPushButton(tr("&Recompute"), this);
    m_recompute->setObjectName(QStringLiteral("dashboardRecompute"));
    connect(m_recompute, &QPushButton::clicked, this, &DashboardView::recompute);
    m_sensitivity = new QComboBox(this);
    m_sensitivity->setObjectName(QStringLiteral("dashboardSensitivity"));
    m_sensitivity->addItem(tr("Low sensitivity"), QVariant::fromValue(Sensitivity::Low));
    m_sensitivity->addItem(tr("Medium sensitivity"), QVariant::fromValue(Sensitivity::Medium));
    m_sensitivity->addItem(tr("High sensitivity"), QVariant::fromValue(Sensitivity::High));
    m_sensitivity->setCurrentIndex(1);
    m_sensitivity->setToolTip(tr("How readily an episode opens (README, \"Insights\"): low finds only the loudest "
                                 "departures from the baseline, high finds smaller ones too."));
    connect(m_sensitivity, &QComboBox::currentIndexChanged, this, [this] {
        m_request.sensitivity = m_sensitivity->currentData().value<Sensitivity>();
        if (m_state != State::NoCase)
            recompute();
    });

    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_progress);
    top->addWidget(m_sensitivity);
    top->addWidget(m_recompute);

    auto* cards = new QHBoxLayout;
    buildCards(cards);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildFindingsTab(), tr("Findings"));
    m_tabs->addTab(buildActivityTab(), tr("Who / What / Where"));
    m_tabs->addTab(buildFirstSeenTab(), tr("First Seen"));
    m_tabs->addTab(buildDetectionsTab(), tr("Detections"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 0);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addWidget(m_tabs, 1);
    setState(State::NoCase);
}

DashboardView::~DashboardView() = default;

void DashboardView::buildCards(QHBoxLayout* row)
{
    m_cards[int(Card::CallRate)] =
        new InsightCard(tr("API call rate"),
                        tr("ApiCallRateInsight found here: write management calls per minute of one API departing "
                           "from their 7-day baseline."),
                        this);
    m_cards[int(Card::ErrorRate)] = new InsightCard(
        tr("API error rate"),
        tr("ApiErrorRateInsight found here: calls of one API failing with one error code, per minute, departing "
           "from their baseline."),
        this);
    m_cards[int(Card::Delivered)] = new InsightCard(
        tr("Delivered by AWS"), tr("Insights events AWS delivered in the trail (CloudTrail-Insight files)."), this);
    m_cards[int(Card::FirstSeen)] = new InsightCard(
        tr("First seen"),
        tr("Principals, access keys, source IPs, user agents and regions whose first event came after the case's "
           "first day."),
        this);
    m_cards[int(Card::Detections)] = new InsightCard(
        tr("Detections"),
        tr("The case's detection rules that fired: the CIS CloudWatch alarms, Trailscope's own and the rules added "
           "to the case (trailscope-cli detect)."),
        this);
    const char* names[] = {"cardCallRate", "cardErrorRate", "cardDelivered", "cardFirstSeen", "cardDetections"};
    for (int i = 0; i < 5; ++i) {
        m_cards[i]->setObjectName(QLatin1String(names[i]));
        row->addWidget(m_cards[i], 1);
        connect(m_cards[i], &InsightCard::activated, this, [this, i] { openCard(static_cast<Card>(i)); });
    }
}

QWidget* DashboardView::buildFindingsTab()
{
    m_findings = new FindingsModel(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_findingsView = makeTable(m_findings, split);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->sortByColumn(FindingsModel::Start, Qt::AscendingOrder);
    m_findingsView->setToolTip(tr("Double-click or press Enter to open the episode's events in the browser."));
    connect(m_findingsView, &QTableView::activated, this,
            [this](const QModelIndex& index) { openFinding(index.row()); });
    connect(m_findingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DashboardView::onCurrentFindingChanged);
    m_chart = new FindingChart(split);
    split->addWidget(m_findingsView);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    return split;
}

QWidget* DashboardView::buildActivityTab()
{
    auto* page = new QWidget(this);
    m_activity = new ActivityModel(this);
    m_dimension = new QComboBox(page);
    m_dimension->setObjectName(QStringLiteral("activityDimension"));
    for (const ActivityDimension dimension : DashboardDimensions)
        m_dimension->addItem(ActivityModel::dimensionLabel(dimension), QVariant::fromValue(dimension));
    connect(m_dimension, &QComboBox::currentIndexChanged, this, &DashboardView::showTable);
    m_limit = new QCheckBox(tr("&Limit to current search"), page);
    m_limit->setObjectName(QStringLiteral("limitToSearch"));
    m_limit->setToolTip(tr("Count only the events the browser's search and time range match."));
    connect(m_limit, &QCheckBox::toggled, this, &DashboardView::showTable);
    auto* apply = new QPushButton(tr("&Apply as Filter"), page);
    apply->setObjectName(QStringLiteral("applyAsFilter"));
    auto* exclude = new QPushButton(tr("E&xclude"), page);
    exclude->setObjectName(QStringLiteral("excludeFilter"));
    m_tableNote = new QLabel(page);
    m_activityView = makeTable(m_activity, page);
    m_activityView->setObjectName(QStringLiteral("activityView"));
    m_activityView->sortByColumn(ActivityModel::Events, Qt::DescendingOrder);
    m_activityView->setToolTip(tr("Double-click a principal to drill down into its activity, another row to show "
                                  "its events in the browser; right-click for more."));
    m_activityView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_activityView, &QWidget::customContextMenuRequested, this, &DashboardView::showActivityMenu);
    const auto currentRow = [this] { return m_activityView->selectionModel()->currentIndex().row(); };
    connect(apply, &QPushButton::clicked, this, [this, currentRow] { filterByActivityRow(currentRow(), false); });
    connect(exclude, &QPushButton::clicked, this, [this, currentRow] { filterByActivityRow(currentRow(), true); });
    connect(m_activityView, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (m_activity->dimension() == ActivityDimension::Principal)
            drillDownRow(index.row());
        else
            filterByActivityRow(index.row(), false, true);
    });

    m_drill = new PrincipalDrillDown(page);
    m_drill->hide();
    connect(m_drill, &PrincipalDrillDown::closeRequested, this, &DashboardView::closeDrillDown);
    connect(m_drill, &PrincipalDrillDown::openEventsRequested, this,
            [this](const QString& principal, std::int64_t start, std::int64_t end) {
                Q_EMIT openEventsRequested(tr("principal = %1").arg(principal),
                                           Core::Query::shareSearch(FindingSearch::principalIs(principal)), start, end);
            });

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_dimension);
    controls->addWidget(m_limit);
    controls->addWidget(m_tableNote, 1);
    controls->addWidget(apply);
    controls->addWidget(exclude);
    auto* tableBox = new QWidget(page);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(controls);
    tableLayout->addWidget(m_activityView, 1);
    auto* split = new QSplitter(Qt::Vertical, page);
    split->setObjectName(QStringLiteral("activitySplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(tableBox);
    split->addWidget(m_drill);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(split, 1);
    return page;
}

QWidget* DashboardView::buildFirstSeenTab()
{
    m_firstSeen = new FirstSeenModel(this);
    m_firstSeenView = makeTable(m_firstSeen, this);
    m_firstSeenView->setObjectName(QStringLiteral("firstSeenView"));
    m_firstSeenView->setSortingEnabled(false);
    m_firstSeenView->setToolTip(tr("Double-click to show the events from this first one on."));
    connect(m_firstSeenView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const Core::Insights::FirstSeen* item = m_firstSeen->itemAt(index.row());
        if (!item || !m_data.caseEnd)
            return;
        Core::Query::SearchNode node;
        switch (item->kind) {
        case Core::Insights::FirstSeenKind::Principal:
            node = FindingSearch::principalIs(item->value);
            break;
        case Core::Insights::FirstSeenKind::AccessKey:
            node = FindingSearch::fieldIs("accessKeyId", item->value);
            break;
        case Core::Insights::FirstSeenKind::SourceIp:
            node = FindingSearch::fieldIs("ip", item->value);
            break;
        case Core::Insights::FirstSeenKind::UserAgent:
            node = FindingSearch::fieldIs("userAgent", item->value);
            break;
        case Core::Insights::FirstSeenKind::Region:
            node = FindingSearch::fieldIs("region", item->value);
            break;
        }
        Q_EMIT openEventsRequested(FirstSeenModel::kindLabel(item->kind) + QStringLiteral(" = ") + item->value,
                                   Core::Query::shareSearch(std::move(node)), item->time, *m_data.caseEnd + 1);
    });
    return m_firstSeenView;
}

QWidget* DashboardView::buildDetectionsTab()
{
    m_detections = new DetectionsModel(this);
    m_detectionsView = makeTable(m_detections, this);
    m_detectionsView->setObjectName(QStringLiteral("detectionsView"));
    m_detectionsView->setItemDelegateForColumn(DetectionsModel::Hits,
                                               new SparklineDelegate(DetectionsModel::SparklineRole, m_detectionsView));
    m_detectionsView->sortByColumn(DetectionsModel::Level, Qt::DescendingOrder);
    m_detectionsView->setToolTip(tr("Double-click or press Enter to open the rule's matches in the browser; "
                                    "right-click to star them."));
    m_detectionsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_detectionsView, &QWidget::customContextMenuRequested, this, &DashboardView::showDetectionsMenu);
    connect(m_detectionsView, &QTableView::activated, this,
            [this](const QModelIndex& index) { openDetection(index.row()); });

    m_tactics = new TacticsModel(this);
    m_tacticsView = makeTable(m_tactics, this);
    m_tacticsView->setObjectName(QStringLiteral("tacticsView"));
    m_tacticsView->setSortingEnabled(false);
    m_tacticsView->setToolTip(tr("Findings per ATT&CK tactic, from the rules' tags; choose one to list only its "
                                 "rules."));
    connect(m_tacticsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_detections->setTacticFilter(current.data(TacticsModel::TagRole).toString());
            });

    auto* rules = new QPushButton(tr("&Rules…"), this);
    rules->setObjectName(QStringLiteral("rulesButton"));
    rules->setToolTip(tr("List, switch off and on, edit and add the case's detection rules; import or export a "
                         "folder of them."));
    connect(rules, &QPushButton::clicked, this, &DashboardView::editRules);
    m_rulesNote = new QLabel(this);
    m_rulesNote->setObjectName(QStringLiteral("rulesNote"));
    m_rulesNote->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_rulesNote, 1);
    bar->addWidget(rules);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tacticsView);
    split->addWidget(m_detectionsView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    return tab;
}

RulesDialog* DashboardView::editRules()
{
    if (m_request.casePath.isEmpty())
        return nullptr;
    auto* dialog = new RulesDialog(m_request.casePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RulesDialog::rulesChanged, this, [this] {
        if (m_state != State::NoCase)
            recompute();
    });
    dialog->show();
    return dialog;
}

InsightCard* DashboardView::card(Card card) const
{
    return m_cards[int(card)];
}

void DashboardView::setCase(const QString& path, std::int64_t events, std::optional<std::int64_t> oldest,
                            std::optional<std::int64_t> newest)
{
    const bool same = m_request.casePath == path && m_request.caseEvents == events;
    m_request.casePath = path;
    m_request.caseEvents = events;
    m_request.caseStart = oldest;
    m_request.caseEnd = newest;
    if (same && (m_state == State::Current || m_state == State::Computing))
        return;
    if (!same && m_data.casePath != path) {
        closeDrillDown();
        showData(DashboardData{}); // another case: nothing of the last one stays on screen
        setState(State::NoCase);
    }
    recompute();
}

void DashboardView::markOutOfDate()
{
    m_job->cancel();
    setState(State::OutOfDate);
}

void DashboardView::setBrowserSearch(const Core::Query::SearchTree& search, const Core::Query::SearchOptions& options)
{
    m_browserSearch = search;
    m_browserOptions = options;
    if (limitsToSearch())
        showTable();
}

void DashboardView::recompute()
{
    if (m_request.casePath.isEmpty())
        return;
    m_request.sensitivity = m_sensitivity->currentData().value<Sensitivity>();
    m_job->start(m_request);
    m_progress->setValue(0);
    setState(State::Computing);
}

void DashboardView::setSensitivity(Sensitivity sensitivity)
{
    m_sensitivity->setCurrentIndex(m_sensitivity->findData(QVariant::fromValue(sensitivity)));
}

void DashboardView::setState(State state)
{
    m_state = state;
    m_progress->setVisible(state == State::Computing);
    m_recompute->setEnabled(state != State::NoCase && state != State::Computing);
    m_status->setText(statusText());
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, state == State::OutOfDate || state == State::Failed
                                               ? QColor(ChartStyle::isDark(QWidget::palette()) ? 0xffb060 : 0xb04000)
                                               : QWidget::palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    Q_EMIT stateChanged(state);
}

QString DashboardView::rulesNoteText() const
{
    QString text = tr("%n rule(s) ran", nullptr, m_data.rulesRun);
    if (m_data.rulesOff > 0)
        text += QStringLiteral(", ") + tr("%n switched off", nullptr, m_data.rulesOff);
    if (m_data.ownRules > 0)
        text += QStringLiteral(", ") + tr("%n of them the case's own", nullptr, m_data.ownRules);
    text += QLatin1Char('.');
    if (!m_data.rulesNotLoaded.isEmpty())
        text += QLatin1Char(' ') + tr("Not run: %1").arg(m_data.rulesNotLoaded.join(QStringLiteral("; ")));
    return text;
}

QString DashboardView::statusText() const
{
    switch (m_state) {
    case State::NoCase:
        return tr("Open a case to see its insights.");
    case State::Computing:
        return m_data.casePath.isEmpty() ? tr("Computing insights, first-seen activity and tables…")
                                         : tr("Computing again; the results below are of %n event(s).", nullptr,
                                              static_cast<int>(m_data.caseEvents));
    case State::Current:
        return tr("%n finding(s) in %1 events, computed in %2 ms.", nullptr, static_cast<int>(m_data.findings.size()))
                   .arg(QLocale().toString(static_cast<qlonglong>(m_data.caseEvents)))
                   .arg(m_data.milliseconds, 0, 'f', 0) +
               QLatin1Char(' ') +
               tr("%n detection rule(s) fired.", nullptr, static_cast<int>(m_data.detections.size()));
    case State::OutOfDate:
        return tr("Out of date: events are being imported. Computed again when the import ends (or Recompute).");
    case State::Failed:
        return m_data.error ? tr("Could not compute insights: %1").arg(ErrorText::describe(*m_data.error))
                            : tr("Could not compute insights.");
    }
    return {};
}

void DashboardView::showData(const DashboardData& data)
{
    if (!data.casePath.isEmpty() && data.casePath != m_request.casePath)
        return; // an answer about a case no longer open
    m_data = data;
    const QString previous = [this] {
        const DashboardFinding* finding = m_findings->findingAt(m_findingsView->selectionModel()->currentIndex().row());
        return finding ? episodeLabel(*finding) + QString::number(finding->start) : QString();
    }();
    m_findings->setFindings(data.findings);
    m_firstSeen->setItems(data.firstSeen.items);
    m_chart->clear();
    for (int row = 0; !previous.isEmpty() && row < m_findings->rowCount(); ++row) {
        const DashboardFinding* finding = m_findings->findingAt(row);
        if (episodeLabel(*finding) + QString::number(finding->start) == previous)
            m_findingsView->selectRow(row);
    }
    m_findingsView->resizeColumnsToContents();
    for (int column = 0; column < FindingsModel::ColumnCount; ++column)
        m_findingsView->setColumnWidth(column, std::min(m_findingsView->columnWidth(column), 280));
    // The graph is never blank while there is a finding: the card-worthy first one is shown until another is chosen.
    if (!m_findingsView->selectionModel()->hasSelection() && m_findings->rowCount() > 0)
        m_findingsView->selectRow(0);
    m_detections->setFindings(data.detections, data.caseStart, data.caseEnd);
    {
        const QString tactic = m_detections->tacticFilter();
        const QSignalBlocker blocker(m_tacticsView->selectionModel());
        m_tactics->setFindings(data.detections);
        m_detections->setTacticFilter(QString());
        for (int row = 0; !tactic.isEmpty() && row < m_tactics->rowCount(); ++row) {
            if (m_tactics->index(row, 0).data(TacticsModel::TagRole).toString() == tactic) {
                m_tacticsView->selectRow(row);
                m_detections->setTacticFilter(tactic);
            }
        }
        m_tacticsView->resizeColumnsToContents();
    }
    m_rulesNote->setText(rulesNoteText());
    m_detectionsView->resizeColumnsToContents();
    m_detectionsView->setColumnWidth(DetectionsModel::Title,
                                     std::min(m_detectionsView->columnWidth(DetectionsModel::Title), 420));
    showCards();
    showTable();
    m_firstSeenView->resizeColumnsToContents();
    if (!data.casePath.isEmpty())
        setState(data.error                                ? State::Failed
                 : data.caseEvents == m_request.caseEvents ? State::Current
                                                           : State::OutOfDate);
    Q_EMIT updated();
}

std::vector<int> DashboardView::buckets(const std::vector<std::int64_t>& times) const
{
    std::vector<int> counts(SparklineBuckets, 0);
    if (!m_data.caseStart || !m_data.caseEnd)
        return counts;
    const double span = std::max<double>(1, static_cast<double>(*m_data.caseEnd - *m_data.caseStart));
    for (const std::int64_t time : times) {
        const double at = static_cast<double>(time - *m_data.caseStart) / span;
        ++counts[static_cast<std::size_t>(
            std::clamp(static_cast<int>(at * SparklineBuckets), 0, SparklineBuckets - 1))];
    }
    return counts;
}

void DashboardView::showCards()
{
    if (m_data.casePath.isEmpty()) {
        for (InsightCard* card : m_cards)
            card->clear(QString());
        return;
    }
    for (const Card kind : {Card::CallRate, Card::ErrorRate, Card::Delivered}) {
        std::vector<std::int64_t> times;
        const DashboardFinding* worst = nullptr;
        for (const DashboardFinding& finding : m_data.findings) {
            if (!isCard(finding, kind))
                continue;
            times.push_back(finding.start);
            if (!worst || finding.excess() > worst->excess())
                worst = &finding;
        }
        const QString worstText =
            worst ? tr("Worst: %1, %2/min against %3 (%4)")
                        .arg(cardLabel(*worst), QString::number(worst->insightAverage, 'g', 3),
                             QString::number(worst->baselineAverage, 'g', 2), minuteText(worst->start))
                  : tr("No episodes at this sensitivity.");
        card(kind)->setValues(static_cast<qsizetype>(times.size()), buckets(times), worstText);
    }
    showDetectionsCard();
    std::vector<std::int64_t> times;
    for (const Core::Insights::FirstSeen& item : m_data.firstSeen.items)
        times.push_back(item.time);
    const auto& items = m_data.firstSeen.items;
    card(Card::FirstSeen)
        ->setValues(static_cast<qsizetype>(items.size()), buckets(times),
                    items.empty() ? tr("Nothing new after the case's first day.")
                                  : tr("First: %1 %2 (%3)")
                                        .arg(FirstSeenModel::kindLabel(items.front().kind), items.front().value,
                                             minuteText(items.front().time)));
}

void DashboardView::showDetectionsCard()
{
    std::vector<int> hits(SparklineBuckets, 0);
    const Core::Detect::Finding* worst = nullptr;
    // Every finding, whichever tactic the list shows.
    for (std::size_t i = 0; i < m_detections->findings().size(); ++i) {
        const Core::Detect::Finding* finding = &m_detections->findings()[i];
        const QList<int>& counts = m_detections->hitsOf(i);
        for (qsizetype i = 0; i < counts.size() && i < SparklineBuckets; ++i)
            hits[static_cast<std::size_t>(i)] += counts[i];
        if (!worst || DetectionsModel::levelRank(finding->rule.level) > DetectionsModel::levelRank(worst->rule.level) ||
            (DetectionsModel::levelRank(finding->rule.level) == DetectionsModel::levelRank(worst->rule.level) &&
             finding->count > worst->count))
            worst = finding;
    }
    card(Card::Detections)
        ->setValues(static_cast<qsizetype>(m_data.detections.size()), hits,
                    worst ? tr("Worst: %1 %2, %n event(s)", nullptr, static_cast<int>(worst->count))
                                .arg(worst->rule.level, worst->rule.id)
                          : tr("No rule fired."));
}

void DashboardView::showTable()
{
    const auto dimension = m_dimension->currentData().value<ActivityDimension>();
    m_activityView->setColumnHidden(ActivityModel::EventSource, dimension != ActivityDimension::PrincipalEventSource);
    if (limitsToSearch() && !m_request.casePath.isEmpty()) {
        m_tableNote->setText(tr("Counting under the browser's search…"));
        m_job->startTable(m_request.casePath, dimension, m_browserSearch, m_browserOptions);
        return;
    }
    const auto found = m_data.tables.find(dimension);
    m_activity->setRows(dimension,
                        found == m_data.tables.end() ? std::vector<Core::Insights::ActivityRow>{} : found->second);
    m_tableNote->setText(m_data.casePath.isEmpty()
                             ? QString()
                             : tr("%n value(s) in the whole case.", nullptr, static_cast<int>(m_activity->rowCount())));
    m_activityView->resizeColumnToContents(ActivityModel::Value);
    // A long role-session ARN would push the counts and times off the right edge.
    m_activityView->setColumnWidth(ActivityModel::Value,
                                   std::min(m_activityView->columnWidth(ActivityModel::Value), 480));
}

void DashboardView::setDimension(ActivityDimension dimension)
{
    m_dimension->setCurrentIndex(m_dimension->findData(QVariant::fromValue(dimension)));
}

void DashboardView::setLimitToSearch(bool limit)
{
    m_limit->setChecked(limit);
}

bool DashboardView::limitsToSearch() const
{
    return m_limit->isChecked();
}

void DashboardView::onCurrentFindingChanged()
{
    const DashboardFinding* finding = m_findings->findingAt(m_findingsView->selectionModel()->currentIndex().row());
    if (finding)
        m_chart->setFinding(*finding);
    else
        m_chart->clear();
}

void DashboardView::openFinding(int row)
{
    const DashboardFinding* finding = m_findings->findingAt(row);
    if (!finding)
        return;
    // At least a minute: an AWS episode's Start and End can share their minute.
    Q_EMIT openEventsRequested(episodeLabel(*finding), Core::Query::shareSearch(FindingSearch::episodeEvents(*finding)),
                               finding->start, std::max(finding->end, finding->start + 60000));
}

void DashboardView::openDetection(int row)
{
    const Core::Detect::Finding* finding = m_detections->findingAt(row);
    if (!finding || finding->eventRows.empty())
        return;
    // Its first to its last hit, or the whole case for events without a time.
    const std::int64_t start = finding->first ? finding->first : m_data.caseStart.value_or(0);
    const std::int64_t end = (finding->first ? finding->last : m_data.caseEnd.value_or(0)) + 1;
    Q_EMIT openEventSetRequested(tr("%1: %2").arg(finding->rule.id, finding->rule.title),
                                 QList<std::int64_t>(finding->eventRows.begin(), finding->eventRows.end()), start, end);
}

void DashboardView::starMatches(int row)
{
    const Core::Detect::Finding* finding = m_detections->findingAt(row);
    if (finding && !finding->eventRows.empty())
        Q_EMIT starEventsRequested(QList<std::int64_t>(finding->eventRows.begin(), finding->eventRows.end()));
}

void DashboardView::exportDetection(int row)
{
    const Core::Detect::Finding* finding = m_detections->findingAt(row);
    if (!finding)
        return;
    Core::Report::CaseFinding exported;
    exported.kind = Core::Report::CaseFinding::Kind::Detection;
    exported.id = finding->rule.id;
    exported.title = finding->rule.title;
    exported.level = finding->rule.level;
    exported.first = finding->first;
    exported.last = finding->last;
    exported.eventRows = finding->eventRows;
    Q_EMIT exportFindingRequested(exported);
}

void DashboardView::showDetectionsMenu(const QPoint& position)
{
    const int row = m_detectionsView->indexAt(position).row();
    if (row < 0)
        return;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("detectionsMenu"));
    menu->addAction(tr("&Show Events"), this, [this, row] { openDetection(row); });
    menu->addAction(tr("S&tar Matches"), this, [this, row] { starMatches(row); });
    menu->addSeparator();
    menu->addAction(tr("&Export…"), this, [this, row] { exportDetection(row); });
    menu->popup(m_detectionsView->viewport()->mapToGlobal(position));
}

void DashboardView::filterByActivityRow(int row, bool exclude, bool andShow)
{
    const Core::Insights::ActivityRow* activity = m_activity->rowAt(row);
    if (!activity)
        return;
    Core::Query::SearchNode node = FindingSearch::activityEvents(m_activity->dimension(), *activity);
    QString label = activity->value;
    if (m_activity->dimension() == ActivityDimension::PrincipalEventSource)
        label += QStringLiteral(" · ") + activity->eventSource;
    if (exclude)
        label = tr("not %1").arg(label);
    Q_EMIT filterRequested(
        label, Core::Query::shareSearch(exclude ? FindingSearch::excluding(std::move(node)) : std::move(node)),
        andShow);
}

void DashboardView::openCard(Card kind)
{
    if (kind == Card::FirstSeen) {
        m_tabs->setCurrentIndex(2);
        return;
    }
    if (kind == Card::Detections) {
        m_tabs->setCurrentIndex(3);
        if (m_detections->rowCount() > 0)
            m_detectionsView->selectRow(0);
        return;
    }
    m_tabs->setCurrentIndex(0);
    // The card's worst episode, selected so its graph shows.
    int best = -1;
    for (int row = 0; row < m_findings->rowCount(); ++row) {
        const DashboardFinding* finding = m_findings->findingAt(row);
        if (isCard(*finding, kind) && (best < 0 || finding->excess() > m_findings->findingAt(best)->excess()))
            best = row;
    }
    if (best >= 0)
        m_findingsView->selectRow(best);
}

void DashboardView::drillDownRow(int row)
{
    const Core::Insights::ActivityRow* activity = m_activity->rowAt(row);
    const ActivityDimension dimension = m_activity->dimension();
    if (activity && (dimension == ActivityDimension::Principal || dimension == ActivityDimension::PrincipalEventSource))
        drillDown(activity->value);
}

void DashboardView::drillDown(const QString& principal)
{
    if (m_request.casePath.isEmpty() || principal.isEmpty())
        return;
    m_tabs->setCurrentIndex(1);
    m_drill->setPending(principal);
    m_drill->show();
    m_job->startDrillDown(m_request.casePath, principal);
}

void DashboardView::closeDrillDown()
{
    m_drill->clear();
    m_drill->hide();
}

void DashboardView::showActivityMenu(const QPoint& position)
{
    const int row = m_activityView->indexAt(position).row();
    if (row < 0)
        return;
    const ActivityDimension dimension = m_activity->dimension();
    // Shown with popup(), not exec(): no nested event loop.
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("activityMenu"));
    QAction* drill = menu->addAction(tr("&Drill Down"), this, [this, row] { drillDownRow(row); });
    drill->setEnabled(dimension == ActivityDimension::Principal ||
                      dimension == ActivityDimension::PrincipalEventSource);
    menu->addSeparator();
    menu->addAction(tr("&Apply as Filter"), this, [this, row] { filterByActivityRow(row, false); });
    menu->addAction(tr("E&xclude"), this, [this, row] { filterByActivityRow(row, true); });
    menu->addAction(tr("&Show Events"), this, [this, row] { filterByActivityRow(row, false, true); });
    // A principal's or key's credential story: whose chain it is and everything the chain did.
    const bool byPrincipal =
        dimension == ActivityDimension::Principal || dimension == ActivityDimension::PrincipalEventSource;
    if (byPrincipal || dimension == ActivityDimension::AccessKey) {
        menu->addSeparator();
        const QString value = m_activity->rowAt(row)->value;
        const auto kind = byPrincipal ? Core::Story::StorySeed::Kind::Arn : Core::Story::StorySeed::Kind::AccessKey;
        QAction* story = menu->addAction(tr("Show Credential &Story"), this, [this, kind, value] {
            Q_EMIT storyRequested({kind, value});
        });
        story->setObjectName(QStringLiteral("showStory"));
        story->setEnabled(!value.isEmpty());
    }
    menu->popup(m_activityView->viewport()->mapToGlobal(position));
}

} // namespace Trailscope::Ui
