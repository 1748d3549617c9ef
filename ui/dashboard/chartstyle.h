#pragma once

class QChart;
class QChartView;
class QPalette;
class QWidget;

namespace Trailscope::Ui::ChartStyle {

/// Whether the palette is a dark one (Qt 6.4 has no colour-scheme hint: its window is darker than its text).
bool isDark(const QPalette& palette);
/// The chart drawn in the widget's palette: background, labels and grid follow light or dark, no drop shadow.
void apply(QChart* chart, const QPalette& palette);
/// A chart view with antialiasing and no frame.
QChartView* makeView(QChart* chart, QWidget* parent);

} // namespace Trailscope::Ui::ChartStyle
