#include "eventcolumns.h"

#include "util/eventtime.h"

#include <QCoreApplication>

#include <array>

namespace Trailscope::Core::Query {

namespace {

QString timeText(const EventRow& row)
{
    return row.time ? formatEventTime(*row.time) : QString();
}

QString readOnlyText(const EventRow& row)
{
    return row.readOnly ? (*row.readOnly ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

// The titles are marked for lupdate here and translated by the window in the context of its table model.
// clang-format off
const std::array Columns{
    EventColumn{"eventTime", QT_TRANSLATE_NOOP("EventTableModel", "Event time"), "time", 190, false, &timeText},
    EventColumn{"eventName", QT_TRANSLATE_NOOP("EventTableModel", "Event name"), "eventName", 0, false,
                [](const EventRow& r) { return r.eventName; }},
    EventColumn{"userName", QT_TRANSLATE_NOOP("EventTableModel", "User name"), "user", 0, false,
                [](const EventRow& r) { return r.user; }},
    EventColumn{"eventSource", QT_TRANSLATE_NOOP("EventTableModel", "Event source"), "eventSource", 0, false,
                [](const EventRow& r) { return r.eventSource; }},
    EventColumn{"resourceType", QT_TRANSLATE_NOOP("EventTableModel", "Resource type"), "resourceType", 0, false,
                [](const EventRow& r) { return r.resourceType; }},
    EventColumn{"resourceName", QT_TRANSLATE_NOOP("EventTableModel", "Resource name"), "resource", 260, false,
                [](const EventRow& r) { return r.resourceName; }},
    EventColumn{"awsRegion", QT_TRANSLATE_NOOP("EventTableModel", "AWS region"), "region", 0, false,
                [](const EventRow& r) { return r.region; }},
    EventColumn{"sourceIPAddress", QT_TRANSLATE_NOOP("EventTableModel", "Source IP address"), "ip", 0, false,
                [](const EventRow& r) { return r.sourceIp; }},
    EventColumn{"errorCode", QT_TRANSLATE_NOOP("EventTableModel", "Error code"), "errorCode", 0, false,
                [](const EventRow& r) { return r.errorCode; }},
    EventColumn{"readOnly", QT_TRANSLATE_NOOP("EventTableModel", "Read-only"), "readOnly", 0, false, &readOnlyText},
    EventColumn{"recipientAccountId", QT_TRANSLATE_NOOP("EventTableModel", "AWS account"), "account", 0, false,
                [](const EventRow& r) { return r.account; }},
    EventColumn{"eventID", QT_TRANSLATE_NOOP("EventTableModel", "Event ID"), "eventId", 0, true,
                [](const EventRow& r) { return r.eventId; }},
};
// clang-format on

} // namespace

std::span<const EventColumn> eventColumns()
{
    return Columns;
}

const FieldDef& fieldOf(const EventColumn& column)
{
    const FieldDef* field =
        findField(QString::fromLatin1(column.fieldName.data(), static_cast<qsizetype>(column.fieldName.size())));
    Q_ASSERT_X(field, "fieldOf", "every column names a field of the field table (tst_eventcolumns)");
    return *field;
}

} // namespace Trailscope::Core::Query
