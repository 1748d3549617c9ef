#include "rulestore.h"

#include "casedb/caseschema.h"
#include "detect/rulefile.h"
#include "detect/shippedrules.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace Trailscope::Core::Detect {

namespace {

constexpr const char* SchemaSql =
    "CREATE TABLE IF NOT EXISTS analyst_rules(rule_id TEXT PRIMARY KEY, text BLOB NOT NULL, updated INT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS analyst_rule_states(rule_id TEXT PRIMARY KEY, enabled INT NOT NULL);";

constexpr const char* DisabledFile = "disabled.txt";

bool hasTable(Sql::Database& db, const char* name)
{
    Sql::Statement statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    statement.bindStatic(1, name);
    return statement.step() == SQLITE_ROW;
}

bool isShippedId(const QString& ruleId)
{
    const auto& shipped = shippedRules();
    return std::any_of(shipped.begin(), shipped.end(),
                       [&](const MetricFilterRule& rule) { return rule.info.id == ruleId; });
}

// A rule id as a file name: ids are UUIDs or dotted names; anything else a file system may refuse becomes `_`.
QString fileNameFor(const QString& ruleId)
{
    QString name;
    for (const QChar c : ruleId)
        name += c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' ? c : u'_';
    if (name.startsWith(u'.'))
        name.prepend(u'_');
    return name + QStringLiteral(".yml");
}

Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(Error(ErrorCode::Io, file.errorString(), path));
    return {};
}

} // namespace

Result<CaseRules> readCaseRules(Sql::Database& db)
{
    CaseRules rules;
    if (hasTable(db, "analyst_rules")) {
        Sql::Statement statement = db.prepare("SELECT rule_id, text, updated FROM analyst_rules ORDER BY rule_id");
        int status;
        while ((status = statement.step()) == SQLITE_ROW) {
            const std::string_view text = statement.columnBlob(1);
            rules.rules.push_back(
                {statement.columnQString(0), QByteArray(text.data(), qsizetype(text.size())), statement.columnInt(2)});
        }
        if (status != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("reading the case's rules")));
    }
    if (hasTable(db, "analyst_rule_states")) {
        Sql::Statement statement = db.prepare("SELECT rule_id FROM analyst_rule_states WHERE enabled = 0");
        int status;
        while ((status = statement.step()) == SQLITE_ROW)
            rules.disabled.insert(statement.columnQString(0));
        if (status != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("reading which rules are off")));
    }
    return rules;
}

Result<RuleSet> caseRuleSet(Sql::Database& db)
{
    auto stored = readCaseRules(db);
    if (!stored)
        return std::unexpected(stored.error());
    RuleSet set;
    for (const MetricFilterRule& rule : shippedRules()) {
        if (stored->isEnabled(rule.info.id))
            set.metricFilters.push_back(rule);
    }
    for (const StoredRule& rule : stored->rules) {
        if (!stored->isEnabled(rule.ruleId))
            continue;
        const QString where = QStringLiteral("case:") + rule.ruleId;
        auto parsed = parseRuleText(rule.text, where);
        if (!parsed)
            set.unsupported.push_back({where, rule.ruleId, parsed.error()});
        else if (auto* metric = std::get_if<MetricFilterRule>(&*parsed))
            set.metricFilters.push_back(std::move(*metric));
        else
            set.sigma.push_back(std::get<SigmaRule>(std::move(*parsed)));
    }
    return set;
}

Result<RuleStore> RuleStore::open(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
    if (!db)
        return std::unexpected(db.error());
    if (auto created = db->exec(SchemaSql); !created)
        return std::unexpected(created.error());
    return RuleStore(std::move(*db));
}

Result<QString> RuleStore::save(const QByteArray& text, const QString& replacing)
{
    auto parsed = parseRuleText(text);
    if (!parsed)
        return fail(ErrorCode::QueryRefused, describeProblem(parsed.error()));
    const QString ruleId = ruleInfoOf(*parsed).id;
    if (ruleId.isEmpty())
        return fail(ErrorCode::QueryRefused, QStringLiteral("the rule has no id"));
    if (isShippedId(ruleId))
        return fail(ErrorCode::QueryRefused, QStringLiteral("%1 is a shipped rule's id").arg(ruleId));
    Sql::Transaction transaction(m_db);
    if (!replacing.isEmpty() && replacing != ruleId) {
        if (auto removed = remove(replacing); !removed)
            return std::unexpected(removed.error());
    }
    Sql::Statement statement =
        m_db.prepare("INSERT INTO analyst_rules(rule_id, text, updated) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT(rule_id) DO UPDATE SET text = excluded.text, updated = excluded.updated");
    const QByteArray id = ruleId.toUtf8();
    statement.bindText(1, id.toStdString()).bindBlob(2, text.constData(), std::size_t(text.size()));
    statement.bind(3, std::int64_t(QDateTime::currentMSecsSinceEpoch()));
    if (statement.exec() != SQLITE_DONE)
        return std::unexpected(m_db.error(QStringLiteral("saving rule %1").arg(ruleId)));
    if (auto committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return ruleId;
}

Result<void> RuleStore::remove(const QString& ruleId)
{
    const std::string id = ruleId.toStdString();
    for (const char* sql :
         {"DELETE FROM analyst_rules WHERE rule_id = ?1", "DELETE FROM analyst_rule_states WHERE rule_id = ?1"}) {
        Sql::Statement statement = m_db.prepare(sql);
        statement.bindText(1, id);
        if (statement.exec() != SQLITE_DONE)
            return std::unexpected(m_db.error(QStringLiteral("removing rule %1").arg(ruleId)));
    }
    return {};
}

Result<void> RuleStore::setEnabled(const QString& ruleId, bool enabled)
{
    // A rule is on unless a row says otherwise, so only switched-off rules keep a row.
    Sql::Statement statement =
        m_db.prepare(enabled ? "DELETE FROM analyst_rule_states WHERE rule_id = ?1"
                             : "INSERT INTO analyst_rule_states(rule_id, enabled) VALUES (?1, 0) "
                               "ON CONFLICT(rule_id) DO UPDATE SET enabled = 0");
    statement.bindText(1, ruleId.toStdString());
    if (statement.exec() != SQLITE_DONE)
        return std::unexpected(m_db.error(QStringLiteral("switching rule %1").arg(ruleId)));
    return {};
}

Result<int> exportRuleFolder(const CaseRules& rules, const QString& folder)
{
    if (!QDir().mkpath(folder))
        return std::unexpected(Error(ErrorCode::Io, QStringLiteral("cannot create the folder"), folder));
    const QDir dir(folder);
    int written = 0;
    for (const StoredRule& rule : rules.rules) {
        if (auto done = writeFile(dir.filePath(fileNameFor(rule.ruleId)), rule.text); !done)
            return std::unexpected(done.error());
        ++written;
    }
    QStringList disabled(rules.disabled.begin(), rules.disabled.end());
    disabled.sort();
    if (auto done = writeFile(dir.filePath(QString::fromLatin1(DisabledFile)),
                              disabled.isEmpty() ? QByteArray() : (disabled.join(u'\n') + u'\n').toUtf8());
        !done)
        return std::unexpected(done.error());
    return written + 1;
}

Result<RuleFolderImport> importRuleFolder(RuleStore& store, const QString& folder)
{
    if (!QFileInfo(folder).isDir())
        return std::unexpected(Error(ErrorCode::Io, QStringLiteral("not a folder"), folder));
    RuleSet loaded;
    loadRuleFiles({folder}, loaded);
    RuleFolderImport result;
    result.unsupported = std::move(loaded.unsupported);
    auto keep = [&](const RuleInfo& info) -> Result<void> {
        QFile file(info.path);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(Error(ErrorCode::Io, file.errorString(), info.path));
        auto saved = store.save(file.readAll());
        if (!saved) {
            result.unsupported.push_back({info.path, info.id, {RuleProblem::Kind::BadValue, saved.error().detail}});
            return {};
        }
        result.imported << *saved;
        return {};
    };
    for (const MetricFilterRule& rule : loaded.metricFilters) {
        if (auto done = keep(rule.info); !done)
            return std::unexpected(done.error());
    }
    for (const SigmaRule& rule : loaded.sigma) {
        if (auto done = keep(rule.info); !done)
            return std::unexpected(done.error());
    }
    QFile disabled(QDir(folder).filePath(QString::fromLatin1(DisabledFile)));
    if (disabled.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : disabled.readAll().split('\n')) {
            const QString ruleId = QString::fromUtf8(line).trimmed();
            if (ruleId.isEmpty())
                continue;
            if (auto done = store.setEnabled(ruleId, false); !done)
                return std::unexpected(done.error());
        }
    }
    return result;
}

} // namespace Trailscope::Core::Detect
