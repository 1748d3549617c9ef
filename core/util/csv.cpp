#include "csv.h"

namespace Trailscope::Core {

namespace {

bool startsLikeAFormula(QChar first)
{
    switch (first.unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

bool needsQuotes(const QString& cell)
{
    for (const QChar c : cell) {
        switch (c.unicode()) {
        case u',':
        case u'"':
        case u'\n':
        case u'\r':
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace

void appendCsvLine(QByteArray& out, const QStringList& cells)
{
    bool first = true;
    for (const QString& cell : cells) {
        if (!first)
            out += ',';
        first = false;
        const bool quoted = needsQuotes(cell);
        if (quoted)
            out += '"';
        if (!cell.isEmpty() && startsLikeAFormula(cell.front()))
            out += '\'';
        out += quoted ? QString(cell).replace(u'"', QStringLiteral("\"\"")).toUtf8() : cell.toUtf8();
        if (quoted)
            out += '"';
    }
    out += "\r\n";
}

QString csvLine(const QStringList& cells)
{
    QByteArray line;
    appendCsvLine(line, cells);
    return QString::fromUtf8(line);
}

} // namespace Trailscope::Core
