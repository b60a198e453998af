// Full and proxy training (survey III-C1): every candidate is trained from scratch on
// the training split and scored on the validation split; the test split is never seen.
#include "core/common/error.h"
#include "core/data/dataset.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/compress/quantization.h"
#include "core/estimate/estimator.h"
#include "core/nn/network.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <optional>

namespace edgesmith {
namespace {

// The images at `resolution` × `resolution` (bilinear), for the smaller-resolution proxy.
Dataset resized(const Dataset& data, int resolution) {
    const DatasetTensors& source = data.tensors();
    if (source.images.size(2) == resolution && source.images.size(3) == resolution) return data;
    auto tensors = std::make_shared<DatasetTensors>(source);
    namespace functional = torch::nn::functional;
    torch::Tensor scaled = functional::interpolate(source.images.to(torch::kFloat32), functional::InterpolateFuncOptions()
                                                                                         .size(std::vector<std::int64_t>{resolution, resolution})
                                                                                         .mode(torch::kBilinear)
                                                                                         .align_corners(false));
    if (source.images.scalar_type() == torch::kUInt8) scaled = scaled.round().clamp(0, 255).to(torch::kUInt8);
    tensors->images = scaled.contiguous();
    return Dataset(tensors);
}

class TrainingEstimator : public Estimator {
public:
    TrainingEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile)
        : options_(TrainingOptions::fromJson(params)), splits_(loadProjectData(project.at("dataset"), projectFile)) {
        options_.progressEvery = 0;
        options_.applyAugmentation(project.at("dataset").value("augment", Json::object()));
        proxy_ = options_.proxyDescription();
        if (splits_.validation.size() == 0)
            throw Error(projectFile.string(), "dataset.validation_fraction", "the search needs a validation split to score candidates");
        const int resolution = params.value("resolution", 0);
        if (resolution > 0 && splits_.train.height() > 1) {
            // Proxy at a smaller input: the same genotypes derived for the smaller input,
            // trained and scored on resized images (survey III-C1).
            Json space = projectSpaceDocument(project, projectFile);
            if (space.value("input", Json::object()).value("resolution", 0) != resolution) {
                space["input"]["resolution"] = resolution;
                proxySpace_.emplace(SearchSpace::parse(space, projectFile.string() + " (proxy resolution)"));
                splits_.train = resized(splits_.train, resolution);
                splits_.validation = resized(splits_.validation, resolution);
                proxy_ += ", " + std::to_string(resolution) + "×" + std::to_string(resolution) + " input";
            }
        }
        if (params.contains("distillation")) loadTeacher(params["distillation"], project, projectFile);
    }

    void estimate(Candidate& candidate, const Architecture& architecture, const EvaluationControl& control) const override {
        TrainingOptions options = options_;
        options.threads = control.threads;
        options.gate = control.gate;
        Network network(proxySpace_ ? proxySpace_->derive(candidate.genotype, false) : architecture, options.seed);
        const TrainingResult result = trainUnlessCancelled(network, splits_, options, control.cancel, [&](const Progress& progress) {
            if (progress.epochEnd && control.log)
                control.log(candidate.key + ": epoch " + std::to_string(progress.epoch) + "/" + std::to_string(progress.epochs) +
                            ", validation " + std::to_string(progress.validationAccuracy).substr(0, 5) + " %");
        });
        candidate.metrics["accuracy"] = result.validation.top1;
        candidate.metrics["error"] = 100.0 - result.validation.top1;
        Json details = result.toJson();
        candidate.details["evaluation"] = details["validation"];
        // Bitwidths chosen by the space (joint search): the trained weights are quantized
        // post-training and the accuracy is the quantized network's.
        if (hasQuantizedLayers(network.architecture())) {
            quantizePostTraining(network, splits_.train, splits_, QuantizationPolicy::fromArchitecture(network.architecture()));
            const Evaluation quantized = evaluate(network, splits_.validation, splits_);
            candidate.metrics["accuracy"] = quantized.top1;
            candidate.metrics["error"] = 100.0 - quantized.top1;
            candidate.details["evaluation"] = quantized.toJson();
            candidate.details["quantization"] = {{"method", "ptq"}, {"float_accuracy", result.validation.top1}};
        }
        candidate.details["history"] = details["history"];
        candidate.details["proxy"] = proxy_;
        candidate.details["training"] = {{"best_epoch", result.bestEpoch}, {"seconds", result.seconds},
                                         {"samples_per_second", result.samplesPerSecond}, {"threads", options.threads},
                                         {"data", splits_.description}};
    }

    bool trains() const override { return true; }

private:
    // The teacher of distillation: a genotype of the project's space with trained weights.
    void loadTeacher(const Json& section, const Json& project, const std::filesystem::path& projectFile) {
        const SearchSpace space = SearchSpace::parse(projectSpaceDocument(project, projectFile), projectFile.string());
        Genotype genotype;
        try {
            genotype = space.canonical(space.parseKey(section.at("teacher").get<std::string>()));
        } catch (const Error& error) {
            throw Error(projectFile.string(), "estimator.params.distillation.teacher", error.message());
        }
        std::filesystem::path weights = section.at("weights").get<std::string>();
        if (weights.is_relative()) weights = projectFile.parent_path() / weights;
        teacher_ = std::make_shared<Network>(space.derive(genotype), 0);
        teacher_->load(weights.string());
        options_.teacher = teacher_.get();
        options_.distillationWeight = section.value("alpha", 0.5);
        options_.temperature = section.value("temperature", 4.0);
        proxy_ += ", distilled from " + space.key(genotype);
    }

    std::shared_ptr<Network> teacher_;
    TrainingOptions options_;
    Splits splits_;
    std::optional<SearchSpace> proxySpace_;
    std::string proxy_;
};

} // namespace

std::unique_ptr<Estimator> makeTrainingEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile) {
    return std::make_unique<TrainingEstimator>(params, project, projectFile);
}

} // namespace edgesmith
