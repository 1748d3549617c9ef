#include "storytext.h"

#include <QSet>

namespace Trailscope::Ui {

using Core::Story::CredentialStory;
using Core::Story::StoryKey;
using Core::Story::StoryOrigin;

QString StoryText::originKind(const QString& type)
{
    if (type == QLatin1String("IAMUser"))
        return tr("IAM user");
    if (type == QLatin1String("Root"))
        return tr("Root user");
    if (type == QLatin1String("ConsoleLogin"))
        return tr("Console sign-in");
    if (type == QLatin1String("SAMLUser"))
        return tr("SAML user");
    if (type == QLatin1String("WebIdentityUser"))
        return tr("Web identity user");
    if (type == QLatin1String("AWSService"))
        return tr("AWS service");
    if (type == QLatin1String("OutsideCase"))
        return tr("Issued outside this case");
    return type;
}

QString StoryText::origin(const StoryOrigin& o)
{
    QString text;
    if (o.type == QLatin1String("IAMUser") || o.type == QLatin1String("Root"))
        text = tr("%1 %2 with key %3").arg(originKind(o.type), o.arn, o.accessKeyId);
    else if (o.type == QLatin1String("ConsoleLogin"))
        text = tr("Console sign-in of %1").arg(o.arn);
    else if (o.type == QLatin1String("SAMLUser") || o.type == QLatin1String("WebIdentityUser"))
        text = o.subject.isEmpty() ? tr("%1 via %2").arg(originKind(o.type), o.arn)
                                   : tr("%1 %2 via %3").arg(originKind(o.type), o.subject, o.arn);
    else if (o.type == QLatin1String("OutsideCase"))
        text = tr("key %1 acting as %2, issued by a call this case does not hold").arg(o.accessKeyId, o.arn);
    else
        text = o.arn.isEmpty() ? originKind(o.type) : tr("%1 %2").arg(originKind(o.type), o.arn);
    if (!o.sourceIdentity.isEmpty())
        text += tr(" (source identity %1)").arg(o.sourceIdentity);
    return text;
}

QStringList StoryText::hops(const CredentialStory& story, const QString& accessKeyId)
{
    QHash<QString, const StoryKey*> byKey;
    for (const StoryKey& key : story.keys)
        byKey.insert(key.accessKeyId, &key);
    QStringList names;
    QSet<QString> seen; // a malformed case could hold a cycle
    for (const StoryKey* key = byKey.value(accessKeyId); key && !seen.contains(key->accessKeyId);
         key = byKey.value(key->parent)) {
        seen.insert(key->accessKeyId);
        // The origin's own key was not issued within the chain; a federation's or console session's first key was.
        if (key->accessKeyId != story.origin.accessKeyId && !key->issuedByName.isEmpty())
            names.prepend(key->issuedByName);
    }
    return names;
}

QString StoryText::behind(const CredentialStory& story, const QString& accessKeyId)
{
    const QStringList path = hops(story, accessKeyId);
    if (path.isEmpty())
        return tr("Behind this: %1").arg(origin(story.origin));
    return tr("Behind this: %1, through %2").arg(origin(story.origin), path.join(QStringLiteral(" › ")));
}

} // namespace Trailscope::Ui
