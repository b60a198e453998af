// Full and proxy training (survey III-C1): every candidate is trained from scratch on
// the training split and scored on the validation split; the test split is never seen.
#include "core/common/error.h"
#include "core/data/dataset.h"
#include "core/estimate/estimator.h"
#include "core/nn/network.h"
#include "core/train/trainer.h"

namespace edgesmith {
namespace {

class TrainingEstimator : public Estimator {
public:
    TrainingEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile)
        : options_(TrainingOptions::fromJson(params)), splits_(loadProjectData(project.at("dataset"), projectFile)) {
        options_.progressEvery = 0;
        if (splits_.validation.size() == 0)
            throw Error(projectFile.string(), "dataset.validation_fraction", "the search needs a validation split to score candidates");
    }

    void estimate(Candidate& candidate, const Architecture& architecture, const EvaluationControl& control) const override {
        TrainingOptions options = options_;
        options.threads = control.threads;
        options.gate = control.gate;
        Network network(architecture, options.seed);
        const TrainingResult result = train(network, splits_, options, [&](const Progress& progress) {
            if (progress.epochEnd && control.log)
                control.log(candidate.key + ": epoch " + std::to_string(progress.epoch) + "/" + std::to_string(progress.epochs) +
                            ", validation " + std::to_string(progress.validationAccuracy).substr(0, 5) + " %");
        }, control.cancel);
        if (result.cancelled) throw Cancelled();
        candidate.metrics["accuracy"] = result.validation.top1;
        candidate.metrics["error"] = 100.0 - result.validation.top1;
        Json details = result.toJson();
        candidate.details["evaluation"] = details["validation"];
        candidate.details["history"] = details["history"];
        candidate.details["proxy"] = result.proxy;
        candidate.details["training"] = {{"best_epoch", result.bestEpoch}, {"seconds", result.seconds},
                                         {"samples_per_second", result.samplesPerSecond}, {"threads", options.threads},
                                         {"data", splits_.description}};
    }

    bool trains() const override { return true; }

private:
    TrainingOptions options_;
    Splits splits_;
};

} // namespace

std::unique_ptr<Estimator> makeTrainingEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile) {
    return std::make_unique<TrainingEstimator>(params, project, projectFile);
}

} // namespace edgesmith
