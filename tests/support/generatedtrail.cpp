#include "generatedtrail.h"

#include "testsupport.h"

#include <QDateTime>
#include <QHash>

namespace Trailscope::Test {

namespace {

// Builds records from one serialised template, so hundreds of thousands of them take a moment, not a minute.
class RecordFactory
{
public:
    RecordFactory()
    {
        const QByteArray text =
            compact(makeRecord(QStringLiteral("@id@"), QStringLiteral("@time@"), QStringLiteral("DescribeInstances"),
                               {{QStringLiteral("awsRegion"), QStringLiteral("@region@")},
                                {QStringLiteral("recipientAccountId"), QStringLiteral("@account@")},
                                {QStringLiteral("requestID"), QStringLiteral("@request@")}}));
        m_parts = text.split('@'); // literal, name, literal, name, ..., literal
    }

    void append(QByteArray& out, const QHash<QByteArray, QByteArray>& values) const
    {
        for (qsizetype i = 0; i < m_parts.size(); ++i)
            out += i % 2 == 0 ? m_parts[i] : values.value(m_parts[i]);
    }

private:
    QList<QByteArray> m_parts;
};

} // namespace

void writeGeneratedTrail(const QString& root, int fileCount, int recordsPerFile)
{
    const RecordFactory factory;
    const QDateTime start(QDate(2026, 2, 21), QTime(0, 0), Qt::UTC);
    for (int file = 0; file < fileCount; ++file) {
        const QString account = file % 2 == 0 ? QStringLiteral("111122223333") : QStringLiteral("444455556666");
        const QString region = file / 2 % 2 == 0 ? QStringLiteral("us-east-1") : QStringLiteral("eu-west-1");
        const QDateTime delivered = start.addSecs(qint64(file) * 300);
        QHash<QByteArray, QByteArray> values{{"account", account.toLatin1()}, {"region", region.toLatin1()}};
        QByteArray plain = "{\"Records\":[";
        plain.reserve(qsizetype(recordsPerFile) * 1100);
        for (int record = 0; record < recordsPerFile; ++record) {
            const QByteArray serial =
                QByteArray::number(qint64(file) * recordsPerFile + record, 16).rightJustified(12, '0');
            values["id"] = "5eed0000-0000-4000-8000-" + serial;
            values["request"] = "7e0e0000-0000-4000-9000-" + serial;
            values["time"] = delivered.addSecs(record - 300).toString(Qt::ISODate).toLatin1();
            if (record > 0)
                plain += ',';
            factory.append(plain, values);
        }
        plain += "]}";
        writeFile(root,
                  trailKey(account, region, delivered.toString(QStringLiteral("yyyyMMdd'T'HHmm'Z'")),
                           QStringLiteral("F%1").arg(file, 5, 10, QLatin1Char('0'))),
                  gzip(plain));
    }
}

} // namespace Trailscope::Test
