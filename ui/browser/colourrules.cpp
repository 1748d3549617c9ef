#include "colourrules.h"

#include <QSettings>

namespace Trailscope::Ui::ColourRules {

QList<ColourRule> defaults()
{
    return {
        {QObject::tr("Root activity"), QStringLiteral("identityType:Root"), QColor(230, 150, 20), true},
        {QObject::tr("Failed calls"), QStringLiteral("errorCode:*"), QColor(220, 40, 40), true},
        {QObject::tr("Logging changes"),
         QStringLiteral("eventName:StopLogging OR eventName:DeleteTrail OR eventName:UpdateTrail OR "
                        "eventName:PutEventSelectors"),
         QColor(150, 60, 220), true},
    };
}

QList<ColourRule> load()
{
    QSettings settings;
    if (!settings.contains(QStringLiteral("colourRules/size")))
        return defaults();
    QList<ColourRule> rules;
    const int count = settings.beginReadArray(QStringLiteral("colourRules"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        rules.append({settings.value(QStringLiteral("name")).toString(),
                      settings.value(QStringLiteral("expression")).toString(),
                      QColor(settings.value(QStringLiteral("colour")).toString()),
                      settings.value(QStringLiteral("enabled"), true).toBool()});
    }
    settings.endArray();
    return rules;
}

void save(const QList<ColourRule>& rules)
{
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("colourRules"), static_cast<int>(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), rules[i].name);
        settings.setValue(QStringLiteral("expression"), rules[i].expression);
        settings.setValue(QStringLiteral("colour"), rules[i].colour.name());
        settings.setValue(QStringLiteral("enabled"), rules[i].enabled);
    }
    settings.endArray();
}

QStringList enabledExpressions(const QList<ColourRule>& rules)
{
    QStringList expressions;
    for (const ColourRule& rule : rules)
        if (rule.enabled)
            expressions << rule.expression;
    return expressions;
}

QList<QColor> enabledColours(const QList<ColourRule>& rules)
{
    QList<QColor> colours;
    for (const ColourRule& rule : rules)
        if (rule.enabled)
            colours << rule.colour;
    return colours;
}

} // namespace Trailscope::Ui::ColourRules
