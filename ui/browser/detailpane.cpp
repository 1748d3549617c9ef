#include "detailpane.h"

#include "record/derivedresources.h"

#include "browser/eventdetections.h"
#include "browser/searchterm.h"
#include "common/jsonhighlighter.h"
#include "common/jsonnode.h"
#include "common/jsontreemodel.h"
#include "query/fieldtable.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStringBuilder>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>
#include <optional>

namespace Trailscope::Ui {

namespace {

// Containers this shallow and this small open by themselves: userIdentity, sessionContext, requestParameters.
constexpr int AutoExpandDepth = 3;
constexpr int AutoExpandMaxChildren = 25;

enum Tab { TreeTab, JsonTab, ResourcesTab };

const JsonNode* member(const JsonNode* node, QStringView key)
{
    if (!node || node->kind != JsonNode::Kind::Object)
        return nullptr;
    for (const auto& child : node->children) {
        if (child->key == key)
            return child.get();
    }
    return nullptr;
}

// The scalar at a dotted path of plain keys (all the related-event paths are), or empty.
QString scalarAt(const JsonNode* root, QStringView path)
{
    const JsonNode* node = root;
    for (QStringView key : path.split(u'.'))
        node = member(node, key);
    return node && !node->isContainer() && node->kind != JsonNode::Kind::Null ? node->value : QString();
}

QString termFor(QStringView jsonPath, const QString& value)
{
    const Core::Query::FieldDef* field = Core::Query::fieldForJsonPath(jsonPath);
    Q_ASSERT(field);
    return field ? fieldTerm(*field, value) : quotedSearchValue(value);
}

QList<RelatedSearch> relatedSearchesFor(const JsonNode* root)
{
    QList<RelatedSearch> related;
    const auto add = [&](const QString& id, const QString& label, QStringView path) {
        const QString value = scalarAt(root, path);
        if (!value.isEmpty())
            related.append(RelatedSearch{id, label, termFor(path, value)});
    };
    add(QStringLiteral("accessKey"), DetailPane::tr("Same access key"), u"userIdentity.accessKeyId");
    // An assumed role's ARN names the session (…:assumed-role/Role/session); other principals have no session, so
    // the link finds the same principal instead.
    const QString type = scalarAt(root, u"userIdentity.type");
    if ((type == u"AssumedRole" || type == u"FederatedUser") && !scalarAt(root, u"userIdentity.arn").isEmpty())
        add(QStringLiteral("session"), DetailPane::tr("Same session"), u"userIdentity.arn");
    else
        add(QStringLiteral("principal"), DetailPane::tr("Same principal"), u"userIdentity.principalId");
    add(QStringLiteral("request"), DetailPane::tr("Same request ID"), u"requestID");
    add(QStringLiteral("sharedEvent"), DetailPane::tr("Same shared event"), u"sharedEventID");
    return related;
}

// A flat button that reads as a link, for the related-events bar.
QToolButton* linkButton(QWidget* parent, const QString& name, const QString& text, const QString& toolTip)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    QPalette linkPalette = button->palette();
    linkPalette.setColor(QPalette::ButtonText, parent->palette().color(QPalette::Link));
    button->setPalette(linkPalette);
    return button;
}

// A value a credential story can start from: an access key ID (AKIA…, ASIA…) or an IAM or STS principal's ARN.
std::optional<Core::Story::StorySeed> storySeedOf(const QString& value)
{
    static const QRegularExpression key(QStringLiteral("^(AKIA|ASIA)[A-Z0-9]{12,124}$"));
    static const QRegularExpression arn(QStringLiteral("^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:\\S+$"));
    if (key.match(value).hasMatch())
        return Core::Story::StorySeed{Core::Story::StorySeed::Kind::AccessKey, value};
    if (arn.match(value).hasMatch())
        return Core::Story::StorySeed{Core::Story::StorySeed::Kind::Arn, value};
    return std::nullopt;
}

} // namespace

DetailPane::DetailPane(QWidget* parent)
    : QWidget(parent), m_model(new JsonTreeModel(this)), m_stack(new QStackedWidget(this)),
      m_placeholder(new QLabel(tr("Select an event to see its record."), this)), m_title(new QLabel(this)),
      m_error(new QLabel(this)), m_note(new QLabel(this)), m_storyLine(new QLabel(this)),
      m_relatedBar(new QWidget(this)), m_tabs(new QTabWidget(this)), m_tree(new QTreeView(this)),
      m_json(new QPlainTextEdit(this)), m_asStored(new QCheckBox(tr("As stored"), this)),
      m_resources(new QTreeWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 4, 0);
    contentLayout->setSpacing(4);
    // Above everything: for a role session, the first question is whose it is.
    m_storyLine->setObjectName(QStringLiteral("storyLine"));
    m_storyLine->setWordWrap(true);
    m_storyLine->setTextFormat(Qt::RichText);
    m_storyLine->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_storyLine->hide();
    connect(m_storyLine, &QLabel::linkActivated, this, [this] {
        if (!sessionKey().isEmpty())
            Q_EMIT storyRequested({Core::Story::StorySeed::Kind::AccessKey, sessionKey()});
    });
    contentLayout->addWidget(m_storyLine);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    contentLayout->addWidget(m_title);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    contentLayout->addWidget(m_error);
    m_note->setObjectName(QStringLiteral("recordNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    contentLayout->addWidget(m_note);
    m_detectionsLine = new QLabel(this);
    m_detectionsLine->setObjectName(QStringLiteral("detectionsLine"));
    m_detectionsLine->setWordWrap(true);
    m_detectionsLine->setTextFormat(Qt::PlainText);
    m_detectionsLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detectionsLine->hide();
    contentLayout->addWidget(m_detectionsLine);
    m_integrityLine = new QLabel(this);
    m_integrityLine->setObjectName(QStringLiteral("integrityLine"));
    m_integrityLine->setWordWrap(true);
    m_integrityLine->setTextFormat(Qt::PlainText);
    m_integrityLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_integrityLine->hide();
    contentLayout->addWidget(m_integrityLine);
    auto* relatedLayout = new QHBoxLayout(m_relatedBar);
    relatedLayout->setContentsMargins(0, 0, 0, 0);
    relatedLayout->setSpacing(2);
    auto* relatedLabel = new QLabel(tr("Related:"), m_relatedBar);
    relatedLabel->setForegroundRole(QPalette::PlaceholderText);
    relatedLayout->addWidget(relatedLabel);
    relatedLayout->addStretch(1);
    contentLayout->addWidget(m_relatedBar);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, fontMetrics().horizontalAdvance(u'x') * 28);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, fontMetrics().horizontalAdvance(u'x') * 9);
    m_tabs->addTab(m_tree, tr("Tree"));

    auto* jsonPage = new QWidget(this);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->setSpacing(2);
    m_asStored->setToolTip(tr("Show the record exactly as stored in the trail file, instead of indented"));
    jsonLayout->addWidget(m_asStored);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_highlighter = new JsonHighlighter(m_json->document());
    m_highlighter->setPalette(palette());
    jsonLayout->addWidget(m_json, 1);
    m_tabs->addTab(jsonPage, tr("JSON"));

    m_resources->setColumnCount(4);
    m_resources->setHeaderLabels({tr("Type"), tr("ARN or name"), tr("Account ID"), tr("Found in")});
    m_resources->setRootIsDecorated(false);
    m_resources->setUniformRowHeights(true);
    m_resources->setToolTip(tr("Double-click a resource to search for its events"));
    m_tabs->addTab(m_resources, tr("Resources"));

    connect(m_tree, &QTreeView::customContextMenuRequested, this, &DetailPane::showContextMenu);
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (m_applyingExpansion)
            return;
        const QString path = index.data(JsonTreeModel::PathRole).toString();
        m_collapsedByUser.remove(path);
        m_expandedByUser.insert(path);
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
        if (m_applyingExpansion)
            return;
        const QString path = index.data(JsonTreeModel::PathRole).toString();
        m_expandedByUser.remove(path);
        m_collapsedByUser.insert(path);
    });
    auto* copy = new QAction(tr("Copy value"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copyValue(m_tree->currentIndex()); });
    m_tree->addAction(copy);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == JsonTab && !m_jsonTextCurrent)
            fillJsonText();
    });
    connect(m_asStored, &QCheckBox::toggled, this, &DetailPane::fillJsonText);
    connect(m_resources, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString arn = item->text(1);
        if (const Core::Query::FieldDef* field = Core::Query::findField(u"resource"); field && !arn.isEmpty())
            Q_EMIT searchRequested(fieldTerm(*field, arn));
    });

    clear();
}

DetailPane::~DetailPane() = default;

void DetailPane::setPlaceholderText(const QString& text)
{
    m_placeholder->setText(text);
}

void DetailPane::clear()
{
    m_rowId = -1;
    m_raw.clear();
    m_model->clear();
    m_json->clear();
    m_jsonTextCurrent = false;
    m_related.clear();
    m_resources->clear();
    setIntegrityNote({});
    setStoryLine({});
    m_stack->setCurrentWidget(m_placeholder);
}

void DetailPane::setEvent(std::int64_t rowId, const QByteArray& rawRecord)
{
    m_rowId = rowId;
    m_raw = rawRecord;
    const bool parsed = m_model->setRecord(rawRecord);
    m_error->setVisible(!parsed);
    if (!parsed)
        m_error->setText(tr("This record is not valid JSON (%1); it is shown as stored.").arg(m_model->errorString()));
    m_asStored->setEnabled(parsed);
    setStoryLine({});
    fillHeader();
    fillDetections();
    fillRelated();
    fillResources();
    applyExpansion();
    m_jsonTextCurrent = false;
    if (!parsed)
        m_tabs->setCurrentIndex(JsonTab);
    if (m_tabs->currentIndex() == JsonTab)
        fillJsonText();
    m_stack->setCurrentIndex(1);
}

void DetailPane::fillHeader()
{
    const JsonNode* root = m_model->root();
    QStringList parts;
    const QString source = scalarAt(root, u"eventSource");
    const QString name = scalarAt(root, u"eventName");
    if (!name.isEmpty())
        parts << (source.isEmpty() ? name : source.section(u'.', 0, 0) % u':' % name);
    QString time = scalarAt(root, u"eventTime");
    const bool timeFromStamp = !member(root, u"eventTime") && !scalarAt(root, u"@timestamp").isEmpty();
    if (timeFromStamp)
        time = scalarAt(root, u"@timestamp");
    for (const QString& value : {time, scalarAt(root, u"errorCode")})
        if (!value.isEmpty())
            parts << value;
    m_note->setVisible(timeFromStamp);
    if (timeFromStamp)
        m_note->setText(tr("This record has no eventTime: its time is the @timestamp a Logstash or Elastic export "
                           "added. The record is shown as it was."));
    m_title->setText(parts.join(QStringLiteral(" \u00b7 ")));
    m_title->setVisible(!parts.isEmpty());
}

void DetailPane::setDetections(std::shared_ptr<const EventDetections> detections)
{
    m_detections = std::move(detections);
    if (m_rowId >= 0)
        fillDetections();
}

void DetailPane::setIntegrityNote(const QString& note)
{
    m_integrityLine->setVisible(!note.isEmpty());
    m_integrityLine->setText(note.isEmpty() ? QString()
                                            : tr("Integrity: its log file failed validation: %1").arg(note));
}

QString DetailPane::integrityNote() const
{
    return m_integrityLine->text();
}

QString DetailPane::sessionKey() const
{
    const JsonNode* root = m_model->root();
    const QString type = scalarAt(root, u"userIdentity.type");
    if (type != u"AssumedRole" && type != u"FederatedUser")
        return {};
    return scalarAt(root, u"userIdentity.accessKeyId");
}

void DetailPane::setStoryLine(const QString& text)
{
    m_storyText = text;
    m_storyLine->setVisible(!text.isEmpty());
    m_storyLine->setText(text.isEmpty() ? QString()
                                        : text.toHtmlEscaped() + QStringLiteral(" &nbsp;<a href=\"story\">") +
                                              tr("Show story").toHtmlEscaped() + QStringLiteral("</a>"));
}

QString DetailPane::storyLine() const
{
    return m_storyText;
}

QStringList DetailPane::detectionLabels() const
{
    return m_detections && m_rowId >= 0 ? m_detections->labelsOf(m_rowId) : QStringList();
}

void DetailPane::fillDetections()
{
    const QStringList labels = detectionLabels();
    m_detectionsLine->setVisible(!labels.isEmpty());
    if (!labels.isEmpty())
        m_detectionsLine->setText(tr("Detections: %1").arg(labels.join(QStringLiteral("; "))));
}

void DetailPane::fillRelated()
{
    qDeleteAll(m_relatedButtons);
    m_relatedButtons.clear();
    m_related = relatedSearchesFor(m_model->root());
    auto* layout = static_cast<QHBoxLayout*>(m_relatedBar->layout());
    for (const RelatedSearch& related : std::as_const(m_related)) {
        auto* button = linkButton(m_relatedBar, QStringLiteral("related_") + related.id, related.label,
                                  tr("Search: %1").arg(related.search));
        const QString search = related.search;
        connect(button, &QToolButton::clicked, this, [this, search] { Q_EMIT searchRequested(search); });
        layout->insertWidget(layout->count() - 1, button);
        button->show(); // a layout shows new children of a visible widget only on the next event loop pass
        m_relatedButtons.append(button);
    }
    const QString key = scalarAt(m_model->root(), u"userIdentity.accessKeyId");
    if (!key.isEmpty()) {
        auto* button = linkButton(m_relatedBar, QStringLiteral("related_story"), tr("Credential story"),
                                  tr("The chain of keys behind %1 and everything it did").arg(key));
        connect(button, &QToolButton::clicked, this, [this, key] {
            Q_EMIT storyRequested({Core::Story::StorySeed::Kind::AccessKey, key});
        });
        layout->insertWidget(layout->count() - 1, button);
        button->show();
        m_relatedButtons.append(button);
    }
    m_relatedBar->setVisible(!m_relatedButtons.isEmpty());
}

void DetailPane::fillResources()
{
    m_resources->clear();
    const JsonNode* resources = member(m_model->root(), u"resources");
    QList<QTreeWidgetItem*> items;
    if (resources && resources->kind == JsonNode::Kind::Array) {
        for (const auto& resource : resources->children) {
            QString arn = scalarAt(resource.get(), u"ARN");
            if (arn.isEmpty())
                arn = scalarAt(resource.get(), u"ARNPrefix");
            items << new QTreeWidgetItem(QStringList{scalarAt(resource.get(), u"type"), arn,
                                                     scalarAt(resource.get(), u"accountId"), tr("resources")});
        }
    }
    if (items.isEmpty()) {
        // As Event history does (and the import stored them): named by the request or response of the call.
        for (const Core::DerivedResource& resource :
             Core::deriveResources(std::string_view(m_raw.constData(), static_cast<std::size_t>(m_raw.size()))))
            items << new QTreeWidgetItem(QStringList{QString::fromStdString(resource.type),
                                                     QString::fromStdString(resource.name), QString(),
                                                     tr("request or response")});
    }
    m_resources->addTopLevelItems(items);
    for (int column : {0, 1, 2})
        m_resources->resizeColumnToContents(column); // ARNs are long; the pane scrolls sideways rather than elide them
    m_tabs->setTabText(ResourcesTab, tr("Resources (%1)").arg(items.size()));
    m_tabs->setTabEnabled(ResourcesTab, !items.isEmpty());
}

// The pretty text of a large record takes a while to lay out and highlight, so it is made when the tab is shown.
void DetailPane::fillJsonText()
{
    const JsonNode* root = m_model->root();
    const bool asStored = m_asStored->isChecked() || !root;
    m_json->setPlainText(asStored ? QString::fromUtf8(m_raw) : toPrettyJson(*root));
    m_jsonTextCurrent = true;
}

void DetailPane::applyExpansion()
{
    m_applyingExpansion = true;
    const std::function<void(const QModelIndex&, int)> walk = [&](const QModelIndex& parent, int depth) {
        const int rows = m_model->rowCount(parent);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            const int children = m_model->rowCount(index);
            if (children == 0)
                continue;
            const QString path = index.data(JsonTreeModel::PathRole).toString();
            const bool byDefault = depth < AutoExpandDepth && children <= AutoExpandMaxChildren;
            if (m_expandedByUser.contains(path) || (byDefault && !m_collapsedByUser.contains(path))) {
                m_tree->expand(index);
                walk(index, depth + 1);
            }
        }
    };
    walk({}, 0);
    m_applyingExpansion = false;
}

void DetailPane::copyValue(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const QModelIndex first = index.siblingAtColumn(0);
    const QVariant value = first.data(JsonTreeModel::ValueRole);
    QApplication::clipboard()->setText(value.isValid() ? value.toString()
                                                       : first.data(JsonTreeModel::JsonRole).toString());
}

QMenu* DetailPane::createContextMenu(const QModelIndex& index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    if (!first.isValid() || first.model() != m_model)
        return nullptr;
    const QString path = first.data(JsonTreeModel::PathRole).toString();
    const auto kind = static_cast<JsonNode::Kind>(first.data(JsonTreeModel::KindRole).toInt());
    const bool scalar = kind != JsonNode::Kind::Object && kind != JsonNode::Kind::Array;
    // null is how CloudTrail says "nothing here"; there is no term that finds it.
    const QString term = scalar && kind != JsonNode::Kind::Null
                             ? filterTermFor(path, first.data(JsonTreeModel::ValueRole).toString(),
                                             first.data(JsonTreeModel::RawValueRole).toString())
                             : QString();

    auto* menu = new QMenu(this);
    QAction* copyValueAction = menu->addAction(scalar ? tr("Copy value") : tr("Copy as JSON"));
    copyValueAction->setObjectName(QStringLiteral("copyValue"));
    connect(copyValueAction, &QAction::triggered, this, [this, first] { copyValue(first); });
    QAction* copyPath = menu->addAction(tr("Copy path"));
    copyPath->setObjectName(QStringLiteral("copyPath"));
    connect(copyPath, &QAction::triggered, this, [path] { QApplication::clipboard()->setText(path); });
    menu->addSeparator();
    QAction* filter = menu->addAction(tr("Filter on this value"));
    filter->setObjectName(QStringLiteral("filterValue"));
    QAction* exclude = menu->addAction(tr("Exclude this value"));
    exclude->setObjectName(QStringLiteral("excludeValue"));
    for (QAction* action : {filter, exclude}) {
        action->setEnabled(!term.isEmpty());
        if (!term.isEmpty())
            action->setToolTip(term);
    }
    menu->setToolTipsVisible(true);
    connect(filter, &QAction::triggered, this, [this, term] { Q_EMIT filterRequested(term, false); });
    connect(exclude, &QAction::triggered, this, [this, term] { Q_EMIT filterRequested(term, true); });
    if (const auto seed = storySeedOf(scalar ? first.data(JsonTreeModel::ValueRole).toString() : QString())) {
        menu->addSeparator();
        QAction* story = menu->addAction(tr("Show credential story"));
        story->setObjectName(QStringLiteral("showStory"));
        connect(story, &QAction::triggered, this, [this, seed] { Q_EMIT storyRequested(*seed); });
    }
    return menu;
}

void DetailPane::showContextMenu(const QPoint& position)
{
    QMenu* menu = createContextMenu(m_tree->indexAt(position));
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

void DetailPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace Trailscope::Ui
