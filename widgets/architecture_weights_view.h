#pragma once
// The architecture weights of a differentiable search (edgesmith-cli differentiable
// --record): softmax(α) of every option of every decision, epoch by epoch, as a heat map —
// which choices the search settled on, and when.
#include "core/common/json.h"

#include <QWidget>

class QCPColorScale;
class QCustomPlot;
class QLabel;
class QScrollArea;

namespace edgesmith::widgets {

class ArchitectureWeightsView : public QWidget {
    Q_OBJECT
public:
    explicit ArchitectureWeightsView(QWidget* parent = nullptr);
    // The candidate's "architecture_weights" detail; anything else shows a hint instead.
    void showWeights(const QString& key, const Json& weights);
    void clear();

    int rowCount() const { return rows_; }
    int epochCount() const { return epochs_; }
    QCustomPlot* plot() const { return plot_; }

private:
    QLabel* title_;
    QLabel* hint_;
    QScrollArea* scroll_;
    QCustomPlot* plot_;
    QCPColorScale* scale_ = nullptr;
    int rows_ = 0, epochs_ = 0;
};

} // namespace edgesmith::widgets
