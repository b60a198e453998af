#include "widgets/candidate_table_model.h"

#include "core/project/catalog.h"

#include <QLocale>

namespace edgesmith::widgets {

CandidateTableModel::CandidateTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CandidateTableModel::setMetrics(const QStringList& metrics) {
    beginResetModel();
    metrics_ = metrics;
    endResetModel();
}

void CandidateTableModel::append(const Json& record) {
    const int row = static_cast<int>(records_.size());
    beginInsertRows({}, row, row);
    records_.push_back(record);
    endInsertRows();
}

void CandidateTableModel::clear() {
    beginResetModel();
    records_.clear();
    endResetModel();
}

int CandidateTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int CandidateTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(metrics_.size()) + 1;
}

QVariant CandidateTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::TextAlignmentRole)) return {};
    const Json& record = records_.at(static_cast<std::size_t>(index.row()));
    if (index.column() == 0) {
        if (role == Qt::TextAlignmentRole) return {};
        return QString::fromStdString(record.value("genotype", std::string()));
    }
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    const std::string metric = metrics_.at(index.column() - 1).toStdString();
    const Json objectives = record.contains("metrics") ? record["metrics"] : record.value("objectives", Json::object());
    if (!objectives.contains(metric) || !objectives[metric].is_number()) return {};
    const double value = objectives[metric].get<double>();
    if (role == Qt::UserRole) return value; // the proxy sorts numerically on this role
    return QLocale().toString(value, 'g', 6);
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (section == 0) return role == Qt::DisplayRole ? tr("Genotype") : QVariant();
    const std::string metric = metrics_.value(section - 1).toStdString();
    const MetricInfo* info = findMetric(metric);
    if (role == Qt::ToolTipRole && info) return QString::fromStdString(info->description);
    if (role != Qt::DisplayRole) return {};
    if (!info) return QString::fromStdString(metric);
    QString title = QString::fromStdString(info->title);
    if (!info->unit.empty()) title += QStringLiteral(" (%1)").arg(QString::fromStdString(info->unit));
    return title;
}

} // namespace edgesmith::widgets
