#pragma once

#include <QList>
#include <QString>

namespace Trailscope::Ui {

/// A query of the sample library (resources/queries/*.sql, compiled in): the file's first comment line is the title,
/// the following comment lines the description, the rest the SQL.
struct SqlSample
{
    QString id; ///< the file name without .sql
    QString title;
    QString description;
    QString text; ///< the whole file, comments included, as it opens in the editor
};

/// The library in file-name order.
QList<SqlSample> sqlSamples();

} // namespace Trailscope::Ui
