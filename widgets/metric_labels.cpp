#include "widgets/metric_labels.h"

#include "core/project/catalog.h"

namespace edgesmith::widgets {

QString metricTitle(const QString& metric) {
    const MetricInfo* info = findMetric(metric.toStdString());
    if (!info) return metric;
    QString title = QString::fromStdString(info->title);
    if (!info->unit.empty()) title += QStringLiteral(" (%1)").arg(QString::fromStdString(info->unit));
    return title;
}

QString metricTitleWithGoal(const QString& metric) {
    const MetricInfo* info = findMetric(metric.toStdString());
    return metricTitle(metric) + (info && info->naturalGoal == Goal::Maximize ? QStringLiteral("  ↑") : QStringLiteral("  ↓"));
}

} // namespace edgesmith::widgets
