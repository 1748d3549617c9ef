#pragma once

#include <QString>

namespace Trailscope::Core::Query {
struct FieldDef;
}

namespace Trailscope::Ui {

/// `value` as a quoted search-bar value: `"a \"b\" \\ \*"`, so every character, `*` included, matches literally.
QString quotedSearchValue(QStringView value);

/// The search field a record path stands for: the field table's record key paths, and `resources[N].ARN`,
/// `resources[N].ARNPrefix` → resource, `resources[N].type` → resourceType; nullptr when none.
const Core::Query::FieldDef* searchFieldForPath(QStringView path);

/// The search-bar term that matches events whose `path` holds `value`: `field:"value"` when the path is a search
/// field and the term parses, else the quoted free-text phrase `rawText` (the value as written in the record, which
/// is what free text matches). Empty when there is nothing sensible to search for (an empty free-text phrase).
QString filterTermFor(QStringView path, QStringView value, QStringView rawText);

/// `fieldName:"value"` with the field's canonical name.
QString fieldTerm(const Core::Query::FieldDef& field, QStringView value);

} // namespace Trailscope::Ui
