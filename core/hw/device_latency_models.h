#pragma once
// Latency models fitted to one device's own measurements (issue 13; survey III-C2): whole
// networks timed on the device with a measurement kit, and models that predict the time
// of any architecture of the space from them. Four kinds, compared by cross-validation:
//   macs    — a + b·MACs, the baseline;
//   lut     — an additive cost per ONNX operator (a convolution, its batch norm and its
//             activation apart), fitted from whole-network times by least squares over
//             how often each operator occurs;
//   kernel  — the same per fused kernel: convolution + batch norm + activation as one, as
//             runtimes run them;
//   boosted — ridge plus gradient-boosted trees on architecture features.
// The table kinds are regularised toward a prior (the per-layer times the kit measured
// when there are any, else the MACs baseline's share), so they work with fewer networks
// than table entries and give new entries a sensible cost.
#include "core/common/json.h"
#include "core/hw/latency_predictor.h"
#include "core/space/architecture.h"
#include "core/space/space.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace edgesmith {

// The keys whose costs add up to a network's time under a table kind ("lut": one per
// operator; "kernel": one per fused kernel, the layer configuration).
std::vector<std::string> latencyCostKeys(const Architecture& architecture, const std::string& kind);

class DeviceLatencyModel {
public:
    static const std::vector<std::string>& kinds(); // macs, lut, kernel, boosted
    explicit DeviceLatencyModel(std::string kind = "kernel"); // throws Error naming "kind"

    // `layerPrior`: measured milliseconds by layer configuration (the kit's per-layer
    // models), used by "kernel". Throws Error with fewer than 4 networks.
    void fit(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds,
             const std::map<std::string, double>& layerPrior = {});
    double predict(const Architecture& architecture) const;

    const std::string& kind() const { return kind_; }
    // The table kinds' fitted costs by key, ms.
    const std::map<std::string, double>& costs() const { return costs_; }
    double intercept() const { return intercept_; }

    Json toJson() const;
    static DeviceLatencyModel fromJson(const Json& document, const std::string& file); // throws Error naming the field

private:
    double priorCost(const std::string& key) const;
    void calibrateLayerPrior(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds,
                             const std::map<std::string, double>& layerPrior);

    std::string kind_;
    double intercept_ = 0, msPerMac_ = 0;
    std::map<std::string, double> costs_, keyMacs_, layerPrior_;
    std::optional<LatencyPredictor> regressor_; // macs, boosted
};

struct DeviceModelScore {
    std::string kind;
    LatencyAccuracy accuracy; // over the held-out folds together
    double microsecondsPerPrediction = 0;
};

struct LearningPoint {
    int networks = 0;                     // fitted on
    std::map<std::string, LatencyAccuracy> byKind; // on the same held-out networks
};

struct DeviceModelReport {
    int networks = 0, folds = 0;
    std::vector<DeviceModelScore> scores;
    std::string chosen; // lowest cross-validated RMSE
    std::vector<LearningPoint> curve;
    Json toJson() const;
};

// k-fold cross-validation (k = min(5, networks)) of every kind, and a learning curve: a
// fifth of the networks held out, the models fitted on growing shares of the rest.
DeviceModelReport evaluateDeviceModels(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds,
                                       std::uint64_t seed = 0, const std::map<std::string, double>& layerPrior = {});

// Keeps `model` (fitted on `networks` networks and `layers` layer times of `profile`,
// scored by `report`) where a search with "latency_model": "device" reads it, with the
// fingerprint of the space it was fitted to. Returns the file.
std::filesystem::path keepDeviceLatencyModel(const std::filesystem::path& projectFile, const std::string& profile, const std::string& spaceFingerprint,
                                             const DeviceLatencyModel& model, const DeviceModelReport& report, std::size_t networks, std::size_t layers);

// What device-fit and a next round learn from: the latest measurement of each network of
// `profile` (its own name) drawn from the space with `spaceFingerprint`, derived in `space`.
struct DeviceTrainingSet {
    std::vector<Genotype> genotypes;
    std::vector<Architecture> architectures;
    std::vector<double> milliseconds;
    std::map<std::string, double> layerPrior; // the kit's per-layer times
    int unstable = 0, otherSpaces = 0;
};
DeviceTrainingSet deviceTrainingSet(const SearchSpace& space, const std::string& spaceFingerprint, const std::filesystem::path& projectFile,
                                    const std::string& profile);

// A next round of measurement: of 20·count unmeasured architectures, the `count` that the
// kept model's kind (else the kernel table), fitted on bootstrap resamples of `measured`,
// is least sure of.
std::vector<Genotype> nextDeviceKitArchitectures(const SearchSpace& space, const DeviceTrainingSet& measured, const std::filesystem::path& projectFile,
                                                 const std::string& profile, int count, std::uint64_t seed);

// Active measurement: the indices of the `count` `candidates` whose latency models of
// `kind`, fitted on `ensemble` bootstrap resamples of the measured networks, disagree on
// most (spread relative to the mean): measuring those next teaches the model most.
std::vector<std::size_t> mostUncertain(const std::vector<Architecture>& measured, const std::vector<double>& milliseconds,
                                       const std::vector<Architecture>& candidates, std::size_t count, const std::string& kind, std::uint64_t seed,
                                       const std::map<std::string, double>& layerPrior = {}, int ensemble = 8);

} // namespace edgesmith
