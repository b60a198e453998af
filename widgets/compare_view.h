#pragma once
#include "core/common/json.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace edgesmith::widgets {

// Two to four candidates side by side: their metrics (the best of each row in bold), a
// grouped bar chart of per-layer MACs so the layers where they differ stand out, their
// training curves (validation accuracy per epoch) and confusion matrices.
class CompareView : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        QString key;
        Json metrics = Json::object(); // by catalog name
        Json layers = Json::array();   // core's layerTable rows
        Json details = Json::object(); // the stored details: "history", "evaluation", "proxy"
    };
    static constexpr int kMaximum = 4;

    explicit CompareView(QWidget* parent = nullptr);
    // Keeps the first kMaximum entries; fewer than two shows a hint instead.
    void setEntries(const std::vector<Entry>& entries);
    int entryCount() const { return static_cast<int>(entries_.size()); }
    QTableWidget* table() const { return table_; }
    QCustomPlot* chart() const { return chart_; }
    QCustomPlot* curves() const { return curves_; }
    // Confusion matrices drawn (candidates whose details have one).
    int confusionCount() const { return confusionCount_; }

private:
    void fillTable();
    void fillChart();
    void fillCurves();
    void fillConfusions();

    std::vector<Entry> entries_;
    QLabel* hint_;
    QTableWidget* table_;
    QCustomPlot* chart_;
    QWidget* pages_;
    QCustomPlot* curves_;
    QCustomPlot* confusions_;
    int confusionCount_ = 0;
};

} // namespace edgesmith::widgets
