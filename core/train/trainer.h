#pragma once
// Training and evaluation of a Network on in-memory splits: SGD with momentum, Adam or
// AdamW; constant, cosine or step schedules with linear warm-up; weight decay, label
// smoothing, gradient clipping; early stopping on validation; seeded and deterministic
// on CPU; progress every N batches and a cancellation flag checked before every batch.
#include "core/common/json.h"
#include "core/common/measurement_gate.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace edgesmith {

struct TrainingOptions {
    int epochs = 2;
    int batchSize = 128;
    std::string optimizer = "adamw"; // sgd, adam, adamw
    double learningRate = 0.002;
    double momentum = 0.9;
    double weightDecay = 5e-4;
    std::string schedule = "cosine"; // constant, cosine, step
    double warmupEpochs = 0;
    double labelSmoothing = 0;
    double gradientClip = 0;
    double subset = 1.0;             // proxy: fraction of the training split
    bool horizontalFlip = false;     // augmentation: mirror half of each batch
    int cropPadding = 0;             // augmentation: pad by this many pixels, crop back at a random offset
    int earlyStoppingPatience = 0;   // 0: off
    std::uint64_t seed = 0;
    int threads = 0;                 // 0: every core
    std::string device = "cpu";
    int progressEvery = 50;          // batches between progress events
    std::string checkpoint;          // file for the best weights; empty: none
    // Knowledge distillation (survey eq. 27): with a teacher, the loss is
    // (1 − α)·CE(student, labels) + α·T²·KL(softmax(teacher/T) ‖ softmax(student/T)).
    // The teacher runs in inference mode on the same (augmented) batches.
    Network* teacher = nullptr;
    double distillationWeight = 0.5; // α
    double temperature = 4.0;        // T
    // Passed for each batch, so a latency measurement on another worker never times a
    // network while this one trains on the same cores.
    MeasurementGate* gate = nullptr;

    // From an estimator's params (the project schema's names); missing keys keep defaults.
    static TrainingOptions fromJson(const Json& params);
    // The project's dataset.augment object (missing keys keep the options as they are).
    void applyAugmentation(const Json& augment);
    // "2 epochs, 20 % of the training split": which proxy produced a number.
    std::string proxyDescription() const;
};

struct Progress {
    int epoch = 0, epochs = 0;
    std::int64_t batch = 0, batches = 0;
    double loss = 0, accuracy = 0; // running, over the epoch so far
    double samplesPerSecond = 0;
    double etaSeconds = 0;
    bool epochEnd = false;
    double validationAccuracy = -1; // at epoch ends
};

struct Evaluation {
    double top1 = 0, top5 = 0, loss = 0; // accuracies in %
    std::vector<double> perClassAccuracy;
    std::vector<std::vector<std::int64_t>> confusion; // [true][predicted]
    Json toJson() const;
};

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0, trainAccuracy = 0, validationAccuracy = 0, learningRate = 0, seconds = 0;
    double trainingSeconds = 0; // the batches only, without the validation pass
};

struct TrainingResult {
    std::vector<EpochRecord> history;
    Evaluation validation; // of the best epoch's weights
    int bestEpoch = 0;
    double seconds = 0;
    double samplesPerSecond = 0;         // over the whole run, validation included
    double trainingSamplesPerSecond = 0; // over the training batches only
    bool cancelled = false;
    bool stoppedEarly = false;
    std::string proxy;
    Json toJson() const;
};

using ProgressSink = std::function<void(const Progress&)>;

TrainingResult train(Network& network, const Splits& splits, const TrainingOptions& options,
                     const ProgressSink& onProgress = {}, const std::atomic<bool>* cancel = nullptr);
// train(), for callers that stop as a whole when cancelled: a cancelled run throws
// Cancelled (core/common/error.h) instead of returning.
TrainingResult trainUnlessCancelled(Network& network, const Splits& splits, const TrainingOptions& options,
                                    const std::atomic<bool>* cancel, const ProgressSink& onProgress = {});

// Top-1 / top-5, loss, per-class accuracy and confusion matrix of `data`, normalised
// with the training split's statistics.
// Re-estimates every batch norm's running mean and variance from `batches` batches of
// `data` (training-mode statistics, no weight change): after pruning or weight sharing
// the stored statistics no longer describe the layer's inputs.
void recalibrateBatchNorm(Network& network, const Dataset& data, const Splits& statistics, int batches = 20, int batchSize = 128);

Evaluation evaluate(Network& network, const Dataset& data, const Splits& normalisation, int batchSize = 256);

} // namespace edgesmith
