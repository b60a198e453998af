#pragma once
class QCustomPlot;

namespace edgesmith::widgets {

// Colours a plot from the application palette (background, axes, ticks, grid, legend),
// so plots read on dark desktops as well as light ones. Call after the axis rects and
// legend exist; axes added later keep QCustomPlot's defaults.
void applyPalette(QCustomPlot* plot);

} // namespace edgesmith::widgets
