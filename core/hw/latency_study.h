#pragma once
// How far each latency model can be trusted on this host (issue goals, survey VI-C):
// samples architectures of a space, times each one whole, builds the lookup table from
// their layers, fits the predictors on a training part and scores every model on the
// held-out rest against measurement: RMSE, share within ±5 / ±10 %, Spearman, Kendall,
// and the time one prediction takes against one measurement.
#include "core/hw/latency.h"
#include "core/hw/latency_predictor.h"

#include <functional>
#include <string>
#include <vector>

namespace edgesmith {

class SearchSpace;
struct DeviceProfile;

struct LatencyStudyOptions {
    int samples = 200;
    double trainFraction = 0.5; // predictors and the table's correction learn from this part
    std::uint64_t seed = 0;
    int rounds = 4;             // interleaved timing rounds per architecture
    LatencyOptions latency;     // runs and warm-up are shared out over the rounds
};

struct LatencyModelScore {
    std::string model; // macs, linear, boosted, lut, lut-uncorrected, simulator
    LatencyAccuracy accuracy;
    double microsecondsPerPrediction = 0;
};

struct LatencyStudy {
    int trainCount = 0, testCount = 0;
    std::size_t tableEntries = 0;
    double measurementMs = 0;        // mean wall time of one measurement (warm-up and runs)
    double tableBuildSeconds = 0;
    std::vector<LatencyModelScore> scores;
    std::vector<double> measuredMs;  // held-out architectures
    Json toJson() const;
};

LatencyStudy runLatencyStudy(const SearchSpace& space, const DeviceProfile& hostProfile, const LatencyStudyOptions& options,
                             const std::function<void(const std::string&)>& progress = {});

} // namespace edgesmith
