#pragma once
#include "core/common/json.h"

#include <QAbstractTableModel>

namespace edgesmith::widgets {

// A candidate's per-layer table (core's layerTable rows, plus the compression columns
// "weight_bits", "activation_bits", "pruning_rate" and "rank" when a policy set them, and
// the hardware columns "latency_ms" and "bound" when a latency model other than
// measurement set them). Numeric cells return their value under Qt::UserRole for
// sorting; the MACs, params, activation and time cells are tinted by their share of the
// network's total.
class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Operator, Input, Output, Macs, Params, Activation, WeightBits, ActivationBits, Pruned, Rank, Time, Bound, ColumnCount };

    explicit LayerTableModel(QObject* parent = nullptr);

    void setLayers(const Json& rows);
    const Json& layers() const { return rows_; }
    // The JSON field shown in a numeric column; empty for text columns.
    static const char* field(int column);
    double total(int column) const;
    // Whether any layer has a value for the column (views hide the hardware columns
    // of candidates whose latency model gives no per-layer figures).
    bool hasValues(int column) const;
    // "stages[1].blocks[0].expand" → "s1.b0.expand": chart tick labels short enough to read.
    static QString shortName(QString name);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Json rows_ = Json::array();
    std::vector<double> totals_;
};

} // namespace edgesmith::widgets
