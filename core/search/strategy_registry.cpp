#include "core/common/error.h"
#include "core/project/catalog.h"
#include "core/search/strategies.h"

#include <map>
#include <sstream>

namespace edgesmith {
namespace {

const std::map<std::string, StrategyFactory>& registry() {
    static const std::map<std::string, StrategyFactory> factories = {
        {"grid", makeGridStrategy},
        {"random", makeRandomStrategy},
        {"regularized-evolution", makeRegularizedEvolutionStrategy},
        {"nsga2", makeNsga2Strategy},
        {"bayesian", makeBayesianStrategy},
        {"reinforce", makeReinforceStrategy},
        {"greedy", makeGreedyStrategy},
    };
    return factories;
}

} // namespace

std::unique_ptr<Strategy> makeStrategy(const std::string& name, const StrategyContext& context, const Json& params) {
    const auto found = registry().find(name);
    const MethodInfo* method = findMethod(strategyCatalog(), name);
    if (found == registry().end() || !method)
        throw Error("", "strategy.name", "unknown strategy \"" + name + "\"; known: " + [] {
            std::string names;
            for (const auto& [known, factory] : registry()) names += (names.empty() ? "" : ", ") + known;
            return names;
        }());
    if (!context.space || !context.objectives) throw Error("", "strategy", "a strategy needs a search space and objectives");
    // The catalog defaults under the given values, so strategies read every key.
    return found->second(context, schema::withDefaults(params.is_object() ? params : Json::object(), method->parameters));
}

std::vector<std::string> registeredStrategies() {
    std::vector<std::string> names;
    for (const auto& [name, factory] : registry()) names.push_back(name);
    return names;
}

Genotype sampleWithinBudgets(const StrategyContext& context, std::mt19937_64& random, int maxDraws) {
    Genotype genotype = context.space->sample(random);
    for (int draw = 1; draw < maxDraws && context.withinBudgets && !context.withinBudgets(genotype); ++draw)
        genotype = context.space->sample(random);
    return genotype;
}

Candidate summary(const Candidate& candidate) {
    Candidate slim = candidate;
    slim.details = Json::object();
    return slim;
}

Json summaryJson(const Candidate& candidate) { return summary(candidate).toJson(); }

std::string saveRandom(const std::mt19937_64& random) {
    std::ostringstream stream;
    stream << random;
    return stream.str();
}

void loadRandom(std::mt19937_64& random, const std::string& text) {
    std::istringstream stream(text);
    stream >> random;
    if (!stream) throw Error("", "state.random", "the saved random-engine state is unreadable");
}

} // namespace edgesmith
