#include "app/cli/command_line.h"
#include "app/cli/project_candidate.h"

#include "core/common/text.h"
#include "core/compress/low_rank.h"
#include "core/compress/pruning.h"
#include "core/hw/latency.h"
#include "core/compress/quantization.h"
#include "core/data/dataset.h"
#include "core/nn/network.h"

#include <iomanip>

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

// EVBMF ranks per layer and the weights a factorisation would keep; the layers are not
// replaced yet, so this is the analysis a low-rank policy starts from.
int reportRanks(Network& network, const std::string& genotype, bool json, Streams& streams) {
    const auto ranks = suggestRanks(network);
    std::int64_t before = 0, after = 0;
    for (const auto& layer : ranks) before += layer.params, after += layer.factorisedParams;
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : ranks)
            layers.push_back({{"name", layer.name}, {"kind", layer.kind}, {"output_rank", layer.outputRank}, {"input_rank", layer.inputRank},
                              {"params", layer.params}, {"factorised_params", layer.factorisedParams}, {"reconstruction_error", layer.reconstructionError}});
        streams.out << Json{{"genotype", genotype}, {"method", "low-rank"}, {"layers", layers}, {"params", before}, {"factorised_params", after}}.dump() << '\n';
        return kExitOk;
    }
    streams.out << "EVBMF ranks (SVD for linear and 1×1 layers, Tucker-2 for k×k convolutions)\n"
                << "  layer                              kind      ranks (out, in)   weights → factorised   error\n";
    for (const auto& layer : ranks)
        streams.out << "  " << std::left << std::setw(34) << layer.name << std::setw(10) << layer.kind << std::right << std::setw(6)
                    << layer.outputRank << ", " << std::left << std::setw(10) << layer.inputRank << std::right << std::setw(8) << layer.params
                    << " → " << std::left << std::setw(10) << layer.factorisedParams << std::right << std::fixed << std::setprecision(3)
                    << layer.reconstructionError << '\n';
    streams.out << "weights of these layers " << before << " → " << after << " ("
                << std::setprecision(2) << double(before) / double(std::max<std::int64_t>(1, after)) << "× fewer)\n";
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
    const Evaluation before = evaluate(network, splits.test, splits);
    LatencyOptions timing;
    timing.runs = 100;
    const LatencyStats slow = measureLatency(network, timing);
    PruningResult pruned = pruneChannels(network, rate, importance);
    recalibrateBatchNorm(pruned.network, splits.train, splits);
    const int epochs = static_cast<int>(arguments.integer("finetune", 1, 0, 1000));
    if (epochs > 0) {
        TrainingOptions options = projectTrainingOptions(candidate.project);
        options.epochs = epochs;
        options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
        options.progressEvery = 0;
        train(pruned.network, splits, options);
    }
    const Evaluation after = evaluate(pruned.network, splits.test, splits);
    const LatencyStats fast = measureLatency(pruned.network, timing);
    if (const auto save = arguments.value("save")) pruned.network.save(*save);
    if (json) {
        Json layers = Json::array();
        for (const auto& layer : pruned.layers) layers.push_back({{"name", layer.name}, {"channels", layer.channels}, {"kept", layer.kept}});
        streams.out << Json{{"genotype", candidate.space.key(candidate.genotype)}, {"method", "prune"}, {"rate", rate},
                            {"importance", toString(importance)}, {"finetune_epochs", epochs}, {"layers", layers},
                            {"before", {{"test", before.toJson()}, {"params", pruned.before.params}, {"macs", pruned.before.macs}, {"latency_ms", slow.medianMs}}},
                            {"after", {{"test", after.toJson()}, {"params", pruned.after.params}, {"macs", pruned.after.macs}, {"latency_ms", fast.medianMs}}}}
                           .dump()
                    << '\n';
        return kExitOk;
    }
    streams.out << "structured pruning of " << std::fixed << std::setprecision(0) << 100 * rate << " % of the channels by " << toString(importance)
                << (epochs > 0 ? ", then " + std::to_string(epochs) + " epoch(s) of fine-tuning\n" : "\n");
    for (const auto& layer : pruned.layers) streams.out << "  " << std::left << std::setw(36) << layer.name << layer.channels << " → " << layer.kept << '\n';
    streams.out << std::setprecision(2) << "test top-1 " << before.top1 << " % → " << after.top1 << " %; params " << pruned.before.params << " → "
                << pruned.after.params << "; MACs " << pruned.before.macs << " → " << pruned.after.macs << "; latency " << std::setprecision(3)
                << slow.medianMs << " → " << fast.medianMs << " ms (" << std::setprecision(2) << slow.medianMs / fast.medianMs << "× faster, measured)\n";
    return kExitOk;
}

int runCompress(const Arguments& arguments, Streams& streams) {
    const ProjectCandidate candidate = loadProjectCandidate(arguments);
    const std::string method = arguments.value("method").value_or("ptq");
    if (method != "ptq" && method != "low-rank" && method != "prune")
        throw UsageError("--method must be ptq (post-training quantization), prune (structured channel pruning) or low-rank (EVBMF rank analysis); got '" +
                         method + "'");
    // Checked before any training, so bad settings cost nothing.
    const auto [rate, importance] = method == "prune" ? pruningSettings(arguments) : std::pair{0.0, ChannelImportance::L1};
    const auto [weightBits, activationBits] = parseBits(arguments.value("bits").value_or("8"));
    for (int bits : {weightBits, activationBits})
        if (bits != 32 && (bits < 2 || bits > 16)) throw UsageError("bitwidths must be within 2..16, or 32 for float; got " + std::to_string(bits));
    QuantizationPolicy policy;
    Calibration calibration = Calibration::MinMax;
    try {
        calibration = calibrationFromString(arguments.value("calibration").value_or("minmax"));
    } catch (const Error& error) {
        throw UsageError(error.message());
    }
    const bool json = arguments.flag("json");

    const Splits splits = loadProjectData(candidate.project.document()["dataset"], candidate.project.file());
    Network network(candidate.space.derive(candidate.genotype), 0);
    std::string origin;
    if (const auto weights = arguments.value("weights")) {
        network.load(*weights);
        origin = "weights from " + *weights;
    } else {
        TrainingOptions options = projectTrainingOptions(candidate.project);
        options.epochs = static_cast<int>(arguments.integer("epochs", options.epochs, 1, 1000));
        options.threads = static_cast<int>(arguments.integer("threads", 0, 0, 1024));
        options.progressEvery = 0;
        if (!json) streams.out << "training " << candidate.space.key(candidate.genotype) << " (" << options.proxyDescription() << ") first\n";
        train(network, splits, options);
        origin = "trained here, " + options.proxyDescription();
    }
    if (method == "low-rank") return reportRanks(network, candidate.space.key(candidate.genotype), json, streams);
    if (method == "prune") return prune(network, candidate, splits, rate, importance, arguments, json, streams);
    const Evaluation before = evaluate(network, splits.test, splits);
    const Metrics floating = computeMetrics(network.architecture());
    policy = QuantizationPolicy::uniform(network.architecture(), weightBits, activationBits);
    policy.perChannel = !arguments.flag("per-tensor");
    policy.calibration = calibration;
    const QuantizationResult result = quantizePostTraining(network, splits.train, splits, policy);
    const Evaluation after = evaluate(network, splits.test, splits);
    if (const auto save = arguments.value("save")) network.save(*save);

    if (json) {
        Json layers = Json::array();
        for (const auto& layer : result.layers)
            layers.push_back({{"name", layer.name}, {"weight_bits", layer.weightBits}, {"activation_bits", layer.activationBits},
                              {"weight_error", layer.weightError}, {"input_range", {layer.inputLow, layer.inputHigh}}});
        streams.out << Json{{"genotype", candidate.space.key(candidate.genotype)},
                            {"method", method},
                            {"origin", origin},
                            {"weight_bits", weightBits},
                            {"activation_bits", activationBits},
                            {"per_channel", policy.perChannel},
                            {"calibration", toString(calibration)},
                            {"float", {{"test", before.toJson()}, {"storage_bytes", floating.storageBytes}, {"bitops", floating.bitops}}},
                            {"quantized", {{"test", after.toJson()}, {"storage_bytes", result.metrics.storageBytes}, {"bitops", result.metrics.bitops}}},
                            {"layers", layers}}
                            .dump()
                      << '\n';
        return kExitOk;
    }
    streams.out << "post-training quantization W" << weightBits << "/A" << activationBits << ", "
                << (policy.perChannel ? "per channel" : "per tensor") << ", " << toString(calibration) << " calibration on "
                << std::min<std::int64_t>(policy.calibrationBatches * 128, splits.train.size()) << " training images\n";
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
    return kExitOk;
}

} // namespace

Verb compressVerb() {
    return {"compress",
            "compress one trained architecture (post-training quantization) and measure it",
            "compress PROJECT --genotype G [--weights FILE | --epochs E] [--method ptq|prune|low-rank] [--bits W[/A]] [--per-tensor]\n"
            "         [--rate R] [--importance l1|l2|bn] [--finetune E]\n"
            "         [--calibration minmax|percentile|mse] [--save FILE] [--json]",
            "Loads the architecture's weights (--weights, from 'edgesmith-cli train --save') or trains it\n"
            "with the project's estimator settings, measures test accuracy, quantizes every convolution\n"
            "and linear layer (weights per output channel unless --per-tensor; activations calibrated on\n"
            "training images) and measures again, with storage and BitOps before and after.",
            {{"genotype", "G", "the architecture's genotype key"},
             {"weights", "FILE", "trained weights to start from (LibTorch archive)"},
             {"epochs", "E", "training epochs when no weights are given"},
             {"threads", "T", "compute threads for training (0: every core)"},
             {"method", "NAME", "ptq (post-training quantization), prune (structured channels) or low-rank (EVBMF ranks per layer)"},
             {"rate", "R", "prune: share of each prunable group's channels removed, in [0, 1); default 0.5"},
             {"importance", "NAME", "prune: l1 (default), l2 (filter norms) or bn (batch-norm scale)"},
             {"finetune", "E", "prune: epochs of fine-tuning after pruning; default 1"},
             {"bits", "W[/A]", "weight (and activation) bitwidth, 2..16; default 8"},
             {"per-tensor", "", "one range per weight tensor instead of per output channel"},
             {"calibration", "NAME", "activation ranges: minmax (default), percentile or mse"},
             {"save", "FILE", "write the quantized weights"},
             {"json", "", "one JSON object on stdout"}},
            runCompress};
}

} // namespace edgesmith::cli
