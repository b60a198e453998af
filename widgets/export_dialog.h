#pragma once
// "Export…" on a candidate (right-click in the Pareto plot or the candidate table, or
// Run → Export Selected Candidate…): the format, the file, the format's options, and a
// summary of what will be written and done (a first export trains the candidate). job()
// is what core/engine/export_job runs.
#include "core/common/json.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace edgesmith::widgets {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `plan` describes what a job would do (core's exportPlan); `folder` is where files go
    // by default.
    ExportDialog(const QString& key, qint64 run, qint64 candidate, const QString& folder, std::function<QString(const Json&)> plan,
                 QWidget* parent = nullptr);

    // ExportJob::toJson().
    Json job() const;

    QComboBox* formatChoice() const { return format_; }
    QLineEdit* outputEdit() const { return output_; }
    QLabel* summaryLabel() const { return summary_; }

private:
    void formatChanged();
    void updateSummary();
    void browse();

    qint64 run_, candidate_;
    std::function<QString(const Json&)> plan_;
    QComboBox* format_;
    QLineEdit* output_;
    QPushButton* browse_;
    QCheckBox* dynamicBatch_;
    QLineEdit* cPrefix_;
    QSpinBox* trainingEpochs_;
    QCheckBox* retrain_;
    QLabel* summary_;
    QPushButton* exportButton_;
};

} // namespace edgesmith::widgets
