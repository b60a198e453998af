#include "core/engine/compression_job.h"

#include "core/common/error.h"
#include "core/compress/policy_search.h"
#include "core/engine/compression_pipeline.h"
#include "core/engine/compression_run.h"
#include "core/engine/export_job.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <algorithm>

namespace edgesmith {
namespace {

void require(bool condition, const std::string& field, const std::string& message) {
    if (!condition) throw Error("", field, message);
}

class JobRunner {
public:
    JobRunner(const Project& project, const CompressionJob& job, const std::function<void(const std::string&)>& log, const std::atomic<bool>* cancel)
        : project_(project), job_(job), log_(log), cancel_(cancel) {}

    std::int64_t run() {
        const SearchSpace space = SearchSpace::parse(project_.spaceDocument(), project_.spaceLabel());
        const std::string key = job_.genotypeKey.substr(0, job_.genotypeKey.find('@'));
        const Genotype genotype = space.canonical(space.parseKey(key));
        const Json& document = project_.document();
        const Json pipeline = document.value("compression", Json::object()).value("pipeline", Json::array());
        if (job_.method == "pipeline") require(!pipeline.empty(), "compression.pipeline", "the project's pipeline is empty");
        training_ = TrainingOptions::fromJson(document.at("estimator").value("params", Json::object()));
        training_.applyAugmentation(document.at("dataset").value("augment", Json::object()));
        if (job_.trainingEpochs > 0) training_.epochs = job_.trainingEpochs;
        training_.threads = job_.threads;
        training_.progressEvery = 0;
        splits_ = loadProjectData(document.at("dataset"), project_.file());

        Store store = Store::open(project_.databasePath());
        const std::string method = job_.method == "pipeline" ? "pipeline" : job_.method + "-search/" + job_.strategy;
        CompressionRun record(store, project_, method, {key, job_.sourceRun, job_.sourceCandidate, ""}, {{"job", job_.toJson()}});
        try {
            Network network(space.derive(genotype), 0);
            say(key + ": training (" + training_.proxyDescription() + ")");
            trainChecked(network, training_);
            if (job_.method == "pipeline") {
                const PipelineResult result =
                    runCompressionPipeline(network, pipeline, splits_, training_, [&](const std::string& line) { say(line); }, cancel_);
                record.add(pipelineCandidate(key, result, evaluate(*result.network, splits_.validation, splits_).top1), *result.network, keptInfo(*result.network));
            } else if (job_.method == "mixed") {
                mixed(network, key, record);
            } else if (job_.method == "prune") {
                prune(network, key, record);
            } else {
                lowRank(network, key, record);
            }
        } catch (const Cancelled&) {
            record.fail("cancelled");
            throw;
        } catch (const std::exception& error) {
            record.fail(error.what());
            throw;
        }
        record.finish();
        say("recorded as run " + std::to_string(record.id()));
        return record.id();
    }

private:
    void say(const std::string& line) const {
        if (log_) log_(line);
    }
    // How the compressed network is kept for exports.
    ModelInfo keptInfo(Network& network) const {
        return projectModelInfo(project_, splits_, evaluate(network, splits_.test, splits_).top1);
    }
    void checkCancel() const {
        if (cancel_ && cancel_->load()) throw Cancelled();
    }
    void trainChecked(Network& network, TrainingOptions options) const {
        if (options.epochs <= 0) return;
        trainUnlessCancelled(network, splits_, options, cancel_);
    }
    TrainingOptions fineTuning() const {
        TrainingOptions options = training_;
        options.epochs = job_.fineTuneEpochs;
        return options;
    }
    // The chosen policy after fine-tuning, as a candidate of its own.
    Candidate tuned(Candidate candidate, Network& network) const {
        candidate.key += "-finetuned";
        const double accuracy = evaluate(network, splits_.validation, splits_).top1;
        candidate.metrics["accuracy"] = accuracy;
        candidate.metrics["error"] = 100.0 - accuracy;
        candidate.details["policy"]["fine_tune_epochs"] = job_.fineTuneEpochs;
        say("fine-tuned: validation top-1 " + std::to_string(accuracy).substr(0, 5) + " %");
        return candidate;
    }
    void progress(const std::string& what, int number, double accuracy) const {
        say(what + " " + std::to_string(number) + "/" + std::to_string(job_.evaluations) + ": validation top-1 " +
            std::to_string(accuracy).substr(0, 5) + " %");
        checkCancel();
    }

    void mixed(Network& network, const std::string& key, CompressionRun& record) {
        PolicySearchOptions search;
        search.strategy = job_.strategy;
        search.evaluations = job_.evaluations;
        const Architecture& architecture = network.architecture();
        search.budget.storageBytes = computeMetrics(architecture, QuantizationPolicy::uniform(architecture, job_.bits, 8).bitwidths()).storageBytes;
        const PolicySearchResult found = searchQuantizationPolicy(network, splits_, search, [&](const PolicyTrial& trial) {
            record.add(policyCandidate(architecture, key, trial));
            progress("policy", trial.number, trial.accuracy);
        });
        PolicyTrial best = found.best;
        if (job_.fineTuneEpochs > 0) {
            best.metrics = quantizationAwareTraining(network, splits_, best.policy, fineTuning(), cancel_).metrics;
            record.add(tuned(policyCandidate(architecture, key, best), network), network, keptInfo(network));
        }
    }

    void prune(Network& network, const std::string& key, CompressionRun& record) {
        PruningSearchOptions search;
        search.strategy = job_.strategy;
        search.evaluations = job_.evaluations;
        search.budget.macs = static_cast<std::int64_t>(job_.macsShare * double(computeMetrics(network.architecture()).macs));
        const PruningSearchResult found = searchPruningPolicy(network, splits_, search, [&](const PruningTrial& trial) {
            record.add(pruningPolicyCandidate(network.architecture(), key, trial, search.importance));
            progress("pruning policy", trial.number, trial.accuracy);
        });
        if (job_.fineTuneEpochs == 0) return;
        PruningResult pruned = pruneChannels(network, found.best.rates, search.importance);
        recalibrateBatchNorm(pruned.network, splits_.train, splits_);
        trainChecked(pruned.network, fineTuning());
        record.add(tuned(pruningPolicyCandidate(network.architecture(), key, found.best, search.importance), pruned.network), pruned.network,
                   keptInfo(pruned.network));
    }

    void lowRank(Network& network, const std::string& key, CompressionRun& record) {
        RankSearchOptions search;
        search.strategy = job_.strategy;
        search.evaluations = job_.evaluations;
        search.budget.macs = static_cast<std::int64_t>(job_.macsShare * double(computeMetrics(network.architecture()).macs));
        const RankSearchResult found = searchRanks(network, splits_, search, [&](const RankTrial& trial) {
            record.add(rankPolicyCandidate(network.architecture(), key, trial));
            progress("ranks", trial.number, trial.accuracy);
        });
        if (job_.fineTuneEpochs == 0) return;
        FactorisationResult factorised = factorise(network, found.best.ranks);
        trainChecked(factorised.network, fineTuning());
        record.add(tuned(rankPolicyCandidate(network.architecture(), key, found.best), factorised.network), factorised.network,
                   keptInfo(factorised.network));
    }

    const Project& project_;
    const CompressionJob& job_;
    const std::function<void(const std::string&)>& log_;
    const std::atomic<bool>* cancel_;
    TrainingOptions training_;
    Splits splits_;
};

} // namespace

Json CompressionJob::toJson() const {
    return {{"method", method},         {"genotype", genotypeKey},     {"source_run", sourceRun},  {"source_candidate", sourceCandidate},
            {"strategy", strategy},     {"evaluations", evaluations},  {"bits", bits},             {"macs_share", macsShare},
            {"training_epochs", trainingEpochs}, {"fine_tune_epochs", fineTuneEpochs}, {"threads", threads}};
}

CompressionJob CompressionJob::fromJson(const Json& json) {
    CompressionJob job;
    try {
        job.method = json.value("method", job.method);
        job.genotypeKey = json.at("genotype").get<std::string>();
        job.sourceRun = json.value("source_run", std::int64_t(0));
        job.sourceCandidate = json.value("source_candidate", std::int64_t(0));
        job.strategy = json.value("strategy", job.strategy);
        job.evaluations = json.value("evaluations", job.evaluations);
        job.bits = json.value("bits", job.bits);
        job.macsShare = json.value("macs_share", job.macsShare);
        job.trainingEpochs = json.value("training_epochs", job.trainingEpochs);
        job.fineTuneEpochs = json.value("fine_tune_epochs", job.fineTuneEpochs);
        job.threads = json.value("threads", job.threads);
    } catch (const nlohmann::json::exception& error) {
        throw Error("", "job", std::string("malformed compression job: ") + error.what());
    }
    return job;
}

std::int64_t runCompressionJob(const Project& project, const CompressionJob& job, const std::function<void(const std::string&)>& log,
                               const std::atomic<bool>* cancel) {
    require(job.method == "mixed" || job.method == "prune" || job.method == "low-rank" || job.method == "pipeline", "method",
            "use mixed, prune, low-rank or pipeline; got \"" + job.method + "\"");
    const std::vector<std::string> strategies = policyStrategies();
    require(std::find(strategies.begin(), strategies.end(), job.strategy) != strategies.end(), "strategy", "unknown policy strategy \"" + job.strategy + "\"");
    require(job.evaluations >= 1, "evaluations", "give at least one evaluation");
    require(job.bits >= 2 && job.bits <= 16, "bits", "the budget's bitwidth must be within 2..16");
    require(job.macsShare > 0 && job.macsShare <= 1, "macs_share", "the MACs budget must be a share in (0, 1]");
    require(job.fineTuneEpochs >= 0, "fine_tune_epochs", "epochs cannot be negative");
    require(job.trainingEpochs >= 0, "training_epochs", "epochs cannot be negative");
    return JobRunner(project, job, log, cancel).run();
}

} // namespace edgesmith
