// Weight sharing as an estimator: the supernet is trained once, on the first candidate a
// run asks for (or read back from the file an earlier run left), then every candidate is
// scored with inherited weights after its batch norms are recalibrated.
#include "core/common/error.h"
#include "core/common/text.h"
#include "core/engine/runtime.h"
#include "core/estimate/estimator.h"
#include "core/estimate/supernet.h"
#include "core/space/space.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace edgesmith {
namespace {

class SupernetEstimator : public Estimator {
public:
    SupernetEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile)
        : options_(SupernetOptions::fromJson(params)), splits_(loadProjectData(project.at("dataset"), projectFile)),
          supernet_(SearchSpace::parse(projectSpaceDocument(project, projectFile), projectFile.string()), options_.seed),
          recalibrationBatches_(params.value("recalibration_batches", 20)), validationSamples_(params.value("validation_samples", 0)),
          finetuneEpochs_(params.value("finetune_epochs", 0)), scoreOn_(params.value("score_on", std::string("validation"))) {
        if (splits_.validation.size() == 0)
            throw Error(projectFile.string(), "dataset.validation_fraction", "the search needs a validation split to score candidates");
        scoring_ = scoringSplits(projectFile);
        if (params.value("reuse", true) && !projectFile.empty()) {
            Json settings = params;
            settings.erase("recalibration_batches");
            settings.erase("validation_samples");
            settings.erase("finetune_epochs");
            settings.erase("score_on");
            settings.erase("reuse");
            const std::string key = fingerprint(projectSpaceDocument(project, projectFile).dump() + project.at("dataset").dump() + settings.dump());
            file_ = projectFile.parent_path() / (projectFile.stem().string() + ".supernet-" + key + ".pt");
        }
        options_.progressEvery = 100;
    }

    void estimate(Candidate& candidate, const Architecture&, const EvaluationControl& control) const override {
        ensureTrained(control);
        Evaluation evaluation;
        std::string proxy = "supernet, inherited weights (" + options_.description() + "), batch norm recalibrated on " +
                            std::to_string(recalibrationBatches_) + " batches";
        if (finetuneEpochs_ > 0) {
            // A short fine-tune from the inherited weights: closer to stand-alone accuracy
            // at a fraction of its cost.
            Network network = supernet_.recalibrated(candidate.genotype, scoring_, recalibrationBatches_);
            TrainingOptions training = options_.finetuning(finetuneEpochs_);
            // Unseen scoring keeps only the supernet's images for training: already its subset.
            if (scoreOn_ == "unseen") training.subset = 1.0;
            training.threads = control.threads;
            training.gate = control.gate;
            training.progressEvery = 0;
            evaluation = trainUnlessCancelled(network, scoring_, training, control.cancel).validation;
            proxy = "supernet, inherited weights (" + options_.description() + "), fine-tuned " + std::to_string(finetuneEpochs_) +
                    (finetuneEpochs_ == 1 ? " epoch" : " epochs");
        } else {
            evaluation = supernet_.evaluate(candidate.genotype, scoring_, recalibrationBatches_, validationSamples_);
        }
        proxy += ", scored on " + scoringDescription();
        candidate.metrics["accuracy"] = evaluation.top1;
        candidate.metrics["error"] = 100.0 - evaluation.top1;
        candidate.details["evaluation"] = evaluation.toJson();
        candidate.details["proxy"] = proxy;
        candidate.details["supernet"] = {{"sampling", options_.sampling},
                                         {"epochs", options_.epochs},
                                         {"training_seconds", trainingSeconds_},
                                         {"parameters", supernet_.parameterCount()},
                                         {"score_on", scoreOn_},
                                         {"scoring_images", scoringImages()},
                                         {"file", file_.string()}};
    }

    bool trains() const override { return true; }
    void prepare(const EvaluationControl& control) const override { ensureTrained(control); }

private:
    // Where subnets are scored. More images make the scores less noisy: on the ranking
    // benchmark 20,000 images the supernet never saw ranked better than 3,000 validation
    // images (docs/benchmarks.md, "A longer supernet training").
    Splits scoringSplits(const std::filesystem::path& projectFile) const {
        if (scoreOn_ == "validation") return splits_;
        if (scoreOn_ != "unseen") throw Error(projectFile.string(), "estimator.params.score_on", "expected \"validation\" or \"unseen\", got \"" + scoreOn_ + "\"");
        if (options_.subset >= 1.0)
            throw Error(projectFile.string(), "estimator.params.score_on",
                        "\"unseen\" needs a supernet subset below 1: the supernet trains on every training image");
        // Batch norm recalibration and a fine-tune read only the supernet's own images, so no
        // scored image has been seen, labelled or not.
        Splits scoring = splits_;
        scoring.train = options_.trainingImages(splits_.train);
        scoring.validation = splits_.validation.joined(options_.unseenImages(splits_.train));
        return scoring;
    }

    std::int64_t scoringImages() const {
        const std::int64_t all = scoring_.validation.size();
        return validationSamples_ > 0 && finetuneEpochs_ == 0 ? std::min(validationSamples_, all) : all;
    }

    std::string scoringDescription() const {
        const std::int64_t all = scoringImages();
        if (scoreOn_ != "unseen") return std::to_string(all) + " validation images";
        const std::int64_t validation = std::min(all, splits_.validation.size());
        return std::to_string(all) + " images (" + std::to_string(validation) + " validation, " + std::to_string(all - validation) +
               " unseen training)";
    }

    void ensureTrained(const EvaluationControl& control) const {
        std::lock_guard lock(mutex_);
        if (trained_) return;
        if (!file_.empty() && std::filesystem::exists(file_)) {
            try {
                supernet_.load(file_);
                trained_ = true;
                if (control.log) control.log("supernet: reusing " + file_.string());
                return;
            } catch (const Error& error) {
                if (control.log) control.log("supernet: cannot reuse " + file_.string() + " (" + error.message() + "), training again");
            }
        }
        SupernetOptions options = options_;
        // The other workers wait for this training, so it takes their cores too; LibTorch's
        // thread count is per process, so it goes back to this worker's share afterwards.
        options.threads = control.sharedThreads > 0 ? control.sharedThreads : control.threads;
        options.gate = control.gate;
        if (control.log)
            control.log("supernet: training " + std::to_string(supernet_.parameterCount()) + " shared parameters, " + options.description() + ", on " +
                        std::to_string(options.threads) + (options.threads == 1 ? " thread" : " threads"));
        const auto start = std::chrono::steady_clock::now();
        try {
            trainOnce(options, control);
            setComputeThreads(control.threads);
        } catch (...) {
            setComputeThreads(control.threads);
            // The next candidate trains again from the start, never on top of half a run.
            supernet_.reinitialise(options_.seed);
            throw;
        }
        trainingSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        trained_ = true;
        if (!file_.empty()) {
            try {
                supernet_.save(file_);
            } catch (const Error& error) {
                // The run goes on with the weights in memory; only their reuse is lost.
                if (control.log) control.log("supernet: cannot keep the weights: " + error.message());
            }
        }
    }

    void trainOnce(const SupernetOptions& options, const EvaluationControl& control) const {
        supernet_.train(splits_, options, [&](const SupernetProgress& progress) {
            if (control.taskProgress && progress.epochs > 0 && progress.batches > 0)
                control.taskProgress("Training the supernet",
                                     (double(progress.epoch - 1) + double(progress.batch) / double(progress.batches)) / double(progress.epochs),
                                     progress.etaSeconds);
            if (!control.log) return;
            std::string line = "supernet: epoch " + std::to_string(progress.epoch) + "/" + std::to_string(progress.epochs) + ", batch " +
                               std::to_string(progress.batch) + "/" + std::to_string(progress.batches) + ", loss " +
                               std::to_string(progress.loss).substr(0, 6);
            if (!progress.phase.empty()) line += ", phase " + progress.phase;
            line += ", " + std::to_string(static_cast<int>(progress.etaSeconds)) + " s left";
            control.log(line);
        }, control.cancel);
    }

    SupernetOptions options_;
    Splits splits_;
    mutable Supernet supernet_;
    int recalibrationBatches_;
    std::int64_t validationSamples_;
    int finetuneEpochs_;
    std::string scoreOn_;
    Splits scoring_;
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    mutable bool trained_ = false;
    mutable double trainingSeconds_ = 0;
};

} // namespace

std::unique_ptr<Estimator> makeSupernetEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile) {
    return std::make_unique<SupernetEstimator>(params, project, projectFile);
}

} // namespace edgesmith
