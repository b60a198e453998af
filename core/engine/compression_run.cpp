#include "core/engine/compression_run.h"

#include "core/engine/export_job.h"

#include <cmath>
#include <map>

namespace edgesmith {
namespace {

std::map<std::string, double> metricsOf(const Metrics& metrics, double accuracy) {
    return {{"accuracy", accuracy},
            {"error", 100.0 - accuracy},
            {"macs", double(metrics.macs)},
            {"flops", double(metrics.flops)},
            {"params", double(metrics.params)},
            {"peak_activation_bytes", double(metrics.peakActivationBytes)},
            {"storage_bytes", double(metrics.storageBytes)},
            {"bitops", metrics.bitops}};
}

std::string joined(const std::vector<int>& values) {
    std::string text;
    for (int value : values) text += (text.empty() ? "" : ".") + std::to_string(value);
    return text;
}

} // namespace

Candidate policyCandidate(const Architecture& architecture, const std::string& genotypeKey, const PolicyTrial& trial) {
    Candidate candidate;
    std::vector<int> weights, activations;
    Json layers = layerTable(architecture);
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        if (architecture.layers[index].weightCount == 0) continue;
        const int weight = index < trial.policy.weightBits.size() ? trial.policy.weightBits[index] : 32;
        const int activation = index < trial.policy.activationBits.size() ? trial.policy.activationBits[index] : 32;
        weights.push_back(weight);
        activations.push_back(activation);
        layers[index]["weight_bits"] = weight;
        layers[index]["activation_bits"] = activation;
    }
    candidate.key = genotypeKey + "@w" + joined(weights) + "-a" + joined(activations);
    candidate.number = trial.number;
    candidate.metrics = metricsOf(trial.metrics, trial.accuracy);
    candidate.seconds = trial.seconds;
    candidate.details["layers"] = std::move(layers);
    candidate.details["policy"] = {{"weight_bits", trial.policy.weightBits},
                                   {"activation_bits", trial.policy.activationBits},
                                   {"per_channel", trial.policy.perChannel},
                                   {"calibration", toString(trial.policy.calibration)}};
    return candidate;
}

Candidate prunedCandidate(const std::string& genotypeKey, const PruningResult& pruned, ChannelImportance importance, double rate, double accuracy) {
    Candidate candidate;
    candidate.key = genotypeKey + "@prune-" + toString(importance) + "-" + std::to_string(static_cast<int>(std::lround(100 * rate)));
    candidate.metrics = metricsOf(pruned.after, accuracy);
    Json layers = layerTable(pruned.network.architecture());
    std::map<std::string, double> rates;
    for (const PrunedLayer& layer : pruned.layers) rates[layer.name] = 1.0 - double(layer.kept) / double(layer.channels);
    for (auto& row : layers)
        if (const auto found = rates.find(row.value("name", std::string())); found != rates.end()) row["pruning_rate"] = found->second;
    candidate.details["layers"] = std::move(layers);
    candidate.details["policy"] = {{"method", "prune"}, {"importance", toString(importance)}, {"rate", rate}};
    return candidate;
}

Candidate pruningPolicyCandidate(const Architecture& architecture, const std::string& genotypeKey, const PruningTrial& trial,
                                 ChannelImportance importance) {
    Candidate candidate;
    std::string rates;
    for (const std::string& name : prunableLayers(architecture))
        rates += (rates.empty() ? "" : ".") + std::to_string(static_cast<int>(std::lround(100 * trial.rates.at(name))));
    candidate.key = genotypeKey + "@prune-" + toString(importance) + "-" + rates;
    candidate.number = trial.number;
    candidate.metrics = metricsOf(trial.metrics, trial.accuracy);
    candidate.seconds = trial.seconds;
    Json layers = layerTable(prunedArchitecture(architecture, trial.rates));
    for (auto& row : layers)
        if (const auto found = trial.rates.find(row.value("name", std::string())); found != trial.rates.end()) row["pruning_rate"] = found->second;
    candidate.details["layers"] = std::move(layers);
    candidate.details["policy"] = {{"method", "prune"}, {"importance", toString(importance)}, {"rates", trial.rates}, {"fine_tuned", false}};
    return candidate;
}

Candidate pipelineCandidate(const std::string& genotypeKey, const PipelineResult& result, double accuracy) {
    Candidate candidate;
    candidate.key = genotypeKey + "@pipeline";
    candidate.metrics = metricsOf(result.metrics, accuracy);
    candidate.details["layers"] = result.layers;
    candidate.details["policy"] = {{"method", "pipeline"}, {"steps", result.steps}};
    return candidate;
}

namespace {

// The factorised layer table with each factor's rank, and the policy record.
void describeRanks(Candidate& candidate, const Architecture& factored, const std::vector<LayerRanks>& chosen, const std::string& selection) {
    Json layers = layerTable(factored);
    std::map<std::string, const LayerRanks*> ranks;
    for (const LayerRanks& layer : chosen) ranks[layer.name] = &layer;
    // Every factor of a replaced layer shows the rank it was cut to.
    for (auto& row : layers) {
        std::string name = row.value("name", std::string());
        for (const char* suffix : {".low_rank_in", ".low_rank_core"})
            if (name.size() > std::string(suffix).size() && name.compare(name.size() - std::string(suffix).size(), std::string::npos, suffix) == 0)
                name.resize(name.size() - std::string(suffix).size());
        if (const auto found = ranks.find(name); found != ranks.end()) row["rank"] = std::min(found->second->outputRank, found->second->inputRank);
    }
    Json replaced = Json::array();
    for (const LayerRanks& layer : chosen)
        replaced.push_back({{"name", layer.name}, {"kind", layer.kind}, {"output_rank", layer.outputRank}, {"input_rank", layer.inputRank}});
    candidate.details["layers"] = std::move(layers);
    candidate.details["policy"] = {{"method", "low-rank"}, {"ranks", selection}, {"layers", replaced}};
}

} // namespace

Candidate factorisedCandidate(const std::string& genotypeKey, const FactorisationResult& factorised, double accuracy) {
    Candidate candidate;
    candidate.key = genotypeKey + "@low-rank-evbmf";
    candidate.metrics = metricsOf(factorised.after, accuracy);
    describeRanks(candidate, factorised.network.architecture(), factorised.layers, "evbmf");
    return candidate;
}

Candidate rankPolicyCandidate(const Architecture& architecture, const std::string& genotypeKey, const RankTrial& trial) {
    Candidate candidate;
    std::string ranks;
    for (const LayerRanks& layer : trial.ranks) ranks += (ranks.empty() ? "" : ".") + std::to_string(std::min(layer.outputRank, layer.inputRank));
    candidate.key = genotypeKey + "@low-rank-" + (ranks.empty() ? std::string("none") : ranks);
    candidate.number = trial.number;
    candidate.metrics = metricsOf(trial.metrics, trial.accuracy);
    candidate.seconds = trial.seconds;
    describeRanks(candidate, factorisedArchitecture(architecture, trial.ranks), trial.ranks, "searched");
    return candidate;
}

CompressionRun::CompressionRun(Store& store, const Project& project, const std::string& method, const CompressionSource& source,
                               const Json& settings, std::uint64_t seed)
    : store_(store) {
    Json stored = settings;
    stored["compression"] = {{"method", method},
                             {"genotype", source.genotypeKey},
                             {"source_run", source.run},
                             {"source_candidate", source.candidate},
                             {"weights", source.weights}};
    stored["project_file"] = std::filesystem::absolute(project.file()).string();
    run_ = store.createRun(project.document(), method, "compression", seed, stored);
}

std::int64_t CompressionRun::add(Candidate candidate) {
    candidate.number = ++count_;
    store_.addCandidate(run_, candidate, Json{{"compression", true}});
    return candidate.number;
}

std::int64_t CompressionRun::add(Candidate candidate, Network& network, ModelInfo info) {
    // The model first: a candidate in the store always has its weights kept.
    const std::int64_t number = count_ + 1;
    info.genotype = candidate.key;
    info.source["run"] = run_;
    info.source["candidate"] = number;
    if (info.name.empty()) info.name = "run" + std::to_string(run_) + "-c" + std::to_string(number);
    keepModel(store_.file(), run_, number, network, info);
    return add(std::move(candidate));
}

Candidate importedCandidate(const std::string& key, Network& network, double accuracy) {
    Candidate candidate;
    candidate.key = key;
    const Json document = modelDocument(network, ModelInfo{});
    const Json& metrics = document["metrics"];
    candidate.metrics = {{"accuracy", accuracy},
                         {"error", 100.0 - accuracy},
                         {"macs", metrics["macs"].get<double>()},
                         {"flops", metrics["flops"].get<double>()},
                         {"params", metrics["params"].get<double>()},
                         {"peak_activation_bytes", metrics["peak_activation_bytes"].get<double>()},
                         {"storage_bytes", metrics["storage_bytes"].get<double>()},
                         {"bitops", metrics["bitops"].get<double>()}};
    candidate.details["layers"] = document["layer_table"];
    return candidate;
}

void CompressionRun::finish() { store_.setStatus(run_, RunStatus::Finished); }

void CompressionRun::fail(const std::string& message) { store_.setStatus(run_, RunStatus::Failed, message); }

bool isCompressionRun(const RunInfo& run) { return run.settings.is_object() && run.settings.contains("compression"); }

} // namespace edgesmith
