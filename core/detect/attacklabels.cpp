#include "attacklabels.h"

#include <QRegularExpression>

namespace Trailscope::Core::Detect {

const QList<AttackTactic>& attackTactics()
{
    // The Enterprise matrix in its column order. SigmaHQ's rules (2026) also tag `stealth` and `defense-impairment`,
    // the tactics a later ATT&CK release split from Defense Evasion; their TA numbers are not in our reference, so
    // they carry none rather than a guessed one.
    static const QList<AttackTactic> tactics{
        {QStringLiteral("TA0043"), QStringLiteral("Reconnaissance"), QStringLiteral("reconnaissance")},
        {QStringLiteral("TA0042"), QStringLiteral("Resource Development"), QStringLiteral("resource-development")},
        {QStringLiteral("TA0001"), QStringLiteral("Initial Access"), QStringLiteral("initial-access")},
        {QStringLiteral("TA0002"), QStringLiteral("Execution"), QStringLiteral("execution")},
        {QStringLiteral("TA0003"), QStringLiteral("Persistence"), QStringLiteral("persistence")},
        {QStringLiteral("TA0004"), QStringLiteral("Privilege Escalation"), QStringLiteral("privilege-escalation")},
        {QStringLiteral("TA0005"), QStringLiteral("Defense Evasion"), QStringLiteral("defense-evasion")},
        {QString(), QStringLiteral("Stealth"), QStringLiteral("stealth")},
        {QString(), QStringLiteral("Defense Impairment"), QStringLiteral("defense-impairment")},
        {QStringLiteral("TA0006"), QStringLiteral("Credential Access"), QStringLiteral("credential-access")},
        {QStringLiteral("TA0007"), QStringLiteral("Discovery"), QStringLiteral("discovery")},
        {QStringLiteral("TA0008"), QStringLiteral("Lateral Movement"), QStringLiteral("lateral-movement")},
        {QStringLiteral("TA0009"), QStringLiteral("Collection"), QStringLiteral("collection")},
        {QStringLiteral("TA0011"), QStringLiteral("Command and Control"), QStringLiteral("command-and-control")},
        {QStringLiteral("TA0010"), QStringLiteral("Exfiltration"), QStringLiteral("exfiltration")},
        {QStringLiteral("TA0040"), QStringLiteral("Impact"), QStringLiteral("impact")},
    };
    return tactics;
}

AttackLabels attackLabels(const QStringList& tags)
{
    static const QRegularExpression technique(QStringLiteral("^attack\\.t(\\d{4})(?:\\.(\\d{3}))?$"),
                                              QRegularExpression::CaseInsensitiveOption);
    // Groups (g0016), software (s0001) and campaigns (c0024) are ATT&CK objects but neither techniques nor tactics.
    static const QRegularExpression object(QStringLiteral("^attack\\.[gsc]\\d{4}$"),
                                           QRegularExpression::CaseInsensitiveOption);
    AttackLabels labels;
    QStringList tacticTags;
    for (const QString& tag : tags) {
        if (const auto match = technique.match(tag); match.hasMatch()) {
            QString id = u'T' + match.captured(1);
            if (match.hasCaptured(2))
                id += u'.' + match.captured(2);
            if (!labels.techniques.contains(id))
                labels.techniques << id;
        } else if (tag.startsWith(QLatin1String("attack."), Qt::CaseInsensitive) && !object.match(tag).hasMatch()) {
            tacticTags << tag.mid(7).toLower().replace(u'_', u'-');
        }
    }
    for (const AttackTactic& tactic : attackTactics()) {
        if (tacticTags.removeAll(tactic.tag))
            labels.tactics << tactic;
    }
    // A tactic this table does not know still shows, named from its tag, after the known ones.
    tacticTags.removeDuplicates();
    for (const QString& tag : tacticTags) {
        QStringList words = tag.split(u'-', Qt::SkipEmptyParts);
        for (QString& word : words)
            word[0] = word[0].toUpper();
        labels.tactics << AttackTactic{QString(), words.join(u' '), tag};
    }
    return labels;
}

} // namespace Trailscope::Core::Detect
