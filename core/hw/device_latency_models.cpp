#include "core/hw/device_latency_models.h"

#include "core/common/atomic_file.h"
#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/hw/device_kit.h"
#include "core/hw/device_measurements.h"
#include "core/common/linear_solve.h"
#include "core/hw/latency_table.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <numeric>
#include <random>

namespace edgesmith {
namespace {

bool tableKind(const std::string& kind) { return kind == "lut" || kind == "kernel"; }

// MACs of each key, to scale the prior of keys the fit saw rarely or never.
std::map<std::string, double> keyMacs(const Architecture& architecture, const std::string& kind) {
    std::map<std::string, double> macs;
    const auto keys = latencyCostKeys(architecture, kind);
    // Keys come per layer in order; an operator's MACs go to its first key (the convolution).
    std::size_t at = 0;
    for (const Layer& layer : architecture.layers) {
        macs[keys[at]] = double(layer.macs);
        at += kind == "lut" ? 1 + std::size_t(layer.batchNorm) + std::size_t(!layer.activation.empty()) : 1;
    }
    return macs;
}

// Least squares of t ≈ b + Σ counts · c, with λ‖c − prior‖² keeping unseen or rarely seen
// entries near their prior; the intercept b (the runtime's fixed cost) is free.
std::pair<double, std::vector<double>> ridgeTowardPrior(const std::vector<std::map<std::size_t, double>>& counts, const std::vector<double>& times,
                                                        const std::vector<double>& prior) {
    const std::size_t width = prior.size() + 1;
    std::vector<std::vector<double>> gram(width, std::vector<double>(width, 0.0));
    std::vector<double> moment(width, 0.0);
    for (std::size_t row = 0; row < counts.size(); ++row) {
        std::vector<std::pair<std::size_t, double>> x{{0, 1.0}};
        for (const auto& [column, count] : counts[row]) x.emplace_back(column + 1, count);
        for (const auto& [i, xi] : x) {
            moment[i] += xi * times[row];
            for (const auto& [j, xj] : x) gram[i][j] += xi * xj;
        }
    }
    // λ worth about two networks' evidence for an average entry: with more networks the
    // data outweigh the prior ever more, so every entry converges to what was measured.
    double diagonal = 0;
    for (std::size_t i = 1; i < width; ++i) diagonal += gram[i][i];
    const double lambda = std::max(1e-9, 2.0 * diagonal / double(std::max<std::size_t>(1, width - 1)) / double(std::max<std::size_t>(1, counts.size())));
    for (std::size_t i = 1; i < width; ++i) {
        gram[i][i] += lambda;
        moment[i] += lambda * prior[i - 1];
    }
    std::vector<double> solution = solveLinearSystem(gram, moment);
    return {solution[0], std::vector<double>(solution.begin() + 1, solution.end())};
}

// The per-layer times a model fitted on `architectures` may know: those of their own
// layers. Scoring on held-out networks then matches a search, whose candidates bring
// configurations the kit never timed.
std::map<std::string, double> priorOf(const std::vector<Architecture>& architectures, const std::map<std::string, double>& layerPrior) {
    std::map<std::string, double> known;
    if (layerPrior.empty()) return known;
    for (const Architecture& architecture : architectures)
        for (const std::string& key : latencyCostKeys(architecture, "kernel"))
            if (const auto found = layerPrior.find(key); found != layerPrior.end()) known.insert(*found);
    return known;
}

double elapsedMicroseconds(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

std::vector<std::string> latencyCostKeys(const Architecture& architecture, const std::string& kind) {
    std::vector<std::string> keys;
    if (kind == "kernel") {
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) keys.push_back(layerConfigurationKey(architecture, index));
        return keys;
    }
    // Each operator apart, as an unfused graph runs it: the layer without its batch norm
    // and activation, then those two keyed by their shape alone.
    Architecture bare = architecture;
    for (Layer& layer : bare.layers) {
        layer.batchNorm = false;
        layer.activation = "";
    }
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        keys.push_back(layerConfigurationKey(bare, index));
        if (layer.batchNorm) keys.push_back("batch_norm " + layer.output.text());
        if (!layer.activation.empty()) keys.push_back("activation " + std::string(layer.activation) + " " + layer.output.text());
    }
    return keys;
}

const std::vector<std::string>& DeviceLatencyModel::kinds() {
    static const std::vector<std::string> names = {"macs", "lut", "kernel", "boosted"};
    return names;
}

DeviceLatencyModel::DeviceLatencyModel(std::string kind) : kind_(std::move(kind)) {
    if (std::find(kinds().begin(), kinds().end(), kind_) == kinds().end())
        throw Error("device latency model", "kind", "must be one of macs, lut, kernel, boosted, got \"" + kind_ + "\"");
}

void DeviceLatencyModel::fit(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds,
                             const std::map<std::string, double>& layerPrior) {
    if (architectures.size() < 4 || architectures.size() != milliseconds.size())
        throw Error("device latency model", "networks", "needs at least 4 measured networks, got " + std::to_string(architectures.size()));
    std::vector<std::vector<double>> features;
    for (const Architecture& architecture : architectures) features.push_back(latencyFeatures(architecture));
    // The table kinds' prior per MAC: the slope of t = a + b·MACs, so that the runtime's
    // fixed cost (a, the intercept) is not spread over the layers; the mean ratio when the
    // slope is not positive.
    std::vector<double> total(architectures.size());
    double meanMacs = 0, meanTime = 0;
    for (std::size_t index = 0; index < architectures.size(); ++index) {
        for (const Layer& layer : architectures[index].layers) total[index] += double(layer.macs);
        meanMacs += total[index] / double(architectures.size());
        meanTime += milliseconds[index] / double(architectures.size());
    }
    double covariance = 0, variance = 0;
    for (std::size_t index = 0; index < architectures.size(); ++index) {
        covariance += (total[index] - meanMacs) * (milliseconds[index] - meanTime);
        variance += (total[index] - meanMacs) * (total[index] - meanMacs);
    }
    msPerMac_ = variance > 0 && covariance > 0 ? covariance / variance : meanMacs > 0 ? meanTime / meanMacs : 0;
    if (kind_ == "macs" || kind_ == "boosted") {
        regressor_.emplace(kind_);
        regressor_->fit(features, milliseconds);
        return;
    }
    keyMacs_.clear();
    for (const Architecture& architecture : architectures)
        for (const auto& [key, value] : keyMacs(architecture, kind_)) keyMacs_[key] = value;
    layerPrior_.clear();
    if (kind_ == "kernel" && !layerPrior.empty()) calibrateLayerPrior(architectures, milliseconds, layerPrior);
    std::map<std::string, std::size_t> column;
    std::vector<std::map<std::size_t, double>> counts(architectures.size());
    for (std::size_t row = 0; row < architectures.size(); ++row) {
        for (const std::string& key : latencyCostKeys(architectures[row], kind_)) {
            const auto [entry, added] = column.try_emplace(key, column.size());
            counts[row][entry->second] += 1.0;
        }
    }
    std::vector<double> prior(column.size());
    for (const auto& [key, index] : column) prior[index] = priorCost(key);
    const auto [intercept, costs] = ridgeTowardPrior(counts, milliseconds, prior);
    intercept_ = intercept;
    costs_.clear();
    for (const auto& [key, index] : column) costs_[key] = costs[index];
}

// Layers timed alone each pay a run's fixed cost and miss the fusions a whole network
// gets, so their sum overshoots a network's time several times over. The per-layer times
// are scaled by the factor s of t ≈ b + s · Σ layer times over the measured networks (the
// correction of a lookup table, survey eq. 22) before they serve as the prior.
void DeviceLatencyModel::calibrateLayerPrior(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds,
                                             const std::map<std::string, double>& layerPrior) {
    std::vector<double> sums;
    for (const Architecture& architecture : architectures) {
        double sum = 0;
        for (const std::string& key : latencyCostKeys(architecture, kind_)) {
            const auto found = layerPrior.find(key);
            sum += found != layerPrior.end() ? found->second : keyMacs_.count(key) ? keyMacs_.at(key) * msPerMac_ : 0.0;
        }
        sums.push_back(sum);
    }
    const double meanSum = std::accumulate(sums.begin(), sums.end(), 0.0) / double(sums.size());
    const double meanTime = std::accumulate(milliseconds.begin(), milliseconds.end(), 0.0) / double(milliseconds.size());
    double covariance = 0, variance = 0;
    for (std::size_t index = 0; index < sums.size(); ++index) {
        covariance += (sums[index] - meanSum) * (milliseconds[index] - meanTime);
        variance += (sums[index] - meanSum) * (sums[index] - meanSum);
    }
    const double scale = variance > 0 ? covariance / variance : 0.0;
    if (!(scale > 0)) return; // the layer times say nothing about the networks': keep the MACs prior
    for (const auto& [key, time] : layerPrior) layerPrior_[key] = scale * time;
}

double DeviceLatencyModel::priorCost(const std::string& key) const {
    if (const auto measured = layerPrior_.find(key); measured != layerPrior_.end()) return measured->second;
    const auto macs = keyMacs_.find(key);
    return macs == keyMacs_.end() ? 0.0 : macs->second * msPerMac_;
}

double DeviceLatencyModel::predict(const Architecture& architecture) const {
    if (regressor_) return std::max(0.0, regressor_->predict(architecture));
    double time = intercept_;
    std::map<std::string, double> unseen; // a key the fit never saw costs its prior
    for (const std::string& key : latencyCostKeys(architecture, kind_)) {
        const auto found = costs_.find(key);
        if (found != costs_.end()) {
            time += found->second;
            continue;
        }
        if (unseen.empty()) unseen = keyMacs(architecture, kind_);
        const auto macs = unseen.find(key);
        time += layerPrior_.count(key) ? layerPrior_.at(key) : (macs == unseen.end() ? 0.0 : macs->second * msPerMac_);
    }
    return std::max(0.0, time);
}

Json DeviceLatencyModel::toJson() const {
    Json document = {{"format", "edgesmith-device-latency-model"}, {"kind", kind_}, {"intercept_ms", intercept_}, {"ms_per_mac", msPerMac_}};
    if (regressor_) document["regressor"] = regressor_->toJson();
    if (tableKind(kind_)) {
        document["costs_ms"] = costs_;
        document["key_macs"] = keyMacs_;
        document["layer_prior_ms"] = layerPrior_;
    }
    return document;
}

DeviceLatencyModel DeviceLatencyModel::fromJson(const Json& document, const std::string& file) {
    try {
        if (document.value("format", "") != "edgesmith-device-latency-model") throw Error(file, "format", "not a device latency model");
        DeviceLatencyModel model(document.at("kind").get<std::string>());
        model.intercept_ = document.value("intercept_ms", 0.0);
        model.msPerMac_ = document.value("ms_per_mac", 0.0);
        if (document.contains("regressor")) model.regressor_ = LatencyPredictor::fromJson(document.at("regressor"), file);
        if (tableKind(model.kind_)) {
            model.costs_ = document.at("costs_ms").get<std::map<std::string, double>>();
            model.keyMacs_ = document.value("key_macs", Json::object()).get<std::map<std::string, double>>();
            model.layerPrior_ = document.value("layer_prior_ms", Json::object()).get<std::map<std::string, double>>();
        } else if (!model.regressor_) {
            throw Error(file, "regressor", "missing");
        }
        return model;
    } catch (const Json::exception& error) {
        throw Error(file, "", std::string("not a device latency model: ") + error.what());
    }
}

std::vector<std::size_t> mostUncertain(const std::vector<Architecture>& measured, const std::vector<double>& milliseconds,
                                       const std::vector<Architecture>& candidates, std::size_t count, const std::string& kind, std::uint64_t seed,
                                       const std::map<std::string, double>& layerPrior, int ensemble) {
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, measured.size() - 1);
    std::vector<std::vector<double>> predictions(candidates.size());
    for (int member = 0; member < ensemble; ++member) {
        std::vector<Architecture> architectures;
        std::vector<double> times;
        for (std::size_t draw = 0; draw < measured.size(); ++draw) {
            const std::size_t index = pick(random);
            architectures.push_back(measured[index]);
            times.push_back(milliseconds[index]);
        }
        DeviceLatencyModel model(kind);
        model.fit(architectures, times, layerPrior);
        for (std::size_t index = 0; index < candidates.size(); ++index) predictions[index].push_back(model.predict(candidates[index]));
    }
    std::vector<std::pair<double, std::size_t>> spread;
    for (std::size_t index = 0; index < candidates.size(); ++index) {
        const auto& values = predictions[index];
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
        double variance = 0;
        for (double value : values) variance += (value - mean) * (value - mean) / double(values.size());
        spread.emplace_back(mean > 0 ? std::sqrt(variance) / mean : 0.0, index);
    }
    std::sort(spread.begin(), spread.end(), std::greater<>());
    std::vector<std::size_t> chosen;
    for (std::size_t rank = 0; rank < std::min(count, spread.size()); ++rank) chosen.push_back(spread[rank].second);
    return chosen;
}

std::filesystem::path keepDeviceLatencyModel(const std::filesystem::path& projectFile, const std::string& profile, const std::string& spaceFingerprint,
                                             const DeviceLatencyModel& model, const DeviceModelReport& report, std::size_t networks, std::size_t layers) {
    const auto file = deviceLatencyModelFile(projectFile, profile);
    const Json document = {{"format", "edgesmith-device-latency-fit"}, {"profile", profile}, {"fitted_at", utcNow()},
                           {"space_fingerprint", spaceFingerprint}, {"networks", networks}, {"layers", layers},
                           {"report", report.toJson()}, {"model", model.toJson()}};
    std::filesystem::create_directories(file.parent_path());
    writeFileAtomically(file, document.dump(1) + "\n");
    return file;
}

DeviceTrainingSet deviceTrainingSet(const SearchSpace& space, const std::string& spaceFingerprint, const std::filesystem::path& projectFile,
                                    const std::string& profile) {
    const LatestMeasurements latest = latestMeasurements(loadDeviceMeasurements(projectFile, profile), spaceFingerprint);
    DeviceTrainingSet set;
    for (const auto& [key, row] : latest.networks) {
        set.genotypes.push_back(space.canonical(space.parseKey(key)));
        set.architectures.push_back(space.derive(set.genotypes.back(), false));
        set.milliseconds.push_back(row.medianMs);
    }
    for (const auto& [key, row] : latest.layers) set.layerPrior[key] = row.medianMs;
    set.unstable = latest.unstable;
    set.otherSpaces = latest.otherSpaces;
    return set;
}

std::vector<Genotype> nextDeviceKitArchitectures(const SearchSpace& space, const DeviceTrainingSet& measured, const std::filesystem::path& projectFile,
                                                 const std::string& profile, int count, std::uint64_t seed) {
    std::string kind = "kernel";
    try { // the kind of the kept model, when there is a readable one
        const auto file = deviceLatencyModelFile(projectFile, profile);
        if (std::filesystem::exists(file)) kind = Json::parse(readFile(file)).value("model", Json::object()).value("kind", kind);
    } catch (const std::exception&) {
    }
    if (std::find(DeviceLatencyModel::kinds().begin(), DeviceLatencyModel::kinds().end(), kind) == DeviceLatencyModel::kinds().end()) kind = "kernel";
    const auto pool = chooseKitArchitectures(space, count * 20, "random", seed, measured.genotypes);
    std::vector<Architecture> candidates;
    for (const Genotype& genotype : pool) candidates.push_back(space.derive(genotype, false));
    std::vector<Genotype> chosen;
    for (std::size_t index :
         mostUncertain(measured.architectures, measured.milliseconds, candidates, static_cast<std::size_t>(count), kind, seed, measured.layerPrior))
        chosen.push_back(pool[index]);
    return chosen;
}

Json DeviceModelReport::toJson() const {
    Json scoresJson = Json::array(), curveJson = Json::array();
    for (const auto& score : scores)
        scoresJson.push_back({{"kind", score.kind}, {"accuracy", score.accuracy.toJson()}, {"us_per_prediction", score.microsecondsPerPrediction}});
    for (const auto& point : curve) {
        Json byKind = Json::object();
        for (const auto& [kind, accuracy] : point.byKind) byKind[kind] = accuracy.toJson();
        curveJson.push_back({{"networks", point.networks}, {"accuracy", byKind}});
    }
    return {{"networks", networks}, {"folds", folds}, {"chosen", chosen}, {"scores", scoresJson}, {"learning_curve", curveJson}};
}

DeviceModelReport evaluateDeviceModels(const std::vector<Architecture>& architectures, const std::vector<double>& milliseconds, std::uint64_t seed,
                                       const std::map<std::string, double>& layerPrior) {
    const std::size_t count = architectures.size();
    if (count < 5) throw Error("device latency models", "networks", "cross-validation needs at least 5 measured networks, got " + std::to_string(count));
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const auto subset = [&](const std::vector<std::size_t>& indices) {
        std::pair<std::vector<Architecture>, std::vector<double>> data;
        for (std::size_t index : indices) data.first.push_back(architectures[index]), data.second.push_back(milliseconds[index]);
        return data;
    };
    DeviceModelReport report;
    report.networks = static_cast<int>(count);
    report.folds = static_cast<int>(std::min<std::size_t>(5, count));
    for (const std::string& kind : DeviceLatencyModel::kinds()) {
        std::vector<double> predicted, measured;
        double micros = 0;
        for (int fold = 0; fold < report.folds; ++fold) {
            std::vector<std::size_t> train, test;
            for (std::size_t position = 0; position < count; ++position)
                (int(position % std::size_t(report.folds)) == fold ? test : train).push_back(order[position]);
            const auto [trainArchitectures, trainTimes] = subset(train);
            DeviceLatencyModel model(kind);
            model.fit(trainArchitectures, trainTimes, priorOf(trainArchitectures, layerPrior));
            const auto start = std::chrono::steady_clock::now();
            for (std::size_t index : test) predicted.push_back(model.predict(architectures[index]));
            micros += elapsedMicroseconds(start);
            for (std::size_t index : test) measured.push_back(milliseconds[index]);
        }
        report.scores.push_back({kind, assessLatency(predicted, measured), micros / double(count)});
    }
    report.chosen = std::min_element(report.scores.begin(), report.scores.end(), [](const auto& a, const auto& b) {
                        return a.accuracy.rmseMs < b.accuracy.rmseMs;
                    })->kind;
    // The learning curve: a fixed fifth held out, fits on growing shares of the rest.
    const std::size_t held = std::max<std::size_t>(2, count / 5);
    const std::vector<std::size_t> test(order.begin(), order.begin() + static_cast<long>(held));
    const std::vector<std::size_t> pool(order.begin() + static_cast<long>(held), order.end());
    std::vector<double> measured;
    for (std::size_t index : test) measured.push_back(milliseconds[index]);
    for (std::size_t size : {10, 25, 50, 100, 200, 500, 1000, 2000}) {
        const std::size_t used = std::min(size, pool.size());
        if (used < 4 || (!report.curve.empty() && report.curve.back().networks == int(used))) break;
        const auto [trainArchitectures, trainTimes] = subset(std::vector<std::size_t>(pool.begin(), pool.begin() + static_cast<long>(used)));
        LearningPoint point;
        point.networks = static_cast<int>(used);
        const auto known = priorOf(trainArchitectures, layerPrior);
        for (const std::string& kind : DeviceLatencyModel::kinds()) {
            DeviceLatencyModel model(kind);
            model.fit(trainArchitectures, trainTimes, known);
            std::vector<double> predicted;
            for (std::size_t index : test) predicted.push_back(model.predict(architectures[index]));
            point.byKind[kind] = assessLatency(predicted, measured);
        }
        report.curve.push_back(std::move(point));
        if (used == pool.size()) break;
    }
    return report;
}

} // namespace edgesmith
