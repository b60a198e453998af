// Bayesian optimisation (survey III-B, Fig. 4a): a Gaussian-process surrogate of the
// evaluated genotypes chooses the next ones by expected improvement (eq. 10) on the
// fitness, by ParEGO (EI on a randomly weighted Tchebycheff scalarisation) or by the
// expected hypervolume improvement of independent per-objective GPs (MOBO).
#include "core/search/internal/gaussian_process.h"
#include "core/search/pareto.h"
#include "core/search/strategies.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

namespace edgesmith {
namespace {

using namespace gp;

// Factorising costs O(n^3) and scoring the pool O(n^2) per genotype. At 300 points one
// step takes about 50 ms (EI, 1,200 pool genotypes, fmnist-mbconv; EHVI with two
// objectives twice that), so a 1,000-evaluation run spends under a minute in the
// surrogate; uncapped, steps would grow cubically to seconds. Old mediocre points add
// little to a GP whose length scale spans a few decisions, so the best half and the most
// recent rest are kept.
constexpr std::size_t kTrainingCap = 300;
constexpr std::size_t kIncumbents = 5;
constexpr int kMonteCarloDraws = 64;
constexpr int kSampleRetries = 200;
constexpr double kTchebycheffRho = 0.05;

// ---- acquisition ------------------------------------------------------------------------

double normalDensity(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi); }
double normalCumulative(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Eq. 10 for a maximised target under a normal posterior.
double expectedImprovement(double mean, double deviation, double best) {
    const double gain = mean - best;
    if (deviation < 1e-12) return std::max(gain, 0.0);
    const double z = gain / deviation;
    return gain * normalCumulative(z) + deviation * normalDensity(z);
}

// ---- observations ------------------------------------------------------------------------

struct Observation {
    std::string key;
    Genotype genotype;
    std::vector<double> minimised; // +infinity components when failed or infeasible
    double fitness = -kInfinity;
};

Json finiteOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }
double numberOr(const Json& value, double fallback) { return value.is_number() ? value.get<double>() : fallback; }

// Failed and infeasible candidates count as the worst value seen, so the GP learns to
// avoid them without an infinite target; with nothing finite yet every value is 0.
std::vector<double> imputeWorst(std::vector<double> values, bool largerIsWorse) {
    std::optional<double> worst;
    for (const double value : values)
        if (std::isfinite(value)) worst = !worst ? value : largerIsWorse ? std::max(*worst, value) : std::min(*worst, value);
    for (double& value : values)
        if (!std::isfinite(value)) value = worst.value_or(0.0);
    return values;
}

std::vector<Point> imputedMinimised(const std::vector<Observation>& observations, std::size_t objectives) {
    std::vector<Point> points(observations.size(), Point(objectives));
    for (std::size_t objective = 0; objective < objectives; ++objective) {
        std::vector<double> column;
        for (const Observation& observation : observations) column.push_back(observation.minimised[objective]);
        column = imputeWorst(std::move(column), true);
        for (std::size_t index = 0; index < points.size(); ++index) points[index][objective] = column[index];
    }
    return points;
}

// The training set under kTrainingCap: the best half by `rank` (lower is better), then
// the most recent of the rest; returned in telling order.
std::vector<std::size_t> trainingSet(const std::vector<double>& rank) {
    std::vector<std::size_t> all(rank.size());
    std::iota(all.begin(), all.end(), 0);
    if (all.size() <= kTrainingCap) return all;
    std::vector<std::size_t> byRank = all;
    std::stable_sort(byRank.begin(), byRank.end(), [&](std::size_t left, std::size_t right) { return rank[left] < rank[right]; });
    std::vector<bool> chosen(rank.size(), false);
    for (std::size_t index = 0; index < kTrainingCap / 2; ++index) chosen[byRank[index]] = true;
    std::size_t count = kTrainingCap / 2;
    for (std::size_t index = rank.size(); index-- > 0 && count < kTrainingCap;)
        if (!chosen[index]) {
            chosen[index] = true;
            ++count;
        }
    std::vector<std::size_t> result;
    for (std::size_t index : all)
        if (chosen[index]) result.push_back(index);
    return result;
}

// Genotypes scored by the acquisition function in one ask().
struct Pool {
    std::vector<Genotype> genotypes;
    std::vector<Code> codes;
};

// One acquisition step's surrogate: fitted models and what scoring needs.
struct Surrogate {
    std::vector<GaussianProcess> models;
    double best = -kInfinity;          // scalar modes: the best target so far
    std::vector<Point> front;          // ehvi: the (believed) non-dominated points
    Point reference;                   // ehvi
    Point low, range;                  // ehvi: tie-breaking scale per objective
    std::vector<std::vector<double>> normals; // ehvi: common random numbers per draw
};

// ---- the strategy ------------------------------------------------------------------------

class BayesianStrategy : public Strategy {
public:
    BayesianStrategy(const StrategyContext& context, const Json& params)
        : context_(context), initial_(params.at("initial_samples").get<std::int64_t>()),
          iterations_(params.at("iterations").get<std::int64_t>()), poolSize_(params.at("pool_size").get<int>()),
          kernel_(params.at("kernel").get<std::string>() == "rbf" ? Kernel::Rbf : Kernel::Matern52),
          random_(params.at("seed").get<std::uint64_t>()) {
        const std::string acquisition = params.at("acquisition").get<std::string>();
        const bool several = context.objectives->list().size() > 1;
        // "auto": EHVI when several objectives are kept apart (EI would see only the first);
        // under a soft rule the reward is one number and EI is the right tool.
        const bool scalar = !several || acquisition == "ei" || (acquisition == "auto" && context.objectives->softKind() != "pareto");
        mode_ = scalar ? Mode::Improvement : acquisition == "parego" ? Mode::ParEgo : Mode::Hypervolume;
        std::size_t choices = 0;
        for (const Decision& decision : context.space->decisions()) choices += decision.options.size() > 1 ? 1 : 0;
        maximumDistance_ = std::sqrt(2.0 * static_cast<double>(std::max<std::size_t>(choices, 1)));
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        if (finished()) return batch;
        std::optional<Pool> pool;
        while (static_cast<std::int64_t>(batch.size()) < allowed(count)) {
            const bool exploring = proposed() < initial_ || observations_.empty();
            std::optional<Genotype> next = exploring ? drawFresh() : acquire(pool);
            if (!next) {
                exhausted_ = batch.empty() && pending_.empty();
                break;
            }
            generation_ = exploring ? 0 : static_cast<int>(proposed() - initial_ + 1);
            pending_.push_back({context_.space->key(*next), *next});
            batch.push_back(std::move(*next));
        }
        return batch;
    }

    void tell(const Candidate& candidate) override {
        const auto found = std::find_if(pending_.begin(), pending_.end(), [&](const auto& entry) { return entry.first == candidate.key; });
        if (found != pending_.end()) pending_.erase(found);
        if (!toldKeys_.insert(candidate.key).second) return; // told twice: learn once
        const Genotype genotype = candidate.genotype.empty() ? context_.space->parseKey(candidate.key) : candidate.genotype;
        observations_.push_back({candidate.key, context_.space->canonical(genotype), context_.objectives->minimised(candidate),
                                 context_.objectives->fitness(candidate)});
    }

    bool finished() const override {
        return exhausted_ || (context_.budget <= 0 && static_cast<std::int64_t>(observations_.size()) >= initial_ + iterations_);
    }
    std::int64_t plannedEvaluations() const override { return context_.budget > 0 ? context_.budget : initial_ + iterations_; }
    int generation() const override { return generation_; }

    Json state() const override {
        Json told = Json::array();
        for (const Observation& observation : observations_) {
            Json minimised = Json::array();
            for (const double value : observation.minimised) minimised.push_back(finiteOrNull(value));
            told.push_back({{"key", observation.key}, {"minimised", minimised}, {"fitness", finiteOrNull(observation.fitness)}});
        }
        Json pending = Json::array();
        for (const auto& entry : pending_) pending.push_back(entry.first);
        return {{"random", saveRandom(random_)}, {"observations", told}, {"pending", pending},
                {"exhausted", exhausted_}, {"generation", generation_}};
    }

    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        observations_.clear();
        toldKeys_.clear();
        for (const Json& entry : state.at("observations")) {
            Observation observation{entry.at("key").get<std::string>(), {}, {}, numberOr(entry.at("fitness"), -kInfinity)};
            observation.genotype = context_.space->parseKey(observation.key);
            for (const Json& value : entry.at("minimised")) observation.minimised.push_back(numberOr(value, kInfinity));
            toldKeys_.insert(observation.key);
            observations_.push_back(std::move(observation));
        }
        pending_.clear();
        for (const Json& key : state.at("pending")) pending_.push_back({key.get<std::string>(), context_.space->parseKey(key.get<std::string>())});
        exhausted_ = state.at("exhausted").get<bool>();
        generation_ = state.at("generation").get<int>();
    }

private:
    enum class Mode { Improvement, ParEgo, Hypervolume };

    std::int64_t proposed() const { return static_cast<std::int64_t>(observations_.size() + pending_.size()); }
    std::int64_t allowed(int count) const {
        if (context_.budget > 0) return count;
        return std::min<std::int64_t>(count, initial_ + iterations_ - proposed());
    }

    bool taken(const std::string& key) const {
        if (toldKeys_.count(key)) return true;
        return std::any_of(pending_.begin(), pending_.end(), [&](const auto& entry) { return entry.first == key; });
    }
    bool fits(const Genotype& genotype) const { return !context_.withinBudgets || context_.withinBudgets(genotype); }

    // A uniform genotype not yet told or in flight that keeps the budgets; after the
    // retries, the first fresh one even if it breaks them (the engine records it as
    // infeasible), and none when the space seems used up.
    std::optional<Genotype> drawFresh() {
        std::optional<Genotype> fallback;
        for (int attempt = 0; attempt < kSampleRetries; ++attempt) {
            Genotype genotype = context_.space->sample(random_);
            if (taken(context_.space->key(genotype))) continue;
            if (fits(genotype)) return genotype;
            if (!fallback) fallback = std::move(genotype);
        }
        return fallback;
    }

    std::optional<Genotype> acquire(std::optional<Pool>& pool) {
        if (!pool) pool = buildPool();
        if (pool->genotypes.empty()) return drawFresh();
        const Surrogate surrogate = fitSurrogate();
        std::size_t chosen = 0;
        std::pair<double, double> best{-kInfinity, -kInfinity};
        for (std::size_t index = 0; index < pool->codes.size(); ++index) {
            const std::pair<double, double> value = score(surrogate, pool->codes[index]);
            if (value > best) {
                best = value;
                chosen = index;
            }
        }
        Genotype genotype = std::move(pool->genotypes[chosen]);
        pool->genotypes.erase(pool->genotypes.begin() + static_cast<long>(chosen));
        pool->codes.erase(pool->codes.begin() + static_cast<long>(chosen));
        return genotype;
    }

    // Random genotypes plus mutations of the incumbents: the acquisition optimum often
    // sits one or two decisions away from the best points, which uniform draws rarely hit.
    Pool buildPool() {
        Pool pool;
        std::set<std::string> seen = toldKeys_;
        for (const auto& entry : pending_) seen.insert(entry.first);
        const auto offer = [&](Genotype genotype) {
            if (!seen.insert(context_.space->key(genotype)).second || !fits(genotype)) return;
            pool.codes.push_back(encode(*context_.space, genotype));
            pool.genotypes.push_back(std::move(genotype));
        };
        const int mutations = std::max(10, poolSize_ / static_cast<int>(5 * kIncumbents));
        for (const std::size_t incumbent : incumbents())
            for (int mutation = 0; mutation < mutations; ++mutation)
                offer(context_.space->mutate(observations_[incumbent].genotype, 1 + mutation % 2, random_));
        const std::size_t target = pool.genotypes.size() + static_cast<std::size_t>(poolSize_);
        for (int attempt = 0; attempt < 2 * poolSize_ && pool.genotypes.size() < target; ++attempt) offer(context_.space->sample(random_));
        return pool;
    }

    // Lower is better: front index for EHVI, negated fitness otherwise.
    std::vector<double> ranks() const {
        std::vector<double> rank(observations_.size());
        if (mode_ == Mode::Hypervolume) {
            const auto fronts = nonDominatedSort(imputedMinimised(observations_, objectiveCount()));
            for (std::size_t front = 0; front < fronts.size(); ++front)
                for (const std::size_t index : fronts[front]) rank[index] = static_cast<double>(front);
            return rank;
        }
        const std::vector<double> fitness = imputeWorst(fitnesses(), false);
        for (std::size_t index = 0; index < rank.size(); ++index) rank[index] = -fitness[index];
        return rank;
    }

    std::vector<std::size_t> incumbents() const {
        const std::vector<double> rank = ranks();
        std::vector<std::size_t> order(rank.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) { return rank[left] < rank[right]; });
        order.resize(std::min(order.size(), kIncumbents));
        return order;
    }

    std::size_t objectiveCount() const { return context_.objectives->list().size(); }

    std::vector<double> fitnesses() const {
        std::vector<double> values;
        for (const Observation& observation : observations_) values.push_back(observation.fitness);
        return values;
    }

    Surrogate fitSurrogate() {
        const std::vector<std::size_t> training = trainingSet(ranks());
        std::vector<Code> inputs;
        for (const std::size_t index : training) inputs.push_back(encode(*context_.space, observations_[index].genotype));
        if (mode_ == Mode::Hypervolume) return hypervolumeSurrogate(training, inputs);
        const std::vector<double> all = mode_ == Mode::ParEgo ? tchebycheffTargets() : imputeWorst(fitnesses(), false);
        std::vector<double> targets;
        for (const std::size_t index : training) targets.push_back(all[index]);
        Surrogate surrogate;
        surrogate.best = *std::max_element(all.begin(), all.end());
        surrogate.models.emplace_back(kernel_, maximumDistance_);
        surrogate.models.back().fit(std::move(inputs), targets);
        for (const auto& entry : pending_) surrogate.models.back().addFantasy(encode(*context_.space, entry.second));
        return surrogate;
    }

    // ParEGO: negated augmented Tchebycheff scalarisation of the objectives normalised
    // to [0, 1], under weights drawn uniformly from the simplex at every step.
    std::vector<double> tchebycheffTargets() {
        const std::vector<Point> points = imputedMinimised(observations_, objectiveCount());
        std::vector<double> weights(objectiveCount());
        std::exponential_distribution<double> exponential(1.0);
        for (double& weight : weights) weight = exponential(random_);
        const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
        for (double& weight : weights) weight /= total;
        const auto [low, range] = bounds(points);
        std::vector<double> targets;
        for (const Point& point : points) {
            double largest = -kInfinity, sum = 0;
            for (std::size_t objective = 0; objective < point.size(); ++objective) {
                const double term = weights[objective] * (point[objective] - low[objective]) / range[objective];
                largest = std::max(largest, term);
                sum += term;
            }
            targets.push_back(-(largest + kTchebycheffRho * sum));
        }
        return targets;
    }

    static std::pair<Point, Point> bounds(const std::vector<Point>& points) {
        Point low(points.front()), high(points.front());
        for (const Point& point : points)
            for (std::size_t objective = 0; objective < point.size(); ++objective) {
                low[objective] = std::min(low[objective], point[objective]);
                high[objective] = std::max(high[objective], point[objective]);
            }
        Point range(low.size());
        for (std::size_t objective = 0; objective < low.size(); ++objective)
            range[objective] = high[objective] - low[objective] > 1e-12 ? high[objective] - low[objective] : std::max(std::abs(high[objective]), 1.0);
        return {low, range};
    }

    Surrogate hypervolumeSurrogate(const std::vector<std::size_t>& training, const std::vector<Code>& inputs) {
        const std::vector<Point> points = imputedMinimised(observations_, objectiveCount());
        Surrogate surrogate;
        std::tie(surrogate.low, surrogate.range) = bounds(points);
        for (std::size_t objective = 0; objective < objectiveCount(); ++objective) {
            std::vector<double> targets;
            for (const std::size_t index : training) targets.push_back(points[index][objective]);
            surrogate.models.emplace_back(kernel_, maximumDistance_);
            surrogate.models.back().fit(inputs, targets);
            surrogate.reference.push_back(surrogate.low[objective] + 1.1 * surrogate.range[objective]);
        }
        std::vector<Point> believed = points;
        for (const auto& entry : pending_) {
            const Code code = encode(*context_.space, entry.second);
            Point mean;
            for (GaussianProcess& model : surrogate.models) {
                mean.push_back(model.predict(code).mean);
                model.addFantasy(code);
            }
            believed.push_back(std::move(mean));
        }
        for (const std::size_t index : paretoFront(believed)) surrogate.front.push_back(believed[index]);
        std::normal_distribution<double> normal;
        surrogate.normals.assign(kMonteCarloDraws, std::vector<double>(objectiveCount()));
        for (auto& draw : surrogate.normals)
            for (double& value : draw) value = normal(random_);
        return surrogate;
    }

    // The acquisition value and a tie-breaker (the posterior mean, for regions where
    // the improvement underflows to zero).
    std::pair<double, double> score(const Surrogate& surrogate, const Code& code) const {
        if (mode_ != Mode::Hypervolume) {
            const Prediction prediction = surrogate.models.front().predict(code);
            return {expectedImprovement(prediction.mean, prediction.deviation, surrogate.best), prediction.mean};
        }
        std::vector<Prediction> predictions;
        double closeness = 0;
        for (std::size_t objective = 0; objective < surrogate.models.size(); ++objective) {
            predictions.push_back(surrogate.models[objective].predict(code));
            closeness -= (predictions.back().mean - surrogate.low[objective]) / surrogate.range[objective];
        }
        return {expectedHypervolumeImprovement(surrogate, predictions), closeness};
    }

    // Monte-Carlo EHVI with the same normal draws for every genotype, so that the
    // comparison between genotypes is not drowned by sampling noise.
    static double expectedHypervolumeImprovement(const Surrogate& surrogate, const std::vector<Prediction>& predictions) {
        if (!canImprove(surrogate, predictions, 3.0)) return 0;
        std::vector<Point> points = surrogate.front;
        const double base = hypervolume(points, surrogate.reference);
        double total = 0;
        for (const std::vector<double>& normals : surrogate.normals) {
            Point sample;
            for (std::size_t objective = 0; objective < predictions.size(); ++objective)
                sample.push_back(predictions[objective].mean + predictions[objective].deviation * normals[objective]);
            if (!improves(surrogate, sample)) continue;
            points.push_back(std::move(sample));
            total += hypervolume(points, surrogate.reference) - base;
            points.pop_back();
        }
        return total / static_cast<double>(surrogate.normals.size());
    }

    // Whether the optimistic corner `deviations` below the mean could add hypervolume.
    static bool canImprove(const Surrogate& surrogate, const std::vector<Prediction>& predictions, double deviations) {
        Point corner;
        for (const Prediction& prediction : predictions) corner.push_back(prediction.mean - deviations * prediction.deviation);
        return improves(surrogate, corner);
    }

    static bool improves(const Surrogate& surrogate, const Point& point) {
        for (std::size_t objective = 0; objective < point.size(); ++objective)
            if (!(point[objective] < surrogate.reference[objective])) return false;
        for (const Point& member : surrogate.front)
            if (std::equal(member.begin(), member.end(), point.begin(), [](double left, double right) { return left <= right; })) return false;
        return true;
    }

    StrategyContext context_;
    std::int64_t initial_, iterations_;
    int poolSize_;
    Kernel kernel_;
    Mode mode_ = Mode::Improvement;
    double maximumDistance_ = 1;
    std::mt19937_64 random_;
    std::vector<Observation> observations_; // in telling order
    std::set<std::string> toldKeys_;
    std::vector<std::pair<std::string, Genotype>> pending_; // in asking order
    bool exhausted_ = false;
    int generation_ = 0;
};

} // namespace

std::unique_ptr<Strategy> makeBayesianStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<BayesianStrategy>(context, params);
}

} // namespace edgesmith
