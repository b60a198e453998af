#pragma once
#include "core/common/json.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace edgesmith::widgets {

// Candidates as table rows: genotype, status, Pareto membership, one column per metric,
// generation and evaluation time. Rows are JSON records in the engine's result format,
// so the same model serves live runs and runs reopened from the store. Numeric cells
// return their value under Qt::UserRole, which the proxy sorts on.
class CandidateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum FixedColumn { Genotype, Status, Front, FirstMetric };

    explicit CandidateTableModel(QObject* parent = nullptr);

    void setMetrics(const QStringList& metrics);
    void append(const Json& record);
    void clear();
    const Json& record(int row) const { return records_.at(static_cast<std::size_t>(row)); }
    // -1 when no row has that genotype key.
    int rowOf(const QString& key) const { return rows_.value(key, -1); }
    // Genotype keys of the project's Pareto front (all objectives, not just the plot's).
    void setFrontKeys(const QStringList& keys);
    bool onFront(int row) const;

    // The given rows (all when empty) as CSV with a header line, numbers unformatted.
    QString toCsv(const std::vector<int>& rows = {}) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int generationColumn() const { return FirstMetric + static_cast<int>(metrics_.size()); }

    QStringList metrics_;
    std::vector<Json> records_;
    QHash<QString, int> rows_;
    QSet<QString> front_;
};

// Filters candidates by genotype text and by status ("evaluated", "infeasible",
// "failed", or "front" for the Pareto members; empty: all).
class CandidateFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CandidateFilterModel(QObject* parent = nullptr);
    void setStatusFilter(const QString& status);
    void setGenotypeFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString status_, text_;
};

} // namespace edgesmith::widgets
