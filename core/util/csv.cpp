#include "csv.h"

namespace Trailscope::Core {

QString csvLine(const QStringList& cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (QString cell : cells) {
        if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
            cell.prepend(u'\'');
        if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r'))
            cell = u'"' + QString(cell).replace(u'"', QStringLiteral("\"\"")) + u'"';
        out << cell;
    }
    return out.join(u',') + QStringLiteral("\r\n");
}

} // namespace Trailscope::Core
