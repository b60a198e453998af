#pragma once
// Factories of the shipped strategies; strategy_registry.cpp maps catalog names to them.
// `params` arrive completed with the catalog defaults (see strategyCatalog()).
#include "core/search/strategy.h"

namespace edgesmith {

std::unique_ptr<Strategy> makeGridStrategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeRandomStrategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeRegularizedEvolutionStrategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeNsga2Strategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeBayesianStrategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeReinforceStrategy(const StrategyContext& context, const Json& params);
std::unique_ptr<Strategy> makeGreedyStrategy(const StrategyContext& context, const Json& params);

} // namespace edgesmith
