#include "app/cli/command_line.h"
#include "app/cli/project_candidate.h"

#include "core/common/text.h"
#include "core/compress/low_rank.h"
#include "core/engine/compression_run.h"
#include "core/engine/export_job.h"
#include "core/search/objectives.h"
#include "core/search/pareto.h"
#include "core/compress/policy_search.h"
#include "core/compress/pruning.h"
#include "core/hw/latency.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"

#include <algorithm>
#include <iomanip>
#include <limits>
#include <optional>
#include <sstream>

namespace edgesmith::cli {
namespace {

// "8" → 8/8, "4/8" → weights 4, activations 8.
std::pair<int, int> parseBits(const std::string& text) {
    try {
        const auto slash = text.find('/');
        if (slash == std::string::npos) return {std::stoi(text), std::stoi(text)};
        return {std::stoi(text.substr(0, slash)), std::stoi(text.substr(slash + 1))};
    } catch (const std::exception&) {
        throw UsageError("--bits must be W or W/A, e.g. 8 or 4/8; got '" + text + "'");
    }
}

// The compression as a run of the project's store (with --record, or --from, whose
// candidate already lives there): its candidates join the Pareto plot and tables of the
// search runs. A compression that stops early leaves its run marked failed, with every
// candidate committed so far.
class Recorder {
public:
    Recorder(const Arguments& arguments, const ProjectCandidate& candidate, const std::string& method, const Json& settings) {
        if (!arguments.flag("record") && candidate.run == 0) return;
        store_.emplace(Store::open(candidate.project.databasePath()));
        const CompressionSource source{candidate.key(), candidate.run, candidate.candidate, arguments.value("weights").value_or("")};
        run_.emplace(*store_, candidate.project, method, source, settings);
    }
    ~Recorder() {
        if (run_ && !finished_) try {
                run_->fail("stopped before the end");
            } catch (const std::exception&) {
            }
    }
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void add(Candidate candidate) {
        if (run_) run_->add(std::move(candidate));
    }
    // A final result: its network is kept with the run for exports.
    void add(Candidate candidate, Network& network, const ProjectCandidate& source, const Splits& splits, double testTop1) {
        if (run_) run_->add(std::move(candidate), network, projectModelInfo(source.project, splits, testTop1));
    }
    // Closes the run and adds its id to the JSON output.
    void finish(Json& output) {
        if (!run_) return;
        run_->finish();
        finished_ = true;
        output["run"] = run_->id();
    }
    // "recorded as run 4 in FILE" for text output; empty without a run.
    std::string described() const {
        return run_ ? "recorded as run " + std::to_string(run_->id()) + " in " + store_->file().string() + "\n" : std::string();
    }

private:
    std::optional<Store> store_;
    std::optional<CompressionRun> run_;
    bool finished_ = false;
};

// Fine-tunes a compressed network for --finetune epochs (default 1) with the project's
// training settings.
TrainingOptions fineTuning(const ProjectCandidate& candidate, const Arguments& arguments) {
    TrainingOptions options = projectTrainingOptions(candidate.project);
    options.epochs = static_cast<int>(arguments.integer("finetune", 1, 0, 1000));
    options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    options.progressEvery = 0;
    return options;
}

void fineTune(Network& network, const ProjectCandidate& candidate, const Splits& splits, const Arguments& arguments) {
    const TrainingOptions options = fineTuning(candidate, arguments);
    if (options.epochs > 0) train(network, splits, options);
}

LatencyOptions compressionTiming() {
    LatencyOptions timing;
    timing.runs = 100;
    return timing;
}

// EVBMF ranks per layer; the layers that shrink are replaced by their factors, which are
// fine-tuned, and the network is measured before and after.
int lowRank(Network& network, const ProjectCandidate& candidate, const Splits& splits, const Arguments& arguments, bool json, Streams& streams) {
    const long long macs = arguments.integer("budget-macs", 0, 0, std::numeric_limits<long long>::max());
    const std::string genotypeKey = candidate.key();
    Recorder recorder(arguments, candidate, macs > 0 ? "low-rank-search/" + arguments.value("strategy").value_or("evolution") : "low-rank",
                      {{"finetune_epochs", arguments.integer("finetune", 1, 0, 1000)}});
    const Evaluation before = evaluate(network, splits.test, splits);
    const LatencyStats slow = measureLatency(network, compressionTiming());
    std::vector<LayerRanks> ranks = suggestRanks(network);
    if (macs > 0) {
        // Ranks searched under the MACs budget instead of EVBMF's.
        RankSearchOptions search;
        search.strategy = arguments.value("strategy").value_or("evolution");
        search.evaluations = static_cast<int>(arguments.integer("evaluations", 30, 1, 100000));
        search.budget.macs = macs;
        if (!json) streams.out << "searching ranks (" << search.strategy << ", " << search.evaluations << " policies) under " << macs << " MACs\n";
        const RankSearchResult found = searchRanks(network, splits, search, [&](const RankTrial& trial) {
            recorder.add(rankPolicyCandidate(network.architecture(), genotypeKey, trial));
        });
        ranks = found.best.ranks;
    }
    FactorisationResult factorised = factorise(network, ranks);
    const Evaluation direct = evaluate(factorised.network, splits.test, splits);
    fineTune(factorised.network, candidate, splits, arguments);
    const Evaluation after = evaluate(factorised.network, splits.test, splits);
    const LatencyStats fast = measureLatency(factorised.network, compressionTiming());
    if (const auto save = arguments.value("save")) saveModel(*save, factorised.network, candidate, splits, "low-rank", after.top1);
    if (macs == 0)
        recorder.add(factorisedCandidate(genotypeKey, factorised, evaluate(factorised.network, splits.validation, splits).top1), factorised.network, candidate,
                     splits, after.top1);
    Json output = Json::object();
    recorder.finish(output);
    const auto replaced = [&](const LayerRanks& layer) {
        for (const LayerRanks& done : factorised.layers)
            if (done.name == layer.name) return true;
        return false;
    };
    // Each replaced layer reported with the ranks used and the error of its factors; with
    // EVBMF, the layers left whole with what EVBMF suggested.
    std::vector<LayerRanks> reported = factorised.layers;
    if (macs == 0)
        for (const LayerRanks& layer : ranks)
            if (!replaced(layer)) reported.push_back(layer);
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : reported)
            layers.push_back({{"name", layer.name}, {"kind", layer.kind}, {"output_rank", layer.outputRank}, {"input_rank", layer.inputRank},
                              {"params", layer.params}, {"factorised_params", layer.factorisedParams},
                              {"reconstruction_error", layer.reconstructionError}, {"replaced", replaced(layer)}});
        output.update(Json{{"genotype", candidate.key()}, {"method", "low-rank"}, {"layers", layers},
                            {"before", {{"test", before.toJson()}, {"params", factorised.before.params}, {"macs", factorised.before.macs}, {"latency_ms", slow.medianMs}}},
                            {"factorised_test", direct.toJson()},
                            {"after", {{"test", after.toJson()}, {"params", factorised.after.params}, {"macs", factorised.after.macs}, {"latency_ms", fast.medianMs}}}}
                           );
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << "low-rank factorisation with " << (macs > 0 ? "searched ranks" : "EVBMF ranks")
                << " (SVD for linear and 1×1 layers, Tucker-2 for k×k convolutions)\n"
                << "  layer                              kind      ranks (out, in)   weights → factorised   error   replaced\n";
    for (const auto& layer : reported)
        streams.out << "  " << std::left << std::setw(34) << layer.name << std::setw(10) << layer.kind << std::right << std::setw(6)
                    << layer.outputRank << ", " << std::left << std::setw(10) << layer.inputRank << std::right << std::setw(8) << layer.params
                    << " → " << std::left << std::setw(10) << layer.factorisedParams << std::right << std::fixed << std::setprecision(3)
                    << layer.reconstructionError << (replaced(layer) ? "   yes" : "   no (would not shrink)") << '\n';
    streams.out << std::setprecision(2) << "test top-1 " << before.top1 << " % → " << direct.top1 << " % factorised → " << after.top1
                << " % fine-tuned; params " << factorised.before.params << " → " << factorised.after.params << "; MACs " << factorised.before.macs
                << " → " << factorised.after.macs << "; latency " << std::setprecision(3) << slow.medianMs << " → " << fast.medianMs << " ms\n"
                << recorder.described();
    return kExitOk;
}

// --rate and --importance.
std::pair<double, ChannelImportance> pruningSettings(const Arguments& arguments) {
    double rate = 0.5;
    if (const auto text = arguments.value("rate")) {
        try {
            rate = std::stod(*text);
        } catch (const std::exception&) {
            rate = -1;
        }
    }
    if (!(rate >= 0 && rate < 1)) throw UsageError("--rate must be in [0, 1)");
    try {
        return {rate, channelImportanceFromString(arguments.value("importance").value_or("l1"))};
    } catch (const Error& error) {
        throw UsageError(error.message());
    }
}

// Structured pruning, an optional fine-tune, and accuracy, size and measured latency of
// the network before and after.
int prune(Network& network, const ProjectCandidate& candidate, const Splits& splits, double rate, ChannelImportance importance,
          const Arguments& arguments, bool json, Streams& streams) {
    const bool searching = arguments.value("budget-macs").has_value();
    Recorder recorder(arguments, candidate, searching ? "prune-search/" + arguments.value("strategy").value_or("evolution") : "prune",
                      {{"rate", rate}, {"importance", toString(importance)}, {"finetune_epochs", arguments.integer("finetune", 1, 0, 1000)}});
    const Evaluation before = evaluate(network, splits.test, splits);
    const LatencyStats slow = measureLatency(network, compressionTiming());
    const int steps = static_cast<int>(arguments.integer("steps", 1, 1, 100));
    const int epochs = static_cast<int>(arguments.integer("finetune", 1, 0, 1000));
    const std::string genotypeKey = candidate.key();
    std::optional<PruningSearchResult> searched;
    if (const long long macs = arguments.integer("budget-macs", 0, 0, std::numeric_limits<long long>::max()); macs > 0) {
        // Per-layer rates searched under the MACs budget, the best one pruned for real.
        PruningSearchOptions search;
        search.strategy = arguments.value("strategy").value_or("evolution");
        search.evaluations = static_cast<int>(arguments.integer("evaluations", 30, 1, 100000));
        search.budget.macs = macs;
        search.importance = importance;
        if (!json) streams.out << "searching per-layer pruning rates (" << search.strategy << ", " << search.evaluations << " policies) under " << macs << " MACs\n";
        searched = searchPruningPolicy(network, splits, search, [&](const PruningTrial& trial) {
            recorder.add(pruningPolicyCandidate(network.architecture(), genotypeKey, trial, importance));
        });
    }
    PruningResult pruned = searched ? pruneChannels(network, searched->best.rates, importance)
                           : steps > 1 ? pruneIteratively(network, rate, importance, steps, splits, fineTuning(candidate, arguments))
                                       : pruneChannels(network, rate, importance, splits.train, splits);
    if (steps == 1 || searched) {
        recalibrateBatchNorm(pruned.network, splits.train, splits);
        fineTune(pruned.network, candidate, splits, arguments);
    }
    const Evaluation after = evaluate(pruned.network, splits.test, splits);
    const LatencyStats fast = measureLatency(pruned.network, compressionTiming());
    if (const auto save = arguments.value("save")) saveModel(*save, pruned.network, candidate, splits, "prune", after.top1);
    if (!searched)
        recorder.add(prunedCandidate(genotypeKey, pruned, importance, rate, evaluate(pruned.network, splits.validation, splits).top1), pruned.network, candidate,
                     splits, after.top1);
    Json output = Json::object();
    recorder.finish(output);
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : pruned.layers) layers.push_back({{"name", layer.name}, {"channels", layer.channels}, {"kept", layer.kept}});
        if (searched) {
            output["policies_scored"] = searched->trials.size();
            output["budget"] = {{"macs", arguments.integer("budget-macs", 0, 0, std::numeric_limits<long long>::max())}};
            output["validation_top1_before_finetune"] = searched->best.accuracy;
        }
        output.update(Json{{"genotype", genotypeKey}, {"method", "prune"}, {"rate", searched ? Json(nullptr) : Json(rate)},
                            {"importance", toString(importance)}, {"steps", steps}, {"finetune_epochs", epochs}, {"layers", layers},
                            {"before", {{"test", before.toJson()}, {"params", pruned.before.params}, {"macs", pruned.before.macs}, {"latency_ms", slow.medianMs}}},
                            {"after", {{"test", after.toJson()}, {"params", pruned.after.params}, {"macs", pruned.after.macs}, {"latency_ms", fast.medianMs}}}}
                           );
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    if (searched) {
        streams.out << "structured pruning with per-layer rates searched under " << arguments.integer("budget-macs", 0, 0, std::numeric_limits<long long>::max())
                    << " MACs, channels ranked by " << toString(importance) << (epochs > 0 ? ", " + std::to_string(epochs) + " epoch(s) of fine-tuning\n" : "\n");
    } else {
        streams.out << "structured pruning of " << std::fixed << std::setprecision(0) << 100 * rate << " % of the channels by " << toString(importance)
                    << (steps > 1 ? " in " + std::to_string(steps) + " rounds" : std::string())
                    << (epochs > 0 ? ", " + std::to_string(epochs) + " epoch(s) of fine-tuning" + (steps > 1 ? " after each\n" : "\n") : "\n");
    }
    for (const auto& layer : pruned.layers) streams.out << "  " << std::left << std::setw(36) << layer.name << layer.channels << " → " << layer.kept << '\n';
    streams.out << std::setprecision(2) << "test top-1 " << before.top1 << " % → " << after.top1 << " %; params " << pruned.before.params << " → "
                << pruned.after.params << "; MACs " << pruned.before.macs << " → " << pruned.after.macs << "; latency " << std::setprecision(3)
                << slow.medianMs << " → " << fast.medianMs << " ms (" << std::setprecision(2) << slow.medianMs / fast.medianMs << "× faster, measured)\n"
                << recorder.described();
    return kExitOk;
}

// Unstructured magnitude pruning with masks through fine-tuning: the zeros per layer,
// accuracy, and latency measured to show what dense kernels make of it.
int sparsify(Network& network, const ProjectCandidate& candidate, const Splits& splits, const Arguments& arguments, bool json, Streams& streams) {
    const double sparsity = arguments.number("sparsity", 0.5, 0.0, 0.999);
    const bool global = !arguments.flag("per-layer");
    const Evaluation before = evaluate(network, splits.test, splits);
    const LatencyStats slow = measureLatency(network, compressionTiming());
    pruneWeights(network, sparsity, global);
    fineTune(network, candidate, splits, arguments);
    clearWeightMasks(network);
    const Evaluation after = evaluate(network, splits.test, splits);
    const LatencyStats same = measureLatency(network, compressionTiming());
    if (const auto save = arguments.value("save")) saveModel(*save, network, candidate, splits, "sparse", after.top1);
    const auto report = weightSparsity(network);
    std::int64_t weights = 0, zeros = 0;
    for (const auto& layer : report) weights += layer.weights, zeros += layer.zeros;
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : report) layers.push_back({{"name", layer.name}, {"weights", layer.weights}, {"zeros", layer.zeros}});
        streams.out << Json{{"genotype", candidate.key()}, {"method", "sparse"}, {"sparsity", sparsity}, {"global", global},
                            {"layers", layers}, {"weights", weights}, {"zeros", zeros},
                            {"before", {{"test", before.toJson()}, {"latency_ms", slow.medianMs}}},
                            {"after", {{"test", after.toJson()}, {"latency_ms", same.medianMs}}}}
                           .dump()
                    << '\n';
        return kExitOk;
    }
    streams.out << "unstructured magnitude pruning of " << std::fixed << std::setprecision(0) << 100 * sparsity << " % of the weights ("
                << (global ? "ranked over the whole network" : "within each layer") << ")\n";
    for (const auto& layer : report)
        streams.out << "  " << std::left << std::setw(36) << layer.name << std::right << std::setw(8) << layer.zeros << " of " << layer.weights << " zero\n";
    streams.out << std::setprecision(2) << "test top-1 " << before.top1 << " % → " << after.top1 << " %; " << zeros << " of " << weights
                << " weights zero; latency " << std::setprecision(3) << slow.medianMs << " → " << same.medianMs
                << " ms (dense kernels: the zeros are still computed; structured pruning is what runs faster)\n";
    return kExitOk;
}

// "2,3,4,8" → {2, 3, 4, 8}.
std::vector<int> parseBitList(const std::string& option, const std::string& text) {
    std::vector<int> bits;
    try {
        std::istringstream parts(text);
        for (std::string part; std::getline(parts, part, ',');) bits.push_back(std::stoi(part));
    } catch (const std::exception&) {
        bits.clear();
    }
    if (bits.empty()) throw UsageError("--" + option + " must be a comma-separated list of bitwidths, e.g. 2,4,8; got '" + text + "'");
    for (int value : bits)
        if (value != 32 && (value < 2 || value > 16)) throw UsageError("--" + option + ": bitwidths must be within 2..16, or 32; got " + std::to_string(value));
    return bits;
}

// --strategy, --evaluations, --weight-choices, --activation-choices and the budget:
// --budget-storage BYTES (or, when absent, the caller's uniform --bits policy) and --budget-bitops.
PolicySearchOptions policySearchSettings(const Arguments& arguments, const QuantizationPolicy& settings) {
    PolicySearchOptions search;
    search.strategy = arguments.value("strategy").value_or("evolution");
    const auto strategies = policyStrategies();
    if (std::find(strategies.begin(), strategies.end(), search.strategy) == strategies.end())
        throw UsageError("--strategy must be one of " + joinWords(strategies) + "; got '" + search.strategy + "'");
    search.evaluations = static_cast<int>(arguments.integer("evaluations", 30, 1, 100000));
    search.weightChoices = parseBitList("weight-choices", arguments.value("weight-choices").value_or("2,3,4,5,6,8"));
    search.activationChoices = parseBitList("activation-choices", arguments.value("activation-choices").value_or("8"));
    search.budget.storageBytes = arguments.integer("budget-storage", 0, 0, std::numeric_limits<long long>::max());
    search.budget.bitops = arguments.number("budget-bitops", 0, 0, std::numeric_limits<double>::max());
    search.settings = settings;
    return search;
}

// Weight and activation bitwidths per layer, the policy's storage and BitOps, and test
// accuracy before and after.
void reportQuantization(const Json& header, const QuantizationPolicy& policy, const QuantizationResult& result, const Evaluation& before,
                        const Evaluation& after, const Metrics& floating, bool json, Streams& streams) {
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : result.layers)
            layers.push_back({{"name", layer.name}, {"weight_bits", layer.weightBits}, {"activation_bits", layer.activationBits},
                              {"weight_error", layer.weightError}, {"input_range", {layer.inputLow, layer.inputHigh}}});
        Json document = header;
        document["per_channel"] = policy.perChannel;
        document["calibration"] = toString(policy.calibration);
        document["float"] = {{"test", before.toJson()}, {"storage_bytes", floating.storageBytes}, {"bitops", floating.bitops}};
        document["quantized"] = {{"test", after.toJson()}, {"storage_bytes", result.metrics.storageBytes}, {"bitops", result.metrics.bitops}};
        document["layers"] = layers;
        streams.out << document.dump() << '\n';
        return;
    }
    streams.out << "  layer                               W   A   weight error   input range\n";
    for (const auto& layer : result.layers)
        streams.out << "  " << std::left << std::setw(34) << layer.name << std::right << std::setw(3) << layer.weightBits << std::setw(4)
                    << layer.activationBits << std::setw(14) << std::fixed << std::setprecision(4) << layer.weightError << "   ["
                    << std::setprecision(3) << layer.inputLow << ", " << layer.inputHigh << "]\n";
    streams.out << std::setprecision(2) << "test top-1 " << before.top1 << " % → " << after.top1 << " % (" << std::showpos
                << after.top1 - before.top1 << std::noshowpos << " points); storage " << floating.storageBytes << " B → "
                << result.metrics.storageBytes << " B (" << std::setprecision(2)
                << double(floating.storageBytes) / double(std::max<std::int64_t>(1, result.metrics.storageBytes)) << "× smaller); BitOps "
                << formatNumber(floating.bitops) << " → " << formatNumber(result.metrics.bitops) << '\n';
}

// The genotypes --front RUN names: the Pareto front of the run's evaluated candidates on
// the run's objectives, at most --top of them (the most accurate first).
std::vector<std::string> frontGenotypes(const Project& project, std::int64_t run, int top) {
    const Store store = Store::openReadOnly(project.databasePath());
    const RunInfo info = store.run(run);
    const Objectives objectives = Objectives::fromProject(info.project);
    std::vector<Candidate> evaluated;
    for (Candidate& candidate : store.candidates(run))
        if (candidate.status == CandidateStatus::Evaluated) evaluated.push_back(std::move(candidate));
    std::vector<Point> points;
    for (const Candidate& candidate : evaluated) points.push_back(objectives.minimised(candidate));
    std::vector<std::size_t> front = paretoFront(points);
    std::sort(front.begin(), front.end(), [&](std::size_t a, std::size_t b) { return evaluated[a].metric("accuracy", 0) > evaluated[b].metric("accuracy", 0); });
    std::vector<std::string> keys;
    for (std::size_t index : front) {
        const std::string key = evaluated[index].key.substr(0, evaluated[index].key.find('@'));
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        if (static_cast<int>(keys.size()) == top) break;
    }
    if (keys.empty()) throw UsageError("run " + std::to_string(run) + " of " + project.databasePath().string() + " has no evaluated candidate");
    return keys;
}

// The project's compression pipeline on one architecture, or on each of a run's front
// (--front RUN), each trained first, measured on the test split before and after, and
// recorded as candidates of one compression run.
int runPipeline(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    Project project = Project::load(arguments.positionals().front());
    const Json pipeline = project.document().value("compression", Json::object()).value("pipeline", Json::array());
    if (pipeline.empty()) throw UsageError(project.file().string() + ": compression.pipeline is empty; add steps (docs/formats.md#compression)");
    SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    std::vector<std::string> keys;
    std::int64_t sourceRun = 0;
    if (const auto front = arguments.value("front")) {
        sourceRun = arguments.integer("front", 0, 1, std::numeric_limits<long long>::max());
        keys = frontGenotypes(project, sourceRun, static_cast<int>(arguments.integer("top", 4, 1, 1000)));
    } else {
        const ProjectCandidate single = loadProjectCandidate(arguments);
        keys.push_back(single.space.key(single.genotype));
        sourceRun = single.run;
    }
    const bool json = arguments.flag("json");
    const Splits splits = loadProjectData(project.document()["dataset"], project.file());
    TrainingOptions training = projectTrainingOptions(project);
    training.epochs = static_cast<int>(arguments.integer("epochs", training.epochs, 1, 1000));
    training.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
    training.progressEvery = 0;
    Store store = Store::open(project.databasePath());
    CompressionRun run(store, project, "pipeline", {keys.front(), sourceRun, 0, ""}, {{"pipeline", pipeline}, {"genotypes", keys}});
    Json results = Json::array();
    try {
        for (const std::string& key : keys) {
            Network network(space.derive(space.canonical(space.parseKey(key))), 0);
            if (!json) streams.out << key << ": training (" << training.proxyDescription() << ")\n";
            train(network, splits, training);
            const Evaluation before = evaluate(network, splits.test, splits);
            const Metrics floating = computeMetrics(network.architecture(), QuantizationPolicy::uniform(network.architecture(), 32, 32).bitwidths());
            const PipelineResult result = runCompressionPipeline(network, pipeline, splits, training, [&](const std::string& line) {
                if (!json) streams.out << "  " << line << '\n';
            });
            const Evaluation after = evaluate(*result.network, splits.test, splits);
            run.add(pipelineCandidate(key, result, evaluate(*result.network, splits.validation, splits).top1), *result.network,
                    projectModelInfo(project, splits, after.top1));
            results.push_back({{"genotype", key}, {"steps", result.steps},
                               {"before", {{"test", before.toJson()}, {"storage_bytes", floating.storageBytes}, {"macs", floating.macs}, {"params", floating.params}}},
                               {"after", {{"test", after.toJson()}, {"storage_bytes", result.metrics.storageBytes}, {"macs", result.metrics.macs}, {"params", result.metrics.params}}}});
            if (!json)
                streams.out << std::fixed << std::setprecision(2) << "  test top-1 " << before.top1 << " % → " << after.top1 << " %; storage "
                            << floating.storageBytes << " → " << result.metrics.storageBytes << " B; MACs " << floating.macs << " → " << result.metrics.macs << '\n';
        }
    } catch (const std::exception& error) {
        run.fail(error.what());
        throw;
    }
    run.finish();
    if (json) streams.out << Json{{"method", "pipeline"}, {"run", run.id()}, {"results", results}}.dump() << '\n';
    else streams.out << "recorded as run " << run.id() << " in " << store.file().string() << '\n';
    return kExitOk;
}

int runCompress(const Arguments& arguments, Streams& streams) {
    if (arguments.value("method").value_or("") == "pipeline") return runPipeline(arguments, streams);
    if (arguments.value("front")) throw UsageError("--front works with --method pipeline");
    ProjectCandidate candidate = loadProjectCandidate(arguments, true);
    const std::string method = arguments.value("method").value_or("ptq");
    if (method != "ptq" && method != "mixed" && method != "low-rank" && method != "prune" && method != "sparse")
        throw UsageError("--method must be ptq (post-training quantization), mixed (searched per-layer bitwidths), prune (structured channel "
                         "pruning), sparse (unstructured magnitude pruning), low-rank (EVBMF factorisation) or pipeline (the project's "
                         "compression pipeline); got '" + method + "'");
    arguments.integer("steps", 1, 1, 100);
    arguments.integer("budget-macs", 0, 0, std::numeric_limits<long long>::max());
    const std::vector<std::string> strategies = policyStrategies();
    if (const auto strategy = arguments.value("strategy"); strategy && !std::count(strategies.begin(), strategies.end(), *strategy))
        throw UsageError("--strategy must be one of " + joinWords(strategies) + "; got '" + *strategy + "'");
    arguments.number("sparsity", 0.5, 0.0, 0.999);
    // Checked before any training, so bad settings cost nothing.
    const auto [rate, importance] = method == "prune" ? pruningSettings(arguments) : std::pair{0.0, ChannelImportance::L1};
    if (method == "prune" && importance == ChannelImportance::Taylor && arguments.value("budget-macs"))
        throw UsageError("--importance taylor ranks channels for one --rate; a --budget-macs search uses l1, l2 or bn");
    const auto [weightBits, activationBits] = parseBits(arguments.value("bits").value_or(method == "mixed" ? "4/8" : "8"));
    for (int bits : {weightBits, activationBits})
        if (bits != 32 && (bits < 2 || bits > 16)) throw UsageError("bitwidths must be within 2..16, or 32 for float; got " + std::to_string(bits));
    QuantizationPolicy settings;
    try {
        settings.calibration = calibrationFromString(arguments.value("calibration").value_or("minmax"));
    } catch (const Error& error) {
        throw UsageError(error.message());
    }
    settings.perChannel = !arguments.flag("per-tensor");
    const PolicySearchOptions search = method == "mixed" ? policySearchSettings(arguments, settings) : PolicySearchOptions{};
    const bool json = arguments.flag("json");

    const Splits splits = loadProjectData(candidate.project.document()["dataset"], candidate.project.file());
    Network network = candidate.model ? std::move(candidate.model->network) : Network(candidate.space.derive(candidate.genotype), 0);
    std::string origin;
    if (candidate.model) {
        if (arguments.value("weights")) throw UsageError("--model brings its own weights; leave out --weights");
        requireProjectInput(network, splits, *arguments.value("model"));
        origin = "model from " + *arguments.value("model");
    } else if (const auto weights = arguments.value("weights")) {
        network.load(*weights);
        origin = "weights from " + *weights;
    } else {
        TrainingOptions options = projectTrainingOptions(candidate.project);
        options.epochs = static_cast<int>(arguments.integer("epochs", options.epochs, 1, 1000));
        options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
        options.progressEvery = 0;
        if (!json) streams.out << "training " << candidate.key() << " (" << options.proxyDescription() << ") first\n";
        train(network, splits, options);
        origin = "trained here, " + options.proxyDescription();
    }
    if (method == "low-rank") return lowRank(network, candidate, splits, arguments, json, streams);
    if (method == "prune") return prune(network, candidate, splits, rate, importance, arguments, json, streams);
    if (method == "sparse") return sparsify(network, candidate, splits, arguments, json, streams);
    const Evaluation before = evaluate(network, splits.test, splits);
    const Metrics floating = computeMetrics(network.architecture(), QuantizationPolicy::uniform(network.architecture(), 32, 32).bitwidths());
    QuantizationPolicy policy = QuantizationPolicy::uniform(network.architecture(), weightBits, activationBits);
    policy.perChannel = settings.perChannel;
    policy.calibration = settings.calibration;
    Json header = {{"genotype", candidate.key()}, {"method", method}, {"origin", origin}};
    const std::string genotypeKey = candidate.key();
    Recorder recorder(arguments, candidate, method == "mixed" ? "mixed-precision/" + search.strategy : "ptq",
                      {{"per_channel", settings.perChannel}, {"calibration", toString(settings.calibration)}});
    if (method == "mixed") {
        PolicySearchOptions bounded = search;
        // Without --budget-storage the budget is the storage of the uniform --bits policy.
        if (bounded.budget.storageBytes == 0) bounded.budget.storageBytes = computeMetrics(network.architecture(), policy.bitwidths()).storageBytes;
        if (!json)
            streams.out << "searching per-layer bitwidths (" << bounded.strategy << ", " << bounded.evaluations << " policies scored by calibration on "
                        << splits.validation.size() << " validation images at most " << bounded.validationImages << ") under " << bounded.budget.storageBytes
                        << " B of storage\n";
        const PolicySearchResult found = searchQuantizationPolicy(
            network, splits, bounded, [&](const PolicyTrial& trial) { recorder.add(policyCandidate(network.architecture(), genotypeKey, trial)); });
        policy = found.best.policy;
        header["budget"] = {{"storage_bytes", bounded.budget.storageBytes}};
        header["strategy"] = bounded.strategy;
        header["policies_scored"] = found.trials.size();
        header["validation_top1"] = found.best.accuracy;
        if (!json)
            streams.out << "best of " << found.trials.size() << " policies: " << std::fixed << std::setprecision(2) << found.best.accuracy
                        << " % on validation\n";
    } else {
        header["weight_bits"] = weightBits;
        header["activation_bits"] = activationBits;
        if (!json)
            streams.out << "post-training quantization W" << weightBits << "/A" << activationBits << ", " << (policy.perChannel ? "per channel" : "per tensor")
                        << ", " << toString(policy.calibration) << " calibration on "
                        << std::min<std::int64_t>(policy.calibrationBatches * 128, splits.train.size()) << " training images\n";
    }
    const QuantizationResult result = quantizePostTraining(network, splits.train, splits, policy);
    const Evaluation after = evaluate(network, splits.test, splits);
    if (const auto save = arguments.value("save")) saveModel(*save, network, candidate, splits, method, after.top1);
    if (method == "ptq")
        recorder.add(policyCandidate(network.architecture(), genotypeKey, {1, policy, evaluate(network, splits.validation, splits).top1, result.metrics, 0.0}),
                     network, candidate, splits, after.top1);
    recorder.finish(header);
    reportQuantization(header, policy, result, before, after, floating, json, streams);
    if (!json) streams.out << recorder.described();
    return kExitOk;
}

} // namespace

Verb compressVerb() {
    return {"compress",
            "compress one trained architecture (quantization, pruning, low-rank) and measure it",
            "compress PROJECT (--genotype G | --from RUN:CANDIDATE | --model MODEL.json | --front RUN [--top K]) [--record]\n"
            "         [--weights FILE | --epochs E]\n"
            "         [--method ptq|mixed|prune|sparse|low-rank|pipeline] [--bits W[/A]] [--per-tensor]\n"
            "         [--calibration minmax|percentile|mse] [--strategy S] [--evaluations N]\n"
            "         [--budget-storage BYTES] [--budget-bitops N] [--weight-choices LIST] [--activation-choices LIST]\n"
            "         [--rate R | --budget-macs N] [--importance l1|l2|bn|taylor] [--steps N] [--sparsity S] [--per-layer]\n"
            "         [--finetune E] [--save FILE] [--json]",
            "Loads the architecture's weights (--weights, from 'edgesmith-cli train --save'), imports a whole\n"
            "model (--model, written by --save or 'export --format torch', pruned or quantized ones too) or trains it\n"
            "with the project's estimator settings, measures test accuracy, compresses and measures again.\n"
            "ptq quantizes every convolution and linear layer at --bits (weights per output channel unless\n"
            "--per-tensor; activations calibrated on training images). mixed searches per-layer bitwidths\n"
            "under a storage budget (by default the storage of uniform --bits, 4/8), scoring each policy by\n"
            "calibration and validation accuracy, then applies the best. prune removes channels (one --rate,\n"
            "or per-layer rates searched under --budget-macs), sparse zeroes small weights, low-rank\n"
            "replaces layers by their EVBMF-ranked factors; these fine-tune (--finetune) and time the\n"
            "network before and after. pipeline runs the project's compression.pipeline on the\n"
            "architecture, or on each architecture of a run's Pareto front (--front RUN), and records\n"
            "the results as a run of the store.",
            {{"genotype", "G", "the architecture's genotype key"},
             {"from", "RUN:CANDIDATE", "the architecture of a candidate in the project's store (instead of --genotype); implies --record"},
             {"record", "", "record the compression as a run of the project's store (its candidates join the Pareto plot and tables)"},
             {"front", "RUN", "pipeline: compress every architecture on the Pareto front of run RUN (instead of --genotype / --from)"},
             {"top", "K", "pipeline --front: at most K architectures of the front, the most accurate first; default 4"},
             {"weights", "FILE", "trained weights to start from (LibTorch archive)"},
             {"epochs", "E", "training epochs when no weights are given"},
             {"threads", "T", "compute threads for training (0: every core)"},
             {"method", "NAME", "ptq (default), mixed (searched mixed precision), prune (structured channels), sparse (unstructured), low-rank (EVBMF factorisation) or pipeline (the project's compression.pipeline)"},
             {"bits", "W[/A]", "ptq: weight (and activation) bitwidth, 2..16, default 8; mixed: the uniform policy whose storage is the budget, default 4/8"},
             {"per-tensor", "", "one range per weight tensor instead of per output channel"},
             {"calibration", "NAME", "activation ranges: minmax (default), percentile or mse"},
             {"strategy", "NAME", "policy searches (mixed, --budget-macs): annealing, evolution (default), random, rl, or an engine strategy (nsga2, bayesian, ...)"},
             {"evaluations", "N", "policy searches: policies scored; default 30"},
             {"budget-storage", "BYTES", "mixed: storage budget in bytes (instead of the uniform --bits policy's)"},
             {"budget-bitops", "N", "mixed: BitOps budget"},
             {"budget-macs", "N", "prune: search per-layer rates, low-rank: search ranks, under this many MACs"},
             {"weight-choices", "LIST", "mixed: weight bitwidths to choose from; default 2,3,4,5,6,8"},
             {"activation-choices", "LIST", "mixed: activation bitwidths to choose from; default 8 (one value: not searched)"},
             {"rate", "R", "prune: share of each prunable group's channels removed, in [0, 1); default 0.5"},
             {"importance", "NAME", "prune: l1 (default), l2 (filter norms), bn (batch-norm scale) or taylor (first-order, on training batches)"},
             {"steps", "N", "prune: reach --rate in N rounds of pruning and fine-tuning; default 1"},
             {"sparsity", "S", "sparse: share of the weights set to zero, in [0, 1); default 0.5"},
             {"per-layer", "", "sparse: rank magnitudes within each layer instead of over the whole network"},
             {"finetune", "E", "prune, sparse, low-rank: epochs of fine-tuning (per round with --steps); default 1"},
             {"save", "FILE", "write the compressed network: weights at FILE and its model JSON beside it (for export and --model)"},
             {"model", "MODEL.json", "continue from a model file (--save or 'export --format torch') instead of --genotype / --from"},
             {"json", "", "one JSON object on stdout"}},
            runCompress};
}

} // namespace edgesmith::cli
