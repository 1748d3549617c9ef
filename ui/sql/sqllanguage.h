#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace Trailscope::Ui::SqlLanguage {

/// The words of the Lake dialect the editor knows: keywords (upper case), functions (lower case) and the fields of
/// the Lake events view with their nested paths in CloudTrail's spelling
/// (`userIdentity.sessionContext.sessionIssuer.arn`).
const QStringList& keywords();
const QStringList& functions();
const QStringList& fields();
/// A Lake function's example call and what it returns (`stddev_pop(length(eventName)) — population standard
/// deviation`), or an empty string when `name` is not a Lake function.
QString functionHelp(const QString& name);
/// The case's tables and views for plain SQLite SQL.
const QStringList& tables();

/// Lower-case sets for the highlighter (names compare ignoring case in the dialect).
const QSet<QString>& keywordSet();
const QSet<QString>& functionSet();
/// Lower-case top-level columns of the events view: a dotted name starting with one of these is a field.
const QSet<QString>& topLevelFieldSet();

/// A key path as the importer records it (`a.items[*].b`) written as Lake SQL reads it (`a.items[1].b`).
QString keyPathAsSql(const QString& keyPath);

} // namespace Trailscope::Ui::SqlLanguage
