#include "widgets/run_table_model.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace edgesmith::widgets {

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<RunInfo> runs) {
    beginResetModel();
    runs_ = std::move(runs);
    std::sort(runs_.begin(), runs_.end(), [](const RunInfo& a, const RunInfo& b) { return a.id > b.id; });
    endResetModel();
}

int RunTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(runs_.size()); }
int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const RunInfo& run = runs_.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::ToolTipRole) return run.message.empty() ? QVariant() : QString::fromStdString(run.message);
    if (role == Qt::ForegroundRole && index.column() == Status && run.status == RunStatus::Failed) return QColor(200, 40, 40);
    if (role == Qt::TextAlignmentRole && (index.column() == Number || index.column() == Candidates || index.column() == Seconds))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (index.column()) {
    case Number: return qlonglong(run.id);
    case Strategy: return QString::fromStdString(run.strategy);
    case Estimator: return QString::fromStdString(run.estimator);
    case Status: return QString::fromStdString(toString(run.status));
    case Candidates: return qlonglong(run.candidates);
    case Seconds: return role == Qt::UserRole ? QVariant(run.seconds) : QVariant(QLocale().toString(run.seconds, 'f', 0));
    case Started: return QString::fromStdString(run.startedAt);
    default: return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Number: return tr("Run");
    case Strategy: return tr("Strategy");
    case Estimator: return tr("Estimator");
    case Status: return tr("Status");
    case Candidates: return tr("Candidates");
    case Seconds: return tr("Evaluation (s)");
    case Started: return tr("Started (UTC)");
    default: return {};
    }
}

} // namespace edgesmith::widgets
