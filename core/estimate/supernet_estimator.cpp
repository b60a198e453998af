// Weight sharing as an estimator: the supernet is trained once, on the first candidate a
// run asks for (or read back from the file an earlier run left), then every candidate is
// scored with inherited weights after its batch norms are recalibrated. With `split`, it is
// few-shot (Zhao et al., 2021): a copy of the trained supernet per option of one decision
// trains on with that option pinned, and each candidate is scored by its own option's copy.
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
#include <vector>

namespace edgesmith {
namespace {

class SupernetEstimator : public Estimator {
public:
    SupernetEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile)
        : options_(SupernetOptions::fromJson(params)), splits_(loadProjectData(project.at("dataset"), projectFile)),
          supernet_(SearchSpace::parse(projectSpaceDocument(project, projectFile), projectFile.string()), options_.seed, options_.sharing),
          recalibrationBatches_(params.value("recalibration_batches", 20)), validationSamples_(params.value("validation_samples", 0)),
          finetuneEpochs_(params.value("finetune_epochs", 0)), scoreOn_(params.value("score_on", std::string("validation"))),
          split_(params.value("split", std::string())), splitEpochs_(params.value("split_epochs", 2)) {
        if (splits_.validation.size() == 0)
            throw Error(projectFile.string(), "dataset.validation_fraction", "the search needs a validation split to score candidates");
        scoring_ = scoringSplits(projectFile);
        if (!split_.empty()) {
            splitDecision_ = int(supernet_.space().uniqueDecision(split_, projectFile.string(), "estimator.params.split"));
            if (splitEpochs_ < 1) throw Error(projectFile.string(), "estimator.params.split_epochs", "the copies need at least 1 epoch");
        }
        if (params.value("reuse", true) && !projectFile.empty()) {
            Json settings = params;
            settings.erase("recalibration_batches");
            settings.erase("validation_samples");
            settings.erase("finetune_epochs");
            settings.erase("score_on");
            settings.erase("reuse");
            // The copies are kept apart, so the shared supernet serves any split.
            settings.erase("split");
            settings.erase("split_epochs");
            const std::string key = fingerprint(projectSpaceDocument(project, projectFile).dump() + project.at("dataset").dump() + settings.dump());
            file_ = projectFile.parent_path() / (projectFile.stem().string() + ".supernet-" + key + ".pt");
        }
        options_.progressEvery = 100;
    }

    void estimate(Candidate& candidate, const Architecture&, const EvaluationControl& control) const override {
        ensureTrained(control);
        const int copy = splitDecision_ < 0 ? -1 : candidate.genotype.at(std::size_t(splitDecision_));
        const Supernet& scorer = copy < 0 ? supernet_ : copies_.at(std::size_t(copy));
        Evaluation evaluation;
        std::string proxy = "supernet, inherited weights (" + options_.description() + fewShotDescription() + "), batch norm recalibrated on " +
                            std::to_string(recalibrationBatches_) + " batches";
        if (finetuneEpochs_ > 0) {
            // A short fine-tune from the inherited weights: closer to stand-alone accuracy
            // at a fraction of its cost.
            Network network = scorer.recalibrated(candidate.genotype, scoring_, recalibrationBatches_);
            TrainingOptions training = options_.finetuning(finetuneEpochs_);
            // Unseen scoring keeps only the supernet's images for training: already its subset.
            if (scoreOn_ == "unseen") training.subset = 1.0;
            training.threads = control.threads;
            training.gate = control.gate;
            training.progressEvery = 0;
            evaluation = trainUnlessCancelled(network, scoring_, training, control.cancel).validation;
            proxy = "supernet, inherited weights (" + options_.description() + fewShotDescription() + "), fine-tuned " + std::to_string(finetuneEpochs_) +
                    (finetuneEpochs_ == 1 ? " epoch" : " epochs");
        } else {
            evaluation = scorer.evaluate(candidate.genotype, scoring_, recalibrationBatches_, validationSamples_);
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
        if (copy >= 0)
            candidate.details["supernet"]["split"] = {{"decision", split_}, {"epochs", splitEpochs_}, {"copy", copy}, {"file", copyFile(copy).string()}};
    }

    bool trains() const override { return true; }
    void prepare(const EvaluationControl& control) const override { ensureTrained(control); }

private:
    std::string fewShotDescription() const {
        if (splitDecision_ < 0) return "";
        return ", few-shot: a copy per option of " + split_ + ", " + std::to_string(splitEpochs_) + (splitEpochs_ == 1 ? " epoch" : " epochs") +
               " more";
    }

    std::filesystem::path copyFile(int option) const {
        if (file_.empty()) return {};
        const std::string key = fingerprint(split_ + "/" + std::to_string(splitEpochs_));
        return file_.parent_path() / (file_.stem().string() + "-split-" + key + "-" + std::to_string(option) + ".pt");
    }

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
        if (!sharedTrained_) trainShared(control);
        if (splitDecision_ >= 0) trainCopies(control);
        trained_ = true;
    }

    // The copies still missing, each from the shared supernet with its option pinned; a
    // copy kept by an earlier run with the same split is read back instead.
    void trainCopies(const EvaluationControl& control) const {
        const std::size_t options = supernet_.space().decisions()[std::size_t(splitDecision_)].options.size();
        while (copies_.size() < options) {
            const int option = int(copies_.size());
            Supernet copy = supernet_.copy();
            const std::filesystem::path file = copyFile(option);
            // Copies kept beside a shared supernet that has since been trained again grew
            // from other weights: they are trained again too.
            if (!sharedRetrained_ && reused(copy, file, control)) {
                copies_.push_back(std::move(copy));
                continue;
            }
            SupernetOptions pinned = trainingOptions(control);
            pinned.epochs = splitEpochs_;
            pinned.pinned[std::size_t(splitDecision_)] = option;
            if (control.log)
                control.log("supernet: training few-shot copy " + std::to_string(option + 1) + "/" + std::to_string(options) + " (" + split_ + " pinned to " +
                            supernet_.space().decisions()[std::size_t(splitDecision_)].options[std::size_t(option)].dump() + "), " +
                            std::to_string(splitEpochs_) + (splitEpochs_ == 1 ? " epoch" : " epochs"));
            const auto start = std::chrono::steady_clock::now();
            try {
                train(copy, pinned, "Training few-shot copy " + std::to_string(option + 1) + "/" + std::to_string(options), control);
            } catch (...) {
                // A cancelled copy is dropped; the shared supernet and the copies before it stay.
                setComputeThreads(control.threads);
                throw;
            }
            setComputeThreads(control.threads);
            trainingSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            keep(copy, file, control);
            copies_.push_back(std::move(copy));
        }
    }

    bool reused(Supernet& supernet, const std::filesystem::path& file, const EvaluationControl& control) const {
        if (file.empty() || !std::filesystem::exists(file)) return false;
        try {
            supernet.load(file);
            if (control.log) control.log("supernet: reusing " + file.string());
            return true;
        } catch (const Error& error) {
            if (control.log) control.log("supernet: cannot reuse " + file.string() + " (" + error.message() + "), training again");
            return false;
        }
    }

    void keep(const Supernet& supernet, const std::filesystem::path& file, const EvaluationControl& control) const {
        if (file.empty()) return;
        try {
            supernet.save(file);
        } catch (const Error& error) {
            // The run goes on with the weights in memory; only their reuse is lost.
            if (control.log) control.log("supernet: cannot keep the weights: " + error.message());
        }
    }

    // The other workers wait for this training, so it takes their cores too; LibTorch's
    // thread count is per process, so it goes back to the worker's share afterwards.
    SupernetOptions trainingOptions(const EvaluationControl& control) const {
        SupernetOptions options = options_;
        options.threads = control.sharedThreads > 0 ? control.sharedThreads : control.threads;
        options.gate = control.gate;
        return options;
    }

    void trainShared(const EvaluationControl& control) const {
        if (reused(supernet_, file_, control)) {
            sharedTrained_ = true;
            return;
        }
        const SupernetOptions options = trainingOptions(control);
        if (control.log)
            control.log("supernet: training " + std::to_string(supernet_.parameterCount()) + " shared parameters, " + options.description() + ", on " +
                        std::to_string(options.threads) + (options.threads == 1 ? " thread" : " threads"));
        const auto start = std::chrono::steady_clock::now();
        try {
            train(supernet_, options, "Training the supernet", control);
            setComputeThreads(control.threads);
        } catch (...) {
            setComputeThreads(control.threads);
            // The next candidate trains again from the start, never on top of half a run.
            supernet_.reinitialise(options_.seed);
            throw;
        }
        trainingSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        sharedTrained_ = sharedRetrained_ = true;
        keep(supernet_, file_, control);
    }

    void train(Supernet& supernet, const SupernetOptions& options, const std::string& task, const EvaluationControl& control) const {
        supernet.train(splits_, options, [&](const SupernetProgress& progress) {
            if (control.taskProgress && progress.epochs > 0 && progress.batches > 0)
                control.taskProgress(task,
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
    std::string split_;
    int splitEpochs_;
    int splitDecision_ = -1;
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    mutable std::vector<Supernet> copies_;
    mutable bool trained_ = false, sharedTrained_ = false, sharedRetrained_ = false;
    mutable double trainingSeconds_ = 0;
};

} // namespace

std::unique_ptr<Estimator> makeSupernetEstimator(const Json& params, const Json& project, const std::filesystem::path& projectFile) {
    return std::make_unique<SupernetEstimator>(params, project, projectFile);
}

} // namespace edgesmith
