#pragma once
#include <QWidget>

class QCustomPlot;
class QCPItemText;
class QComboBox;

namespace edgesmith::widgets {

// Scatter of candidates over two objectives with the non-dominated front. This shell
// shows the axes a project's objectives imply; candidates arrive with the search engine.
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

private:
    void updateAxes();

    QCustomPlot* plot_;
    QCPItemText* emptyNote_;
    QComboBox* xAxis_;
    QComboBox* yAxis_;
};

} // namespace edgesmith::widgets
