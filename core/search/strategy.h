#pragma once
// The search-strategy contract (survey III-B). The engine calls, in a loop:
//   ask(free)   whenever workers are free: up to `free` genotypes to evaluate next. A
//               strategy may return fewer, or none, to wait for results (e.g. at a
//               generation boundary); it returns none for good once finished().
//   tell(c)     once per evaluated candidate, in completion order, which need not be
//               ask order when several workers run.
//   state()     after every tell: everything needed to continue (random engine,
//               population, model), as JSON. The engine stores it with the candidate.
//   restore(s)  on resume, instead of replaying: the strategy continues as if never
//               stopped. Genotypes asked but not told before the stop are re-submitted
//               by the engine, not asked again.
// Strategies see candidates read-only and never reach into the store. A new strategy is
// one class plus one line in strategy_registry.cpp, and a catalog entry for its schema.
#include "core/common/json.h"
#include "core/search/candidate.h"
#include "core/search/objectives.h"
#include "core/space/space.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace edgesmith {

struct StrategyContext {
    const SearchSpace* space = nullptr;
    const Objectives* objectives = nullptr;
    // Whether a genotype keeps every hard budget on cheap (analytic) metrics; strategies
    // that sample "constrained" use it to resample. Always set by the engine.
    std::function<bool(const Genotype&)> withinBudgets;
    // Evaluations the engine will allow (0: the strategy's own parameters decide its
    // length). When set, strategies keep proposing until the engine stops them.
    std::int64_t budget = 0;
};

class Strategy {
public:
    virtual ~Strategy() = default;
    virtual std::vector<Genotype> ask(int count) = 0;
    virtual void tell(const Candidate& candidate) = 0;
    virtual bool finished() const = 0;
    virtual Json state() const = 0;
    virtual void restore(const Json& state) = 0;
    // Evaluations the strategy plans in total when known (progress and ETA); 0 otherwise.
    virtual std::int64_t plannedEvaluations() const { return 0; }
    // The generation (or step) of the genotypes the last ask() returned, for plots.
    virtual int generation() const { return 0; }
};

using StrategyFactory = std::function<std::unique_ptr<Strategy>(const StrategyContext& context, const Json& params)>;

// Builds the strategy registered under `name` (a strategyCatalog() name) with `params`
// completed by the catalog defaults. Throws Error naming strategy.name when unknown.
std::unique_ptr<Strategy> makeStrategy(const std::string& name, const StrategyContext& context, const Json& params);
std::vector<std::string> registeredStrategies();

// Shared by strategies: a uniform draw that keeps the hard budgets, trying up to
// `maxDraws` times (the last draw is returned when none fits; the engine then records
// it as infeasible without training it).
Genotype sampleWithinBudgets(const StrategyContext& context, std::mt19937_64& random, int maxDraws = 1000);

// Shared by strategies: the candidate without its details (layers, curves), which is all
// a strategy needs to keep in its state.
Candidate summary(const Candidate& candidate);
Json summaryJson(const Candidate& candidate);

// Shared by strategies: a random engine that round-trips through JSON text.
std::string saveRandom(const std::mt19937_64& random);
void loadRandom(std::mt19937_64& random, const std::string& text);

} // namespace edgesmith
