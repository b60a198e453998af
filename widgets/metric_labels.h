#pragma once
#include <QString>

namespace edgesmith::widgets {

// How views name a catalog metric: "Latency (ms)"; the key itself for unknown metrics.
QString metricTitle(const QString& metric);
// The title with the metric's natural direction: "Latency (ms)  ↓".
QString metricTitleWithGoal(const QString& metric);

} // namespace edgesmith::widgets
