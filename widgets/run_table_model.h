#pragma once
#include "core/store/store.h"

#include <QAbstractTableModel>

#include <vector>

namespace edgesmith::widgets {

// The runs of a project's experiment database, newest first: number, strategy,
// estimator, status, candidates, evaluation time and start time.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Strategy, Estimator, Status, Candidates, Seconds, Started, ColumnCount };

    explicit RunTableModel(QObject* parent = nullptr);
    void setRuns(std::vector<RunInfo> runs);
    const RunInfo& run(int row) const { return runs_.at(static_cast<std::size_t>(row)); }
    const std::vector<RunInfo>& runs() const { return runs_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<RunInfo> runs_;
};

} // namespace edgesmith::widgets
