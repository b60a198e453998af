#include "widgets/pareto_view.h"

#include "core/project/catalog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
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
    : QWidget(parent), plot_(new QCustomPlot), emptyNote_(nullptr), xAxis_(new QComboBox), yAxis_(new QComboBox),
      refreshTimer_(new QTimer(this)) {
    refreshTimer_->setSingleShot(true);
    refreshTimer_->setInterval(150);
    connect(refreshTimer_, &QTimer::timeout, this, &ParetoView::refresh);
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

    // Graph 0: dominated points; graph 1: the front's points; graph 2: its step line.
    auto* dominated = plot_->addGraph();
    dominated->setLineStyle(QCPGraph::lsNone);
    dominated->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(150, 150, 150, 140), 5));
    dominated->setName(tr("dominated"));
    auto* front = plot_->addGraph();
    front->setLineStyle(QCPGraph::lsNone);
    front->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180), 7));
    front->setName(tr("Pareto front"));
    auto* line = plot_->addGraph();
    line->setPen(QPen(QColor(31, 119, 180, 160), 1.5));
    line->removeFromLegend();
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

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
    refresh();
}

bool ParetoView::maximised(const QString& metric) const {
    const MetricInfo* info = findMetric(metric.toStdString());
    return info && info->naturalGoal == Goal::Maximize;
}

void ParetoView::addCandidate(const QString& key, const QVariantMap& metrics) {
    points_.push_back({key, metrics});
    scheduleRefresh();
}

void ParetoView::clearCandidates() {
    points_.clear();
    refresh();
}

void ParetoView::scheduleRefresh() {
    if (!refreshTimer_->isActive()) refreshTimer_->start();
}

QStringList ParetoView::frontKeys() const {
    const QString x = xMetric(), y = yMetric();
    const double xSign = maximised(x) ? -1 : 1, ySign = maximised(y) ? -1 : 1;
    std::vector<std::size_t> order;
    for (std::size_t index = 0; index < points_.size(); ++index)
        if (points_[index].metrics.contains(x) && points_[index].metrics.contains(y)) order.push_back(index);
    // A sweep in x (minimised) keeps every point strictly better in y than all before it.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ax = xSign * points_[a].metrics.value(x).toDouble(), bx = xSign * points_[b].metrics.value(x).toDouble();
        if (ax != bx) return ax < bx;
        return ySign * points_[a].metrics.value(y).toDouble() < ySign * points_[b].metrics.value(y).toDouble();
    });
    QStringList keys;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t index : order) {
        const double value = ySign * points_[index].metrics.value(y).toDouble();
        if (value < best) {
            best = value;
            keys << points_[index].key;
        }
    }
    return keys;
}

void ParetoView::refresh() {
    refreshTimer_->stop();
    const QString x = xMetric(), y = yMetric();
    const QStringList front = frontKeys();
    const QSet<QString> onFront(front.begin(), front.end());
    QVector<double> otherX, otherY, frontX(front.size()), frontY(front.size());
    QHash<QString, int> position;
    for (int index = 0; index < front.size(); ++index) position[front[index]] = index;
    for (const PlotPoint& point : points_) {
        if (!point.metrics.contains(x) || !point.metrics.contains(y)) continue;
        const double px = point.metrics.value(x).toDouble(), py = point.metrics.value(y).toDouble();
        if (onFront.contains(point.key)) {
            frontX[position[point.key]] = px;
            frontY[position[point.key]] = py;
        } else {
            otherX << px;
            otherY << py;
        }
    }
    plot_->graph(0)->setData(otherX, otherY, true);
    plot_->graph(1)->setData(frontX, frontY);
    plot_->graph(2)->setData(frontX, frontY);
    // The attainment staircase: between two front points, the best y reachable at a given
    // x is the one of the neighbour on the cheaper side.
    plot_->graph(2)->setLineStyle(maximised(x) ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);
    emptyNote_->setVisible(points_.empty());
    if (!points_.empty()) {
        plot_->rescaleAxes();
        for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
            const QCPRange range = axis->range();
            const double margin = std::max(range.size() * 0.05, std::abs(range.center()) * 1e-3 + 1e-12);
            axis->setRange(range.lower - margin, range.upper + margin);
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace edgesmith::widgets
