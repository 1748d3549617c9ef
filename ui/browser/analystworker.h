#pragma once

#include "casedb/analyststore.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace Trailscope::Ui {

/// The window's only writer to a case: stars, notes and saved searches, through the case's analyst tables, on a
/// thread of its own so a write waiting for a running import's transaction never blocks the GUI.
class AnalystWorker : public QObject
{
    Q_OBJECT

public:
    explicit AnalystWorker(QObject* parent = nullptr);
    ~AnalystWorker() override;

public Q_SLOTS:
    void openCase(const QString& path);
    void setStarred(std::int64_t eventRowId, bool starred);
    /// Stars them all in one transaction, then publishes the case's starred set again.
    void starEvents(const QList<std::int64_t>& eventRowIds);
    void setNote(std::int64_t eventRowId, const QString& note);
    void readMark(std::int64_t eventRowId);
    void saveSearch(const QString& name, const QString& text);
    void removeSavedSearch(std::int64_t id);

Q_SIGNALS:
    /// Every starred event of the case, after opening it.
    void starredLoaded(const QSet<std::int64_t>& eventRowIds);
    void markChanged(std::int64_t eventRowId, bool starred, const QString& note);
    void savedSearchesChanged(const QList<Trailscope::Core::SavedItem>& items);
    void failed(const QString& message);

private:
    void publishSavedSearches();

    std::optional<Core::AnalystStore> m_store;
};

} // namespace Trailscope::Ui
