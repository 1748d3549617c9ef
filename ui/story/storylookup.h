#pragma once

#include "story/credentialstory.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace Trailscope::Ui {

using SharedStories = std::shared_ptr<const std::vector<Core::Story::CredentialStory>>;

/// Finds credential stories of the open case off the GUI thread, one lookup at a time: a new lookUp() supersedes
/// the one before, whose answer is dropped (the analyst stepping through events wants the shown one's story only).
/// Each lookup opens its own read-only connection, so an import writing to the case never blocks it.
class StoryLookup : public QObject
{
    Q_OBJECT

public:
    explicit StoryLookup(QObject* parent = nullptr);
    ~StoryLookup() override;

    void setCase(const QString& casePath);
    const QString& casePath() const { return m_casePath; }
    /// Starts a lookup of `seed`'s stories; found() or failed() answer with the token returned, unless superseded.
    quint64 lookUp(const Core::Story::StorySeed& seed);
    /// Drops the running lookup's answer.
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void found(quint64 token, const Trailscope::Core::Story::StorySeed& seed, Trailscope::Ui::SharedStories stories);
    void failed(quint64 token, const Trailscope::Core::Story::StorySeed& seed, const QString& message);

private:
    void deliver(quint64 token, const Core::Story::StorySeed& seed, SharedStories stories, const QString& error);

    QString m_casePath;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    bool m_busy = false;
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::SharedStories)
