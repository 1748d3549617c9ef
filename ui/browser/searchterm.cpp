#include "searchterm.h"

#include "query/fieldtable.h"
#include "query/searchparser.h"

#include <QRegularExpression>
#include <QStringBuilder>

namespace Trailscope::Ui {

using Core::Query::FieldDef;

QString quotedSearchValue(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (QChar c : value) {
        if (c == u'"' || c == u'\\' || c == u'*')
            out += u'\\';
        out += c;
    }
    out += u'"';
    return out;
}

const FieldDef* searchFieldForPath(QStringView path)
{
    if (const FieldDef* field = Core::Query::fieldForJsonPath(path))
        return field;
    static const QRegularExpression Resource(QStringLiteral("^resources\\[\\d+\\]\\.(ARN|ARNPrefix|type)$"));
    const auto match = Resource.match(path.toString());
    if (!match.hasMatch())
        return nullptr;
    return Core::Query::findField(match.capturedView(1) == u"type" ? u"resourceType" : u"resource");
}

QString fieldTerm(const FieldDef& field, QStringView value)
{
    return QString::fromLatin1(field.name) % u':' % quotedSearchValue(value);
}

QString filterTermFor(QStringView path, QStringView value, QStringView rawText)
{
    if (const FieldDef* field = searchFieldForPath(path)) {
        // A value the field cannot take (a time written with a space, a version that is not a number) still finds
        // its events as free text.
        QString term = fieldTerm(*field, value);
        if (Core::Query::parseSearch(term))
            return term;
    }
    if (rawText.isEmpty())
        return {};
    return quotedSearchValue(rawText);
}

} // namespace Trailscope::Ui
