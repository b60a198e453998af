#include "widgets/pareto_view.h"

#include "core/project/catalog.h"

#include "widgets/metric_labels.h"
#include "widgets/plot_style.h"
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QSet>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <qcustomplot.h>

namespace edgesmith::widgets {
namespace {

// Graphs, in drawing order.
constexpr int kDominated = 0, kFront = 1, kFrontLine = 2, kSelected = 3, kFirstBin = 4, kBins = 8;

} // namespace

ParetoView::ParetoView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot), emptyNote_(nullptr), diagonal_(nullptr), colourScale_(nullptr), xAxis_(new QComboBox),
      yAxis_(new QComboBox), colour_(new QComboBox), logX_(new QCheckBox(tr("log"))), logY_(new QCheckBox(tr("log"))),
      refreshTimer_(new QTimer(this)) {
    refreshTimer_->setSingleShot(true);
    refreshTimer_->setInterval(150);
    connect(refreshTimer_, &QTimer::timeout, this, &ParetoView::refresh);
    xAxis_->setObjectName("paretoXAxis");
    yAxis_->setObjectName("paretoYAxis");
    colour_->setObjectName("paretoColour");
    logX_->setObjectName("paretoLogX");
    logY_->setObjectName("paretoLogY");
    logX_->setToolTip(tr("Logarithmic x axis"));
    logY_->setToolTip(tr("Logarithmic y axis"));
    auto* reset = new QPushButton(tr("Reset view"));
    reset->setObjectName("paretoResetView");
    reset->setToolTip(tr("Fit every candidate (drag pans, the wheel zooms, Shift+drag selects)"));
    connect(reset, &QPushButton::clicked, this, &ParetoView::resetView);
    auto* exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName("paretoExport");
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    connect(exportButton, &QPushButton::clicked, this, &ParetoView::chooseExport);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X axis:")));
    controls->addWidget(xAxis_);
    controls->addWidget(logX_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Y axis:")));
    controls->addWidget(yAxis_);
    controls->addWidget(logY_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Colour:")));
    controls->addWidget(colour_);
    controls->addStretch();
    controls->addWidget(reset);
    controls->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);

    plot_->setObjectName("paretoPlot");
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setMouseTracking(true);
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
    diagonal_ = new QCPItemStraightLine(plot_);
    diagonal_->setPen(QPen(QColor(127, 127, 127, 200), 1.2, Qt::DashDotLine));
    // Through (1, 1) and (10, 10): on a log-log plot too the line is y = x.
    diagonal_->point1->setCoords(1, 1);
    diagonal_->point2->setCoords(10, 10);
    diagonal_->setSelectable(false);
    diagonal_->setVisible(false);

    auto* dominated = plot_->addGraph();
    dominated->setLineStyle(QCPGraph::lsNone);
    dominated->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(150, 150, 150, 140), 5));
    dominated->setName(tr("dominated"));
    auto* front = plot_->addGraph();
    front->setLineStyle(QCPGraph::lsNone);
    front->setName(tr("Pareto front"));
    auto* line = plot_->addGraph();
    line->setPen(QPen(QColor(31, 119, 180, 160), 1.5));
    line->removeFromLegend();
    auto* selected = plot_->addGraph();
    selected->setLineStyle(QCPGraph::lsNone);
    selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(255, 127, 14), 2.5), Qt::NoBrush, 13));
    selected->setName(tr("selected"));
    QCPColorGradient gradient(QCPColorGradient::gpThermal);
    for (int bin = 0; bin < kBins; ++bin) {
        auto* graph = plot_->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        QColor colour = gradient.color((bin + 0.5) / kBins, QCPRange(0, 1));
        colour.setAlpha(200);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 5));
        graph->removeFromLegend();
    }
    colourScale_ = new QCPColorScale(plot_);
    colourScale_->setGradient(gradient);
    colourScale_->setBarWidth(10);
    // Added to the layout only while colouring by a quantity (setColouring).
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    applyPalette(plot_);
    colourScale_->axis()->setTickLabelColor(palette().color(QPalette::WindowText));
    colourScale_->axis()->setLabelColor(palette().color(QPalette::WindowText));

    connect(xAxis_, &QComboBox::currentIndexChanged, this, &ParetoView::updateAxes);
    connect(yAxis_, &QComboBox::currentIndexChanged, this, &ParetoView::updateAxes);
    connect(colour_, &QComboBox::currentIndexChanged, this, [this] { setColouring(colour_->currentData().toString()); });
    connect(logX_, &QCheckBox::toggled, this, [this] { setLogScale(logX_->isChecked(), logY_->isChecked()); });
    connect(logY_, &QCheckBox::toggled, this, [this] { setLogScale(logX_->isChecked(), logY_->isChecked()); });
    connect(plot_, &QCustomPlot::mousePress, this, &ParetoView::pressed);
    connect(plot_, &QCustomPlot::mouseMove, this, &ParetoView::moved);
    connect(plot_, &QCustomPlot::mouseRelease, this, &ParetoView::released);
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { userView_ = true; });
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        const QString key = keyAt(position);
        if (key.isEmpty()) return;
        selected_ = {key};
        refresh();
        Q_EMIT candidateClicked(key);
        Q_EMIT candidateMenuRequested(key, plot_->mapToGlobal(position));
    });
    connect(plot_->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect& rectangle) {
        selected_ = keysIn(rectangle);
        refresh();
        Q_EMIT candidatesSelected(selected_);
    });
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
        for (const auto& metric : offered) combo->addItem(metricTitleWithGoal(metric), metric);
    }
    {
        const QSignalBlocker blocker(colour_);
        const QString current = colouring_;
        colour_->clear();
        colour_->addItem(tr("Pareto status"), QString());
        colour_->addItem(tr("Generation"), QStringLiteral("generation"));
        for (const auto& metric : offered) colour_->addItem(metricTitle(metric), metric);
        colour_->setCurrentIndex(std::max(0, colour_->findData(current)));
    }
    // Cost on x and accuracy on y reads like the papers' trade-off plots.
    const int accuracy = static_cast<int>(metrics.indexOf(QStringLiteral("accuracy")));
    const QSignalBlocker blockX(xAxis_), blockY(yAxis_);
    if (accuracy >= 0 && metrics.size() > 1) {
        yAxis_->setCurrentIndex(accuracy);
        xAxis_->setCurrentIndex(accuracy == 0 ? 1 : 0);
    } else {
        xAxis_->setCurrentIndex(0);
        yAxis_->setCurrentIndex(offered.size() > 1 ? 1 : 0);
    }
    updateAxes();
}

void ParetoView::setAxes(const QString& x, const QString& y) {
    const QSignalBlocker blockX(xAxis_), blockY(yAxis_);
    if (xAxis_->findData(x) >= 0) xAxis_->setCurrentIndex(xAxis_->findData(x));
    if (yAxis_->findData(y) >= 0) yAxis_->setCurrentIndex(yAxis_->findData(y));
    updateAxes();
}

QString ParetoView::xMetric() const { return xAxis_->currentData().toString(); }
QString ParetoView::yMetric() const { return yAxis_->currentData().toString(); }

void ParetoView::setLogScale(bool x, bool y) {
    const QSignalBlocker blockX(logX_), blockY(logY_);
    logX_->setChecked(x);
    logY_->setChecked(y);
    for (auto [axis, logarithmic] : {std::pair{plot_->xAxis, x}, std::pair{plot_->yAxis, y}}) {
        axis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (logarithmic) axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    resetView();
}

void ParetoView::setBudgets(const std::vector<Budget>& budgets) {
    budgets_ = budgets;
    scheduleRefresh();
}

void ParetoView::setColouring(const QString& quantity) {
    colouring_ = quantity;
    {
        const QSignalBlocker blocker(colour_);
        colour_->setCurrentIndex(std::max(0, colour_->findData(quantity)));
    }
    const bool shown = plot_->plotLayout()->hasElement(0, 1);
    if (!quantity.isEmpty() && !shown) plot_->plotLayout()->addElement(0, 1, colourScale_);
    if (quantity.isEmpty() && shown) {
        plot_->plotLayout()->take(colourScale_);
        plot_->plotLayout()->simplify();
    }
    colourScale_->axis()->setLabel(quantity == QLatin1String("generation") ? tr("Generation") : metricTitle(quantity));
    refresh();
}

void ParetoView::updateAxes() {
    plot_->xAxis->setLabel(xAxis_->currentText());
    plot_->yAxis->setLabel(yAxis_->currentText());
    userView_ = false;
    refresh();
}

bool ParetoView::maximised(const QString& metric) const {
    const MetricInfo* info = findMetric(metric.toStdString());
    return info && info->naturalGoal == Goal::Maximize;
}

std::optional<double> ParetoView::colourValue(const PlotPoint& point) const {
    if (colouring_ == QLatin1String("generation")) return double(point.generation);
    if (!point.metrics.contains(colouring_)) return std::nullopt;
    return point.metrics.value(colouring_).toDouble();
}

void ParetoView::addCandidate(const QString& key, const QVariantMap& metrics, int generation) {
    points_.push_back({key, metrics, generation});
    scheduleRefresh();
}

void ParetoView::clearCandidates() {
    points_.clear();
    selected_.clear();
    userView_ = false;
    refresh();
}

void ParetoView::scheduleRefresh() {
    if (!refreshTimer_->isActive()) refreshTimer_->start();
}

std::vector<ParetoView::Projected> ParetoView::projected() const {
    const QString x = xMetric(), y = yMetric();
    const bool logX = logX_->isChecked(), logY = logY_->isChecked();
    std::vector<Projected> result;
    result.reserve(points_.size());
    for (std::size_t index = 0; index < points_.size(); ++index) {
        const QVariantMap& metrics = points_[index].metrics;
        const auto px = metrics.constFind(x), py = metrics.constFind(y);
        if (px == metrics.constEnd() || py == metrics.constEnd()) continue;
        const double vx = px->toDouble(), vy = py->toDouble();
        // A logarithmic axis cannot show zero or negative values.
        if ((logX && vx <= 0) || (logY && vy <= 0)) continue;
        result.push_back({index, vx, vy});
    }
    return result;
}

std::vector<std::size_t> ParetoView::front(const std::vector<Projected>& points) const {
    const double xSign = maximised(xMetric()) ? -1 : 1, ySign = maximised(yMetric()) ? -1 : 1;
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    // A sweep in x (minimised) keeps every point strictly better in y than all before it.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ax = xSign * points[a].x, bx = xSign * points[b].x;
        if (ax != bx) return ax < bx;
        return ySign * points[a].y < ySign * points[b].y;
    });
    std::vector<std::size_t> members;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t position : order) {
        const double value = ySign * points[position].y;
        if (value < best) {
            best = value;
            members.push_back(position);
        }
    }
    return members;
}

QStringList ParetoView::frontKeys() const {
    const std::vector<Projected> points = projected();
    QStringList keys;
    for (std::size_t position : front(points)) keys << points_[points[position].index].key;
    return keys;
}

void ParetoView::refresh() {
    refreshTimer_->stop();
    drawn_ = projected();
    const std::vector<Projected>& points = drawn_;
    const std::vector<std::size_t> members = front(points);
    std::vector<char> onFront(points.size(), 0);
    QVector<double> otherX, otherY, frontX, frontY, selectedX, selectedY;
    for (std::size_t position : members) {
        onFront[position] = 1;
        frontX << points[position].x;
        frontY << points[position].y;
    }
    const QSet<QString> chosen(selected_.begin(), selected_.end());

    // Colouring: the quantity's range split into equal bins, one graph each, so ten
    // thousand points cost eight graphs rather than ten thousand styles.
    const bool coloured = !colouring_.isEmpty();
    std::vector<double> colours(coloured ? points.size() : 0, std::numeric_limits<double>::quiet_NaN());
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t position = 0; position < colours.size(); ++position)
        if (const auto value = colourValue(points_[points[position].index])) {
            colours[position] = *value;
            low = std::min(low, *value), high = std::max(high, *value);
        }
    std::vector<QVector<double>> binX(kBins), binY(kBins);
    otherX.reserve(static_cast<qsizetype>(points.size()));
    otherY.reserve(static_cast<qsizetype>(points.size()));
    for (std::size_t position = 0; position < points.size(); ++position) {
        const Projected& point = points[position];
        if (!chosen.isEmpty() && chosen.contains(points_[point.index].key)) selectedX << point.x, selectedY << point.y;
        if (onFront[position] && !coloured) continue;
        if (coloured && !std::isnan(colours[position])) {
            const int bin = high > low ? std::clamp(static_cast<int>((colours[position] - low) / (high - low) * kBins), 0, kBins - 1) : 0;
            binX[static_cast<std::size_t>(bin)] << point.x;
            binY[static_cast<std::size_t>(bin)] << point.y;
        } else if (!onFront[position]) {
            otherX << point.x;
            otherY << point.y;
        }
    }
    const QString x = xMetric(), y = yMetric();
    plot_->graph(kDominated)->setData(otherX, otherY);
    plot_->graph(kFront)->setData(frontX, frontY);
    plot_->graph(kFront)->setScatterStyle(coloured ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(31, 119, 180), 2), Qt::NoBrush, 9)
                                                   : QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180), 7));
    plot_->graph(kFrontLine)->setData(frontX, frontY);
    plot_->graph(kSelected)->setData(selectedX, selectedY);
    for (int bin = 0; bin < kBins; ++bin)
        plot_->graph(kFirstBin + bin)->setData(binX[static_cast<std::size_t>(bin)], binY[static_cast<std::size_t>(bin)]);
    if (coloured && high >= low) colourScale_->setDataRange(QCPRange(low, high > low ? high : low + 1));
    // The attainment staircase: between two front points, the best y reachable at a given
    // x is the one of the neighbour on the cheaper side.
    plot_->graph(kFrontLine)->setLineStyle(maximised(x) ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);

    // Budget lines of the metrics on the axes.
    for (int index = plot_->itemCount() - 1; index >= 0; --index)
        if (plot_->item(index)->property("budget").toBool()) plot_->removeItem(index);
    for (const Budget& budget : budgets_) {
        for (const auto& bound : {budget.min, budget.max}) {
            if (!bound || (budget.metric != x && budget.metric != y)) continue;
            auto* line = new QCPItemStraightLine(plot_);
            line->setProperty("budget", true);
            line->setPen(QPen(QColor(214, 39, 40, 180), 1.2, Qt::DashLine));
            if (budget.metric == x) {
                line->point1->setCoords(*bound, 0);
                line->point2->setCoords(*bound, 1);
            } else {
                line->point1->setCoords(0, *bound);
                line->point2->setCoords(1, *bound);
            }
        }
    }

    diagonal_->setVisible(diagonalShown());
    emptyNote_->setVisible(points_.empty());
    if (!points_.empty() && !userView_) {
        plot_->rescaleAxes();
        for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
            const QCPRange range = axis->range();
            if (axis->scaleType() == QCPAxis::stLogarithmic) {
                axis->setRange(range.lower / 1.15, range.upper * 1.15);
                continue;
            }
            const double margin = std::max(range.size() * 0.05, std::abs(range.center()) * 1e-3 + 1e-12);
            axis->setRange(range.lower - margin, range.upper + margin);
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool ParetoView::diagonalShown() const {
    const QSet<QString> axes = {xMetric(), yMetric()};
    // With one axis logarithmic and the other linear y = x is a curve, not this line.
    return axes == QSet<QString>{QStringLiteral("latency_ms"), QStringLiteral("measured_latency_ms")} && logX_->isChecked() == logY_->isChecked();
}

void ParetoView::resetView() {
    userView_ = false;
    refresh();
}

void ParetoView::setSelectedKeys(const QStringList& keys) {
    if (keys == selected_) return;
    selected_ = keys;
    refresh();
}

QString ParetoView::keyAt(const QPoint& position, double radius) const {
    QString nearest;
    double best = radius * radius;
    for (const Projected& point : drawn_) {
        const double dx = plot_->xAxis->coordToPixel(point.x) - position.x();
        const double dy = plot_->yAxis->coordToPixel(point.y) - position.y();
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            nearest = points_[point.index].key;
        }
    }
    return nearest;
}

QStringList ParetoView::keysIn(const QRect& rectangle) const {
    QStringList keys;
    const QRectF area = QRectF(rectangle).normalized();
    for (const Projected& point : drawn_)
        if (area.contains(QPointF(plot_->xAxis->coordToPixel(point.x), plot_->yAxis->coordToPixel(point.y)))) keys << points_[point.index].key;
    return keys;
}

QString ParetoView::toolTipFor(const QString& key) const {
    const auto found = std::find_if(points_.begin(), points_.end(), [&](const PlotPoint& point) { return point.key == key; });
    if (found == points_.end()) return {};
    QString text = QStringLiteral("<b>%1</b><table>").arg(key.toHtmlEscaped());
    for (auto it = found->metrics.begin(); it != found->metrics.end(); ++it)
        text += QStringLiteral("<tr><td>%1</td><td align='right'>&nbsp;%2</td></tr>")
                    .arg(metricTitle(it.key()).toHtmlEscaped(), QLocale().toString(it.value().toDouble(), 'g', 6));
    text += QStringLiteral("<tr><td>%1</td><td align='right'>&nbsp;%2</td></tr></table>").arg(tr("Generation")).arg(found->generation);
    return text;
}

void ParetoView::pressed(QMouseEvent* event) {
    pressPosition_ = event->pos();
    // Shift+drag draws a selection rectangle instead of panning.
    plot_->setSelectionRectMode(event->modifiers() & Qt::ShiftModifier ? QCP::srmSelect : QCP::srmNone);
}

void ParetoView::moved(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) {
        if (plot_->selectionRectMode() == QCP::srmNone) userView_ = true;
        return;
    }
    const QString key = keyAt(event->pos());
    if (key.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), toolTipFor(key), plot_);
}

void ParetoView::released(QMouseEvent* event) {
    const bool click = (event->pos() - pressPosition_).manhattanLength() < 4;
    if (click && plot_->selectionRectMode() == QCP::srmNone) {
        const QString key = keyAt(event->pos());
        if (!key.isEmpty()) {
            selected_ = {key};
            refresh();
            Q_EMIT candidateClicked(key);
        }
    }
    // The mode stays until the next press: QCustomPlot ends the rectangle after this
    // signal, and switching the mode now would cancel it.
}

bool ParetoView::exportTo(const QString& file, QString* error, int width, int height) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    bool written = false;
    if (suffix == QLatin1String("png")) written = plot_->savePng(file, width, height);
    else if (suffix == QLatin1String("pdf")) written = plot_->savePdf(file, width, height);
    else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(file);
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setTitle(tr("EdgeSmith Pareto plot"));
        QCPPainter painter;
        written = painter.begin(&generator);
        if (written) {
            plot_->toPainter(&painter, width, height);
            painter.end();
            written = QFileInfo(file).size() > 0;
        }
    } else {
        if (error) *error = tr("%1: unknown format \"%2\"; use .png, .svg or .pdf").arg(file, suffix);
        return false;
    }
    if (!written && error) *error = tr("%1: could not be written").arg(file);
    return written;
}

void ParetoView::chooseExport() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), QStringLiteral("pareto.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (file.isEmpty()) return;
    QString error;
    if (!exportTo(file, &error)) QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace edgesmith::widgets
