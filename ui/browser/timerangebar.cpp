#include "timerangebar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>

namespace Trailscope::Ui {

namespace {

constexpr std::int64_t Minute = 60'000;

std::int64_t presetSpan(TimeRangeBar::Preset preset)
{
    switch (preset) {
    case TimeRangeBar::Last30Minutes:
        return 30 * Minute;
    case TimeRangeBar::LastHour:
        return 60 * Minute;
    case TimeRangeBar::Last3Hours:
        return 3 * 60 * Minute;
    case TimeRangeBar::Last12Hours:
        return 12 * 60 * Minute;
    case TimeRangeBar::LastDay:
        return 24 * 60 * Minute;
    case TimeRangeBar::Last7Days:
        return 7 * 24 * 60 * Minute;
    default:
        return 0;
    }
}

} // namespace

TimeRangeBar::TimeRangeBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_presets = new QComboBox(this);
    m_presets->addItems({tr("All time"), tr("Last 30 minutes"), tr("Last hour"), tr("Last 3 hours"),
                         tr("Last 12 hours"), tr("Last day"), tr("Last 7 days"), tr("Custom range")});
    m_presets->setToolTip(tr("Counted back from the case's newest event"));
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::UTC);
        edit->setEnabled(false);
    }
    layout->addWidget(m_presets);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    connect(m_presets, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            applyPreset();
    });
    for (QDateTimeEdit* edit : {m_from, m_to})
        connect(edit, &QDateTimeEdit::editingFinished, this, [this] {
            if (!m_updating && preset() == Custom)
                applyCustom();
        });
    showRange();
}

TimeRangeBar::Preset TimeRangeBar::preset() const
{
    return static_cast<Preset>(m_presets->currentIndex());
}

void TimeRangeBar::setCaseSpan(std::optional<std::int64_t> oldestEventMs, std::optional<std::int64_t> newestEventMs)
{
    m_oldest = oldestEventMs;
    m_clock = newestEventMs;
    if (preset() != Custom && preset() != All)
        applyPreset();
    else
        showRange();
}

void TimeRangeBar::setUtc(bool utc)
{
    m_utc = utc;
    for (QDateTimeEdit* edit : {m_from, m_to})
        edit->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
    showRange();
}

void TimeRangeBar::setPreset(Preset value)
{
    if (m_presets->currentIndex() == value)
        applyPreset();
    else
        m_presets->setCurrentIndex(value); // applies through currentIndexChanged
}

void TimeRangeBar::setCustomRange(std::int64_t startMs, std::int64_t endMs)
{
    m_updating = true;
    m_presets->setCurrentIndex(Custom);
    m_updating = false;
    m_start = startMs;
    m_end = endMs;
    showRange();
    Q_EMIT rangeChanged();
}

void TimeRangeBar::applyPreset()
{
    const Preset current = preset();
    if (current == Custom) {
        applyCustom();
        return;
    }
    if (current == All || !m_clock) {
        m_start.reset();
        m_end.reset();
    } else {
        m_end = *m_clock + 1;
        m_start = *m_end - presetSpan(current);
    }
    showRange();
    Q_EMIT rangeChanged();
}

void TimeRangeBar::applyCustom()
{
    const std::int64_t from = m_from->dateTime().toMSecsSinceEpoch();
    const std::int64_t to = m_to->dateTime().toMSecsSinceEpoch();
    m_start = std::min(from, to);
    m_end = std::max(from, to) + 1000; // the "to" second is included
    Q_EMIT rangeChanged();
}

void TimeRangeBar::showRange()
{
    m_updating = true;
    const bool custom = preset() == Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    const auto shown = [this](std::int64_t ms) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        return m_utc ? utc : utc.toLocalTime();
    };
    // "All time" shows the case's span so the editors start from something sensible when switched to custom.
    if (const auto from = m_start ? m_start : m_oldest)
        m_from->setDateTime(shown(*from));
    if (m_end)
        m_to->setDateTime(shown(*m_end - 1));
    else if (m_clock)
        m_to->setDateTime(shown(*m_clock));
    m_updating = false;
}

} // namespace Trailscope::Ui
