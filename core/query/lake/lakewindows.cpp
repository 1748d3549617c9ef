// Windows in translated Lake SQL: OVER clauses, frames and WINDOW clauses as SQLite 3.40 writes them. Trino and
// SQLite share the grammar and the default frame (RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW); times are
// epoch milliseconds here, so a RANGE offset given as an interval becomes milliseconds.
#include "translator.h"

#include <QHash>

namespace Trailscope::Core::Query::Lake {

namespace {

bool isTime(ValueType type)
{
    return type == ValueType::Timestamp || type == ValueType::Date;
}

// Interval units of a fixed length, in milliseconds; months and years vary and are 0.
std::int64_t unitMilliseconds(const QString& unit)
{
    static const QHash<QString, std::int64_t> Units{
        {QStringLiteral("millisecond"), 1},  {QStringLiteral("second"), 1000},    {QStringLiteral("minute"), 60'000},
        {QStringLiteral("hour"), 3'600'000}, {QStringLiteral("day"), 86'400'000}, {QStringLiteral("week"), 604'800'000},
    };
    return Units.value(unit, 0);
}

bool sameName(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

std::string Translator::window(const Expr& e, const Scope& scope)
{
    m_window = true;
    std::string sql = " OVER ";
    sql.append(windowSpec(*e.over, scope, true));
    return sql;
}

const NamedWindow* Translator::namedWindow(const NamePart& name)
{
    if (m_windows)
        for (const NamedWindow& window : *m_windows)
            if (sameName(window.name.text, name.text))
                return &window;
    fail(name.pos, QStringLiteral("no window named '%1' in the WINDOW clause of this SELECT").arg(name.text));
    return nullptr;
}

std::string Translator::windowSpec(const WindowSpec& w, const Scope& scope, bool nameAlone)
{
    const NamedWindow* base = w.base ? namedWindow(*w.base) : nullptr;
    const bool refines = !w.partitionBy.empty() || !w.orderBy.empty() || w.frame;
    if (base && nameAlone && !refines)
        return quoteIdentifier(base->name.text);
    // A window may add an ORDER BY and a frame to a named one, no more (Trino's rules and SQLite's).
    if (base && !w.partitionBy.empty())
        fail(w.partitionBy.front().pos,
             QStringLiteral("a window based on '%1' takes its PARTITION BY from it").arg(base->name.text));
    else if (base && !w.orderBy.empty() && !base->spec.orderBy.empty())
        fail(w.orderBy.front().expr.pos, QStringLiteral("window '%1' is ordered already").arg(base->name.text));
    else if (base && base->spec.frame && refines)
        fail(w.base->pos,
             QStringLiteral("window '%1' has a frame: only a window without one can be refined").arg(base->name.text));

    // Appended piece by piece: `const char* + std::string` trips GCC 12's -Wrestrict false positive at -O3.
    std::string sql = "(";
    const auto add = [&sql](const std::string& part) {
        if (sql.size() > 1)
            sql += ' ';
        sql.append(part);
    };
    if (base)
        add(quoteIdentifier(base->name.text));
    std::string partition;
    for (const Expr& p : w.partitionBy) {
        partition.append(partition.empty() ? "PARTITION BY " : ", ");
        partition.append(expr(p, scope).sql);
    }
    if (!partition.empty())
        add(partition);
    if (!w.orderBy.empty())
        add(orderBy(w.orderBy, scope, {}).substr(1));
    if (w.frame)
        add(frame(*w.frame, w.orderBy.empty() && base ? base->spec.orderBy : w.orderBy, scope));
    sql += ')';
    return sql;
}

std::string Translator::windowClause(const std::vector<NamedWindow>& windows, const Scope& scope)
{
    std::string sql;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const NamedWindow& window = windows[i];
        for (std::size_t j = 0; j < i; ++j)
            if (sameName(windows[j].name.text, window.name.text))
                fail(window.name.pos, QStringLiteral("window '%1' is defined twice").arg(window.name.text));
        sql.append(sql.empty() ? " WINDOW " : ", ");
        sql.append(quoteIdentifier(window.name.text));
        sql.append(" AS ");
        sql.append(windowSpec(window.spec, scope, false));
    }
    return sql;
}

std::string Translator::frame(const WindowFrame& f, const std::vector<OrderItem>& order, const Scope& scope)
{
    std::string sql = f.unit.toUpper().toStdString();
    sql.append(" BETWEEN ");
    sql.append(frameBound(f, f.start, order, scope));
    sql.append(" AND ");
    sql.append(frameBound(f, f.end, order, scope));
    return sql;
}

std::string Translator::frameBound(const WindowFrame& f, const FrameBound& b, const std::vector<OrderItem>& order,
                                   const Scope& scope)
{
    using Kind = FrameBound::Kind;
    switch (b.kind) {
    case Kind::UnboundedPreceding:
        return "UNBOUNDED PRECEDING";
    case Kind::CurrentRow:
        return "CURRENT ROW";
    case Kind::UnboundedFollowing:
        return "UNBOUNDED FOLLOWING";
    case Kind::Preceding:
    case Kind::Following:
        break;
    }
    const char* direction = b.kind == Kind::Preceding ? " PRECEDING" : " FOLLOWING";
    const Value offset = expr(*b.offset, scope);
    // RANGE measures the offset on the one ORDER BY key: an interval on a time, a number on a number.
    bool overTime = false;
    if (f.unit == QLatin1String("range")) {
        if (order.size() != 1) {
            fail(b.pos, QStringLiteral("a RANGE frame with an offset needs exactly one ORDER BY key"));
            return std::string("0").append(direction);
        }
        overTime = isTime(expr(order.front().expr, scope).type);
    }
    if (offset.type == ValueType::Interval) {
        const std::int64_t unit = unitMilliseconds(offset.intervalUnit);
        if (!overTime)
            fail(b.pos, QStringLiteral("an INTERVAL offset needs a RANGE frame ordered by a time"));
        else if (unit == 0)
            fail(b.pos, QStringLiteral("%1s have no fixed length: give a RANGE offset in days, hours, minutes or "
                                       "seconds")
                            .arg(offset.intervalUnit));
        return std::to_string(std::stoll(offset.sql) * unit) + direction;
    }
    if (overTime)
        fail(b.pos, QStringLiteral("a RANGE offset over a time is an INTERVAL, e.g. INTERVAL '1' HOUR PRECEDING"));
    else if (!offset.constant)
        fail(b.pos, QStringLiteral("a frame offset must be a constant"));
    return offset.sql + direction;
}

} // namespace Trailscope::Core::Query::Lake
