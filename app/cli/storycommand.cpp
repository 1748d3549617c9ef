#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseschema.h"
#include "story/credentialstory.h"
#include "util/eventtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Story;

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// A JSON string, or null for an empty text.
void appendJson(QByteArray& out, const QString& text)
{
    if (text.isEmpty()) {
        out += "null";
        return;
    }
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

// Written by hand, one key or event a line: a story can hold tens of thousands of events. For the busiest key of
// the sparse 1M case (61,503 events) a QJsonDocument took 380-410 ms of the process beside the story's 160-240 ms;
// this takes 115-150 ms (same JSON value).
void printJson(const CredentialStory& story)
{
    QJsonObject origin{{QStringLiteral("type"), story.origin.type}, {QStringLiteral("arn"), orNull(story.origin.arn)}};
    if (!story.origin.accessKeyId.isEmpty())
        origin[QStringLiteral("accessKeyId")] = story.origin.accessKeyId;
    if (!story.origin.eventId.isEmpty())
        origin[QStringLiteral("eventID")] = story.origin.eventId;
    QByteArray out =
        "{\n    \"origin\": " + QJsonDocument(origin).toJson(QJsonDocument::Compact) + ",\n    \"keys\": [";
    out.reserve(qsizetype(story.events.size()) * 200 + qsizetype(story.keys.size()) * 200 + 1024);
    for (std::size_t i = 0; i < story.keys.size(); ++i) {
        const StoryKey& key = story.keys[i];
        out += i ? ",\n        {\"accessKeyId\": " : "\n        {\"accessKeyId\": ";
        appendJson(out, key.accessKeyId);
        out += ", \"principal\": ";
        appendJson(out, key.principal);
        out += ", \"issuedBy\": ";
        appendJson(out, key.issuedBy);
        out += ", \"parent\": ";
        appendJson(out, key.parent);
        out += '}';
    }
    out += story.keys.empty() ? "],\n    \"events\": [" : "\n    ],\n    \"events\": [";
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const StoryEvent& event = story.events[i];
        out += i ? ",\n        {\"eventID\": " : "\n        {\"eventID\": ";
        appendJson(out, event.eventId);
        out += ", \"eventTime\": ";
        appendJson(out, formatEventTime(event.time));
        out += ", \"eventName\": ";
        appendJson(out, event.eventName);
        out += ", \"accessKeyId\": ";
        appendJson(out, event.accessKeyId);
        out += ", \"account\": ";
        appendJson(out, event.account);
        out += ", \"region\": ";
        appendJson(out, event.region);
        out += '}';
    }
    out += story.events.empty() ? "]\n}\n" : "\n    ]\n}\n";
    std::fwrite(out.constData(), 1, std::size_t(out.size()), stdout);
}

QString dash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

void printTable(const CredentialStory& story)
{
    const StoryOrigin& o = story.origin;
    QString line = QStringLiteral("Origin: %1 %2").arg(o.type, dash(o.arn));
    if (!o.subject.isEmpty())
        line += QStringLiteral(" subject %1").arg(o.subject);
    if (!o.sourceIdentity.isEmpty())
        line += QStringLiteral(" sourceIdentity %1").arg(o.sourceIdentity);
    if (!o.accessKeyId.isEmpty())
        line += QStringLiteral(" key %1").arg(o.accessKeyId);
    if (!o.eventId.isEmpty())
        line += QStringLiteral(" event %1").arg(o.eventId);
    if (o.type == QLatin1String("OutsideCase"))
        line += QStringLiteral(" (the call that issued this key is not in the case)");
    printOut(line + u'\n');
    printOut(QStringLiteral("\nKeys: %1\n").arg(story.keys.size()));
    QList<QStringList> keys{{QStringLiteral("KEY"), QStringLiteral("PRINCIPAL"), QStringLiteral("ISSUED BY"),
                             QStringLiteral("AT"), QStringLiteral("EVENT"), QStringLiteral("PARENT")}};
    for (const StoryKey& key : story.keys)
        keys.append({key.accessKeyId, dash(key.principal), dash(key.issuedByName),
                     key.issuedAt ? formatEventTime(key.issuedAt) : QStringLiteral("-"), dash(key.issuedBy),
                     dash(key.parent)});
    printColumns(keys);
    printOut(QStringLiteral("\nEvents: %1\n").arg(story.events.size()));
    QList<QStringList> events{{QStringLiteral("TIME"), QStringLiteral("EVENT"), QStringLiteral("KEY"),
                               QStringLiteral("ACCOUNT"), QStringLiteral("REGION"), QStringLiteral("EVENT ID")}};
    for (const StoryEvent& event : story.events)
        events.append({formatEventTime(event.time), dash(event.eventName), event.accessKeyId, dash(event.account),
                       dash(event.region), event.eventId});
    printColumns(events);
}

} // namespace

int runStory(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tells the story of a credential: the chain of access keys from its origin (an IAM user's "
                       "key, the root user, a console sign-in, a SAML or web-identity federation, a service) through "
                       "every AssumeRole, GetSessionToken, GetFederationToken and CreateAccessKey, the keys issued "
                       "under it, and every event done with any of them, in time order. Chains follow access keys, "
                       "never role or session names."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("An access key ID (AKIA…, ASIA…)."),
                                 QStringLiteral("AKID"));
    const QCommandLineOption arn(QStringLiteral("arn"),
                                 QStringLiteral("A principal's ARN (an IAM user, an assumed-role session)."),
                                 QStringLiteral("ARN"));
    const QCommandLineOption event(QStringLiteral("event"), QStringLiteral("Any event's eventID."),
                                   QStringLiteral("ID"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table or json."), QStringLiteral("F"),
                                    QStringLiteral("table"));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QStringLiteral("Print the milliseconds the story took to stderr."));
    parser.addOptions({key, arn, event, format, timing});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("story: needs exactly one CASE\n"));
        return ExitUsage;
    }
    const int seeds = int(parser.isSet(key)) + int(parser.isSet(arn)) + int(parser.isSet(event));
    if (seeds != 1) {
        printErr(QStringLiteral("story: needs exactly one of --key, --arn, --event\n"));
        return ExitUsage;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("table") && formatName != QLatin1String("json")) {
        printErr(QStringLiteral("story: --format is table or json\n"));
        return ExitUsage;
    }
    StorySeed seed;
    if (parser.isSet(key))
        seed = {StorySeed::Kind::AccessKey, parser.value(key)};
    else if (parser.isSet(arn))
        seed = {StorySeed::Kind::Arn, parser.value(arn)};
    else
        seed = {StorySeed::Kind::EventId, parser.value(event)};
    auto db = CaseSchema::open(parser.positionalArguments().first(), CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        printErr(QStringLiteral("story: %1\n").arg(db.error().toString()));
        return ExitFatal;
    }
    QElapsedTimer clock;
    clock.start();
    const auto found = stories(*db, seed);
    if (!found) {
        printErr(QStringLiteral("story: %1\n").arg(found.error().toString()));
        return ExitFatal;
    }
    if (parser.isSet(timing))
        printErr(QStringLiteral("story: %1 ms\n").arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 1));
    if (found->empty()) {
        printErr(QStringLiteral("story: the case holds no credential for %1\n").arg(seed.value));
        return ExitNotFound;
    }
    if (found->size() > 1) {
        // Two people acting as one role session name are two stories; the key tells them apart.
        printErr(
            QStringLiteral("story: %1 names %2 stories; pick one with --key:\n").arg(seed.value).arg(found->size()));
        for (const CredentialStory& story : *found) {
            QStringList keys;
            for (const StoryKey& k : story.keys)
                keys.append(k.accessKeyId);
            printErr(QStringLiteral("  origin %1 %2: %3\n").arg(story.origin.type, story.origin.arn, keys.join(u' ')));
        }
        return ExitAmbiguous;
    }
    if (found->front().linksReadFromRecords)
        printErr(QStringLiteral("story: this case predates the credential index; its issuing events were read from "
                                "their records (import the trail into a new case to index them)\n"));
    if (formatName == QLatin1String("json"))
        printJson(found->front());
    else
        printTable(found->front());
    return ExitOk;
}

} // namespace Trailscope::Cli
