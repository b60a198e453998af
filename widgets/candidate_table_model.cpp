#include "widgets/candidate_table_model.h"

#include "core/project/catalog.h"
#include "widgets/metric_labels.h"

#include <QColor>
#include <QLocale>

namespace edgesmith::widgets {
namespace {

const Json& metricsOf(const Json& record) {
    static const Json empty = Json::object();
    if (record.contains("metrics") && record["metrics"].is_object()) return record["metrics"];
    if (record.contains("objectives") && record["objectives"].is_object()) return record["objectives"];
    return empty;
}

QString csvField(QString text) {
    if (text.contains(',') || text.contains('"') || text.contains('\n')) text = '"' + text.replace('"', QStringLiteral("\"\"")) + '"';
    return text;
}

} // namespace

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
    rows_.insert(QString::fromStdString(record.value("genotype", std::string())), row);
    endInsertRows();
}

void CandidateTableModel::clear() {
    beginResetModel();
    records_.clear();
    rows_.clear();
    front_.clear();
    endResetModel();
}

void CandidateTableModel::setFrontKeys(const QStringList& keys) {
    QSet<QString> front(keys.begin(), keys.end());
    if (front == front_) return;
    front_ = std::move(front);
    if (!records_.empty()) Q_EMIT dataChanged(index(0, Front), index(rowCount() - 1, Front));
}

bool CandidateTableModel::onFront(int row) const {
    return front_.contains(QString::fromStdString(record(row).value("genotype", std::string())));
}

int CandidateTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int CandidateTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : generationColumn() + 2;
}

QVariant CandidateTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Json& record = records_.at(static_cast<std::size_t>(index.row()));
    const int column = index.column();
    if (column == Genotype || column == Status) {
        if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole) return {};
        const std::string status = record.value("status", std::string());
        if (role == Qt::ForegroundRole)
            return status == "evaluated" ? QVariant() : QVariant(QColor(status == "failed" ? QColor(200, 40, 40) : QColor(140, 140, 140)));
        if (column == Genotype) return QString::fromStdString(record.value("genotype", std::string()));
        if (role == Qt::ToolTipRole) return QString::fromStdString(record.value("message", std::string()));
        return QString::fromStdString(status);
    }
    if (column == Front) {
        const bool member = onFront(index.row());
        if (role == Qt::UserRole) return member ? 1 : 0;
        if (role == Qt::DisplayRole) return member ? QStringLiteral("●") : QString();
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignCenter);
        if (role == Qt::ForegroundRole) return QColor(31, 119, 180);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::TextAlignmentRole) return {};
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    double value = 0;
    if (column == generationColumn()) value = record.value("generation", 0);
    else if (column == generationColumn() + 1) value = record.value("seconds", 0.0);
    else {
        const std::string metric = metrics_.at(column - FirstMetric).toStdString();
        const Json& metrics = metricsOf(record);
        if (!metrics.contains(metric) || !metrics[metric].is_number()) return {};
        value = metrics[metric].get<double>();
    }
    if (role == Qt::UserRole) return value;
    return QLocale().toString(value, 'g', 6);
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        if (section == Front) return tr("On the Pareto front of the project's objectives");
        if (section >= FirstMetric && section < generationColumn())
            if (const MetricInfo* info = findMetric(metrics_.value(section - FirstMetric).toStdString()))
                return QString::fromStdString(info->description);
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    if (section == Genotype) return tr("Genotype");
    if (section == Status) return tr("Status");
    if (section == Front) return tr("Pareto");
    if (section == generationColumn()) return tr("Generation");
    if (section == generationColumn() + 1) return tr("Time (s)");
    return metricTitle(metrics_.value(section - FirstMetric));
}

QString CandidateTableModel::toCsv(const std::vector<int>& rows) const {
    QStringList header{QStringLiteral("genotype"), QStringLiteral("status"), QStringLiteral("pareto")};
    header << metrics_ << QStringLiteral("generation") << QStringLiteral("seconds");
    QString text = header.join(',') + '\n';
    std::vector<int> chosen = rows;
    if (chosen.empty())
        for (int row = 0; row < rowCount(); ++row) chosen.push_back(row);
    for (int row : chosen) {
        const Json& record = this->record(row);
        QStringList fields{csvField(QString::fromStdString(record.value("genotype", std::string()))),
                           QString::fromStdString(record.value("status", std::string())), onFront(row) ? QStringLiteral("1") : QStringLiteral("0")};
        const Json& metrics = metricsOf(record);
        for (const QString& metric : metrics_) {
            const std::string name = metric.toStdString();
            fields << (metrics.contains(name) && metrics[name].is_number() ? QString::number(metrics[name].get<double>(), 'g', 17) : QString());
        }
        fields << QString::number(record.value("generation", 0)) << QString::number(record.value("seconds", 0.0), 'g', 10);
        text += fields.join(',') + '\n';
    }
    return text;
}

CandidateFilterModel::CandidateFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(Qt::UserRole);
}

void CandidateFilterModel::setStatusFilter(const QString& status) {
    status_ = status;
    invalidateFilter();
}

void CandidateFilterModel::setGenotypeFilter(const QString& text) {
    text_ = text;
    invalidateFilter();
}

bool CandidateFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = qobject_cast<const CandidateTableModel*>(sourceModel());
    if (!model) return true;
    const Json& record = model->record(sourceRow);
    if (!text_.isEmpty() && !QString::fromStdString(record.value("genotype", std::string())).contains(text_, Qt::CaseInsensitive)) return false;
    if (status_.isEmpty()) return true;
    if (status_ == QLatin1String("front")) return model->onFront(sourceRow);
    return QString::fromStdString(record.value("status", std::string())) == status_;
}

} // namespace edgesmith::widgets
