#include "core/hw/latency_study.h"

#include "core/hw/device_profile.h"
#include "core/hw/latency_table.h"
#include "core/hw/roofline.h"
#include "core/nn/network.h"
#include "core/space/space.h"

#include <algorithm>
#include <chrono>
#include <random>

namespace edgesmith {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Times `predict` over every held-out architecture, repeated until the total is
// measurable; returns µs per prediction.
template <typename Predict>
double timePredictions(const std::vector<Architecture>& architectures, std::vector<double>& out, Predict predict) {
    out.clear();
    for (const Architecture& architecture : architectures) out.push_back(predict(architecture));
    int rounds = 0;
    const auto start = Clock::now();
    volatile double sink = 0;
    do {
        for (const Architecture& architecture : architectures) sink = sink + predict(architecture);
        ++rounds;
    } while (secondsSince(start) < 0.05);
    return secondsSince(start) * 1e6 / double(rounds * std::max<std::size_t>(1, architectures.size()));
}

} // namespace

Json LatencyStudy::toJson() const {
    Json models = Json::array();
    for (const LatencyModelScore& score : scores) {
        Json item = score.accuracy.toJson();
        item["model"] = score.model;
        item["us_per_prediction"] = score.microsecondsPerPrediction;
        models.push_back(item);
    }
    return {{"train", trainCount},           {"test", testCount},   {"table_entries", tableEntries},
            {"ms_per_measurement", measurementMs}, {"table_build_s", tableBuildSeconds}, {"models", models}};
}

LatencyStudy runLatencyStudy(const SearchSpace& space, const DeviceProfile& hostProfile, const LatencyStudyOptions& options,
                             const std::function<void(const std::string&)>& progress) {
    const auto say = [&](const std::string& line) {
        if (progress) progress(line);
    };
    std::mt19937_64 random(options.seed);
    std::vector<Architecture> architectures;
    std::vector<std::string> keys;
    // Distinct architectures: a repeat in both parts would flatter every model.
    for (int attempt = 0; attempt < options.samples * 20 && int(architectures.size()) < options.samples; ++attempt) {
        const Genotype genotype = space.canonical(space.sample(random));
        const std::string key = space.key(genotype);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        architectures.push_back(space.derive(genotype, false));
    }
    LatencyStudy study;
    // Interleaved rounds: this machine's speed drifts over seconds (a shared host), so
    // each architecture is timed in several rounds spread over the whole measurement and
    // the median of its rounds is kept; the even and odd rounds apart give the noise floor.
    const int rounds = std::max(2, options.rounds);
    LatencyOptions perRound = options.latency;
    perRound.runs = std::max(3, options.latency.runs / rounds);
    perRound.warmup = std::max(2, options.latency.warmup / rounds);
    std::vector<Network> networks;
    for (const Architecture& architecture : architectures) networks.emplace_back(architecture);
    std::vector<std::vector<double>> timings(architectures.size());
    const auto measureStart = Clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t index = 0; index < architectures.size(); ++index) timings[index].push_back(measureLatency(networks[index], perRound).medianMs);
        say("timed round " + std::to_string(round + 1) + " / " + std::to_string(rounds) + " of " + std::to_string(architectures.size()) + " architectures");
    }
    study.measurementMs = secondsSince(measureStart) * 1e3 / double(std::max<std::size_t>(1, architectures.size()));
    const auto median = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        const std::size_t middle = values.size() / 2;
        return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
    };
    std::vector<double> measured, evenRounds, oddRounds;
    for (const auto& values : timings) {
        measured.push_back(median(values));
        std::vector<double> even, odd;
        for (std::size_t round = 0; round < values.size(); ++round) (round % 2 ? odd : even).push_back(values[round]);
        evenRounds.push_back(median(even));
        oddRounds.push_back(median(odd));
    }
    networks.clear();

    const auto trainCount = static_cast<std::size_t>(std::max(4.0, options.trainFraction * double(architectures.size())));
    const std::vector<Architecture> train(architectures.begin(), architectures.begin() + long(std::min(trainCount, architectures.size())));
    const std::vector<Architecture> test(architectures.begin() + long(train.size()), architectures.end());
    const std::vector<double> trainMs(measured.begin(), measured.begin() + long(train.size()));
    study.measuredMs.assign(measured.begin() + long(train.size()), measured.end());
    study.trainCount = static_cast<int>(train.size());
    study.testCount = static_cast<int>(test.size());

    const auto score = [&](const std::string& name, auto predict) {
        std::vector<double> predicted;
        LatencyModelScore result;
        result.model = name;
        result.microsecondsPerPrediction = timePredictions(test, predicted, predict);
        result.accuracy = assessLatency(predicted, study.measuredMs);
        study.scores.push_back(result);
    };

    std::vector<std::vector<double>> trainFeatures;
    for (const Architecture& architecture : train) trainFeatures.push_back(latencyFeatures(architecture));
    for (const std::string& kind : LatencyPredictor::kinds()) {
        LatencyPredictor predictor(kind);
        predictor.fit(trainFeatures, trainMs);
        score(kind, [&](const Architecture& architecture) { return predictor.predict(architecture); });
    }

    say("profiling the layer configurations of every architecture for the lookup table");
    const auto tableStart = Clock::now();
    LatencyTable table(options.latency);
    for (const Architecture& architecture : architectures) table.profile(architecture);
    study.tableBuildSeconds = secondsSince(tableStart);
    study.tableEntries = table.size();
    score("lut-uncorrected", [&](const Architecture& architecture) { return table.predict(architecture); });
    std::vector<double> sums;
    for (const Architecture& architecture : train) sums.push_back(table.sum(architecture));
    table.calibrate(sums, trainMs);
    score("lut", [&](const Architecture& architecture) { return table.predict(architecture); });

    score("simulator", [&](const Architecture& architecture) { return simulate(architecture, hostProfile).latencyMs; });

    // The noise floor: half the rounds against the other half. No model can agree with a
    // measurement much better than a second measurement of the same networks does.
    LatencyModelScore floor;
    floor.model = "re-measurement";
    floor.accuracy = assessLatency(std::vector<double>(evenRounds.begin() + long(train.size()), evenRounds.end()),
                                   std::vector<double>(oddRounds.begin() + long(train.size()), oddRounds.end()));
    floor.microsecondsPerPrediction = study.measurementMs * 1e3;
    study.scores.push_back(floor);
    return study;
}

} // namespace edgesmith
