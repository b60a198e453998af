#pragma once
// Private to core: the Gaussian process on genotypes that Bayesian optimisation uses as its
// surrogate and the accuracy predictor as one of its regressors. Genotypes are encoded as
// the option per decision; distances are those of one-hot vectors.
#include "core/space/space.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace edgesmith::gp {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Length scales as fractions of the largest distance between two genotypes, and noise
// as a fraction of the signal variance: a grid cheap enough to search every step.
constexpr double kLengthFractions[] = {0.1, 0.2, 0.35, 0.6, 1.0, 1.8};
constexpr double kNoiseRatios[] = {1e-4, 1e-2, 0.1};
constexpr std::size_t kHyperParameterPoints = 100;

// ---- encoding ------------------------------------------------------------------------

// The option per decision that has a choice, -1 where the decision is inactive. Squared
// distances equal those of one-hot vectors with inactive decisions all zero: 2 per
// differing choice, 1 where only one genotype uses the decision.
using Code = std::vector<int>;

inline Code encode(const SearchSpace& space, const Genotype& genotype) {
    Code code;
    for (std::size_t decision = 0; decision < genotype.size(); ++decision) {
        if (space.decisions()[decision].options.size() < 2) continue;
        code.push_back(space.isActive(genotype, decision) ? genotype[decision] : -1);
    }
    return code;
}

// Branch-free so that the loop vectorises: the pool is compared with every training point.
inline double squaredDistance(const Code& first, const Code& second) {
    int sum = 0;
    for (std::size_t index = 0; index < first.size(); ++index) {
        const int differs = first[index] != second[index];
        const int bothActive = (first[index] | second[index]) >= 0;
        sum += differs * (1 + bothActive);
    }
    return sum;
}

enum class Kernel { Matern52, Rbf };

inline double correlation(Kernel kernel, double distance2, double lengthScale) {
    const double scaled = distance2 / (lengthScale * lengthScale);
    if (kernel == Kernel::Rbf) return std::exp(-0.5 * scaled);
    const double root = std::sqrt(5.0 * scaled);
    return (1.0 + root + root * root / 3.0) * std::exp(-root);
}

// ---- linear algebra --------------------------------------------------------------------

// Four running sums instead of one: a single sum waits on every previous addition, four
// keep the floating-point units busy. The order is fixed, so results stay deterministic.
inline double dot(const double* first, const double* second, std::size_t count) {
    double sums[4] = {0, 0, 0, 0};
    std::size_t index = 0;
    for (; index + 4 <= count; index += 4)
        for (std::size_t lane = 0; lane < 4; ++lane) sums[lane] += first[index + lane] * second[index + lane];
    for (; index < count; ++index) sums[0] += first[index] * second[index];
    return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

// A lower-triangular Cholesky factor grown one row at a time, so that the full
// factorisation and the kriging-believer fantasies share one code path.
class Cholesky {
public:
    // Appends the row of a new point given its covariances with the earlier points;
    // false (and unchanged) when the matrix would stop being positive definite.
    bool append(std::vector<double> covariances, double variance) {
        for (std::size_t column = 0; column < rows_.size(); ++column) {
            const std::vector<double>& row = rows_[column];
            covariances[column] = (covariances[column] - dot(covariances.data(), row.data(), column)) / row[column];
        }
        const double rest = variance - dot(covariances.data(), covariances.data(), covariances.size());
        if (!(rest > 1e-12)) return false;
        covariances.push_back(std::sqrt(rest));
        rows_.push_back(std::move(covariances));
        return true;
    }

    std::size_t size() const { return rows_.size(); }

    // L⁻¹ b.
    std::vector<double> forward(std::vector<double> values) const {
        for (std::size_t index = 0; index < rows_.size(); ++index) {
            const std::vector<double>& row = rows_[index];
            values[index] = (values[index] - dot(row.data(), values.data(), index)) / row[index];
        }
        return values;
    }

    // (L Lᵀ)⁻¹ b; the back substitution walks rows so memory stays contiguous.
    std::vector<double> solve(const std::vector<double>& values) const {
        std::vector<double> result = forward(values);
        for (std::size_t index = rows_.size(); index-- > 0;) {
            const std::vector<double>& row = rows_[index];
            result[index] /= row[index];
            for (std::size_t inner = 0; inner < index; ++inner) result[inner] -= row[inner] * result[index];
        }
        return result;
    }

    double halfLogDeterminant() const {
        double sum = 0;
        for (std::size_t index = 0; index < rows_.size(); ++index) sum += std::log(rows_[index][index]);
        return sum;
    }

private:
    std::vector<std::vector<double>> rows_;
};

// ---- Gaussian process ---------------------------------------------------------------------

struct Prediction {
    double mean = 0, deviation = 1;
};

// Zero-mean GP on standardised targets. The signal variance is profiled out of the
// marginal likelihood (its optimum is yᵀC⁻¹y / n for a correlation matrix C), so only
// the length scale and the noise ratio are searched.
class GaussianProcess {
public:
    GaussianProcess(Kernel kernel, double maximumDistance) : kernel_(kernel), maximumDistance_(maximumDistance) {}

    void fit(std::vector<Code> inputs, const std::vector<double>& targets) {
        inputs_ = std::move(inputs);
        standardise(targets);
        const auto [lengthScale, noise] = chooseHyperParameters();
        std::optional<Fit> fit = tryFit(pairwiseDistances(inputs_), targets_, lengthScale, noise);
        // Distinct genotypes keep these matrices positive definite; this is a guard.
        if (!fit) fit = tryFit(pairwiseDistances(inputs_), targets_, maximumDistance_, 1.0);
        if (fit) fit_ = std::move(*fit);
    }

    // Kriging believer: conditions on a pending point as if it returned its posterior mean.
    void addFantasy(const Code& input) {
        std::vector<double> column = correlations(input);
        const double mean = standardisedMean(column);
        if (!fit_.factor.append(std::move(column), 1.0 + fit_.noise)) return;
        inputs_.push_back(input);
        targets_.push_back(mean);
        fit_.weights = fit_.factor.solve(targets_);
    }

    Prediction predict(const Code& input) const {
        const std::vector<double> column = correlations(input);
        const std::vector<double> projected = fit_.factor.forward(column);
        const double explained = dot(projected.data(), projected.data(), projected.size());
        const double variance = fit_.signal * std::max(1.0 - explained, 1e-12);
        return {offset_ + scale_ * standardisedMean(column), scale_ * std::sqrt(variance)};
    }

private:
    struct Fit {
        Cholesky factor;
        std::vector<double> weights; // C⁻¹ y
        double lengthScale = 1, noise = 1, signal = 1, likelihood = -kInfinity;
    };

    void standardise(const std::vector<double>& targets) {
        const double count = static_cast<double>(std::max<std::size_t>(targets.size(), 1));
        offset_ = std::accumulate(targets.begin(), targets.end(), 0.0) / count;
        double spread = 0;
        for (const double target : targets) spread += (target - offset_) * (target - offset_);
        scale_ = std::sqrt(spread / count);
        if (!(scale_ > 1e-12)) scale_ = 1.0;
        targets_.clear();
        for (const double target : targets) targets_.push_back((target - offset_) / scale_);
    }

    // The grid is searched on an evenly spread subset of at most kHyperParameterPoints:
    // the likelihood surface hardly moves with more points, and the search then costs
    // less than the final factorisation.
    std::pair<double, double> chooseHyperParameters() const {
        const std::size_t stride = (inputs_.size() + kHyperParameterPoints - 1) / kHyperParameterPoints;
        std::vector<Code> inputs;
        std::vector<double> targets;
        for (std::size_t index = 0; index < inputs_.size(); index += std::max<std::size_t>(stride, 1)) {
            inputs.push_back(inputs_[index]);
            targets.push_back(targets_[index]);
        }
        const std::vector<std::vector<double>> distances = pairwiseDistances(inputs);
        std::pair<double, double> best{maximumDistance_, 1.0};
        double bestLikelihood = -kInfinity;
        for (const double fraction : kLengthFractions)
            for (const double noise : kNoiseRatios) {
                const std::optional<Fit> fit = tryFit(distances, targets, fraction * maximumDistance_, noise);
                if (fit && fit->likelihood > bestLikelihood) {
                    bestLikelihood = fit->likelihood;
                    best = {fraction * maximumDistance_, noise};
                }
            }
        return best;
    }

    static std::vector<std::vector<double>> pairwiseDistances(const std::vector<Code>& inputs) {
        std::vector<std::vector<double>> distances(inputs.size());
        for (std::size_t row = 0; row < inputs.size(); ++row)
            for (std::size_t column = 0; column < row; ++column) distances[row].push_back(squaredDistance(inputs[row], inputs[column]));
        return distances;
    }

    std::optional<Fit> tryFit(const std::vector<std::vector<double>>& distances, const std::vector<double>& targets, double lengthScale,
                              double noise) const {
        Fit fit;
        fit.lengthScale = lengthScale;
        fit.noise = noise;
        for (const std::vector<double>& row : distances) {
            std::vector<double> column;
            column.reserve(row.size());
            for (const double distance : row) column.push_back(correlation(kernel_, distance, lengthScale));
            if (!fit.factor.append(std::move(column), 1.0 + noise)) return std::nullopt;
        }
        fit.weights = fit.factor.solve(targets);
        const double count = static_cast<double>(std::max<std::size_t>(targets.size(), 1));
        const double quadratic = dot(targets.data(), fit.weights.data(), targets.size());
        fit.signal = std::max(quadratic / count, 1e-6);
        fit.likelihood = -0.5 * count * std::log(fit.signal) - fit.factor.halfLogDeterminant();
        return fit;
    }

    std::vector<double> correlations(const Code& input) const {
        std::vector<double> column;
        column.reserve(inputs_.size());
        for (const Code& other : inputs_) column.push_back(correlation(kernel_, squaredDistance(input, other), fit_.lengthScale));
        return column;
    }

    double standardisedMean(const std::vector<double>& column) const {
        return dot(column.data(), fit_.weights.data(), column.size());
    }

    Kernel kernel_;
    double maximumDistance_;
    std::vector<Code> inputs_;
    std::vector<double> targets_;
    double offset_ = 0, scale_ = 1;
    Fit fit_;
};

} // namespace edgesmith::gp
