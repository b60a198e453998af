#include "core/estimate/predictor.h"

#include "core/common/error.h"
#include "core/estimate/estimator.h"
#include "core/search/internal/gaussian_process.h"
#include "core/search/rank_correlation.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

namespace edgesmith {
namespace {

// One block per decision with a choice; all zeros where the decision is inactive.
std::vector<float> oneHot(const SearchSpace& space, const Genotype& genotype) {
    std::vector<float> features;
    for (std::size_t decision = 0; decision < genotype.size(); ++decision) {
        const std::size_t options = space.decisions()[decision].options.size();
        if (options < 2) continue;
        const bool active = space.isActive(genotype, decision);
        for (std::size_t option = 0; option < options; ++option)
            features.push_back(active && static_cast<int>(option) == genotype[decision] ? 1.0f : 0.0f);
    }
    return features;
}

double rootMeanSquare(const std::vector<double>& predicted, const std::vector<double>& actual) {
    double sum = 0;
    for (std::size_t index = 0; index < actual.size(); ++index) sum += (predicted[index] - actual[index]) * (predicted[index] - actual[index]);
    return std::sqrt(sum / double(std::max<std::size_t>(actual.size(), 1)));
}

} // namespace

Json PredictorReport::toJson() const {
    return {{"kind", kind}, {"training", training}, {"held_out", heldOut}, {"rmse", rmse}, {"mean_rmse", meanRmse},
            {"kendall_tau", std::isfinite(kendallTau) ? Json(kendallTau) : Json(nullptr)},
            {"spearman_rho", std::isfinite(spearmanRho) ? Json(spearmanRho) : Json(nullptr)}};
}

struct AccuracyPredictor::State {
    SearchSpace space;
    std::string kind;
    std::uint64_t seed;
    std::optional<gp::GaussianProcess> process;
    torch::nn::Sequential mlp{nullptr};
    double offset = 0, scale = 1;

    State(const SearchSpace& searchSpace, std::string predictorKind, std::uint64_t randomSeed)
        : space(searchSpace), kind(std::move(predictorKind)), seed(randomSeed) {}

    void fitProcess(const std::vector<Genotype>& genotypes, const std::vector<double>& targets) {
        std::size_t choices = 0;
        for (const Decision& decision : space.decisions()) choices += decision.options.size() >= 2;
        process.emplace(gp::Kernel::Matern52, std::sqrt(2.0 * double(std::max<std::size_t>(choices, 1))));
        std::vector<gp::Code> codes;
        for (const Genotype& genotype : genotypes) codes.push_back(gp::encode(space, space.canonical(genotype)));
        process->fit(std::move(codes), targets);
    }

    // Full-batch Adam on standardised targets: the data are a few hundred to a few thousand
    // genotypes, so a step is cheap and the fit deterministic with the seed.
    void fitNetwork(const std::vector<Genotype>& genotypes, const std::vector<double>& targets) {
        offset = std::accumulate(targets.begin(), targets.end(), 0.0) / double(targets.size());
        double spread = 0;
        for (double target : targets) spread += (target - offset) * (target - offset);
        scale = std::sqrt(spread / double(targets.size()));
        if (!(scale > 1e-12)) scale = 1;
        std::vector<float> rows, values;
        for (std::size_t index = 0; index < genotypes.size(); ++index) {
            const auto features = oneHot(space, space.canonical(genotypes[index]));
            rows.insert(rows.end(), features.begin(), features.end());
            values.push_back(float((targets[index] - offset) / scale));
        }
        const std::int64_t width = std::int64_t(rows.size() / genotypes.size());
        const torch::Tensor inputs = torch::from_blob(rows.data(), {std::int64_t(genotypes.size()), width}).clone();
        const torch::Tensor outputs = torch::from_blob(values.data(), {std::int64_t(values.size()), 1}).clone();
        torch::manual_seed(seed);
        mlp = torch::nn::Sequential(torch::nn::Linear(width, 64), torch::nn::ReLU(), torch::nn::Linear(64, 64), torch::nn::ReLU(),
                                    torch::nn::Linear(64, 1));
        torch::optim::AdamW optimizer(mlp->parameters(), torch::optim::AdamWOptions(0.01).weight_decay(0.01));
        mlp->train();
        for (int step = 0; step < 400; ++step) {
            optimizer.zero_grad();
            const torch::Tensor loss = torch::mse_loss(mlp->forward(inputs), outputs);
            loss.backward();
            optimizer.step();
        }
        mlp->eval();
    }
};

AccuracyPredictor::AccuracyPredictor(const SearchSpace& space, const std::string& kind, std::uint64_t seed)
    : state_(std::make_unique<State>(space, kind, seed)) {
    if (std::find(kinds().begin(), kinds().end(), kind) == kinds().end())
        throw Error("", "kind", "unknown predictor \"" + kind + "\" (gp or mlp)");
}

AccuracyPredictor::~AccuracyPredictor() = default;
AccuracyPredictor::AccuracyPredictor(AccuracyPredictor&&) noexcept = default;
AccuracyPredictor& AccuracyPredictor::operator=(AccuracyPredictor&&) noexcept = default;

const std::vector<std::string>& AccuracyPredictor::kinds() {
    static const std::vector<std::string> names = {"gp", "mlp"};
    return names;
}

const std::string& AccuracyPredictor::kind() const { return state_->kind; }

void AccuracyPredictor::fit(const std::vector<Genotype>& genotypes, const std::vector<double>& targets) {
    if (genotypes.size() != targets.size()) throw Error("", "predictor", "genotypes and targets differ in number");
    if (genotypes.size() < 2) throw Error("", "predictor", "needs at least two evaluated candidates to fit");
    if (state_->kind == "gp") state_->fitProcess(genotypes, targets);
    else state_->fitNetwork(genotypes, targets);
}

double AccuracyPredictor::predict(const Genotype& genotype) const {
    const Genotype canonical = state_->space.canonical(genotype);
    if (state_->process) return state_->process->predict(gp::encode(state_->space, canonical)).mean;
    if (!state_->mlp) throw Error("", "predictor", "predict() before fit()");
    auto features = oneHot(state_->space, canonical);
    torch::NoGradGuard guard;
    const torch::Tensor input = torch::from_blob(features.data(), {1, std::int64_t(features.size())});
    return state_->offset + state_->scale * state_->mlp->forward(input).item<double>();
}

PredictorReport AccuracyPredictor::validate(const std::vector<Genotype>& genotypes, const std::vector<double>& targets, double heldOutFraction) {
    if (genotypes.size() != targets.size() || genotypes.size() < 4)
        throw Error("", "predictor", "needs at least four evaluated candidates to fit and hold some out");
    std::vector<std::size_t> order(genotypes.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(state_->seed);
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t heldOut = std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(heldOutFraction * double(order.size()))), 2, order.size() - 2);
    std::vector<Genotype> trainGenotypes, testGenotypes;
    std::vector<double> trainTargets, testTargets;
    for (std::size_t position = 0; position < order.size(); ++position) {
        const std::size_t index = order[position];
        (position < heldOut ? testGenotypes : trainGenotypes).push_back(genotypes[index]);
        (position < heldOut ? testTargets : trainTargets).push_back(targets[index]);
    }
    fit(trainGenotypes, trainTargets);
    std::vector<double> predicted;
    for (const Genotype& genotype : testGenotypes) predicted.push_back(predict(genotype));
    const double mean = std::accumulate(trainTargets.begin(), trainTargets.end(), 0.0) / double(trainTargets.size());
    PredictorReport report;
    report.kind = state_->kind;
    report.training = trainGenotypes.size();
    report.heldOut = testGenotypes.size();
    report.rmse = rootMeanSquare(predicted, testTargets);
    report.meanRmse = rootMeanSquare(std::vector<double>(testTargets.size(), mean), testTargets);
    report.kendallTau = kendallTau(predicted, testTargets);
    report.spearmanRho = spearmanRho(predicted, testTargets);
    return report;
}

std::vector<std::string> sourceEstimators(const std::string& source) {
    if (source == "supernet") return {"supernet"};
    if (source == "training") return {"training", "proxy-training"};
    throw Error("", "source", "unknown source \"" + source + "\" (training or supernet)");
}

Observations storedObservations(const Store& store, const SearchSpace& space, const Json& spaceDocument, const std::string& metric,
                                const std::vector<std::string>& estimators, const std::filesystem::path& projectFile) {
    Observations observations;
    std::set<std::string> seen;
    for (const RunInfo& run : store.runs()) {
        if (std::find(estimators.begin(), estimators.end(), run.estimator) == estimators.end()) continue;
        try {
            if (projectSpaceDocument(run.project, projectFile) != spaceDocument) continue;
        } catch (const std::exception&) {
            continue; // a run of another project whose space cannot be read here
        }
        bool used = false;
        for (const Candidate& candidate : store.candidates(run.id)) {
            if (candidate.status != CandidateStatus::Evaluated || !candidate.has(metric) || candidate.key.find('@') != std::string::npos) continue;
            // The first measurement of a genotype counts; repeats would weigh it twice.
            if (!seen.insert(candidate.key).second) continue;
            Genotype genotype;
            try {
                genotype = space.canonical(space.parseKey(candidate.key));
            } catch (const Error&) {
                continue;
            }
            observations.genotypes.push_back(genotype);
            observations.values.push_back(candidate.metric(metric));
            used = true;
        }
        if (used) observations.runs.push_back(run.id);
    }
    return observations;
}

} // namespace edgesmith
