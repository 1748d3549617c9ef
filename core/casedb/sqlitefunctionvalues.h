#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <string_view>

namespace Trailscope::Core::Sql {

// Arguments and results of SQL functions of our own, shared by the search and Lake functions.

/// A text argument without copying (empty for NULL).
inline std::string_view textOf(sqlite3_value* value)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value))) : std::string_view();
}

inline QString qtextOf(sqlite3_value* value)
{
    const std::string_view text = textOf(value);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline bool isNull(sqlite3_value* value)
{
    return sqlite3_value_type(value) == SQLITE_NULL;
}

inline void resultText(sqlite3_context* context, std::string_view text)
{
    sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

inline void resultText(sqlite3_context* context, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    resultText(context, std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

/// A constant argument's prepared form (a parsed pattern, a network), made once and kept by SQLite for the
/// statement's lifetime; nullptr when `make` fails.
template <typename T, typename Make>
T* auxiliary(sqlite3_context* context, int argument, Make make)
{
    if (auto* cached = static_cast<T*>(sqlite3_get_auxdata(context, argument)))
        return cached;
    T* created = make();
    if (!created)
        return nullptr;
    sqlite3_set_auxdata(context, argument, created, [](void* p) { delete static_cast<T*>(p); });
    return static_cast<T*>(sqlite3_get_auxdata(context, argument)); // SQLite may have freed it already
}

} // namespace Trailscope::Core::Sql
