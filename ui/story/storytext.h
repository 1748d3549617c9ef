#pragma once

#include "story/credentialstory.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Trailscope::Ui {

/// A credential story in words, for the chain's heading and the "who is behind this" line of the detail pane.
class StoryText
{
    Q_DECLARE_TR_FUNCTIONS(StoryText)

public:
    /// Who or what started the chain: "IAM user arn:… with key AKIA…", "SAML user alice@example.com via arn:…".
    static QString origin(const Core::Story::StoryOrigin& origin);
    /// The issuing calls from the origin down to `accessKeyId` (AssumeRole, AssumeRole, …), oldest first; empty
    /// when the key is the origin's own or not in the story.
    static QStringList hops(const Core::Story::CredentialStory& story, const QString& accessKeyId);
    /// One line: "Behind this: IAM user … with key AKIA…, through AssumeRole › AssumeRole".
    static QString behind(const Core::Story::CredentialStory& story, const QString& accessKeyId);
    /// The origin's kind alone, for the tree ("IAM user", "Console sign-in", …).
    static QString originKind(const QString& type);
};

} // namespace Trailscope::Ui
