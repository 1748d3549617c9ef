#include "ruleworker.h"

#include "common/errortext.h"

namespace Trailscope::Ui {

void RuleWorker::openCase(const QString& path)
{
    auto store = Core::Detect::RuleStore::open(path);
    if (!store) {
        Q_EMIT failed(ErrorText::describe(store.error()));
        return;
    }
    m_store.emplace(std::move(*store));
    publish();
}

void RuleWorker::publish()
{
    if (!m_store)
        return;
    auto rules = m_store->read();
    if (!rules) {
        Q_EMIT failed(ErrorText::describe(rules.error()));
        return;
    }
    Q_EMIT rulesLoaded(*rules);
}

void RuleWorker::save(const QByteArray& text, const QString& replacing)
{
    if (!m_store)
        return;
    auto stored = m_store->save(text, replacing);
    if (!stored) {
        Q_EMIT failed(stored.error().detail);
        return;
    }
    publish();
    Q_EMIT saved(*stored);
}

void RuleWorker::remove(const QString& ruleId)
{
    if (!m_store)
        return;
    if (auto done = m_store->remove(ruleId); !done)
        Q_EMIT failed(ErrorText::describe(done.error()));
    publish();
}

void RuleWorker::setEnabled(const QString& ruleId, bool enabled)
{
    if (!m_store)
        return;
    if (auto done = m_store->setEnabled(ruleId, enabled); !done)
        Q_EMIT failed(ErrorText::describe(done.error()));
    publish();
}

void RuleWorker::importFolder(const QString& folder)
{
    if (!m_store)
        return;
    auto result = Core::Detect::importRuleFolder(*m_store, folder);
    if (!result) {
        Q_EMIT failed(ErrorText::describe(result.error()));
        return;
    }
    QStringList problems;
    for (const Core::Detect::UnsupportedRule& rule : result->unsupported)
        problems << QStringLiteral("%1: %2").arg(rule.path, Core::Detect::describeProblem(rule.problem));
    publish();
    Q_EMIT imported(result->imported, problems);
}

void RuleWorker::exportFolder(const QString& folder)
{
    if (!m_store)
        return;
    auto rules = m_store->read();
    if (!rules) {
        Q_EMIT failed(ErrorText::describe(rules.error()));
        return;
    }
    auto written = Core::Detect::exportRuleFolder(*rules, folder);
    if (!written) {
        Q_EMIT failed(ErrorText::describe(written.error()));
        return;
    }
    Q_EMIT exported(folder, static_cast<int>(rules->rules.size()));
}

} // namespace Trailscope::Ui
