#include "core/engine/compression_pipeline.h"

#include "core/common/error.h"
#include "core/compress/internal/layer_copy.h"
#include "core/compress/low_rank.h"
#include "core/compress/policy_search.h"
#include "core/compress/pruning.h"
#include "core/project/catalog.h"
#include "core/project/schema.h"

#include <algorithm>
#include <cmath>

namespace edgesmith {
namespace {

std::unique_ptr<Network> copyOf(Network& source) {
    auto copy = std::make_unique<Network>(source.architecture(), 0);
    copyState(source.module(), copy->module());
    return copy;
}

ChannelImportance importanceOf(const std::string& name) { return name == "bn-scale" ? ChannelImportance::BatchNorm : channelImportanceFromString(name); }

QuantizationPolicy uniformPolicy(const Architecture& architecture, const Json& params) {
    QuantizationPolicy policy = QuantizationPolicy::uniform(architecture, params.at("weight_bits").get<int>(), params.at("activation_bits").get<int>());
    policy.perChannel = params.value("granularity", "channel") == "channel";
    policy.symmetricWeights = params.value("symmetric", true);
    policy.calibration = calibrationFromString(params.value("calibration", "minmax"));
    policy.calibrationBatches = params.value("calibration_batches", 8);
    return policy;
}

class Pipeline {
public:
    Pipeline(Network& trained, const Splits& splits, const TrainingOptions& fineTune, const std::atomic<bool>* cancel)
        : trained_(trained), splits_(splits), fineTune_(fineTune), cancel_(cancel), current_(copyOf(trained)) {
        policy_ = QuantizationPolicy::uniform(current_->architecture(), 32, 32);
    }

    // What the step did, in words for the log and the report.
    std::string run(const std::string& method, const Json& params) {
        if (method == "prune-magnitude") return pruneMagnitude(params);
        if (method == "prune-channels") return pruneChannelsStep(params);
        if (method == "low-rank") return lowRank(params);
        if (method == "quantize-ptq") return quantize(params);
        if (method == "quantize-qat") return quantizeAware(params);
        if (method == "mixed-precision") return mixedPrecision(params);
        if (method == "distill") return distill(params);
        throw Error("", "method", "unknown compression method \"" + method + "\"");
    }

    double validationAccuracy() { return evaluate(*current_, splits_.validation, splits_).top1; }

    PipelineResult finish() {
        clearWeightMasks(*current_);
        PipelineResult result;
        const Architecture& architecture = current_->architecture();
        result.quantized = quantized_;
        result.policy = quantized_ ? policy_ : QuantizationPolicy::uniform(architecture, 32, 32);
        result.metrics = computeMetrics(architecture, result.policy.bitwidths());
        result.layers = layerTable(architecture);
        for (std::size_t index = 0; index < architecture.layers.size(); ++index)
            if (quantized_ && architecture.layers[index].weightCount > 0 && index < result.policy.weightBits.size()) {
                result.layers[index]["weight_bits"] = result.policy.weightBits[index];
                result.layers[index]["activation_bits"] = result.policy.activationBits[index];
            }
        result.network = std::move(current_);
        return result;
    }

private:
    void fit(Network& network, const TrainingOptions& options) const {
        trainUnlessCancelled(network, splits_, options, cancel_);
    }

    TrainingOptions epochs(int count) const {
        TrainingOptions options = fineTune_;
        options.epochs = count;
        return options;
    }

    // A structural step makes a new float network: quantization chosen before it is gone.
    void replace(Network network) {
        current_ = std::make_unique<Network>(std::move(network));
        quantized_ = false;
        policy_ = QuantizationPolicy::uniform(current_->architecture(), 32, 32);
    }

    std::string pruneMagnitude(const Json& params) {
        const double sparsity = params.at("sparsity").get<double>();
        const bool global = params.at("scope").get<std::string>() == "global";
        std::int64_t weights = 0, zeros = 0;
        for (const SparsityReport& layer : pruneWeights(*current_, sparsity, global)) weights += layer.weights, zeros += layer.zeros;
        return std::to_string(zeros) + " of " + std::to_string(weights) + " weights zero (masks kept through later fine-tuning)";
    }

    std::string pruneChannelsStep(const Json& params) {
        const double ratio = params.at("ratio").get<double>();
        const ChannelImportance importance = importanceOf(params.at("importance").get<std::string>());
        const int iterations = params.at("iterations").get<int>();
        const std::int64_t before = computeMetrics(current_->architecture()).macs;
        if (iterations > 1) {
            replace(std::move(pruneIteratively(*current_, ratio, importance, iterations, splits_, epochs(1)).network));
        } else {
            PruningResult pruned = pruneChannels(*current_, ratio, importance, splits_.train, splits_);
            recalibrateBatchNorm(pruned.network, splits_.train, splits_);
            replace(std::move(pruned.network));
            fit(*current_, epochs(1));
        }
        return "MACs " + std::to_string(before) + " → " + std::to_string(computeMetrics(current_->architecture()).macs);
    }

    std::string lowRank(const Json& params) {
        std::vector<LayerRanks> ranks = suggestRanks(*current_);
        if (params.at("rank_selection").get<std::string>() == "ratio") {
            const double ratio = params.at("ratio").get<double>();
            for (LayerRanks& layer : ranks) {
                const int both = std::min(layer.outputChannels, layer.inputChannels * layer.kernel * layer.kernel);
                layer.outputRank = std::max(1, static_cast<int>(std::lround(ratio * (layer.kind == "svd" ? std::min(layer.outputChannels, layer.inputChannels) : both))));
                layer.inputRank = layer.kind == "svd" ? layer.outputRank : std::max(1, static_cast<int>(std::lround(ratio * layer.inputChannels)));
            }
        }
        const std::int64_t before = current_->parameterCount();
        FactorisationResult factorised = factorise(*current_, ranks);
        const std::size_t replaced = factorised.layers.size();
        replace(std::move(factorised.network));
        if (const int count = params.at("fine_tune_epochs").get<int>(); count > 0) fit(*current_, epochs(count));
        return std::to_string(replaced) + " layers factorised, params " + std::to_string(before) + " → " + std::to_string(current_->parameterCount());
    }

    std::string quantize(const Json& params) {
        policy_ = uniformPolicy(current_->architecture(), params);
        quantizePostTraining(*current_, splits_.train, splits_, policy_);
        quantized_ = true;
        return "W" + std::to_string(params.at("weight_bits").get<int>()) + "/A" + std::to_string(params.at("activation_bits").get<int>());
    }

    std::string quantizeAware(const Json& params) {
        policy_ = uniformPolicy(current_->architecture(), params);
        quantizationAwareTraining(*current_, splits_, policy_, epochs(params.at("epochs").get<int>()), cancel_);
        quantized_ = true;
        return "W" + std::to_string(params.at("weight_bits").get<int>()) + "/A" + std::to_string(params.at("activation_bits").get<int>()) + ", " +
               std::to_string(params.at("epochs").get<int>()) + " epoch(s) of QAT";
    }

    std::string mixedPrecision(const Json& params) {
        PolicySearchOptions search;
        search.weightChoices = params.at("weight_bits").get<std::vector<int>>();
        search.activationChoices = params.at("activation_bits").get<std::vector<int>>();
        search.strategy = params.at("strategy").get<std::string>();
        search.evaluations = params.at("evaluations").get<int>();
        search.budget.storageBytes = params.at("storage_bytes").get<std::int64_t>();
        const Architecture& architecture = current_->architecture();
        if (search.budget.storageBytes == 0)
            search.budget.storageBytes = computeMetrics(architecture, QuantizationPolicy::uniform(architecture, 4, 8).bitwidths()).storageBytes;
        clearActivationQuantization(*current_);
        const PolicySearchResult found = searchQuantizationPolicy(*current_, splits_, search);
        policy_ = found.best.policy;
        quantizePostTraining(*current_, splits_.train, splits_, policy_);
        quantized_ = true;
        return "best of " + std::to_string(found.trials.size()) + " policies under " + std::to_string(search.budget.storageBytes) + " B";
    }

    std::string distill(const Json& params) {
        TrainingOptions options = epochs(params.at("epochs").get<int>());
        options.teacher = &trained_;
        options.distillationWeight = params.at("alpha").get<double>();
        options.temperature = params.at("temperature").get<double>();
        // A quantized student learns through its grids, so it stays on them.
        if (quantized_) quantizationAwareTraining(*current_, splits_, policy_, options, cancel_);
        else fit(*current_, options);
        return std::to_string(options.epochs) + " epoch(s) from the uncompressed network, T " + std::to_string(options.temperature).substr(0, 4) +
               ", α " + std::to_string(options.distillationWeight).substr(0, 4);
    }

    Network& trained_;
    const Splits& splits_;
    TrainingOptions fineTune_;
    const std::atomic<bool>* cancel_;
    std::unique_ptr<Network> current_;
    QuantizationPolicy policy_;
    bool quantized_ = false;
};

} // namespace

PipelineResult runCompressionPipeline(Network& trained, const Json& pipeline, const Splits& splits, const TrainingOptions& fineTune,
                                      const std::function<void(const std::string&)>& log, const std::atomic<bool>* cancel) {
    Pipeline run(trained, splits, fineTune, cancel);
    Json steps = Json::array();
    for (std::size_t index = 0; index < pipeline.size(); ++index) {
        const std::string where = "compression.pipeline[" + std::to_string(index) + "]";
        const Json& step = pipeline[index];
        const std::string method = step.value("method", std::string());
        const MethodInfo* info = findMethod(compressionCatalog(), method);
        if (!info) throw Error("", where + ".method", "unknown compression method \"" + method + "\"");
        const Json params = schema::withDefaults(step.value("params", Json::object()), info->parameters);
        if (cancel && cancel->load()) throw Cancelled();
        std::string what;
        try {
            what = run.run(method, params);
        } catch (const Error& error) {
            // The step's own parameters are what the user can change; the message names the value.
            throw Error(error.file(), where + ".params", error.message());
        }
        const double accuracy = run.validationAccuracy();
        steps.push_back({{"method", method}, {"params", params}, {"result", what}, {"validation_top1", accuracy}});
        if (log) log(method + ": " + what + "; validation top-1 " + std::to_string(accuracy).substr(0, 5) + " %");
    }
    PipelineResult result = run.finish();
    result.steps = std::move(steps);
    return result;
}

} // namespace edgesmith
