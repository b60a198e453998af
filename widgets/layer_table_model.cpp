#include "widgets/layer_table_model.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace edgesmith::widgets {

LayerTableModel::LayerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

const char* LayerTableModel::field(int column) {
    switch (column) {
    case Macs: return "macs";
    case Params: return "params";
    case Activation: return "activation_bytes";
    case WeightBits: return "weight_bits";
    case ActivationBits: return "activation_bits";
    case Pruned: return "pruning_rate";
    case Rank: return "rank";
    case Time: return "latency_ms";
    default: return "";
    }
}

QString LayerTableModel::shortName(QString name) {
    name.replace(QStringLiteral("stages["), QStringLiteral("s")).replace(QStringLiteral("].blocks["), QStringLiteral(".b"));
    name.replace(QStringLiteral("stem["), QStringLiteral("stem")).replace(QStringLiteral("head["), QStringLiteral("head"));
    return name.remove(']');
}

void LayerTableModel::setLayers(const Json& rows) {
    beginResetModel();
    rows_ = rows.is_array() ? rows : Json::array();
    totals_.assign(ColumnCount, 0.0);
    for (const auto& row : rows_)
        for (int column = Macs; column <= Time; ++column)
            if (row.contains(field(column)) && row[field(column)].is_number()) totals_[static_cast<std::size_t>(column)] += row[field(column)].get<double>();
    endResetModel();
}

bool LayerTableModel::hasValues(int column) const {
    const char* name = column == Bound ? "bound" : field(column);
    if (*name == '\0') return !rows_.empty();
    return std::any_of(rows_.begin(), rows_.end(), [name](const Json& row) { return row.contains(name) && !row[name].is_null(); });
}

double LayerTableModel::total(int column) const {
    return column >= 0 && static_cast<std::size_t>(column) < totals_.size() ? totals_[static_cast<std::size_t>(column)] : 0.0;
}

int LayerTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int LayerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LayerTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Json& row = rows_.at(static_cast<std::size_t>(index.row()));
    const int column = index.column();
    const char* text[] = {"name", "op", "input", "output"};
    if (column <= Output) {
        if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole) return {};
        if (role == Qt::UserRole && column == Name) return index.row(); // network order
        return QString::fromStdString(row.value(text[column], std::string()));
    }
    if (column == Bound) {
        const std::string bound = row.value("bound", std::string());
        switch (role) {
        case Qt::UserRole: return QString::fromStdString(bound);
        case Qt::DisplayRole: return bound == "compute" ? tr("compute") : bound == "memory" ? tr("memory") : QString::fromStdString(bound);
        case Qt::ToolTipRole:
            if (bound == "compute") return tr("Limited by arithmetic: the layer's MACs take longer than moving its bytes");
            if (bound == "memory") return tr("Limited by memory traffic: moving the layer's bytes takes longer than its MACs");
            return {};
        default: return {};
        }
    }
    const char* name = field(column);
    if (!row.contains(name) || !row[name].is_number()) return role == Qt::UserRole ? QVariant(-1.0) : QVariant();
    const double value = row[name].get<double>();
    const double share = total(column) > 0 ? value / total(column) : 0.0;
    switch (role) {
    case Qt::UserRole: return value;
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        if (column == Pruned) return QLocale().toString(100.0 * value, 'f', 1) + QStringLiteral(" %");
        if (column == Activation) return QLocale().toString(value / 1024.0, 'f', 1);
        if (column == Time) return QLocale().toString(value, 'g', 4);
        return QLocale().toString(value, 'f', 0);
    case Qt::ToolTipRole:
        if (column == Time)
            return tr("%1 ms (%2 % of the network)").arg(QLocale().toString(value, 'g', 6), QLocale().toString(100.0 * share, 'f', 1));
        if (column > Activation) return QLocale().toString(value, 'g', 8);
        return tr("%1 (%2 % of the network)").arg(QLocale().toString(value, 'f', 0), QLocale().toString(100.0 * share, 'f', 1));
    case Qt::BackgroundRole:
        // The expensive layers stand out: a tint growing with the share of the total.
        if ((column <= Activation || column == Time) && share > 0.02) return QColor(214, 39, 40, static_cast<int>(std::min(1.0, share * 2.5) * 140));
        return {};
    default: return {};
    }
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Activation: return tr("Output activation memory in KiB (fp32)");
        case WeightBits: return tr("Weight bitwidth of the compression policy");
        case ActivationBits: return tr("Activation bitwidth of the compression policy");
        case Pruned: return tr("Share of channels or weights pruned");
        case Rank: return tr("Rank of a low-rank decomposition");
        case Time: return tr("Predicted time of this layer by the project's latency model");
        case Bound: return tr("What limits the layer in the device's roofline model: arithmetic (compute) or memory traffic (memory)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Layer");
    case Operator: return tr("Operator");
    case Input: return tr("Input");
    case Output: return tr("Output");
    case Macs: return tr("MACs");
    case Params: return tr("Params");
    case Activation: return tr("Activation (KiB)");
    case WeightBits: return tr("W bits");
    case ActivationBits: return tr("A bits");
    case Pruned: return tr("Pruned");
    case Rank: return tr("Rank");
    case Time: return tr("Time (ms)");
    case Bound: return tr("Bound");
    default: return {};
    }
}

} // namespace edgesmith::widgets
