#pragma once
#include <QVariantMap>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPItemText;
class QComboBox;
class QTimer;

namespace edgesmith::widgets {

// Scatter of candidates over two chosen metrics: the points non-dominated on those two
// axes in colour, joined by the front's step line, the dominated ones greyed. Points
// arrive one by one from a live run; the plot redraws at most every 150 ms so tens of
// thousands of points stay smooth.
class ParetoView : public QWidget {
    Q_OBJECT
public:
    explicit ParetoView(QWidget* parent = nullptr);

    // Metric keys (see core's objectiveMetrics()) offered on the axes; the first two
    // become x and y.
    void setMetrics(const QStringList& metrics);
    QString xMetric() const;
    QString yMetric() const;
    QCustomPlot* plot() const { return plot_; }

    // `metrics` by catalog name; infeasible or failed candidates are not plotted.
    void addCandidate(const QString& key, const QVariantMap& metrics);
    void clearCandidates();
    int candidateCount() const { return static_cast<int>(points_.size()); }
    // Keys on the 2-D front of the current axes, sorted by x.
    QStringList frontKeys() const;
    // Redraws now instead of at the next tick (tests, screenshots).
    void refresh();

private:
    struct PlotPoint {
        QString key;
        QVariantMap metrics;
    };
    void updateAxes();
    void scheduleRefresh();
    bool maximised(const QString& metric) const;

    std::vector<PlotPoint> points_;

    QCustomPlot* plot_;
    QCPItemText* emptyNote_;
    QComboBox* xAxis_;
    QComboBox* yAxis_;
    QTimer* refreshTimer_;
};

} // namespace edgesmith::widgets
