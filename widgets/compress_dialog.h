#pragma once
// "Run → Compress Selected Candidate…": how to compress the chosen architecture — a
// searched mixed-precision policy, per-layer pruning rates or low-rank ranks under a
// budget, or the project's compression pipeline — with the strategy, the number of
// policies scored and the fine-tuning of the chosen one. job() is what
// core/engine/compression_job runs.
#include "core/common/json.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace edgesmith::widgets {

class CompressDialog : public QDialog {
    Q_OBJECT
public:
    // `key`: the candidate's genotype key; `pipelineSteps`: the project's pipeline length.
    CompressDialog(const QString& key, int pipelineSteps, QWidget* parent = nullptr);

    // CompressionJob::toJson() without the source (genotype, run, candidate).
    Json job() const;

    QComboBox* methodChoice() const { return method_; }
    QComboBox* strategyChoice() const { return strategy_; }
    QSpinBox* evaluationsBox() const { return evaluations_; }

private:
    void methodChanged();

    QComboBox* method_;
    QComboBox* strategy_;
    QSpinBox* evaluations_;
    QSpinBox* bits_;
    QDoubleSpinBox* macsShare_;
    QSpinBox* trainingEpochs_;
    QSpinBox* fineTuneEpochs_;
    QLabel* note_;
    int pipelineSteps_;
};

} // namespace edgesmith::widgets
