#include "errortext.h"

namespace Trailscope::Ui {

using Core::ErrorCode;

QString ErrorText::reason(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io:
        return tr("Cannot read or write the file");
    case ErrorCode::NotACase:
        return tr("Not a Trailscope case");
    case ErrorCode::CorruptCase:
        return tr("The case file is damaged");
    case ErrorCode::NewerCase:
        return tr("The case was made by a newer Trailscope");
    case ErrorCode::AlteredCase:
        return tr("The case file was altered outside Trailscope");
    case ErrorCode::OlderCase:
        return tr("The case was made by an older Trailscope");
    case ErrorCode::CaseBusy:
        return tr("The case is in use by another program");
    case ErrorCode::DiskFull:
        return tr("The disk is full");
    case ErrorCode::Sqlite:
        return tr("The case database reported an error");
    case ErrorCode::Cancelled:
        return tr("Cancelled");
    case ErrorCode::TruncatedGzip:
        return tr("The gzip file is cut short");
    case ErrorCode::CorruptGzip:
        return tr("The gzip file is damaged");
    case ErrorCode::DecompressionBomb:
        return tr("The file expands far beyond any trail file");
    case ErrorCode::NotJson:
        return tr("Not JSON");
    case ErrorCode::NoRecords:
        return tr("No CloudTrail records");
    case ErrorCode::UnsupportedArchive:
        return tr("An archive format Trailscope does not read");
    case ErrorCode::CorruptArchive:
        return tr("The archive is damaged");
    case ErrorCode::MemberTooLarge:
        return tr("An archive member is too large");
    case ErrorCode::InvalidJson:
        return tr("Not valid JSON");
    case ErrorCode::InvalidUtf8:
        return tr("Not valid UTF-8");
    case ErrorCode::NotAnObject:
        return tr("Not a JSON object");
    case ErrorCode::NotARecord:
        return tr("Not a CloudTrail record");
    case ErrorCode::MissingEventId:
        return tr("The record has no eventID");
    case ErrorCode::MissingEventTime:
        return tr("The record has no eventTime");
    case ErrorCode::UnusableEventTime:
        return tr("The record's eventTime cannot be read");
    case ErrorCode::TimeFromTimestamp:
        return tr("No eventTime; the time is taken from @timestamp");
    case ErrorCode::RecordTooLarge:
        return tr("The record is too large");
    case ErrorCode::TooDeep:
        return tr("The record nests too deeply");
    case ErrorCode::BadArchiveMemberName:
        return tr("An archive member has an unsafe name");
    case ErrorCode::ArchiveLink:
        return tr("An archive member is a link, not a file");
    case ErrorCode::QuerySyntax:
        return tr("Syntax error");
    case ErrorCode::QueryRefused:
        return tr("Not allowed on the read-only case");
    case ErrorCode::QueryFailed:
        return tr("The query failed");
    }
    return tr("Unknown error");
}

QString ErrorText::describe(const Core::Error& error)
{
    QString where = error.path;
    if (!error.member.isEmpty())
        where += u'!' + error.member;
    if (error.record >= 0)
        where += u' ' + tr("record %1").arg(error.record);
    if (error.line >= 0 && error.column >= 0)
        where += u' ' + tr("(line %1, column %2)").arg(error.line).arg(error.column);
    else if (error.line >= 0)
        where += u' ' + tr("(line %1)").arg(error.line);
    return where.trimmed().isEmpty() ? withoutPlace(error) : tr("%1: %2").arg(where.trimmed(), withoutPlace(error));
}

QString ErrorText::withoutPlace(const Core::Error& error)
{
    return error.detail.isEmpty() ? reason(error.code) : tr("%1 (%2)").arg(reason(error.code), error.detail);
}

} // namespace Trailscope::Ui
