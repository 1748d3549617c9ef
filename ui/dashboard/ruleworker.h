#pragma once

#include "detect/rulestore.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <optional>

Q_DECLARE_METATYPE(Trailscope::Core::Detect::CaseRules)

namespace Trailscope::Ui {

/// The rules dialog's writer to the case's rule tables, on a thread of its own (the dialog's), so a write waiting
/// for a running import's transaction never blocks the GUI. Every change is followed by the rules read again.
class RuleWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

public Q_SLOTS:
    void openCase(const QString& path);
    /// `replacing`: the id the edit started from (empty for a new rule).
    void save(const QByteArray& text, const QString& replacing);
    void remove(const QString& ruleId);
    void setEnabled(const QString& ruleId, bool enabled);
    void importFolder(const QString& folder);
    void exportFolder(const QString& folder);

Q_SIGNALS:
    void rulesLoaded(const Trailscope::Core::Detect::CaseRules& rules);
    void saved(const QString& ruleId);
    /// Rule ids stored, and the files left out with the reason.
    void imported(const QStringList& ruleIds, const QStringList& problems);
    void exported(const QString& folder, int rules);
    void failed(const QString& message);

private:
    void publish();

    std::optional<Core::Detect::RuleStore> m_store;
};

} // namespace Trailscope::Ui
