#pragma once
#include "core/common/json.h"

#include <QWidget>

class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace edgesmith::widgets {

class LayerTableModel;

// The selected candidate layer by layer: the per-layer table (sortable; expensive layers
// tinted; the time and bound columns only when the latency model gave them) and a bar
// chart of one quantity (MACs, params, activation memory, bitwidths, pruning rates, ranks,
// times) in network order, the three largest bars highlighted. Hovering a bar shows the
// exact number.
class LayerInspector : public QWidget {
    Q_OBJECT
public:
    explicit LayerInspector(QWidget* parent = nullptr);

    // `title`: what is shown (genotype and summary); `rows`: core's layerTable format.
    void showLayers(const QString& title, const Json& rows);
    void clear();
    // LayerTableModel::Column of the quantity charted.
    void setQuantity(int column);
    LayerTableModel* model() const { return model_; }
    QCustomPlot* chart() const { return chart_; }
    QTableView* table() const { return table_; }
    // Layer names of the highlighted (largest) bars.
    QStringList highlightedLayers() const { return highlighted_; }

private:
    void updateChart();
    void hover(const QPoint& position);

    LayerTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QLabel* title_;
    QComboBox* quantity_;
    QTableView* table_;
    QCustomPlot* chart_;
    QCPBars* bars_;
    QCPBars* highlightBars_;
    QStringList highlighted_;
};

} // namespace edgesmith::widgets
