#include "error.h"

namespace Trailscope::Core {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::NotACase:
        return QStringLiteral("not-a-case");
    case ErrorCode::CorruptCase:
        return QStringLiteral("corrupt-case");
    case ErrorCode::NewerCase:
        return QStringLiteral("newer-case");
    case ErrorCode::AlteredCase:
        return QStringLiteral("altered-case");
    case ErrorCode::OlderCase:
        return QStringLiteral("older-case");
    case ErrorCode::CaseBusy:
        return QStringLiteral("case-busy");
    case ErrorCode::DiskFull:
        return QStringLiteral("disk-full");
    case ErrorCode::Sqlite:
        return QStringLiteral("sqlite");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::TruncatedGzip:
        return QStringLiteral("truncated-gzip");
    case ErrorCode::CorruptGzip:
        return QStringLiteral("corrupt-gzip");
    case ErrorCode::DecompressionBomb:
        return QStringLiteral("decompression-bomb");
    case ErrorCode::NotJson:
        return QStringLiteral("not-json");
    case ErrorCode::NoRecords:
        return QStringLiteral("no-records");
    case ErrorCode::UnsupportedArchive:
        return QStringLiteral("unsupported-archive");
    case ErrorCode::CorruptArchive:
        return QStringLiteral("corrupt-archive");
    case ErrorCode::MemberTooLarge:
        return QStringLiteral("member-too-large");
    case ErrorCode::InvalidJson:
        return QStringLiteral("invalid-json");
    case ErrorCode::InvalidUtf8:
        return QStringLiteral("invalid-utf8");
    case ErrorCode::NotAnObject:
        return QStringLiteral("not-an-object");
    case ErrorCode::NotARecord:
        return QStringLiteral("not-a-record");
    case ErrorCode::MissingEventId:
        return QStringLiteral("missing-event-id");
    case ErrorCode::MissingEventTime:
        return QStringLiteral("missing-event-time");
    case ErrorCode::UnusableEventTime:
        return QStringLiteral("unusable-event-time");
    case ErrorCode::TimeFromTimestamp:
        return QStringLiteral("time-from-timestamp");
    case ErrorCode::RecordTooLarge:
        return QStringLiteral("record-too-large");
    case ErrorCode::TooDeep:
        return QStringLiteral("too-deep");
    case ErrorCode::BadArchiveMemberName:
        return QStringLiteral("bad-member-name");
    case ErrorCode::ArchiveLink:
        return QStringLiteral("archive-link");
    case ErrorCode::QuerySyntax:
        return QStringLiteral("query-syntax");
    case ErrorCode::QueryRefused:
        return QStringLiteral("query-refused");
    case ErrorCode::QueryFailed:
        return QStringLiteral("query-failed");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    QString where = path;
    if (!member.isEmpty())
        where += u'!' + member;
    if (record >= 0)
        where += QStringLiteral(" record %1").arg(record);
    if (line >= 0 && column >= 0)
        where += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
    else if (line >= 0)
        where += QStringLiteral(" (line %1)").arg(line);
    if (where.isEmpty())
        return detail;
    return where + QStringLiteral(": ") + detail;
}

} // namespace Trailscope::Core
