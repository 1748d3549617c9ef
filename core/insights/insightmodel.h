#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Trailscope::Core::Insights {

/// How readily an episode opens: low finds only the loudest departures, high finds smaller ones too.
enum class Sensitivity { Low, Medium, High };

/// The statistical model's thresholds for one sensitivity (README, "Insights"). A minute's count x is compared with
/// the baseline window's zero-filled per-minute counts by a robust z-score, z = (x - median) / scale with
/// scale = max(1.4826 × MAD, MadFloor): the MAD of a quiet API is 0, and the floor keeps one call from reading as
/// infinitely unusual.
struct ModelThresholds
{
    Sensitivity sensitivity = Sensitivity::Medium;
    const char* name = "medium";
    double openZ = 0;       ///< an episode opens at a minute with z ≥ openZ ...
    double minimumRate = 0; ///< ... and at least this many calls (or errors) in that minute
    double continueZ = 0;   ///< it goes on while z ≥ continueZ (against the baseline frozen at its start)
    /// ... and, where set, more calls than in any single minute of the baseline window. A daily rhythm puts most of a
    /// busy API's week at night-time zeros: its working-hours peaks read as departures from a median of 0 every day.
    /// On the 1M-event benchmark trail, medium without this opened 12,479 episodes in 14 days.
    bool aboveBaselineMaximum = false;
};

/// One call per minute: the scale of a baseline whose MAD is 0.
inline constexpr double MadFloor = 1.0;
/// 1.4826 × MAD estimates the standard deviation of normally distributed counts.
inline constexpr double MadToSigma = 1.4826;
/// AWS: "at minimum the seven days (10080 minutes) preceding an Insights event".
inline constexpr int BaselineMinutes = 10080;
/// No finding on less history than this: with an hour of history, every API first used in the case would open one.
inline constexpr int DefaultMinimumBaselineMinutes = 1440;

/// The catalogue, one row per sensitivity.
inline constexpr std::array<ModelThresholds, 3> Thresholds{{
    {Sensitivity::Low, "low", 8.0, 10.0, 4.0, true},
    {Sensitivity::Medium, "medium", 5.0, 5.0, 2.5, true},
    {Sensitivity::High, "high", 3.0, 3.0, 1.5, false},
}};

const ModelThresholds& thresholdsFor(Sensitivity sensitivity);
/// `low`, `medium` or `high` (ignoring case); nullopt for anything else.
std::optional<Sensitivity> sensitivityNamed(const QString& name);

} // namespace Trailscope::Core::Insights
