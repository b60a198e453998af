#pragma once
// Automated compression policies (survey IV). Mixed precision, the HAQ setting: a policy gives every
// convolution and linear layer its own weight bitwidth (and, when asked, activation
// bitwidth), and a strategy searches those vectors under a storage and/or BitOps budget.
// Each policy is scored by post-training quantization of the trained weights (calibration
// only, no training) and accuracy on validation images; the test split is never seen.
// Budgets are kept the HAQ way: a proposed policy that breaks one has its bitwidths lowered,
// the layer that saves the most first, until it fits, so no policy over budget is ever
// evaluated or returned.
//
// Strategies (policyStrategies()) are small ask/tell classes: random, evolution
// (regularised evolution), annealing (simulated annealing) and rl (a Gaussian policy over
// layer features whose continuous action in [0, 1] is rounded to a bitwidth choice,
// trained with REINFORCE: the AMC/HAQ action space without the DDPG critic); and every
// strategy of the search engine's registry (nsga2, bayesian, reinforce, grid, ...), which
// sees the policy as a genotype with two objectives, accuracy and the budget's cost. Those
// are told over-budget proposals as infeasible instead of having them repaired.
#include "core/compress/low_rank.h"
#include "core/compress/pruning.h"
#include "core/compress/quantization.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace edgesmith {

struct PolicyBudget {
    std::int64_t storageBytes = 0; // 0: no limit
    double bitops = 0;             // 0: no limit
    std::int64_t macs = 0;         // 0: no limit
};

struct PolicySearchOptions {
    std::string strategy = "evolution";
    std::vector<int> weightChoices{2, 3, 4, 5, 6, 8};
    std::vector<int> activationChoices{8}; // one choice: fixed, not searched
    PolicyBudget budget;
    int evaluations = 40;
    int validationImages = 2000;           // the first ones of the validation split
    std::uint64_t seed = 1;
    QuantizationPolicy settings;           // per channel, calibration, ...; its bitwidths are ignored
};

struct PolicyTrial {
    int number = 0;                        // 1-based evaluation order
    QuantizationPolicy policy;
    double accuracy = 0;                   // top-1 % on the validation images
    Metrics metrics;                       // analytic, at the policy's bitwidths
    double seconds = 0;
};

// What every policy search returns: the scored trials in evaluation order, and the best —
// highest validation accuracy; ties go to the cheaper (storage for bitwidths, MACs for
// pruning rates and ranks).
template <typename Trial>
struct PolicySearchOutcome {
    std::vector<Trial> trials;
    Trial best;
};
using PolicySearchResult = PolicySearchOutcome<PolicyTrial>;

using PolicyProgress = std::function<void(const PolicyTrial&)>;

std::vector<std::string> policyStrategies();

// `policy` with its bitwidths snapped down to the choices and then lowered, one step of the
// layer that saves the most at a time, until the budget holds: the HAQ repair. Throws Error naming budget.storage_bytes / budget.bitops when even
// the lowest choices do not fit.
QuantizationPolicy fitToBudget(const Architecture& architecture, QuantizationPolicy policy, const PolicySearchOptions& options);

// Searches on `network`'s trained weights and leaves them as they were (float, no input
// quantization). Throws Error for an unknown strategy, empty or out-of-range choices, or a
// budget that cannot be met.
PolicySearchResult searchQuantizationPolicy(Network& network, const Splits& splits, const PolicySearchOptions& options,
                                            const PolicyProgress& progress = {});

// Automated pruning (survey IV, the AMC setting): a rate per prunable channel group, from
// `rateChoices`, under a MACs / storage / BitOps budget of the pruned float network, with
// the same strategies and the same repair (the group whose next step saves the most is
// pruned further). Each policy is scored by pruning a copy (the network itself is not
// changed), recalibrating batch norm and measuring validation accuracy without
// fine-tuning; fine-tune the chosen one.
struct PruningSearchOptions {
    std::string strategy = "evolution";
    std::vector<double> rateChoices{0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75};
    PolicyBudget budget;
    ChannelImportance importance = ChannelImportance::L1; // not Taylor
    int evaluations = 30;
    int validationImages = 2000;
    int recalibrationBatches = 10;
    std::uint64_t seed = 1;
};

struct PruningTrial {
    int number = 0;
    std::map<std::string, double> rates; // by prunable layer
    double accuracy = 0;                 // validation top-1 %, before fine-tuning
    Metrics metrics;                     // of the pruned architecture
    double seconds = 0;
};

using PruningSearchResult = PolicySearchOutcome<PruningTrial>;

using PruningProgress = std::function<void(const PruningTrial&)>;

PruningSearchResult searchPruningPolicy(Network& network, const Splits& splits, const PruningSearchOptions& options,
                                        const PruningProgress& progress = {});

// Searched low-rank ranks: per factorisable layer a kept fraction of its rank from
// `rankChoices` (or the layer kept whole, the most expensive choice), under a MACs /
// storage budget of the factorised float network, with the same strategies and repair.
// Each policy is scored by factorising a copy and measuring validation accuracy without
// fine-tuning; fine-tune the chosen one.
struct RankSearchOptions {
    std::string strategy = "evolution";
    std::vector<double> rankChoices{0.125, 0.25, 0.5, 0.75}; // of min(out, in) for SVD; of out and in for Tucker-2
    PolicyBudget budget;
    int evaluations = 30;
    int validationImages = 2000;
    std::uint64_t seed = 1;
};

struct RankTrial {
    int number = 0;
    std::vector<LayerRanks> ranks; // the layers factorised, with their ranks
    double accuracy = 0;           // validation top-1 %, before fine-tuning
    Metrics metrics;               // of the factorised architecture
    double seconds = 0;
};

using RankSearchResult = PolicySearchOutcome<RankTrial>;

using RankProgress = std::function<void(const RankTrial&)>;

RankSearchResult searchRanks(Network& network, const Splits& splits, const RankSearchOptions& options, const RankProgress& progress = {});

} // namespace edgesmith
