// NSGA-II (Deb et al.): generations of offspring made by binary tournaments on
// (front rank, crowding distance), uniform crossover and per-decision mutation; the next
// population is the best of parents and offspring by front, then crowding. With one
// objective or a soft rule the fronts reduce to fitness order.
#include "core/search/pareto.h"
#include "core/search/strategies.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace edgesmith {
namespace {

struct Ranked {
    std::vector<std::size_t> rank;
    std::vector<double> crowding;
};

class Nsga2 : public Strategy {
public:
    Nsga2(const StrategyContext& context, const Json& params)
        : context_(context), populationSize_(params.at("population").get<int>()), generations_(params.at("generations").get<int>()),
          crossover_(params.at("crossover_probability").get<double>()), mutation_(params.at("mutation_probability").get<double>()),
          random_(params.at("seed").get<std::uint64_t>()) {
        if (context.budget > 0) generations_ = std::numeric_limits<int>::max();
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        if (asked_ == populationSize_ && told_ == populationSize_) nextGeneration();
        while (static_cast<int>(batch.size()) < count && asked_ < populationSize_ && generation_ < generations_) {
            Genotype genotype = generation_ == 0 ? sampleWithinBudgets(context_, random_) : offspring();
            seen_.insert(context_.space->key(genotype));
            batch.push_back(genotype);
            ++asked_;
        }
        return batch;
    }

    void tell(const Candidate& candidate) override {
        ++told_;
        offspring_.push_back(summary(candidate));
    }

    bool finished() const override {
        return generation_ >= generations_ || (generation_ == generations_ - 1 && asked_ == populationSize_ && told_ == populationSize_);
    }
    std::int64_t plannedEvaluations() const override {
        return generations_ == std::numeric_limits<int>::max() ? 0 : std::int64_t(populationSize_) * generations_;
    }
    int generation() const override { return generation_; }

    Json state() const override {
        const auto list = [](const std::vector<Candidate>& members) {
            Json array = Json::array();
            for (const Candidate& member : members) array.push_back(member.toJson());
            return array;
        };
        return {{"random", saveRandom(random_)}, {"generation", generation_}, {"asked", asked_}, {"told", told_},
                {"parents", list(parents_)},     {"offspring", list(offspring_)}, {"seen", Json(seen_)}};
    }
    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        generation_ = state.at("generation").get<int>();
        asked_ = state.at("asked").get<int>();
        told_ = state.at("told").get<int>();
        parents_.clear();
        offspring_.clear();
        for (const Json& member : state.at("parents")) parents_.push_back(Candidate::fromJson(member));
        for (const Json& member : state.at("offspring")) offspring_.push_back(Candidate::fromJson(member));
        seen_ = state.at("seen").get<std::set<std::string>>();
        if (!parents_.empty()) ranked_ = rank(parents_);
    }

private:
    // Environmental selection: whole fronts while they fit, the last one by crowding.
    void nextGeneration() {
        std::vector<Candidate> pool = parents_;
        pool.insert(pool.end(), offspring_.begin(), offspring_.end());
        std::vector<Point> points;
        for (const Candidate& member : pool) points.push_back(objectivePoint(member));
        std::vector<Candidate> survivors;
        for (const auto& front : nonDominatedSort(points)) {
            if (survivors.size() + front.size() <= static_cast<std::size_t>(populationSize_)) {
                for (std::size_t index : front) survivors.push_back(pool[index]);
                continue;
            }
            const auto distance = crowdingDistance(points, front);
            std::vector<std::size_t> order(front.size());
            for (std::size_t position = 0; position < order.size(); ++position) order[position] = position;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return distance[a] > distance[b]; });
            for (std::size_t position : order) {
                if (survivors.size() == static_cast<std::size_t>(populationSize_)) break;
                survivors.push_back(pool[front[position]]);
            }
            break;
        }
        parents_ = std::move(survivors);
        offspring_.clear();
        ranked_ = rank(parents_);
        ++generation_;
        asked_ = told_ = 0;
    }

    // Several objectives under "pareto" use the objective vector; otherwise one value.
    // Infeasible and failed members (infinite values) get a huge finite one instead: they
    // still sort behind every evaluated member, and crowding stays defined.
    Point objectivePoint(const Candidate& member) const {
        const Objectives& objectives = *context_.objectives;
        Point point = objectives.softKind() == "pareto" ? objectives.minimised(member) : Point{-objectives.fitness(member)};
        for (double& value : point)
            if (!std::isfinite(value)) value = 1e300;
        return point;
    }

    Ranked rank(const std::vector<Candidate>& members) const {
        std::vector<Point> points;
        for (const Candidate& member : members) points.push_back(objectivePoint(member));
        Ranked ranked{std::vector<std::size_t>(members.size()), std::vector<double>(members.size())};
        const auto fronts = nonDominatedSort(points);
        for (std::size_t level = 0; level < fronts.size(); ++level) {
            const auto distance = crowdingDistance(points, fronts[level]);
            for (std::size_t position = 0; position < fronts[level].size(); ++position) {
                ranked.rank[fronts[level][position]] = level;
                ranked.crowding[fronts[level][position]] = distance[position];
            }
        }
        return ranked;
    }

    std::size_t binaryTournament() {
        std::uniform_int_distribution<std::size_t> pick(0, parents_.size() - 1);
        const std::size_t a = pick(random_), b = pick(random_);
        if (ranked_.rank[a] != ranked_.rank[b]) return ranked_.rank[a] < ranked_.rank[b] ? a : b;
        return ranked_.crowding[a] >= ranked_.crowding[b] ? a : b;
    }

    Genotype offspring() {
        const SearchSpace& space = *context_.space;
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        Genotype child;
        for (int attempt = 0; attempt < 50; ++attempt) {
            const Genotype& mother = parents_[binaryTournament()].genotype;
            const Genotype& father = parents_[binaryTournament()].genotype;
            child = uniform(random_) < crossover_ ? space.crossover(mother, father, random_) : mother;
            // Per-decision mutation; at least one change keeps children from being clones.
            std::binomial_distribution<int> changes(static_cast<int>(child.size()), mutation_);
            child = space.mutate(child, std::max(1, changes(random_)), random_);
            if (!seen_.count(space.key(child)) && (!context_.withinBudgets || context_.withinBudgets(child))) break;
        }
        return child;
    }

    StrategyContext context_;
    int populationSize_, generations_;
    double crossover_, mutation_;
    std::mt19937_64 random_;
    int generation_ = 0, asked_ = 0, told_ = 0;
    std::vector<Candidate> parents_, offspring_;
    Ranked ranked_;
    std::set<std::string> seen_;
};

} // namespace

std::unique_ptr<Strategy> makeNsga2Strategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<Nsga2>(context, params);
}

} // namespace edgesmith
