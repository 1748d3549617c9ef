#include "insightmodel.h"

#include <algorithm>

namespace Trailscope::Core::Insights {

const ModelThresholds& thresholdsFor(Sensitivity sensitivity)
{
    const auto found = std::find_if(Thresholds.begin(), Thresholds.end(),
                                    [&](const ModelThresholds& row) { return row.sensitivity == sensitivity; });
    Q_ASSERT(found != Thresholds.end());
    return found != Thresholds.end() ? *found : Thresholds[1];
}

std::optional<Sensitivity> sensitivityNamed(const QString& name)
{
    for (const ModelThresholds& row : Thresholds) {
        if (name.compare(QLatin1String(row.name), Qt::CaseInsensitive) == 0)
            return row.sensitivity;
    }
    return std::nullopt;
}

} // namespace Trailscope::Core::Insights
