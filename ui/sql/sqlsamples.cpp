#include "sqlsamples.h"

#include <QDir>
#include <QFile>

namespace Trailscope::Ui {

QList<SqlSample> sqlSamples()
{
    QList<SqlSample> samples;
    const QDir dir(QStringLiteral(":/queries"));
    for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        SqlSample sample;
        sample.id = name.chopped(4);
        sample.text = QString::fromUtf8(file.readAll());
        QStringList description;
        for (const QString& line : sample.text.split(u'\n')) {
            if (!line.startsWith(QLatin1String("--")))
                break;
            const QString comment = line.mid(2).trimmed();
            if (sample.title.isEmpty())
                sample.title = comment;
            else
                description << comment;
        }
        sample.description = description.join(u' ');
        if (sample.title.isEmpty())
            sample.title = sample.id;
        samples << sample;
    }
    return samples;
}

} // namespace Trailscope::Ui
