#pragma once

#include "story/credentialstory.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>

class QCheckBox;
class QLabel;
class QMenu;
class QModelIndex;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeView;
class QTreeWidget;

namespace Trailscope::Ui {

struct EventDetections;
class JsonHighlighter;
class JsonTreeModel;

/// A one-click search for events related to the shown one (same access key, session, request, shared event).
struct RelatedSearch
{
    QString id;     ///< stable: accessKey, session, principal, request, sharedEvent
    QString label;  ///< translated button text
    QString search; ///< search-bar text, e.g. `accessKeyId:"AKIA…"`
};

/// The selected event: its record as a tree and as highlighted JSON, its resources and related-event links.
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget* parent = nullptr);
    ~DetailPane() override;

    void setEvent(std::int64_t rowId, const QByteArray& rawRecord);
    void clear();
    void setPlaceholderText(const QString& text);
    /// The detection rules each event is in (the dashboard's last result); the shown event's line updates.
    void setDetections(std::shared_ptr<const EventDetections> detections);
    /// The rules the shown event is in, as its Detections line lists them.
    QStringList detectionLabels() const;
    /// What validation said of the shown event's log file ("INVALID: hash value doesn't match"); empty hides it.
    void setIntegrityNote(const QString& note);
    QString integrityNote() const; ///< the line as shown; empty when hidden
    /// The access key of the shown event when its caller is a role session or federated user, whose person the
    /// "who is behind this" line names; empty otherwise.
    QString sessionKey() const;
    /// The "who is behind this" line above the record, with a link to the whole story; empty hides it. Cleared
    /// whenever another event is shown.
    void setStoryLine(const QString& text);
    QString storyLine() const; ///< as shown, without the link; empty when hidden

    /// -1 when no event is shown.
    std::int64_t rowId() const { return m_rowId; }
    QList<RelatedSearch> relatedSearches() const { return m_related; }
    /// A context menu for a tree index (Copy value, Copy path, Filter on / Exclude this value); the caller owns it.
    QMenu* createContextMenu(const QModelIndex& index);

    JsonTreeModel* model() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }
    QPlainTextEdit* jsonView() const { return m_json; }

Q_SIGNALS:
    /// Replace the search with `searchText` (related events).
    void searchRequested(const QString& searchText);
    /// Add `term` to the search, negated when `exclude` is set.
    void filterRequested(const QString& term, bool exclude);
    /// Show the credential story of a key or ARN of the shown record.
    void storyRequested(const Trailscope::Core::Story::StorySeed& seed);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showContextMenu(const QPoint& position);
    void fillHeader();
    void fillRelated();
    void fillDetections();
    void fillResources();
    void fillJsonText();
    void applyExpansion();
    void copyValue(const QModelIndex& index);

    std::int64_t m_rowId = -1;
    QByteArray m_raw;
    bool m_jsonTextCurrent = false;
    bool m_applyingExpansion = false;
    // Paths the analyst opened or closed by hand, kept from event to event so stepping through events keeps the view.
    QSet<QString> m_expandedByUser;
    QSet<QString> m_collapsedByUser;
    QList<RelatedSearch> m_related;

    JsonTreeModel* m_model;
    JsonHighlighter* m_highlighter = nullptr;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QLabel* m_title;
    QLabel* m_error;
    QLabel* m_note; ///< says where the shown time came from when the record has no eventTime
    QLabel* m_detectionsLine;
    QLabel* m_integrityLine;
    QLabel* m_storyLine;
    QString m_storyText;
    std::shared_ptr<const EventDetections> m_detections;
    QWidget* m_relatedBar;
    QList<QToolButton*> m_relatedButtons;
    QTabWidget* m_tabs;
    QTreeView* m_tree;
    QPlainTextEdit* m_json;
    QCheckBox* m_asStored;
    QTreeWidget* m_resources;
};

} // namespace Trailscope::Ui
