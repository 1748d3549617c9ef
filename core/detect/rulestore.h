#pragma once

#include "casedb/sqlite.h"
#include "detect/detector.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Detect {

/// A rule the analyst added to the case, as its file text (detect/rulefile.h).
struct StoredRule
{
    QString ruleId;
    QByteArray text;
    std::int64_t updated = 0; ///< UTC epoch ms
};

/// The case's own rules and which rules (shipped or own) the analyst switched off.
struct CaseRules
{
    std::vector<StoredRule> rules; ///< by id
    QSet<QString> disabled;

    bool isEnabled(const QString& ruleId) const { return !disabled.contains(ruleId); }
};

/// Reads the case's rules over any connection, read-only ones too; a case without the tables has none.
Result<CaseRules> readCaseRules(Sql::Database& db);

/// The rules a detection run over the case applies: the enabled shipped rules, then the case's enabled own rules.
/// A stored rule that no longer loads (a newer Trailscope wrote it) is listed in `unsupported` as `case:<id>`.
Result<RuleSet> caseRuleSet(Sql::Database& db);

/// The analyst tables that hold them (`analyst_rules`, `analyst_rule_states`): kept apart from the imported content,
/// created on first write. Opens its own read-write connection; writes are short.
class RuleStore
{
public:
    static Result<RuleStore> open(const QString& casePath);

    Result<CaseRules> read() { return readCaseRules(m_db); }
    /// Parses `text` (a rule file) and stores it under its id; `replacing` names the row an edit started from, so a
    /// changed id moves the rule rather than copying it. Refuses text that does not load and ids of shipped rules.
    Result<QString> save(const QByteArray& text, const QString& replacing = {});
    Result<void> remove(const QString& ruleId);
    Result<void> setEnabled(const QString& ruleId, bool enabled);

private:
    explicit RuleStore(Sql::Database db) : m_db(std::move(db)) {}

    Sql::Database m_db;
};

/// What a folder import took and what it left with the reason.
struct RuleFolderImport
{
    QStringList imported; ///< rule ids
    std::vector<UnsupportedRule> unsupported;
};

/// Writes each of the case's own rules as `<id>.yml` into `folder` (created when missing) and the switched-off rule
/// ids, one a line, into `disabled.txt`: a folder importRuleFolder() and `detect --rules` read back. The files written.
Result<int> exportRuleFolder(const CaseRules& rules, const QString& folder);

/// Stores every rule file of `folder` (searched as loadRuleFiles() does) that loads, and applies its `disabled.txt`.
Result<RuleFolderImport> importRuleFolder(RuleStore& store, const QString& folder);

} // namespace Trailscope::Core::Detect
