// Greedy / progressive search: starting from the first option of every decision (the
// templates list the cheapest first), walk the decisions in order, try a few other
// options of the current one with the rest fixed, and keep the option with the best
// marginal gain of fitness per relative cost increase. Passes repeat until one changes
// nothing; with an engine budget the walk then restarts from a random architecture.
#include "core/search/strategies.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace edgesmith {
namespace {

class Greedy : public Strategy {
public:
    Greedy(const StrategyContext& context, const Json& params)
        : context_(context), optionsPerStep_(params.at("candidates_per_step").get<int>()),
          random_(params.at("seed").get<std::uint64_t>()) {
        const Objectives& objectives = *context.objectives;
        if (objectives.softKind() == "pareto" && objectives.list().size() > 1) costObjective_ = 1;
        incumbent_ = context.space->canonical(Genotype(context.space->decisions().size(), 0));
        if (context.withinBudgets && !context.withinBudgets(incumbent_)) incumbent_ = sampleWithinBudgets(context, random_);
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        if (!started_) {
            started_ = true;
            pending_ = 1;
            batch.push_back(incumbent_);
            return batch;
        }
        if (pending_ > 0 || done_) return batch;
        if (!trials_.empty()) return batch;
        trials_ = nextTrials();
        if (trials_.empty()) return batch;
        for (const Genotype& trial : trials_) batch.push_back(trial);
        pending_ = static_cast<int>(trials_.size());
        (void)count; // one decision's trials go out together; they are few
        return batch;
    }

    void tell(const Candidate& candidate) override {
        pending_ = std::max(0, pending_ - 1);
        if (!haveIncumbent_) {
            incumbentResult_ = summary(candidate);
            haveIncumbent_ = true;
            trials_.clear();
            return;
        }
        results_.push_back(summary(candidate));
        if (pending_ == 0) decide();
    }

    bool finished() const override { return done_ && pending_ == 0; }
    int generation() const override { return pass_; }

    Json state() const override {
        Json results = Json::array();
        for (const Candidate& result : results_) results.push_back(result.toJson());
        Json trials = Json::array();
        for (const Genotype& trial : trials_) trials.push_back(trial);
        return {{"random", saveRandom(random_)}, {"incumbent", incumbent_}, {"incumbent_result", haveIncumbent_ ? incumbentResult_.toJson() : Json()},
                {"decision", decision_}, {"pass", pass_}, {"changed", changed_}, {"started", started_}, {"pending", pending_},
                {"done", done_}, {"trials", trials}, {"results", results}};
    }
    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        incumbent_ = state.at("incumbent").get<Genotype>();
        haveIncumbent_ = !state.at("incumbent_result").is_null();
        if (haveIncumbent_) incumbentResult_ = Candidate::fromJson(state.at("incumbent_result"));
        decision_ = state.at("decision").get<std::size_t>();
        pass_ = state.at("pass").get<int>();
        changed_ = state.at("changed").get<bool>();
        started_ = state.at("started").get<bool>();
        pending_ = state.at("pending").get<int>();
        done_ = state.at("done").get<bool>();
        trials_.clear();
        for (const Json& trial : state.at("trials")) trials_.push_back(trial.get<Genotype>());
        results_.clear();
        for (const Json& result : state.at("results")) results_.push_back(Candidate::fromJson(result));
    }

private:
    // Trials for the next active decision that has alternatives; empty when the pass
    // ends without change (and no engine budget asks for more).
    std::vector<Genotype> nextTrials() {
        const SearchSpace& space = *context_.space;
        while (true) {
            if (decision_ >= space.decisions().size()) {
                if (!changed_ && !restart()) return {};
                decision_ = 0;
                changed_ = false;
                ++pass_;
                if (!haveIncumbent_) return {incumbent_};
            }
            const std::size_t current = decision_++;
            if (!space.isActive(incumbent_, current)) continue;
            std::vector<int> options;
            for (int option = 0; option < static_cast<int>(space.decisions()[current].options.size()); ++option)
                if (option != incumbent_[current]) options.push_back(option);
            std::shuffle(options.begin(), options.end(), random_);
            std::vector<Genotype> trials;
            for (int option : options) {
                if (static_cast<int>(trials.size()) >= optionsPerStep_) break;
                Genotype trial = incumbent_;
                trial[current] = option;
                trial = space.canonical(trial);
                if (context_.withinBudgets && !context_.withinBudgets(trial)) continue;
                trials.push_back(trial);
            }
            if (!trials.empty()) return trials;
        }
    }

    // A pass that changed nothing is a local optimum: finish, or restart when the engine
    // gave a budget to spend.
    bool restart() {
        if (context_.budget <= 0) {
            done_ = true;
            return false;
        }
        incumbent_ = sampleWithinBudgets(context_, random_);
        haveIncumbent_ = false;
        pending_ = 0;
        return true;
    }

    double cost(const Candidate& candidate) const {
        if (costObjective_ < 0) return 0;
        return context_.objectives->minimised(candidate)[static_cast<std::size_t>(costObjective_)];
    }

    void decide() {
        const Objectives& objectives = *context_.objectives;
        const double base = objectives.fitness(incumbentResult_);
        const double baseCost = cost(incumbentResult_);
        double bestScore = 0;
        const Candidate* best = nullptr;
        for (const Candidate& result : results_) {
            const double gain = objectives.fitness(result) - base;
            if (!(gain > 0) || !std::isfinite(gain)) continue;
            const double increase = (cost(result) - baseCost) / std::max(std::abs(baseCost), 1e-12);
            const double score = gain / std::max(increase, 0.01);
            if (score > bestScore) {
                bestScore = score;
                best = &result;
            }
        }
        if (best) {
            incumbent_ = best->genotype;
            incumbentResult_ = *best;
            changed_ = true;
        }
        results_.clear();
        trials_.clear();
    }

    StrategyContext context_;
    int optionsPerStep_;
    std::mt19937_64 random_;
    int costObjective_ = -1;
    Genotype incumbent_;
    Candidate incumbentResult_;
    bool haveIncumbent_ = false, started_ = false, changed_ = false, done_ = false;
    std::size_t decision_ = 0;
    int pass_ = 0, pending_ = 0;
    std::vector<Genotype> trials_;
    std::vector<Candidate> results_;
};

} // namespace

std::unique_ptr<Strategy> makeGreedyStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<Greedy>(context, params);
}

} // namespace edgesmith
