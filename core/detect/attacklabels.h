#pragma once

#include <QString>
#include <QStringList>

namespace Trailscope::Core::Detect {

/// An ATT&CK tactic of the Enterprise matrix, as a rule's tags name it (`attack.defense-evasion`).
struct AttackTactic
{
    QString id;   ///< TA0005; empty for a tactic whose number Trailscope does not know
    QString name; ///< Defense Evasion
    QString tag;  ///< defense-evasion
};

/// The ATT&CK context a rule's tags give: Sigma's convention of `attack.tNNNN[.NNN]` for techniques and
/// `attack.<tactic-name>` for tactics. Other tags (`cis.4.3`, `attack.g0016` groups, `attack.s0001` software) add none.
struct AttackLabels
{
    QStringList techniques;      ///< T1562.008, in tag order, each once
    QList<AttackTactic> tactics; ///< in the matrix's order, each once; unknown ones last
    bool isEmpty() const { return techniques.isEmpty() && tactics.isEmpty(); }
};

AttackLabels attackLabels(const QStringList& tags);

/// The tactics of the Enterprise matrix Trailscope knows, in its order (reconnaissance first, impact last).
const QList<AttackTactic>& attackTactics();

} // namespace Trailscope::Core::Detect
