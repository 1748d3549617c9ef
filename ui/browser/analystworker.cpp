#include "analystworker.h"

#include "common/errortext.h"

namespace Trailscope::Ui {

namespace {
const QString SearchKind = QStringLiteral("search");
}

AnalystWorker::AnalystWorker(QObject* parent) : QObject(parent) {}

AnalystWorker::~AnalystWorker() = default;

void AnalystWorker::openCase(const QString& path)
{
    m_store.reset();
    auto store = Core::AnalystStore::open(path);
    if (!store) {
        // A case on read-only media still browses; only marking needs the write.
        Q_EMIT failed(
            tr("Stars, notes and saved searches are unavailable: %1").arg(ErrorText::describe(store.error())));
        Q_EMIT starredLoaded({});
        return;
    }
    m_store.emplace(std::move(*store));
    QSet<std::int64_t> starred;
    if (auto marks = m_store->marks())
        for (const Core::AnalystMark& mark : *marks)
            if (mark.starred)
                starred.insert(mark.eventRowId);
    Q_EMIT starredLoaded(starred);
    publishSavedSearches();
}

void AnalystWorker::setStarred(std::int64_t eventRowId, bool starred)
{
    if (!m_store)
        return;
    if (auto done = m_store->setStarred(eventRowId, starred); !done) {
        Q_EMIT failed(ErrorText::describe(done.error()));
        return;
    }
    readMark(eventRowId);
}

void AnalystWorker::starEvents(const QList<std::int64_t>& eventRowIds)
{
    if (!m_store)
        return;
    if (auto done = m_store->starEvents(std::vector<std::int64_t>(eventRowIds.begin(), eventRowIds.end())); !done) {
        Q_EMIT failed(ErrorText::describe(done.error()));
        return;
    }
    QSet<std::int64_t> starred;
    if (auto marks = m_store->marks())
        for (const Core::AnalystMark& mark : *marks)
            if (mark.starred)
                starred.insert(mark.eventRowId);
    Q_EMIT starredLoaded(starred);
}

void AnalystWorker::setNote(std::int64_t eventRowId, const QString& note)
{
    if (!m_store)
        return;
    if (auto done = m_store->setNote(eventRowId, note); !done) {
        Q_EMIT failed(ErrorText::describe(done.error()));
        return;
    }
    readMark(eventRowId);
}

void AnalystWorker::readMark(std::int64_t eventRowId)
{
    if (!m_store)
        return;
    auto mark = m_store->mark(eventRowId);
    if (!mark) {
        Q_EMIT failed(ErrorText::describe(mark.error()));
        return;
    }
    Q_EMIT markChanged(eventRowId, *mark && (*mark)->starred, *mark ? (*mark)->note : QString());
}

void AnalystWorker::saveSearch(const QString& name, const QString& text)
{
    if (!m_store)
        return;
    if (auto saved = m_store->saveItem(SearchKind, name, text); !saved)
        Q_EMIT failed(ErrorText::describe(saved.error()));
    publishSavedSearches();
}

void AnalystWorker::removeSavedSearch(std::int64_t id)
{
    if (!m_store)
        return;
    if (auto removed = m_store->removeItem(id); !removed)
        Q_EMIT failed(ErrorText::describe(removed.error()));
    publishSavedSearches();
}

void AnalystWorker::publishSavedSearches()
{
    auto items = m_store->savedItems(SearchKind);
    if (!items) {
        Q_EMIT failed(ErrorText::describe(items.error()));
        return;
    }
    Q_EMIT savedSearchesChanged(QList<Core::SavedItem>(items->begin(), items->end()));
}

} // namespace Trailscope::Ui
