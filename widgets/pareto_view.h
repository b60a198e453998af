#pragma once
#include <QVariantMap>
#include <QWidget>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPColorScale;
class QCPItemStraightLine;
class QCPItemText;
class QCheckBox;
class QComboBox;
class QMouseEvent;
class QTimer;

namespace edgesmith::widgets {

// Scatter of candidates over two chosen metrics: the points non-dominated on those two
// axes in colour, joined by the front's step line, the dominated ones greyed (or coloured
// by generation or a third metric). Points arrive one by one from a live run; the plot
// redraws at most every 150 ms so tens of thousands of points stay smooth.
//
// With latency_ms against measured_latency_ms the y = x diagonal is drawn, so a latency
// model's error reads off the plot.
//
// Mouse: hover shows a candidate's genotype and metrics, a click selects it, Shift+drag
// selects every candidate in a rectangle, drag pans, the wheel zooms.
class ParetoView : public QWidget {
    Q_OBJECT
public:
    struct Budget {
        QString metric;
        std::optional<double> min, max;
    };

    explicit ParetoView(QWidget* parent = nullptr);

    // Metric keys (see core's objectiveMetrics()) offered on the axes; the first two
    // become x and y.
    void setMetrics(const QStringList& metrics);
    void setAxes(const QString& x, const QString& y);
    QString xMetric() const;
    QString yMetric() const;
    void setLogScale(bool x, bool y);
    // Hard budgets, drawn as dashed lines when their metric is on an axis.
    void setBudgets(const std::vector<Budget>& budgets);
    // "" (Pareto status), "generation" or a metric name.
    void setColouring(const QString& quantity);
    QCustomPlot* plot() const { return plot_; }

    // `metrics` by catalog name; infeasible or failed candidates are not plotted.
    void addCandidate(const QString& key, const QVariantMap& metrics, int generation = 0);
    void clearCandidates();
    int candidateCount() const { return static_cast<int>(points_.size()); }
    // Keys on the 2-D front of the current axes, sorted by x.
    QStringList frontKeys() const;
    // Redraws now instead of at the next tick (tests, screenshots).
    void refresh();
    // Whether the y = x line is drawn: with a modelled latency on one axis and the
    // latency measured on this host on the other, points on it were predicted exactly.
    bool diagonalShown() const;
    void resetView();

    // Highlights candidates (chosen here or elsewhere) without emitting a signal.
    void setSelectedKeys(const QStringList& keys);
    QStringList selectedKeys() const { return selected_; }
    // The candidate drawn (at the last refresh) within `radius` pixels of `position`
    // (plot coordinates), if any.
    QString keyAt(const QPoint& position, double radius = 8) const;
    // Every candidate drawn inside `rectangle` (plot coordinates).
    QStringList keysIn(const QRect& rectangle) const;
    QString toolTipFor(const QString& key) const;

    // Writes the plot as PNG, PDF or SVG, chosen by the file's suffix. False (and
    // `error` set) when the suffix is unknown or the file cannot be written.
    bool exportTo(const QString& file, QString* error = nullptr, int width = 1200, int height = 800);

Q_SIGNALS:
    void candidateClicked(const QString& key);
    void candidatesSelected(const QStringList& keys);
    // Right-click on a point: it is selected (candidateClicked) first.
    void candidateMenuRequested(const QString& key, const QPoint& globalPosition);

private:
    struct PlotPoint {
        QString key;
        QVariantMap metrics;
        int generation = 0;
    };
    // A plotted point's coordinates on the current axes, looked up once per refresh.
    struct Projected {
        std::size_t index;
        double x, y;
    };
    std::vector<Projected> projected() const;
    // Positions in `points` of the 2-D front, sorted by x.
    std::vector<std::size_t> front(const std::vector<Projected>& points) const;
    void updateAxes();
    void scheduleRefresh();
    void chooseExport();
    void pressed(QMouseEvent* event);
    void moved(QMouseEvent* event);
    void released(QMouseEvent* event);
    bool maximised(const QString& metric) const;
    std::optional<double> colourValue(const PlotPoint& point) const;

    std::vector<PlotPoint> points_;
    // What the last refresh drew: hover and rubber-band look here rather than project
    // every point again on each mouse move.
    std::vector<Projected> drawn_;
    std::vector<Budget> budgets_;
    QStringList selected_;
    QString colouring_;
    QPoint pressPosition_;
    bool userView_ = false; // the user zoomed or panned: keep the view while points arrive

    QCustomPlot* plot_;
    QCPItemText* emptyNote_;
    QCPItemStraightLine* diagonal_;
    QCPColorScale* colourScale_;
    QComboBox* xAxis_;
    QComboBox* yAxis_;
    QComboBox* colour_;
    QCheckBox* logX_;
    QCheckBox* logY_;
    QTimer* refreshTimer_;
};

} // namespace edgesmith::widgets
