#include "widgets/convergence_view.h"

#include "core/search/objectives.h"
#include "core/search/run_summary.h"

#include "widgets/metric_labels.h"
#include "widgets/plot_style.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace edgesmith::widgets {
namespace {

} // namespace

ConvergenceView::ConvergenceView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot), xChoice_(new QComboBox), refreshTimer_(new QTimer(this)) {
    refreshTimer_->setSingleShot(true);
    refreshTimer_->setInterval(300);
    connect(refreshTimer_, &QTimer::timeout, this, &ConvergenceView::refresh);
    xChoice_->setObjectName("convergenceXAxis");
    xChoice_->addItem(tr("Evaluations"));
    xChoice_->addItem(tr("Evaluation time (s)"));
    connect(xChoice_, &QComboBox::currentIndexChanged, this, &ConvergenceView::refresh);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Convergence against:")));
    controls->addWidget(xChoice_);
    controls->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);

    plot_->setObjectName("convergencePlot");
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto* volume = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    volume->setName(tr("Hypervolume"));
    volume->setLineStyle(QCPGraph::lsStepLeft);
    volume->setPen(QPen(QColor(31, 119, 180), 2));
    auto* best = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    best->setName(tr("Best so far"));
    best->setLineStyle(QCPGraph::lsStepLeft);
    best->setPen(QPen(QColor(214, 39, 40), 1.5, Qt::DashLine));
    plot_->yAxis->setLabel(tr("Hypervolume"));
    plot_->yAxis2->setVisible(true);
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    applyPalette(plot_);
}

ConvergenceView::~ConvergenceView() = default;

void ConvergenceView::setProject(const Json& document) {
    try {
        objectives_ = std::make_unique<Objectives>(Objectives::fromProject(document));
    } catch (const std::exception&) {
        objectives_.reset();
    }
    clearCandidates();
    if (!objectives_ || objectives_->list().empty()) return;
    const Objective& first = objectives_->list().front();
    firstMaximised_ = first.goal == Goal::Maximize;
    plot_->yAxis2->setLabel(tr("Best so far"));
    plot_->graph(1)->setName(tr("Best %1 so far").arg(metricTitle(QString::fromStdString(first.metric))));
}

void ConvergenceView::addCandidate(const Json& record) {
    if (!objectives_) return;
    std::map<std::string, double> metrics;
    if (record.contains("metrics") && record["metrics"].is_object()) {
        const Json& values = record["metrics"];
        for (const auto& [name, value] : values.items())
            if (value.is_number()) metrics[name] = value.get<double>();
    }
    std::vector<double> point = objectives_->minimised(metrics);
    const bool evaluated = record.value("status", std::string()) == "evaluated";
    if (!evaluated) std::fill(point.begin(), point.end(), std::numeric_limits<double>::infinity());
    points_.push_back(std::move(point));
    keys_ << QString::fromStdString(record.value("genotype", std::string()));
    const std::string& first = objectives_->list().front().metric;
    firstObjective_.push_back(evaluated && metrics.count(first) ? metrics[first] : std::numeric_limits<double>::quiet_NaN());
    elapsed_.push_back((elapsed_.empty() ? 0.0 : elapsed_.back()) + record.value("seconds", 0.0));
    scheduleRefresh();
}

void ConvergenceView::clearCandidates() {
    points_.clear();
    keys_.clear();
    firstObjective_.clear();
    elapsed_.clear();
    refresh();
}

void ConvergenceView::scheduleRefresh() {
    if (!refreshTimer_->isActive()) refreshTimer_->start();
}

void ConvergenceView::refresh() {
    refreshTimer_->stop();
    const RunSummary summary = summarisePoints(points_);
    hypervolumes_ = summary.history;
    QStringList front;
    for (std::size_t member : summary.members) front << keys_[static_cast<qsizetype>(member)];
    if (front != front_) {
        front_ = front;
        Q_EMIT frontChanged(front_);
    }
    best_.clear();
    double best = std::numeric_limits<double>::quiet_NaN();
    for (double value : firstObjective_) {
        if (!std::isnan(value) && (std::isnan(best) || (firstMaximised_ ? value > best : value < best))) best = value;
        best_.push_back(best);
    }
    const bool byTime = xChoice_->currentIndex() == 1;
    plot_->xAxis->setLabel(byTime ? tr("Evaluation time (s)") : tr("Evaluations"));
    QVector<double> x, volume, bestX, bestY;
    for (std::size_t index = 0; index < points_.size(); ++index) {
        const double position = byTime ? elapsed_[index] : double(index + 1);
        if (index < hypervolumes_.size()) {
            x << position;
            volume << hypervolumes_[index];
        }
        if (!std::isnan(best_[index])) {
            bestX << position;
            bestY << best_[index];
        }
    }
    plot_->graph(0)->setData(x, volume, true);
    plot_->graph(1)->setData(bestX, bestY, true);
    plot_->graph(0)->setVisible(!volume.isEmpty());
    if (!points_.empty()) {
        plot_->rescaleAxes();
        for (QCPAxis* axis : {plot_->yAxis, plot_->yAxis2}) {
            const QCPRange range = axis->range();
            const double margin = std::max(range.size() * 0.05, std::abs(range.center()) * 1e-3 + 1e-12);
            axis->setRange(range.lower - margin, range.upper + margin);
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace edgesmith::widgets
