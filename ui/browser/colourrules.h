#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace Trailscope::Ui {

/// One colouring rule, as Wireshark has them: events matching the search expression get the colour; the first
/// matching enabled rule of the list wins.
struct ColourRule
{
    QString name;
    QString expression; ///< search-bar language
    QColor colour;
    bool enabled = true;

    bool operator==(const ColourRule&) const = default;
};

/// The user's colouring rules, kept in the settings (they apply to every case, as a Wireshark profile's do).
namespace ColourRules {

/// Root activity, failed calls and changes to logging, in that order.
QList<ColourRule> defaults();
QList<ColourRule> load();
void save(const QList<ColourRule>& rules);
/// The expressions of the enabled rules, in order (what the row worker evaluates), and their colours.
QStringList enabledExpressions(const QList<ColourRule>& rules);
QList<QColor> enabledColours(const QList<ColourRule>& rules);

} // namespace ColourRules

} // namespace Trailscope::Ui
