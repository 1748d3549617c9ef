#pragma once

#include <QByteArray>
#include <QString>

#include <expected>
#include <memory>
#include <vector>

namespace Trailscope::Ui {

// A JSON value with its members in record order (QJsonObject sorts keys, which an analyst reading a record would not
// expect). Strings keep their raw text as written in the record too: free-text search matches the raw record.
struct JsonNode
{
    enum class Kind { Object, Array, String, Number, Boolean, Null };

    Kind kind = Kind::Null;
    QString key;     ///< member name inside an object; empty for array elements and the root
    int index = -1;  ///< position inside an array; -1 otherwise
    QString value;   ///< strings decoded, numbers as written, `true`/`false`/`null`; empty for containers
    QString rawText; ///< scalars exactly as in the record (strings without their quotes, escapes kept)
    JsonNode* parent = nullptr;
    int row = 0; ///< position among the parent's children
    std::vector<std::unique_ptr<JsonNode>> children;

    bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    /// `userIdentity.sessionContext.sessionIssuer.arn`, `resources[0].ARN`; keys that would not read back as one step
    /// (a dot, a bracket, empty) are written `['key']` as in filter patterns. Empty for the root.
    QString path() const;
};

struct JsonParseError
{
    qsizetype offset = 0; ///< byte offset into the record
    QString message;      ///< untranslated, for logs and tooltips
};

/// Parses one JSON text, keeping member order. Nesting deeper than 512 levels is refused.
std::expected<std::unique_ptr<JsonNode>, JsonParseError> parseJson(const QByteArray& text);

/// The node as indented JSON (four spaces), members in record order, numbers as written.
QString toPrettyJson(const JsonNode& node);

/// A leaf of the flattened record: scalars, and empty objects or arrays (shown as `{}` / `[]`).
struct JsonLeaf
{
    QString path;
    JsonNode::Kind kind;
    QString value;
};

/// Every leaf below `node` in record order, paths as JsonNode::path().
std::vector<JsonLeaf> flattenJson(const JsonNode& node);

/// The JSON string literal for `text`, quotes included.
QString jsonQuoted(QStringView text);

} // namespace Trailscope::Ui
