// Regularized (aging) evolution, Real et al.: a population queue in which the oldest
// member dies when a child is born; parents are tournament winners. It is naturally
// asynchronous, so every free worker gets a child as soon as the first population is in.
#include "core/search/pareto.h"
#include "core/search/strategies.h"

#include <deque>
#include <limits>

namespace edgesmith {
namespace {

class RegularizedEvolution : public Strategy {
public:
    RegularizedEvolution(const StrategyContext& context, const Json& params)
        : context_(context), populationSize_(params.at("population").get<int>()), tournamentSize_(params.at("tournament_size").get<int>()),
          cycles_(params.at("cycles").get<std::int64_t>()), mutations_(params.at("mutations").get<int>()),
          random_(params.at("seed").get<std::uint64_t>()) {
        // With an engine budget, repeats answered from the cache must not use up cycles.
        if (context.budget > 0) cycles_ = std::numeric_limits<std::int64_t>::max() - populationSize_;
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        while (static_cast<int>(batch.size()) < count) {
            if (initialAsked_ < populationSize_) {
                batch.push_back(sampleWithinBudgets(context_, random_));
                ++initialAsked_;
            } else if (childrenAsked_ < cycles_ && population_.size() >= 2) {
                batch.push_back(child());
                ++childrenAsked_;
            } else {
                break; // wait for the first population, or done
            }
        }
        return batch;
    }

    void tell(const Candidate& candidate) override {
        ++told_;
        // Discarded or failed candidates never become parents.
        if (candidate.status != CandidateStatus::Evaluated) return;
        population_.push_back(summary(candidate));
        if (static_cast<int>(population_.size()) > populationSize_) population_.pop_front();
    }

    bool finished() const override { return initialAsked_ >= populationSize_ && childrenAsked_ >= cycles_ && told_ >= initialAsked_ + childrenAsked_; }
    std::int64_t plannedEvaluations() const override { return context_.budget > 0 ? context_.budget : populationSize_ + cycles_; }
    int generation() const override { return static_cast<int>(childrenAsked_ / std::max(1, populationSize_)) + (childrenAsked_ > 0 ? 1 : 0); }

    Json state() const override {
        Json members = Json::array();
        for (const Candidate& member : population_) members.push_back(member.toJson());
        return {{"random", saveRandom(random_)}, {"initial_asked", initialAsked_}, {"children_asked", childrenAsked_},
                {"told", told_}, {"population", members}};
    }
    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        initialAsked_ = state.at("initial_asked").get<std::int64_t>();
        childrenAsked_ = state.at("children_asked").get<std::int64_t>();
        told_ = state.at("told").get<std::int64_t>();
        population_.clear();
        for (const Json& member : state.at("population")) population_.push_back(Candidate::fromJson(member));
    }

private:
    Genotype child() {
        const Candidate& parent = tournament();
        Genotype genotype = context_.space->mutate(parent.genotype, mutations_, random_);
        // Mutation may step outside the budgets; a few retries keep the child feasible.
        for (int attempt = 0; attempt < 50 && context_.withinBudgets && !context_.withinBudgets(genotype); ++attempt)
            genotype = context_.space->mutate(parent.genotype, mutations_, random_);
        return genotype;
    }

    // Several objectives under "pareto": any non-dominated member of the sample may win,
    // which keeps the whole front evolving; otherwise the fittest wins.
    const Candidate& tournament() {
        std::uniform_int_distribution<std::size_t> pick(0, population_.size() - 1);
        std::vector<std::size_t> sample;
        for (int draw = 0; draw < tournamentSize_; ++draw) sample.push_back(pick(random_));
        const Objectives& objectives = *context_.objectives;
        if (objectives.softKind() == "pareto" && objectives.list().size() > 1) {
            std::vector<Point> points;
            for (std::size_t index : sample) points.push_back(objectives.minimised(population_[index]));
            const auto front = paretoFront(points);
            std::uniform_int_distribution<std::size_t> winner(0, front.size() - 1);
            return population_[sample[front[winner(random_)]]];
        }
        std::size_t best = sample.front();
        for (std::size_t index : sample)
            if (objectives.fitness(population_[index]) > objectives.fitness(population_[best])) best = index;
        return population_[best];
    }

    StrategyContext context_;
    int populationSize_, tournamentSize_;
    std::int64_t cycles_;
    int mutations_;
    std::mt19937_64 random_;
    std::int64_t initialAsked_ = 0, childrenAsked_ = 0, told_ = 0;
    std::deque<Candidate> population_;
};

} // namespace

std::unique_ptr<Strategy> makeRegularizedEvolutionStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<RegularizedEvolution>(context, params);
}

} // namespace edgesmith
