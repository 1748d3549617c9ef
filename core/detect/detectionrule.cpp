#include "detectionrule.h"

namespace Trailscope::Core::Detect {

QString ruleSourceName(RuleSource source)
{
    switch (source) {
    case RuleSource::Cis:
        return QStringLiteral("cis");
    case RuleSource::Trailscope:
        return QStringLiteral("trailscope");
    case RuleSource::Sigma:
        return QStringLiteral("sigma");
    case RuleSource::User:
        return QStringLiteral("user");
    }
    return {};
}

} // namespace Trailscope::Core::Detect
