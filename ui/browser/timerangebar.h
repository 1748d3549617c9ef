#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace Trailscope::Ui {

/// The time window of the browser: presets counted back from the case clock (the newest event, so they are useful
/// on old logs) and a custom range. Start inclusive, end exclusive, UTC epoch ms.
class TimeRangeBar : public QWidget
{
    Q_OBJECT

public:
    enum Preset { All, Last30Minutes, LastHour, Last3Hours, Last12Hours, LastDay, Last7Days, Custom };

    explicit TimeRangeBar(QWidget* parent = nullptr);

    /// The oldest and newest events of the case; presets end just after the newest (the case clock).
    void setCaseSpan(std::optional<std::int64_t> oldestEventMs, std::optional<std::int64_t> newestEventMs);
    void setUtc(bool utc);
    void setPreset(Preset preset);
    Preset preset() const;
    /// Sets a custom range (from the timeline) without emitting twice.
    void setCustomRange(std::int64_t startMs, std::int64_t endMs);

    std::optional<std::int64_t> start() const { return m_start; }
    std::optional<std::int64_t> end() const { return m_end; }

Q_SIGNALS:
    void rangeChanged();

private:
    void applyPreset();
    void applyCustom();
    void showRange();

    QComboBox* m_presets = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    std::optional<std::int64_t> m_oldest, m_clock, m_start, m_end;
    bool m_utc = true;
    bool m_updating = false;
};

} // namespace Trailscope::Ui
