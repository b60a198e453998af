#pragma once
// Accuracy predictors (survey III-C1, the OFA / FBNetV3 way): a regressor from the genotype
// to a metric, fitted on candidates already evaluated, then asked instead of training.
// Two regressors: a Gaussian process on the genotype (Matérn 5/2 on one-hot distances,
// hyper-parameters by marginal likelihood) and a small MLP on the one-hot encoding. Each
// reports its own fit on held-out candidates, so a search knows how far to trust it.
#include "core/common/json.h"
#include "core/space/space.h"
#include "core/store/store.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace edgesmith {

struct PredictorReport {
    std::string kind;
    std::size_t training = 0, heldOut = 0;
    double rmse = 0;          // on the held-out candidates
    double meanRmse = 0;      // of always predicting the training mean: the bar to beat
    double kendallTau = 0, spearmanRho = 0; // predicted against actual, held out
    Json toJson() const;
};

class AccuracyPredictor {
public:
    // `kind` is "gp" or "mlp"; throws Error for another.
    AccuracyPredictor(const SearchSpace& space, const std::string& kind, std::uint64_t seed = 0);
    ~AccuracyPredictor();
    AccuracyPredictor(AccuracyPredictor&&) noexcept;
    AccuracyPredictor& operator=(AccuracyPredictor&&) noexcept;

    static const std::vector<std::string>& kinds();
    const std::string& kind() const;

    // Throws Error for fewer than two points or mismatched lengths.
    void fit(const std::vector<Genotype>& genotypes, const std::vector<double>& targets);
    double predict(const Genotype& genotype) const; // thread-safe once fitted

    // Fits on a seeded random (1 − heldOutFraction) of the points and scores the rest; the
    // predictor stays fitted on the training part.
    PredictorReport validate(const std::vector<Genotype>& genotypes, const std::vector<double>& targets, double heldOutFraction = 0.2);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The evaluated candidates of `store`'s runs whose project used the same space (compared as
// documents) and one of `estimators`, with their `metric`; compressed variants are left out.
// The estimators whose runs a predictor learns from: "training" (training and
// proxy-training runs) or "supernet".
std::vector<std::string> sourceEstimators(const std::string& source);

struct Observations {
    std::vector<Genotype> genotypes;
    std::vector<double> values;
    std::vector<std::int64_t> runs;
};
Observations storedObservations(const Store& store, const SearchSpace& space, const Json& spaceDocument, const std::string& metric,
                                const std::vector<std::string>& estimators, const std::filesystem::path& projectFile);

} // namespace edgesmith
