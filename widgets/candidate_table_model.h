#pragma once
#include "core/common/json.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace edgesmith::widgets {

// Candidates as table rows: the genotype key, then one column per metric. Rows are
// JSON records in the engine's result format, so the same model serves live runs and
// runs reopened from the store. Sort and filter through a QSortFilterProxyModel.
class CandidateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CandidateTableModel(QObject* parent = nullptr);

    void setMetrics(const QStringList& metrics);
    void append(const Json& record);
    void clear();
    const Json& record(int row) const { return records_.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList metrics_;
    std::vector<Json> records_;
};

} // namespace edgesmith::widgets
