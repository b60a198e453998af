#pragma once
#include "core/common/json.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QComboBox;
class QTimer;

namespace edgesmith {
class Objectives;
}

namespace edgesmith::widgets {

// How a run converges: the hypervolume of the project's objectives and the best value of
// the first objective so far, against evaluations or summed evaluation time. Recomputed
// at most every 300 ms from the records received, so a long run stays responsive.
class ConvergenceView : public QWidget {
    Q_OBJECT
public:
    explicit ConvergenceView(QWidget* parent = nullptr);
    ~ConvergenceView() override;

    // The objectives of a project document; an invalid one clears the plot.
    void setProject(const Json& document);
    // A candidate record (Candidate::toJson without details).
    void addCandidate(const Json& record);
    void clearCandidates();
    void refresh();

    QCustomPlot* plot() const { return plot_; }
    // After refresh(): the hypervolume after each candidate (empty for 1 or > 3 objectives)
    // and the best first-objective value so far.
    const std::vector<double>& hypervolumes() const { return hypervolumes_; }
    const std::vector<double>& bestSoFar() const { return best_; }
    QStringList frontKeys() const { return front_; }

Q_SIGNALS:
    // After a refresh that changed it: the Pareto front over every project objective.
    void frontChanged(const QStringList& keys);

private:
    void scheduleRefresh();

    std::unique_ptr<Objectives> objectives_;
    std::vector<std::vector<double>> points_; // minimised objectives per candidate
    QStringList keys_, front_;
    std::vector<double> firstObjective_;      // as reported (NaN when missing)
    std::vector<double> elapsed_;             // summed evaluation seconds
    std::vector<double> hypervolumes_, best_;
    bool firstMaximised_ = true;

    QCustomPlot* plot_;
    QComboBox* xChoice_;
    QTimer* refreshTimer_;
};

} // namespace edgesmith::widgets
