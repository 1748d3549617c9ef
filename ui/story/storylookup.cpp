#include "storylookup.h"

#include "common/errortext.h"

#include "casedb/caseschema.h"

#include <QMetaObject>

namespace Trailscope::Ui {

StoryLookup::StoryLookup(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SharedStories>();
    qRegisterMetaType<Core::Story::StorySeed>();
    // One at a time: a lookup superseded before it starts is skipped, so a burst of selections costs one story.
    m_pool.setMaxThreadCount(1);
}

StoryLookup::~StoryLookup()
{
    m_latest->store(0);
    m_pool.clear();
    m_pool.waitForDone();
}

void StoryLookup::setCase(const QString& casePath)
{
    if (casePath == m_casePath)
        return;
    cancel();
    m_casePath = casePath;
}

quint64 StoryLookup::lookUp(const Core::Story::StorySeed& seed)
{
    const quint64 token = m_latest->fetch_add(1) + 1;
    m_busy = true;
    const QString casePath = m_casePath;
    const auto latest = m_latest;
    m_pool.start([this, token, seed, casePath, latest] {
        if (latest->load() != token)
            return;
        SharedStories stories;
        QString error;
        if (auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly)) {
            if (auto found = Core::Story::stories(*db, seed))
                stories = std::make_shared<const std::vector<Core::Story::CredentialStory>>(std::move(*found));
            else
                error = ErrorText::describe(found.error());
        } else {
            error = ErrorText::describe(db.error());
        }
        // The destructor waits for this task, so `this` is alive while it queues the answer.
        QMetaObject::invokeMethod(
            this, [this, token, seed, stories, error] { deliver(token, seed, stories, error); }, Qt::QueuedConnection);
    });
    return token;
}

void StoryLookup::cancel()
{
    m_latest->fetch_add(1);
    m_busy = false;
}

void StoryLookup::deliver(quint64 token, const Core::Story::StorySeed& seed, SharedStories stories,
                          const QString& error)
{
    if (token != m_latest->load())
        return;
    m_busy = false;
    if (stories)
        Q_EMIT found(token, seed, std::move(stories));
    else
        Q_EMIT failed(token, seed, error);
}

} // namespace Trailscope::Ui
