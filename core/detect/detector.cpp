#include "detector.h"

#include "casedb/casewriter.h"
#include "casedb/rawrecordreader.h"
#include "detect/metricfilter.h"
#include "detect/rulefile.h"
#include "detect/shippedrules.h"
#include "query/recordscan.h"
#include "query/searchfunctions.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <simdjson.h>

#include <algorithm>
#include <map>

namespace Trailscope::Core::Detect {

namespace {

QString idInText(const QByteArray& text)
{
    static const QRegularExpression idLine(QStringLiteral("^id:\\s*['\"]?([^'\"\\s]+)"),
                                           QRegularExpression::MultilineOption);
    return idLine.match(QString::fromUtf8(text)).captured(1);
}

void loadFile(const QString& path, RuleSet& into)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        into.unsupported.push_back({path, {}, {RuleProblem::Kind::Unreadable, file.errorString()}});
        return;
    }
    const QByteArray text = file.readAll();
    auto rule = parseRuleText(text, path);
    if (!rule)
        into.unsupported.push_back({path, idInText(text), rule.error()});
    else if (auto* metric = std::get_if<MetricFilterRule>(&*rule))
        into.metricFilters.push_back(std::move(*metric));
    else
        into.sigma.push_back(std::get<SigmaRule>(std::move(*rule)));
}

struct Candidate
{
    std::int64_t row = 0;
    std::optional<std::int64_t> time;
    QString eventId;
    std::int64_t fileId = 0, offset = 0, length = 0;
};

constexpr const char* CandidateColumns =
    "SELECT e.id, e.time, e.event_id, typeof(e.event_id) = 'blob', e.file_id, e.offset, e.length FROM events e ";

Candidate candidateAt(const Sql::Statement& statement)
{
    Candidate c;
    c.row = statement.columnInt(0);
    if (!statement.columnIsNull(1))
        c.time = statement.columnInt(1);
    c.eventId = QString::fromStdString(decodeStoredId(statement.columnBlob(2), statement.columnInt(3) != 0));
    c.fileId = statement.columnInt(4);
    c.offset = statement.columnInt(5);
    c.length = statement.columnInt(6);
    return c;
}

// Evaluates Sigma rules on the records of candidate events, adding the matches to each rule's list.
class SigmaEvaluator
{
public:
    explicit SigmaEvaluator(Sql::Database& db) : m_reader(db) {}

    Result<void> evaluate(const std::vector<Candidate>& candidates, const std::vector<const SigmaRule*>& rules,
                          std::map<const SigmaRule*, std::vector<MatchedEvent>>& matches)
    {
        for (const Candidate& candidate : candidates) {
            auto record =
                m_reader.recordView(candidate.fileId, std::uint64_t(candidate.offset), std::uint64_t(candidate.length));
            if (!record)
                return std::unexpected(record.error());
            simdjson::dom::element root;
            if (m_parser.parse(record->data(), record->size()).get(root) != simdjson::SUCCESS)
                continue; // the importer stored only records that parsed; a record it kept as text matches nothing
            for (const SigmaRule* rule : rules) {
                if (matchesSigma(*rule, root, *record))
                    matches[rule].push_back({candidate.row, candidate.time, candidate.eventId});
            }
        }
        return {};
    }

private:
    RawRecordReader m_reader;
    simdjson::dom::parser m_parser;
};

// A small table of the case holding, per row, the exact strings of a few record fields, and the events column that
// points at its rows: a Sigma rule whose tests on those fields decide it reads only the events of the rows it may
// match. One table, read by every rule; the order is the order of preference.
struct Dimension
{
    const char* rowsSql; // the row id, then one string per field (NULL: absent)
    const char* eventColumn;
    std::vector<std::string> fields;
};

const std::vector<Dimension>& dimensions()
{
    static const std::vector<Dimension> table{
        {"SELECT a.name, s.value, n.value FROM event_names a LEFT JOIN strings s ON s.id = a.source "
         "LEFT JOIN strings n ON n.id = a.name",
         "e.name_key", // events_name_time
         {"eventSource", "eventName"}},
        {"SELECT i.id, t.value, a.value, it.value FROM identities i LEFT JOIN strings t ON t.id = i.type "
         "LEFT JOIN strings a ON a.id = i.arn LEFT JOIN strings it ON it.id = i.issuer_type",
         "e.identity", // events_identity_time
         {"userIdentity.type", "userIdentity.arn", "userIdentity.sessionContext.sessionIssuer.type"}},
        {"SELECT c.id, s.value FROM event_contexts c LEFT JOIN strings s ON s.id = c.agent",
         "e.context",
         {"userAgent"}},
    };
    return table;
}

struct DimensionRow
{
    std::int64_t id = 0;
    std::vector<std::optional<std::string>> values;
};

Result<std::vector<DimensionRow>> dimensionRows(Sql::Database& db, const Dimension& dimension)
{
    auto statement = db.prepare(dimension.rowsSql);
    if (!statement.isValid())
        return fail(ErrorCode::Sqlite, statement.prepareError());
    std::vector<DimensionRow> rows;
    while (statement.step() == SQLITE_ROW) {
        DimensionRow row{statement.columnInt(0), {}};
        for (std::size_t i = 0; i < dimension.fields.size(); ++i) {
            const int column = int(i) + 1;
            row.values.push_back(statement.columnIsNull(column)
                                     ? std::nullopt
                                     : std::optional<std::string>(std::string(statement.columnText(column))));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<Candidate>> candidatesOf(Sql::Database& db, const Dimension& dimension,
                                            const std::vector<std::int64_t>& nameIds)
{
    std::vector<Candidate> candidates;
    if (nameIds.empty())
        return candidates;
    QByteArray ids = "[";
    for (std::size_t i = 0; i < nameIds.size(); ++i)
        ids += (i ? "," : "") + QByteArray::number(nameIds[i]);
    ids += ']';
    auto statement = db.prepare(std::string(CandidateColumns) + "WHERE " + dimension.eventColumn +
                                " IN (SELECT value FROM json_each(?1)) ORDER BY e.file_id, e.offset");
    if (!statement.isValid())
        return fail(ErrorCode::Sqlite, statement.prepareError());
    statement.bindText(1, std::string_view(ids.constData(), std::size_t(ids.size())));
    while (statement.step() == SQLITE_ROW)
        candidates.push_back(candidateAt(statement));
    return candidates;
}

// The rules no eventSource/eventName narrows: one scan of every record, then their matches read again by id.
Result<std::vector<Candidate>> scannedCandidates(const QString& casePath, Sql::Database& db,
                                                 const std::vector<const SigmaRule*>& rules)
{
    std::vector<Candidate> candidates;
    if (rules.empty())
        return candidates;
    const auto test = [&rules](std::string_view record) {
        thread_local simdjson::dom::parser parser;
        simdjson::dom::element root;
        if (parser.parse(record.data(), record.size()).get(root) != simdjson::SUCCESS)
            return false;
        return std::any_of(rules.begin(), rules.end(),
                           [&](const SigmaRule* rule) { return matchesSigma(*rule, root, record); });
    };
    auto found = Query::RecordScan::run(casePath, test);
    if (!found)
        return std::unexpected(found.error());
    auto statement = db.prepare(std::string(CandidateColumns) + "WHERE e.id = ?1");
    if (!statement.isValid())
        return fail(ErrorCode::Sqlite, statement.prepareError());
    for (std::int64_t id = 1; id <= (*found)->through(); ++id) {
        if (!(*found)->contains(id))
            continue;
        statement.bind(1, id);
        if (statement.step() == SQLITE_ROW)
            candidates.push_back(candidateAt(statement));
        statement.reset();
    }
    return candidates;
}

Finding sigmaFinding(const SigmaRule& rule, std::vector<MatchedEvent> events)
{
    std::sort(events.begin(), events.end(), [](const MatchedEvent& a, const MatchedEvent& b) {
        if (a.time.has_value() != b.time.has_value())
            return a.time.has_value();
        return a.time != b.time ? *a.time < *b.time : a.row < b.row;
    });
    Finding finding;
    finding.rule = rule.info;
    finding.count = std::int64_t(events.size());
    for (const MatchedEvent& event : events) {
        if (event.time) {
            finding.first = finding.first ? std::min(finding.first, *event.time) : *event.time;
            finding.last = std::max(finding.last, *event.time);
        }
        finding.eventIds.append(event.eventId);
        finding.eventRows.push_back(event.row);
    }
    return finding;
}

} // namespace

RuleSet shippedRuleSet()
{
    RuleSet set;
    set.metricFilters = shippedRules();
    return set;
}

void loadRuleFiles(const QStringList& paths, RuleSet& into)
{
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            loadFile(path, into);
            continue;
        }
        QStringList files;
        QDirIterator it(path, {QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString& file : files)
            loadFile(file, into);
    }
}

Result<std::vector<Finding>> runDetections(const QString& casePath, Sql::Database& db, const RuleSet& rules)
{
    if (auto registered = Query::registerSearchFunctions(db); !registered)
        return std::unexpected(registered.error());
    std::vector<Finding> findings;
    for (const MetricFilterRule& rule : rules.metricFilters) {
        auto finding = evaluateMetricFilter(db, rule);
        if (!finding)
            return std::unexpected(finding.error());
        if (*finding)
            findings.push_back(std::move(**finding));
    }
    if (rules.sigma.empty())
        return findings;

    std::map<const Dimension*, std::vector<DimensionRow>> rowsOf; // read when a rule first needs them
    std::map<const SigmaRule*, std::vector<MatchedEvent>> matches;
    SigmaEvaluator evaluator(db);
    std::vector<const SigmaRule*> unnarrowed;
    for (const SigmaRule& rule : rules.sigma) {
        const auto narrowing = std::find_if(dimensions().begin(), dimensions().end(), [&](const Dimension& dimension) {
            return constrainsFields(rule, dimension.fields);
        });
        if (narrowing == dimensions().end()) {
            unnarrowed.push_back(&rule);
            continue;
        }
        const Dimension& dimension = *narrowing;
        if (!rowsOf.contains(&dimension)) {
            auto rows = dimensionRows(db, dimension);
            if (!rows)
                return std::unexpected(rows.error());
            rowsOf[&dimension] = std::move(*rows);
        }
        std::vector<std::int64_t> ids;
        for (const DimensionRow& row : rowsOf[&dimension]) {
            if (mayMatchFields(rule, dimension.fields, row.values))
                ids.push_back(row.id);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        auto candidates = candidatesOf(db, dimension, ids);
        if (!candidates)
            return std::unexpected(candidates.error());
        if (auto done = evaluator.evaluate(*candidates, {&rule}, matches); !done)
            return std::unexpected(done.error());
    }
    auto scanned = scannedCandidates(casePath, db, unnarrowed);
    if (!scanned)
        return std::unexpected(scanned.error());
    if (auto done = evaluator.evaluate(*scanned, unnarrowed, matches); !done)
        return std::unexpected(done.error());
    for (const SigmaRule& rule : rules.sigma) {
        if (auto found = matches.find(&rule); found != matches.end() && !found->second.empty())
            findings.push_back(sigmaFinding(rule, std::move(found->second)));
    }
    return findings;
}

} // namespace Trailscope::Core::Detect
