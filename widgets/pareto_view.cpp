#include "widgets/pareto_view.h"

#include "core/project/catalog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace edgesmith::widgets {
namespace {

QString axisTitle(const QString& metric) {
    const MetricInfo* info = findMetric(metric.toStdString());
    if (!info) return metric;
    QString title = QString::fromStdString(info->title);
    if (!info->unit.empty()) title += QStringLiteral(" (%1)").arg(QString::fromStdString(info->unit));
    title += info->naturalGoal == Goal::Maximize ? QStringLiteral("  ↑") : QStringLiteral("  ↓");
    return title;
}

} // namespace

ParetoView::ParetoView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot), emptyNote_(nullptr), xAxis_(new QComboBox), yAxis_(new QComboBox) {
    xAxis_->setObjectName("paretoXAxis");
    yAxis_->setObjectName("paretoYAxis");
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X axis:")));
    controls->addWidget(xAxis_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Y axis:")));
    controls->addWidget(yAxis_);
    controls->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);

    plot_->setObjectName("paretoPlot");
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->xAxis->grid()->setSubGridVisible(true);
    plot_->yAxis->grid()->setSubGridVisible(true);
    emptyNote_ = new QCPItemText(plot_);
    emptyNote_->setPositionAlignment(Qt::AlignCenter);
    emptyNote_->position->setType(QCPItemPosition::ptAxisRectRatio);
    emptyNote_->position->setCoords(0.5, 0.5);
    emptyNote_->setText(tr("No candidates yet.\nRun a search to see the accuracy–cost trade-off here."));
    emptyNote_->setColor(palette().color(QPalette::Disabled, QPalette::Text));
    QFont noteFont = font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 1.15);
    emptyNote_->setFont(noteFont);

    connect(xAxis_, &QComboBox::currentIndexChanged, this, &ParetoView::updateAxes);
    connect(yAxis_, &QComboBox::currentIndexChanged, this, &ParetoView::updateAxes);
    QStringList all;
    for (const auto& metric : objectiveMetrics()) all << QString::fromStdString(metric.name);
    setMetrics(all);
}

void ParetoView::setMetrics(const QStringList& metrics) {
    QStringList offered = metrics;
    for (const auto& metric : objectiveMetrics()) {
        const QString name = QString::fromStdString(metric.name);
        if (!offered.contains(name)) offered << name;
    }
    for (QComboBox* combo : {xAxis_, yAxis_}) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const auto& metric : offered) combo->addItem(axisTitle(metric), metric);
    }
    // Cost on x and accuracy on y reads like the papers' trade-off plots.
    const int accuracy = static_cast<int>(metrics.indexOf(QStringLiteral("accuracy")));
    if (accuracy >= 0 && metrics.size() > 1) {
        yAxis_->setCurrentIndex(accuracy);
        xAxis_->setCurrentIndex(accuracy == 0 ? 1 : 0);
    } else {
        xAxis_->setCurrentIndex(0);
        yAxis_->setCurrentIndex(offered.size() > 1 ? 1 : 0);
    }
    updateAxes();
}

QString ParetoView::xMetric() const { return xAxis_->currentData().toString(); }
QString ParetoView::yMetric() const { return yAxis_->currentData().toString(); }

void ParetoView::updateAxes() {
    plot_->xAxis->setLabel(xAxis_->currentText());
    plot_->yAxis->setLabel(yAxis_->currentText());
    plot_->replot();
}

} // namespace edgesmith::widgets
